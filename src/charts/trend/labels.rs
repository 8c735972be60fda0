//! Where the trend chart's labels go inside the plot: the latest value, the target, the
//! baseline, the milestones and the "no data" words, each at the first of its spots that
//! stays clear of the markers and of the labels placed before it.

use super::super::axis;
use super::super::{CENTRE, FONT, WIDTH, clamp_left, figure, fit, text_width};
use super::layout::{Layout, Series};
use super::{PLOT_HEIGHT, TrendChart, UNIT_BASELINE, VALUE_SIZE};
use crate::content::plan::status::Point;

/// A label with its left edge and baseline.
pub(super) struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub look: Look,
}

pub(super) enum Look {
    /// Body text with this class.
    Plain(&'static str),
    /// The latest value, larger and bold.
    Value,
}

/// The labels in the order they are placed (and drawn): the earlier ones get the better
/// spots.
pub(super) fn place(chart: &TrendChart, series: &Series, layout: &Layout) -> Vec<Label> {
    let mut places = Placer::new(series, layout);
    let mut labels = Vec::new();
    if series.readings.is_empty() {
        labels.extend(no_data(chart, layout, &mut places));
    }
    if let Some(last) = series.readings.last() {
        labels.extend(latest(chart, last, layout, &mut places));
    }
    if let Some(target) = series.target {
        labels.extend(target_label(chart, &target, layout, &mut places));
    }
    if let Some(baseline) = series.baseline {
        labels.extend(baseline_label(chart, &baseline, layout, &mut places));
    }
    for milestone in &series.milestones {
        labels.extend(milestone_label(chart, milestone, layout, &mut places));
    }
    labels
}

/// Where the readings would be: under the path of a rising target, over a falling one.
fn no_data(chart: &TrendChart, layout: &Layout, places: &mut Placer) -> Option<Label> {
    let text = fit(chart.labels.no_data.trim(), FONT, WIDTH - 4.0);
    let w = text_width(&text, FONT);
    let cx = layout.left + (layout.right - layout.left) * 0.7 - w / 2.0;
    let top = layout.top;
    let (upper, lower) = (top + PLOT_HEIGHT * 0.3, top + PLOT_HEIGHT * 0.75);
    let middle = top + PLOT_HEIGHT * 0.5;
    let [first, second] = layout.sides((cx, lower), (cx, upper));
    let spots = [first, second, (cx, middle)];
    let (x, y) = places.place(&spots, w, FONT, true)?;
    Some(Label {
        x,
        y,
        text,
        look: Look::Plain("no-data"),
    })
}

/// The latest value beside its marker, or above or below it.
fn latest(chart: &TrendChart, last: &Point, layout: &Layout, places: &mut Placer) -> Option<Label> {
    let (lx, ly) = layout.at(last);
    let text = figure(last.value, chart.percent, chart.lang);
    let w = text_width(&text, VALUE_SIZE) * 1.05;
    let centred = clamp_left(lx, w, 2.0, WIDTH - 2.0);
    let [first, second] = layout.sides((centred, ly - 13.0), (centred, ly + 24.0));
    let spots = [
        (lx + 11.0, ly + 5.0),
        first,
        second,
        (lx - 11.0 - w, ly + 5.0),
    ];
    let (x, y) = places.place(&spots, w, VALUE_SIZE, true)?;
    Some(Label {
        x,
        y,
        text,
        look: Look::Value,
    })
}

/// The target's words along its line: at its start, its middle, or before the target's
/// marker; then a line further away.
fn target_label(
    chart: &TrendChart,
    target: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Option<Label> {
    let text = point_words(chart, &chart.labels.target, target);
    let w = text_width(&text, FONT);
    let ty = layout.y.map(target.value);
    let marker_x = layout.x.map(axis::day(&target.period));
    let (left, right) = (layout.left, layout.right);
    let mut spots = Vec::new();
    for offset in [0.0, 18.0] {
        for lx in [left + 4.0, (left + right - w) / 2.0, marker_x - 12.0 - w] {
            spots.extend(layout.sides((lx, ty - 7.0 - offset), (lx, ty + 17.0 + offset)));
        }
    }
    let (x, y) = places.place(&spots, w, FONT, true)?;
    Some(Label {
        x,
        y,
        text,
        look: Look::Plain("label target-label"),
    })
}

/// The baseline's words below a rising baseline (and above a falling one), where the
/// readings are not.
fn baseline_label(
    chart: &TrendChart,
    baseline: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Option<Label> {
    let text = point_words(chart, &chart.labels.baseline, baseline);
    let w = text_width(&text, FONT);
    let (bx, by) = layout.at(baseline);
    let [toward, away] = layout.sides((bx - 5.0, by - 11.0), (bx - 5.0, by + 21.0));
    let further = if layout.falling { -18.0 } else { 18.0 };
    let spots = [
        away,
        toward,
        (bx + 10.0, by + CENTRE),
        (away.0, away.1 + further),
        (toward.0, toward.1 - further),
    ];
    let (x, y) = places.place(&spots, w, FONT, true)?;
    Some(Label {
        x,
        y,
        text,
        look: Look::Plain("label baseline-label"),
    })
}

/// A milestone's value above or below it; left out where neither fits.
fn milestone_label(
    chart: &TrendChart,
    milestone: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Option<Label> {
    let (mx, my) = layout.at(milestone);
    let text = figure(milestone.value, chart.percent, chart.lang);
    let w = text_width(&text, FONT);
    let centred = clamp_left(mx, w, 2.0, WIDTH - 2.0);
    let spots = layout.sides((centred, my - 10.0), (centred, my + 20.0));
    let (x, y) = places.place(&spots, w, FONT, false)?;
    Some(Label {
        x,
        y,
        text,
        look: Look::Plain("label milestone-label"),
    })
}

/// "Target 90% (2025)", kept within the chart's width.
fn point_words(chart: &TrendChart, name: &str, point: &Point) -> String {
    let text = format!(
        "{} {} ({})",
        name,
        figure(point.value, chart.percent, chart.lang),
        point.period.label(chart.lang)
    );
    fit(text.trim(), FONT, WIDTH - 4.0)
}

/// A box: left, top, right, bottom.
type Box = (f64, f64, f64, f64);

/// Places labels inside the plot so that none covers another or a marker.
struct Placer {
    taken: Vec<Box>,
    bounds: Box,
}

impl Placer {
    /// A placer for the plot with the unit's name and every marker already taken.
    fn new(series: &Series, layout: &Layout) -> Placer {
        let mut taken = Vec::new();
        if let Some(unit) = &layout.unit {
            taken.push((
                2.0,
                UNIT_BASELINE - FONT * 0.8,
                2.0 + text_width(unit, FONT),
                UNIT_BASELINE + FONT * 0.25,
            ));
        }
        let marked = series
            .readings
            .last()
            .map(|p| (layout.at(p), 9.0))
            .into_iter()
            .chain(series.baseline.map(|p| (layout.at(&p), 7.0)))
            .chain(series.target.map(|p| (layout.at(&p), 9.0)))
            .chain(series.milestones.iter().map(|p| (layout.at(p), 6.0)));
        for ((mx, my), r) in marked {
            taken.push((mx - r, my - r, mx + r, my + r));
        }
        Placer {
            taken,
            bounds: (2.0, 2.0, WIDTH - 2.0, layout.bottom - 2.0),
        }
    }

    /// The first of `spots` (left edge and baseline of a text `width` wide) that fits within
    /// the bounds and clear of what is taken, and takes it. Without one, a `required` label
    /// takes its first spot anyway (moved within the bounds); another is left out.
    fn place(
        &mut self,
        spots: &[(f64, f64)],
        width: f64,
        size: f64,
        required: bool,
    ) -> Option<(f64, f64)> {
        let (x0, y0, x1, y1) = self.bounds;
        let area = |(x, y): (f64, f64)| -> Box {
            let x = x.min(x1 - width).max(x0);
            (x, y - size * 0.8, x + width, y + size * 0.25)
        };
        let clear = |b: &Box| {
            b.1 >= y0
                && b.3 <= y1
                && !self
                    .taken
                    .iter()
                    .any(|t| b.0 < t.2 && t.0 < b.2 && b.1 < t.3 && t.1 < b.3)
        };
        let chosen = spots
            .iter()
            .map(|&spot| area(spot))
            .find(clear)
            .or_else(|| {
                let first = area(*spots.first()?);
                let shift = (y0 - first.1).max(0.0) - (first.3 - y1).max(0.0);
                required.then_some((first.0, first.1 + shift, first.2, first.3 + shift))
            })?;
        self.taken.push(chosen);
        Some((chosen.0, chosen.3 - size * 0.25))
    }
}
