//! Compact progress: a bullet bar from baseline to target for cards, and a sparkline for the
//! home and group pages.

use super::axis::{self, Scale};
use super::{
    FONT, Labels, Svg, WIDTH, clamp_left, figure, fit, ink, num, plain_text, status_colour,
    status_marker, text_width, usable,
};
use crate::format;
use crate::status::{Direction, Point, Status};

pub struct BulletChart<'a> {
    pub id: &'a str,
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

const BULLET_HEIGHT: f64 = 66.0;
const TRACK_TOP: f64 = 26.0;
const TRACK_HEIGHT: f64 = 16.0;
const EDGE: f64 = 10.0;

/// The way from baseline to target as a bar that fills up, for cards.
///
/// The baseline is always on the left and the target on the right, falling targets too (the
/// scale then runs from high to low values): the bar reads as the share of the way covered.
/// A reading past the target or behind the baseline widens the scale, up to half the way
/// again on either side. A level to hold (`maintain`, or baseline equal to target) centres the
/// scale on the target, with the bar showing how far the reading strays.
pub fn bullet(chart: &BulletChart) -> String {
    let lang = chart.lang;
    let measured = |v: f64| figure(v, chart.percent, lang);
    let baseline = Some(chart.baseline).filter(|v| usable(*v));
    let target = Some(chart.target).filter(|v| usable(*v));
    let latest = chart.latest.filter(|v| usable(*v));
    let (r0, r1) = (EDGE, WIDTH - EDGE);

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
    let middle = TRACK_TOP + TRACK_HEIGHT / 2.0;

    let description = if chart.description.trim().is_empty() {
        let mut parts = vec![latest.map_or(chart.labels.no_data.clone(), measured)];
        parts.extend(target.map(|t| format!("{} {}", chart.labels.target, measured(t))));
        parts.join("; ")
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "bullet",
        chart.id,
        (WIDTH, BULLET_HEIGHT),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);

    svg.tag("rect")
        .class("track")
        .num("x", r0)
        .num("y", TRACK_TOP)
        .num("width", r1 - r0)
        .num("height", TRACK_HEIGHT)
        .attr("fill", ink::TRACK)
        .attr("stroke", ink::TRACK_EDGE)
        .end();
    let key = chart.status.key();
    if let (Some(latest), Some(from)) = (latest, baseline.or(target)) {
        let (a, b) = (x.map(from), x.map(latest));
        svg.tag("rect")
            .class(&format!("bullet-bar status-{key}"))
            .num("x", a.min(b))
            .num("y", middle - 5.0)
            .num("width", (b - a).abs())
            .num("height", 10.0)
            .attr("fill", status_colour(key))
            .end();
    }
    if let Some(b) = baseline {
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
    if let Some(t) = target {
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
    match latest {
        Some(v) => {
            let lx = x.map(v);
            status_marker(&mut svg, chart.status, lx, middle, 7.0);
            let text = measured(v);
            let w = text_width(&text, FONT + 1.0) * 1.05;
            svg.tag("text")
                .class("value")
                .num("x", clamp_left(lx, w, 2.0, WIDTH - 2.0))
                .num("y", 16.0)
                .num("font-size", FONT + 1.0)
                .attr("font-weight", "700")
                .attr("fill", ink::TEXT)
                .text(&text);
        }
        None => {
            plain_text(
                &mut svg,
                "no-data",
                WIDTH / 2.0,
                16.0,
                "middle",
                &chart.labels.no_data,
            );
        }
    }

    // Below the track: the baseline from its tick rightwards, the target up to its tick;
    // shortened to the figures, then the baseline dropped, where they would overlap.
    let below = BULLET_HEIGHT - 6.0;
    let place_baseline = |text: &str, b: f64| {
        let w = text_width(text, FONT);
        let left = (x.map(b) - 4.0).min(WIDTH - 2.0 - w).max(2.0);
        (left, left + w)
    };
    let place_target = |text: &str, t: f64| {
        let w = text_width(text, FONT);
        let left = (x.map(t) + 4.0 - w).min(WIDTH - 2.0 - w).max(2.0);
        (left, left + w)
    };
    let words = |label: &str, v: f64| {
        let text = format!("{label} {}", measured(v));
        fit(text.trim(), FONT, WIDTH / 2.0 - 8.0)
    };
    let mut texts: Vec<(String, (f64, f64), &str)> = Vec::new();
    for short in [false, true] {
        texts.clear();
        if let Some(t) = target {
            let text = if short {
                measured(t)
            } else {
                words(&chart.labels.target, t)
            };
            let span = place_target(&text, t);
            texts.push((text, span, "label target-label"));
        }
        if let Some(b) = baseline {
            let text = if short {
                measured(b)
            } else {
                words(&chart.labels.baseline, b)
            };
            let span = place_baseline(&text, b);
            texts.push((text, span, "label baseline-label"));
        }
        if !overlap(&texts) {
            break;
        }
    }
    if overlap(&texts) {
        texts.truncate(1);
    }
    for (text, (left, _), class) in &texts {
        plain_text(&mut svg, class, *left, below, "start", text);
    }

    svg.close("g");
    svg.finish()
}

fn overlap(texts: &[(String, (f64, f64), &str)]) -> bool {
    match texts {
        [(_, a, _), (_, b, _)] => a.0 - 8.0 < b.1 && b.0 - 8.0 < a.1,
        _ => false,
    }
}

pub struct Sparkline<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The finding in words; made from the latest reading when empty.
    pub description: &'a str,
    /// Overall readings in any order.
    pub readings: &'a [Point],
    pub target: Option<f64>,
    pub status: Status,
}

const SPARK_WIDTH: f64 = 120.0;
const SPARK_HEIGHT: f64 = 32.0;
const SPARK_INSET: f64 = 6.0;

/// A tiny trend without text (its words are in the title and description): readings joined
/// where consecutive, the target dashed, the latest reading in its status's shape. Sized by
/// the theme (e.g. `.chart-sparkline { width: 7.5em }`), as it has no labels to keep legible.
pub fn sparkline(chart: &Sparkline) -> String {
    let mut readings: Vec<Point> = chart
        .readings
        .iter()
        .copied()
        .filter(|p| usable(p.value))
        .collect();
    readings.sort_by_key(|p| p.period);
    let target = chart.target.filter(|t| usable(*t));

    let (mut lo, mut hi) = readings
        .iter()
        .map(|p| p.value)
        .chain(target)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo <= hi.abs().max(lo.abs()) * 1e-9 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo, hi) = (lo - pad, hi + pad);
    }
    let y = Scale {
        d0: hi,
        d1: lo,
        r0: SPARK_INSET,
        r1: SPARK_HEIGHT - SPARK_INSET,
    };
    let (d0, d1) = match (readings.first(), readings.last()) {
        (Some(first), Some(last)) => (axis::day(&first.period), axis::day(&last.period)),
        _ => (0.0, 1.0),
    };
    let x = Scale {
        d0,
        d1,
        r0: SPARK_INSET,
        r1: SPARK_WIDTH - SPARK_INSET,
    };
    let at = |p: &Point| (x.map(axis::day(&p.period)), y.map(p.value));

    let description = if chart.description.trim().is_empty() {
        readings.last().map_or(String::from("–"), |p| {
            format!("{} ({})", format::number(p.value, 2, "en"), p.period)
        })
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "sparkline",
        chart.id,
        (SPARK_WIDTH, SPARK_HEIGHT),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);

    if let Some(t) = target {
        let ty = y.map(t);
        svg.tag("line")
            .class("target")
            .num("x1", 0.0)
            .num("x2", SPARK_WIDTH)
            .num("y1", ty)
            .num("y2", ty)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "1.5")
            .attr("stroke-dasharray", "4 3")
            .end();
    }
    if readings.is_empty() {
        let my = SPARK_HEIGHT / 2.0;
        svg.tag("line")
            .class("track")
            .num("x1", SPARK_INSET)
            .num("x2", SPARK_WIDTH - SPARK_INSET)
            .num("y1", my)
            .num("y2", my)
            .attr("stroke", ink::TRACK_EDGE)
            .attr("stroke-width", "1.5")
            .attr("stroke-dasharray", "0.1 4")
            .attr("stroke-linecap", "round")
            .end();
    }
    let joined: Vec<bool> = (0..readings.len())
        .map(|i| i > 0 && axis::continues(&readings[i - 1].period, &readings[i].period))
        .collect();
    if readings.len() > 1 {
        let mut d = String::new();
        for (i, point) in readings.iter().enumerate() {
            let (px, py) = at(point);
            d.push(if joined[i] { 'L' } else { 'M' });
            d.push_str(&format!("{},{}", num(px), num(py)));
        }
        svg.tag("path")
            .class("series")
            .attr("d", &d)
            .attr("fill", "none")
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "2")
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round")
            .end();
    }
    // A reading joined to neither neighbour would be invisible without its own dot.
    let last = readings.len().saturating_sub(1);
    for (i, point) in readings.iter().enumerate().take(last) {
        if !joined[i] && !joined[i + 1] {
            let (px, py) = at(point);
            svg.tag("circle")
                .class("reading")
                .num("cx", px)
                .num("cy", py)
                .attr("r", "2")
                .attr("fill", ink::TEXT)
                .end();
        }
    }
    if let Some(point) = readings.last() {
        let (px, py) = at(point);
        status_marker(&mut svg, chart.status, px, py, 4.0);
    }

    svg.close("g");
    svg.finish()
}
