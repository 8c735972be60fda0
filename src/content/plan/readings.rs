//! Progress data (pure): readings of indicators from CSV or .xlsx tables, in minhbach's own
//! layout or in Open SDG's.
//!
//! - **minhbach layout**: columns `indicator, period, value` and optionally `breakdown`,
//!   `note`, `source`; one reading per row.
//! - **Open SDG layout** (for data an agency already publishes on an Open SDG platform):
//!   columns `Year` and `Value`, optionally `Units`, `Series`, `GeoCode`, and any other
//!   column is a breakdown whose blank cell means the total. The file holds one indicator,
//!   named by the file name (`data/dvc-truc-tuyen-toan-trinh.csv`).
//!
//! Every reading must name a known indicator, a period that parses, a number (decimal commas
//! are read in `;`-separated files, see `table::parse_number`), a percentage within 0–100
//! for percent indicators, and a breakdown from the site's units or places when the indicator
//! is broken down. The same indicator, period and breakdown twice is an error.

use std::collections::{BTreeMap, HashMap};

use crate::diag::{Diagnostic, did_you_mean};

use super::indicators::{Indicator, Measure, PERIOD_HINT};
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

/// The readings of one table. `indicators` are all indicators of the site by id (ids are
/// unique across the site); `file_stem` names the indicator of an Open SDG file.
pub fn parse(
    table: &Table,
    file_stem: &str,
    indicators: &BTreeMap<&str, &Indicator>,
    registry: &Registry,
) -> (Vec<Reading>, Vec<Diagnostic>) {
    let open_sdg = table.column("indicator").is_none()
        && table.column("year").is_some()
        && table.column("value").is_some();
    if open_sdg {
        return parse_open_sdg(table, file_stem, indicators, registry);
    }
    let diagnostics = table.require(&["indicator", "period", "value"]);
    if !diagnostics.is_empty() {
        return (Vec::new(), diagnostics);
    }
    // Matching a column name folds it, so each column is found once, not once per row.
    let [indicator_column, period, value, breakdown, note, source] =
        READINGS_HEADER.map(|name| table.column(name));
    let mut reader = Reader::new(table, indicators, registry);
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
    file_stem: &str,
    indicators: &BTreeMap<&str, &Indicator>,
    registry: &Registry,
) -> (Vec<Reading>, Vec<Diagnostic>) {
    let Some(indicator) = indicators.get(file_stem).copied() else {
        let hint = match did_you_mean(file_stem, indicators.keys().copied()) {
            Some(id) => {
                format!("an Open SDG file is named after its indicator: did you mean `{id}.csv`?")
            }
            None => {
                "an Open SDG file is named after its indicator, like data/dvc-toan-trinh.csv".into()
            }
        };
        let diagnostic = Diagnostic::error(
            "unknown-id",
            format!("`{file_stem}` is not an indicator id"),
        )
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
                    .row_error(row, "breakdown", "this row is broken down by more than one column")
                    .with_hint("minhbach reads one breakdown per reading: leave all but one breakdown column blank"),
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
        }
    }

    fn indicator(&mut self, row: &Row, cell: Option<&Cell>) -> Option<&'a Indicator> {
        let written = cell.map_or("", |c| c.text.as_str());
        if let Some(indicator) = self.indicators.get(written) {
            return Some(indicator);
        }
        let hint = match did_you_mean(written, self.indicators.keys().copied()) {
            Some(id) => format!("did you mean `{id}`?"),
            None => "use the `id` of an indicator in a plan's indicators.toml".into(),
        };
        let message = if written.is_empty() {
            "the reading names no indicator".to_string()
        } else {
            format!("`{written}` is not an indicator id")
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
    fn read(&mut self, row: &Row, indicator: &'a Indicator, cells: &ReadingCells<'_>) {
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
                "the reading has no period".to_string()
            } else {
                format!("`{written}` is not a period")
            };
            let diagnostic = self
                .place(row, cell, "period", message)
                .with_hint(PERIOD_HINT);
            self.diagnostics.push(diagnostic);
        }
        period
    }

    fn value(&mut self, row: &Row, indicator: &Indicator, cell: Option<&Cell>) -> Option<f64> {
        let written = cell.map_or("", |c| c.text.as_str());
        match parse_number(written, self.table.decimal_comma()) {
            Ok(number) => {
                if indicator.measure == Measure::Percent && !(0.0..=100.0).contains(&number) {
                    let diagnostic = self
                        .place(
                            row,
                            cell,
                            "percent-range",
                            format!("{number} is a percentage outside 0–100"),
                        )
                        .with_hint(format!(
                            "`{}` is measured in percent, from 0 to 100",
                            indicator.id
                        ));
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

    /// The unit or place id of a breakdown cell, checked against the indicator's breakdown.
    fn breakdown(&mut self, indicator: &Indicator, cell: Option<&Cell>) -> Option<&'a str> {
        match (cell, indicator.breakdown) {
            (None, _) => None,
            (Some(cell), None) => {
                let diagnostic = self
                    .table
                    .error(cell, "breakdown", format!("`{}` is not broken down, but this reading has a breakdown", indicator.id))
                    .with_hint("leave the breakdown empty, or add `breakdown = \"department\"` (or \"commune\") to the indicator");
                self.diagnostics.push(diagnostic);
                None
            }
            (Some(cell), Some(kind)) => {
                match self.registry.resolve(kind.registry_kind(), &cell.text) {
                    Ok(entry) => Some(entry.id()),
                    Err((message, hint)) => {
                        self.diagnostics.push(
                            self.table
                                .error(cell, "unknown-id", message)
                                .with_hint(hint),
                        );
                        None
                    }
                }
            }
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
                    format!(
                        "`{}` already has a reading for {period}{}",
                        indicator.id,
                        breakdown.map(|b| format!(" ({b})")).unwrap_or_default()
                    ),
                )
                .with_hint(format!("the first is on line {first}; keep one of them"));
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
        let by_id: BTreeMap<&str, &Indicator> = list.iter().map(|i| (i.id.as_str(), i)).collect();
        let (table, problems) = read_csv(file, text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let stem = file.rsplit('/').next().unwrap().trim_end_matches(".csv");
        parse(&table.unwrap(), stem, &by_id, &registry)
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
                    dvc,2025-Q3,80,so-kh\n\
                    dvc,2025-Q4,80,\n\
                    dvc,2025-Q4,81,\n";
        let (readings, diagnostics) = run("content/data/a.csv", text);
        assert_eq!(readings.len(), 1);
        let found: Vec<(&str, usize)> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            found,
            [
                ("unknown-id", 2),
                ("period", 3),
                ("number", 4),
                ("percent-range", 5),
                ("unknown-id", 6),
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
}
