//! The bullet bar for cards: the way from baseline to target as a bar that fills up, with the
//! latest value above and the baseline's and target's words below.

use super::super::axis::Scale;
use super::super::{
    FONT, Labels, Svg, chart_width, clamp_left, figure, fit, ink, plain_text, status_colour,
    status_marker, text_width, usable,
};
use crate::content::plan::status::{Direction, Status};

pub struct BulletChart<'a> {
    pub id: &'a str,
    /// In user units (`charts::NARROW`, `charts::WIDE`).
    pub width: f64,
    pub title: &'a str,
    /// The finding in words, composed by the caller; made from the figures when empty.
    pub description: &'a str,
    pub lang: &'a str,
    pub percent: bool,
    pub direction: Direction,
    pub baseline: f64,
    pub target: f64,
    pub latest: Option<f64>,
    pub status: Status,
    pub labels: &'a Labels,
}

const BULLET_HEIGHT: f64 = 70.0;
const TRACK_TOP: f64 = 26.0;
const TRACK_HEIGHT: f64 = 16.0;
const EDGE: f64 = 10.0;
const MIDDLE: f64 = TRACK_TOP + TRACK_HEIGHT / 2.0;

/// The figures that can be drawn (finite ones) and the scale they are drawn on.
struct Layout {
    /// The viewBox's width.
    width: f64,
    baseline: Option<f64>,
    target: Option<f64>,
    latest: Option<f64>,
    x: Scale,
}

/// A text under the track: its words, its left and right edges and its class.
struct EndLabel {
    text: String,
    span: (f64, f64),
    class: &'static str,
}

/// The way from baseline to target as a bar that fills up, for cards.
///
/// The baseline is always on the left and the target on the right, falling targets too (the
/// scale then runs from high to low values): the bar reads as the share of the way covered.
/// A reading past the target or behind the baseline widens the scale, up to half the way
/// again on either side. A level to hold (`maintain`, or baseline equal to target) centres the
/// scale on the target, with the bar showing how far the reading strays.
pub fn bullet(chart: &BulletChart) -> String {
    let layout = layout(chart);
    let description = description(chart, &layout);
    let mut svg = Svg::new(
        "bullet",
        chart.id,
        (layout.width, BULLET_HEIGHT),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);
    draw_track(&mut svg, chart.status, &layout);
    draw_latest(&mut svg, chart, &layout);
    for label in end_labels(chart, &layout) {
        let (left, _) = label.span;
        plain_text(
            &mut svg,
            label.class,
            (left, BULLET_HEIGHT - 6.0),
            "start",
            &label.text,
        );
    }
    svg.close("g");
    svg.finish()
}

fn layout(chart: &BulletChart) -> Layout {
    let baseline = Some(chart.baseline).filter(|v| usable(*v));
    let target = Some(chart.target).filter(|v| usable(*v));
    let latest = chart.latest.filter(|v| usable(*v));
    let width = chart_width(chart.width);
    let (r0, r1) = (EDGE, width - EDGE);
    let x = match (baseline, target) {
        (Some(b), Some(t))
            if chart.direction != Direction::Maintain
                && (t - b).abs() > t.abs().max(b.abs()) * 1e-9 =>
        {
            let gap = t - b;
            let share = latest.map_or(0.0, |v| ((v - b) / gap).clamp(-0.5, 1.5));
            let (f0, f1) = (share.min(0.0), share.max(1.0));
            Scale {
                d0: b + f0 * gap,
                d1: b + f1 * gap,
                r0,
                r1,
            }
        }
        _ => {
            let centre = target.or(baseline).or(latest).unwrap_or(0.0);
            let spread = latest
                .map_or(0.0, |v| (v - centre).abs() * 1.25)
                .max(centre.abs() * 0.05);
            let spread = if spread > 0.0 { spread } else { 1.0 };
            Scale {
                d0: centre - spread,
                d1: centre + spread,
                r0,
                r1,
            }
        }
    };
    Layout {
        width,
        baseline,
        target,
        latest,
        x,
    }
}

/// The caller's description, or the latest value and the target when it gave none.
fn description(chart: &BulletChart, layout: &Layout) -> String {
    if !chart.description.trim().is_empty() {
        return chart.description.to_string();
    }
    let measured = |v: f64| figure(v, chart.percent, chart.lang);
    let mut parts = vec![layout.latest.map_or(chart.labels.no_data.clone(), measured)];
    parts.extend(
        layout
            .target
            .map(|t| format!("{} {}", chart.labels.target, measured(t))),
    );
    parts.join("; ")
}

/// The track, the bar from the baseline (or the target) to the latest value in the status's
/// colour, and the baseline's and target's ticks across the track.
fn draw_track(svg: &mut Svg, status: Status, layout: &Layout) {
    let x = &layout.x;
    svg.tag("rect")
        .class("track")
        .num("x", x.r0)
        .num("y", TRACK_TOP)
        .num("width", x.r1 - x.r0)
        .num("height", TRACK_HEIGHT)
        .attr("fill", ink::TRACK)
        .attr("stroke", ink::TRACK_EDGE)
        .end();
    let key = status.key();
    if let (Some(latest), Some(from)) = (layout.latest, layout.baseline.or(layout.target)) {
        let (a, b) = (x.map(from), x.map(latest));
        svg.tag("rect")
            .class(&format!("bullet-bar status-{key}"))
            .num("x", a.min(b))
            .num("y", MIDDLE - 5.0)
            .num("width", (b - a).abs())
            .num("height", 10.0)
            .attr("fill", status_colour(key))
            .end();
    }
    if let Some(b) = layout.baseline {
        svg.tag("line")
            .class("baseline")
            .num("x1", x.map(b))
            .num("x2", x.map(b))
            .num("y1", TRACK_TOP - 3.0)
            .num("y2", TRACK_TOP + TRACK_HEIGHT + 3.0)
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "2")
            .end();
    }
    if let Some(t) = layout.target {
        svg.tag("line")
            .class("target")
            .num("x1", x.map(t))
            .num("x2", x.map(t))
            .num("y1", TRACK_TOP - 5.0)
            .num("y2", TRACK_TOP + TRACK_HEIGHT + 5.0)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "4")
            .end();
    }
}

/// The latest value's status marker on the track and its figure above, or the "no data"
/// words.
fn draw_latest(svg: &mut Svg, chart: &BulletChart, layout: &Layout) {
    let Some(v) = layout.latest else {
        plain_text(
            svg,
            "no-data",
            (layout.width / 2.0, 16.0),
            "middle",
            &chart.labels.no_data,
        );
        return;
    };
    let lx = layout.x.map(v);
    status_marker(svg, chart.status, lx, MIDDLE, 7.0);
    let text = figure(v, chart.percent, chart.lang);
    let w = text_width(&text, FONT + 1.0) * 1.05;
    svg.tag("text")
        .class("value")
        .num("x", clamp_left(lx, w, 2.0, layout.width - 2.0))
        .num("y", 16.0)
        .num("font-size", FONT + 1.0)
        .attr("font-weight", "700")
        .text(&text);
}

/// The words below the track: the baseline from its tick rightwards, the target up to its
/// tick; shortened to the figures, then the baseline dropped, where they would overlap.
fn end_labels(chart: &BulletChart, layout: &Layout) -> Vec<EndLabel> {
    let (x, width) = (&layout.x, layout.width);
    let measured = |v: f64| figure(v, chart.percent, chart.lang);
    let place_baseline = |text: &str, b: f64| {
        let w = text_width(text, FONT);
        let left = (x.map(b) - 4.0).min(width - 2.0 - w).max(2.0);
        (left, left + w)
    };
    let place_target = |text: &str, t: f64| {
        let w = text_width(text, FONT);
        let left = (x.map(t) + 4.0 - w).min(width - 2.0 - w).max(2.0);
        (left, left + w)
    };
    let words = |label: &str, v: f64| {
        let text = format!("{label} {}", measured(v));
        fit(text.trim(), FONT, width / 2.0 - 8.0)
    };
    let mut labels: Vec<EndLabel> = Vec::new();
    for short in [false, true] {
        labels.clear();
        if let Some(t) = layout.target {
            let text = if short {
                measured(t)
            } else {
                words(&chart.labels.target, t)
            };
            let span = place_target(&text, t);
            labels.push(EndLabel {
                text,
                span,
                class: "label target-label",
            });
        }
        if let Some(b) = layout.baseline {
            let text = if short {
                measured(b)
            } else {
                words(&chart.labels.baseline, b)
            };
            let span = place_baseline(&text, b);
            labels.push(EndLabel {
                text,
                span,
                class: "label baseline-label",
            });
        }
        if !overlap(&labels) {
            break;
        }
    }
    if overlap(&labels) {
        labels.truncate(1);
    }
    labels
}

fn overlap(labels: &[EndLabel]) -> bool {
    match labels {
        [a, b] => a.span.0 - 8.0 < b.span.1 && b.span.0 - 8.0 < a.span.1,
        _ => false,
    }
}
