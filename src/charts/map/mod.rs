//! A choropleth map of the latest reading by place: each place's outline filled by the class
//! of its value, with a pattern as well as a shade (so greyscale print and forced colours
//! keep the classes apart), each place named where its outline leaves room, and a legend
//! in words with a swatch per class and the places without data named.
//!
//! The shapes come in longitude and latitude; the map projects them to fit the chart's
//! width (`geo::Projection`) and simplifies each outline to what that size can show
//! (`TOLERANCE`, under a pixel at any width the theme gives a chart), so a boundary file
//! exported at survey detail still makes a small page.

mod classes;
mod draw;

use super::{ASCENT, DESCENT, FONT, LINE, Svg, chart_width, fit, text_width, usable, wrap};
use crate::geo::{self, Bounds, Polygon, Projection, Shape};
use classes::Classes;

/// One place on the map.
pub struct Area<'a> {
    /// The place's id: its path's class `place-ID`, for the theme and for tests.
    pub id: &'a str,
    /// The place's name: its label on the map, and its path's `<title>` with the value.
    pub name: &'a str,
    /// `None` (or a value that cannot be drawn) fills the place with the "no data" pattern
    /// and names it in the legend.
    pub value: Option<f64>,
    /// In longitude and latitude.
    pub shape: &'a Shape,
}

/// The legend's words, in the page's language, `{value}`, `{from}` and `{to}` filled in
/// by the map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapLabels {
    /// The lowest class: "dưới {value}" / "under {value}".
    pub below: String,
    /// A middle class: "{from}–{to}".
    pub range: String,
    /// The highest class: "{value} trở lên" / "{value} or more".
    pub above: String,
    /// "Chưa có số liệu" / "No data", before the places without data.
    pub no_data: String,
}

pub struct MapChart<'a> {
    pub id: &'a str,
    /// In user units (`charts::NARROW`, `charts::WIDE`).
    pub width: f64,
    pub title: &'a str,
    /// The finding in words (highest and lowest places), composed by the caller; made
    /// from the places' values when empty.
    pub description: &'a str,
    pub lang: &'a str,
    pub percent: bool,
    /// Shown above the legend for units other than percent.
    pub unit_label: &'a str,
    pub areas: &'a [Area<'a>],
    pub labels: &'a MapLabels,
}

/// How far an outline may move when simplified, in user units: under half a pixel as the
/// theme draws either width (the narrow drawing at most 22rem for 288 units, the wide one
/// about 72ch for 640).
const TOLERANCE: f64 = 0.4;
/// The tallest the map itself gets; a tall province is drawn narrower, centred.
const MAX_HEIGHT: f64 = 360.0;
const MAP_TOP: f64 = 4.0;
/// Space kept at the left and right of the map and the legend.
const EDGE_GAP: f64 = 4.0;
/// Place names on the map, one or two lines: the size of all chart text, which the theme
/// keeps at 12 px or more in either drawing (13 units would be 11.4 px where the wide drawing
/// starts).
const LABEL_FONT: f64 = FONT;
/// Far enough apart that the lines' boxes (see `ASCENT`) do not meet.
const LABEL_LINE: f64 = LABEL_FONT * (ASCENT + DESCENT) + 1.0;
const SWATCH_WIDTH: f64 = 24.0;
const SWATCH_HEIGHT: f64 = 16.0;
const LEGEND_ROW: f64 = 24.0;
const LEGEND_GAP: f64 = 18.0;
/// How many lines the names of the places without data may take.
const NO_DATA_LINES: usize = 3;

/// One place as drawn.
struct Drawn<'a> {
    area: &'a Area<'a>,
    /// The class of its value, or `None` for no data.
    class: Option<usize>,
    path: String,
    label: Option<Label>,
}

/// A place's name inside its outline: centred on `x`, first baseline at `y`.
struct Label {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

/// One legend entry: a swatch and its words (one line, or several for the places without
/// data).
struct LegendItem {
    /// The class's look (1–5), or `None` for no data.
    look: Option<usize>,
    lines: Vec<String>,
    x: f64,
    top: f64,
}

/// The computed geometry of a map.
struct Layout<'a> {
    /// The viewBox's width.
    width: f64,
    areas: Vec<Drawn<'a>>,
    classes: Classes,
    /// The unit's name above the legend, with its baseline.
    unit: Option<(String, f64)>,
    legend: Vec<LegendItem>,
    height: f64,
}

/// A choropleth map of `chart.areas` as an SVG element.
pub fn choropleth(chart: &MapChart) -> String {
    let layout = layout(chart);
    let description = if chart.description.trim().is_empty() {
        layout
            .areas
            .iter()
            .map(|d| title_of(chart, d.area))
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "map",
        chart.id,
        (layout.width, layout.height),
        chart.title,
        &description,
    );
    let id = svg.id().to_string();
    svg.open_drawing(FONT);
    draw::patterns(&mut svg, &id, &layout);
    draw::areas(&mut svg, &id, chart, &layout);
    draw::labels(&mut svg, &layout);
    draw::legend(&mut svg, &id, &layout);
    svg.close("g");
    svg.finish()
}

/// A place's name and value in words: its path's `<title>`.
fn title_of(chart: &MapChart, area: &Area) -> String {
    let value = match area.value.filter(|v| usable(*v)) {
        Some(v) => super::figure(v, chart.percent, chart.lang),
        None => chart.labels.no_data.clone(),
    };
    format!("{}: {value}", area.name.trim())
}

fn layout<'a>(chart: &'a MapChart<'a>) -> Layout<'a> {
    let width = chart_width(chart.width);
    let values: Vec<f64> = chart
        .areas
        .iter()
        .filter_map(|a| a.value.filter(|v| usable(*v)))
        .collect();
    let classes = Classes::of(&values);
    let bounds = Bounds::of(chart.areas.iter().flat_map(|a| a.shape.points())).unwrap_or(Bounds {
        min: (0.0, 0.0),
        max: (0.0, 0.0),
    });
    let projection = Projection::fit(bounds, width - 2.0 * EDGE_GAP, MAX_HEIGHT);
    let areas: Vec<Drawn> = chart
        .areas
        .iter()
        .map(|area| {
            let polygons = projected(area.shape, &projection);
            Drawn {
                area,
                class: area
                    .value
                    .filter(|v| usable(*v))
                    .map(|v| classes.class_of(v)),
                path: path_data(&polygons),
                label: label(area.name, &polygons),
            }
        })
        .collect();
    let mut top = MAP_TOP + projection.size().1 + 16.0;
    let unit = Some(chart.unit_label.trim())
        .filter(|u| !chart.percent && !u.is_empty())
        .map(|u| {
            let baseline = top + FONT;
            top += LEGEND_ROW;
            (fit(u, FONT, width - 2.0 * EDGE_GAP), baseline)
        });
    let (legend, bottom) = legend(chart, &classes, &areas, (top, width));
    Layout {
        width,
        areas,
        classes,
        unit,
        legend,
        height: bottom + 4.0,
    }
}

/// A shape's polygons projected into the chart and simplified; a place too small to keep
/// any ring once simplified keeps its outlines as they are, so that it still shows.
fn projected(shape: &Shape, projection: &Projection) -> Vec<Polygon> {
    let project = |ring: &geo::Ring| -> geo::Ring {
        ring.iter()
            .map(|p| {
                let (x, y) = projection.apply(*p);
                (x + EDGE_GAP, y + MAP_TOP)
            })
            .collect()
    };
    let simplified: Vec<Polygon> = shape
        .polygons
        .iter()
        .filter_map(|polygon| {
            let mut rings = polygon
                .iter()
                .map(|ring| geo::simplify_ring(&project(ring), TOLERANCE));
            let outer = rings.next().filter(|r| r.len() >= 3)?;
            Some(
                std::iter::once(outer)
                    .chain(rings.filter(|r| r.len() >= 3))
                    .collect(),
            )
        })
        .collect();
    if simplified.is_empty() {
        shape
            .polygons
            .iter()
            .map(|polygon| polygon.iter().map(project).collect())
            .collect()
    } else {
        simplified
    }
}

/// SVG path data: each ring `M x,y L … Z`, with points that round to the one before them
/// left out.
fn path_data(polygons: &[Polygon]) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        let mut last: Option<(String, String)> = None;
        for &(x, y) in ring {
            let point = (super::num(x), super::num(y));
            if last.as_ref() == Some(&point) {
                continue;
            }
            d.push(if last.is_none() { 'M' } else { 'L' });
            d.push_str(&point.0);
            d.push(',');
            d.push_str(&point.1);
            last = Some(point);
        }
        if last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// The place's name where its outline leaves room: on one line, or on two, or not at all
/// (the legend's table beside the map names every place anyway).
fn label(name: &str, polygons: &[Polygon]) -> Option<Label> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let centre = LABEL_FONT * 0.35;
    let needed = text_width(name, LABEL_FONT) + 4.0;
    if let Some(((x, y), room)) = geo::label_room(polygons, needed, LABEL_LINE)
        && needed <= room
    {
        return Some(Label {
            x,
            y: y + centre,
            lines: vec![name.to_string()],
        });
    }
    // Two lines as even as the words allow: "Phường / Minh An", not "Phường Minh / An".
    let words: Vec<&str> = name.split_whitespace().collect();
    let widest = |(one, two): &(String, String)| {
        text_width(one, LABEL_FONT).max(text_width(two, LABEL_FONT))
    };
    let (first, second) = (1..words.len())
        .map(|k| (words[..k].join(" "), words[k..].join(" ")))
        .min_by(|a, b| widest(a).total_cmp(&widest(b)))?;
    let needed = widest(&(first.clone(), second.clone())) + 4.0;
    let ((x, y), room) = geo::label_room(polygons, needed, 2.0 * LABEL_LINE)?;
    (needed <= room).then(|| Label {
        x,
        y: y - LABEL_LINE / 2.0 + centre,
        lines: vec![first, second],
    })
}

/// The legend below the map from `frame`'s top across its width: a swatch and words for
/// each class, flowing across the width, then the "no data" swatch naming the places
/// without data. Returns the items and where the legend ends.
fn legend(
    chart: &MapChart,
    classes: &Classes,
    areas: &[Drawn],
    frame: (f64, f64),
) -> (Vec<LegendItem>, f64) {
    let (top, width) = frame;
    let text_left = SWATCH_WIDTH + 6.0;
    let right = width - EDGE_GAP;
    let mut items: Vec<LegendItem> = Vec::new();
    let (mut x, mut row_top) = (EDGE_GAP, top);
    if classes.count() > 0 && areas.iter().any(|a| a.class.is_some()) {
        for i in 0..classes.count() {
            let words = fit(
                &classes.words(i, chart.labels, chart.percent, chart.lang),
                FONT,
                right - EDGE_GAP - text_left,
            );
            let width = text_left + text_width(&words, FONT);
            if x > EDGE_GAP && x + width > right {
                x = EDGE_GAP;
                row_top += LEGEND_ROW;
            }
            items.push(LegendItem {
                look: Some(classes.look(i)),
                lines: vec![words],
                x,
                top: row_top,
            });
            x += width + LEGEND_GAP;
        }
        row_top += LEGEND_ROW;
    }
    let missing: Vec<&str> = areas
        .iter()
        .filter(|a| a.class.is_none())
        .map(|a| a.area.name.trim())
        .collect();
    if !missing.is_empty() {
        let words = format!("{}: {}", chart.labels.no_data.trim(), missing.join(", "));
        let lines = wrap(&words, FONT, right - EDGE_GAP - text_left, NO_DATA_LINES);
        let height = (lines.len().max(1) - 1) as f64 * LINE;
        items.push(LegendItem {
            look: None,
            lines,
            x: EDGE_GAP,
            top: row_top,
        });
        row_top += LEGEND_ROW + height;
    }
    (items, row_top - 4.0)
}

#[cfg(test)]
pub(super) mod tests;
