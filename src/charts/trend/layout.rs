//! Where the trend chart's parts go: the data it can draw, the value and time scales, the
//! plot's edges, the axis labels that fit and the viewBox's height.

use super::super::axis::{self, Scale, Ticks};
use super::super::{ASCENT, FONT, MAX_FIGURE, chart_width, fit, text_width, usable};
use super::time::{TimeAxis, time_axis};
use super::{INSET, LABEL_ROOM, PLOT_HEIGHT, RIGHT, TIME_BASELINE, TOP, TrendChart, UNIT_ROOM};
use crate::content::plan::status::{Direction, Point};

/// The chart's points that can be drawn (finite values), readings and milestones in period
/// order.
pub(super) struct Series {
    pub readings: Vec<Point>,
    pub milestones: Vec<Point>,
    pub baseline: Option<Point>,
    pub target: Option<Point>,
}

impl Series {
    pub(super) fn new(chart: &TrendChart) -> Series {
        let finite = |p: &Point| usable(p.value);
        let mut readings: Vec<Point> = chart.readings.iter().copied().filter(finite).collect();
        readings.sort_by_key(|p| p.period);
        let mut milestones: Vec<Point> = chart.milestones.iter().copied().filter(finite).collect();
        milestones.sort_by_key(|p| p.period);
        Series {
            readings,
            milestones,
            baseline: Some(chart.baseline).filter(finite),
            target: Some(chart.target).filter(finite),
        }
    }

    /// Every point the axes must reach.
    fn points(&self) -> impl Iterator<Item = &Point> {
        self.readings
            .iter()
            .chain(&self.milestones)
            .chain(self.baseline.iter())
            .chain(self.target.iter())
    }
}

/// The computed geometry of a trend chart, shared by the drawing and labelling steps.
pub(super) struct Layout {
    /// The viewBox's width.
    pub width: f64,
    pub x: Scale,
    pub y: Scale,
    pub ticks: Ticks,
    /// Each value tick with its label.
    pub value_ticks: Vec<(f64, String)>,
    pub time: TimeAxis,
    /// The first row of time labels' baseline under the plot: lower than usual when a
    /// marker at the bottom of the plot reaches below the axis.
    pub time_baseline: f64,
    /// The unit's name above the value axis, when it has one.
    pub unit: Option<String>,
    /// The plot's edges.
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    /// Readings should fall: labels prefer the other side of their points.
    pub falling: bool,
}

impl Layout {
    pub(super) fn new(chart: &TrendChart, series: &Series) -> Layout {
        let width = chart_width(chart.width);
        let unit = Some(chart.unit_label.trim())
            .filter(|u| !chart.percent && !u.is_empty())
            .map(|u| fit(u, FONT, MAX_FIGURE));
        let top = TOP + if unit.is_some() { UNIT_ROOM } else { 0.0 };
        let bottom = top + PLOT_HEIGHT;
        let falling = chart.direction == Direction::Decrease;
        let ticks = value_ticks(chart, series, (top, bottom));
        let y = Scale {
            d0: ticks.hi,
            d1: ticks.lo,
            r0: top,
            r1: bottom,
        };
        let value_ticks: Vec<(f64, String)> = ticks
            .values()
            .into_iter()
            .map(|v| (v, ticks.label(v, chart.percent, chart.lang)))
            .collect();
        let left = value_ticks
            .iter()
            .map(|(_, t)| text_width(t, FONT))
            .fold(16.0, f64::max)
            + 10.0;
        let right = width - RIGHT;
        let (d0, d1) = time_range(series);
        let x = Scale {
            d0,
            d1,
            r0: left + INSET,
            r1: right - INSET,
        };
        // The time axis's first row keeps clear of the value axis's lowest label, which ends
        // 6 units left of the plot.
        let time = time_axis(&x, chart.lang, left - 2.0, width - 2.0);
        // The largest marker reaches 9 units and its outline half a unit further.
        let lowest = series
            .points()
            .map(|p| y.map(p.value) + 9.5)
            .fold(bottom, f64::max);
        let time_baseline = TIME_BASELINE.max(lowest - bottom + 2.0 + FONT * ASCENT);
        Layout {
            width,
            time,
            time_baseline,
            x,
            y,
            ticks,
            value_ticks,
            unit,
            top,
            bottom,
            left,
            right,
            falling,
        }
    }

    /// Where a point is drawn.
    pub(super) fn at(&self, point: &Point) -> (f64, f64) {
        (
            self.x.map(axis::day(&point.period)),
            self.y.map(point.value),
        )
    }

    /// Two spots for a label in the order to try them: away from where the readings head
    /// first (up for rising targets, down for falling ones).
    pub(super) fn sides<T>(&self, above: T, below: T) -> [T; 2] {
        if self.falling {
            [below, above]
        } else {
            [above, below]
        }
    }
}

/// The value axis's ticks for a plot spanning `plot` (top, bottom).
///
/// One label goes below its point, away from where the readings head: the baseline's when
/// they should rise, the target's when they should fall. Without room there the axis gains
/// a step, unless that would pass zero (or 0%): the label then finds another spot (see
/// `labels::Placer`).
fn value_ticks(chart: &TrendChart, series: &Series, plot: (f64, f64)) -> Ticks {
    let (top, bottom) = plot;
    let values = series.points().map(|p| p.value);
    let (lo, hi) = axis::value_range(values, chart.percent, false);
    let mut ticks = Ticks::new(lo, hi);
    let y = Scale {
        d0: ticks.hi,
        d1: ticks.lo,
        r0: top,
        r1: bottom,
    };
    let below = if chart.direction == Direction::Decrease {
        series.target
    } else {
        series.baseline
    };
    if let Some(point) = below
        && y.map(point.value) + LABEL_ROOM > bottom
        && (ticks.lo < 0.0 || ticks.lo - ticks.step >= -1e-9)
    {
        ticks.lo -= ticks.step;
    }
    ticks
}

/// The days the time axis spans: every point's, never an empty span.
fn time_range(series: &Series) -> (f64, f64) {
    let days = series.points().map(|p| axis::day(&p.period));
    let (mut d0, mut d1) = days.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), d| {
        (a.min(d), b.max(d))
    });
    if d0 > d1 {
        (d0, d1) = (0.0, 1.0);
    }
    if d1 - d0 < 1.0 {
        (d0, d1) = (d0 - 15.0, d1 + 15.0);
    }
    (d0, d1)
}
