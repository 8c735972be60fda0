//! Status markers: the theme's badge shapes (✔ circle achieved, ● on track, ▲ at risk,
//! ✖ off track, ○ no data) drawn in SVG, so that a status reads without its colour.

use std::fmt::Write as _;

use super::{Svg, ink, num, status_colour};
use crate::content::plan::status::Status;

/// What every marker shares: its status's class and colour, and an outline in the
/// background colour that keeps it apart from the lines it sits on.
struct Look {
    class: String,
    fill: &'static str,
    outline: f64,
}

/// Draws the marker of `status` centred on (x, y), about `r` in radius: the same shapes as
/// the theme's status badges, so the status reads without its colour.
pub(crate) fn status_marker(svg: &mut Svg, status: Status, x: f64, y: f64, r: f64) {
    let key = status.key();
    let look = Look {
        class: format!("marker status-{key}"),
        fill: status_colour(key),
        outline: (r * 0.25).max(1.0),
    };
    match status {
        Status::OnTrack => disc(svg, &look, (x, y), r),
        Status::Achieved => {
            disc(svg, &look, (x, y), r * 1.1);
            check(svg, (x, y), r);
        }
        Status::AtRisk => outlined_path(svg, &look, &triangle((x, y), r)),
        Status::OffTrack => outlined_path(svg, &look, &cross((x, y), r)),
        Status::NoData => ring(svg, &look, (x, y), r),
    }
}

fn disc(svg: &mut Svg, look: &Look, (x, y): (f64, f64), r: f64) {
    svg.tag("circle")
        .class(&look.class)
        .num("cx", x)
        .num("cy", y)
        .num("r", r)
        .attr("fill", look.fill)
        .attr("stroke", ink::BACKGROUND)
        .num("stroke-width", look.outline)
        .end();
}

/// The check drawn over the achieved marker's disc.
fn check(svg: &mut Svg, (x, y): (f64, f64), r: f64) {
    let d = format!(
        "M{},{}L{},{}L{},{}",
        num(x - r * 0.5),
        num(y),
        num(x - r * 0.12),
        num(y + r * 0.4),
        num(x + r * 0.55),
        num(y - r * 0.45)
    );
    svg.tag("path")
        .class("marker-ink")
        .attr("d", &d)
        .attr("fill", "none")
        .attr("stroke", ink::BACKGROUND)
        .num("stroke-width", (r * 0.3).max(1.0))
        .attr("stroke-linecap", "round")
        .attr("stroke-linejoin", "round")
        .end();
}

fn triangle((x, y): (f64, f64), r: f64) -> String {
    format!(
        "M{},{}L{},{}L{},{}Z",
        num(x),
        num(y - r * 1.3),
        num(x + r * 1.2),
        num(y + r * 0.8),
        num(x - r * 1.2),
        num(y + r * 0.8)
    )
}

/// A plus of arm half-width a and half-length b, turned 45°.
fn cross((x, y): (f64, f64), r: f64) -> String {
    let (a, b) = (r * 0.38, r * 1.2);
    let plus = [
        (-a, -b),
        (a, -b),
        (a, -a),
        (b, -a),
        (b, a),
        (a, a),
        (a, b),
        (-a, b),
        (-a, a),
        (-b, a),
        (-b, -a),
        (-a, -a),
    ];
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let mut d = String::new();
    for (i, (px, py)) in plus.iter().enumerate() {
        let (rx, ry) = ((px - py) * s, (px + py) * s);
        let _ = write!(
            d,
            "{}{},{}",
            if i == 0 { "M" } else { "L" },
            num(x + rx),
            num(y + ry)
        );
    }
    d.push('Z');
    d
}

fn outlined_path(svg: &mut Svg, look: &Look, d: &str) {
    svg.tag("path")
        .class(&look.class)
        .attr("d", d)
        .attr("fill", look.fill)
        .attr("stroke", ink::BACKGROUND)
        .num("stroke-width", look.outline)
        .attr("stroke-linejoin", "round")
        .end();
}

/// A ring, drawn as one filled shape so that the status class sets its colour.
fn ring(svg: &mut Svg, look: &Look, (x, y): (f64, f64), r: f64) {
    let inner = r * 0.55;
    let d = format!(
        "M{x0},{y}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0ZM{x1},{y}a{i},{i} 0 1,1 {di},0a{i},{i} 0 1,1 -{di},0Z",
        x0 = num(x - r),
        y = num(y),
        r = num(r),
        d = num(2.0 * r),
        x1 = num(x - inner),
        i = num(inner),
        di = num(2.0 * inner),
    );
    svg.tag("path")
        .class(&look.class)
        .attr("d", &d)
        .attr("fill", look.fill)
        .attr("fill-rule", "evenodd")
        .attr("stroke", ink::BACKGROUND)
        .num("stroke-width", look.outline)
        .end();
}
