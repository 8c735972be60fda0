//! Agencies and places with stable ids (pure): `content/data/units.toml` and
//! `content/data/places.toml`. Offices are renamed and merged (in 2025 provinces went from
//! 63 to 34, communes merged, digital transformation moved to the Department of Science and
//! Technology), so each entry keeps its old names with the date they ended and the aliases
//! people write, and a 2024 reading stays comparable with 2025 data under one id.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::slug::fold_ascii;
use crate::t;
use crate::toml_input::{self, struct_fields};
use crate::values::{DateValue, LocalText};

pub const UNITS_FILE: &str = "data/units.toml";
pub const PLACES_FILE: &str = "data/places.toml";

/// What a place may be: the levels of Vietnam's administrative units, before and after the
/// 2025 reorganisation (a `town` is a thị trấn or thị xã; a `city` is a thành phố, of the
/// centre or of a province).
pub const PLACE_KINDS: [&str; 6] = ["province", "city", "district", "town", "commune", "ward"];

/// The Vietnamese names of the kinds, folded to ASCII, as authors may write them instead.
const VIETNAMESE_KINDS: [(&str, &str); 8] = [
    ("tinh", "province"),
    ("thanh pho", "city"),
    ("huyen", "district"),
    ("quan", "district"),
    ("thi xa", "town"),
    ("thi tran", "town"),
    ("xa", "commune"),
    ("phuong", "ward"),
];

/// A name an entry carried until (and including) a date.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedName {
    pub until: DateValue,
    pub name: LocalText,
}

/// An organisational unit or a place.
#[derive(Clone, Debug, Deserialize)]
pub struct Entry {
    pub id: Spanned<String>,
    pub name: LocalText,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Earlier names, oldest first.
    #[serde(default)]
    pub names: Vec<DatedName>,
    /// For places: one of `PLACE_KINDS`.
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// For places formed by a merger: the ids of the places they absorbed.
    #[serde(default)]
    pub merged_from: Vec<Spanned<String>>,
}

impl Entry {
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }

    /// The name in force on `date` (the current name when no date is given).
    pub fn name_on(&self, date: Option<NaiveDate>) -> &LocalText {
        match date {
            Some(date) => self
                .names
                .iter()
                .find(|n| date <= n.until.date())
                .map_or(&self.name, |n| &n.name),
            None => &self.name,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct UnitsFile {
    #[serde(default)]
    unit: Vec<Entry>,
}

#[derive(Debug, Default, Deserialize)]
struct PlacesFile {
    #[serde(default)]
    place: Vec<Entry>,
}

/// Units and places of the site.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    pub units: Vec<Entry>,
    pub places: Vec<Entry>,
}

/// Which list an id is looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Unit,
    Place,
}

impl Kind {
    fn file(self) -> &'static str {
        match self {
            Kind::Unit => UNITS_FILE,
            Kind::Place => PLACES_FILE,
        }
    }
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(&["unit", "place"]),
        ["unit"] | ["place"] => Some(struct_fields::<Entry>()),
        ["unit", "names"] | ["place", "names"] => Some(struct_fields::<DatedName>()),
        _ => None,
    }
}

impl Registry {
    /// Parses the two files (either may be missing: `None`). Ids must be unique.
    pub fn parse(units: Option<&str>, places: Option<&str>) -> (Registry, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut registry = Registry::default();
        if let Some(text) = units {
            let file = format!("content/{UNITS_FILE}");
            let source = Source::new(&file, text);
            let (parsed, found) = toml_input::parse::<UnitsFile>(&source, &file, &known_keys);
            diagnostics.extend(found);
            registry.units = parsed.unwrap_or_default().unit;
            diagnostics.extend(duplicates(&source, &registry.units, Kind::Unit));
        }
        if let Some(text) = places {
            let file = format!("content/{PLACES_FILE}");
            let source = Source::new(&file, text);
            let (parsed, found) = toml_input::parse::<PlacesFile>(&source, &file, &known_keys);
            diagnostics.extend(found);
            registry.places = parsed.unwrap_or_default().place;
            diagnostics.extend(duplicates(&source, &registry.places, Kind::Place));
            diagnostics.extend(place_kinds(&source, &registry.places));
            for place in &registry.places {
                for absorbed in &place.merged_from {
                    if !registry.places.iter().any(|p| p.id() == absorbed.get_ref()) {
                        diagnostics.push(
                            Diagnostic::error(
                                "unknown-id",
                                t!("registry-merged-unknown", id = absorbed.get_ref()),
                            )
                            .at(&source, absorbed.span())
                            .with_hint(suggest(
                                absorbed.get_ref(),
                                &registry.places,
                                Kind::Place,
                            )),
                        );
                    }
                }
            }
        }
        (registry, diagnostics)
    }

    fn entries(&self, kind: Kind) -> &[Entry] {
        match kind {
            Kind::Unit => &self.units,
            Kind::Place => &self.places,
        }
    }

    /// The entry an id or an alias (any case, with or without diacritics) names.
    pub fn find(&self, kind: Kind, written: &str) -> Option<&Entry> {
        let entries = self.entries(kind);
        entries.iter().find(|e| e.id() == written).or_else(|| {
            let folded = fold_ascii(written.trim());
            entries.iter().find(|e| {
                fold_ascii(e.id()) == folded || e.aliases.iter().any(|a| fold_ascii(a) == folded)
            })
        })
    }

    /// The entry an id, an alias or one of its names (current or earlier, in any language;
    /// any case, with or without diacritics, spaces collapsed) names.
    pub fn find_named(&self, kind: Kind, written: &str) -> Option<&Entry> {
        self.find(kind, written).or_else(|| {
            let key = name_key(written);
            self.entries(kind).iter().find(|e| {
                std::iter::once(&e.name)
                    .chain(e.names.iter().map(|n| &n.name))
                    .any(|name| texts(name).any(|t| name_key(t) == key))
            })
        })
    }

    /// Resolves `written` to an id, or explains in words what is wrong with it.
    pub fn resolve(&self, kind: Kind, written: &str) -> Result<&Entry, (String, String)> {
        self.find(kind, written).ok_or_else(|| {
            let entries = self.entries(kind);
            let file = kind.file();
            let message = match (kind, entries.is_empty()) {
                (Kind::Unit, true) => t!("registry-no-units", written = written, file = file),
                (Kind::Place, true) => t!("registry-no-places", written = written, file = file),
                (Kind::Unit, false) => t!("registry-unknown-unit", written = written),
                (Kind::Place, false) => t!("registry-unknown-place", written = written),
            };
            (message, suggest(written, entries, kind))
        })
    }
}

/// Every language's text of a name.
fn texts(text: &LocalText) -> Box<dyn Iterator<Item = &str> + '_> {
    match text {
        LocalText::One(one) => Box::new(std::iter::once(one.as_str())),
        LocalText::ByLanguage(map) => Box::new(map.values().map(String::as_str)),
    }
}

/// How names are compared: folded to lowercase ASCII, spaces collapsed.
fn name_key(name: &str) -> String {
    fold_ascii(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn suggest(written: &str, entries: &[Entry], kind: Kind) -> String {
    let ids = entries.iter().map(Entry::id);
    match did_you_mean(written, ids) {
        Some(id) => t!("did-you-mean", suggestion = id),
        None => t!(
            "registry-add-id-hint",
            file = kind.file(),
            written = written
        ),
    }
}

/// A place's `kind` must be one of `PLACE_KINDS`.
fn place_kinds(source: &Source<'_>, places: &[Entry]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for kind in places.iter().filter_map(|p| p.kind.as_ref()) {
        let written = kind.get_ref();
        if PLACE_KINDS.contains(&written.as_str()) {
            continue;
        }
        let folded = fold_ascii(written.trim());
        let suggestion = PLACE_KINDS
            .iter()
            .find(|k| **k == folded)
            .copied()
            .or_else(|| {
                VIETNAMESE_KINDS
                    .iter()
                    .find(|(vi, _)| *vi == folded)
                    .map(|(_, kind)| *kind)
            })
            .or_else(|| did_you_mean(&folded, PLACE_KINDS));
        let hint = match suggestion {
            Some(kind) => t!("did-you-mean", suggestion = kind),
            None => t!("registry-place-kinds-hint", kinds = PLACE_KINDS.join(", ")),
        };
        out.push(
            Diagnostic::error("place-kind", t!("registry-place-kind", written = written))
                .at(source, kind.span())
                .with_hint(hint),
        );
    }
    out
}

fn duplicates(source: &Source<'_>, entries: &[Entry], kind: Kind) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if entries[..i].iter().any(|e| e.id() == entry.id()) {
            let message = match kind {
                Kind::Unit => t!("registry-duplicate-unit", id = entry.id()),
                Kind::Place => t!("registry-duplicate-place", id = entry.id()),
            };
            out.push(
                Diagnostic::error("duplicate-id", message)
                    .at(source, entry.id.span())
                    .with_hint(t!("registry-duplicate-hint")),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: &str = r#"
[[unit]]
id = "so-khcn"
name = { vi = "Sở Khoa học và Công nghệ", en = "Department of Science and Technology" }
aliases = ["Sở KH&CN"]
names = [{ until = 2025-02-28, name = { vi = "Sở Thông tin và Truyền thông", en = "Department of Information and Communications" } }]

[[unit]]
id = "so-noi-vu"
name = "Sở Nội vụ"
"#;

    #[test]
    fn names_follow_the_date_and_aliases_resolve() {
        let (registry, diagnostics) = Registry::parse(Some(UNITS), None);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let unit = registry.find(Kind::Unit, "so kh&cn").unwrap();
        assert_eq!(unit.id(), "so-khcn");
        let before = NaiveDate::from_ymd_opt(2024, 12, 31);
        assert_eq!(
            unit.name_on(before).get("vi", "vi"),
            "Sở Thông tin và Truyền thông"
        );
        let after = NaiveDate::from_ymd_opt(2025, 3, 1);
        assert_eq!(
            unit.name_on(after).get("en", "vi"),
            "Department of Science and Technology"
        );
        assert!(registry.find(Kind::Unit, "Sở Nội vụ").is_none());
        for name in [
            "Sở Nội vụ",
            "SỞ  KHOA HỌC VÀ CÔNG NGHỆ",
            "department of science and technology",
            "Sở Thông tin và Truyền thông",
        ] {
            assert!(registry.find_named(Kind::Unit, name).is_some(), "{name}");
        }
        assert!(registry.find_named(Kind::Unit, "Sở Tài chính").is_none());
        assert_eq!(
            registry.resolve(Kind::Unit, "so-khnc").unwrap_err().1,
            "did you mean `so-khcn`?"
        );
    }

    #[test]
    fn place_kinds_are_checked_with_a_suggestion() {
        let places = "[[place]]\nid = \"xa-a\"\nname = \"Xã A\"\nkind = \"commune\"\n\
                      [[place]]\nid = \"p-b\"\nname = \"Phường B\"\nkind = \"wrad\"\n\
                      [[place]]\nid = \"xa-c\"\nname = \"Xã C\"\nkind = \"Xã\"\n\
                      [[place]]\nid = \"x-d\"\nname = \"D\"\nkind = \"village\"\n\
                      [[place]]\nid = \"tinh-e\"\nname = \"E\"\nkind = \"Province\"\n";
        let (registry, diagnostics) = Registry::parse(None, Some(places));
        assert_eq!(registry.places.len(), 5);
        let found: Vec<(&str, String, Option<&str>)> = diagnostics
            .iter()
            .map(|d| (d.code, d.location(), d.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "place-kind",
                    "content/data/places.toml:8:8".to_string(),
                    Some("did you mean `ward`?")
                ),
                (
                    "place-kind",
                    "content/data/places.toml:12:8".to_string(),
                    Some("did you mean `commune`?")
                ),
                (
                    "place-kind",
                    "content/data/places.toml:16:8".to_string(),
                    Some("write one of: province, city, district, town, commune, ward")
                ),
                (
                    "place-kind",
                    "content/data/places.toml:20:8".to_string(),
                    Some("did you mean `province`?")
                ),
            ],
            "{diagnostics:#?}"
        );
        assert_eq!(diagnostics[0].message, "`wrad` is not a kind of place");
    }

    #[test]
    fn duplicate_ids_and_unknown_mergers_are_placed() {
        let units = format!("{UNITS}\n[[unit]]\nid = \"so-noi-vu\"\nname = \"x\"\n");
        let (_, diagnostics) = Registry::parse(Some(&units), None);
        assert_eq!(diagnostics[0].code, "duplicate-id");
        assert_eq!(diagnostics[0].line, 13);
        let places = "[[place]]\nid = \"xa-a\"\nname = \"Xã A\"\nmerged_from = [\"xa-bb\"]\n[[place]]\nid = \"xa-b\"\nname = \"Xã B\"\n";
        let (_, diagnostics) = Registry::parse(None, Some(places));
        assert_eq!(diagnostics[0].location(), "content/data/places.toml:4:16");
        assert_eq!(diagnostics[0].hint.as_deref(), Some("did you mean `xa-b`?"));
    }
}
