//! What a plan's share cards say: the plan's headline (targets achieved or on track, tasks
//! overdue) and each target's latest reading, target, status and trend, in one language.

use super::PlanView;
use crate::card::{Body, IndicatorFigures, PlanFigures};
use crate::content::plan::status::Status;
use crate::format;

/// A card's words and figures, and the sentence that says the same in words (the image's
/// text alternative, and the page's description when it has none).
pub struct CardParts {
    pub kicker: String,
    pub title: String,
    pub body: Body,
    pub summary: String,
}

impl PlanView<'_> {
    /// The card of the plan and of its pages other than targets'.
    pub fn plan_card(&self) -> CardParts {
        // The headline the plan page shows: its counts and its sentence.
        let counts = self.headline_counts();
        let text = self.headline_text(&counts);
        let n = |count: usize| format::number(count as f64, 0, self.lang);
        let title = self
            .plan
            .document
            .title
            .get(self.lang, self.default_lang())
            .to_string();
        let statuses = Status::ALL
            .iter()
            .map(|&status| {
                let count = self
                    .plan
                    .indicators
                    .iter()
                    .filter(|i| self.assessment(&i.id).status == status)
                    .count();
                (status, count)
            })
            .collect();
        let body = Body::Plan(PlanFigures {
            targets: (counts.targets_total > 0).then(|| {
                (
                    format!("{}/{}", n(counts.targets_good), n(counts.targets_total)),
                    self.t("card_targets"),
                )
            }),
            tasks: (counts.tasks_total > 0).then(|| {
                (
                    format!("{}/{}", n(counts.tasks_overdue), n(counts.tasks_total)),
                    self.t("card_tasks"),
                )
            }),
            overdue: counts.tasks_overdue > 0,
            statuses,
        });
        CardParts {
            kicker: self
                .site
                .config
                .title
                .get(self.lang, self.default_lang())
                .to_string(),
            summary: format!("{title}: {text}."),
            title,
            body,
        }
    }

    /// The card of a target's page; `None` for an id the plan does not have.
    pub fn indicator_card(&self, id: &str) -> Option<CardParts> {
        let indicator = self.plan.indicator(id)?;
        let assessment = self.assessment(id);
        let name = indicator
            .name
            .get(self.lang, self.default_lang())
            .to_string();
        let figure = |v: f64| self.figure(indicator, v);
        let status_label = self.t(&format!("status_{}", assessment.status.key()));
        let target = figure(indicator.target.value);
        let target_period = indicator.target.period.label(self.lang);
        let baseline = &indicator.baseline;
        let mut readings: Vec<_> = self
            .plan
            .readings_of(id)
            .iter()
            .filter(|r| r.breakdown.is_none() && r.period > baseline.period)
            .map(|r| (r.period, r.value))
            .collect();
        readings.sort_by_key(|(period, _)| *period);
        let trend = std::iter::once(baseline.value)
            .chain(readings.into_iter().map(|(_, v)| v))
            .collect();
        let (latest, latest_label, summary) = match assessment.latest {
            Some(point) => {
                let period = point.period.label(self.lang);
                let latest = figure(point.value);
                let summary = self.i18n.format(
                    self.lang,
                    "card_indicator",
                    &[
                        ("name", &name),
                        ("latest", &latest),
                        ("latest_period", &period),
                        ("target", &target),
                        ("target_period", &target_period),
                        ("status", &status_label),
                    ],
                );
                (latest, format!("{} ({period})", self.t("latest")), summary)
            }
            None => (
                "–".to_string(),
                self.t("status_no_data"),
                self.i18n.format(
                    self.lang,
                    "card_indicator_no_data",
                    &[
                        ("name", &name),
                        ("target", &target),
                        ("target_period", &target_period),
                    ],
                ),
            ),
        };
        let body = Body::Indicator(IndicatorFigures {
            latest,
            latest_label,
            target_label: format!("{}: {target} ({target_period})", self.t("target")),
            status: assessment.status,
            status_label,
            trend,
            target: indicator.target.value,
            target_value: target,
        });
        Some(CardParts {
            kicker: self
                .plan
                .document
                .title
                .get(self.lang, self.default_lang())
                .to_string(),
            title: name,
            body,
            summary,
        })
    }
}
