//! The year-end evaluation page: each target's result against that year's target.

use tera::Value;

use super::{PlanView, list, map};

impl PlanView<'_> {
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
            map([
                self.indicator_heading(indicator),
                vec![
                    ("result_label", label(result)),
                    ("target_label", label(target)),
                    ("previous_label", label(previous)),
                    ("met", Value::from(met)),
                    (
                        "change_label",
                        Value::from(change.map(|c| self.change(indicator, c))),
                    ),
                    ("improved", Value::from(improved)),
                ],
            ]
            .concat())
        });
        map(vec![
            ("year", Value::from(year)),
            ("previous_year", Value::from(year - 1)),
            ("rows", rows),
        ])
    }
}
