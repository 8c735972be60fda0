//! The trend chart's words outside the plot: the description screen readers read and the
//! legend under the time axis.

use super::super::{CENTRE, FONT, Labels, Svg, ink, plain_text, text_width};
use super::draw::milestone_marker;
use super::layout::{Layout, Series};
use super::{AXIS_LABEL_ROOM, TrendChart};
use crate::format;

/// The caller's description, or a plain one from the data when it gave none.
pub(super) fn description(chart: &TrendChart, series: &Series) -> String {
    if !chart.description.trim().is_empty() {
        return chart.description.to_string();
    }
    let measured = |v: f64| format::measured(v, chart.percent, chart.lang);
    let mut parts = Vec::new();
    match series.readings.last() {
        Some(latest) => parts.push(format!(
            "{} ({})",
            measured(latest.value),
            latest.period.label(chart.lang)
        )),
        None => parts.push(chart.labels.no_data.clone()),
    }
    if let Some(target) = series.target {
        parts.push(format!(
            "{} {} ({})",
            chart.labels.target,
            measured(target.value),
            target.period.label(chart.lang)
        ));
    }
    parts.join("; ")
}

/// Names the path to target and the milestones, the marks a reader cannot tell from the
/// labels in the plot.
pub(super) fn draw(svg: &mut Svg, layout: &Layout, series: &Series, labels: &Labels) {
    let ly = layout.bottom + AXIS_LABEL_ROOM + 14.0;
    let mut lx = layout.left;
    if series.baseline.is_some() && series.target.is_some() {
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
        plain_text(svg, "legend", (lx + 25.0, ly), "start", &labels.path);
        lx += 25.0 + text_width(&labels.path, FONT) + 16.0;
    }
    if !series.milestones.is_empty() {
        milestone_marker(svg, lx + 6.0, ly - CENTRE);
        plain_text(svg, "legend", (lx + 16.0, ly), "start", &labels.milestone);
    }
}
