//! The trend chart's time axis: one kind of period per axis — years, quarters or months,
//! chosen from the span the chart covers — with as many labels as fit, never a mix of "2023"
//! and "Tháng 6/2024".
//!
//! A tick sits at the last day of its period, where readings of that period are drawn (see
//! `axis::day`). Years read "2025"; quarters and months read "Quý 1" / "Q1" and "T1" / "Jan"
//! with the year on a second row under the first labelled tick of each year.

use chrono::{Datelike, NaiveDate};

use super::super::axis::{self, Scale};
use super::super::{FONT, clamp_left, text_width};
use crate::content::plan::period::Period;

/// The kinds of period an axis can count in, coarsest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Months,
    Quarters,
    Years,
}

/// A tick on the time axis; `labelled` ticks are drawn longer.
pub(super) struct Tick {
    pub x: f64,
    pub labelled: bool,
}

/// A label under the time axis: its left edge, its row (0, or 1 for the year under a quarter
/// or month) and its words.
pub(super) struct TickLabel {
    pub left: f64,
    pub row: usize,
    pub text: String,
}

pub(super) struct TimeAxis {
    pub ticks: Vec<Tick>,
    pub labels: Vec<TickLabel>,
    /// Rows of labels: 1 for years, 2 for quarters and months.
    pub rows: usize,
}

/// Spans of about two years and more count in years; of half a year and more in quarters;
/// shorter ones in months. A finer style whose labels do not fit gives way to the next.
const YEARS_FROM_DAYS: f64 = 700.0;
const QUARTERS_FROM_DAYS: f64 = 180.0;
/// The least room between two labels of one row.
const GAP: f64 = 8.0;
/// More periods than this are not enumerated (a span of thousands of years): the axis then
/// labels its two ends only.
const MAX_PERIODS: usize = 5000;

/// The ticks and labels of the time axis of scale `x` (days to user units). Labels of the
/// first row keep right of `first_left`, clear of the value axis's lowest label; all stay
/// left of `right_edge`.
pub(super) fn time_axis(x: &Scale, lang: &str, first_left: f64, right_edge: f64) -> TimeAxis {
    let span = x.d1 - x.d0;
    let styles: &[Style] = if span >= YEARS_FROM_DAYS {
        &[Style::Years]
    } else if span >= QUARTERS_FROM_DAYS {
        &[Style::Quarters, Style::Years]
    } else {
        &[Style::Months, Style::Quarters, Style::Years]
    };
    let edges = (first_left, right_edge);
    for &style in styles {
        let periods = periods(style, x);
        for &stride in strides(style) {
            if let Some(axis) = labelled(style, &periods, stride, (x, lang, edges))
                && !axis.labels.is_empty()
            {
                return axis;
            }
        }
    }
    ends_only(x, edges)
}

/// Every period of `style` whose last day lies on the axis, in time order.
fn periods(style: Style, x: &Scale) -> Vec<Period> {
    let (lo, hi) = (x.d0 - 0.5, x.d1 + 0.5);
    let year = |d: f64| {
        NaiveDate::from_num_days_from_ce_opt(d.clamp(-1e8, 1e8) as i32)
            .map_or(0, |date| date.year())
    };
    let (first, last) = (year(lo), year(hi));
    if (last - first) as usize > MAX_PERIODS / 12 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for y in first..=last {
        let candidates: Vec<Period> = match style {
            Style::Years => vec![Period::Year(y)],
            Style::Quarters => (1..=4).map(|q| Period::Quarter(y, q)).collect(),
            Style::Months => (1..=12).map(|m| Period::Month(y, m)).collect(),
        };
        out.extend(candidates.into_iter().filter(|p| {
            let day = axis::day(p);
            lo <= day && day <= hi
        }));
    }
    out
}

/// Every how many periods a label may go, finest first.
fn strides(style: Style) -> &'static [u32] {
    match style {
        Style::Months => &[1, 2, 3, 6, 12],
        Style::Quarters => &[1, 2, 4],
        Style::Years => &[1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000],
    }
}

/// Whether a period gets a label at `stride`: every `stride`-th of its year (months,
/// quarters) or every year divisible by it.
fn keeps(period: &Period, stride: u32) -> bool {
    match *period {
        Period::Month(_, m) => m % stride == 0,
        Period::Quarter(_, q) => q % stride == 0,
        Period::Year(y) => y.rem_euclid(stride as i32) == 0,
        Period::Day(_) => false,
    }
}

/// The period's words on the first row: the year, or the quarter or month within it.
fn first_row(period: &Period, lang: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match (*period, lang) {
        (Period::Year(y), _) => y.to_string(),
        (Period::Quarter(_, q), "vi") => format!("Quý {q}"),
        (Period::Quarter(_, q), _) => format!("Q{q}"),
        (Period::Month(_, m), "vi") => format!("T{m}"),
        (Period::Month(_, m), _) => MONTHS[(m as usize).clamp(1, 12) - 1].to_string(),
        (Period::Day(d), _) => d.day().to_string(),
    }
}

/// The axis with a label on every period `keeps` at `stride`, or none when two labels of a
/// row would touch. `frame` is the scale, the language and the labels' edges.
fn labelled(
    style: Style,
    periods: &[Period],
    stride: u32,
    frame: (&Scale, &str, (f64, f64)),
) -> Option<TimeAxis> {
    let (x, lang, (first_left, right_edge)) = frame;
    let rows = if style == Style::Years { 1 } else { 2 };
    let mut ticks = Vec::new();
    let mut labels: Vec<TickLabel> = Vec::new();
    let mut last_year = None;
    for period in periods {
        let tx = x.map(axis::day(period));
        let labelled = keeps(period, stride);
        ticks.push(Tick { x: tx, labelled });
        if !labelled {
            continue;
        }
        let label = centred(first_row(period, lang), tx, 0, (first_left, right_edge));
        // The year centred under its quarter's or month's words, which may have moved in
        // from the axis's end.
        let under = label.left + text_width(&label.text, FONT) / 2.0;
        labels.push(label);
        if rows == 2 && last_year != Some(period.year()) {
            last_year = Some(period.year());
            labels.push(centred(
                period.year().to_string(),
                under,
                1,
                (2.0, right_edge),
            ));
        }
    }
    for row in 0..rows {
        let spans: Vec<(f64, f64)> = labels
            .iter()
            .filter(|l| l.row == row)
            .map(|l| (l.left, l.left + text_width(&l.text, FONT)))
            .collect();
        if spans.windows(2).any(|w| w[0].1 + GAP > w[1].0) {
            return None;
        }
    }
    Some(TimeAxis {
        ticks,
        labels,
        rows,
    })
}

/// A label centred under `tx`, kept within `edges`.
fn centred(text: String, tx: f64, row: usize, edges: (f64, f64)) -> TickLabel {
    let width = text_width(&text, FONT);
    TickLabel {
        left: clamp_left(tx, width, edges.0, edges.1),
        row,
        text,
    }
}

/// An axis no style labels (a few days inside one month, or thousands of years): the first
/// and the last day's years at the axis's ends, or the one year when both are in it.
fn ends_only(x: &Scale, edges: (f64, f64)) -> TimeAxis {
    let year = |d: f64| {
        NaiveDate::from_num_days_from_ce_opt(d.clamp(-1e8, 1e8) as i32)
            .map_or(0, |date| date.year())
    };
    let (first, last) = (year(x.d0), year(x.d1));
    let mut labels = vec![centred(first.to_string(), (x.r0 + x.r1) / 2.0, 0, edges)];
    if first != last {
        let (a, b) = (first.to_string(), last.to_string());
        labels = vec![
            TickLabel {
                left: x.r0.max(edges.0),
                row: 0,
                text: a,
            },
            TickLabel {
                left: (x.r1 - text_width(&b, FONT)).min(edges.1 - text_width(&b, FONT)),
                row: 0,
                text: b,
            },
        ];
    }
    TimeAxis {
        ticks: Vec::new(),
        labels,
        rows: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(from: &str, to: &str, width: f64) -> Scale {
        let p = |t: &str| axis::day(&Period::parse(t).unwrap());
        Scale {
            d0: p(from),
            d1: p(to),
            r0: 60.0,
            r1: width - 20.0,
        }
    }

    fn words(axis: &TimeAxis, row: usize) -> Vec<&str> {
        axis.labels
            .iter()
            .filter(|l| l.row == row)
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn one_kind_of_period_per_axis_from_the_span() {
        // Several years: years.
        let axis = time_axis(&scale("2022", "2025", 288.0), "vi", 40.0, 286.0);
        assert_eq!(words(&axis, 0), ["2022", "2023", "2024", "2025"]);
        assert_eq!(axis.rows, 1);
        // A year of monthly readings: quarters, with the year under the first of each.
        let axis = time_axis(&scale("2024", "2025", 640.0), "vi", 40.0, 638.0);
        assert_eq!(
            words(&axis, 0),
            ["Quý 4", "Quý 1", "Quý 2", "Quý 3", "Quý 4"]
        );
        assert_eq!(words(&axis, 1), ["2024", "2025"]);
        let axis = time_axis(&scale("2024", "2025", 288.0), "en", 40.0, 286.0);
        assert_eq!(words(&axis, 0), ["Q4", "Q1", "Q2", "Q3", "Q4"]);
        // Narrower: every second quarter.
        let axis = time_axis(&scale("2024", "2025", 200.0), "vi", 40.0, 198.0);
        assert_eq!(words(&axis, 0), ["Quý 4", "Quý 2", "Quý 4"]);
        assert_eq!(words(&axis, 1), ["2024", "2025"]);
        // A few months: months.
        let axis = time_axis(&scale("2025-03", "2025-07", 640.0), "en", 40.0, 638.0);
        assert_eq!(words(&axis, 0), ["Mar", "Apr", "May", "Jun", "Jul"]);
        assert_eq!(words(&axis, 1), ["2025"]);
    }

    #[test]
    fn long_spans_thin_their_years_and_labels_never_touch() {
        let axis = time_axis(&scale("2000", "2050", 288.0), "vi", 40.0, 286.0);
        assert_eq!(axis.rows, 1);
        let shown = words(&axis, 0);
        assert!(shown.len() >= 3 && shown.len() <= 6, "{shown:?}");
        let spans: Vec<(f64, f64)> = axis
            .labels
            .iter()
            .map(|l| (l.left, l.left + text_width(&l.text, FONT)))
            .collect();
        assert!(
            spans.windows(2).all(|w| w[0].1 + GAP <= w[1].0),
            "{spans:?}"
        );
        // Within a single day there is no period end: the year is still named.
        let x = Scale {
            d0: axis::day(&Period::parse("2025-06-10").unwrap()),
            d1: axis::day(&Period::parse("2025-06-12").unwrap()),
            r0: 60.0,
            r1: 260.0,
        };
        assert_eq!(words(&time_axis(&x, "vi", 40.0, 286.0), 0), ["2025"]);
    }
}
