//! Targets: the line each list shows of one, and the page of one with its readings.

use std::collections::BTreeMap;

use tera::Value;

use super::{PlanView, list, map};
use crate::content::plan::indicators::Indicator;
use crate::content::plan::pages::INDICATORS_SEGMENT;
use crate::content::plan::period::Period;
use crate::content::plan::readings::Reading;
use crate::content::plan::registry::Entry;
use crate::content::plan::status::{Assessment, Status};
use crate::format;

impl PlanView<'_> {
    /// The list of the plan's targets of one status (`chi-tieu/trang-thai-STATUS/`): the
    /// status, its targets, and the other statuses' lists with their counts.
    pub fn targets(&self, status: Status) -> Value {
        let items: Vec<&Indicator> = self
            .plan
            .indicators
            .iter()
            .filter(|i| self.assessment(&i.id).status == status)
            .collect();
        map(vec![
            ("status", Value::from(status.key())),
            (
                "status_label",
                Value::from(self.t(&format!("status_{}", status.key()))),
            ),
            ("count", Value::from(items.len())),
            ("total", Value::from(self.plan.indicators.len())),
            ("items", list(items, |i| self.indicator_summary(i))),
            (
                "all_url",
                Value::from(self.url(&format!("{INDICATORS_SEGMENT}/_index"))),
            ),
        ])
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
                (
                    "value_with_unit",
                    Value::from(self.figure_with_unit(indicator, value)),
                ),
            ])
        };
        let latest = assessment
            .latest
            .map_or_else(Value::none, |p| point(&p.period, p.value));
        map(vec![
            ("id", Value::from(indicator.id.as_str())),
            ("name", Value::from(name.text)),
            ("name_fallback", Value::from(name.is_fallback)),
            ("url", self.indicator_url(indicator)),
            ("group", Value::from(indicator.group.as_str())),
            (
                "unit",
                Value::from(indicator.measure.written(self.default_lang())),
            ),
            (
                "unit_label",
                Value::from(
                    indicator
                        .measure
                        .label(self.i18n, self.lang, self.default_lang()),
                ),
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

    /// Everything the page of one target shows: what a list shows of it, then its details,
    /// its readings and where its data is.
    pub fn indicator(&self, id: &str) -> Value {
        let Some(indicator) = self.plan.indicator(id) else {
            return Value::none();
        };
        let Some(mut value) = self.indicator_summary(indicator).into_map() else {
            return Value::none();
        };
        let readings = self.reading_values(indicator);
        let lists = ReadingLists::of(&readings);
        let assessment = self.assessment(id);
        let entries = self
            .indicator_details(indicator)
            .into_iter()
            .chain(self.indicator_readings(indicator, &lists))
            .chain(self.indicator_method_and_links(indicator, &assessment));
        for (key, item) in entries {
            value.insert(key.into(), item);
        }
        Value::from(value)
    }

    /// What a target measures, how, from where and who answers for it.
    fn indicator_details(&self, indicator: &Indicator) -> Vec<(&'static str, Value)> {
        let text =
            |t: &crate::values::LocalText| Value::from(t.get(self.lang, self.default_lang()));
        vec![
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
                Value::from(indicator.breakdown.as_ref().map(|b| b.name.as_str())),
            ),
            (
                "breakdown_label",
                Value::from(self.breakdown_label(indicator)),
            ),
        ]
    }

    /// A target's milestones and readings: overall, and broken down by unit or place.
    fn indicator_readings(
        &self,
        indicator: &Indicator,
        lists: &ReadingLists<'_>,
    ) -> Vec<(&'static str, Value)> {
        let milestones = list(&indicator.milestones, |m| {
            map(vec![
                ("period_label", self.period(&m.period)),
                ("value_label", Value::from(self.figure(indicator, m.value))),
                ("value", Value::from(m.value)),
            ])
        });
        vec![
            ("milestones", milestones),
            ("readings", shown(&lists.totals)),
            (
                "breakdown_period_label",
                Value::from(
                    lists
                        .latest_breakdown_period
                        .map(|p| p.label_in_sentence(self.lang)),
                ),
            ),
            ("breakdown_latest", shown(&lists.latest_breakdown)),
            // Whether `chart(kind="map")` draws the breakdown on the places' shapes.
            ("has_map", Value::from(self.plan.map(indicator).is_some())),
            ("breakdown_readings", shown(&lists.broken_down)),
            (
                "last_update_label",
                Value::from(lists.last_update().map(|p| p.label(self.lang))),
            ),
        ]
    }

    /// How the status was judged, and where the target's data and group are.
    fn indicator_method_and_links(
        &self,
        indicator: &Indicator,
        assessment: &Assessment,
    ) -> Vec<(&'static str, Value)> {
        let id = &indicator.id;
        vec![
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
        ]
    }

    /// Each reading of a target with its template value, in the plan's order.
    fn reading_values(&self, indicator: &Indicator) -> Vec<(&Reading, Value)> {
        // An indicator of a national plan has hundreds of readings over a few dozen periods
        // and units: the words for each period and the registry entry of each unit are
        // looked up once, and each reading becomes a value once for every list showing it.
        let mut periods: BTreeMap<Period, (Value, Value)> = BTreeMap::new();
        let mut entries: BTreeMap<&str, Option<&Entry>> = BTreeMap::new();
        self.plan
            .readings_of(&indicator.id)
            .iter()
            .map(|r| {
                let (period, period_label) = periods
                    .entry(r.period)
                    .or_insert_with(|| (Value::from(r.period.to_string()), self.period(&r.period)))
                    .clone();
                let breakdown_name = r.breakdown.as_deref().map(|b| {
                    let entry = *entries.entry(b).or_insert_with(|| {
                        indicator
                            .breakdown
                            .as_ref()
                            .and_then(|d| d.entry(&self.plan.registry, b))
                    });
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
            .collect()
    }

    /// The heading of a target's breakdown in this language: the theme's words for a known
    /// dimension (provinces when every place it names is a province), else as written.
    fn breakdown_label(&self, indicator: &Indicator) -> Option<String> {
        let breakdown = indicator.breakdown.as_ref()?;
        let kinds = self
            .plan
            .readings_of(&indicator.id)
            .iter()
            .filter_map(|r| r.breakdown.as_deref())
            .map(|value| {
                breakdown
                    .entry(&self.plan.registry, value)
                    .and_then(|e| e.kind.as_ref())
                    .map(|k| k.get_ref().as_str())
            });
        Some(breakdown.label(self.i18n, self.lang, kinds))
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
}

/// The lists of a target's page, each holding readings made values once by
/// `PlanView::reading_values`.
struct ReadingLists<'r> {
    /// The overall readings (no breakdown).
    totals: Vec<&'r (&'r Reading, Value)>,
    /// Every reading broken down by unit or place.
    broken_down: Vec<&'r (&'r Reading, Value)>,
    /// The latest period with readings broken down, and its readings, highest first.
    latest_breakdown_period: Option<Period>,
    latest_breakdown: Vec<&'r (&'r Reading, Value)>,
}

impl<'r> ReadingLists<'r> {
    fn of(readings: &'r [(&'r Reading, Value)]) -> Self {
        let totals = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_none())
            .collect();
        let broken_down: Vec<&(&Reading, Value)> = readings
            .iter()
            .filter(|(r, _)| r.breakdown.is_some())
            .collect();
        let latest_breakdown_period = broken_down.iter().map(|(r, _)| r.period).max();
        let mut latest_breakdown: Vec<&(&Reading, Value)> = broken_down
            .iter()
            .copied()
            .filter(|(r, _)| Some(r.period) == latest_breakdown_period)
            .collect();
        latest_breakdown.sort_by(|(a, _), (b, _)| {
            b.value
                .total_cmp(&a.value)
                .then_with(|| a.breakdown.cmp(&b.breakdown))
        });
        ReadingLists {
            totals,
            broken_down,
            latest_breakdown_period,
            latest_breakdown,
        }
    }

    /// The period of the newest reading of any kind.
    fn last_update(&self) -> Option<Period> {
        self.totals
            .iter()
            .chain(&self.broken_down)
            .map(|(r, _)| r.period)
            .max()
    }
}

/// The template values of a list of readings.
fn shown(readings: &[&(&Reading, Value)]) -> Value {
    Value::from(readings.iter().map(|(_, v)| v.clone()).collect::<Vec<_>>())
}
