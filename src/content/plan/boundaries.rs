//! The shapes of the site's places (pure): `content/data/places.geojson` (or
//! `places.topojson`) read by `geo`, each feature matched with a place of `places.toml` by
//! id, alias or name, current or earlier (any case, with or without diacritics), so that an
//! indicator broken down by place can be drawn as a map; and which readings such a map
//! shows.

use std::collections::{BTreeMap, BTreeSet};

use super::indicators::Indicator;
use super::period::Period;
use super::readings::Reading;
use super::registry::{Entry, Kind, PLACES_FILE, Registry};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::geo::{self, Shape};
use crate::t;

/// The files the shapes may be read from, inside `content/`, the first one preferred.
pub const BOUNDARY_FILES: [&str; 2] = ["data/places.geojson", "data/places.topojson"];

/// The shapes of places, matched with `places.toml`.
#[derive(Clone, Debug, Default)]
pub struct Boundaries {
    /// The file they were read from, as messages name it (`content/data/places.geojson`).
    pub file: String,
    /// Each place's shape by place id; features naming the same place make one shape.
    pub shapes: BTreeMap<String, Shape>,
    /// Places named by a feature that could not be drawn (reported then): not reported
    /// again as having no shape.
    pub undrawn: BTreeSet<String>,
}

impl Boundaries {
    /// Reads the boundary file `file` (its text `text`) and matches its features with the
    /// places of `registry`. Features that name no place are warnings, left off the maps.
    pub fn parse(file: &str, text: &str, registry: &Registry) -> (Boundaries, Vec<Diagnostic>) {
        let (features, mut diagnostics) = geo::read(file, text);
        let mut boundaries = Boundaries {
            file: file.to_string(),
            ..Boundaries::default()
        };
        if registry.places.is_empty() {
            if !features.is_empty() {
                diagnostics.push(
                    Diagnostic::warning("map-place", t!("map-no-places", file = file))
                        .in_file(file)
                        .with_hint(t!("map-no-places-hint")),
                );
            }
            return (boundaries, diagnostics);
        }
        let source = Source::new(file, text);
        for feature in features {
            let place = feature
                .keys
                .iter()
                .find_map(|key| registry.find_named(Kind::Place, &key.value));
            let Some(place) = place else {
                diagnostics.push(unknown_place(&source, &feature, registry));
                continue;
            };
            let id = place.id().to_string();
            match feature.shape {
                Some(shape) => boundaries.shapes.entry(id).or_default().extend(shape),
                None => {
                    boundaries.undrawn.insert(id);
                }
            }
        }
        (boundaries, diagnostics)
    }

    /// Whether a feature names the place (drawn or not).
    fn names(&self, place: &str) -> bool {
        self.shapes.contains_key(place) || self.undrawn.contains(place)
    }
}

/// A warning for a feature none of whose keys names a place, suggesting the closest id or
/// name.
fn unknown_place(source: &Source<'_>, feature: &geo::Feature, registry: &Registry) -> Diagnostic {
    let Some(key) = feature.keys.first() else {
        return Diagnostic::warning("map-place", t!("map-no-key"))
            .at(source, feature.at.clone())
            .with_hint(t!("map-no-key-hint", file = PLACES_FILE));
    };
    let names: Vec<String> = registry
        .places
        .iter()
        .flat_map(|p| {
            std::iter::once(p.id().to_string())
                .chain(p.aliases.iter().cloned())
                .chain(texts(&p.name))
        })
        .collect();
    let hint = match did_you_mean(&key.value, names.iter().map(String::as_str)) {
        Some(close) => t!("did-you-mean", suggestion = close),
        None => t!("map-unknown-place-hint", file = PLACES_FILE),
    };
    Diagnostic::warning(
        "map-place",
        t!(
            "map-unknown-place",
            written = key.value.as_str(),
            property = key.property.as_str(),
            file = PLACES_FILE
        ),
    )
    .at(source, key.at.clone())
    .with_hint(hint)
}

fn texts(text: &crate::values::LocalText) -> Vec<String> {
    match text {
        crate::values::LocalText::One(one) => vec![one.clone()],
        crate::values::LocalText::ByLanguage(map) => map.values().cloned().collect(),
    }
}

/// One place of a map: its entry, its shape, and its reading of the map's period.
#[derive(Clone, Copy, Debug)]
pub struct MapArea<'p> {
    pub place: &'p Entry,
    pub shape: &'p Shape,
    /// `None` when the place has no reading of the period ("no data").
    pub value: Option<f64>,
}

/// What the map of an indicator shows: its latest period broken down, on every place with
/// a shape, in the order of `places.toml`.
#[derive(Clone, Debug)]
pub struct MapData<'p> {
    pub period: Period,
    pub areas: Vec<MapArea<'p>>,
    /// Readings of the period whose place has no shape, each place once (for the warning).
    pub unshaped: Vec<(&'p Reading, &'p Entry)>,
}

/// The map of `indicator`, made from its readings (`readings`, all of them) and the
/// site's places; `None` when it has no breakdown by place, or no reading of its latest
/// broken-down period names a place that has a shape.
pub fn map_data<'p>(
    indicator: &Indicator,
    readings: &'p [Reading],
    registry: &'p Registry,
    boundaries: &'p Boundaries,
) -> Option<MapData<'p>> {
    let breakdown = indicator.breakdown.as_ref()?;
    let period = readings
        .iter()
        .filter(|r| r.breakdown.is_some())
        .map(|r| r.period)
        .max()?;
    let mut values: BTreeMap<&str, f64> = BTreeMap::new();
    let mut unshaped: Vec<(&Reading, &Entry)> = Vec::new();
    let mut unshaped_ids: BTreeSet<&str> = BTreeSet::new();
    // A unit of the same name is no place: the entry must lie in the list of places.
    let places = registry.places.as_ptr_range();
    for reading in readings.iter().filter(|r| r.period == period) {
        let Some(written) = reading.breakdown.as_deref() else {
            continue;
        };
        let Some(place) = breakdown
            .entry(registry, written)
            .filter(|e| places.contains(&std::ptr::from_ref(*e)))
        else {
            continue;
        };
        if boundaries.shapes.contains_key(place.id()) {
            values.entry(place.id()).or_insert(reading.value);
        } else if !boundaries.names(place.id()) && unshaped_ids.insert(place.id()) {
            unshaped.push((reading, place));
        }
    }
    if values.is_empty() {
        return None;
    }
    let areas = registry
        .places
        .iter()
        .filter_map(|place| {
            let shape = boundaries.shapes.get(place.id())?;
            Some(MapArea {
                place,
                shape,
                value: values.get(place.id()).copied(),
            })
        })
        .collect();
    Some(MapData {
        period,
        areas,
        unshaped,
    })
}

/// A warning for each place that a map would show but has no shape, once per place: at
/// the first reading that names it, by its name in `default_lang`. `lines` gives the text
/// of a data file (by its name in messages) so that the line is quoted.
pub fn unshaped_warnings<'p>(
    maps: impl IntoIterator<Item = (&'p Indicator, MapData<'p>)>,
    boundaries: &Boundaries,
    default_lang: &str,
    lines: &dyn Fn(&str) -> Option<String>,
) -> Vec<Diagnostic> {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for (indicator, map) in maps {
        for (reading, place) in map.unshaped {
            if !seen.insert(place.id()) {
                continue;
            }
            let name = place
                .name_on(Some(map.period.end()))
                .get(default_lang, default_lang)
                .to_string();
            let diagnostic = Diagnostic::warning(
                "map-place",
                t!(
                    "map-place-without-shape",
                    place = name,
                    indicator = indicator.id.as_str(),
                    file = boundaries.file.as_str()
                ),
            )
            .with_hint(t!(
                "map-place-without-shape-hint",
                id = place.id(),
                file = boundaries.file.as_str()
            ));
            let diagnostic = match lines(&reading.file) {
                Some(text) => diagnostic.at_line(&reading.file, &text, reading.line, 0),
                None => {
                    let mut d = diagnostic.in_file(reading.file.as_str());
                    d.line = reading.line;
                    d
                }
            };
            out.push(diagnostic);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = r#"
[[place]]
id = "phuong-minh-an"
name = { vi = "Phường Minh An", en = "Minh An Ward" }
kind = "ward"
names = [{ until = 2025-06-30, name = "Phường Trần Hưng Đạo" }]

[[place]]
id = "xa-phuoc-hoa"
name = "Xã Phước Hòa"
kind = "commune"
"#;

    fn feature(properties: &str) -> String {
        format!(
            r#"{{"type": "Feature", "properties": {properties}, "geometry": {{"type": "Polygon", "coordinates": [[[106, 21], [106.1, 21], [106.1, 21.1]]]}}}}"#
        )
    }

    fn parse(features: &[String], places: Option<&str>) -> (Boundaries, Vec<Diagnostic>) {
        let (registry, found) = Registry::parse(None, places);
        assert!(found.is_empty(), "{found:?}");
        let text = format!(
            "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}",
            features.join(",\n")
        );
        Boundaries::parse("content/data/places.geojson", &text, &registry)
    }

    #[test]
    fn features_name_places_by_id_alias_or_any_name_without_marks_or_case() {
        let (boundaries, diagnostics) = parse(
            &[
                feature(r#"{"ma": "26734", "ten": "PHUONG TRAN HUNG DAO"}"#),
                feature(r#"{"name": "Xã Phước Hoà"}"#),
                feature(r#"{"id": "xa-phuoc-hoa"}"#),
            ],
            Some(PLACES),
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let ids: Vec<&str> = boundaries.shapes.keys().map(String::as_str).collect();
        assert_eq!(ids, ["phuong-minh-an", "xa-phuoc-hoa"]);
        // Two features naming one place are one shape.
        assert_eq!(boundaries.shapes["xa-phuoc-hoa"].polygons.len(), 2);
    }

    #[test]
    fn a_feature_naming_no_place_is_a_warning_with_the_place_meant() {
        let (boundaries, diagnostics) = parse(
            &[
                feature(r#"{"id": "phuong-minh-ann"}"#),
                feature(r#"{"dan_so": null}"#),
            ],
            Some(PLACES),
        );
        assert!(boundaries.shapes.is_empty());
        let found: Vec<(String, &str, Option<&str>)> = diagnostics
            .iter()
            .map(|d| (d.location(), d.message.as_str(), d.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "content/data/places.geojson:2:42".to_string(),
                    "`phuong-minh-ann` (its `id`) names no place of content/data/places.toml, \
                     so this feature is left off the map",
                    Some("did you mean `phuong-minh-an`?")
                ),
                (
                    "content/data/places.geojson:3:1".to_string(),
                    "this feature has no id, code or name to tell which place it is, so it is \
                     left off the map",
                    Some(
                        "give it a property `id` holding the id of a place in content/data/places.toml"
                    )
                ),
            ]
        );
        assert!(diagnostics.iter().all(|d| !d.is_error()));
    }

    #[test]
    fn shapes_without_a_places_file_are_one_warning() {
        let (boundaries, diagnostics) = parse(&[feature(r#"{"id": "a"}"#)], None);
        assert!(boundaries.shapes.is_empty());
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0]
                .message
                .contains("no content/data/places.toml")
        );
    }
}
