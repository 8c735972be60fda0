//! The plan's tasks (`tasks.xlsx` or `tasks.csv`, the appendix table), parsed and checked
//! (pure).
//!
//! The appendix is read as offices keep it:
//! - **Columns** (`columns`): `id, group, title, lead, partners, start, due, status, percent,
//!   budget, output`, or their Vietnamese names (`STT`, `Mã nhiệm vụ`, `Nhiệm vụ`, `Cơ quan
//!   chủ trì`, `Thời hạn`, …), in any order. `title`, `lead`, `due`, `status` and an id or
//!   an `STT` are required; `title_en` (`Nhiệm vụ (tiếng Anh)`) gives English titles.
//! - **Rows** (`layout`): title rows above the header, the row of column numbers, blank
//!   rows and totals rows are skipped. A group heading row (`II. CHÍNH PHỦ SỐ`) starts a
//!   group: the group of `groups/*.md` with that id, title (folded) or order (the numeral's
//!   value), or else a new group titled by the heading, whose id is the heading's slug.
//! - **Ids**: a task's `Mã nhiệm vụ`; without one, a task numbered only by its `STT` under a
//!   heading gets `NV-<numeral>.<STT>` (`NV-II.3`, `NV-II.1.2`; a heading without a numeral
//!   uses its group's order as one), or `NV-<STT>` outside any heading. The codes stay the
//!   same as long as the appendix keeps its numbering.
//! - **English titles**: the `title_en` column, or a sheet named `en` (or `English`, `Tiếng
//!   Anh`) whose title column holds the English titles on the same rows.
//! - **Leads and partners** (`parties`) and **budgets** (`budget`) are read as written.
//!
//! Dates are written as Vietnamese offices write them (see `period::Deadline`).

mod budget;
mod columns;
mod layout;
mod parties;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::content::plan::status::TaskState;
use crate::diag::{Diagnostic, did_you_mean};
use crate::slug::{fold_ascii, slugify};
use crate::t;

use super::Group;
use super::period::Deadline;
use super::registry::Registry;
use super::table::{Cell, HeaderRule, Row, Table, parse_number};

pub use budget::Budget;
use columns::Columns;
pub use columns::{Field, field_of, name_key};
use layout::RowKind;
use parties::Parties;

/// The names the task table may have in a plan's folder, the workbook first.
pub const TASKS_FILES: [&str; 2] = ["tasks.xlsx", "tasks.csv"];
/// The name used when a plan has no task table.
pub const TASKS_FILE: &str = "tasks.csv";

/// How the header of a task table is told from the title rows above it.
pub const HEADER_RULE: HeaderRule<'static> = &columns::is_header;

#[derive(Clone, Debug)]
pub struct Task {
    pub id: String,
    pub group: String,
    pub title: String,
    /// The title in other languages, by language (`title_en`, or an `en` sheet).
    pub translations: BTreeMap<String, String>,
    /// The lead unit's id, or its name as written when it is in no registry.
    pub lead: String,
    /// The partners' ids, or names as written.
    pub partners: Vec<String>,
    pub start: Option<Deadline>,
    pub due: Deadline,
    /// `start` and `due` as written, shown on the site beside the dates read from them.
    pub start_text: String,
    pub due_text: String,
    pub state: TaskState,
    pub percent: Option<f64>,
    pub budget: Option<Budget>,
    pub output: String,
    /// The line (CSV) or row (xlsx) of the task table the task is on.
    pub line: usize,
}

impl Task {
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due.due_date()
    }

    /// The title in `lang`, or the title as written.
    pub fn title_in(&self, lang: &str) -> &str {
        self.translations.get(lang).unwrap_or(&self.title)
    }

    /// The budget in million VND, when it is a figure.
    pub fn amount(&self) -> Option<f64> {
        self.budget.as_ref().and_then(Budget::amount)
    }
}

/// State words as written: the canonical ones and the Vietnamese offices use.
fn state(word: &str) -> Option<TaskState> {
    let folded = fold_ascii(word.trim()).replace(['_', '-'], " ");
    Some(match folded.as_str() {
        "not started" | "chua thuc hien" | "chua bat dau" | "chua trien khai" => {
            TaskState::NotStarted
        }
        "in progress" | "dang thuc hien" | "dang trien khai" => TaskState::InProgress,
        "done" | "hoan thanh" | "da hoan thanh" => TaskState::Done,
        "cancelled" | "canceled" | "huy" | "da huy" | "dung thuc hien" => TaskState::Cancelled,
        _ => return None,
    })
}

/// What a task table gives the plan.
#[derive(Debug, Default)]
pub struct Parsed {
    pub tasks: Vec<Task>,
    /// Groups made from the appendix's heading rows that match no `groups/*.md`.
    pub groups: Vec<Group>,
    pub diagnostics: Vec<Diagnostic>,
    /// Findings for `minhbach check` only: names of units that are in no registry.
    pub warnings: Vec<Diagnostic>,
    /// The id of every task row, those with errors too, so that a task page of a task with
    /// a mistake is not reported as well; `None` when the table could not be read at all.
    pub ids: Option<BTreeSet<String>>,
}

/// Whether a sheet holds English titles: `en`, `English`, `Tiếng Anh`.
fn is_english_sheet(table: &Table) -> bool {
    table.sheet.as_deref().is_some_and(|s| {
        matches!(
            fold_ascii(s.trim()).as_str(),
            "en" | "english" | "tieng anh"
        )
    })
}

/// Reads every task of the tables of a task file (one table for CSV, one per sheet for a
/// workbook); a row with errors is left out and its errors returned.
pub fn parse(tables: &[Table], groups: &[Group], registry: &Registry) -> Parsed {
    let mut parsed = Parsed::default();
    let Some(table) = tables.iter().find(|t| !is_english_sheet(t)) else {
        return parsed;
    };
    let columns = Columns::of(table);
    parsed.diagnostics = columns.require(table);
    if !parsed.diagnostics.is_empty() {
        return parsed;
    }
    let english = english_titles(tables);
    let mut reader = Appendix {
        english: &english,
        groups,
        new_groups: Vec::new(),
        heading: None,
        parties: Parties::new(registry),
        seen_ids: BTreeMap::new(),
        budget_factor: columns
            .get(Field::Budget)
            .map_or(1.0, |i| budget::column_factor(&table.header[i].text)),
        diagnostics: Vec::new(),
    };
    for row in &table.rows {
        match layout::classify(row, &columns) {
            RowKind::Task => {
                let mut task_row = TaskRow {
                    table,
                    row,
                    columns: &columns,
                    diagnostics: Vec::new(),
                };
                let task = task_row.task(&mut reader);
                reader.diagnostics.append(&mut task_row.diagnostics);
                parsed.tasks.extend(task.map(|mut task| {
                    if let Some(title) = english.get(&row.line) {
                        task.translations
                            .entry("en".to_string())
                            .or_insert_with(|| title.clone());
                    }
                    task
                }));
            }
            RowKind::Heading {
                numeral,
                title,
                cells,
            } => {
                reader.heading = Some(Heading {
                    numeral,
                    title,
                    cells,
                    line: row.line,
                    group: None,
                })
            }
            RowKind::Totals | RowKind::Numbering => {}
        }
    }
    let Appendix {
        new_groups,
        parties,
        seen_ids,
        mut diagnostics,
        ..
    } = reader;
    parsed.diagnostics.append(&mut diagnostics);
    // Only the groups some task is in are made.
    parsed.groups = new_groups
        .into_iter()
        .filter(|g| parsed.tasks.iter().any(|t| t.group == g.id))
        .collect();
    parsed.warnings = parties.warnings(table);
    parsed.ids = Some(seen_ids.into_keys().collect());
    parsed
}

/// The English titles of tasks and headings on an `en` sheet, by row.
fn english_titles(tables: &[Table]) -> BTreeMap<usize, String> {
    let mut titles = BTreeMap::new();
    for table in tables.iter().filter(|t| is_english_sheet(t)) {
        let columns = Columns::of(table);
        let Some(column) = columns.get(Field::TitleEn).or(columns.get(Field::Title)) else {
            continue;
        };
        for row in &table.rows {
            let title = match layout::classify(row, &columns) {
                RowKind::Task => row.cells.get(column).map(|c| c.text.clone()),
                RowKind::Heading { title, .. } => Some(title),
                RowKind::Totals | RowKind::Numbering => None,
            };
            if let Some(title) = title.filter(|t| !t.is_empty()) {
                titles.insert(row.line, title);
            }
        }
    }
    titles
}

/// A group heading row, resolved to a group once a task is under it.
#[derive(Clone, Debug)]
struct Heading {
    /// The numeral as written (`II`) and its value.
    numeral: Option<(String, u32)>,
    title: String,
    cells: Vec<String>,
    line: usize,
    /// The group's id, once resolved, and its label in task codes.
    group: Option<(String, String)>,
}

/// The appendix being read: what rows share (the current heading, the ids seen, the units
/// named).
struct Appendix<'a> {
    /// English titles from an `en` sheet, by row.
    english: &'a BTreeMap<usize, String>,
    groups: &'a [Group],
    new_groups: Vec<Group>,
    heading: Option<Heading>,
    parties: Parties<'a>,
    seen_ids: BTreeMap<String, usize>,
    budget_factor: f64,
    diagnostics: Vec<Diagnostic>,
}

impl Appendix<'_> {
    /// Every group known so far: the plan's and the appendix's own.
    fn all_groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter().chain(&self.new_groups)
    }

    /// The group a cell of the group column names: by id, title or order.
    fn named_group(&self, written: &str) -> Option<String> {
        let folded = fold_ascii(written.trim());
        let number = written
            .trim()
            .parse::<u32>()
            .ok()
            .or_else(|| layout::roman(written));
        self.all_groups()
            .find(|g| g.id == written)
            .or_else(|| {
                self.all_groups()
                    .find(|g| g.titles.values().any(|t| fold_ascii(t.trim()) == folded))
            })
            .or_else(|| number.and_then(|n| self.all_groups().find(|g| g.order == n)))
            .map(|g| g.id.clone())
    }

    /// The group of the current heading, and its label in task codes; made when no group
    /// of the plan matches.
    fn heading_group(&mut self) -> Option<(String, String)> {
        let heading = self.heading.as_ref()?;
        if let Some(found) = &heading.group {
            return Some(found.clone());
        }
        let heading = heading.clone();
        let folded = fold_ascii(heading.title.trim());
        let by_id = heading
            .cells
            .iter()
            .find_map(|c| self.all_groups().find(|g| g.id == c.trim()));
        let by_title = || {
            self.all_groups()
                .find(|g| g.titles.values().any(|t| fold_ascii(t.trim()) == folded))
        };
        let by_order = || {
            heading
                .numeral
                .as_ref()
                .and_then(|(_, n)| self.all_groups().find(|g| g.order == *n))
        };
        let found = by_id
            .or_else(by_title)
            .or_else(by_order)
            .map(|g| (g.id.clone(), g.order));
        let (id, order) = match found {
            Some(found) => found,
            None => self.new_group(&heading),
        };
        let label = heading
            .numeral
            .as_ref()
            .map_or_else(|| layout::to_roman(order), |(label, _)| label.clone());
        let resolved = (id, label);
        if let Some(current) = &mut self.heading {
            current.group = Some(resolved.clone());
        }
        Some(resolved)
    }

    /// A group made from a heading that matches none: titled by the heading, its id the
    /// heading's slug, its order the numeral's value (or after every other group).
    fn new_group(&mut self, heading: &Heading) -> (String, u32) {
        let order = heading.numeral.as_ref().map_or_else(
            || self.all_groups().map(|g| g.order).max().unwrap_or(0) + 1,
            |(_, n)| *n,
        );
        let mut id = slugify(&heading.title);
        if id.len() > 60 {
            let cut = id[..60].rfind('-').unwrap_or(60);
            id.truncate(cut);
        }
        if id.is_empty() {
            id = format!("nhom-{}", layout::to_roman(order).to_ascii_lowercase());
        }
        let mut unique = id.clone();
        let mut n = 2;
        while self.all_groups().any(|g| g.id == unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        let mut titles = BTreeMap::from([("vi".to_string(), heading.title.clone())]);
        if let Some(english) = self.english.get(&heading.line) {
            titles.insert("en".to_string(), english.clone());
        }
        self.new_groups.push(Group {
            id: unique.clone(),
            order,
            titles,
            summaries: BTreeMap::new(),
            from_appendix: true,
        });
        (unique, order)
    }
}

/// One row of the task table being read, with the problems found in it.
struct TaskRow<'a> {
    table: &'a Table,
    row: &'a Row,
    columns: &'a Columns,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> TaskRow<'a> {
    /// The row's task; `None` when the row has any error. The appendix's ids get the row's
    /// id, with its line, even then, so that a later row using it again is reported.
    fn task(&mut self, appendix: &mut Appendix<'_>) -> Option<Task> {
        let group = self.group(appendix);
        let id = self.id(appendix, group.as_ref().map(|(_, label)| label.as_str()));
        self.check_title();
        let lead = self.lead(appendix);
        let partners = self.partners(appendix);
        let start = self.deadline(Field::Start, true);
        let due = self.deadline(Field::Due, false);
        self.check_dates_in_order(start.as_ref(), due.as_ref());
        let state = self.state();
        let percent = self.percent();
        let budget = self.budget(appendix.budget_factor);
        if !self.diagnostics.is_empty() {
            return None;
        }
        let mut translations = BTreeMap::new();
        let english = self.text(Field::TitleEn);
        if !english.is_empty() {
            translations.insert("en".to_string(), english.to_string());
        }
        Some(Task {
            id,
            group: group?.0,
            title: self.text(Field::Title).to_string(),
            translations,
            lead,
            partners,
            start,
            due: due?,
            start_text: self.text(Field::Start).to_string(),
            due_text: self.text(Field::Due).to_string(),
            state: state?,
            percent,
            budget,
            output: self.text(Field::Output).to_string(),
            line: self.row.line,
        })
    }

    fn cell(&self, field: Field) -> Option<&'a Cell> {
        self.columns.get(field).and_then(|i| self.row.cells.get(i))
    }

    fn text(&self, field: Field) -> &'a str {
        self.cell(field).map_or("", |c| c.text.as_str())
    }

    /// Reports a problem at the field's cell, or at the whole row when the table has no
    /// such column.
    fn error(&mut self, field: Field, code: &'static str, message: String, hint: String) {
        let diagnostic = match self.cell(field) {
            Some(cell) => self.table.error(cell, code, message),
            None => self.table.row_error(self.row, code, message),
        };
        self.diagnostics.push(diagnostic.with_hint(hint));
    }

    /// The task's group and its label in codes: the group column's, else the heading's.
    fn group(&mut self, appendix: &mut Appendix<'_>) -> Option<(String, String)> {
        let written = self.text(Field::Group);
        if written.is_empty() {
            let found = appendix.heading_group();
            if found.is_none() {
                self.error(
                    Field::Group,
                    "task-group",
                    t!("task-no-group"),
                    t!("task-no-group-hint"),
                );
            }
            return found;
        }
        match appendix.named_group(written) {
            Some(id) => {
                let order = appendix
                    .all_groups()
                    .find(|g| g.id == id)
                    .map_or(0, |g| g.order);
                Some((id, layout::to_roman(order)))
            }
            None => {
                let ids: Vec<&str> = appendix.all_groups().map(|g| g.id.as_str()).collect();
                let hint = match did_you_mean(written, ids.iter().copied()) {
                    Some(g) => t!("did-you-mean", suggestion = g),
                    None if ids.is_empty() => t!("task-no-groups-hint"),
                    None => t!("plan-groups-hint", groups = ids.join(", ")),
                };
                self.error(
                    Field::Group,
                    "unknown-id",
                    t!("plan-group-unknown", group = written),
                    hint,
                );
                None
            }
        }
    }

    /// The task's id: its `Mã nhiệm vụ`, or a code made from its group and `STT`.
    fn id(&mut self, appendix: &mut Appendix<'_>, label: Option<&str>) -> String {
        let written = self.text(Field::Id);
        let stt: String = self
            .text(Field::Stt)
            .trim_end_matches('.')
            .split_whitespace()
            .collect();
        let (id, field) = if !written.is_empty() {
            (written.to_string(), Field::Id)
        } else if !stt.is_empty() {
            let code = match (label, appendix.heading.is_some()) {
                (Some(label), true) => format!("NV-{label}.{stt}"),
                _ => format!("NV-{stt}"),
            };
            (code, Field::Stt)
        } else {
            self.error(
                Field::Id,
                "task-id",
                t!("task-no-id"),
                t!("task-no-id-hint"),
            );
            return String::new();
        };
        if let Some(first) = appendix.seen_ids.get(&id) {
            let what = if field == Field::Stt {
                t!("task-number-twice", number = &stt, id = &id)
            } else {
                t!("task-id-twice", id = &id)
            };
            self.error(
                field,
                "duplicate-id",
                what,
                t!("task-id-twice-hint", row = *first),
            );
        } else {
            appendix.seen_ids.insert(id.clone(), self.row.line);
        }
        id
    }

    fn check_title(&mut self) {
        if self.text(Field::Title).is_empty() {
            self.error(
                Field::Title,
                "task-title",
                t!("task-no-title"),
                t!("task-no-title-hint"),
            );
        }
    }

    fn lead(&mut self, appendix: &mut Appendix<'_>) -> String {
        let Some(cell) = self.cell(Field::Lead) else {
            return String::new();
        };
        let mut leads = parties::split(&cell.text);
        let Some(first) = leads.next() else {
            self.error(
                Field::Lead,
                "task-lead",
                t!("task-no-lead"),
                t!("task-no-lead-hint"),
            );
            return String::new();
        };
        // A second unit named as lead shares the work: `partners` reads it as a partner.
        appendix.parties.resolve(self.table, cell, first)
    }

    fn partners(&mut self, appendix: &mut Appendix<'_>) -> Vec<String> {
        let mut partners = Vec::new();
        let co_leads = self
            .cell(Field::Lead)
            .map(|c| {
                parties::split(&c.text)
                    .skip(1)
                    .map(|p| (c, p))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let listed = self
            .cell(Field::Partners)
            .map(|c| parties::split(&c.text).map(|p| (c, p)).collect::<Vec<_>>())
            .unwrap_or_default();
        for (cell, written) in co_leads.into_iter().chain(listed) {
            let unit = appendix.parties.resolve(self.table, cell, written);
            if !partners.contains(&unit) {
                partners.push(unit);
            }
        }
        partners
    }

    fn deadline(&mut self, field: Field, optional: bool) -> Option<Deadline> {
        let written = self.text(field);
        let name = field.key();
        if written.is_empty() {
            if !optional {
                self.error(
                    field,
                    "task-date",
                    t!("task-no-date", name = name),
                    t!("task-date-hint"),
                );
            }
            return None;
        }
        let parsed = Deadline::parse(written);
        if parsed.is_none() {
            self.error(
                field,
                "task-date",
                t!("task-bad-date", written = written),
                t!("task-date-hint"),
            );
        }
        parsed
    }

    fn check_dates_in_order(&mut self, start: Option<&Deadline>, due: Option<&Deadline>) {
        if let (Some(start), Some(due)) = (
            start.and_then(Deadline::start_date),
            due.and_then(Deadline::due_date),
        ) && due < start
        {
            self.error(
                Field::Due,
                "task-dates",
                t!(
                    "task-due-before-start",
                    due = due.to_string(),
                    start = start.to_string()
                ),
                t!("task-due-before-start-hint"),
            );
        }
    }

    fn state(&mut self) -> Option<TaskState> {
        let written = self.text(Field::Status);
        let state = state(written);
        if state.is_none() {
            let words = ["not_started", "in_progress", "done", "cancelled"];
            let hint = match did_you_mean(written, words) {
                Some(w) => t!("did-you-mean", suggestion = w),
                None => t!("task-status-hint", words = words.join(", ")),
            };
            self.error(
                Field::Status,
                "task-status",
                t!("task-status", written = written),
                hint,
            );
        }
        state
    }

    /// The share of the work done, from 0 to 100 (`80` or `80%`).
    fn percent(&mut self) -> Option<f64> {
        let written = self.text(Field::Percent);
        let number = written.trim().trim_end_matches('%').trim_end();
        if number.is_empty() {
            return None;
        }
        match parse_number(number, self.table.decimal_comma()) {
            Ok(value) if (0.0..=100.0).contains(&value) => Some(value),
            Ok(value) => {
                self.error(
                    Field::Percent,
                    "task-number",
                    t!("task-percent-range", value = value.to_string()),
                    t!("task-percent-range-hint"),
                );
                None
            }
            Err((message, hint)) => {
                self.error(Field::Percent, "task-number", message, hint);
                None
            }
        }
    }

    fn budget(&mut self, factor: f64) -> Option<Budget> {
        let written = self.text(Field::Budget);
        if written.is_empty() {
            return None;
        }
        match budget::parse(written, self.table.decimal_comma(), factor) {
            Ok(budget) => Some(budget),
            Err((message, hint)) => {
                self.error(Field::Budget, "task-number", message, hint);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::{read_csv_with, read_xlsx_with};

    const UNITS: &str = "[[unit]]\nid = \"so-khcn\"\nname = \"Sở KH&CN\"\naliases = [\"SKHCN\"]\n[[unit]]\nid = \"so-noi-vu\"\nname = \"Sở Nội vụ\"\n";
    const HEADER: &str = "id,group,title,lead,partners,start,due,status,percent,budget,output\n";
    const FILE: &str = "content/kh/tasks.csv";

    fn group(id: &str, order: u32, title: &str) -> Group {
        Group {
            id: id.into(),
            order,
            titles: BTreeMap::from([("vi".to_string(), title.to_string())]),
            summaries: BTreeMap::new(),
            from_appendix: false,
        }
    }

    fn groups() -> Vec<Group> {
        vec![
            group("ha-tang", 1, "Hạ tầng số"),
            group("chinh-phu-so", 2, "Chính phủ số"),
        ]
    }

    fn parse_csv(text: &str, units: Option<&str>) -> Parsed {
        let (registry, _) = Registry::parse(units, None);
        let (table, problems) = read_csv_with(FILE, text.as_bytes(), HEADER_RULE);
        assert!(problems.is_empty(), "{problems:?}");
        parse(&[table.unwrap()], &groups(), &registry)
    }

    fn run(rows: &str) -> (Vec<Task>, Vec<Diagnostic>) {
        let parsed = parse_csv(&format!("{HEADER}{rows}"), Some(UNITS));
        (parsed.tasks, parsed.diagnostics)
    }

    fn places(diagnostics: &[Diagnostic]) -> Vec<(&str, String)> {
        diagnostics.iter().map(|d| (d.code, d.location())).collect()
    }

    #[test]
    fn tasks_read_with_vietnamese_dates_aliases_and_state_words() {
        let (tasks, diagnostics) = run(
            "NV-3.01,ha-tang,Phủ sóng,SKHCN,\"so-noi-vu;so-khcn\",Quý I/2025,30/6/2025,đang thực hiện,40,\"1.200\",Báo cáo\n\
             NV-3.02,ha-tang,Cáp quang,so-khcn,,,Thường xuyên,done,100,,\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(tasks[0].lead, "so-khcn");
        assert_eq!(tasks[0].partners, ["so-noi-vu", "so-khcn"]);
        assert_eq!(tasks[0].state, TaskState::InProgress);
        assert_eq!(tasks[0].due_date(), NaiveDate::from_ymd_opt(2025, 6, 30));
        assert_eq!(tasks[0].budget, Some(Budget::Amount(1200.0)));
        assert_eq!(tasks[1].due, Deadline::Ongoing);
        assert_eq!(tasks[0].line, 2);
    }

    #[test]
    fn every_mistake_in_a_row_is_placed() {
        let (tasks, diagnostics) = run(
            "NV-3.01,ha-tan,Phủ sóng,so-kh,,1/7/2025,30/6/2025,dang lam,140,1.5 USD,\n\
             NV-3.01,ha-tang,Phủ sóng,so-khcn,,,31/6/2025,done,,,\n",
        );
        assert!(tasks.is_empty());
        assert_eq!(
            places(&diagnostics),
            [
                ("unknown-id", format!("{FILE}:2:9")),
                ("task-dates", format!("{FILE}:2:41")),
                ("task-status", format!("{FILE}:2:51")),
                ("task-number", format!("{FILE}:2:60")),
                ("task-number", format!("{FILE}:2:64")),
                ("duplicate-id", format!("{FILE}:3:1")),
                ("task-date", format!("{FILE}:3:36")),
            ],
            "{diagnostics:#?}"
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `ha-tang`?")
        );
        assert_eq!(diagnostics[3].message, "140 is outside 0–100");
    }

    #[test]
    fn a_missing_required_column_is_reported() {
        let parsed = parse_csv(
            "id,group,title,lead,due\nNV-1,ha-tang,x,so-khcn,2025\n",
            Some(UNITS),
        );
        assert_eq!(parsed.diagnostics.len(), 1);
        assert!(
            parsed.diagnostics[0].message.contains("status"),
            "{:?}",
            parsed.diagnostics
        );
    }

    /// An appendix as an office lays it out: title rows, a numbering row, Roman-numeral
    /// group headings (one matching a group by order, one by title, one matching none),
    /// tasks numbered only by STT, leads as names, a totals row.
    const APPENDIX: &str = "KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025,,,,,,,\n\
        Phụ lục I,,,,,,,\n\
        \"(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025)\",,,,,,,\n\
        STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn,Tình trạng,Tiến độ (%),Kinh phí (triệu đồng)\n\
        (1),(2),(3),(4),(5),(6),(7),(8)\n\
        I,PHÁT TRIỂN HẠ TẦNG,,,,,,\n\
        1,Phủ sóng 5G,Sở KH&CN,\"Các sở, ngành; UBND các xã\",Quý IV/2025,Đang thực hiện,50%,\"1.250 triệu đồng\"\n\
        2,Cáp quang,Công an tỉnh,\"Sở Nội vụ\nCác sở, ngành\",2025,Chưa thực hiện,,Ngân sách tỉnh\n\
        ,Chính phủ số,,,,,,\n\
        1,Cổng dịch vụ công,sở nội vụ,,30/6/2025,Hoàn thành,100,2 tỷ đồng\n\
        1.1,Kết nối,Sở nội vụ,,30/6/2025,Hoàn thành,100,\n\
        IV.,Nhiệm vụ khác,,,,,,\n\
        1,Truyền thông,Công an tỉnh,,2025,Chưa thực hiện,,Nguồn xã hội hóa\n\
        ,Tổng cộng,,,,,,3.250\n";

    #[test]
    fn an_appendix_as_offices_write_it() {
        let parsed = parse_csv(APPENDIX, Some(UNITS));
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        let found: Vec<(&str, &str, &str)> = parsed
            .tasks
            .iter()
            .map(|t| (t.id.as_str(), t.group.as_str(), t.lead.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("NV-I.1", "ha-tang", "so-khcn"),
                ("NV-I.2", "ha-tang", "Công an tỉnh"),
                ("NV-II.1", "chinh-phu-so", "so-noi-vu"),
                ("NV-II.1.1", "chinh-phu-so", "so-noi-vu"),
                ("NV-IV.1", "nhiem-vu-khac", "Công an tỉnh"),
            ]
        );
        let tasks = &parsed.tasks;
        assert_eq!(tasks[0].partners, ["Các sở, ngành", "UBND các xã"]);
        assert_eq!(tasks[1].partners, ["so-noi-vu", "Các sở, ngành"]);
        assert_eq!(tasks[0].percent, Some(50.0));
        assert_eq!(tasks[0].budget, Some(Budget::Amount(1250.0)));
        assert_eq!(tasks[1].budget, Some(Budget::Note("Ngân sách tỉnh".into())));
        assert_eq!(tasks[2].budget, Some(Budget::Amount(2000.0)));
        assert_eq!(tasks[0].line, 7);
        let [made] = parsed.groups.as_slice() else {
            panic!("{:#?}", parsed.groups)
        };
        assert_eq!((made.id.as_str(), made.order), ("nhiem-vu-khac", 4));
        assert_eq!(made.title("vi", "vi"), "Nhiệm vụ khác");
        assert!(made.from_appendix);
        // Two names in no registry, each warned once at its first cell.
        let warned: Vec<&str> = parsed.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(
            warned,
            [
                "`Các sở, ngành` is not in data/units.toml, so it is shown as written",
                "`UBND các xã` is not in data/units.toml, so it is shown as written",
                "`Công an tỉnh` is not in data/units.toml, so it is shown as written",
            ]
        );
        assert_eq!(parsed.warnings[0].location(), format!("{FILE}:7:24"));
    }

    #[test]
    fn a_task_number_used_twice_in_a_group_is_placed_at_its_stt() {
        let parsed = parse_csv(
            "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn,Tình trạng\n\
             I,Hạ tầng số,,,\n1,A,Sở A,2025,done\n1,B,Sở A,2025,done\n",
            None,
        );
        assert_eq!(
            places(&parsed.diagnostics),
            [("duplicate-id", format!("{FILE}:4:1"))]
        );
        assert_eq!(
            parsed.diagnostics[0].message,
            "the task number `1` is used twice in this group (as `NV-I.1`)"
        );
    }

    #[test]
    fn a_task_outside_any_group_is_one_error() {
        let parsed = parse_csv(
            "STT,Nhiệm vụ,Cơ quan chủ trì,Thời hạn,Tình trạng\n1,A,Sở A,2025,done\n",
            None,
        );
        assert_eq!(
            places(&parsed.diagnostics),
            [("task-group", format!("{FILE}:2:1"))]
        );
    }

    #[test]
    fn english_titles_come_from_a_column_or_an_en_sheet() {
        let parsed = parse_csv(
            "Mã nhiệm vụ,Nhóm nhiệm vụ,Nhiệm vụ,Nhiệm vụ (tiếng Anh),Cơ quan chủ trì,Thời hạn,Tình trạng\n\
             NV-1,Hạ tầng số,Phủ sóng,Mobile coverage,Sở A,2025,done\n\
             NV-2,2,Cổng,,Sở A,2025,done\n",
            None,
        );
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        assert_eq!(
            parsed.tasks[0].group, "ha-tang",
            "a group named by its title"
        );
        assert_eq!(
            parsed.tasks[1].group, "chinh-phu-so",
            "a group named by its order"
        );
        assert_eq!(parsed.tasks[0].title_in("en"), "Mobile coverage");
        assert_eq!(parsed.tasks[1].title_in("en"), "Cổng");

        let mut workbook = rust_xlsxwriter::Workbook::new();
        for (name, rows) in [
            (
                "Phụ lục",
                [
                    [
                        "STT",
                        "Nhiệm vụ",
                        "Cơ quan chủ trì",
                        "Thời hạn",
                        "Tình trạng",
                    ],
                    ["", "NHIỆM VỤ MỚI", "", "", ""],
                    ["1", "Phủ sóng", "Sở A", "2025", "done"],
                ],
            ),
            (
                "en",
                [
                    ["No.", "Task", "Lead", "Due", "Status"],
                    ["", "NEW TASKS", "", "", ""],
                    ["1", "Mobile coverage", "", "", ""],
                ],
            ),
        ] {
            let sheet = workbook.add_worksheet();
            sheet.set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, text) in row.iter().enumerate() {
                    if !text.is_empty() {
                        sheet.write_string(r as u32 + 1, c as u16, *text).unwrap();
                    }
                }
            }
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let (tables, problems) = read_xlsx_with(
            "content/kh/tasks.xlsx",
            &bytes,
            HEADER_RULE,
            &Default::default(),
        );
        assert!(problems.is_empty(), "{problems:#?}");
        let parsed = parse(&tables, &groups(), &Registry::default());
        assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
        assert_eq!(parsed.tasks[0].id, "NV-III.1");
        assert_eq!(parsed.tasks[0].title_in("en"), "Mobile coverage");
        assert_eq!(parsed.tasks[0].title_in("vi"), "Phủ sóng");
        assert_eq!(parsed.groups[0].title("en", "vi"), "NEW TASKS");
    }
}
