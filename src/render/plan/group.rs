//! The page of one task group: its targets and tasks, rolled up.

use tera::Value;

use super::{PlanView, list, map};
use crate::content::plan::indicators::Indicator;
use crate::content::plan::pages::TASKS_SEGMENT;
use crate::format;

impl PlanView<'_> {
    /// A task group with its roll-ups.
    pub fn group(&self, id: &str) -> Value {
        let Some(group) = self.plan.group(id) else {
            return Value::none();
        };
        let indicators: Vec<&Indicator> = self
            .plan
            .indicators
            .iter()
            .filter(|i| i.group == id)
            .collect();
        let statuses = self.plan_task_statuses(|t| t.group == id);
        let default = self.default_lang();
        map(vec![
            ("id", Value::from(id)),
            ("order", Value::from(group.order)),
            ("title", Value::from(group.title(self.lang, default))),
            (
                "summary",
                Value::from(
                    group
                        .summaries
                        .get(self.lang)
                        .or_else(|| group.summaries.get(default))
                        .map(String::as_str),
                ),
            ),
            ("url", Value::from(self.group_url(id))),
            (
                "tasks_url",
                Value::from(self.url(&format!("{TASKS_SEGMENT}/nhom-{id}"))),
            ),
            (
                "indicators",
                list(&indicators, |i| self.indicator_summary(i)),
            ),
            (
                "indicator_counts",
                self.indicator_counts(indicators.clone(), false),
            ),
            ("task_counts", statuses.0),
            (
                "task_total",
                Value::from(self.plan.tasks.iter().filter(|t| t.group == id).count()),
            ),
            ("tasks_done_share", Value::from(statuses.1)),
            (
                "tasks_done_label",
                Value::from(format::share(statuses.1, self.lang)),
            ),
        ])
    }
}
