//! Where the trend chart's labels go inside the plot: the latest value, the target, the
//! baseline, the milestones and the "no data" words. Each takes the first of its spots that
//! touches no line, point, marker or label drawn before it — on one line, then on two, then
//! the nearest free place around its point — and a label that finds none goes to the legend
//! (a milestone's value is left out: the page's table has it).

use super::super::{ASCENT, CENTRE, DESCENT, FONT, LINE, clamp_left, figure, fit, text_width};
use super::super::{axis, text_box};
use super::layout::{Layout, Series};
use super::{PLOT_HEIGHT, TrendChart, UNIT_BASELINE, VALUE_SIZE};
use crate::content::plan::status::Point;

/// A label with its left edge and first baseline; each further line is `LINE` lower.
pub(super) struct Label {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
    pub look: Look,
}

pub(super) enum Look {
    /// Body text with this class.
    Plain(&'static str),
    /// The latest value, larger and bold.
    Value,
}

/// The words that found no place in the plot, for the legend.
#[derive(Default)]
pub(super) struct LeftOver {
    pub latest: Option<String>,
    pub target: Option<String>,
    pub baseline: Option<String>,
    pub no_data: Option<String>,
}

/// The labels in the order they are placed (and drawn): the earlier ones get the better
/// spots. Returns what found no place too.
pub(super) fn place(
    chart: &TrendChart,
    series: &Series,
    layout: &Layout,
) -> (Vec<Label>, LeftOver) {
    let mut places = Placer::new(series, layout);
    let mut labels = Vec::new();
    let mut left_over = LeftOver::default();
    if series.readings.is_empty() {
        match no_data(chart, layout, &mut places) {
            Ok(label) => labels.push(label),
            Err(words) => left_over.no_data = Some(words),
        }
    }
    if let Some(last) = series.readings.last() {
        match latest(chart, last, layout, &mut places) {
            Ok(label) => labels.push(label),
            Err(words) => left_over.latest = Some(words),
        }
    }
    if let Some(target) = series.target {
        match target_label(chart, &target, layout, &mut places) {
            Ok(label) => labels.push(label),
            Err(words) => left_over.target = Some(words),
        }
    }
    if let Some(baseline) = series.baseline {
        match baseline_label(chart, &baseline, layout, &mut places) {
            Ok(label) => labels.push(label),
            Err(words) => left_over.baseline = Some(words),
        }
    }
    for milestone in &series.milestones {
        labels.extend(milestone_label(chart, milestone, layout, &mut places));
    }
    (labels, left_over)
}

/// Where the readings would be: under the path of a rising target, over a falling one.
fn no_data(chart: &TrendChart, layout: &Layout, places: &mut Placer) -> Result<Label, String> {
    let text = fit(chart.labels.no_data.trim(), FONT, layout.width - 4.0);
    let shape = Shape::line(&text, FONT);
    let cx = layout.left + (layout.right - layout.left) * 0.7 - shape.width / 2.0;
    let top = layout.top;
    let (upper, lower) = (top + PLOT_HEIGHT * 0.3, top + PLOT_HEIGHT * 0.75);
    let middle = top + PLOT_HEIGHT * 0.5;
    let [first, second] = layout.sides((cx, lower), (cx, upper));
    let found = places
        .first_of(&[first, second, (cx, middle)], &shape)
        .or_else(|| {
            let centre = (layout.left + layout.right) / 2.0;
            places.nearest((centre, middle), (layout.width, PLOT_HEIGHT), &shape)
        });
    let look = Look::Plain("no-data");
    found
        .map(|at| shape.label(at, vec![text.clone()], look))
        .ok_or(text)
}

/// The latest value beside its marker, or above or below it, or nearby.
fn latest(
    chart: &TrendChart,
    last: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Result<Label, String> {
    let (lx, ly) = layout.at(last);
    let text = figure(last.value, chart.percent, chart.lang);
    let mut shape = Shape::line(&text, VALUE_SIZE);
    // Bold figures run wider than the regular advances.
    shape.width *= 1.05;
    let w = shape.width;
    let centred = clamp_left(lx, w, 2.0, layout.width - 2.0);
    let [first, second] = layout.sides((centred, ly - 16.0), (centred, ly + 27.0));
    let spots = [
        (lx + 11.0, ly + 5.0),
        first,
        second,
        (lx - 11.0 - w, ly + 5.0),
    ];
    let found = places
        .first_of(&spots, &shape)
        .or_else(|| places.nearest((lx, ly), (70.0, 50.0), &shape));
    match found {
        Some(at) => Ok(shape.label(at, vec![text], Look::Value)),
        None => Err(format!("{} ({})", text, last.period.label(chart.lang))),
    }
}

/// The target's words along its line: at its start, its middle, or before the target's
/// marker, then a line further away; on two lines where one does not fit; then wherever
/// nearest.
fn target_label(
    chart: &TrendChart,
    target: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Result<Label, String> {
    let (name, figures) = point_words(chart, &chart.labels.target, target);
    let ty = layout.y.map(target.value);
    let marker_x = layout.x.map(axis::day(&target.period));
    let (left, right) = (layout.left, layout.right);
    let along = |shape: &Shape| {
        let w = shape.width;
        let mut spots = Vec::new();
        for offset in [0.0, 18.0, 36.0] {
            for lx in [left + 4.0, (left + right - w) / 2.0, marker_x - 12.0 - w] {
                spots.extend(layout.sides(
                    (lx, ty - 7.0 - shape.below_first() - offset),
                    (lx, ty + 18.0 + offset),
                ));
            }
        }
        spots
    };
    let wanted = Wanted {
        spots: along,
        // Anywhere along the line, but near it.
        centre: (marker_x - 60.0, ty),
        reach: (layout.width, 45.0),
    };
    let look = Look::Plain("label target-label");
    placed_words(places, layout, (&name, &figures), wanted, look)
}

/// The baseline's words below a rising baseline (and above a falling one), where the
/// readings are not; beside it; on two lines; then wherever nearest.
fn baseline_label(
    chart: &TrendChart,
    baseline: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Result<Label, String> {
    let (name, figures) = point_words(chart, &chart.labels.baseline, baseline);
    let (bx, by) = layout.at(baseline);
    let around = |shape: &Shape| {
        let above = by - 14.0 - shape.below_first();
        let [toward, away] = layout.sides((bx - 5.0, above), (bx - 5.0, by + 24.0));
        let further = if layout.falling { -18.0 } else { 18.0 };
        vec![
            away,
            toward,
            (bx + 10.0, by + CENTRE),
            (away.0, away.1 + further),
            (toward.0, toward.1 - further),
        ]
    };
    let wanted = Wanted {
        spots: around,
        // Near the marker: further away the words would name nothing the eye can find, and
        // the legend, which shows the marker beside them, is the better place.
        centre: (bx + 40.0, by),
        reach: (120.0, 60.0),
    };
    let look = Look::Plain("label baseline-label");
    placed_words(places, layout, (&name, &figures), wanted, look)
}

/// Where a baseline's or target's words may go: the spots for a label of a shape, in the
/// order to try them, then the free place nearest `centre` within `reach` (sideways, up and
/// down).
struct Wanted<F: Fn(&Shape) -> Vec<(f64, f64)>> {
    spots: F,
    centre: (f64, f64),
    reach: (f64, f64),
}

/// A baseline's or target's words: on one line at one of the wanted spots, else on two (the
/// name, then the figures), else at the nearest free place; the words themselves when none
/// is free.
fn placed_words(
    places: &mut Placer,
    layout: &Layout,
    words: (&str, &str),
    wanted: Wanted<impl Fn(&Shape) -> Vec<(f64, f64)>>,
    look: Look,
) -> Result<Label, String> {
    let (name, figures) = words;
    let Wanted {
        spots,
        centre,
        reach,
    } = wanted;
    let one = fit(&format!("{name} {figures}"), FONT, layout.width - 4.0);
    let two = vec![
        fit(name, FONT, layout.width - 4.0),
        fit(figures, FONT, layout.width - 4.0),
    ];
    let shape = Shape::line(&one, FONT);
    if let Some(at) = places.first_of(&spots(&shape), &shape) {
        return Ok(shape.label(at, vec![one], look));
    }
    let stacked = Shape::lines(&two, FONT);
    if let Some(at) = places.first_of(&spots(&stacked), &stacked) {
        return Ok(stacked.label(at, two, look));
    }
    if let Some(at) = places.nearest(centre, reach, &shape) {
        return Ok(shape.label(at, vec![one], look));
    }
    match places.nearest(centre, reach, &stacked) {
        Some(at) => Ok(stacked.label(at, two, look)),
        None => Err(one),
    }
}

/// A milestone's value above or below it, or at one of its corners (the path to the target
/// runs through it diagonally); left out where none is free.
fn milestone_label(
    chart: &TrendChart,
    milestone: &Point,
    layout: &Layout,
    places: &mut Placer,
) -> Option<Label> {
    let (mx, my) = layout.at(milestone);
    let text = figure(milestone.value, chart.percent, chart.lang);
    let shape = Shape::line(&text, FONT);
    let w = shape.width;
    let centred = clamp_left(mx, w, 2.0, layout.width - 2.0);
    let [above, below] = layout.sides((centred, my - 12.0), (centred, my + 24.0));
    let (high, low) = (my - 8.0, my + 20.0);
    let spots = [
        above,
        below,
        (mx + 6.0, low),
        (mx - 6.0 - w, high),
        (mx + 6.0, high),
        (mx - 6.0 - w, low),
    ];
    let at = places.first_of(&spots, &shape)?;
    Some(shape.label(at, vec![text], Look::Plain("label milestone-label")))
}

/// "Mục tiêu" and "90% (2025)".
fn point_words(chart: &TrendChart, name: &str, point: &Point) -> (String, String) {
    (
        name.trim().to_string(),
        format!(
            "{} ({})",
            figure(point.value, chart.percent, chart.lang),
            point.period.label(chart.lang)
        ),
    )
}

/// A box: left, top, right, bottom.
type Rect = (f64, f64, f64, f64);

/// A line segment and how far from it a label must stay: x1, y1, x2, y2, pad.
type Segment = (f64, f64, f64, f64, f64);

/// The size of a label of one or more lines.
struct Shape {
    width: f64,
    lines: usize,
    size: f64,
}

impl Shape {
    fn line(text: &str, size: f64) -> Shape {
        Shape {
            width: text_width(text, size),
            lines: 1,
            size,
        }
    }

    fn lines(lines: &[String], size: f64) -> Shape {
        Shape {
            width: lines
                .iter()
                .map(|l| text_width(l, size))
                .fold(0.0, f64::max),
            lines: lines.len(),
            size,
        }
    }

    /// How far the label reaches below its first baseline: the lines after the first.
    fn below_first(&self) -> f64 {
        (self.lines.max(1) - 1) as f64 * LINE
    }

    /// The label's box with its left edge and first baseline at `at`.
    fn rect(&self, (x, y): (f64, f64)) -> Rect {
        (
            x,
            y - self.size * ASCENT,
            x + self.width,
            y + self.below_first() + self.size * DESCENT,
        )
    }

    fn label(&self, (x, y): (f64, f64), lines: Vec<String>, look: Look) -> Label {
        Label { x, y, lines, look }
    }
}

/// Places labels inside the plot so that none covers another, a marker, a reading or a line.
struct Placer {
    taken: Vec<Rect>,
    segments: Vec<Segment>,
    bounds: Rect,
}

/// The least room between two labels, or a label and a marker.
const GAP: f64 = 2.0;

impl Placer {
    /// A placer for the plot with the unit's name, the value axis's labels, every marker and
    /// reading and every line already there.
    fn new(series: &Series, layout: &Layout) -> Placer {
        let mut taken = Vec::new();
        if let Some(unit) = &layout.unit {
            taken.push(text_box(unit, FONT, 2.0, UNIT_BASELINE));
        }
        for (value, label) in &layout.value_ticks {
            let w = text_width(label, FONT);
            let y = layout.y.map(*value) + CENTRE;
            taken.push(text_box(label, FONT, layout.left - 6.0 - w, y));
        }
        let marked = series
            .readings
            .last()
            .map(|p| (layout.at(p), 9.0))
            .into_iter()
            .chain(series.baseline.map(|p| (layout.at(&p), 7.0)))
            .chain(series.target.map(|p| (layout.at(&p), 9.0)))
            .chain(series.milestones.iter().map(|p| (layout.at(p), 6.5)))
            .chain(series.readings.iter().map(|p| (layout.at(p), 4.0)));
        for ((mx, my), r) in marked {
            taken.push((mx - r, my - r, mx + r, my + r));
        }
        Placer {
            taken,
            segments: segments(series, layout),
            // Inside the plot: a label in the value axis's gutter would read as a tick.
            bounds: (
                layout.left + 2.0,
                2.0,
                layout.width - 2.0,
                layout.bottom - 2.0,
            ),
        }
    }

    fn clear(&self, r: &Rect) -> bool {
        let (x0, y0, x1, y1) = self.bounds;
        r.0 >= x0 - 1e-9
            && r.1 >= y0
            && r.2 <= x1 + 1e-9
            && r.3 <= y1
            && !self
                .taken
                .iter()
                .any(|t| r.0 < t.2 + GAP && t.0 < r.2 + GAP && r.1 < t.3 + GAP && t.1 < r.3 + GAP)
            && !self.segments.iter().any(|s| crosses(r, s))
    }

    /// The first of `spots` (left edge and first baseline), moved within the bounds
    /// sideways, where `shape` is clear; it is taken.
    fn first_of(&mut self, spots: &[(f64, f64)], shape: &Shape) -> Option<(f64, f64)> {
        let (x0, _, x1, _) = self.bounds;
        let at = spots
            .iter()
            .map(|&(x, y)| (x.min(x1 - shape.width).max(x0), y))
            .find(|&at| self.clear(&shape.rect(at)))?;
        self.taken.push(shape.rect(at));
        Some(at)
    }

    /// The free place for `shape` whose centre is nearest `centre`, within `reach` (sideways,
    /// up and down); it is taken.
    fn nearest(
        &mut self,
        centre: (f64, f64),
        reach: (f64, f64),
        shape: &Shape,
    ) -> Option<(f64, f64)> {
        let probe = shape.rect((0.0, 0.0));
        let (half_w, ascent, height) = (shape.width / 2.0, -probe.1, probe.3 - probe.1);
        let (rx, ry) = (reach.0.max(4.0), reach.1.max(3.0));
        let (nx, ny) = ((rx / 4.0) as i64, (ry / 3.0) as i64);
        let mut offsets: Vec<(f64, f64)> = Vec::new();
        for i in -nx..=nx {
            for j in -ny..=ny {
                offsets.push((i as f64 * 4.0, j as f64 * 3.0));
            }
        }
        // Nearest first, as a share of the reach each way; ties in a fixed order.
        let distance = |(dx, dy): (f64, f64)| (dx / rx).powi(2) + (dy / ry).powi(2);
        offsets.sort_by(|a, b| distance(*a).total_cmp(&distance(*b)));
        let at = offsets
            .into_iter()
            .map(|(dx, dy)| {
                let cx = centre.0 + dx;
                let cy = centre.1 + dy;
                (cx - half_w, cy - height / 2.0 + ascent)
            })
            .find(|&at| self.clear(&shape.rect(at)))?;
        self.taken.push(shape.rect(at));
        Some(at)
    }
}

/// The lines a label must not touch: the readings' line, the target's line, the path to the
/// target and the zero line (not the faint grid, which a label's outline masks).
fn segments(series: &Series, layout: &Layout) -> Vec<Segment> {
    let mut out = Vec::new();
    for pair in series.readings.windows(2) {
        if axis::continues(&pair[0].period, &pair[1].period) {
            let ((x1, y1), (x2, y2)) = (layout.at(&pair[0]), layout.at(&pair[1]));
            out.push((x1, y1, x2, y2, 2.5));
        }
    }
    if let Some(target) = series.target {
        let ty = layout.y.map(target.value);
        out.push((layout.left, ty, layout.right, ty, 2.0));
    }
    if let (Some(baseline), Some(target)) = (series.baseline, series.target) {
        let ((x1, y1), (x2, y2)) = (layout.at(&baseline), layout.at(&target));
        out.push((x1, y1, x2, y2, 2.0));
    }
    if layout.ticks.lo < 0.0 && layout.ticks.hi > 0.0 {
        let zy = layout.y.map(0.0);
        out.push((layout.left, zy, layout.right, zy, 1.5));
    }
    out
}

/// Whether the segment comes within its pad of the box (Liang–Barsky clipping against the
/// box grown by the pad).
pub(super) fn crosses(r: &Rect, s: &Segment) -> bool {
    let (x1, y1, x2, y2, pad) = *s;
    let (left, top, right, bottom) = (r.0 - pad, r.1 - pad, r.2 + pad, r.3 + pad);
    let (dx, dy) = (x2 - x1, y2 - y1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, x1 - left),
        (dx, right - x1),
        (-dy, y1 - top),
        (dy, bottom - y1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}
