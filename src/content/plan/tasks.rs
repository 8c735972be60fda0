//! The plan's tasks (`tasks.csv`, the appendix table), parsed and checked (pure).
//!
//! Columns: `id, group, title, lead, partners, start, due, status, percent, budget, output`
//! (`partners`, `start`, `percent`, `budget` and `output` may be left out). Dates are
//! written as Vietnamese offices write them (see `period::Deadline`); `budget` is in million
//! VND; `partners` are unit ids separated by `;`.

use chrono::NaiveDate;

use crate::diag::{Diagnostic, did_you_mean};
use crate::slug::fold_ascii;
use crate::status::TaskState;

use super::period::Deadline;
use super::registry::{Kind, Registry};
use super::table::{Cell, Table, parse_number};

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
    let column = |name: &str| {
        columns
            .iter()
            .find(|(known, _)| *known == name)
            .and_then(|(_, index)| *index)
    };
    let mut tasks: Vec<Task> = Vec::new();
    let mut seen_ids: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for row in &table.rows {
        let cell = |name: &str| column(name).and_then(|i| row.cells.get(i));
        let text = |name: &str| cell(name).map_or("", |c| c.text.as_str());
        let before = diagnostics.len();
        let mut error = |cell: Option<&Cell>, code: &'static str, message: String, hint: String| {
            let diagnostic = match cell {
                Some(cell) => table.error(cell, code, message),
                None => table.row_error(row, code, message),
            };
            diagnostics.push(diagnostic.with_hint(hint));
        };

        let id = text("id").to_string();
        if id.is_empty() {
            error(
                cell("id"),
                "task-id",
                "the task has no id".into(),
                "give every task an id such as NV-3.12".into(),
            );
        } else if let Some(first) = seen_ids.get(&id) {
            error(
                cell("id"),
                "duplicate-id",
                format!("the task id `{id}` is used twice"),
                format!("the first is on line {first}; give each task its own id"),
            );
        } else {
            seen_ids.insert(id.clone(), row.line);
        }
        let group = text("group");
        if !groups.iter().any(|g| g == group) {
            let hint = match did_you_mean(group, groups.iter().map(String::as_str)) {
                Some(g) => format!("did you mean `{g}`?"),
                None => format!("the plan's groups are: {}", groups.join(", ")),
            };
            error(
                cell("group"),
                "unknown-id",
                format!("`{group}` is not a task group of this plan"),
                hint,
            );
        }
        if text("title").is_empty() {
            error(
                cell("title"),
                "task-title",
                "the task has no title".into(),
                "write what the task is".into(),
            );
        }
        let lead = match registry.resolve(Kind::Unit, text("lead")) {
            Ok(unit) => unit.id().to_string(),
            Err((message, hint)) => {
                error(cell("lead"), "unknown-id", message, hint);
                String::new()
            }
        };
        let mut partners = Vec::new();
        for written in text("partners")
            .split([';', ','])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match registry.resolve(Kind::Unit, written) {
                Ok(unit) => partners.push(unit.id().to_string()),
                Err((message, hint)) => error(cell("partners"), "unknown-id", message, hint),
            }
        }
        let mut deadline = |name: &str, optional: bool| -> Option<Deadline> {
            let written = text(name);
            if written.is_empty() {
                if !optional {
                    error(
                        cell(name),
                        "task-date",
                        format!("the task has no `{name}`"),
                        DEADLINE_HINT.into(),
                    );
                }
                return None;
            }
            let parsed = Deadline::parse(written);
            if parsed.is_none() {
                error(
                    cell(name),
                    "task-date",
                    format!("`{written}` is not a date or period"),
                    DEADLINE_HINT.into(),
                );
            }
            parsed
        };
        let start = deadline("start", true);
        let due = deadline("due", false);
        if let (Some(start), Some(due)) = (
            start.as_ref().and_then(Deadline::start_date),
            due.as_ref().and_then(Deadline::due_date),
        ) && due < start
        {
            error(
                cell("due"),
                "task-dates",
                format!("the task is due ({due}) before it starts ({start})"),
                "check the start and due dates".into(),
            );
        }
        let state = state(text("status"));
        if state.is_none() {
            let words = ["not_started", "in_progress", "done", "cancelled"];
            let hint = match did_you_mean(text("status"), words) {
                Some(w) => format!("did you mean `{w}`?"),
                None => format!("write one of: {}", words.join(", ")),
            };
            error(
                cell("status"),
                "task-status",
                format!("`{}` is not a task status", text("status")),
                hint,
            );
        }
        let mut number = |name: &str, range: Option<(f64, f64)>| -> Option<f64> {
            let written = text(name);
            if written.is_empty() {
                return None;
            }
            match parse_number(written, table.decimal_comma()) {
                Ok(value) => {
                    if let Some((low, high)) =
                        range.filter(|(low, high)| !(*low..=*high).contains(&value))
                    {
                        error(
                            cell(name),
                            "task-number",
                            format!("{value} is outside {low}–{high}"),
                            format!("`{name}` is a share of the work done, from {low} to {high}"),
                        );
                    }
                    Some(value)
                }
                Err((message, hint)) => {
                    error(cell(name), "task-number", message, hint);
                    None
                }
            }
        };
        let percent = number("percent", Some((0.0, 100.0)));
        let budget = number("budget", None);
        if diagnostics.len() > before {
            continue;
        }
        let (Some(due), Some(state)) = (due, state) else {
            continue;
        };
        tasks.push(Task {
            id,
            group: group.to_string(),
            title: text("title").to_string(),
            lead,
            partners,
            start,
            due,
            start_text: text("start").to_string(),
            due_text: text("due").to_string(),
            state,
            percent,
            budget,
            output: text("output").to_string(),
            line: row.line,
        });
    }
    (tasks, diagnostics)
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
