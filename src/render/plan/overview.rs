//! The plan as a whole: its page, and what the home page and group pages show of it.

use std::collections::BTreeMap;

use tera::Value;

use super::{PlanView, list, map};
use crate::content::plan::indicators::Indicator;
use crate::content::plan::pages::{
    DATA_SEGMENT, EVALUATION_SEGMENT, INDICATORS_SEGMENT, METHODOLOGY_SEGMENT, TASKS_SEGMENT,
    lead_segment,
};
use crate::content::plan::status::{Status, TaskStatus};
use crate::format;

/// How many of a plan's targets are achieved or on track and how many tasks are overdue,
/// each of all.
pub(super) struct HeadlineCounts {
    pub targets_good: usize,
    pub targets_total: usize,
    pub tasks_overdue: usize,
    pub tasks_total: usize,
}

/// How many overdue tasks the plan page's report lists.
const OVERDUE_SHOWN: usize = 50;

impl PlanView<'_> {
    /// The plan as a whole: what the plan page, the home page and group pages show.
    pub fn plan(&self) -> Value {
        let plan = self.plan;
        let document = &plan.document;
        let text =
            |t: &crate::values::LocalText| Value::from(t.get(self.lang, self.default_lang()));
        let attachments = list(&document.attachments, |a| {
            let content_path = if plan.dir.is_empty() {
                a.file.get_ref().clone()
            } else {
                format!("{}/{}", plan.dir, a.file.get_ref())
            };
            map(vec![
                ("title", text(&a.title)),
                ("file", Value::from(a.file.get_ref().as_str())),
                (
                    "url",
                    Value::from(self.site.url(&self.site.asset_path(&content_path))),
                ),
            ])
        });
        let statuses = self.plan_task_statuses(|_| true);
        let evaluation_url = plan
            .evaluation_year()
            .and_then(|y| self.url(&format!("{EVALUATION_SEGMENT}-{y}")));
        let late = self.late_by_lead();
        let budget: f64 = plan
            .tasks
            .iter()
            .zip(&plan.task_statuses)
            .filter(|(_, s)| **s != TaskStatus::Cancelled)
            .filter_map(|(t, _)| t.amount())
            .sum();
        map(vec![
            ("id", Value::from(document.id.as_str())),
            ("title", text(&document.title)),
            ("number", Value::from(document.number.as_str())),
            ("issued", Value::from(document.issued.iso())),
            (
                "issued_label",
                Value::from(format::date(document.issued.date(), self.lang)),
            ),
            ("issuer", text(&document.issuer)),
            ("signer", text(&document.signer)),
            ("status", Value::from(document.status().key())),
            (
                "status_label",
                Value::from(self.t(&format!("plan_status_{}", document.status().key()))),
            ),
            ("period", Value::from(document.period.as_str())),
            ("legal_bases", list(&document.legal_bases, text)),
            ("attachments", attachments),
            ("url", Value::from(self.url("_index"))),
            (
                "indicators_url",
                Value::from(self.url(&format!("{INDICATORS_SEGMENT}/_index"))),
            ),
            (
                "tasks_url",
                Value::from(self.url(&format!("{TASKS_SEGMENT}/_index"))),
            ),
            (
                "open_data_url",
                Value::from(self.url(&format!("{DATA_SEGMENT}/_index"))),
            ),
            (
                "evaluation_year",
                Value::from(evaluation_url.as_ref().and(plan.evaluation_year())),
            ),
            ("evaluation_url", Value::from(evaluation_url)),
            (
                "methodology_url",
                Value::from(self.url(METHODOLOGY_SEGMENT)),
            ),
            ("groups", list(&plan.groups, |g| self.group(&g.id))),
            (
                "indicators",
                list(&plan.indicators, |i| self.indicator_summary(i)),
            ),
            (
                "indicator_counts",
                self.indicator_counts(plan.indicators.iter().collect(), true),
            ),
            ("indicator_total", Value::from(plan.indicators.len())),
            ("task_counts", statuses.0),
            ("task_total", Value::from(plan.tasks.len())),
            ("tasks_done_share", Value::from(statuses.1)),
            (
                "tasks_done_label",
                Value::from(format::share(statuses.1, self.lang)),
            ),
            ("late_by_lead", late),
            ("overdue_tasks", self.overdue_tasks()),
            (
                "overdue_total",
                Value::from(
                    plan.task_statuses
                        .iter()
                        .filter(|s| **s == TaskStatus::Overdue)
                        .count(),
                ),
            ),
            ("headline", self.headline()),
            (
                "key_indicators",
                list(self.key_indicators(), |i| self.indicator_summary(i)),
            ),
            (
                "budget_label",
                Value::from(format::number(budget, 0, self.lang)),
            ),
        ])
    }

    /// The overdue tasks as the tracker shows them, longest overdue first, at most
    /// `OVERDUE_SHOWN` (the plan page's printed report lists them; the tracker has them all).
    fn overdue_tasks(&self) -> Value {
        let mut overdue: Vec<_> = self
            .plan
            .tasks
            .iter()
            .zip(&self.plan.task_statuses)
            .filter(|(_, s)| **s == TaskStatus::Overdue)
            .collect();
        overdue.sort_by_key(|(task, _)| task.due_date());
        list(overdue.into_iter().take(OVERDUE_SHOWN), |(task, status)| {
            self.task(task, *status)
        })
    }

    /// The plan in one sentence: how many targets are achieved or on track, how many tasks
    /// are overdue, each of all (`21 of 32 targets achieved or on track; 8 of 91 tasks
    /// overdue`), with the counts apart for templates that place them otherwise.
    fn headline(&self) -> Value {
        let counts = self.headline_counts();
        map(vec![
            ("text", Value::from(self.headline_text(&counts))),
            ("targets_good", Value::from(counts.targets_good)),
            ("targets_total", Value::from(counts.targets_total)),
            ("tasks_overdue", Value::from(counts.tasks_overdue)),
            ("tasks_total", Value::from(counts.tasks_total)),
        ])
    }

    /// The counts of the headline.
    pub(super) fn headline_counts(&self) -> HeadlineCounts {
        let plan = self.plan;
        HeadlineCounts {
            targets_good: plan
                .indicators
                .iter()
                .filter(|i| {
                    matches!(
                        self.assessment(&i.id).status,
                        Status::Achieved | Status::OnTrack
                    )
                })
                .count(),
            targets_total: plan.indicators.len(),
            tasks_overdue: plan
                .task_statuses
                .iter()
                .filter(|s| **s == TaskStatus::Overdue)
                .count(),
            tasks_total: plan.tasks.len(),
        }
    }

    /// The headline's sentence; a plan without targets or without tasks leaves that half out.
    pub(super) fn headline_text(&self, counts: &HeadlineCounts) -> String {
        let number = |n: usize| format::number(n as f64, 0, self.lang);
        let mut parts = Vec::new();
        if counts.targets_total > 0 {
            parts.push(self.i18n.format(
                self.lang,
                "headline_targets",
                &[
                    ("count", &number(counts.targets_good)),
                    ("total", &number(counts.targets_total)),
                ],
            ));
        }
        if counts.tasks_total > 0 {
            parts.push(self.i18n.format(
                self.lang,
                "headline_tasks",
                &[
                    ("count", &number(counts.tasks_overdue)),
                    ("total", &number(counts.tasks_total)),
                ],
            ));
        }
        parts.join("; ")
    }

    /// The plan's key indicators: those marked `featured = true`, else the first of each
    /// group, in the plan's order.
    fn key_indicators(&self) -> Vec<&Indicator> {
        let indicators = &self.plan.indicators;
        let featured: Vec<&Indicator> = indicators.iter().filter(|i| i.featured).collect();
        if !featured.is_empty() {
            return featured;
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut firsts: Vec<&Indicator> = indicators
            .iter()
            .filter(|i| seen.insert(i.group.as_str()))
            .collect();
        // In the order of the groups, each group's first target.
        let order = |i: &Indicator| {
            self.plan
                .groups
                .iter()
                .position(|g| g.id == i.group)
                .unwrap_or(usize::MAX)
        };
        firsts.sort_by_key(|i| order(i));
        firsts
    }

    fn late_by_lead(&self) -> Value {
        let mut late: BTreeMap<&str, usize> = BTreeMap::new();
        for (task, status) in self.plan.tasks.iter().zip(&self.plan.task_statuses) {
            if *status == TaskStatus::Overdue {
                *late.entry(task.lead.as_str()).or_default() += 1;
            }
        }
        let mut rows: Vec<(&str, usize)> = late.into_iter().collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list(rows, |(unit, count)| {
            map(vec![
                ("unit", Value::from(unit)),
                ("name", Value::from(self.unit_name(unit))),
                ("count", Value::from(count)),
                (
                    "url",
                    Value::from(self.url(&format!("{TASKS_SEGMENT}/{}", lead_segment(unit)))),
                ),
            ])
        })
    }
}
