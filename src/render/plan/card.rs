//! What a plan's share cards say: the plan's headline (targets achieved or on track, tasks
//! overdue) and each target's latest reading, target, status and trend, in one language.

use super::PlanView;
use crate::card::{Body, IndicatorFigures, PlanFigures};
use crate::content::plan::status::{Status, TaskStatus};
use crate::format;

/// A card's words and figures, and the sentence that says the same in words (the image's
/// text alternative, and the page's description when it has none).
pub struct CardParts {
    pub kicker: String,
    pub title: String,
    pub body: Body,
    pub summary: String,
}

/// The counts of a plan's headline.
struct Headline {
    achieved: usize,
    targets: usize,
    overdue: usize,
    tasks: usize,
}

impl PlanView<'_> {
    fn headline_counts(&self) -> Headline {
        let achieved = self
            .plan
            .indicators
            .iter()
            .filter(|i| {
                matches!(
                    self.assessment(&i.id).status,
                    Status::Achieved | Status::OnTrack
                )
            })
            .count();
        Headline {
            achieved,
            targets: self.plan.indicators.len(),
            overdue: self
                .plan
                .task_statuses
                .iter()
                .filter(|s| **s == TaskStatus::Overdue)
                .count(),
            tasks: self.plan.tasks.len(),
        }
    }

    /// "21 of 32 targets achieved or on track; 8 of 91 tasks overdue".
    pub fn headline(&self) -> String {
        let counts = self.headline_counts();
        let n = |count: usize| format::number(count as f64, 0, self.lang);
        self.i18n.format(
            self.lang,
            "plan_headline",
            &[
                ("achieved", &n(counts.achieved)),
                ("targets", &n(counts.targets)),
                ("overdue", &n(counts.overdue)),
                ("tasks", &n(counts.tasks)),
            ],
        )
    }

    /// The card of the plan and of its pages other than targets'.
    pub fn plan_card(&self) -> CardParts {
        let counts = self.headline_counts();
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
            targets: (
                format!("{}/{}", n(counts.achieved), n(counts.targets)),
                self.t("card_targets"),
            ),
            tasks: (
                format!("{}/{}", n(counts.overdue), n(counts.tasks)),
                self.t("card_tasks"),
            ),
            overdue: counts.overdue > 0,
            statuses,
        });
        CardParts {
            kicker: self
                .site
                .config
                .title
                .get(self.lang, self.default_lang())
                .to_string(),
            summary: format!("{title}: {}.", self.headline()),
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
