//! Charts of a plan's data in one language (pure): picks the data, the theme's words and the
//! finding in words (the chart's `<desc>`), and hands them to `crate::charts`. Used by the
//! `chart()` template function and by the `{{ chart(…) }}` shortcode in Markdown.

use crate::charts::{self, Area, Bar, Labels, MapLabels, Segment};
use crate::content::plan::Plan;
use crate::content::plan::indicators::Indicator;
use crate::content::plan::period::Period;
use crate::content::plan::status::{Assessment, Point, Status, TaskStatus};
use crate::deps::{Dep, record};
use crate::diag::Diagnostic;
use crate::format;
use crate::i18n::I18n;
use crate::site::Site;
use crate::t;

/// The kinds of chart of one indicator.
pub const INDICATOR_KINDS: [&str; 5] = ["trend", "breakdown", "map", "bullet", "sparkline"];
/// The kinds of chart of a whole plan.
pub const PLAN_KINDS: [&str; 2] = ["targets", "tasks"];

/// One chart in one language.
pub struct ChartRequest<'a> {
    pub site: &'a Site,
    pub i18n: &'a I18n,
    pub lang: &'a str,
    pub kind: &'a str,
}

impl ChartRequest<'_> {
    fn t(&self, key: &str) -> String {
        self.i18n.get(self.lang, key).unwrap_or(key).to_string()
    }

    fn labels(&self) -> Labels {
        Labels {
            baseline: self.t("baseline"),
            target: self.t("target"),
            path: self.t("chart_path"),
            milestone: self.t("milestones"),
            no_data: self.t("status_no_data"),
            latest: self.t("latest"),
        }
    }

    /// A chart of the indicator `id` (of whichever plan has it), or why there is none.
    pub fn indicator(&self, id: &str) -> Result<String, Diagnostic> {
        let (plan, indicator) = self.find_indicator(id)?;
        record(Dep::Plan(plan.dir.clone()));
        let chart = self.indicator_chart(plan, indicator);
        match self.kind {
            "trend" => Ok(self.trend(&chart)),
            "breakdown" => self.breakdown(&chart),
            "map" => self.map(&chart),
            "bullet" => Ok(self.bullet(&chart)),
            "sparkline" => Ok(self.sparkline(&chart)),
            other => Err(unknown_kind(other, &INDICATOR_KINDS)),
        }
    }

    /// The indicator `id` and its plan, or an error that suggests a close id.
    fn find_indicator(&self, id: &str) -> Result<(&Plan, &Indicator), Diagnostic> {
        self.site
            .plans
            .iter()
            .find_map(|plan| plan.indicator(id).map(|indicator| (plan, indicator)))
            .ok_or_else(|| {
                let known = self
                    .site
                    .plans
                    .iter()
                    .flat_map(|p| p.indicators.iter().map(|i| i.id.as_str()));
                chart_error(match crate::diag::did_you_mean(id, known) {
                    Some(close) => t!("chart-no-indicator-close", id = id, suggestion = close),
                    None => t!("chart-no-indicator", id = id),
                })
            })
    }

    fn indicator_chart<'p>(
        &'p self,
        plan: &'p Plan,
        indicator: &'p Indicator,
    ) -> IndicatorChart<'p> {
        let default = self.site.config.default_language.as_str();
        let percent = indicator.measure.is_percent();
        IndicatorChart {
            plan,
            indicator,
            assessment: plan
                .assessments
                .get(&indicator.id)
                .copied()
                .unwrap_or_else(Assessment::no_data),
            title: indicator.name.get(self.lang, default),
            percent,
            unit_label: if percent {
                String::new()
            } else {
                indicator.measure.label(self.i18n, self.lang, default)
            },
            chart_id: format!("chart-{}-{}", self.kind, indicator.id),
            labels: self.labels(),
        }
    }

    fn trend(&self, chart: &IndicatorChart<'_>) -> String {
        let indicator = chart.indicator;
        let description = self.description(indicator, &chart.assessment);
        let readings = chart.totals();
        charts::framed(&chart.chart_id, |width, id| {
            charts::trend(&charts::TrendChart {
                id,
                width,
                title: chart.title,
                description: &description,
                lang: self.lang,
                percent: chart.percent,
                unit_label: &chart.unit_label,
                direction: indicator.direction,
                baseline: indicator.baseline,
                target: indicator.target,
                milestones: &indicator.milestones,
                readings: &readings,
                status: chart.assessment.status,
                labels: &chart.labels,
            })
        })
    }

    /// The latest period's readings by its breakdown (units, places, any label), highest
    /// first.
    fn breakdown(&self, chart: &IndicatorChart<'_>) -> Result<String, Diagnostic> {
        let (plan, indicator) = (chart.plan, chart.indicator);
        let latest = plan
            .readings_of(&indicator.id)
            .iter()
            .filter(|r| r.breakdown.is_some())
            .map(|r| r.period)
            .max();
        let Some(latest) = latest else {
            return Err(chart_error(t!("chart-no-breakdown", id = &indicator.id)));
        };
        let rows = self.breakdown_rows(plan, indicator, latest);
        let mut bars: Vec<Bar<'_>> = rows
            .iter()
            .map(|(label, value)| Bar {
                label,
                value: *value,
            })
            .collect();
        bars.sort_by(|a, b| b.value.total_cmp(&a.value));
        let title = format!("{} — {}", chart.title, latest.label(self.lang));
        let description = self.breakdown_description(indicator, &bars, latest);
        Ok(charts::framed(&chart.chart_id, |width, id| {
            charts::breakdown(&charts::BreakdownChart {
                id,
                width,
                title: &title,
                description: &description,
                lang: self.lang,
                percent: chart.percent,
                unit_label: &chart.unit_label,
                bars: &bars,
                target: Some(indicator.target.value),
                labels: &chart.labels,
            })
        }))
    }

    /// The readings of `period` broken down, each named as its unit or commune was named
    /// then (names change; ids do not), in the plan's order.
    fn breakdown_rows(
        &self,
        plan: &Plan,
        indicator: &Indicator,
        period: Period,
    ) -> Vec<(String, f64)> {
        let default = self.site.config.default_language.as_str();
        plan.readings_of(&indicator.id)
            .iter()
            .filter(|r| r.period == period)
            .filter_map(|r| {
                let entry = r.breakdown.as_deref()?;
                let found = indicator
                    .breakdown
                    .as_ref()
                    .and_then(|b| b.entry(&plan.registry, entry));
                let name = found.map_or_else(
                    || entry.to_string(),
                    |e| {
                        e.name_on(Some(period.end()))
                            .get(self.lang, default)
                            .to_string()
                    },
                );
                Some((name, r.value))
            })
            .collect()
    }

    /// The latest period's readings on a map of the places' shapes (from
    /// `content/data/places.geojson`), each place filled by the class of its value.
    fn map(&self, chart: &IndicatorChart<'_>) -> Result<String, Diagnostic> {
        let (plan, indicator) = (chart.plan, chart.indicator);
        let Some(data) = plan.map(indicator) else {
            let message = match &plan.boundaries {
                None => t!("map-chart-no-file", id = &indicator.id),
                Some(shapes) => t!(
                    "map-chart-no-places",
                    id = &indicator.id,
                    file = shapes.file.as_str()
                ),
            };
            return Err(chart_error(message));
        };
        let default = self.site.config.default_language.as_str();
        let when = Some(data.period.end());
        let names: Vec<&str> = data
            .areas
            .iter()
            .map(|a| a.place.name_on(when).get(self.lang, default))
            .collect();
        let areas: Vec<Area<'_>> = data
            .areas
            .iter()
            .zip(&names)
            .map(|(a, name)| Area {
                id: a.place.id(),
                name,
                value: a.value,
                shape: a.shape,
            })
            .collect();
        let labels = MapLabels {
            below: self.t("map_below"),
            range: self.t("map_range"),
            above: self.t("map_above"),
            no_data: chart.labels.no_data.clone(),
        };
        let title = self.i18n.format(
            self.lang,
            "map_title",
            &[
                ("name", chart.title),
                ("period", &data.period.label_in_sentence(self.lang)),
            ],
        );
        let description = self.map_description(indicator, &areas);
        let map_id = format!("chart-map-{}", indicator.id);
        Ok(charts::framed(&map_id, |width, id| {
            charts::choropleth(&charts::MapChart {
                id,
                width,
                title: &title,
                description: &description,
                lang: self.lang,
                percent: chart.percent,
                unit_label: &chart.unit_label,
                areas: &areas,
                labels: &labels,
            })
        }))
    }

    /// The map's finding in words: the highest and lowest places with their values, and
    /// the places without data.
    fn map_description(&self, indicator: &Indicator, areas: &[Area<'_>]) -> String {
        let mut with_data: Vec<(&str, f64)> = areas
            .iter()
            .filter_map(|a| Some((a.name, a.value.filter(|v| v.is_finite())?)))
            .collect();
        // Highest first; ties in the order of the places.
        with_data.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut parts = Vec::new();
        match (with_data.first(), with_data.last()) {
            (Some(top), Some(bottom)) if with_data.len() > 1 => {
                let args = [
                    ("top", top.0.to_string()),
                    ("top_value", self.figure(indicator, top.1)),
                    ("bottom", bottom.0.to_string()),
                    ("bottom_value", self.figure(indicator, bottom.1)),
                    ("count", with_data.len().to_string()),
                ];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                parts.push(self.i18n.format(self.lang, "map_desc", &args));
            }
            (Some(only), _) => {
                let value = self.figure(indicator, only.1);
                parts.push(self.i18n.format(
                    self.lang,
                    "map_desc_one",
                    &[("place", only.0), ("value", &value)],
                ));
            }
            _ => {}
        }
        let missing: Vec<&str> = areas
            .iter()
            .filter(|a| a.value.is_none_or(|v| !v.is_finite()))
            .map(|a| a.name)
            .collect();
        if !missing.is_empty() {
            parts.push(self.i18n.format(
                self.lang,
                "map_desc_no_data",
                &[("places", &missing.join(", "))],
            ));
        }
        parts.join(" ")
    }

    fn bullet(&self, chart: &IndicatorChart<'_>) -> String {
        let indicator = chart.indicator;
        let description = self.description(indicator, &chart.assessment);
        charts::framed(&chart.chart_id, |width, id| {
            charts::bullet(&charts::BulletChart {
                id,
                width,
                title: chart.title,
                description: &description,
                lang: self.lang,
                percent: chart.percent,
                direction: indicator.direction,
                baseline: indicator.baseline.value,
                target: indicator.target.value,
                latest: chart.assessment.latest.map(|p| p.value),
                status: chart.assessment.status,
                labels: &chart.labels,
            })
        })
    }

    fn sparkline(&self, chart: &IndicatorChart<'_>) -> String {
        charts::sparkline(&charts::Sparkline {
            id: &chart.chart_id,
            title: chart.title,
            description: &self.description(chart.indicator, &chart.assessment),
            readings: &chart.totals(),
            target: Some(chart.indicator.target.value),
            status: chart.assessment.status,
        })
    }

    /// A chart of a whole plan (by its `id` in plan.toml, or the only plan when empty).
    pub fn plan(&self, id: &str) -> Result<String, Diagnostic> {
        let plan = if id.is_empty() && self.site.plans.len() == 1 {
            &self.site.plans[0]
        } else {
            self.site
                .plans
                .iter()
                .find(|p| p.document.id == id)
                .ok_or_else(|| chart_error(t!("chart-no-plan", id = id)))?
        };
        record(Dep::Plan(plan.dir.clone()));
        let chart_id = format!("chart-{}-{}", self.kind, plan.document.id);
        let (title, segments): (String, Vec<(String, String, usize)>) = match self.kind {
            "targets" => (
                self.t("targets_by_status"),
                Status::ALL
                    .iter()
                    .map(|s| {
                        let count = plan.assessments.values().filter(|a| a.status == *s).count();
                        (
                            s.key().to_string(),
                            self.t(&format!("status_{}", s.key())),
                            count,
                        )
                    })
                    .collect(),
            ),
            "tasks" => (
                self.t("tasks_by_status"),
                TaskStatus::ALL
                    .iter()
                    .map(|s| {
                        let count = plan.task_statuses.iter().filter(|t| *t == s).count();
                        (
                            s.key().to_string(),
                            self.t(&format!("task_{}", s.key())),
                            count,
                        )
                    })
                    .collect(),
            ),
            other => return Err(unknown_kind(other, &PLAN_KINDS)),
        };
        let parts: Vec<String> = segments
            .iter()
            .filter(|(_, _, n)| *n > 0)
            .map(|(_, label, n)| format!("{label}: {n}"))
            .collect();
        let description = format!("{title}: {}.", parts.join("; "));
        let segments: Vec<Segment<'_>> = segments
            .iter()
            .map(|(key, label, count)| Segment {
                key,
                label,
                count: *count,
            })
            .collect();
        Ok(charts::framed(&chart_id, |width, id| {
            charts::status_bar(&charts::StatusBar {
                id,
                width,
                title: &title,
                description: &description,
                lang: self.lang,
                segments: &segments,
            })
        }))
    }

    fn figure(&self, indicator: &Indicator, value: f64) -> String {
        format::measured(value, indicator.measure.is_percent(), self.lang)
    }

    /// The finding in words: "Tăng từ 72,5% (2024) lên 84,1% (quý 3/2025); mục tiêu 90% vào
    /// 2025; đúng tiến độ."
    fn description(&self, indicator: &Indicator, assessment: &Assessment) -> String {
        let status = self
            .t(&format!("status_{}", assessment.status.key()))
            .to_lowercase();
        let target = self.figure(indicator, indicator.target.value);
        let target_period = indicator.target.period.label_in_sentence(self.lang);
        let Some(latest) = assessment
            .latest
            .filter(|p| p.period > indicator.baseline.period)
        else {
            return self.i18n.format(
                self.lang,
                "chart_desc_no_data",
                &[
                    ("target", &target),
                    ("target_period", &target_period),
                    ("status", &status),
                ],
            );
        };
        let key = if latest.value > indicator.baseline.value {
            "chart_desc_rose"
        } else if latest.value < indicator.baseline.value {
            "chart_desc_fell"
        } else {
            "chart_desc_flat"
        };
        let args = [
            ("baseline", self.figure(indicator, indicator.baseline.value)),
            (
                "baseline_period",
                indicator.baseline.period.label_in_sentence(self.lang),
            ),
            ("latest", self.figure(indicator, latest.value)),
            ("latest_period", latest.period.label_in_sentence(self.lang)),
            ("target", target),
            ("target_period", target_period),
            ("status", status),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.i18n.format(self.lang, key, &args)
    }

    fn breakdown_description(
        &self,
        indicator: &Indicator,
        bars: &[Bar<'_>],
        period: Period,
    ) -> String {
        let (Some(top), Some(bottom)) = (bars.first(), bars.last()) else {
            return String::new();
        };
        let args = [
            ("period", period.label_in_sentence(self.lang)),
            ("top", top.label.to_string()),
            ("top_value", self.figure(indicator, top.value)),
            ("bottom", bottom.label.to_string()),
            ("bottom_value", self.figure(indicator, bottom.value)),
            ("target", self.figure(indicator, indicator.target.value)),
            (
                "reached",
                bars.iter()
                    .filter(|b| meets(indicator, b.value))
                    .count()
                    .to_string(),
            ),
            ("count", bars.len().to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.i18n.format(self.lang, "chart_desc_breakdown", &args)
    }
}

/// One indicator with what every kind of chart of it shares.
struct IndicatorChart<'p> {
    plan: &'p Plan,
    indicator: &'p Indicator,
    assessment: Assessment,
    /// The indicator's name in the chart's language.
    title: &'p str,
    percent: bool,
    /// Empty for percentages, whose ticks say `%` already.
    unit_label: String,
    chart_id: String,
    labels: Labels,
}

impl IndicatorChart<'_> {
    /// The overall readings (no breakdown), in time order.
    fn totals(&self) -> Vec<Point> {
        self.plan
            .totals(&self.indicator.id)
            .iter()
            .map(|r| Point {
                period: r.period,
                value: r.value,
            })
            .collect()
    }
}

fn meets(indicator: &Indicator, value: f64) -> bool {
    match indicator.direction {
        crate::content::plan::status::Direction::Decrease => value <= indicator.target.value,
        _ => value >= indicator.target.value,
    }
}

fn unknown_kind(kind: &str, kinds: &[&str]) -> Diagnostic {
    chart_error(
        match crate::diag::did_you_mean(kind, kinds.iter().copied()) {
            Some(close) => t!("chart-unknown-kind-close", kind = kind, suggestion = close),
            None => t!("chart-unknown-kind", kind = kind, kinds = kinds.join(", ")),
        },
    )
}

/// Why a chart cannot be drawn; the caller places it (a shortcode's line, a template's).
pub fn chart_error(message: String) -> Diagnostic {
    Diagnostic::error("chart", message)
}
