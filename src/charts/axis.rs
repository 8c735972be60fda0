//! Scales and ticks shared by the charts: "nice" value ticks, and time from periods.

use chrono::{Datelike, NaiveDate};

use super::usable;
use crate::content::plan::period::Period;
use crate::format;

/// The most ticks an axis shows; the algorithm gives 4 to 6 for any range.
const MAX_TICKS: i64 = 6;
/// Step multipliers of a power of ten that read as round numbers.
const STEPS: [f64; 4] = [1.0, 2.0, 2.5, 5.0];

/// Round ticks covering a value range.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    /// Decimals a tick label needs (2.5 → 1).
    pub decimals: usize,
}

impl Ticks {
    /// The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) that covers [lo, hi] in at most six
    /// ticks, with the ends moved out to multiples of the step. Needs lo < hi, finite.
    pub(crate) fn new(lo: f64, hi: f64) -> Ticks {
        let span = hi - lo;
        // Clamped so that a range of ±1e308 (an infinite span) cannot overflow the loop.
        let first = (span.log10().floor() as i32).clamp(-330, 310) - 2;
        // Bounded: the step grows by at least ×2 each try and the range is finite.
        for exponent in first..first + 64 {
            for m in STEPS {
                let step = m * 10f64.powi(exponent);
                let (k0, k1) = steps_covering(lo, hi, step);
                if k1 - k0 < MAX_TICKS {
                    return Ticks {
                        lo: k0 as f64 * step,
                        hi: k1 as f64 * step,
                        step,
                        decimals: decimals(step),
                    };
                }
            }
        }
        Ticks {
            lo,
            hi,
            step: span,
            decimals: 2,
        }
    }

    pub(crate) fn values(&self) -> Vec<f64> {
        let (k0, k1) = steps_covering(self.lo, self.hi, self.step);
        (k0..=k1).map(|k| k as f64 * self.step).collect()
    }

    pub(crate) fn label(&self, value: f64, percent: bool, lang: &str) -> String {
        let text = format::number(value, self.decimals, lang);
        let text = if percent { format!("{text}%") } else { text };
        super::fit(&text, super::FONT, super::MAX_FIGURE)
    }
}

/// Multiples of `step` from at or below `lo` to at or above `hi`; the tolerance keeps a
/// value that is a multiple up to float noise from adding a step.
fn steps_covering(lo: f64, hi: f64, step: f64) -> (i64, i64) {
    let k0 = (lo / step + 1e-9).floor() as i64;
    let k1 = (hi / step - 1e-9).ceil() as i64;
    (k0, k1.max(k0 + 1))
}

fn decimals(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// The range a value axis must show for `values` (non-finite ones ignored): widened to zero
/// when `zero` is set (bars start at zero); percentages near 0 or 100 reach those ends, as
/// people read shares against the whole; a single value gets a range around it.
pub(crate) fn value_range(
    values: impl IntoIterator<Item = f64>,
    percent: bool,
    zero: bool,
) -> (f64, f64) {
    let (mut lo, mut hi) = values
        .into_iter()
        .filter(|v| usable(*v))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        return (0.0, if percent { 100.0 } else { 1.0 });
    }
    if zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if percent && lo >= 0.0 && hi <= 100.0 {
        if hi >= 80.0 {
            hi = 100.0;
        }
        if lo <= 20.0 {
            lo = 0.0;
        }
    }
    if hi - lo <= hi.abs().max(lo.abs()) * 1e-9 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        let (mut a, mut b) = (lo - pad, hi + pad);
        if lo >= 0.0 && a < 0.0 {
            (a, b) = (0.0, hi + 2.0 * pad);
        }
        if percent && hi <= 100.0 && b > 100.0 {
            (a, b) = (lo - 2.0 * pad, 100.0);
        }
        return (a, b);
    }
    (lo, hi)
}

/// A linear map from a domain to a range of user units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Scale {
    pub(crate) fn map(&self, value: f64) -> f64 {
        if self.d1 == self.d0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (value - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

/// Where a period sits on a time axis: its last day, the instant `status::assess` measures
/// progress at, so a reading on the straight path to the target is exactly on track and
/// monthly, quarterly and yearly readings share one axis.
pub(crate) fn day(period: &Period) -> f64 {
    f64::from(period.end().num_days_from_ce())
}

/// Whether a reading for `next` follows one for `previous` with no time missing between
/// them: each period at its own length (months, quarters, years, days), so monthly
/// readings missing a month do not join, while a year followed by its next January does.
pub(crate) fn continues(previous: &Period, next: &Period) -> bool {
    let after = previous.end().succ_opt().unwrap_or(NaiveDate::MAX);
    next.start() <= after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(lo: f64, hi: f64) -> Vec<f64> {
        Ticks::new(lo, hi).values()
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(70.0, 100.0), [70.0, 80.0, 90.0, 100.0]);
        assert_eq!(ticks(0.0, 100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ticks(-12.0, 7.0), [-15.0, -10.0, -5.0, 0.0, 5.0, 10.0]);
        assert_eq!(
            ticks(0.0, 1.0),
            [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(ticks(3.1, 9.7), [2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(Ticks::new(0.0, 10.0).decimals, 0);
        assert_eq!(Ticks::new(0.0, 12.0).step, 2.5);
        assert_eq!(Ticks::new(0.0, 12.0).decimals, 1);
        for (lo, hi) in [(0.0, 1e-7), (1e9, 3.4e9), (-5.0, -4.999), (0.1, 0.35)] {
            let t = ticks(lo, hi);
            assert!(
                (4..=6).contains(&t.len()) || t.len() == 3,
                "{lo}..{hi}: {t:?}"
            );
            let tolerance = (hi - lo) * 1e-6;
            assert!(
                t[0] <= lo + tolerance && *t.last().unwrap() >= hi - tolerance,
                "{lo}..{hi}: {t:?}"
            );
        }
        let t = Ticks::new(0.0, 1234.0);
        assert_eq!(t.label(1000.0, false, "vi"), "1.000");
        assert_eq!(Ticks::new(0.0, 12.0).label(7.5, true, "vi"), "7,5%");
    }

    #[test]
    fn ranges_reach_the_ends_for_shares_and_never_collapse() {
        assert_eq!(value_range([72.5, 84.1, 90.0], true, false), (72.5, 100.0));
        assert_eq!(value_range([42.0, 55.0], true, false), (42.0, 55.0));
        assert_eq!(value_range([5.0, 15.0], true, false), (0.0, 15.0));
        assert_eq!(value_range([], true, false), (0.0, 100.0));
        assert_eq!(value_range([f64::NAN], false, false), (0.0, 1.0));
        assert_eq!(value_range([3.0, 3.0], false, false), (2.7, 3.3));
        assert_eq!(value_range([0.0], false, false), (0.0, 2.0));
        assert_eq!(value_range([100.0], true, false), (80.0, 100.0));
        assert_eq!(value_range([-3.0, 4.0], false, true), (-3.0, 4.0));
        assert_eq!(value_range([3.0, 4.0], false, true), (0.0, 4.0));
    }

    #[test]
    fn periods_join_only_without_missing_time() {
        let p = |text: &str| Period::parse(text).unwrap();
        assert!(continues(&p("2025-01"), &p("2025-02")));
        assert!(!continues(&p("2025-01"), &p("2025-03")));
        assert!(continues(&p("2024-Q4"), &p("2025-Q1")));
        assert!(!continues(&p("2024-Q3"), &p("2025-Q1")));
        assert!(continues(&p("2024"), &p("2025-01")));
        assert!(!continues(&p("2023"), &p("2025")));
        assert!(continues(&p("2025-Q2"), &p("2025-07")));
        assert!(continues(&p("2025-09"), &p("2025-Q3")));
        assert!(day(&p("2025-Q3")) == day(&p("2025-09")));
    }
}
