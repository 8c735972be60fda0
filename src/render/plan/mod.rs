//! What templates see of a plan (pure): the plan, its groups, targets and tasks as template
//! values in one language, with every figure, date and status already written for that
//! language, so templates only place them. One module per page family; this one holds the
//! view they share and the roll-ups several pages show.

mod card;
mod evaluation;
mod group;
mod indicators;
mod methodology;
mod open_data;
mod overview;
mod tasks;

use tera::{Map, Value};

use crate::content::plan::indicators::Indicator;
use crate::content::plan::pages::{
    DATA_SEGMENT, INDICATORS_SEGMENT, target_status_path, task_status_path,
};
use crate::content::plan::period::Period;
use crate::content::plan::status::{Assessment, Status, TaskStatus};
use crate::content::plan::tasks::Task;
use crate::content::plan::{Plan, PlanPage};
use crate::format;
use crate::i18n::I18n;
use crate::site::Site;
use crate::slug::slugify;

pub use card::CardParts;
pub use tasks::TaskRows;

/// A count's share of a total as a whole percentage for a bar's width (0 when the total
/// is 0), so that a bar of counts needs no arithmetic in templates.
fn percent_of(count: usize, total: usize) -> Value {
    if total == 0 {
        Value::from(0)
    } else {
        // Two decimals keep the parts summing to 100 within a hair, and the output stable.
        Value::from((count as f64 * 10_000.0 / total as f64).round() / 100.0)
    }
}

/// Builds a map value from pairs; keys are the names templates use.
fn map(entries: Vec<(&'static str, Value)>) -> Value {
    let mut out = Map::with_capacity(entries.len());
    for (key, value) in entries {
        out.insert(key.into(), value);
    }
    Value::from(out)
}

fn list<T>(items: impl IntoIterator<Item = T>, each: impl Fn(T) -> Value) -> Value {
    Value::from(items.into_iter().map(each).collect::<Vec<_>>())
}

/// One language's view of one plan, with the site for addresses and names.
pub struct PlanView<'a> {
    pub site: &'a Site,
    pub plan: &'a Plan,
    pub index: usize,
    pub lang: &'a str,
    pub i18n: &'a I18n,
}

impl<'a> PlanView<'a> {
    fn default_lang(&self) -> &str {
        &self.site.config.default_language
    }

    fn t(&self, key: &str) -> String {
        self.i18n.get(self.lang, key).unwrap_or(key).to_string()
    }

    /// The address of a page of this plan in this language (`chi-tieu/ID`, `nhiem-vu/_index`).
    /// The address of an indicator's page.
    fn indicator_url(&self, indicator: &Indicator) -> Value {
        Value::from(self.url(&format!("{INDICATORS_SEGMENT}/{}", indicator.id)))
    }

    /// How every list of targets starts an entry: its id, name and address.
    fn indicator_heading(&self, indicator: &Indicator) -> Vec<(&'static str, Value)> {
        vec![
            ("id", Value::from(indicator.id.as_str())),
            (
                "name",
                Value::from(indicator.name.get(self.lang, self.default_lang())),
            ),
            ("url", self.indicator_url(indicator)),
        ]
    }

    fn url(&self, path: &str) -> Option<String> {
        let full = if self.plan.dir.is_empty() {
            path.to_string()
        } else {
            format!("{}/{path}", self.plan.dir)
        };
        let target = if path.ends_with("_index") {
            format!("{full}.md")
        } else {
            full
        };
        self.site
            .find(&target, self.lang)
            .ok()
            .map(|id| self.site.url(&self.site.page(id).path))
    }

    /// The address of a file this plan publishes in `du-lieu/` (the same in every language).
    pub fn data_url(&self, name: &str) -> String {
        self.site
            .url(&format!("{}{name}", data_folder(self.site, self.plan)))
    }

    fn unit_name(&self, id: &str) -> String {
        self.plan.unit_name(id, self.lang, self.default_lang())
    }

    fn figure(&self, indicator: &Indicator, value: f64) -> String {
        format::measured(value, indicator.measure.is_percent(), self.lang)
    }

    /// A figure with its unit beside it: `85%`, `6,4 ngày`, `538 doanh nghiệp`; a plain
    /// count stays a number.
    fn figure_with_unit(&self, indicator: &Indicator, value: f64) -> String {
        let figure = self.figure(indicator, value);
        match indicator.measure.id() {
            Some("percent" | "count") => figure,
            _ => format!(
                "{figure} {}",
                indicator
                    .measure
                    .label(self.i18n, self.lang, self.default_lang())
            ),
        }
    }

    /// A difference between two readings: `+13,1 điểm %` for percentages, `-1,2 ngày` or
    /// `+3` otherwise.
    fn change(&self, indicator: &Indicator, change: f64) -> String {
        let sign = if change > 0.0 { "+" } else { "" };
        if indicator.measure.is_percent() {
            format!(
                "{sign}{} {}",
                format::number(change, 1, self.lang),
                self.t("percentage_points")
            )
        } else {
            format!("{sign}{}", self.figure_with_unit(indicator, change))
        }
    }

    fn period(&self, period: &Period) -> Value {
        Value::from(period.label(self.lang))
    }

    fn assessment(&self, id: &str) -> Assessment {
        self.plan
            .assessments
            .get(id)
            .copied()
            .unwrap_or_else(Assessment::no_data)
    }

    fn group_url(&self, id: &str) -> Option<String> {
        self.site
            .pages
            .iter()
            .find(|p| p.lang() == self.lang && matches!(&p.content.plan_page, Some(PlanPage::Group { plan, group }) if *plan == self.index && group == id))
            .map(|p| self.site.url(&p.path))
    }

    /// Counts of tasks by status (with the tracker page of each) for tasks that `keep`, and
    /// the share of the tasks not cancelled that are done.
    fn plan_task_statuses(&self, keep: impl Fn(&Task) -> bool) -> (Value, f64) {
        let kept: Vec<TaskStatus> = self
            .plan
            .tasks
            .iter()
            .zip(&self.plan.task_statuses)
            .filter(|(t, _)| keep(t))
            .map(|(_, s)| *s)
            .collect();
        let total = kept.len();
        let counts = list(TaskStatus::ALL, |status| {
            let count = kept.iter().filter(|s| **s == status).count();
            map(vec![
                ("status", Value::from(status.key())),
                (
                    "label",
                    Value::from(self.t(&format!("task_{}", status.key()))),
                ),
                ("count", Value::from(count)),
                ("percent", percent_of(count, total)),
                ("url", Value::from(self.url(&task_status_path(status)))),
            ])
        });
        let live = kept.iter().filter(|s| **s != TaskStatus::Cancelled).count();
        let done = kept.iter().filter(|s| **s == TaskStatus::Done).count();
        (
            counts,
            if live == 0 {
                0.0
            } else {
                done as f64 / live as f64
            },
        )
    }

    /// Counts of targets by status; with `linked`, each with the list of the plan's targets
    /// of that status (for counts of the whole plan, not of a group).
    fn indicator_counts(&self, indicators: Vec<&Indicator>, linked: bool) -> Value {
        let total = indicators.len();
        list(Status::ALL, |status| {
            let count = indicators
                .iter()
                .filter(|i| self.assessment(&i.id).status == status)
                .count();
            map(vec![
                ("status", Value::from(status.key())),
                (
                    "label",
                    Value::from(self.t(&format!("status_{}", status.key()))),
                ),
                ("count", Value::from(count)),
                ("percent", percent_of(count, total)),
                (
                    "url",
                    Value::from(
                        linked
                            .then(|| self.url(&target_status_path(status)))
                            .flatten(),
                    ),
                ),
            ])
        })
    }
}

/// The folder where a plan's downloads are published (`/ke-hoach-2025/du-lieu/`), always in
/// the default language's address space.
pub fn data_folder(site: &Site, plan: &Plan) -> String {
    let key = if plan.dir.is_empty() {
        format!("{DATA_SEGMENT}/_index.md")
    } else {
        format!("{}/{DATA_SEGMENT}/_index.md", plan.dir)
    };
    site.find(&key, &site.config.default_language)
        .map(|id| site.page(id).path.clone())
        .unwrap_or_else(|_| format!("/{}/{DATA_SEGMENT}/", slugify(&plan.dir)))
}

/// The bulk archive's file name.
pub fn archive_name(plan: &Plan) -> String {
    format!("{}.zip", slugify(&plan.document.id))
}
