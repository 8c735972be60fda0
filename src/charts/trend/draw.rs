//! The trend chart's SVG elements, drawn from its layout: axes, lines, markers and the labels
//! already placed.

use super::super::axis;
use super::super::{CENTRE, Svg, halo_text, ink, num, plain_text, status_marker};
use super::labels::{Label, Look};
use super::layout::{Layout, Series};
use super::{UNIT_BASELINE, VALUE_SIZE};
use crate::charts::LINE;
use crate::content::plan::status::Status;

/// Light gridlines with their values, the zero line when the axis crosses zero, and the unit
/// above.
pub(super) fn value_axis(svg: &mut Svg, layout: &Layout) {
    let (left, right) = (layout.left, layout.right);
    for (value, label) in &layout.value_ticks {
        let ty = layout.y.map(*value);
        svg.tag("line")
            .class("grid")
            .num("x1", left)
            .num("x2", right)
            .num("y1", ty)
            .num("y2", ty)
            .attr("stroke", ink::GRID)
            .end();
        plain_text(svg, "tick", (left - 6.0, ty + CENTRE), "end", label);
    }
    if layout.ticks.lo < 0.0 && layout.ticks.hi > 0.0 {
        let zy = layout.y.map(0.0);
        svg.tag("line")
            .class("zero")
            .num("x1", left)
            .num("x2", right)
            .num("y1", zy)
            .num("y2", zy)
            .attr("stroke", ink::TEXT)
            .end();
    }
    if let Some(unit) = &layout.unit {
        plain_text(svg, "unit", (2.0, UNIT_BASELINE), "start", unit);
    }
}

/// The time axis with a tick for each period of its kind, longer where labelled, and the
/// labels in one or two rows.
pub(super) fn time_axis(svg: &mut Svg, layout: &Layout) {
    let bottom = layout.bottom;
    svg.tag("line")
        .class("axis")
        .num("x1", layout.left)
        .num("x2", layout.right)
        .num("y1", bottom)
        .num("y2", bottom)
        .attr("stroke", ink::TEXT)
        .end();
    for tick in &layout.time.ticks {
        svg.tag("line")
            .class("axis")
            .num("x1", tick.x)
            .num("x2", tick.x)
            .num("y1", bottom)
            .num("y2", bottom + if tick.labelled { 4.0 } else { 2.5 })
            .attr("stroke", ink::TEXT)
            .end();
    }
    for label in &layout.time.labels {
        let y = bottom + layout.time_baseline + label.row as f64 * LINE;
        plain_text(svg, "tick", (label.left, y), "start", &label.text);
    }
}

/// The target's dashed line across the plot and the dotted path from baseline to target.
pub(super) fn target_and_path(svg: &mut Svg, layout: &Layout, series: &Series) {
    if let Some(target) = series.target {
        let ty = layout.y.map(target.value);
        svg.tag("line")
            .class("target")
            .num("x1", layout.left)
            .num("x2", layout.right)
            .num("y1", ty)
            .num("y2", ty)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "2")
            .attr("stroke-dasharray", "6 4")
            .end();
    }
    if let (Some(baseline), Some(target)) = (series.baseline, series.target) {
        let (bx, by) = layout.at(&baseline);
        let (tx, ty) = layout.at(&target);
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
}

/// One line per run of consecutive periods, and a dot on each reading but the latest (which
/// gets its status's marker).
pub(super) fn readings(svg: &mut Svg, layout: &Layout, series: &Series) {
    let readings = &series.readings;
    let mut d = String::new();
    for (i, point) in readings.iter().enumerate() {
        let (px, py) = layout.at(point);
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
        let (px, py) = layout.at(point);
        svg.tag("circle")
            .class("reading")
            .num("cx", px)
            .num("cy", py)
            .attr("r", "3")
            .attr("fill", ink::TEXT)
            .end();
    }
}

/// Milestones as diamonds, the baseline as a square, the target as a ringed dot and the
/// latest reading in its status's shape.
pub(super) fn markers(svg: &mut Svg, layout: &Layout, series: &Series, status: Status) {
    for milestone in &series.milestones {
        let (mx, my) = layout.at(milestone);
        milestone_marker(svg, mx, my);
    }
    if let Some(baseline) = series.baseline {
        let (bx, by) = layout.at(&baseline);
        baseline_marker(svg, bx, by);
    }
    if let Some(target) = series.target {
        let (tx, ty) = layout.at(&target);
        target_marker(svg, tx, ty);
    }
    if let Some(last) = series.readings.last() {
        let (lx, ly) = layout.at(last);
        status_marker(svg, status, lx, ly, 6.5);
    }
}

/// A hollow square centred on (x, y), in the plot and in the legend.
pub(super) fn baseline_marker(svg: &mut Svg, x: f64, y: f64) {
    svg.tag("rect")
        .class("baseline knockout")
        .num("x", x - 5.0)
        .num("y", y - 5.0)
        .attr("width", "10")
        .attr("height", "10")
        .attr("fill", ink::BACKGROUND)
        .attr("stroke", ink::TEXT)
        .attr("stroke-width", "2")
        .end();
}

/// A ringed dot centred on (x, y), in the plot and in the legend.
pub(super) fn target_marker(svg: &mut Svg, x: f64, y: f64) {
    svg.tag("circle")
        .class("target-marker knockout")
        .num("cx", x)
        .num("cy", y)
        .attr("r", "6.5")
        .attr("fill", ink::BACKGROUND)
        .attr("stroke", ink::TARGET)
        .attr("stroke-width", "2.5")
        .end();
    svg.tag("circle")
        .class("target-dot")
        .num("cx", x)
        .num("cy", y)
        .attr("r", "2.5")
        .attr("fill", ink::TARGET)
        .end();
}

/// A hollow diamond centred on (x, y), in the plot and in the legend.
pub(super) fn milestone_marker(svg: &mut Svg, x: f64, y: f64) {
    let r = 5.0;
    let d = format!(
        "M{},{}L{},{}L{},{}L{},{}Z",
        num(x),
        num(y - r),
        num(x + r),
        num(y),
        num(x),
        num(y + r),
        num(x - r),
        num(y)
    );
    svg.tag("path")
        .class("milestone knockout")
        .attr("d", &d)
        .attr("fill", ink::BACKGROUND)
        .attr("stroke", ink::TARGET)
        .attr("stroke-width", "2")
        .end();
}

/// The placed labels, each outlined so that it reads where it crosses a line; a label of two
/// lines is two texts.
pub(super) fn labels(svg: &mut Svg, labels: &[Label]) {
    for label in labels {
        for (i, line) in label.lines.iter().enumerate() {
            let y = label.y + i as f64 * LINE;
            match label.look {
                Look::Plain(class) => halo_text(svg, class, (label.x, y), "start", line),
                Look::Value => {
                    svg.tag("text")
                        .class("value halo")
                        .num("x", label.x)
                        .num("y", y)
                        .num("font-size", VALUE_SIZE)
                        .attr("font-weight", "700")
                        .attr("stroke", ink::BACKGROUND)
                        .attr("stroke-width", "3")
                        .attr("stroke-linejoin", "round")
                        .attr("style", "paint-order:stroke")
                        .text(line);
                }
            }
        }
    }
}
