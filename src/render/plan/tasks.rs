//! The task tracker: each task as a row, and the pages that list them by group, status
//! and lead unit.

use tera::Value;

use super::{PlanView, list, map};
use crate::content::plan::pages::TASKS_SEGMENT;
use crate::content::plan::pages::lead_segment;
use crate::content::plan::status::TaskStatus;
use crate::content::plan::tasks::{Budget, Task};
use crate::content::plan::{PlanPage, TaskFilter};
use crate::format;
use crate::slug::slugify;

/// A plan's tasks as template values in one language, in the order of `Plan::tasks`, and
/// the lead units in order. Every tracker page (all tasks, and by group, status and lead
/// unit) lists some of these rows; a national plan has thousands of tasks and dozens of
/// such pages, so the rows are made once per language and shared (a row is reference
/// counted, so sharing copies nothing).
pub struct TaskRows {
    rows: Vec<Value>,
    leads: Vec<String>,
}

impl PlanView<'_> {
    /// A task as the tracker shows it.
    pub fn task(&self, task: &Task, status: TaskStatus) -> Value {
        let due_label = task.due_date().map(|d| format::date(d, self.lang));
        let has_page = self.plan.task_pages.contains(&task.id);
        let url = if has_page {
            self.url(&format!("{TASKS_SEGMENT}/{}", slugify(&task.id)))
                .or_else(|| self.task_page_url(&task.id))
        } else {
            None
        };
        map(vec![
            ("id", Value::from(task.id.as_str())),
            ("title", Value::from(task.title_in(self.lang))),
            ("group", Value::from(task.group.as_str())),
            (
                "group_title",
                Value::from(
                    self.plan
                        .group(&task.group)
                        .map(|g| g.title(self.lang, self.default_lang()).to_string()),
                ),
            ),
            ("group_url", Value::from(self.group_url(&task.group))),
            ("lead", Value::from(task.lead.as_str())),
            ("lead_name", Value::from(self.unit_name(&task.lead))),
            (
                "partners",
                list(&task.partners, |p| Value::from(self.unit_name(p))),
            ),
            ("start_text", Value::from(task.start_text.as_str())),
            ("due_text", Value::from(task.due_text.as_str())),
            // The deadline in one form per language; `due_text` keeps what was written.
            (
                "start_shown",
                Value::from(task.start.as_ref().map(|s| s.label(self.lang))),
            ),
            ("due_shown", Value::from(task.due.label(self.lang))),
            (
                "due",
                Value::from(task.due_date().map(|d| d.format("%Y-%m-%d").to_string())),
            ),
            ("due_label", Value::from(due_label)),
            ("status", Value::from(status.key())),
            (
                "status_label",
                Value::from(self.t(&format!("task_{}", status.key()))),
            ),
            ("percent", Value::from(task.percent)),
            (
                "percent_label",
                Value::from(
                    task.percent
                        .map(|p| format!("{}%", format::number(p, 0, self.lang))),
                ),
            ),
            ("budget", Value::from(task.amount())),
            (
                "budget_label",
                Value::from(task.budget.as_ref().map(|b| match b {
                    Budget::Amount(amount) => format::number(*amount, 0, self.lang),
                    Budget::Note(note) => note.clone(),
                })),
            ),
            (
                "budget_note",
                Value::from(task.budget.as_ref().and_then(Budget::note)),
            ),
            ("output", Value::from(task.output.as_str())),
            ("url", Value::from(url)),
        ])
    }

    fn task_page_url(&self, id: &str) -> Option<String> {
        self.site
            .pages
            .iter()
            .find(|p| p.lang() == self.lang && matches!(&p.content.plan_page, Some(PlanPage::Task { plan, id: t }) if *plan == self.index && t == id))
            .map(|p| self.site.url(&p.path))
    }

    /// Every task of the plan as the tracker shows it, for `tasks`.
    pub fn task_rows(&self) -> TaskRows {
        TaskRows {
            rows: self
                .plan
                .tasks
                .iter()
                .zip(&self.plan.task_statuses)
                .map(|(t, s)| self.task(t, *s))
                .collect(),
            leads: self
                .plan
                .lead_units()
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }

    /// The tasks a tracker page lists, with the links to the other filters. `rows` are
    /// this plan's `task_rows` in this language.
    pub fn tasks(&self, filter: &TaskFilter, rows: &TaskRows) -> Value {
        let keep = |task: &Task, status: &TaskStatus| match filter {
            TaskFilter::All => true,
            TaskFilter::Group(group) => task.group == *group,
            TaskFilter::Status(wanted) => status == wanted,
            TaskFilter::Lead(lead) => task.lead == *lead,
        };
        let rows_shown: Vec<Value> = self
            .plan
            .tasks
            .iter()
            .zip(&self.plan.task_statuses)
            .zip(&rows.rows)
            .filter(|((t, s), _)| keep(t, s))
            .map(|(_, row)| row.clone())
            .collect();
        let (kind, selected) = match filter {
            TaskFilter::All => ("all", String::new()),
            TaskFilter::Group(g) => ("group", g.clone()),
            TaskFilter::Status(s) => ("status", s.key().to_string()),
            TaskFilter::Lead(l) => ("lead", l.clone()),
        };
        let groups = list(&self.plan.groups, |g| {
            map(vec![
                ("id", Value::from(g.id.as_str())),
                (
                    "title",
                    Value::from(g.title(self.lang, self.default_lang())),
                ),
                (
                    "url",
                    Value::from(self.url(&format!("{TASKS_SEGMENT}/nhom-{}", g.id))),
                ),
                ("selected", Value::from(kind == "group" && selected == g.id)),
            ])
        });
        let leads = list(rows.leads.iter().map(String::as_str), |unit| {
            map(vec![
                ("id", Value::from(unit)),
                ("name", Value::from(self.unit_name(unit))),
                (
                    "url",
                    Value::from(self.url(&format!("{TASKS_SEGMENT}/{}", lead_segment(unit)))),
                ),
                ("selected", Value::from(kind == "lead" && selected == unit)),
            ])
        });
        let statuses = list(TaskStatus::ALL, |s| {
            map(vec![
                ("status", Value::from(s.key())),
                ("label", Value::from(self.t(&format!("task_{}", s.key())))),
                (
                    "url",
                    Value::from(
                        self.url(&format!("{TASKS_SEGMENT}/trang-thai-{}", slugify(s.key()))),
                    ),
                ),
                (
                    "selected",
                    Value::from(kind == "status" && selected == s.key()),
                ),
            ])
        });
        map(vec![
            ("filter", Value::from(kind)),
            ("selected", Value::from(selected)),
            ("rows", Value::from(rows_shown)),
            (
                "all_url",
                Value::from(self.url(&format!("{TASKS_SEGMENT}/_index"))),
            ),
            ("groups", groups),
            ("leads", leads),
            ("statuses", statuses),
            ("csv_url", Value::from(self.data_url("nhiem-vu.csv"))),
        ])
    }
}
