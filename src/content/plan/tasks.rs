//! The plan's tasks (`tasks.csv`, the appendix table), parsed and checked (pure).
//!
//! Columns: `id, group, title, lead, partners, start, due, status, percent, budget, output`
//! (`partners`, `start`, `percent`, `budget` and `output` may be left out). Dates are
//! written as Vietnamese offices write them (see `period::Deadline`); `budget` is in million
//! VND; `partners` are unit ids separated by `;`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::content::plan::status::TaskState;
use crate::diag::{Diagnostic, did_you_mean};
use crate::slug::fold_ascii;

use super::period::Deadline;
use super::registry::{Kind, Registry};
use super::table::{Cell, Row, Table, parse_number};

pub const TASKS_FILE: &str = "tasks.csv";
const REQUIRED: [&str; 6] = ["id", "group", "title", "lead", "due", "status"];
/// Every column read, required or not.
const COLUMNS: [&str; 11] = [
    "id", "group", "title", "lead", "partners", "start", "due", "status", "percent", "budget",
    "output",
];
pub const DEADLINE_HINT: &str = "write a date as 30/6/2025 or 2025-06-30, or a period as Quý IV/2025, Tháng 6/2025, Năm 2025; \"trước 30/6/2025\" and \"Thường xuyên\" (ongoing) also work";

#[derive(Clone, Debug)]
pub struct Task {
    pub id: String,
    pub group: String,
    pub title: String,
    pub lead: String,
    pub partners: Vec<String>,
    pub start: Option<Deadline>,
    pub due: Deadline,
    /// `start` and `due` as written, shown on the site beside the dates read from them.
    pub start_text: String,
    pub due_text: String,
    pub state: TaskState,
    pub percent: Option<f64>,
    /// Million VND.
    pub budget: Option<f64>,
    pub output: String,
    /// The line of `tasks.csv` the task is on.
    pub line: usize,
}

impl Task {
    pub fn due_date(&self) -> Option<NaiveDate> {
        self.due.due_date()
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

/// Reads every task of the table; a row with errors is left out and its errors returned.
pub fn parse(
    table: &Table,
    groups: &[String],
    registry: &Registry,
) -> (Vec<Task>, Vec<Diagnostic>) {
    let mut diagnostics = table.require(&REQUIRED);
    if !diagnostics.is_empty() {
        return (Vec::new(), diagnostics);
    }
    // Matching a column name folds it, so each column is found once, not once per cell.
    let columns = COLUMNS.map(|name| (name, table.column(name)));
    let mut tasks: Vec<Task> = Vec::new();
    let mut seen_ids: BTreeMap<String, usize> = BTreeMap::new();
    for row in &table.rows {
        let mut reader = TaskRow {
            table,
            row,
            columns: &columns,
            diagnostics: Vec::new(),
        };
        let task = reader.task(groups, registry, &mut seen_ids);
        diagnostics.append(&mut reader.diagnostics);
        tasks.extend(task);
    }
    (tasks, diagnostics)
}

/// One row of `tasks.csv` being read, with the problems found in it.
struct TaskRow<'a> {
    table: &'a Table,
    row: &'a Row,
    columns: &'a [(&'static str, Option<usize>)],
    diagnostics: Vec<Diagnostic>,
}

impl<'a> TaskRow<'a> {
    /// The row's task; `None` when the row has any error. `seen_ids` gets the row's id,
    /// with its line, even then, so that a later row using it again is reported.
    fn task(
        &mut self,
        groups: &[String],
        registry: &Registry,
        seen_ids: &mut BTreeMap<String, usize>,
    ) -> Option<Task> {
        let id = self.id(seen_ids);
        self.check_group(groups);
        self.check_title();
        let lead = self.lead(registry);
        let partners = self.partners(registry);
        let start = self.deadline("start", true);
        let due = self.deadline("due", false);
        self.check_dates_in_order(start.as_ref(), due.as_ref());
        let state = self.state();
        let percent = self.number("percent", Some((0.0, 100.0)));
        let budget = self.number("budget", None);
        if !self.diagnostics.is_empty() {
            return None;
        }
        Some(Task {
            id,
            group: self.text("group").to_string(),
            title: self.text("title").to_string(),
            lead,
            partners,
            start,
            due: due?,
            start_text: self.text("start").to_string(),
            due_text: self.text("due").to_string(),
            state: state?,
            percent,
            budget,
            output: self.text("output").to_string(),
            line: self.row.line,
        })
    }

    fn cell(&self, name: &str) -> Option<&'a Cell> {
        self.columns
            .iter()
            .find(|(known, _)| *known == name)
            .and_then(|(_, index)| *index)
            .and_then(|i| self.row.cells.get(i))
    }

    fn text(&self, name: &str) -> &'a str {
        self.cell(name).map_or("", |c| c.text.as_str())
    }

    /// Reports a problem at the column's cell, or at the whole row when the table has no
    /// such column.
    fn error(&mut self, name: &str, code: &'static str, message: String, hint: String) {
        let diagnostic = match self.cell(name) {
            Some(cell) => self.table.error(cell, code, message),
            None => self.table.row_error(self.row, code, message),
        };
        self.diagnostics.push(diagnostic.with_hint(hint));
    }

    fn id(&mut self, seen_ids: &mut BTreeMap<String, usize>) -> String {
        let id = self.text("id").to_string();
        if id.is_empty() {
            self.error(
                "id",
                "task-id",
                "the task has no id".into(),
                "give every task an id such as NV-3.12".into(),
            );
        } else if let Some(first) = seen_ids.get(&id) {
            self.error(
                "id",
                "duplicate-id",
                format!("the task id `{id}` is used twice"),
                format!("the first is on line {first}; give each task its own id"),
            );
        } else {
            seen_ids.insert(id.clone(), self.row.line);
        }
        id
    }

    fn check_group(&mut self, groups: &[String]) {
        let group = self.text("group");
        if !groups.iter().any(|g| g == group) {
            let hint = match did_you_mean(group, groups.iter().map(String::as_str)) {
                Some(g) => format!("did you mean `{g}`?"),
                None => format!("the plan's groups are: {}", groups.join(", ")),
            };
            self.error(
                "group",
                "unknown-id",
                format!("`{group}` is not a task group of this plan"),
                hint,
            );
        }
    }

    fn check_title(&mut self) {
        if self.text("title").is_empty() {
            self.error(
                "title",
                "task-title",
                "the task has no title".into(),
                "write what the task is".into(),
            );
        }
    }

    fn lead(&mut self, registry: &Registry) -> String {
        match registry.resolve(Kind::Unit, self.text("lead")) {
            Ok(unit) => unit.id().to_string(),
            Err((message, hint)) => {
                self.error("lead", "unknown-id", message, hint);
                String::new()
            }
        }
    }

    fn partners(&mut self, registry: &Registry) -> Vec<String> {
        let mut partners = Vec::new();
        for written in self
            .text("partners")
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match registry.resolve(Kind::Unit, written) {
                Ok(unit) => partners.push(unit.id().to_string()),
                Err((message, hint)) => self.error("partners", "unknown-id", message, hint),
            }
        }
        partners
    }

    fn deadline(&mut self, name: &str, optional: bool) -> Option<Deadline> {
        let written = self.text(name);
        if written.is_empty() {
            if !optional {
                self.error(
                    name,
                    "task-date",
                    format!("the task has no `{name}`"),
                    DEADLINE_HINT.into(),
                );
            }
            return None;
        }
        let parsed = Deadline::parse(written);
        if parsed.is_none() {
            self.error(
                name,
                "task-date",
                format!("`{written}` is not a date or period"),
                DEADLINE_HINT.into(),
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
                "due",
                "task-dates",
                format!("the task is due ({due}) before it starts ({start})"),
                "check the start and due dates".into(),
            );
        }
    }

    fn state(&mut self) -> Option<TaskState> {
        let written = self.text("status");
        let state = state(written);
        if state.is_none() {
            let words = ["not_started", "in_progress", "done", "cancelled"];
            let hint = match did_you_mean(written, words) {
                Some(w) => format!("did you mean `{w}`?"),
                None => format!("write one of: {}", words.join(", ")),
            };
            self.error(
                "status",
                "task-status",
                format!("`{written}` is not a task status"),
                hint,
            );
        }
        state
    }

    /// An optional number; `range`, when given, is where a share of the work done lies.
    fn number(&mut self, name: &str, range: Option<(f64, f64)>) -> Option<f64> {
        let written = self.text(name);
        if written.is_empty() {
            return None;
        }
        match parse_number(written, self.table.decimal_comma()) {
            Ok(value) => {
                if let Some((low, high)) =
                    range.filter(|(low, high)| !(*low..=*high).contains(&value))
                {
                    self.error(
                        name,
                        "task-number",
                        format!("{value} is outside {low}–{high}"),
                        format!("`{name}` is a share of the work done, from {low} to {high}"),
                    );
                }
                Some(value)
            }
            Err((message, hint)) => {
                self.error(name, "task-number", message, hint);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::read_csv;

    const UNITS: &str = "[[unit]]\nid = \"so-khcn\"\nname = \"Sở KH&CN\"\naliases = [\"SKHCN\"]\n[[unit]]\nid = \"so-noi-vu\"\nname = \"Sở Nội vụ\"\n";
    const HEADER: &str = "id,group,title,lead,partners,start,due,status,percent,budget,output\n";

    fn run(rows: &str) -> (Vec<Task>, Vec<Diagnostic>) {
        let (registry, _) = Registry::parse(Some(UNITS), None);
        let text = format!("{HEADER}{rows}");
        let (table, problems) = read_csv("content/kh/tasks.csv", text.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        parse(&table.unwrap(), &["ha-tang".to_string()], &registry)
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
        assert_eq!(tasks[1].due, Deadline::Ongoing);
        assert_eq!(tasks[0].line, 2);
    }

    #[test]
    fn every_mistake_in_a_row_is_placed() {
        let (tasks, diagnostics) = run(
            "NV-3.01,ha-tan,Phủ sóng,so-kh,,1/7/2025,30/6/2025,dang lam,140,abc,\n\
             NV-3.01,ha-tang,Phủ sóng,so-khcn,,,31/6/2025,done,,,\n",
        );
        assert!(tasks.is_empty());
        let found: Vec<(&str, String)> =
            diagnostics.iter().map(|d| (d.code, d.location())).collect();
        assert_eq!(
            found,
            [
                ("unknown-id", "content/kh/tasks.csv:2:9".to_string()),
                ("unknown-id", "content/kh/tasks.csv:2:25".to_string()),
                ("task-dates", "content/kh/tasks.csv:2:41".to_string()),
                ("task-status", "content/kh/tasks.csv:2:51".to_string()),
                ("task-number", "content/kh/tasks.csv:2:60".to_string()),
                ("task-number", "content/kh/tasks.csv:2:64".to_string()),
                ("duplicate-id", "content/kh/tasks.csv:3:1".to_string()),
                ("task-date", "content/kh/tasks.csv:3:36".to_string()),
            ],
            "{diagnostics:#?}"
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `ha-tang`?")
        );
    }

    #[test]
    fn a_missing_required_column_is_reported() {
        let (registry, _) = Registry::parse(Some(UNITS), None);
        let (table, _) = read_csv(
            "content/kh/tasks.csv",
            b"id,group,title,lead,due\nNV-1,ha-tang,x,so-khcn,2025\n",
        );
        let (_, diagnostics) = parse(&table.unwrap(), &["ha-tang".to_string()], &registry);
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("status"), "{diagnostics:?}");
    }
}
