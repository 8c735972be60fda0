//! The sparkline for the home and group pages: a tiny trend without text, its words in the
//! title and description.

use super::super::axis::{self, Scale};
use super::super::{FONT, Svg, ink, num, status_marker, usable};
use crate::content::plan::status::{Point, Status};
use crate::format;

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

/// The readings that can be drawn, in period order, and the scales they are drawn on.
struct Layout {
    readings: Vec<Point>,
    /// For each reading, whether it continues the one before (no period missing between).
    joined: Vec<bool>,
    target: Option<f64>,
    x: Scale,
    y: Scale,
}

impl Layout {
    fn at(&self, point: &Point) -> (f64, f64) {
        (
            self.x.map(axis::day(&point.period)),
            self.y.map(point.value),
        )
    }
}

/// A tiny trend without text (its words are in the title and description): readings joined
/// where consecutive, the target dashed, the latest reading in its status's shape. Sized by
/// the theme (e.g. `.chart-sparkline { width: 7.5em }`), as it has no labels to keep legible.
pub fn sparkline(chart: &Sparkline) -> String {
    let layout = layout(chart);
    let description = if chart.description.trim().is_empty() {
        layout.readings.last().map_or(String::from("–"), |p| {
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
    draw_target_or_track(&mut svg, &layout);
    draw_readings(&mut svg, &layout);
    if let Some(point) = layout.readings.last() {
        let (px, py) = layout.at(point);
        status_marker(&mut svg, chart.status, px, py, 4.0);
    }
    svg.close("g");
    svg.finish()
}

fn layout(chart: &Sparkline) -> Layout {
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
    let joined: Vec<bool> = (0..readings.len())
        .map(|i| i > 0 && axis::continues(&readings[i - 1].period, &readings[i].period))
        .collect();
    Layout {
        readings,
        joined,
        target,
        x,
        y,
    }
}

/// The target's dashed line, and a dotted track where there are no readings so that the
/// chart is not blank.
fn draw_target_or_track(svg: &mut Svg, layout: &Layout) {
    if let Some(t) = layout.target {
        let ty = layout.y.map(t);
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
    if layout.readings.is_empty() {
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
}

/// The readings' line, one run per stretch of consecutive periods, and a dot on each
/// reading that would otherwise not show.
fn draw_readings(svg: &mut Svg, layout: &Layout) {
    let (readings, joined) = (&layout.readings, &layout.joined);
    if readings.len() > 1 {
        let mut d = String::new();
        for (i, point) in readings.iter().enumerate() {
            let (px, py) = layout.at(point);
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
    // A reading joined to neither neighbour would be invisible without its own dot; the
    // latest gets its status's marker instead.
    let last = readings.len().saturating_sub(1);
    for (i, point) in readings.iter().enumerate().take(last) {
        if !joined[i] && !joined[i + 1] {
            let (px, py) = layout.at(point);
            svg.tag("circle")
                .class("reading")
                .num("cx", px)
                .num("cy", py)
                .attr("r", "2")
                .attr("fill", ink::TEXT)
                .end();
        }
    }
}
