//! The year-end evaluation page: each target's result against that year's target, and how
//! many were met.

use tera::Value;

use super::{PlanView, list, map};
use crate::content::plan::indicators::Indicator;
use crate::content::plan::status::{Direction, MAINTAIN_TOLERANCE};

/// One target's year: its result, that year's target and the year before's result.
struct YearResult {
    result: Option<f64>,
    target: Option<f64>,
    previous: Option<f64>,
}

impl YearResult {
    /// Whether the result meets the year's target; `None` without either.
    fn met(&self, direction: Direction) -> Option<bool> {
        let (r, t) = (self.result?, self.target?);
        Some(match direction {
            Direction::Decrease => r <= t,
            Direction::Increase => r >= t,
            Direction::Maintain => (r - t).abs() <= t.abs() * MAINTAIN_TOLERANCE,
        })
    }

    fn change(&self) -> Option<f64> {
        Some(self.result? - self.previous?)
    }
}

impl PlanView<'_> {
    /// The result of `indicator` in `year`, from its last overall reading of that year (or
    /// its baseline, when the baseline is of that year).
    fn result_in(&self, indicator: &Indicator, year: i32) -> Option<f64> {
        let from_readings = self
            .plan
            .totals(&indicator.id)
            .into_iter()
            .filter(|r| r.period.year() == year)
            .max_by(|a, b| a.period.cmp(&b.period))
            .map(|r| r.value);
        from_readings.or_else(|| {
            (indicator.baseline.period.year() == year).then_some(indicator.baseline.value)
        })
    }

    /// The year-end evaluation: each target's result in `year` against that year's target
    /// (a milestone of `year`, or the final target when it is of `year`) and against the
    /// year before, every figure with its unit; and how many targets were met, not met, or
    /// cannot be judged for want of a result.
    pub fn evaluation(&self, year: i32) -> Value {
        let years: Vec<(&Indicator, YearResult)> = self
            .plan
            .indicators
            .iter()
            .filter_map(|indicator| {
                let target = indicator.target_in_year(year)?;
                Some((
                    indicator,
                    YearResult {
                        result: self.result_in(indicator, year),
                        target: Some(target),
                        previous: self.result_in(indicator, year - 1),
                    },
                ))
            })
            .collect();
        let rows = list(&years, |(indicator, y)| {
            let change = y.change();
            let improved = change.map(|c| match indicator.direction {
                Direction::Decrease => c < 0.0,
                _ => c > 0.0,
            });
            let label =
                |v: Option<f64>| Value::from(v.map(|v| self.figure_with_unit(indicator, v)));
            map([
                self.indicator_heading(indicator),
                vec![
                    ("result_label", label(y.result)),
                    ("target_label", label(y.target)),
                    ("previous_label", label(y.previous)),
                    ("met", Value::from(y.met(indicator.direction))),
                    (
                        "change_label",
                        Value::from(change.map(|c| self.change(indicator, c))),
                    ),
                    ("improved", Value::from(improved)),
                ],
            ]
            .concat())
        });
        let count = |want: Option<bool>| {
            years
                .iter()
                .filter(|(i, y)| y.met(i.direction) == want)
                .count()
        };
        let summary = [
            ("met", "met_yes", count(Some(true))),
            ("not_met", "met_no", count(Some(false))),
            ("no_data", "evaluation_no_result", count(None)),
        ];
        map(vec![
            ("year", Value::from(year)),
            ("previous_year", Value::from(year - 1)),
            ("total", Value::from(years.len())),
            (
                "summary",
                list(summary, |(key, label, count)| {
                    map(vec![
                        ("status", Value::from(key)),
                        ("label", Value::from(self.t(label))),
                        ("count", Value::from(count)),
                    ])
                }),
            ),
            ("rows", rows),
        ])
    }
}
