//! A plan's targets (`indicators.toml`, an array of `[[indicator]]` tables), parsed and
//! checked against the plan's groups and the site's units (pure).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use std::collections::{BTreeMap, BTreeSet};

use crate::content::plan::status::{Direction, Goal, Point};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::i18n::I18n;
use crate::t;
use crate::toml_input::{self, struct_fields};
use crate::values::LocalText;

use super::period::Period;
use super::registry::{Entry, Kind, Registry};

pub const INDICATORS_FILE: &str = "indicators.toml";

/// What an indicator is counted in: one of the known units, whose labels come from the
/// theme's i18n files (`unit_percent`, `unit_days`, …), or the agency's own words (`hồ sơ`,
/// `km`, `{ vi = "hồ sơ", en = "dossiers" }`), shown as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    Percent,
    Count,
    Vnd,
    Days,
    Hours,
    Households,
    People,
    Systems,
    Datasets,
    /// A unit the agency names itself.
    Custom(LocalText),
}

impl Measure {
    pub const ALL: [(&'static str, Measure); 9] = [
        ("percent", Measure::Percent),
        ("count", Measure::Count),
        ("vnd", Measure::Vnd),
        ("days", Measure::Days),
        ("hours", Measure::Hours),
        ("households", Measure::Households),
        ("people", Measure::People),
        ("systems", Measure::Systems),
        ("datasets", Measure::Datasets),
    ];

    /// The Vietnamese words for the known units (lower case), read as those units.
    const VIETNAMESE: [(&'static str, &'static str); 12] = [
        ("%", "percent"),
        ("phần trăm", "percent"),
        ("đồng", "vnd"),
        ("vnđ", "vnd"),
        ("ngày", "days"),
        ("giờ", "hours"),
        ("hộ", "households"),
        ("hộ gia đình", "households"),
        ("người", "people"),
        ("hệ thống", "systems"),
        ("bộ dữ liệu", "datasets"),
        ("số lượng", "count"),
    ];

    /// The id of a known unit (`percent`); `None` for the agency's own.
    pub fn id(&self) -> Option<&'static str> {
        Measure::ALL
            .iter()
            .find(|(_, m)| m == self)
            .map(|(k, _)| *k)
    }

    pub fn is_percent(&self) -> bool {
        *self == Measure::Percent
    }

    /// The unit as a data file writes it: a known unit's id, or the agency's words in the
    /// default language.
    pub fn written(&self, default_lang: &str) -> String {
        match self {
            Measure::Custom(text) => text.get(default_lang, default_lang).to_string(),
            known => known.id().unwrap_or_default().to_string(),
        }
    }

    /// The unit's label in `lang`: a known unit's from `i18n`, the agency's as written.
    pub fn label(&self, i18n: &I18n, lang: &str, default_lang: &str) -> String {
        match self {
            Measure::Custom(text) => text.get(lang, default_lang).to_string(),
            known => {
                let key = format!("unit_{}", known.id().unwrap_or_default());
                i18n.get(lang, &key).unwrap_or(&key).to_string()
            }
        }
    }

    /// Reads a unit: a known id (`percent`, `%`, `days`, any case) or its Vietnamese word
    /// (`phần trăm`, `ngày`, `hộ`, …) is that unit; anything else is the agency's own.
    pub fn parse(written: &LocalText) -> Measure {
        let LocalText::One(text) = written else {
            return Measure::Custom(written.clone());
        };
        let lower = text.trim().to_lowercase();
        let id = Measure::VIETNAMESE
            .iter()
            .find(|(vi, _)| *vi == lower)
            .map_or(lower.as_str(), |(_, id)| *id);
        Measure::ALL
            .iter()
            .find(|(k, _)| *k == id)
            .map_or_else(|| Measure::Custom(written.clone()), |(_, m)| m.clone())
    }
}

/// What readings of an indicator are broken down by: any dimension the agency names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    /// The dimension as written (`province`, `nhóm tuổi`).
    pub name: String,
    /// The key of its heading in the theme's i18n files, after `breakdown_`: a known
    /// dimension's (`province`), else the name folded (`nhom_tuoi`).
    pub key: String,
    /// The registry its values are looked up in; `None` for a dimension of free labels
    /// (whose values are still looked up in both registries).
    pub kind: Option<Kind>,
}

/// Known dimensions: the words that name each (folded to ASCII), its key, and its registry.
const BREAKDOWNS: [(&[&str], &str, Option<Kind>); 8] = [
    (
        &[
            "department",
            "departments",
            "unit",
            "units",
            "don vi",
            "so nganh",
            "so",
        ],
        "department",
        Some(Kind::Unit),
    ),
    (
        &["agency", "agencies", "co quan", "bo nganh", "ministry"],
        "agency",
        Some(Kind::Unit),
    ),
    (
        &[
            "province",
            "provinces",
            "tinh",
            "tinh thanh",
            "tinh thanh pho",
        ],
        "province",
        Some(Kind::Place),
    ),
    (
        &["commune", "communes", "ward", "xa", "phuong", "xa phuong"],
        "commune",
        Some(Kind::Place),
    ),
    (
        &["district", "districts", "huyen", "quan huyen"],
        "district",
        Some(Kind::Place),
    ),
    (
        &["place", "places", "locality", "dia phuong", "dia ban"],
        "place",
        Some(Kind::Place),
    ),
    (&["gender", "sex", "gioi tinh"], "gender", None),
    (
        &["age group", "age", "nhom tuoi", "do tuoi"],
        "age_group",
        None,
    ),
];

impl Breakdown {
    /// Reads a dimension: known words (English or Vietnamese, any case and marks) name a
    /// known dimension, anything else is a dimension of its own.
    pub fn parse(written: &str) -> Breakdown {
        let name = written.trim().to_string();
        let folded = fold_words(&name);
        match BREAKDOWNS
            .iter()
            .find(|(words, _, _)| words.contains(&folded.as_str()))
        {
            Some((_, key, kind)) => Breakdown {
                name,
                key: (*key).to_string(),
                kind: *kind,
            },
            None => Breakdown {
                name,
                key: folded.replace(' ', "_"),
                kind: None,
            },
        }
    }

    /// The registry entry a reading's breakdown value names, if any.
    pub fn entry<'r>(&self, registry: &'r Registry, value: &str) -> Option<&'r Entry> {
        match self.kind {
            Some(kind) => registry.find_named(kind, value),
            None => registry
                .find_named(Kind::Place, value)
                .or_else(|| registry.find_named(Kind::Unit, value)),
        }
    }

    /// The i18n key of the heading for values whose places have `kinds`: a dimension of
    /// places all of them provinces reads as provinces, whatever word named it.
    pub fn heading_key<'k>(&self, kinds: impl Iterator<Item = Option<&'k str>>) -> String {
        let placed = matches!(self.key.as_str(), "place" | "commune" | "district");
        let kinds: Vec<Option<&str>> = kinds.collect();
        if placed && !kinds.is_empty() && kinds.iter().all(|k| *k == Some("province")) {
            return "breakdown_province".to_string();
        }
        format!("breakdown_{}", self.key)
    }

    /// The heading in `lang`: the theme's words for a known dimension, else as written.
    pub fn label<'k>(
        &self,
        i18n: &I18n,
        lang: &str,
        kinds: impl Iterator<Item = Option<&'k str>>,
    ) -> String {
        let key = self.heading_key(kinds);
        i18n.get(lang, &key)
            .map_or_else(|_| self.name.clone(), str::to_string)
    }
}

/// How often readings are expected: the key (for `frequency_KEY` labels), and the words
/// (folded to ASCII) that name it.
pub const FREQUENCIES: [(&str, &[&str]); 5] = [
    ("weekly", &["weekly", "hang tuan", "moi tuan"]),
    ("monthly", &["monthly", "hang thang", "moi thang", "thang"]),
    ("quarterly", &["quarterly", "hang quy", "moi quy", "quy"]),
    (
        "half_yearly",
        &[
            "half yearly",
            "half_yearly",
            "semiannual",
            "semi annual",
            "biannual",
            "6 thang",
            "hang 6 thang",
            "6 thang 1 lan",
            "6 thang mot lan",
            "sau thang",
            "nua nam",
        ],
    ),
    (
        "yearly",
        &["yearly", "annual", "annually", "hang nam", "moi nam", "nam"],
    ),
];

/// The key of a frequency written in English or Vietnamese (`hằng quý`, `Hàng tháng`).
pub fn frequency_key(written: &str) -> Option<&'static str> {
    let folded = fold_words(written);
    FREQUENCIES
        .iter()
        .find(|(key, words)| *key == folded || words.contains(&folded.as_str()))
        .map(|(key, _)| *key)
}

/// The direction written in English or Vietnamese (`tăng`, `giảm`, `duy trì`, any case).
pub fn parse_direction(written: &str) -> Option<Direction> {
    const WORDS: [(&[&str], Direction); 3] = [
        (&["increase", "tang", "up", "higher"], Direction::Increase),
        (&["decrease", "giam", "down", "lower"], Direction::Decrease),
        (
            &[
                "maintain",
                "duy tri",
                "giu nguyen",
                "on dinh",
                "giu on dinh",
            ],
            Direction::Maintain,
        ),
    ];
    let folded = fold_words(written);
    WORDS
        .iter()
        .find(|(words, _)| words.contains(&folded.as_str()))
        .map(|(_, d)| *d)
}

/// `text` folded to ASCII lower case, its words joined by single spaces.
fn fold_words(text: &str) -> String {
    crate::slug::fold_ascii(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    period: Spanned<String>,
    value: Spanned<f64>,
}

#[derive(Clone, Debug, Deserialize)]
struct RawIndicator {
    id: Spanned<String>,
    group: Spanned<String>,
    name: LocalText,
    unit: LocalText,
    direction: Spanned<String>,
    baseline: Spanned<RawPoint>,
    target: Spanned<RawPoint>,
    #[serde(default)]
    milestones: Vec<RawPoint>,
    method: LocalText,
    source: LocalText,
    frequency: Spanned<String>,
    responsible: Spanned<String>,
    #[serde(default)]
    breakdown: Option<Spanned<String>>,
    #[serde(default)]
    description: Option<LocalText>,
    /// Shown as a key indicator on the home and plan pages (optional; older files without
    /// it stay valid).
    #[serde(default)]
    featured: bool,
}

#[derive(Debug, Default, Deserialize)]
struct IndicatorsFile {
    #[serde(default)]
    indicator: Vec<RawIndicator>,
    /// Data files named otherwise than after their indicator: file name -> indicator id.
    #[serde(default)]
    data: BTreeMap<String, Spanned<String>>,
}

/// A target of the plan, validated.
#[derive(Clone, Debug)]
pub struct Indicator {
    pub id: String,
    pub group: String,
    pub name: LocalText,
    pub description: Option<LocalText>,
    pub measure: Measure,
    pub direction: Direction,
    pub baseline: Point,
    pub target: Point,
    pub milestones: Vec<Point>,
    pub method: LocalText,
    pub source: LocalText,
    /// The frequency's key (`monthly`, `half_yearly`), or the words as written when they
    /// name none (reported).
    pub frequency: String,
    pub responsible: String,
    pub breakdown: Option<Breakdown>,
    /// A key indicator: shown as a card on the home and plan pages.
    pub featured: bool,
    /// The file and line it is written at, for messages about its data.
    pub line: usize,
}

impl Indicator {
    /// The target for `year`: the last milestone within that year, else the final target
    /// when its period falls in that year.
    pub fn target_in_year(&self, year: i32) -> Option<f64> {
        self.milestones
            .iter()
            .filter(|m| m.period.year() == year)
            .max_by(|a, b| a.period.cmp(&b.period))
            .or(Some(&self.target).filter(|t| t.period.year() == year))
            .map(|m| m.value)
    }

    pub fn goal(&self) -> Goal {
        Goal {
            direction: self.direction,
            baseline: self.baseline,
            target: self.target,
        }
    }
}

/// What `indicators.toml` gives: the indicators that are sound, the ids of those with a
/// mistake (reported once; their readings are passed over, not reported again), and the
/// data files named in its `[data]` table.
#[derive(Clone, Debug, Default)]
pub struct IndicatorList {
    pub indicators: Vec<Indicator>,
    pub broken: BTreeSet<String>,
    /// File name (`indicator_1-2-1.csv`) -> indicator id.
    pub data_files: BTreeMap<String, String>,
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(&["indicator", "data"]),
        ["indicator"] => Some(struct_fields::<RawIndicator>()),
        ["indicator", "baseline" | "target" | "milestones"] => Some(&["period", "value"]),
        _ => None,
    }
}

/// Parses `indicators.toml` (`file` is its site-relative name) and checks every reference.
pub fn parse(
    file: &str,
    text: &str,
    groups: &[String],
    registry: &Registry,
) -> (Vec<Indicator>, Vec<Diagnostic>) {
    let (list, diagnostics) = parse_list(file, text, groups, registry);
    (list.indicators, diagnostics)
}

/// Parses `indicators.toml` like `parse`, keeping the ids of broken indicators and the
/// `[data]` table.
pub fn parse_list(
    file: &str,
    text: &str,
    groups: &[String],
    registry: &Registry,
) -> (IndicatorList, Vec<Diagnostic>) {
    let source = Source::new(file, text);
    let (parsed, diagnostics) = toml_input::parse::<IndicatorsFile>(&source, file, &known_keys);
    let mut checker = Checker {
        source: &source,
        groups,
        registry,
        diagnostics,
    };
    let parsed = parsed.unwrap_or_default();
    let mut list = IndicatorList::default();
    for raw in parsed.indicator {
        let id = raw.id.get_ref().trim().to_string();
        let known = list.indicators.iter().any(|i| i.id == id) || list.broken.contains(&id);
        match checker.indicator(raw, known) {
            Some(indicator) => list.indicators.push(indicator),
            // A second indicator of the same id is reported; the first keeps its readings.
            None if known => {}
            None => {
                list.broken.insert(id);
            }
        }
    }
    for (name, id) in parsed.data {
        let written = id.get_ref().trim();
        let exists =
            list.indicators.iter().any(|i| i.id == written) || list.broken.contains(written);
        if exists {
            list.data_files.insert(name, written.to_string());
        } else {
            let ids = list.indicators.iter().map(|i| i.id.as_str());
            let hint = match did_you_mean(written, ids) {
                Some(close) => t!("did-you-mean", suggestion = close),
                None => t!("indicator-data-unknown-hint"),
            };
            checker.error(
                id.span(),
                "unknown-id",
                t!("indicator-unknown-id", id = written),
                hint,
            );
        }
    }
    (list, checker.diagnostics)
}

/// Checks indicators one by one against the plan's groups and the site's units, collecting
/// every problem.
struct Checker<'a> {
    source: &'a Source<'a>,
    groups: &'a [String],
    registry: &'a Registry,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, code: &'static str, message: String, hint: String) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(self.source, span)
                .with_hint(hint),
        );
    }

    /// The indicator `raw` describes; `None` when it has an error that leaves it without a
    /// goal, or when its id is `taken` by an earlier indicator of the file.
    fn indicator(&mut self, raw: RawIndicator, taken: bool) -> Option<Indicator> {
        let id = self.id(&raw.id, taken);
        self.check_group(&raw.group);
        let measure = Measure::parse(&raw.unit);
        let direction = self.direction(&raw.direction);
        let frequency = self.frequency(&raw.frequency);
        let responsible = self.responsible(&raw.responsible);
        let breakdown = raw
            .breakdown
            .as_ref()
            .map(|b| Breakdown::parse(b.get_ref()));
        let baseline = self.point(raw.baseline.get_ref());
        let target = self.point(raw.target.get_ref());
        let milestones: Vec<Point> = raw
            .milestones
            .iter()
            .filter_map(|p| self.point(p))
            .collect();
        let (Some(baseline), Some(target), Some(direction), Some(id)) =
            (baseline, target, direction, id)
        else {
            return None;
        };
        if target.period <= baseline.period {
            self.error(
                raw.target.span(),
                "target-period",
                t!(
                    "indicator-target-period",
                    target = target.period.to_string(),
                    baseline = baseline.period.to_string()
                ),
                t!("indicator-target-period-hint"),
            );
            return None;
        }
        if measure.is_percent() {
            let mut in_range = true;
            for (is_target, p, span) in [
                (false, baseline, raw.baseline.span()),
                (true, target, raw.target.span()),
            ] {
                if !(0.0..=100.0).contains(&p.value) {
                    in_range = false;
                    let value = p.value.to_string();
                    let message = if is_target {
                        t!("indicator-target-percent-range", value = value)
                    } else {
                        t!("indicator-baseline-percent-range", value = value)
                    };
                    self.error(span, "percent-range", message, t!("indicator-percent-hint"));
                }
            }
            if !in_range {
                return None;
            }
        }
        if let Some((message, hint)) = contradiction(direction, baseline.value, target.value) {
            self.error(raw.target.span(), "target-direction", message, hint);
            return None;
        }
        Some(Indicator {
            line: self.source.locate(raw.id.span()).line,
            id,
            group: raw.group.into_inner(),
            name: raw.name,
            description: raw.description,
            measure,
            direction,
            baseline,
            target,
            milestones,
            method: raw.method,
            source: raw.source,
            frequency,
            responsible,
            breakdown,
            featured: raw.featured,
        })
    }

    /// The id as written; `None` (reported) when it cannot be an id or is `taken`.
    fn id(&mut self, written: &Spanned<String>, taken: bool) -> Option<String> {
        let id = written.get_ref().trim().to_string();
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            self.error(
                written.span(),
                "indicator-id",
                t!("indicator-id-invalid", id = &id),
                t!("indicator-id-invalid-hint"),
            );
            return None;
        }
        if taken {
            self.error(
                written.span(),
                "duplicate-id",
                t!("indicator-id-twice", id = &id),
                t!("indicator-id-twice-hint"),
            );
            return None;
        }
        Some(id)
    }

    fn check_group(&mut self, group: &Spanned<String>) {
        let groups = self.groups;
        if !groups.iter().any(|g| g == group.get_ref()) {
            let hint = match did_you_mean(group.get_ref(), groups.iter().map(String::as_str)) {
                Some(g) => t!("did-you-mean", suggestion = g),
                None => t!("plan-groups-hint", groups = groups.join(", ")),
            };
            self.error(
                group.span(),
                "unknown-id",
                t!("plan-group-unknown", group = group.get_ref()),
                hint,
            );
        }
    }

    fn direction(&mut self, direction: &Spanned<String>) -> Option<Direction> {
        let written = direction.get_ref();
        let parsed = parse_direction(written);
        if parsed.is_none() {
            let words = [
                "increase", "decrease", "maintain", "tăng", "giảm", "duy trì",
            ];
            let hint = match did_you_mean(written, words) {
                Some(d) => t!("did-you-mean", suggestion = d),
                None => t!("indicator-direction-hint"),
            };
            self.error(
                direction.span(),
                "direction",
                t!("indicator-direction", written = written),
                hint,
            );
        }
        parsed
    }

    /// The frequency's key; words that name none are reported and kept as written.
    fn frequency(&mut self, frequency: &Spanned<String>) -> String {
        let written = frequency.get_ref();
        if let Some(key) = frequency_key(written) {
            return key.to_string();
        }
        let keys = FREQUENCIES.map(|(k, _)| k);
        let hint = match did_you_mean(written, keys) {
            Some(f) => t!("did-you-mean", suggestion = f),
            None => t!("indicator-frequency-hint", keys = keys.join(", ")),
        };
        self.error(
            frequency.span(),
            "frequency",
            t!("indicator-frequency", written = written),
            hint,
        );
        written.clone()
    }

    /// The responsible unit's id when the site's units name it (by id, alias or name);
    /// otherwise the name as written, with a warning when the site has a list of units (a
    /// name is no figure: nothing wrong is published).
    fn responsible(&mut self, responsible: &Spanned<String>) -> String {
        let written = responsible.get_ref().trim();
        if let Some(unit) = self.registry.find_named(Kind::Unit, written) {
            return unit.id().to_string();
        }
        if !self.registry.units.is_empty() {
            let (message, hint) = self
                .registry
                .resolve(Kind::Unit, written)
                .err()
                .unwrap_or_default();
            self.diagnostics.push(
                Diagnostic::warning("unknown-id", message)
                    .at(self.source, responsible.span())
                    .with_hint(t!("indicator-responsible-hint", hint = hint)),
            );
        }
        written.to_string()
    }

    fn point(&mut self, raw: &RawPoint) -> Option<Point> {
        let value = *raw.value.get_ref();
        // 2^53: past it a number is held rounded, and would be shown so without a word.
        if value.abs() > 9_007_199_254_740_992.0 {
            self.error(
                raw.value.span(),
                "number-too-long",
                t!("indicator-number-too-long"),
                t!("indicator-number-too-long-hint"),
            );
            return None;
        }
        match Period::parse(raw.period.get_ref()) {
            Some(period) => Some(Point { period, value }),
            None => {
                self.error(
                    raw.period.span(),
                    "period",
                    t!("indicator-period", period = raw.period.get_ref()),
                    period_hint(),
                );
                None
            }
        }
    }
}

/// How to write a period, the hint of every message about one.
pub fn period_hint() -> String {
    t!("indicator-period-hint")
}

/// Why a target contradicts its direction (a decrease to a higher value, an increase to a
/// lower one), which would make every status of the indicator wrong: the message and the
/// hint.
fn contradiction(direction: Direction, baseline: f64, target: f64) -> Option<(String, String)> {
    let (target_text, baseline_text) = (target.to_string(), baseline.to_string());
    match direction {
        Direction::Decrease if target > baseline => Some((
            t!(
                "indicator-target-above",
                target = target_text,
                baseline = baseline_text,
                direction = direction.key()
            ),
            t!("indicator-target-above-hint"),
        )),
        Direction::Increase if target < baseline => Some((
            t!(
                "indicator-target-below",
                target = target_text,
                baseline = baseline_text,
                direction = direction.key()
            ),
            t!("indicator-target-below-hint"),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: &str = "[[unit]]\nid = \"so-khcn\"\nname = \"Sở KH&CN\"\n";

    fn indicator(extra: &str) -> String {
        format!(
            "[[indicator]]\nid = \"dvc\"\ngroup = \"chinh-phu-so\"\nname = {{ vi = \"DVC\", en = \"Online services\" }}\n\
             unit = \"percent\"\ndirection = \"increase\"\nbaseline = {{ period = \"2024\", value = 72.5 }}\n\
             target = {{ period = \"2025\", value = 90 }}\nmethod = \"m\"\nsource = \"s\"\nfrequency = \"monthly\"\n\
             responsible = \"so-khcn\"\n{extra}"
        )
    }

    fn run(text: &str) -> (Vec<Indicator>, Vec<Diagnostic>) {
        let (registry, _) = Registry::parse(Some(UNITS), None);
        parse(
            "content/kh/indicators.toml",
            text,
            &["chinh-phu-so".to_string()],
            &registry,
        )
    }

    #[test]
    fn a_valid_indicator_is_read() {
        let (indicators, diagnostics) = run(&indicator("breakdown = \"department\"\n"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(indicators[0].baseline.period, Period::Year(2024));
        let breakdown = indicators[0].breakdown.as_ref().unwrap();
        assert_eq!(
            (breakdown.key.as_str(), breakdown.kind),
            ("department", Some(Kind::Unit))
        );
        assert_eq!(indicators[0].line, 2);
    }

    #[test]
    fn units_are_any_text_and_known_words_keep_their_meaning() {
        let one = |text: &str| Measure::parse(&LocalText::One(text.into()));
        assert_eq!(one("%"), Measure::Percent);
        assert_eq!(one("Phần trăm"), Measure::Percent);
        assert_eq!(one("PERCENT"), Measure::Percent);
        assert_eq!(one("ngày"), Measure::Days);
        assert_eq!(one("hộ"), Measure::Households);
        let dossiers = one("hồ sơ");
        assert_eq!(dossiers, Measure::Custom(LocalText::One("hồ sơ".into())));
        assert_eq!(dossiers.written("vi"), "hồ sơ");
        assert!(!dossiers.is_percent());
        let text = indicator("").replace(
            "unit = \"percent\"",
            "unit = { vi = \"hồ sơ\", en = \"dossiers\" }",
        );
        let (indicators, diagnostics) = run(&text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(
            matches!(&indicators[0].measure, Measure::Custom(LocalText::ByLanguage(m)) if m["en"] == "dossiers")
        );
    }

    #[test]
    fn breakdowns_are_any_dimension() {
        let province = Breakdown::parse("Tỉnh/Thành phố");
        assert_eq!(
            (province.key.as_str(), province.kind),
            ("province", Some(Kind::Place))
        );
        let age = Breakdown::parse("Nhóm tuổi");
        assert_eq!((age.key.as_str(), age.kind), ("age_group", None));
        let own = Breakdown::parse("loại hình doanh nghiệp");
        assert_eq!(
            (own.key.as_str(), own.name.as_str(), own.kind),
            ("loai_hinh_doanh_nghiep", "loại hình doanh nghiệp", None)
        );
        let place = Breakdown::parse("địa phương");
        assert_eq!(
            place.heading_key([Some("province"), Some("province")].into_iter()),
            "breakdown_province"
        );
        assert_eq!(
            place.heading_key([Some("province"), Some("ward")].into_iter()),
            "breakdown_place"
        );
        assert_eq!(
            Breakdown::parse("commune").heading_key(std::iter::empty()),
            "breakdown_commune"
        );
    }

    #[test]
    fn directions_and_frequencies_are_read_in_vietnamese() {
        assert_eq!(parse_direction("Giảm"), Some(Direction::Decrease));
        assert_eq!(parse_direction("tăng"), Some(Direction::Increase));
        assert_eq!(parse_direction("DUY TRÌ"), Some(Direction::Maintain));
        assert_eq!(parse_direction("giảm dần"), None);
        assert_eq!(frequency_key("Hằng tháng"), Some("monthly"));
        assert_eq!(frequency_key("hàng quý"), Some("quarterly"));
        assert_eq!(frequency_key("6 tháng"), Some("half_yearly"));
        assert_eq!(frequency_key("hằng năm"), Some("yearly"));
        // A falling indicator aims below its baseline.
        let text = indicator("")
            .replace("\"increase\"", "\"giảm\"")
            .replace("value = 90", "value = 60")
            .replace("\"monthly\"", "\"Hằng quý\"");
        let (indicators, diagnostics) = run(&text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(indicators[0].direction, Direction::Decrease);
        assert_eq!(indicators[0].frequency, "quarterly");
    }

    #[test]
    fn an_indicator_with_a_mistake_stays_known_by_its_id() {
        let text = indicator("").replace("\"increase\"", "\"tang len\"");
        let (registry, _) = Registry::parse(Some(UNITS), None);
        let (list, diagnostics) = parse_list(
            "content/kh/indicators.toml",
            &format!("{text}[data]\n\"indicator_1-2-1.csv\" = \"dvc\"\n\"x.csv\" = \"dvd\"\n"),
            &["chinh-phu-so".to_string()],
            &registry,
        );
        assert!(list.indicators.is_empty());
        assert!(list.broken.contains("dvc"));
        assert_eq!(list.data_files["indicator_1-2-1.csv"], "dvc");
        let found: Vec<(&str, String)> =
            diagnostics.iter().map(|d| (d.code, d.location())).collect();
        assert_eq!(
            found,
            [
                ("direction", "content/kh/indicators.toml:6:13".to_string()),
                ("unknown-id", "content/kh/indicators.toml:15:11".to_string()),
            ],
            "{diagnostics:#?}"
        );
    }

    #[test]
    fn each_mistake_is_placed_with_a_suggestion() {
        let text = indicator("")
            .replace("\"chinh-phu-so\"", "\"chinh-phu-sô\"")
            .replace("\"increase\"", "\"increse\"")
            .replace("so-khcn", "so-kh");
        let (indicators, diagnostics) = run(&text);
        assert!(indicators.is_empty());
        let codes: Vec<(&str, usize)> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            codes,
            [("unknown-id", 3), ("direction", 6), ("unknown-id", 12)],
            "{diagnostics:#?}"
        );
        assert_eq!(
            diagnostics[1].hint.as_deref(),
            Some("did you mean `increase`?")
        );
        // An unknown responsible unit is shown as written, with a warning.
        assert!(!diagnostics[2].is_error());
        assert!(
            diagnostics[2]
                .hint
                .as_deref()
                .unwrap_or("")
                .starts_with("did you mean `so-khcn`?"),
            "{:?}",
            diagnostics[2]
        );
    }

    #[test]
    fn duplicate_ids_bad_periods_and_out_of_range_percentages() {
        let text = format!(
            "{}{}",
            indicator(""),
            indicator("")
                .replace("72.5", "172.5")
                .replace("\"2024\"", "\"2024-Q5\"")
        );
        let (indicators, diagnostics) = run(&text);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["duplicate-id", "period"], "{diagnostics:#?}");
        assert_eq!(indicators.len(), 1);
        let (_, diagnostics) = run(&indicator("").replace("72.5", "172.5"));
        assert_eq!(diagnostics[0].code, "percent-range");
        let (_, diagnostics) = run(&indicator("").replace("\"2025\"", "\"2023\""));
        assert_eq!(
            (diagnostics[0].code, diagnostics[0].line),
            ("target-period", 8)
        );
    }
}
