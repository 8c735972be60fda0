//! The map's value classes: equal steps on round numbers (`50, 55, 60, 65, 70`), so that the
//! legend reads as a scale a citizen can say aloud ("dưới 55%", "55–60%", "65% trở lên")
//! rather than the odd edges of quantiles. At most five classes: more cannot be told apart
//! by pattern and shade.

use super::MapLabels;
use crate::format;

/// The most classes a map has.
pub(super) const MAX_CLASSES: usize = 5;

/// Value classes: `edges[i]..edges[i + 1]` is class `i`, the last one closed at the top.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Classes {
    edges: Vec<f64>,
    /// Decimals the edges need (`2,5` needs one).
    decimals: usize,
}

impl Classes {
    /// Classes for `values` (all finite): the smallest round step (1, 2, 2.5 or 5 times a
    /// power of ten) that covers them in at most `MAX_CLASSES` steps from a multiple of
    /// itself. Equal values make one class.
    pub(super) fn of(values: &[f64]) -> Classes {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() || !hi.is_finite() || hi - lo <= hi.abs().max(1.0) * 1e-12 {
            let value = if lo.is_finite() { lo } else { 0.0 };
            return Classes {
                edges: vec![value, value],
                decimals: 2,
            };
        }
        let range = hi - lo;
        let exponent = (range / MAX_CLASSES as f64).log10().floor() as i32;
        let steps = (exponent - 1..=exponent + 1).flat_map(|e| {
            [1.0, 2.0, 2.5, 5.0]
                .into_iter()
                .map(move |m| m * 10f64.powi(e))
        });
        for step in steps {
            let start = (lo / step + 1e-9).floor() * step;
            let count = ((hi - start) / step - 1e-9).ceil().max(1.0) as usize;
            if count <= MAX_CLASSES {
                let decimals = decimals_of(step);
                let edges = (0..=count)
                    .map(|i| round_to(start + step * i as f64, decimals))
                    .collect();
                return Classes { edges, decimals };
            }
        }
        // Unreachable for finite values: ten times the largest step covers any range.
        Classes {
            edges: vec![lo, hi],
            decimals: 2,
        }
    }

    pub(super) fn count(&self) -> usize {
        self.edges.len() - 1
    }

    /// The class of `value`: the last whose lower edge it reaches.
    pub(super) fn class_of(&self, value: f64) -> usize {
        let last = self.count() - 1;
        (1..=last)
            .rev()
            .find(|&i| value >= self.edges[i] - 1e-9 * self.edges[i].abs().max(1.0))
            .unwrap_or(0)
    }

    /// Class `i` in words: "dưới 55%", "55–60%", "65% trở lên" (the one value of a single
    /// class as it is).
    pub(super) fn words(&self, i: usize, labels: &MapLabels, percent: bool, lang: &str) -> String {
        let plain = |v: f64| format::number(v, self.decimals, lang);
        let measured = |v: f64| {
            let text = plain(v);
            if percent { format!("{text}%") } else { text }
        };
        let count = self.count();
        if count == 1 {
            return format::measured(self.edges[0], percent, lang);
        }
        if i == 0 {
            labels.below.replace("{value}", &measured(self.edges[1]))
        } else if i + 1 == count {
            labels.above.replace("{value}", &measured(self.edges[i]))
        } else {
            labels
                .range
                .replace("{from}", &plain(self.edges[i]))
                .replace("{to}", &measured(self.edges[i + 1]))
        }
    }

    /// The look (1 to 5: from a light fill with dots to a solid dark one) of class `i`, the
    /// looks spread over the scale when there are fewer classes.
    pub(super) fn look(&self, i: usize) -> usize {
        const LOOKS: [&[usize]; MAX_CLASSES] =
            [&[3], &[2, 4], &[1, 3, 5], &[1, 2, 4, 5], &[1, 2, 3, 4, 5]];
        let looks = LOOKS[self.count().clamp(1, MAX_CLASSES) - 1];
        looks[i.min(looks.len() - 1)]
    }
}

/// The decimals a step needs: 0 for 5, 1 for 2,5 or 0,5, 2 for 0,25.
fn decimals_of(step: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (value * factor).round() / factor
}
