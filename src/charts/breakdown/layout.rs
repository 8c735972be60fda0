//! Where the breakdown chart's parts go: the value scale, the rows stacked down the chart,
//! the axis labels that fit, and the places of the target's words, the unit and each value.

use super::super::axis::{self, Scale, Ticks};
use super::super::{
    FONT, MAX_FIGURE, chart_width, clamp_left, figure, fit, text_box, text_width, usable, wrap,
};
use super::{
    AXIS_ROOM, BAR_HEIGHT, Bar, BreakdownChart, EDGE, LINE_HEIGHT, NAME_GAP, NAME_LINES, ROW_GAP,
};

/// A text's position: `x` is its left edge, or its right edge when `anchor` is "end".
pub(super) struct Text {
    pub x: f64,
    pub anchor: &'static str,
    pub text: String,
}

/// One row: the name's lines above its bar and the value at the bar's end.
pub(super) struct Row {
    /// The full name and the value in words, for the row's `<title>`.
    pub title: String,
    pub lines: Vec<String>,
    pub top: f64,
    /// Where the bar's band starts.
    pub bar_top: f64,
    /// The bar's left edge and width; none for a row without data.
    pub bar: Option<(f64, f64)>,
    /// The value, or the "no data" words.
    pub value: Text,
    /// The class of `value`.
    pub value_class: &'static str,
}

/// A tick on the value axis that keeps its label.
pub(super) struct AxisTick {
    pub x: f64,
    pub label_left: f64,
    pub label: String,
}

/// The computed geometry of a breakdown chart, shared by the drawing steps.
pub(super) struct Layout {
    /// The viewBox's width.
    pub width: f64,
    pub rows: Vec<Row>,
    /// Where the first row's name starts; the target's words and the unit sit above it.
    pub top: f64,
    /// Where the value axis runs.
    pub rows_bottom: f64,
    /// The value axis's ends.
    pub left: f64,
    pub right: f64,
    /// The x of zero, where the bars start.
    pub zero: f64,
    pub axis_ticks: Vec<AxisTick>,
    /// The target's x and its words (left-aligned), when there is a target.
    pub target: Option<(f64, Text)>,
    /// The stretches (top, bottom) of the target's line through the chart, broken where a
    /// row's name or words cross it.
    pub target_runs: Vec<(f64, f64)>,
    /// The unit's name and its baseline.
    pub unit: Option<(Text, f64)>,
    /// The viewBox's height.
    pub height: f64,
}

impl Layout {
    /// The layout of `bars`, in the order they are drawn.
    pub(super) fn new(chart: &BreakdownChart, bars: &[&Bar]) -> Layout {
        let width = chart_width(chart.width);
        let target = chart.target.filter(|t| usable(*t));
        let values = bars.iter().map(|b| b.value).chain(target);
        let (lo, hi) = axis::value_range(values, chart.percent, true);
        let ticks = Ticks::new(lo, hi);
        let x = value_scale(chart, bars, &ticks, width);

        let unit = Some(chart.unit_label.trim())
            .filter(|u| !chart.percent && !u.is_empty())
            .map(|u| fit(u, FONT, MAX_FIGURE));
        let target_mark = target.map(|t| (x.map(t), target_words(chart, t, x.map(t), width)));
        let unit = unit.map(|unit| unit_place(unit, target_mark.as_ref().map(|(_, t)| t), width));
        let top = match (&target_mark, &unit) {
            (_, Some((_, true))) => 28.0 + LINE_HEIGHT,
            (None, None) => 6.0,
            _ => 28.0,
        };
        let target_x = target_mark.as_ref().map(|(tx, _)| *tx);
        let mut rows = Vec::new();
        let mut y = top;
        for bar in bars {
            let row = row(chart, bar, y, (&x, width), target_x);
            y = row.bar_top + BAR_HEIGHT + ROW_GAP;
            rows.push(row);
        }
        let rows_bottom = if rows.is_empty() {
            top + LINE_HEIGHT + 6.0
        } else {
            y - ROW_GAP + 6.0
        };
        let target_runs = target_x.map_or_else(Vec::new, |tx| {
            target_runs(tx, (top - 4.0, rows_bottom), &rows)
        });
        Layout {
            width,
            rows,
            top,
            rows_bottom,
            left: x.r0,
            right: x.r1,
            zero: x.map(0.0),
            axis_ticks: axis_ticks(chart, &ticks, &x, width),
            unit: unit.map(|(text, above)| {
                (
                    text,
                    if above {
                        top - 10.0 - LINE_HEIGHT
                    } else {
                        top - 10.0
                    },
                )
            }),
            target: target_mark,
            target_runs,
            height: rows_bottom + AXIS_ROOM,
        }
    }
}

/// The stretches of the target's line at `tx` between `ends` that cross no row's name (nor a
/// row's "no data" words): the line stops short of each, so that no text sits on it.
fn target_runs(tx: f64, ends: (f64, f64), rows: &[Row]) -> Vec<(f64, f64)> {
    let mut gaps: Vec<(f64, f64)> = Vec::new();
    let mut cut = |(left, top, right, bottom): (f64, f64, f64, f64)| {
        if left - 3.0 < tx && tx < right + 3.0 {
            gaps.push((top - 2.0, bottom + 2.0));
        }
    };
    for row in rows {
        for (j, line) in row.lines.iter().enumerate() {
            cut(text_box(line, FONT, EDGE, name_baseline(row, j)));
        }
        if row.bar.is_none() {
            let text = &row.value.text;
            let baseline = row.bar_top + BAR_HEIGHT / 2.0 + super::super::CENTRE;
            cut(text_box(text, FONT, row.value.x, baseline));
        }
    }
    gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut from, end) = ends;
    let mut runs = Vec::new();
    for (top, bottom) in gaps {
        if top > from {
            runs.push((from, top.min(end)));
        }
        from = from.max(bottom);
    }
    if from < end {
        runs.push((from, end));
    }
    runs.retain(|(a, b)| b - a >= 1.0);
    runs
}

/// The baseline of line `j` of a row's name.
pub(super) fn name_baseline(row: &Row, j: usize) -> f64 {
    row.top + (j + 1) as f64 * LINE_HEIGHT - 4.0
}

/// The value scale across the width. Values sit at the ends of the bars: the widest
/// positive one is kept inside the right edge, the widest negative one inside the left.
fn value_scale(chart: &BreakdownChart, bars: &[&Bar], ticks: &Ticks, width: f64) -> Scale {
    let label_width = |positive: bool| {
        bars.iter()
            .filter(|b| usable(b.value) && (b.value >= 0.0) == positive)
            .map(|b| text_width(&figure(b.value, chart.percent, chart.lang), FONT))
            .fold(0.0, f64::max)
    };
    let left = EDGE
        + if ticks.lo < 0.0 {
            label_width(false) + 6.0
        } else {
            0.0
        };
    let right = width - EDGE - label_width(true).max(text_width("0", FONT)) - 6.0;
    Scale {
        d0: ticks.lo,
        d1: ticks.hi,
        r0: left,
        r1: right,
    }
}

/// The row of `bar` starting at `top`: its name wrapped above the bar, its value past the
/// bar's end. `scale` is the value scale and the chart's width.
fn row(
    chart: &BreakdownChart,
    bar: &Bar,
    top: f64,
    scale: (&Scale, f64),
    target_x: Option<f64>,
) -> Row {
    let (x, width) = scale;
    let mut lines = wrap(bar.label, FONT, width - 2.0 * EDGE, NAME_LINES);
    if lines.is_empty() {
        lines.push(String::new());
    }
    let bar_top = top + lines.len() as f64 * LINE_HEIGHT + NAME_GAP;
    let zero = x.map(0.0);
    let title = format!("{}: {}", bar.label.trim(), value_text(chart, bar.value));
    if !usable(bar.value) {
        // After the target's tick when it would cross it, as values do.
        let text = chart.labels.no_data.clone();
        let mut left = zero + 6.0;
        if let Some(tx) = target_x
            && left < tx + 4.0
            && tx - 4.0 < left + text_width(&text, FONT)
        {
            left = tx + 7.0;
        }
        let value = Text {
            x: left,
            anchor: "start",
            text,
        };
        return Row {
            title,
            lines,
            top,
            bar_top,
            bar: None,
            value,
            value_class: "no-data",
        };
    }
    let end = x.map(bar.value);
    Row {
        title,
        lines,
        top,
        bar_top,
        bar: Some((zero.min(end), (end - zero).abs())),
        value: value_place(chart, bar.value, end, target_x),
        value_class: "value",
    }
}

/// The value past the end of its bar (`end`); a value that would cross the target's tick
/// moves past it.
fn value_place(chart: &BreakdownChart, value: f64, end: f64, target_x: Option<f64>) -> Text {
    let text = figure(value, chart.percent, chart.lang);
    let width = text_width(&text, FONT);
    let crosses = |a: f64, b: f64| target_x.is_some_and(|tx| a < tx + 4.0 && tx - 4.0 < b);
    if value >= 0.0 {
        let mut x = end + 6.0;
        if crosses(x, x + width) {
            x = target_x.unwrap_or(x) + 7.0;
        }
        Text {
            x,
            anchor: "start",
            text,
        }
    } else {
        let mut x = end - 6.0;
        if crosses(x - width, x) {
            x = target_x.unwrap_or(x) - 7.0;
        }
        Text {
            x,
            anchor: "end",
            text,
        }
    }
}

/// The value axis's ticks, their labels thinned (every second, third…) until none touch.
fn axis_ticks(chart: &BreakdownChart, ticks: &Ticks, x: &Scale, width: f64) -> Vec<AxisTick> {
    let all: Vec<AxisTick> = ticks
        .values()
        .into_iter()
        .map(|v| {
            let label = ticks.label(v, chart.percent, chart.lang);
            let label_width = text_width(&label, FONT);
            AxisTick {
                x: x.map(v),
                label_left: clamp_left(x.map(v), label_width, 2.0, width - 2.0),
                label,
            }
        })
        .collect();
    let stride = (1..all.len().max(1))
        .find(|&stride| {
            all.iter()
                .step_by(stride)
                .collect::<Vec<_>>()
                .windows(2)
                .all(|w| w[0].label_left + text_width(&w[0].label, FONT) + 8.0 <= w[1].label_left)
        })
        .unwrap_or(all.len().max(1));
    all.into_iter().step_by(stride).collect()
}

/// "Target 90%", centred over the target's line at `target_x` and kept inside the chart.
fn target_words(chart: &BreakdownChart, target: f64, target_x: f64, width: f64) -> Text {
    let text = format!(
        "{} {}",
        chart.labels.target,
        figure(target, chart.percent, chart.lang)
    );
    let text = fit(text.trim(), FONT, width - 4.0);
    let words = text_width(&text, FONT);
    Text {
        x: clamp_left(target_x, words, 2.0, width - 2.0),
        anchor: "start",
        text,
    }
}

/// The unit's name at the left above the rows, or at the right when the target's words
/// are in the way, or on a line of its own above them when they leave room on neither side
/// (then `true`).
fn unit_place(unit: String, target: Option<&Text>, width: f64) -> (Text, bool) {
    let words = text_width(&unit, FONT);
    let Some(target) = target else {
        return (
            Text {
                x: EDGE,
                anchor: "start",
                text: unit,
            },
            false,
        );
    };
    let target_right = target.x + text_width(&target.text, FONT);
    if EDGE + words + 8.0 <= target.x {
        (
            Text {
                x: EDGE,
                anchor: "start",
                text: unit,
            },
            false,
        )
    } else if target_right + 8.0 <= width - EDGE - words {
        (
            Text {
                x: width - EDGE,
                anchor: "end",
                text: unit,
            },
            false,
        )
    } else {
        (
            Text {
                x: EDGE,
                anchor: "start",
                text: unit,
            },
            true,
        )
    }
}

/// A row's value as the page writes it, or the "no data" words.
fn value_text(chart: &BreakdownChart, value: f64) -> String {
    if usable(value) {
        figure(value, chart.percent, chart.lang)
    } else {
        chart.labels.no_data.clone()
    }
}
