//! An indicator's readings over time, with its baseline, milestones, target and the straight
//! path from baseline to target: the chart's input and the order of its steps.

mod draw;
mod labels;
mod layout;
mod legend;
mod time;

use super::{FONT, LINE, Labels, Svg};
use crate::content::plan::status::{Direction, Point, Status};
use layout::{Layout, Series};

pub struct TrendChart<'a> {
    /// Unique within the page; prefixes the ids of the title and the description.
    pub id: &'a str,
    /// In user units (`charts::NARROW`, `charts::WIDE`).
    pub width: f64,
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
const UNIT_ROOM: f64 = 18.0;
const UNIT_BASELINE: f64 = 16.0;
const RIGHT: f64 = 8.0;
/// Keeps the markers at the ends of the time axis inside the plot.
const INSET: f64 = 12.0;
/// Room a label below its point needs inside the plot.
const LABEL_ROOM: f64 = 28.0;
/// The first row of time labels' baseline under the plot; the year row is a line lower.
const TIME_BASELINE: f64 = 20.0;
/// A legend row: its items' markers are at most 14 units tall.
const LEGEND_ROW: f64 = LINE + 4.0;
/// The latest value stands out from the other labels.
const VALUE_SIZE: f64 = FONT + 1.0;

/// The trend chart of one indicator as an SVG element.
///
/// Each reading sits at the last day of its period (see `axis::day`); readings are joined
/// only where no period is missing between them (`axis::continues`), so a gap stays a gap.
pub fn trend(chart: &TrendChart) -> String {
    let series = Series::new(chart);
    let layout = Layout::new(chart, &series);
    let (placed, left_over) = labels::place(chart, &series, &layout);
    let legend = legend::Legend::new(chart, &series, &layout, left_over);

    let description = legend::description(chart, &series);
    let mut svg = Svg::new(
        "trend",
        chart.id,
        (layout.width, legend.bottom(&layout)),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);
    draw::value_axis(&mut svg, &layout);
    draw::time_axis(&mut svg, &layout);
    draw::target_and_path(&mut svg, &layout, &series);
    draw::readings(&mut svg, &layout, &series);
    draw::markers(&mut svg, &layout, &series, chart.status);
    // Labels after the lines and markers, so that they read over them.
    draw::labels(&mut svg, &placed);
    legend.draw(&mut svg, chart.status);
    svg.close("g");
    svg.finish()
}
