//! The trend chart's words outside the plot: the description screen readers read and the
//! legend under the time axis, which names the path to the target and the milestones and
//! takes the labels that found no place in the plot, each beside its marker.

use super::super::{
    CENTRE, DESCENT, FONT, LINE, Svg, fit, ink, plain_text, status_marker, text_width,
};
use super::draw::{baseline_marker, milestone_marker, target_marker};
use super::labels::LeftOver;
use super::layout::{Layout, Series};
use super::{LEGEND_ROW, TrendChart};
use crate::content::plan::status::Status;
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

/// What an item of the legend shows before its words.
#[derive(Clone, Copy)]
enum Symbol {
    Path,
    Milestone,
    Target,
    Baseline,
    Latest,
    Nothing,
}

impl Symbol {
    /// The room the symbol takes, with the space before the words.
    fn room(self) -> f64 {
        match self {
            Symbol::Path => 25.0,
            Symbol::Nothing => 0.0,
            _ => 18.0,
        }
    }
}

struct Item {
    symbol: Symbol,
    text: String,
    /// Left edge and row.
    place: (f64, usize),
}

/// The legend's items flowing in rows under the time axis, from the plot's left edge.
pub(super) struct Legend {
    items: Vec<Item>,
    /// The first row's baseline.
    top: f64,
}

/// Room between two items of a row.
const ITEM_GAP: f64 = 16.0;

impl Legend {
    pub(super) fn new(
        chart: &TrendChart,
        series: &Series,
        layout: &Layout,
        left_over: LeftOver,
    ) -> Legend {
        let labels = chart.labels;
        let mut wanted: Vec<(Symbol, String)> = Vec::new();
        if series.baseline.is_some() && series.target.is_some() {
            wanted.push((Symbol::Path, labels.path.clone()));
        }
        if !series.milestones.is_empty() {
            wanted.push((Symbol::Milestone, labels.milestone.clone()));
        }
        if let Some(latest) = left_over.latest {
            wanted.push((Symbol::Latest, format!("{} {latest}", labels.latest)));
        }
        wanted.extend(left_over.target.map(|t| (Symbol::Target, t)));
        wanted.extend(left_over.baseline.map(|b| (Symbol::Baseline, b)));
        wanted.extend(left_over.no_data.map(|n| (Symbol::Nothing, n)));

        // From the plot's left edge, or from the chart's when that saves a row.
        let end = layout.width - 2.0;
        let aligned = flow(&wanted, layout.left.min(layout.width / 4.0), end);
        let items = match flow(&wanted, 2.0, end) {
            edge if rows(&edge) < rows(&aligned) => edge,
            _ => aligned,
        };
        let time_rows = layout.time.rows.max(1) as f64;
        Legend {
            items,
            top: layout.bottom + layout.time_baseline + time_rows * LINE + 6.0,
        }
    }

    fn baseline(&self, row: usize) -> f64 {
        self.top + row as f64 * LEGEND_ROW
    }

    /// The viewBox's height: under the legend's last row, or the time axis's labels.
    pub(super) fn bottom(&self, layout: &Layout) -> f64 {
        let last = match self.items.iter().map(|i| i.place.1).max() {
            Some(row) => self.baseline(row),
            None => {
                layout.bottom + layout.time_baseline + (layout.time.rows.max(1) - 1) as f64 * LINE
            }
        };
        last + FONT * DESCENT + 6.0
    }

    pub(super) fn draw(&self, svg: &mut Svg, status: Status) {
        for item in &self.items {
            let (lx, row) = item.place;
            let ly = self.baseline(row);
            let my = ly - CENTRE;
            match item.symbol {
                Symbol::Path => {
                    svg.tag("line")
                        .class("path")
                        .num("x1", lx + 1.0)
                        .num("x2", lx + 19.0)
                        .num("y1", my)
                        .num("y2", my)
                        .attr("stroke", ink::PATH)
                        .attr("stroke-width", "2")
                        .attr("stroke-dasharray", "0.1 5")
                        .attr("stroke-linecap", "round")
                        .end();
                }
                Symbol::Milestone => milestone_marker(svg, lx + 6.0, my),
                Symbol::Target => target_marker(svg, lx + 7.0, my),
                Symbol::Baseline => baseline_marker(svg, lx + 6.0, my),
                Symbol::Latest => status_marker(svg, status, lx + 7.0, my, 6.0),
                Symbol::Nothing => {}
            }
            let class = match item.symbol {
                Symbol::Nothing => "no-data",
                _ => "legend",
            };
            plain_text(
                svg,
                class,
                (lx + item.symbol.room(), ly),
                "start",
                &item.text,
            );
        }
    }
}

/// The items laid out in rows from `start` to `end`, each shortened to fit a row.
fn flow(wanted: &[(Symbol, String)], start: f64, end: f64) -> Vec<Item> {
    let (mut x, mut row) = (start, 0);
    let mut items = Vec::new();
    for (symbol, text) in wanted {
        let text = fit(text.trim(), FONT, end - start - symbol.room());
        let width = symbol.room() + text_width(&text, FONT);
        if x > start && x + width > end {
            x = start;
            row += 1;
        }
        items.push(Item {
            symbol: *symbol,
            text,
            place: (x, row),
        });
        x += width + ITEM_GAP;
    }
    items
}

fn rows(items: &[Item]) -> usize {
    items.iter().map(|i| i.place.1 + 1).max().unwrap_or(0)
}
