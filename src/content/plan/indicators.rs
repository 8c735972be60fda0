//! A plan's targets (`indicators.toml`, an array of `[[indicator]]` tables), parsed and
//! checked against the plan's groups and the site's units (pure).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::content::plan::status::{Direction, Goal, Point};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::toml_input::{self, struct_fields};
use crate::values::LocalText;

use super::period::Period;
use super::registry::{Kind, Registry};

pub const INDICATORS_FILE: &str = "indicators.toml";

/// What an indicator is counted in. The theme's i18n files give each a label (`unit_percent`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    pub fn key(self) -> &'static str {
        Measure::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map_or("count", |(k, _)| k)
    }

    fn parse(text: &str) -> Option<Measure> {
        let text = if text == "%" { "percent" } else { text };
        Measure::ALL
            .iter()
            .find(|(k, _)| *k == text)
            .map(|(_, m)| *m)
    }
}

/// What readings of an indicator are broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Breakdown {
    /// By organisational unit (ids from `content/data/units.toml`).
    Department,
    /// By commune or ward (ids from `content/data/places.toml`).
    Commune,
}

impl Breakdown {
    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Department => "department",
            Breakdown::Commune => "commune",
        }
    }

    pub fn registry_kind(self) -> Kind {
        match self {
            Breakdown::Department => Kind::Unit,
            Breakdown::Commune => Kind::Place,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    period: Spanned<String>,
    value: f64,
}

#[derive(Clone, Debug, Deserialize)]
struct RawIndicator {
    id: Spanned<String>,
    group: Spanned<String>,
    name: LocalText,
    unit: Spanned<String>,
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
}

#[derive(Debug, Default, Deserialize)]
struct IndicatorsFile {
    #[serde(default)]
    indicator: Vec<RawIndicator>,
}

/// How often readings are expected.
pub const FREQUENCIES: [&str; 3] = ["monthly", "quarterly", "yearly"];

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
    pub frequency: String,
    pub responsible: String,
    pub breakdown: Option<Breakdown>,
    /// The file and line it is written at, for messages about its data.
    pub line: usize,
}

impl Indicator {
    pub fn goal(&self) -> Goal {
        Goal {
            direction: self.direction,
            baseline: self.baseline,
            target: self.target,
        }
    }
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(&["indicator"]),
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
    let source = Source::new(file, text);
    let (parsed, diagnostics) = toml_input::parse::<IndicatorsFile>(&source, file, &known_keys);
    let mut checker = Checker {
        source: &source,
        groups,
        registry,
        diagnostics,
    };
    let mut out: Vec<Indicator> = Vec::new();
    for raw in parsed.unwrap_or_default().indicator {
        if let Some(indicator) = checker.indicator(raw, &out) {
            out.push(indicator);
        }
    }
    (out, checker.diagnostics)
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
    /// goal. `earlier` are the indicators of the file before it.
    fn indicator(&mut self, raw: RawIndicator, earlier: &[Indicator]) -> Option<Indicator> {
        let id = self.id(&raw.id, earlier);
        self.check_group(&raw.group);
        let measure = self.measure(&raw.unit);
        let direction = self.direction(&raw.direction);
        self.check_frequency(&raw.frequency);
        let responsible = self.responsible(&raw.responsible);
        let breakdown = self.breakdown(raw.breakdown.as_ref());
        let baseline = self.point(raw.baseline.get_ref());
        let target = self.point(raw.target.get_ref());
        let milestones: Vec<Point> = raw
            .milestones
            .iter()
            .filter_map(|p| self.point(p))
            .collect();
        let (Some(baseline), Some(target), Some(measure), Some(direction)) =
            (baseline, target, measure, direction)
        else {
            return None;
        };
        if target.period <= baseline.period {
            self.error(
                raw.target.span(),
                "target-period",
                format!(
                    "the target's period {} is not after the baseline's period {}",
                    target.period, baseline.period
                ),
                "a target is reached after its baseline; check both periods".into(),
            );
            return None;
        }
        if measure == Measure::Percent {
            for (what, p, span) in [
                ("baseline", baseline, raw.baseline.span()),
                ("target", target, raw.target.span()),
            ] {
                if !(0.0..=100.0).contains(&p.value) {
                    self.error(
                        span,
                        "percent-range",
                        format!("the {what} {} is a percentage outside 0–100", p.value),
                        "percentages run from 0 to 100".into(),
                    );
                }
            }
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
            frequency: raw.frequency.into_inner(),
            responsible,
            breakdown,
        })
    }

    fn id(&mut self, written: &Spanned<String>, earlier: &[Indicator]) -> String {
        let id = written.get_ref().trim().to_string();
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            self.error(
                written.span(),
                "indicator-id",
                format!("`{id}` cannot be an indicator id"),
                "use letters, digits and dashes, like \"dvc-toan-trinh\"".into(),
            );
        }
        if earlier.iter().any(|i| i.id == id) {
            self.error(
                written.span(),
                "duplicate-id",
                format!("the indicator id `{id}` is used twice"),
                "give each indicator its own id".into(),
            );
        }
        id
    }

    fn check_group(&mut self, group: &Spanned<String>) {
        let groups = self.groups;
        if !groups.iter().any(|g| g == group.get_ref()) {
            let hint = match did_you_mean(group.get_ref(), groups.iter().map(String::as_str)) {
                Some(g) => format!("did you mean `{g}`?"),
                None => format!("the plan's groups are: {}", groups.join(", ")),
            };
            self.error(
                group.span(),
                "unknown-id",
                format!("`{}` is not a task group of this plan", group.get_ref()),
                hint,
            );
        }
    }

    fn measure(&mut self, unit: &Spanned<String>) -> Option<Measure> {
        let measure = Measure::parse(unit.get_ref());
        if measure.is_none() {
            let names: Vec<&str> = Measure::ALL.iter().map(|(k, _)| *k).collect();
            let hint = match did_you_mean(unit.get_ref(), names.iter().copied()) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("the units are: {}", names.join(", ")),
            };
            self.error(
                unit.span(),
                "unknown-unit",
                format!("`{}` is not a unit of measure", unit.get_ref()),
                hint,
            );
        }
        measure
    }

    fn direction(&mut self, direction: &Spanned<String>) -> Option<Direction> {
        match direction.get_ref().as_str() {
            "increase" => Some(Direction::Increase),
            "decrease" => Some(Direction::Decrease),
            "maintain" => Some(Direction::Maintain),
            other => {
                let hint = match did_you_mean(other, ["increase", "decrease", "maintain"]) {
                    Some(d) => format!("did you mean `{d}`?"),
                    None => "write \"increase\", \"decrease\" or \"maintain\"".into(),
                };
                self.error(
                    direction.span(),
                    "direction",
                    format!("`{other}` is not a direction"),
                    hint,
                );
                None
            }
        }
    }

    fn check_frequency(&mut self, frequency: &Spanned<String>) {
        if !FREQUENCIES.contains(&frequency.get_ref().as_str()) {
            let hint = match did_you_mean(frequency.get_ref(), FREQUENCIES) {
                Some(f) => format!("did you mean `{f}`?"),
                None => format!("write one of: {}", FREQUENCIES.join(", ")),
            };
            self.error(
                frequency.span(),
                "frequency",
                format!("`{}` is not a frequency", frequency.get_ref()),
                hint,
            );
        }
    }

    /// The responsible unit's id (found by id, alias or name), or its name as written when
    /// it is in no registry. Only what looks like a mistyped id (`so-noi-vuu`, where the
    /// site lists its units) is an error.
    fn responsible(&mut self, responsible: &Spanned<String>) -> String {
        let written = responsible.get_ref();
        if let Some(unit) = self.registry.find_named(Kind::Unit, written) {
            return unit.id().to_string();
        }
        let id_like = written
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if id_like
            && !self.registry.units.is_empty()
            && let Err((message, hint)) = self.registry.resolve(Kind::Unit, written)
        {
            self.error(responsible.span(), "unknown-id", message, hint);
        }
        written.clone()
    }

    fn breakdown(&mut self, breakdown: Option<&Spanned<String>>) -> Option<Breakdown> {
        match breakdown.map(|b| (b.get_ref().as_str(), b.span())) {
            None => None,
            Some(("department", _)) => Some(Breakdown::Department),
            Some(("commune", _)) => Some(Breakdown::Commune),
            Some((other, span)) => {
                let hint = match did_you_mean(other, ["department", "commune"]) {
                    Some(b) => format!("did you mean `{b}`?"),
                    None => "write \"department\" or \"commune\"".into(),
                };
                self.error(
                    span,
                    "breakdown",
                    format!("`{other}` is not a breakdown"),
                    hint,
                );
                None
            }
        }
    }

    fn point(&mut self, raw: &RawPoint) -> Option<Point> {
        match Period::parse(raw.period.get_ref()) {
            Some(period) => Some(Point {
                period,
                value: raw.value,
            }),
            None => {
                self.error(
                    raw.period.span(),
                    "period",
                    format!("`{}` is not a period", raw.period.get_ref()),
                    PERIOD_HINT.into(),
                );
                None
            }
        }
    }
}

pub const PERIOD_HINT: &str =
    "write a period as 2025 (a year), 2025-Q3 (a quarter), 2025-09 (a month) or 2025-09-30 (a day)";

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
        assert_eq!(indicators[0].breakdown, Some(Breakdown::Department));
        assert_eq!(indicators[0].line, 2);
    }

    #[test]
    fn each_mistake_is_placed_with_a_suggestion() {
        let text = indicator("")
            .replace("\"chinh-phu-so\"", "\"chinh-phu-sô\"")
            .replace("\"percent\"", "\"percnt\"")
            .replace("so-khcn", "so-kh");
        let (indicators, diagnostics) = run(&text);
        assert!(indicators.is_empty());
        let codes: Vec<(&str, usize)> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            codes,
            [("unknown-id", 3), ("unknown-unit", 5), ("unknown-id", 12)],
            "{diagnostics:#?}"
        );
        assert_eq!(
            diagnostics[1].hint.as_deref(),
            Some("did you mean `percent`?")
        );
        assert_eq!(
            diagnostics[2].hint.as_deref(),
            Some("did you mean `so-khcn`?")
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
        let (_, diagnostics) = run(&text);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["duplicate-id", "period"], "{diagnostics:#?}");
        let (_, diagnostics) = run(&indicator("").replace("72.5", "172.5"));
        assert_eq!(diagnostics[0].code, "percent-range");
        let (_, diagnostics) = run(&indicator("").replace("\"2025\"", "\"2023\""));
        assert_eq!(
            (diagnostics[0].code, diagnostics[0].line),
            ("target-period", 8)
        );
    }
}
