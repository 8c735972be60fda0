//! Progress data (pure): readings of indicators from CSV or .xlsx tables, in minhbach's own
//! layout or in Open SDG's.
//!
//! - **minhbach layout**: columns `indicator, period, value` and optionally `breakdown`,
//!   `note`, `source`; one reading per row.
//! - **Open SDG layout** (for data an agency already publishes on an Open SDG platform):
//!   columns `Year` and `Value`, optionally `Units`, `Series`, `GeoCode`, and any other
//!   column is a breakdown whose blank cell means the total. The file holds one indicator,
//!   named by the file name: `data/dvc-truc-tuyen-toan-trinh.csv`, or as Open SDG names
//!   its files, `indicator_1-2-1.csv` for the indicator `1-2-1` or `1.2.1`, or by the
//!   `[data]` table of `indicators.toml` (`"indicator_1-2-1.csv" = "ho-so-truc-tuyen"`).
//!
//! Every reading must name a known indicator, a period that parses, a number (decimal commas
//! are read in `;`-separated files, see `table::parse_number`), and a percentage within 0–100
//! for percent indicators. A breakdown value is the id of the unit or place it names (by id,
//! alias or name) when the site's registries have it, else a label kept as written. The same
//! indicator, period and breakdown twice is an error. Readings of an indicator whose
//! definition has a mistake (already reported) are passed over in silence.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Diagnostic, did_you_mean};
use crate::t;

use super::indicators::{Indicator, period_hint};
use super::period::Period;
use super::registry::Registry;
use super::table::{Cell, Row, Table, parse_number};

#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub indicator: String,
    pub period: Period,
    pub value: f64,
    /// A unit or place id; none for the overall figure.
    pub breakdown: Option<String>,
    pub note: String,
    pub source: String,
    /// Where the reading was read: the file (and sheet), and the line or row.
    pub file: String,
    pub line: usize,
}

/// Open SDG's columns that are not breakdowns.
const OPEN_SDG_FIXED: [&str; 6] = [
    "year",
    "value",
    "units",
    "series",
    "geocode",
    "observation status",
];

/// The header of minhbach's layout of progress data (the columns it reads, in the order
/// its downloads write them).
pub const READINGS_HEADER: [&str; 6] = [
    "indicator",
    "period",
    "value",
    "breakdown",
    "note",
    "source",
];

/// What readings are checked against: every indicator of the site by id (ids are unique
/// across the site), the ids of indicators with a mistake, and the data files that
/// `indicators.toml` names (`[data]`: file name -> indicator id).
#[derive(Default)]
pub struct Known<'a> {
    pub indicators: BTreeMap<&'a str, &'a Indicator>,
    pub broken: BTreeSet<&'a str>,
    pub data_files: BTreeMap<&'a str, &'a str>,
}

impl<'a> Known<'a> {
    /// The indicator id an Open SDG file holds, from its name (`indicator_1-2-1.csv`) or
    /// the `[data]` table; `None` when neither names a known indicator.
    fn open_sdg_id(&self, file_name: &str) -> Option<&'a str> {
        if let Some(id) = self.data_files.get(file_name) {
            return Some(*id);
        }
        let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
        let bare = stem.strip_prefix("indicator_").unwrap_or(stem);
        [
            stem.to_string(),
            bare.to_string(),
            bare.replace(['-', '_'], "."),
            bare.replace(['.', '_'], "-"),
        ]
        .iter()
        .find_map(|id| {
            self.indicators
                .get_key_value(id.as_str())
                .map(|(k, _)| *k)
                .or_else(|| self.broken.get(id.as_str()).copied())
        })
    }
}

/// The readings of one table; `file_name` (`indicator_1-2-1.csv`) names the indicator of
/// an Open SDG file.
pub fn parse(
    table: &Table,
    file_name: &str,
    known: &Known<'_>,
    registry: &Registry,
) -> (Vec<Reading>, Vec<Diagnostic>) {
    let indicators = &known.indicators;
    let open_sdg = table.column("indicator").is_none()
        && table.column("year").is_some()
        && table.column("value").is_some();
    if open_sdg {
        return parse_open_sdg(table, file_name, known, registry);
    }
    let diagnostics = table.require(&["indicator", "period", "value"]);
    if !diagnostics.is_empty() {
        return (Vec::new(), diagnostics);
    }
    // Matching a column name folds it, so each column is found once, not once per row.
    let [indicator_column, period, value, breakdown, note, source] =
        READINGS_HEADER.map(|name| table.column(name));
    let mut reader = Reader::new(table, indicators, registry);
    reader.broken = &known.broken;
    reader
        .diagnostics
        .extend(table.unread_columns(&READINGS_HEADER));
    for row in &table.rows {
        let cell = |column: Option<usize>| column.and_then(|i| row.cells.get(i));
        let Some(indicator) = reader.indicator(row, cell(indicator_column)) else {
            continue;
        };
        let cells = ReadingCells {
            period: cell(period),
            value: cell(value),
            breakdown: cell(breakdown).filter(|c| !c.text.is_empty()),
            note: cell(note),
            source: cell(source),
        };
        reader.read(row, indicator, &cells);
    }
    reader.finish()
}

fn parse_open_sdg(
    table: &Table,
    file_name: &str,
    known: &Known<'_>,
    registry: &Registry,
) -> (Vec<Reading>, Vec<Diagnostic>) {
    let indicators = &known.indicators;
    let id = known.open_sdg_id(file_name);
    if id.is_some_and(|id| known.broken.contains(id)) {
        return (Vec::new(), Vec::new());
    }
    let Some(indicator) = id.and_then(|id| indicators.get(id)).copied() else {
        let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
        let hint = match did_you_mean(stem, indicators.keys().copied()) {
            Some(id) => t!("reading-open-sdg-did-you-mean", file = format!("{id}.csv")),
            None => t!("reading-open-sdg-name-hint"),
        };
        let diagnostic = Diagnostic::error("unknown-id", t!("indicator-unknown-id", id = stem))
            .in_file(&table.file)
            .with_hint(hint);
        return (Vec::new(), vec![diagnostic]);
    };
    let breakdown_columns: Vec<usize> = table
        .header
        .iter()
        .enumerate()
        .filter(|(_, cell)| {
            !OPEN_SDG_FIXED.contains(&crate::slug::fold_ascii(cell.text.trim()).as_str())
        })
        .map(|(i, _)| i)
        .collect();
    let [year, value] = ["year", "value"].map(|name| table.column(name));
    let mut reader = Reader::new(table, indicators, registry);
    for row in &table.rows {
        let cell = |column: Option<usize>| column.and_then(|i| row.cells.get(i));
        let filled: Vec<&Cell> = breakdown_columns
            .iter()
            .filter_map(|&i| row.cells.get(i))
            .filter(|c| !c.text.is_empty())
            .collect();
        if filled.len() > 1 {
            reader.diagnostics.push(
                table
                    .row_error(row, "breakdown", t!("reading-several-breakdowns"))
                    .with_hint(t!("reading-several-breakdowns-hint")),
            );
            continue;
        }
        let cells = ReadingCells {
            period: cell(year),
            value: cell(value),
            breakdown: filled.first().copied(),
            note: None,
            source: None,
        };
        reader.read(row, indicator, &cells);
    }
    reader.finish()
}

/// The cells a reading is read from; each is `None` when the table has no such column,
/// and the breakdown also when its cell is blank.
struct ReadingCells<'c> {
    period: Option<&'c Cell>,
    value: Option<&'c Cell>,
    breakdown: Option<&'c Cell>,
    note: Option<&'c Cell>,
    source: Option<&'c Cell>,
}

static NONE_BROKEN: BTreeSet<&str> = BTreeSet::new();

/// Reads rows one by one, collecting readings and every problem.
struct Reader<'a> {
    table: &'a Table,
    indicators: &'a BTreeMap<&'a str, &'a Indicator>,
    registry: &'a Registry,
    readings: Vec<Reading>,
    diagnostics: Vec<Diagnostic>,
    /// (indicator, period, breakdown) -> line, to find duplicates. Borrowed from the
    /// indicators and the registry, so that checking a reading allocates nothing.
    seen: HashMap<(&'a str, Period, Option<&'a str>), usize>,
    /// Where each reading says it was read, the same for every row of the table.
    file: String,
    /// Indicators with a mistake, whose readings are passed over.
    broken: &'a BTreeSet<&'a str>,
}

impl<'a> Reader<'a> {
    fn new(
        table: &'a Table,
        indicators: &'a BTreeMap<&'a str, &'a Indicator>,
        registry: &'a Registry,
    ) -> Self {
        Reader {
            table,
            indicators,
            registry,
            readings: Vec::new(),
            diagnostics: Vec::new(),
            seen: HashMap::new(),
            file: match &table.sheet {
                Some(sheet) => format!("{} (sheet '{sheet}')", table.file),
                None => table.file.clone(),
            },
            broken: &NONE_BROKEN,
        }
    }

    fn indicator(&mut self, row: &Row, cell: Option<&Cell>) -> Option<&'a Indicator> {
        let written = cell.map_or("", |c| c.text.as_str());
        if let Some(indicator) = self.indicators.get(written) {
            return Some(indicator);
        }
        if self.broken.contains(written) {
            return None;
        }
        let hint = match did_you_mean(written, self.indicators.keys().copied()) {
            Some(id) => t!("did-you-mean", suggestion = id),
            None => t!("reading-indicator-hint"),
        };
        let message = if written.is_empty() {
            t!("reading-no-indicator")
        } else {
            t!("indicator-unknown-id", id = written)
        };
        self.diagnostics
            .push(self.place(row, cell, "unknown-id", message).with_hint(hint));
        None
    }

    fn place(
        &self,
        row: &Row,
        cell: Option<&Cell>,
        code: &'static str,
        message: String,
    ) -> Diagnostic {
        match cell {
            Some(cell) => self.table.error(cell, code, message),
            None => self.table.row_error(row, code, message),
        }
    }

    /// Reads one reading of `indicator` from `cells`, or reports each of its problems.
    fn read(&mut self, row: &Row, indicator: &'a Indicator, cells: &ReadingCells<'a>) {
        let before = self.diagnostics.len();
        let period = self.period(row, cells.period);
        let value = self.value(row, indicator, cells.value);
        let breakdown = self.breakdown(indicator, cells.breakdown);
        if self.diagnostics.len() > before {
            return;
        }
        let (Some(period), Some(value)) = (period, value) else {
            return;
        };
        if !self.first_of_its_kind(row, indicator, period, breakdown) {
            return;
        }
        self.readings.push(Reading {
            indicator: indicator.id.clone(),
            period,
            value,
            breakdown: breakdown.map(str::to_string),
            note: cells.note.map_or_else(String::new, |c| c.text.clone()),
            source: cells.source.map_or_else(String::new, |c| c.text.clone()),
            file: self.file.clone(),
            line: row.line,
        });
    }

    fn period(&mut self, row: &Row, cell: Option<&Cell>) -> Option<Period> {
        let written = cell.map_or("", |c| c.text.as_str());
        let period = Period::parse(written);
        if period.is_none() {
            let message = if written.is_empty() {
                t!("reading-no-period")
            } else {
                t!("indicator-period", period = written)
            };
            let diagnostic = self
                .place(row, cell, "period", message)
                .with_hint(period_hint());
            self.diagnostics.push(diagnostic);
        }
        period
    }

    fn value(&mut self, row: &Row, indicator: &Indicator, cell: Option<&Cell>) -> Option<f64> {
        let written = cell.map_or("", |c| c.text.as_str());
        match parse_number(written, self.table.decimal_comma()) {
            Ok(number) => {
                if indicator.measure.is_percent() && !(0.0..=100.0).contains(&number) {
                    let diagnostic = self
                        .place(
                            row,
                            cell,
                            "percent-range",
                            t!("reading-percent-range", value = number.to_string()),
                        )
                        .with_hint(t!("reading-percent-range-hint", id = &indicator.id));
                    self.diagnostics.push(diagnostic);
                }
                Some(number)
            }
            Err((message, hint)) => {
                let diagnostic = self.place(row, cell, "number", message).with_hint(hint);
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// The unit or place id a breakdown cell names, or its text as a label of its own.
    fn breakdown(&mut self, indicator: &Indicator, cell: Option<&'a Cell>) -> Option<&'a str> {
        match (cell, &indicator.breakdown) {
            (None, _) => None,
            (Some(cell), None) => {
                let diagnostic = self
                    .table
                    .error(
                        cell,
                        "breakdown",
                        t!("reading-not-broken-down", id = &indicator.id),
                    )
                    .with_hint(t!("reading-not-broken-down-hint"));
                self.diagnostics.push(diagnostic);
                None
            }
            (Some(cell), Some(breakdown)) => Some(
                breakdown
                    .entry(self.registry, &cell.text)
                    .map_or_else(|| cell.text.trim(), |entry| entry.id()),
            ),
        }
    }

    /// Whether no earlier row has a reading of the same indicator, period and breakdown;
    /// a second one is reported.
    fn first_of_its_kind(
        &mut self,
        row: &Row,
        indicator: &'a Indicator,
        period: Period,
        breakdown: Option<&'a str>,
    ) -> bool {
        let key = (indicator.id.as_str(), period, breakdown);
        if let Some(first) = self.seen.get(&key) {
            let diagnostic = self
                .table
                .row_error(
                    row,
                    "duplicate-reading",
                    match breakdown {
                        Some(breakdown) => t!(
                            "reading-duplicate-breakdown",
                            id = &indicator.id,
                            period = period.to_string(),
                            breakdown = breakdown
                        ),
                        None => t!(
                            "reading-duplicate",
                            id = &indicator.id,
                            period = period.to_string()
                        ),
                    },
                )
                .with_hint(t!("reading-duplicate-hint", line = *first));
            self.diagnostics.push(diagnostic);
            return false;
        }
        self.seen.insert(key, row.line);
        true
    }

    fn finish(self) -> (Vec<Reading>, Vec<Diagnostic>) {
        (self.readings, self.diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::indicators;
    use crate::content::plan::table::read_csv;

    const UNITS: &str = "[[unit]]\nid = \"so-khcn\"\nname = \"Sở KH&CN\"\n[[unit]]\nid = \"so-noi-vu\"\nname = \"Sở Nội vụ\"\n";
    const INDICATORS: &str = "[[indicator]]\nid = \"dvc\"\ngroup = \"g\"\nname = \"DVC\"\nunit = \"percent\"\ndirection = \"increase\"\n\
        baseline = { period = \"2024\", value = 70 }\ntarget = { period = \"2025\", value = 90 }\nmethod = \"m\"\nsource = \"s\"\n\
        frequency = \"monthly\"\nresponsible = \"so-khcn\"\nbreakdown = \"department\"\n";

    fn run(file: &str, text: &str) -> (Vec<Reading>, Vec<Diagnostic>) {
        let (registry, _) = Registry::parse(Some(UNITS), None);
        let (list, problems) = indicators::parse(
            "content/kh/indicators.toml",
            INDICATORS,
            &["g".into()],
            &registry,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let known = Known {
            indicators: list.iter().map(|i| (i.id.as_str(), i)).collect(),
            broken: ["hong", "1.2.1"].into(),
            data_files: [("so-lieu-dvc.csv", "dvc")].into(),
        };
        let (table, problems) = read_csv(file, text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let name = file.rsplit('/').next().unwrap();
        parse(&table.unwrap(), name, &known, &registry)
    }

    fn values(readings: &[Reading]) -> Vec<(String, f64, Option<String>)> {
        readings
            .iter()
            .map(|r| (r.period.to_string(), r.value, r.breakdown.clone()))
            .collect()
    }

    #[test]
    fn clean_semicolon_and_open_sdg_files_give_the_same_readings() {
        let clean = "indicator,period,value,breakdown\ndvc,2025-Q1,78.5,\ndvc,2025-Q1,80,so-khcn\n";
        let semicolon = "\u{feff}indicator;period;value;breakdown\r\ndvc;2025-Q1;78,5;\r\ndvc;2025-Q1;80;so-khcn\r\n";
        let open_sdg =
            "Year,Department,Units,Value\n2025-Q1,,percent,78.5\n2025-Q1,so-khcn,percent,80\n";
        let (a, da) = run("content/data/a.csv", clean);
        let (b, db) = run("content/data/b.csv", semicolon);
        let (c, dc) = run("content/data/dvc.csv", open_sdg);
        assert!(
            da.is_empty() && db.is_empty() && dc.is_empty(),
            "{da:?} {db:?} {dc:?}"
        );
        assert_eq!(values(&a), values(&b));
        assert_eq!(values(&a), values(&c));
        assert_eq!(a[1].breakdown.as_deref(), Some("so-khcn"));
    }

    #[test]
    fn bad_readings_are_placed_with_hints() {
        let text = "indicator,period,value,breakdown\n\
                    dvx,2025-Q1,78,\n\
                    dvc,2025-Q5,78,\n\
                    dvc,2025-Q1,90 %,\n\
                    dvc,2025-Q2,120,\n\
                    dvc,2025-Q3,80,Sở KH và CN\n\
                    dvc,2025-Q4,80,\n\
                    dvc,2025-Q4,81,\n";
        let (readings, diagnostics) = run("content/data/a.csv", text);
        assert_eq!(readings.len(), 2);
        // A breakdown in no registry is a label of its own, kept as written.
        assert_eq!(readings[0].breakdown.as_deref(), Some("Sở KH và CN"));
        let found: Vec<(&str, usize)> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            found,
            [
                ("unknown-id", 2),
                ("period", 3),
                ("number", 4),
                ("percent-range", 5),
                ("duplicate-reading", 8)
            ],
            "{diagnostics:#?}"
        );
        assert_eq!(diagnostics[0].hint.as_deref(), Some("did you mean `dvc`?"));
        assert!(
            diagnostics[2].hint.as_deref().unwrap_or("").contains('%'),
            "{:?}",
            diagnostics[2]
        );
    }

    #[test]
    fn an_open_sdg_file_must_be_named_after_its_indicator() {
        let (_, diagnostics) = run("content/data/dvd.csv", "Year,Value\n2025,80\n");
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("an Open SDG file is named after its indicator: did you mean `dvc.csv`?")
        );
    }

    #[test]
    fn breakdowns_resolve_by_name_and_readings_of_broken_indicators_are_passed_over() {
        let text = "indicator,period,value,breakdown\n\
                    dvc,2025-Q1,80,Sở Nội vụ\n\
                    hong,2025-Q1,80,\n\
                    hong,2025-Q2,abc,\n";
        let (readings, diagnostics) = run("content/data/a.csv", text);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(readings.len(), 1);
        assert_eq!(readings[0].breakdown.as_deref(), Some("so-noi-vu"));
    }

    #[test]
    fn open_sdg_files_are_found_by_their_open_sdg_name_or_the_data_table() {
        let open_sdg = "Year,Value\n2025,80\n";
        let (readings, diagnostics) = run("content/data/so-lieu-dvc.csv", open_sdg);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(readings[0].indicator, "dvc");
        // `indicator_1-2-1.csv` holds `1.2.1`, here an indicator with a mistake: no error.
        let (readings, diagnostics) = run("content/data/indicator_1-2-1.csv", open_sdg);
        assert!(
            readings.is_empty() && diagnostics.is_empty(),
            "{diagnostics:#?}"
        );
        let (_, diagnostics) = run("content/data/indicator_dvc.csv", open_sdg);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    }
}
