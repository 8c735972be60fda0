//! A plan at a glance: targets (or tasks) by status as one stacked bar with a text legend.

use super::{
    CENTRE, FONT, LINE, Svg, chart_width, fit, ink, plain_text, status_colour, text_width,
};
use crate::format;

pub struct Segment<'a> {
    /// The status's key ("achieved", "on_track", "overdue"…): sets the colour class and the
    /// pattern.
    pub key: &'a str,
    /// The status in words, as the page says it.
    pub label: &'a str,
    pub count: usize,
}

pub struct StatusBar<'a> {
    pub id: &'a str,
    /// In user units (`charts::NARROW`, `charts::WIDE`).
    pub width: f64,
    pub title: &'a str,
    /// The finding in words; made from the legend when empty.
    pub description: &'a str,
    pub lang: &'a str,
    /// In the order to show, left to right; segments with no count stay in the legend only.
    pub segments: &'a [Segment<'a>],
}

const BAR_TOP: f64 = 4.0;
const BAR_HEIGHT: f64 = 28.0;
const EDGE: f64 = 2.0;
/// The narrowest a non-empty segment gets, so that a single overdue task still shows.
const MIN_SEGMENT: f64 = 6.0;
const SWATCH: f64 = 16.0;
const LEGEND_ROW: f64 = LINE + 4.0;
const LEGEND_GAP: f64 = 18.0;

/// How a status fills its segment besides its colour: patterns keep statuses apart in
/// greyscale print and forced colours, and match the theme's badge shapes in spirit (solid
/// for done, a cross-hatch for overdue).
#[derive(Clone, Copy)]
enum Fill {
    Solid,
    Stripes,
    Dots,
    CrossHatch,
    Horizontal,
    Vertical,
}

const FILLS: [Fill; 6] = [
    Fill::Solid,
    Fill::Stripes,
    Fill::Dots,
    Fill::CrossHatch,
    Fill::Horizontal,
    Fill::Vertical,
];

fn fill_for(key: &str, index: usize) -> Fill {
    match key {
        "achieved" | "done" => Fill::Solid,
        "on_track" | "in_progress" => Fill::Stripes,
        "at_risk" => Fill::Dots,
        "off_track" | "overdue" => Fill::CrossHatch,
        "no_data" | "not_started" => Fill::Horizontal,
        "cancelled" => Fill::Vertical,
        _ => FILLS[index % FILLS.len()],
    }
}

/// The pattern's lines within an 8×8 tile, drawn in the background colour.
fn ink_path(fill: Fill) -> Option<&'static str> {
    match fill {
        Fill::Solid => None,
        Fill::Stripes => Some("M-2,2L2,-2M0,8L8,0M6,10L10,6"),
        Fill::Dots => Some("M2,2h0.1M6,6h0.1"),
        Fill::CrossHatch => Some("M-2,2L2,-2M0,8L8,0M6,10L10,6M-2,6L2,10M0,0L8,8M6,-2L10,2"),
        Fill::Horizontal => Some("M0,2H8M0,6H8"),
        Fill::Vertical => Some("M2,0V8M6,0V8"),
    }
}

/// The legend's items ("Đã đạt: 12") flowing in rows across the width.
struct Legend {
    items: Vec<String>,
    /// Each item's left edge and row.
    places: Vec<(f64, f64)>,
    /// Where the first row starts.
    top: f64,
    rows: f64,
}

/// One stacked bar of counts by status, with a legend naming each status and its count.
pub fn status_bar(chart: &StatusBar) -> String {
    let width = chart_width(chart.width);
    let legend = legend(chart, width);
    let height = legend.top + legend.rows * LEGEND_ROW + 2.0;
    let description = if chart.description.trim().is_empty() {
        legend.items.join("; ")
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "status-bar",
        chart.id,
        (width, height),
        chart.title,
        &description,
    );
    let id = svg.id().to_string();
    svg.open_drawing(FONT);
    let classes: Vec<String> = chart.segments.iter().map(|s| class_key(s.key)).collect();
    draw_patterns(&mut svg, chart.segments, &id, &classes);
    draw_bar(&mut svg, chart.segments, (&id, width), &classes);
    draw_legend(&mut svg, &legend, &id);
    svg.close("g");
    svg.finish()
}

fn legend(chart: &StatusBar, width: f64) -> Legend {
    let items: Vec<String> = chart
        .segments
        .iter()
        .map(|s| {
            let count = format::number(s.count as f64, 0, chart.lang);
            let item = format!("{}: {count}", s.label.trim());
            fit(&item, FONT, width - 2.0 * EDGE - SWATCH - 6.0)
        })
        .collect();
    let mut places: Vec<(f64, f64)> = Vec::new();
    let (mut lx, mut row) = (EDGE, 0.0);
    for item in &items {
        let item_width = SWATCH + 6.0 + text_width(item, FONT);
        if lx > EDGE && lx + item_width > width - EDGE {
            lx = EDGE;
            row += 1.0;
        }
        places.push((lx, row));
        lx += item_width + LEGEND_GAP;
    }
    let rows = if items.is_empty() { 0.0 } else { row + 1.0 };
    Legend {
        items,
        places,
        top: BAR_TOP + BAR_HEIGHT + 12.0,
        rows,
    }
}

/// One pattern per segment, `ID-pattern-INDEX`: the status's colour with its pattern's
/// lines over it, shared by the bar and the legend's swatches.
fn draw_patterns(svg: &mut Svg, segments: &[Segment], id: &str, classes: &[String]) {
    svg.tag("defs").open();
    for (i, segment) in segments.iter().enumerate() {
        svg.tag("pattern")
            .attr("id", &format!("{id}-pattern-{i}"))
            .attr("width", "8")
            .attr("height", "8")
            .attr("patternUnits", "userSpaceOnUse")
            .open();
        svg.tag("rect")
            .class(&format!("status-{}", classes[i]))
            .attr("width", "8")
            .attr("height", "8")
            .attr("fill", status_colour(segment.key))
            .end();
        if let Some(d) = ink_path(fill_for(segment.key, i)) {
            svg.tag("path")
                .class("pattern-ink")
                .attr("d", d)
                .attr("fill", "none")
                .attr("stroke", ink::BACKGROUND)
                .attr("stroke-width", "2")
                .attr("stroke-linecap", "round")
                .end();
        }
        svg.close("pattern");
    }
    svg.close("defs");
}

/// The track and a segment for each status with a count, as wide as its share.
/// `frame` is the chart's id and width.
fn draw_bar(svg: &mut Svg, segments: &[Segment], frame: (&str, f64), classes: &[String]) {
    let (id, width) = frame;
    svg.tag("rect")
        .class("track")
        .num("x", EDGE)
        .num("y", BAR_TOP)
        .num("width", width - 2.0 * EDGE)
        .num("height", BAR_HEIGHT)
        .attr("fill", ink::TRACK)
        .attr("stroke", ink::TRACK_EDGE)
        .end();
    let total: usize = segments.iter().map(|s| s.count).sum();
    let shown = segments.iter().filter(|s| s.count > 0).count();
    let room = width - 2.0 * EDGE - MIN_SEGMENT * shown as f64;
    let mut x = EDGE;
    for (i, segment) in segments.iter().enumerate() {
        if segment.count == 0 {
            continue;
        }
        let segment_width = MIN_SEGMENT + room * segment.count as f64 / total as f64;
        svg.tag("rect")
            .class(&format!("segment segment-{}", classes[i]))
            .num("x", x)
            .num("y", BAR_TOP)
            .num("width", segment_width)
            .num("height", BAR_HEIGHT)
            .attr("fill", &format!("url(#{id}-pattern-{i})"))
            .attr("stroke", ink::BACKGROUND)
            .attr("stroke-width", "2")
            .end();
        x += segment_width;
    }
}

/// Each item with a swatch of its segment's pattern.
fn draw_legend(svg: &mut Svg, legend: &Legend, id: &str) {
    for (i, (item, (lx, row))) in legend.items.iter().zip(&legend.places).enumerate() {
        let top = legend.top + row * LEGEND_ROW;
        svg.tag("rect")
            .class("swatch")
            .num("x", *lx)
            .num("y", top)
            .num("width", SWATCH)
            .num("height", SWATCH)
            .attr("fill", &format!("url(#{id}-pattern-{i})"))
            .attr("stroke", ink::TEXT)
            .end();
        plain_text(
            svg,
            "legend",
            (lx + SWATCH + 6.0, top + SWATCH / 2.0 + CENTRE),
            "start",
            item,
        );
    }
}

/// A status key as a class name.
fn class_key(key: &str) -> String {
    let key: String = key
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key.is_empty() {
        String::from("unknown")
    } else {
        key
    }
}
