//! The latest reading by department or commune: one horizontal bar per row, the target as a
//! reference line. The chart's input and the order of its steps.

mod draw;
mod layout;

use super::{FONT, LINE, Labels, Svg, usable};
use layout::Layout;

pub struct Bar<'a> {
    /// The department's or commune's name, however long: it wraps onto two lines and is
    /// shortened with an ellipsis past that, the full name kept in the row's `<title>`.
    pub label: &'a str,
    /// Non-finite values show the "no data" words in place of a bar.
    pub value: f64,
}

pub struct BreakdownChart<'a> {
    pub id: &'a str,
    /// In user units (`charts::NARROW`, `charts::WIDE`).
    pub width: f64,
    pub title: &'a str,
    /// The finding in words, composed by the caller; made from the bars when empty.
    pub description: &'a str,
    pub lang: &'a str,
    pub percent: bool,
    /// Shown above the names for units other than percent.
    pub unit_label: &'a str,
    /// In any order: the chart sorts them, largest first (ties keep the given order; rows
    /// without data last), so the caller's table can keep its own order.
    pub bars: &'a [Bar<'a>],
    pub target: Option<f64>,
    pub labels: &'a Labels,
}

/// Names sit above their bars, across the whole width: about 45 characters a line, so
/// even "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh" takes two lines on a
/// phone, where a column beside the bars would leave each only a third of the width.
const NAME_LINES: usize = 2;
const EDGE: f64 = 4.0;
const LINE_HEIGHT: f64 = LINE;
/// Space between a name's last line and its bar, room for the target's tick across the bar.
const NAME_GAP: f64 = 6.0;
const BAR_HEIGHT: f64 = 16.0;
/// Space between a bar and the next row's name.
const ROW_GAP: f64 = 12.0;
const AXIS_ROOM: f64 = 26.0;

/// Horizontal bars of the latest reading by unit as an SVG element.
pub fn breakdown(chart: &BreakdownChart) -> String {
    let mut bars: Vec<&Bar> = chart.bars.iter().collect();
    // Stable, and NaN-free: rows without data compare as lowest.
    bars.sort_by(|a, b| key(b.value).total_cmp(&key(a.value)));
    let layout = Layout::new(chart, &bars);

    let description = if chart.description.trim().is_empty() {
        // Each row's title already says its name and value, in the rows' order.
        let rows: Vec<&str> = layout.rows.iter().map(|r| r.title.as_str()).collect();
        rows.join("; ")
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "breakdown",
        chart.id,
        (layout.width, layout.height),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);
    draw::value_axis(&mut svg, &layout);
    draw::target_and_unit(&mut svg, &layout);
    if layout.rows.is_empty() {
        draw::no_rows(&mut svg, &layout, chart.labels);
    }
    for row in &layout.rows {
        draw::row(&mut svg, row, &layout);
    }
    svg.close("g");
    svg.finish()
}

/// The sort key: rows without data after every value.
fn key(value: f64) -> f64 {
    if usable(value) {
        value
    } else {
        f64::NEG_INFINITY
    }
}
