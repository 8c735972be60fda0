//! What templates see of a plan (pure): the plan, its groups, targets and tasks as template
//! values in one language, with every figure, date and status already written for that
//! language, so templates only place them.

use std::collections::BTreeMap;

use tera::{Map, Value};

use crate::content::plan::indicators::Indicator;
use crate::content::plan::pages::{
    DATA_SEGMENT, EVALUATION_SEGMENT, INDICATORS_SEGMENT, METHODOLOGY_SEGMENT, TASKS_SEGMENT,
};
use crate::content::plan::period::Period;
use crate::content::plan::readings::Reading;
use crate::content::plan::registry::{Entry, Kind};
use crate::content::plan::status::{Assessment, Status, TaskStatus};
use crate::content::plan::tasks::Task;
use crate::content::plan::{Plan, PlanPage, TaskFilter};
use crate::format;
use crate::i18n::I18n;
use crate::site::Site;
use crate::slug::slugify;

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

/// A plan's tasks as template values in one language, in the order of `Plan::tasks`, and
/// the lead units in order. Every tracker page (all tasks, and by group, status and lead
/// unit) lists some of these rows; a national plan has thousands of tasks and dozens of
/// such pages, so the rows are made once per language and shared (a row is reference
/// counted, so sharing copies nothing).
pub struct TaskRows {
    rows: Vec<Value>,
    leads: Vec<String>,
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
        format::measured(
            value,
            indicator.measure == crate::content::plan::indicators::Measure::Percent,
            self.lang,
        )
    }

    /// A difference between two readings: `+13,1 điểm %` for percentages, `+3` otherwise.
    fn change(&self, indicator: &Indicator, change: f64) -> String {
        let sign = if change > 0.0 { "+" } else { "" };
        if indicator.measure == crate::content::plan::indicators::Measure::Percent {
            format!(
                "{sign}{} {}",
                format::number(change, 1, self.lang),
                self.t("percentage_points")
            )
        } else {
            format!("{sign}{}", self.figure(indicator, change))
        }
    }

    fn period(&self, period: &Period) -> Value {
        Value::from(period.label(self.lang))
    }

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
        let late = self.late_by_lead();
        let budget: f64 = plan
            .tasks
            .iter()
            .zip(&plan.task_statuses)
            .filter(|(_, s)| **s != TaskStatus::Cancelled)
            .filter_map(|(t, _)| t.budget)
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
                "evaluation_url",
                Value::from(
                    plan.evaluation_year()
                        .and_then(|y| self.url(&format!("{EVALUATION_SEGMENT}-{y}"))),
                ),
            ),
            ("evaluation_year", Value::from(plan.evaluation_year())),
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
                self.indicator_counts(plan.indicators.iter().collect()),
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
            (
                "budget_label",
                Value::from(format::number(budget, 0, self.lang)),
            ),
        ])
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
        let counts = list(TaskStatus::ALL, |status| {
            map(vec![
                ("status", Value::from(status.key())),
                (
                    "label",
                    Value::from(self.t(&format!("task_{}", status.key()))),
                ),
                (
                    "count",
                    Value::from(kept.iter().filter(|s| **s == status).count()),
                ),
                (
                    "url",
                    Value::from(self.url(&format!(
                        "{TASKS_SEGMENT}/trang-thai-{}",
                        slugify(status.key())
                    ))),
                ),
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
                    Value::from(self.url(&format!("{TASKS_SEGMENT}/don-vi-{unit}"))),
                ),
            ])
        })
    }

    fn indicator_counts(&self, indicators: Vec<&Indicator>) -> Value {
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
            ])
        })
    }

    fn assessment(&self, id: &str) -> Assessment {
        self.plan
            .assessments
            .get(id)
            .copied()
            .unwrap_or_else(Assessment::no_data)
    }

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
                self.indicator_counts(indicators.clone()),
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

    fn group_url(&self, id: &str) -> Option<String> {
        self.site
            .pages
            .iter()
            .find(|p| p.lang() == self.lang && matches!(&p.content.plan_page, Some(PlanPage::Group { plan, group }) if *plan == self.index && group == id))
            .map(|p| self.site.url(&p.path))
    }

    /// What a list of targets shows of each.
    pub fn indicator_summary(&self, indicator: &Indicator) -> Value {
        let assessment = self.assessment(&indicator.id);
        let name = indicator.name.pick(self.lang, self.default_lang());
        let point = |period: &Period, value: f64| {
            map(vec![
                ("period", Value::from(period.to_string())),
                ("period_label", self.period(period)),
                ("value", Value::from(value)),
                ("value_label", Value::from(self.figure(indicator, value))),
            ])
        };
        let latest = assessment
            .latest
            .map_or_else(Value::none, |p| point(&p.period, p.value));
        map(vec![
            ("id", Value::from(indicator.id.as_str())),
            ("name", Value::from(name.text)),
            ("name_fallback", Value::from(name.is_fallback)),
            (
                "url",
                Value::from(self.url(&format!("{INDICATORS_SEGMENT}/{}", indicator.id))),
            ),
            ("group", Value::from(indicator.group.as_str())),
            ("unit", Value::from(indicator.measure.key())),
            (
                "unit_label",
                Value::from(self.t(&format!("unit_{}", indicator.measure.key()))),
            ),
            ("direction", Value::from(indicator.direction.key())),
            ("status", Value::from(assessment.status.key())),
            (
                "status_label",
                Value::from(self.t(&format!("status_{}", assessment.status.key()))),
            ),
            (
                "baseline",
                point(&indicator.baseline.period, indicator.baseline.value),
            ),
            (
                "target",
                point(&indicator.target.period, indicator.target.value),
            ),
            ("latest", latest),
            ("progress", Value::from(assessment.progress)),
            (
                "progress_label",
                Value::from(assessment.progress.map(|p| format::share(p, self.lang))),
            ),
            (
                "progress_percent",
                Value::from(
                    assessment
                        .progress
                        .map(|p| (p * 100.0).clamp(0.0, 100.0).round() as i64),
                ),
            ),
            ("reason", Value::from(self.reason(indicator, &assessment))),
        ])
    }

    /// The sentence that says why a target has its status.
    fn reason(&self, indicator: &Indicator, assessment: &Assessment) -> String {
        let figure = |v: f64| self.figure(indicator, v);
        let latest = assessment.latest;
        let args = [
            ("baseline", figure(indicator.baseline.value)),
            (
                "baseline_period",
                indicator.baseline.period.label_in_sentence(self.lang),
            ),
            ("target", figure(indicator.target.value)),
            (
                "target_period",
                indicator.target.period.label_in_sentence(self.lang),
            ),
            (
                "latest",
                latest.map(|p| figure(p.value)).unwrap_or_default(),
            ),
            (
                "latest_period",
                latest
                    .map(|p| p.period.label_in_sentence(self.lang))
                    .unwrap_or_default(),
            ),
            (
                "progress",
                assessment
                    .progress
                    .map(|p| format::share(p, self.lang))
                    .unwrap_or_default(),
            ),
            (
                "expected",
                assessment
                    .expected
                    .map(|p| format::share(p, self.lang))
                    .unwrap_or_default(),
            ),
            (
                "ratio",
                assessment
                    .ratio
                    .map(|r| format::number(r, 2, self.lang))
                    .unwrap_or_default(),
            ),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // Compound growth compares growth rates, not shares of the way, so it is worded apart.
        let key = match assessment.method {
            Some(crate::content::plan::status::Method::CompoundGrowth) => {
                format!("reason_{}_growth", assessment.reason.key())
            }
            _ => format!("reason_{}", assessment.reason.key()),
        };
        self.i18n.format(self.lang, &key, &args)
    }

    /// Everything the page of one target shows.
    pub fn indicator(&self, id: &str) -> Value {
        let Some(indicator) = self.plan.indicator(id) else {
            return Value::none();
        };
        let Some(mut value) = self.indicator_summary(indicator).into_map() else {
            return Value::none();
        };
        let text =
            |t: &crate::values::LocalText| Value::from(t.get(self.lang, self.default_lang()));
        // An indicator of a national plan has hundreds of readings over a few dozen periods
        // and units: the words for each period and the registry entry of each unit are
        // looked up once, and each reading becomes a value once for every list showing it.
        let mut periods: BTreeMap<Period, (Value, Value)> = BTreeMap::new();
        let mut entries: BTreeMap<&str, Option<&Entry>> = BTreeMap::new();
        let kind = indicator
            .breakdown
            .map_or(Kind::Unit, |b| b.registry_kind());
        let readings: Vec<(&Reading, Value)> = self
            .plan
            .readings_of(id)
            .iter()
            .map(|r| {
                let (period, period_label) = periods
                    .entry(r.period)
                    .or_insert_with(|| (Value::from(r.period.to_string()), self.period(&r.period)))
                    .clone();
                let breakdown_name = r.breakdown.as_deref().map(|b| {
                    let entry = *entries
                        .entry(b)
                        .or_insert_with(|| self.plan.registry.find(kind, b));
                    self.entry_name(entry, b, r.period)
                });
                let value = map(vec![
                    ("period", period),
                    ("period_label", period_label),
                    ("value", Value::from(r.value)),
                    ("value_label", Value::from(self.figure(indicator, r.value))),
                    ("breakdown", Value::from(r.breakdown.as_deref())),
                    ("breakdown_name", Value::from(breakdown_name)),
                    ("note", Value::from(r.note.as_str())),
                    ("source", Value::from(r.source.as_str())),
                ]);
                (r, value)
            })
            .collect();
        let totals: Vec<&(&Reading, Value)> = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_none())
            .collect();
        let latest_breakdown_period = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_some())
            .map(|(r, _)| r.period)
            .max();
        let mut latest_breakdown: Vec<&(&Reading, Value)> = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_some() && Some(r.period) == latest_breakdown_period)
            .collect();
        latest_breakdown.sort_by(|(a, _), (b, _)| {
            b.value
                .total_cmp(&a.value)
                .then_with(|| a.breakdown.cmp(&b.breakdown))
        });
        let broken_down: Vec<&(&Reading, Value)> = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_some())
            .collect();
        let shown = |list: &[&(&Reading, Value)]| {
            Value::from(list.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>())
        };
        let milestones = list(&indicator.milestones, |m| {
            map(vec![
                ("period_label", self.period(&m.period)),
                ("value_label", Value::from(self.figure(indicator, m.value))),
                ("value", Value::from(m.value)),
            ])
        });
        let last_update = totals
            .iter()
            .chain(broken_down.iter())
            .map(|(r, _)| r.period)
            .max();
        let assessment = self.assessment(id);
        let extra: Vec<(&'static str, Value)> = vec![
            (
                "description",
                Value::from(
                    indicator
                        .description
                        .as_ref()
                        .map(|d| d.get(self.lang, self.default_lang()).to_string()),
                ),
            ),
            ("method", text(&indicator.method)),
            ("source", text(&indicator.source)),
            ("frequency", Value::from(indicator.frequency.as_str())),
            (
                "frequency_label",
                Value::from(self.t(&format!("frequency_{}", indicator.frequency))),
            ),
            (
                "responsible",
                map(vec![
                    ("id", Value::from(indicator.responsible.as_str())),
                    ("name", Value::from(self.unit_name(&indicator.responsible))),
                ]),
            ),
            (
                "breakdown",
                Value::from(indicator.breakdown.map(|b| b.key())),
            ),
            (
                "breakdown_label",
                Value::from(
                    indicator
                        .breakdown
                        .map(|b| self.t(&format!("breakdown_{}", b.key()))),
                ),
            ),
            ("milestones", milestones),
            ("readings", shown(&totals)),
            (
                "breakdown_period_label",
                Value::from(latest_breakdown_period.map(|p| p.label_in_sentence(self.lang))),
            ),
            ("breakdown_latest", shown(&latest_breakdown)),
            ("breakdown_readings", shown(&broken_down)),
            (
                "last_update_label",
                Value::from(last_update.map(|p| p.label(self.lang))),
            ),
            (
                "expected_label",
                Value::from(assessment.expected.map(|p| format::share(p, self.lang))),
            ),
            (
                "method_used",
                Value::from(assessment.method.map(|m| m.key())),
            ),
            ("csv_url", Value::from(self.data_url(&format!("{id}.csv")))),
            (
                "json_url",
                Value::from(self.data_url(&format!("{id}.json"))),
            ),
            (
                "group_title",
                Value::from(
                    self.plan
                        .group(&indicator.group)
                        .map(|g| g.title(self.lang, self.default_lang()).to_string()),
                ),
            ),
            ("group_url", Value::from(self.group_url(&indicator.group))),
        ];
        for (key, item) in extra {
            value.insert(key.into(), item);
        }
        Value::from(value)
    }

    /// A unit's or place's name as it was in `period` (names change; ids do not); `entry`
    /// is its entry in the registry, if it has one.
    fn entry_name(&self, entry: Option<&Entry>, id: &str, period: Period) -> String {
        entry.map_or_else(
            || id.to_string(),
            |e| {
                e.name_on(Some(period.end()))
                    .get(self.lang, self.default_lang())
                    .to_string()
            },
        )
    }

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
            ("title", Value::from(task.title.as_str())),
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
            ("budget", Value::from(task.budget)),
            (
                "budget_label",
                Value::from(task.budget.map(|b| format::number(b, 0, self.lang))),
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
                    Value::from(self.url(&format!("{TASKS_SEGMENT}/don-vi-{unit}"))),
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

    /// The year-end evaluation: each target's result in `year` against that year's target
    /// (a milestone of `year`) and against the year before.
    pub fn evaluation(&self, year: i32) -> Value {
        let rows = list(&self.plan.indicators, |indicator| {
            let totals = self.plan.totals(&indicator.id);
            let in_year = |y: i32| -> Option<f64> {
                let from_readings = totals
                    .iter()
                    .filter(|r| r.period.year() == y)
                    .max_by(|a, b| a.period.cmp(&b.period))
                    .map(|r| r.value);
                from_readings.or_else(|| {
                    (indicator.baseline.period.year() == y).then_some(indicator.baseline.value)
                })
            };
            let result = in_year(year);
            let previous = in_year(year - 1);
            let target = indicator
                .milestones
                .iter()
                .filter(|m| m.period.year() == year)
                .max_by(|a, b| a.period.cmp(&b.period))
                .map(|m| m.value);
            let met = match (result, target) {
                (Some(r), Some(t)) => Some(match indicator.direction {
                    crate::content::plan::status::Direction::Decrease => r <= t,
                    crate::content::plan::status::Direction::Increase => r >= t,
                    crate::content::plan::status::Direction::Maintain => {
                        (r - t).abs() <= t.abs() * crate::content::plan::status::MAINTAIN_TOLERANCE
                    }
                }),
                _ => None,
            };
            let change = match (result, previous) {
                (Some(r), Some(p)) => Some(r - p),
                _ => None,
            };
            let improved = change.map(|c| match indicator.direction {
                crate::content::plan::status::Direction::Decrease => c < 0.0,
                _ => c > 0.0,
            });
            let label = |v: Option<f64>| Value::from(v.map(|v| self.figure(indicator, v)));
            map(vec![
                ("id", Value::from(indicator.id.as_str())),
                (
                    "name",
                    Value::from(indicator.name.get(self.lang, self.default_lang())),
                ),
                (
                    "url",
                    Value::from(self.url(&format!("{INDICATORS_SEGMENT}/{}", indicator.id))),
                ),
                ("result_label", label(result)),
                ("target_label", label(target)),
                ("previous_label", label(previous)),
                ("met", Value::from(met)),
                (
                    "change_label",
                    Value::from(change.map(|c| self.change(indicator, c))),
                ),
                ("improved", Value::from(improved)),
            ])
        });
        map(vec![
            ("year", Value::from(year)),
            ("previous_year", Value::from(year - 1)),
            ("rows", rows),
        ])
    }

    /// The numbers the methodology page states, taken from the code that applies them.
    pub fn methodology(&self) -> Value {
        map(vec![
            (
                "on_track",
                Value::from(format::number(
                    crate::content::plan::status::ON_TRACK_RATIO,
                    2,
                    self.lang,
                )),
            ),
            (
                "at_risk",
                Value::from(format::number(
                    crate::content::plan::status::AT_RISK_RATIO,
                    2,
                    self.lang,
                )),
            ),
            (
                "tolerance",
                Value::from(format::share(
                    crate::content::plan::status::MAINTAIN_TOLERANCE,
                    self.lang,
                )),
            ),
            (
                "growth_years",
                Value::from(crate::content::plan::status::COMPOUND_GROWTH_YEARS),
            ),
            (
                "as_of_label",
                Value::from(
                    self.site
                        .config
                        .as_of
                        .map(|d| format::date(d.date(), self.lang)),
                ),
            ),
        ])
    }

    /// What the open-data page lists.
    pub fn open_data(&self) -> Value {
        let datasets = list(&self.plan.indicators, |indicator| {
            let readings = self.plan.readings_of(&indicator.id);
            let count = readings.len();
            let last = readings.iter().map(|r| r.period).max();
            map(vec![
                ("id", Value::from(indicator.id.as_str())),
                (
                    "name",
                    Value::from(indicator.name.get(self.lang, self.default_lang())),
                ),
                (
                    "url",
                    Value::from(self.url(&format!("{INDICATORS_SEGMENT}/{}", indicator.id))),
                ),
                (
                    "csv_url",
                    Value::from(self.data_url(&format!("{}.csv", indicator.id))),
                ),
                (
                    "json_url",
                    Value::from(self.data_url(&format!("{}.json", indicator.id))),
                ),
                ("readings", Value::from(count)),
                ("last_label", Value::from(last.map(|p| p.label(self.lang)))),
            ])
        });
        let sources = list(&self.plan.sources, |path| {
            map(vec![
                ("file", Value::from(path.as_str())),
                (
                    "url",
                    Value::from(self.site.url(&self.site.asset_path(path))),
                ),
            ])
        });
        map(vec![
            ("datasets", datasets),
            ("tasks_csv_url", Value::from(self.data_url("nhiem-vu.csv"))),
            (
                "tasks_json_url",
                Value::from(self.data_url("nhiem-vu.json")),
            ),
            (
                "archive_url",
                Value::from(self.data_url(&archive_name(self.plan))),
            ),
            ("catalog_url", Value::from(self.data_url("catalog.json"))),
            ("sources", sources),
        ])
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
