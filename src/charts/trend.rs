//! An indicator's readings over time, with its baseline, milestones, target and the straight
//! path from baseline to target.

use super::axis::{self, Scale, Ticks};
use super::{
    CENTRE, FONT, Labels, MAX_FIGURE, Svg, WIDTH, clamp_left, figure, fit, halo_text, ink, num,
    plain_text, status_marker, text_width, usable,
};
use crate::format;
use crate::status::{Direction, Point, Status};

pub struct TrendChart<'a> {
    /// Unique within the page; prefixes the ids of the title and the description.
    pub id: &'a str,
    /// Usually the indicator's name.
    pub title: &'a str,
    /// The finding in words, composed by the caller (latest value, target, status); it is
    /// what screen readers read. Left empty, a plainer one is made from the data.
    pub description: &'a str,
    /// "vi" | "en": numbers and period labels.
    pub lang: &'a str,
    /// Values are percentages: ticks end in %, and the axis reaches 0 or 100 when values
    /// come near them.
    pub percent: bool,
    /// Shown above the value axis for units other than percent ("ngày", "hệ thống"…).
    pub unit_label: &'a str,
    pub direction: Direction,
    pub baseline: Point,
    pub target: Point,
    pub milestones: &'a [Point],
    /// Overall readings in any order; may be empty or a single one.
    pub readings: &'a [Point],
    pub status: Status,
    pub labels: &'a Labels,
}

/// The plot's height; the viewBox adds margins for the labels.
const PLOT_HEIGHT: f64 = 180.0;
const TOP: f64 = 24.0;
/// Room above the plot for the unit's name.
const UNIT_ROOM: f64 = 16.0;
const UNIT_BASELINE: f64 = 14.0;
const RIGHT: f64 = 8.0;
/// Keeps the markers at the ends of the time axis inside the plot.
const INSET: f64 = 12.0;
/// Room a label below its point needs inside the plot.
const LABEL_ROOM: f64 = 24.0;
const LEGEND_ROOM: f64 = 24.0;
const AXIS_LABEL_ROOM: f64 = 26.0;

/// The trend chart of one indicator as an SVG element.
///
/// Each reading sits at the last day of its period (see `axis::day`); readings are joined
/// only where no period is missing between them (`axis::continues`), so a gap stays a gap.
pub fn trend(chart: &TrendChart) -> String {
    let lang = chart.lang;
    let labels = chart.labels;
    let finite = |p: &Point| usable(p.value);
    let mut readings: Vec<Point> = chart.readings.iter().copied().filter(finite).collect();
    readings.sort_by_key(|p| p.period);
    let mut milestones: Vec<Point> = chart.milestones.iter().copied().filter(finite).collect();
    milestones.sort_by_key(|p| p.period);
    let baseline = Some(chart.baseline).filter(finite);
    let target = Some(chart.target).filter(finite);
    let measured = |v: f64| figure(v, chart.percent, lang);

    let values = readings
        .iter()
        .chain(&milestones)
        .chain(baseline.iter())
        .chain(target.iter())
        .map(|p| p.value);
    let (lo, hi) = axis::value_range(values, chart.percent, false);
    let mut ticks = Ticks::new(lo, hi);

    let unit = Some(chart.unit_label.trim())
        .filter(|u| !chart.percent && !u.is_empty())
        .map(|u| fit(u, FONT, MAX_FIGURE));
    let top = TOP + if unit.is_some() { UNIT_ROOM } else { 0.0 };
    let bottom = top + PLOT_HEIGHT;
    let y_scale = |ticks: &Ticks| Scale {
        d0: ticks.hi,
        d1: ticks.lo,
        r0: top,
        r1: bottom,
    };

    // One label goes below its point, away from where the readings head: the baseline's
    // when they should rise, the target's when they should fall. Without room there the
    // axis gains a step, unless that would pass zero (or 0%): the label then finds another
    // spot (see `Placer`).
    let falling = chart.direction == Direction::Decrease;
    let below = if falling { target } else { baseline };
    if let Some(point) = below
        && y_scale(&ticks).map(point.value) + LABEL_ROOM > bottom
        && (ticks.lo < 0.0 || ticks.lo - ticks.step >= -1e-9)
    {
        ticks.lo -= ticks.step;
    }
    let y = y_scale(&ticks);
    let tick_values = ticks.values();
    let tick_labels: Vec<String> = tick_values
        .iter()
        .map(|&v| ticks.label(v, chart.percent, lang))
        .collect();
    let left = tick_labels
        .iter()
        .map(|t| text_width(t, FONT))
        .fold(16.0, f64::max)
        + 10.0;
    let right = WIDTH - RIGHT;

    let days = readings
        .iter()
        .chain(&milestones)
        .chain(baseline.iter())
        .chain(target.iter())
        .map(|p| axis::day(&p.period));
    let (mut d0, mut d1) = days.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), d| {
        (a.min(d), b.max(d))
    });
    if d0 > d1 {
        (d0, d1) = (0.0, 1.0);
    }
    if d1 - d0 < 1.0 {
        (d0, d1) = (d0 - 15.0, d1 + 15.0);
    }
    let x = Scale {
        d0,
        d1,
        r0: left + INSET,
        r1: right - INSET,
    };
    let at = |p: &Point| (x.map(axis::day(&p.period)), y.map(p.value));

    let legend = (baseline.is_some() && target.is_some()) || !milestones.is_empty();
    let height = bottom + AXIS_LABEL_ROOM + if legend { LEGEND_ROOM } else { 0.0 };

    let description = if chart.description.trim().is_empty() {
        fallback_description(chart, readings.last(), target)
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "trend",
        chart.id,
        (WIDTH, height),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);

    // Value axis: light gridlines with their values, the unit above.
    for (&value, label) in tick_values.iter().zip(&tick_labels) {
        let ty = y.map(value);
        svg.tag("line")
            .class("grid")
            .num("x1", left)
            .num("x2", right)
            .num("y1", ty)
            .num("y2", ty)
            .attr("stroke", ink::GRID)
            .end();
        plain_text(&mut svg, "tick", left - 6.0, ty + CENTRE, "end", label);
    }
    if ticks.lo < 0.0 && ticks.hi > 0.0 {
        let zy = y.map(0.0);
        svg.tag("line")
            .class("zero")
            .num("x1", left)
            .num("x2", right)
            .num("y1", zy)
            .num("y2", zy)
            .attr("stroke", ink::TEXT)
            .end();
    }
    if let Some(unit) = &unit {
        plain_text(&mut svg, "unit", 2.0, UNIT_BASELINE, "start", unit);
    }

    // Time axis: a tick and a label for the periods that fit without overlapping.
    svg.tag("line")
        .class("axis")
        .num("x1", left)
        .num("x2", right)
        .num("y1", bottom)
        .num("y2", bottom)
        .attr("stroke", ink::TEXT)
        .end();
    for (tx, left_edge, label) in time_labels(&readings, &milestones, baseline, target, &x, lang) {
        svg.tag("line")
            .class("axis")
            .num("x1", tx)
            .num("x2", tx)
            .num("y1", bottom)
            .num("y2", bottom + 4.0)
            .attr("stroke", ink::TEXT)
            .end();
        plain_text(&mut svg, "tick", left_edge, bottom + 18.0, "start", &label);
    }

    if let Some(target) = target {
        let ty = y.map(target.value);
        svg.tag("line")
            .class("target")
            .num("x1", left)
            .num("x2", right)
            .num("y1", ty)
            .num("y2", ty)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "2")
            .attr("stroke-dasharray", "6 4")
            .end();
    }
    if let (Some(baseline), Some(target)) = (baseline, target) {
        let (bx, by) = at(&baseline);
        let (tx, ty) = at(&target);
        svg.tag("line")
            .class("path")
            .num("x1", bx)
            .num("y1", by)
            .num("x2", tx)
            .num("y2", ty)
            .attr("stroke", ink::PATH)
            .attr("stroke-width", "2")
            .attr("stroke-dasharray", "0.1 5")
            .attr("stroke-linecap", "round")
            .end();
    }

    // Readings: one line per run of consecutive periods, a dot on each reading.
    let mut d = String::new();
    for (i, point) in readings.iter().enumerate() {
        let (px, py) = at(point);
        let joined = i > 0 && axis::continues(&readings[i - 1].period, &point.period);
        d.push(if joined { 'L' } else { 'M' });
        d.push_str(&format!("{},{}", num(px), num(py)));
    }
    if readings.len() > 1 {
        svg.tag("path")
            .class("series")
            .attr("d", &d)
            .attr("fill", "none")
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "2.5")
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round")
            .end();
    }
    for point in readings.iter().rev().skip(1) {
        let (px, py) = at(point);
        svg.tag("circle")
            .class("reading")
            .num("cx", px)
            .num("cy", py)
            .attr("r", "3")
            .attr("fill", ink::TEXT)
            .end();
    }

    for milestone in &milestones {
        let (mx, my) = at(milestone);
        let r = 5.0;
        let d = format!(
            "M{},{}L{},{}L{},{}L{},{}Z",
            num(mx),
            num(my - r),
            num(mx + r),
            num(my),
            num(mx),
            num(my + r),
            num(mx - r),
            num(my)
        );
        svg.tag("path")
            .class("milestone knockout")
            .attr("d", &d)
            .attr("fill", ink::BACKGROUND)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "2")
            .end();
    }
    if let Some(baseline) = baseline {
        let (bx, by) = at(&baseline);
        svg.tag("rect")
            .class("baseline knockout")
            .num("x", bx - 5.0)
            .num("y", by - 5.0)
            .attr("width", "10")
            .attr("height", "10")
            .attr("fill", ink::BACKGROUND)
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "2")
            .end();
    }
    if let Some(target) = target {
        let (tx, ty) = at(&target);
        svg.tag("circle")
            .class("target-marker knockout")
            .num("cx", tx)
            .num("cy", ty)
            .attr("r", "6.5")
            .attr("fill", ink::BACKGROUND)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "2.5")
            .end();
        svg.tag("circle")
            .class("target-dot")
            .num("cx", tx)
            .num("cy", ty)
            .attr("r", "2.5")
            .attr("fill", ink::TARGET)
            .end();
    }
    if let Some(last) = readings.last() {
        let (lx, ly) = at(last);
        status_marker(&mut svg, chart.status, lx, ly, 6.5);
    }

    // Labels last, so that they read over the lines; each at the first of its spots that
    // stays clear of the markers and of the labels placed before it.
    let mut places = Placer {
        taken: Vec::new(),
        bounds: (2.0, 2.0, WIDTH - 2.0, bottom - 2.0),
    };
    if let Some(unit) = &unit {
        places.taken.push((
            2.0,
            UNIT_BASELINE - FONT * 0.8,
            2.0 + text_width(unit, FONT),
            UNIT_BASELINE + FONT * 0.25,
        ));
    }
    let marked = readings
        .last()
        .map(|p| (at(p), 9.0))
        .into_iter()
        .chain(baseline.map(|p| (at(&p), 7.0)))
        .chain(target.map(|p| (at(&p), 9.0)))
        .chain(milestones.iter().map(|p| (at(p), 6.0)));
    for ((mx, my), r) in marked {
        places.taken.push((mx - r, my - r, mx + r, my + r));
    }
    // Away from where the readings head first: up for rising targets, down for falling ones.
    let sides = |above: (f64, f64), below: (f64, f64)| {
        if falling {
            [below, above]
        } else {
            [above, below]
        }
    };

    if readings.is_empty() {
        // Where the readings would be: under the path of a rising target, over a falling one.
        let text = fit(labels.no_data.trim(), FONT, WIDTH - 4.0);
        let w = text_width(&text, FONT);
        let cx = left + (right - left) * 0.7 - w / 2.0;
        let (upper, lower) = (top + PLOT_HEIGHT * 0.3, top + PLOT_HEIGHT * 0.75);
        let middle = top + PLOT_HEIGHT * 0.5;
        let [first, second] = sides((cx, lower), (cx, upper));
        let spots = [first, second, (cx, middle)];
        if let Some((lx, ly)) = places.place(&spots, w, FONT, true) {
            halo_text(&mut svg, "no-data", lx, ly, "start", &text);
        }
    }

    if let Some(last) = readings.last() {
        let (lx, ly) = at(last);
        let text = measured(last.value);
        let size = FONT + 1.0;
        let w = text_width(&text, size) * 1.05;
        let centred = clamp_left(lx, w, 2.0, WIDTH - 2.0);
        let [first, second] = sides((centred, ly - 13.0), (centred, ly + 24.0));
        let spots = [
            (lx + 11.0, ly + 5.0),
            first,
            second,
            (lx - 11.0 - w, ly + 5.0),
        ];
        if let Some((tx, ty)) = places.place(&spots, w, size, true) {
            svg.tag("text")
                .class("value halo")
                .num("x", tx)
                .num("y", ty)
                .num("font-size", size)
                .attr("font-weight", "700")
                .attr("fill", ink::TEXT)
                .attr("stroke", ink::BACKGROUND)
                .attr("stroke-width", "3")
                .attr("stroke-linejoin", "round")
                .attr("style", "paint-order:stroke")
                .text(&text);
        }
    }
    if let Some(target) = target {
        let text = format!(
            "{} {} ({})",
            labels.target,
            measured(target.value),
            target.period.label(lang)
        );
        let text = fit(text.trim(), FONT, WIDTH - 4.0);
        let w = text_width(&text, FONT);
        let ty = y.map(target.value);
        // Along the line: at its start, its middle, or before the target's marker; then a
        // line further away.
        let marker_x = x.map(axis::day(&target.period));
        let mut spots = Vec::new();
        for offset in [0.0, 18.0] {
            for lx in [left + 4.0, (left + right - w) / 2.0, marker_x - 12.0 - w] {
                spots.extend(sides((lx, ty - 7.0 - offset), (lx, ty + 17.0 + offset)));
            }
        }
        if let Some((lx, ly)) = places.place(&spots, w, FONT, true) {
            halo_text(&mut svg, "label target-label", lx, ly, "start", &text);
        }
    }
    if let Some(baseline) = baseline {
        let text = format!(
            "{} {} ({})",
            labels.baseline,
            measured(baseline.value),
            baseline.period.label(lang)
        );
        let text = fit(text.trim(), FONT, WIDTH - 4.0);
        let w = text_width(&text, FONT);
        let (bx, by) = at(&baseline);
        // Below a rising baseline (and above a falling one), where the readings are not.
        let [toward, away] = sides((bx - 5.0, by - 11.0), (bx - 5.0, by + 21.0));
        let further = if falling { -18.0 } else { 18.0 };
        let spots = [
            away,
            toward,
            (bx + 10.0, by + CENTRE),
            (away.0, away.1 + further),
            (toward.0, toward.1 - further),
        ];
        if let Some((lx, ly)) = places.place(&spots, w, FONT, true) {
            halo_text(&mut svg, "label baseline-label", lx, ly, "start", &text);
        }
    }
    for milestone in &milestones {
        let (mx, my) = at(milestone);
        let text = measured(milestone.value);
        let w = text_width(&text, FONT);
        let centred = clamp_left(mx, w, 2.0, WIDTH - 2.0);
        let spots = sides((centred, my - 10.0), (centred, my + 20.0));
        if let Some((lx, ly)) = places.place(&spots, w, FONT, false) {
            halo_text(&mut svg, "label milestone-label", lx, ly, "start", &text);
        }
    }
    if legend {
        let ly = bottom + AXIS_LABEL_ROOM + 14.0;
        let mut lx = left;
        if baseline.is_some() && target.is_some() {
            svg.tag("line")
                .class("path")
                .num("x1", lx + 1.0)
                .num("x2", lx + 19.0)
                .num("y1", ly - CENTRE)
                .num("y2", ly - CENTRE)
                .attr("stroke", ink::PATH)
                .attr("stroke-width", "2")
                .attr("stroke-dasharray", "0.1 5")
                .attr("stroke-linecap", "round")
                .end();
            plain_text(&mut svg, "legend", lx + 25.0, ly, "start", &labels.path);
            lx += 25.0 + text_width(&labels.path, FONT) + 16.0;
        }
        if !milestones.is_empty() {
            let (mx, my, r) = (lx + 6.0, ly - CENTRE, 5.0);
            let d = format!(
                "M{},{}L{},{}L{},{}L{},{}Z",
                num(mx),
                num(my - r),
                num(mx + r),
                num(my),
                num(mx),
                num(my + r),
                num(mx - r),
                num(my)
            );
            svg.tag("path")
                .class("milestone knockout")
                .attr("d", &d)
                .attr("fill", ink::BACKGROUND)
                .attr("stroke", ink::TARGET)
                .attr("stroke-width", "2")
                .end();
            plain_text(
                &mut svg,
                "legend",
                lx + 16.0,
                ly,
                "start",
                &labels.milestone,
            );
        }
    }

    svg.close("g");
    svg.finish()
}

/// The periods labelled on the time axis with their tick's x and the label's left edge.
/// The latest reading, the target and the baseline come first, then year ends, quarter ends
/// and other periods; a label that would overlap one already placed is left out.
fn time_labels(
    readings: &[Point],
    milestones: &[Point],
    baseline: Option<Point>,
    target: Option<Point>,
    x: &Scale,
    lang: &str,
) -> Vec<(f64, f64, String)> {
    let mut rest: Vec<(u8, Point)> = readings
        .iter()
        .chain(milestones)
        .map(|p| (axis::label_rank(&p.period), *p))
        .collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.period.cmp(&b.1.period)));
    let first = [readings.last().copied(), target, baseline];
    let candidates = first
        .into_iter()
        .flatten()
        .chain(rest.into_iter().map(|(_, p)| p));
    let mut placed: Vec<(f64, f64, String)> = Vec::new();
    let mut taken: Vec<(f64, f64)> = Vec::new();
    let mut seen = Vec::new();
    for point in candidates {
        if seen.contains(&point.period) {
            continue;
        }
        seen.push(point.period);
        let label = point.period.label(lang);
        let width = text_width(&label, FONT);
        let tx = x.map(axis::day(&point.period));
        let left = clamp_left(tx, width, 2.0, WIDTH - 2.0);
        let span = (left - 4.0, left + width + 4.0);
        if taken.iter().any(|&(a, b)| span.0 < b && a < span.1) {
            continue;
        }
        taken.push(span);
        placed.push((tx, left, label));
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    placed
}

/// A plain description from the data, for a caller that gave none.
fn fallback_description(
    chart: &TrendChart,
    latest: Option<&Point>,
    target: Option<Point>,
) -> String {
    let measured = |v: f64| format::measured(v, chart.percent, chart.lang);
    let mut parts = Vec::new();
    match latest {
        Some(latest) => parts.push(format!(
            "{} ({})",
            measured(latest.value),
            latest.period.label(chart.lang)
        )),
        None => parts.push(chart.labels.no_data.clone()),
    }
    if let Some(target) = target {
        parts.push(format!(
            "{} {} ({})",
            chart.labels.target,
            measured(target.value),
            target.period.label(chart.lang)
        ));
    }
    parts.join("; ")
}

/// A box: left, top, right, bottom.
type Box = (f64, f64, f64, f64);

/// Places labels inside the plot so that none covers another or a marker.
struct Placer {
    taken: Vec<Box>,
    bounds: Box,
}

impl Placer {
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
