//! The latest reading by department or commune: one horizontal bar per row, the target as a
//! reference line.

use super::axis::{self, Scale, Ticks};
use super::{
    CENTRE, FONT, Labels, MAX_FIGURE, Svg, WIDTH, clamp_left, figure, fit, halo_text, ink,
    plain_text, text_width, usable, wrap,
};

pub struct Bar<'a> {
    /// The department's or commune's name, however long: it wraps onto two lines and is
    /// shortened with an ellipsis past that, the full name kept in the row's `<title>`.
    pub label: &'a str,
    /// Non-finite values show the "no data" words in place of a bar.
    pub value: f64,
}

pub struct BreakdownChart<'a> {
    pub id: &'a str,
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
const LINE_HEIGHT: f64 = 17.0;
const BAR_HEIGHT: f64 = 16.0;
/// Space between a bar and the next row's name.
const ROW_GAP: f64 = 12.0;
const AXIS_ROOM: f64 = 26.0;

/// One row: the name's lines, and where its bar's band starts.
struct Row<'a> {
    bar: &'a Bar<'a>,
    lines: Vec<String>,
    top: f64,
    bar_top: f64,
}

/// Horizontal bars of the latest reading by unit as an SVG element.
pub fn breakdown(chart: &BreakdownChart) -> String {
    let lang = chart.lang;
    let labels = chart.labels;
    let measured = |v: f64| figure(v, chart.percent, lang);
    let mut bars: Vec<&Bar> = chart.bars.iter().collect();
    // Stable, and NaN-free: rows without data compare as lowest.
    bars.sort_by(|a, b| key(b.value).total_cmp(&key(a.value)));

    let target = chart.target.filter(|t| usable(*t));
    let values = bars.iter().map(|b| b.value).chain(target);
    let (lo, hi) = axis::value_range(values, chart.percent, true);
    let ticks = Ticks::new(lo, hi);

    let unit = Some(chart.unit_label.trim())
        .filter(|u| !chart.percent && !u.is_empty())
        .map(|u| fit(u, FONT, MAX_FIGURE));
    let top = if target.is_some() || unit.is_some() {
        28.0
    } else {
        6.0
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut y = top;
    for bar in &bars {
        let mut lines = wrap(bar.label, FONT, WIDTH - 2.0 * EDGE, NAME_LINES);
        if lines.is_empty() {
            lines.push(String::new());
        }
        let bar_top = y + lines.len() as f64 * LINE_HEIGHT + 2.0;
        rows.push(Row {
            bar,
            lines,
            top: y,
            bar_top,
        });
        y = bar_top + BAR_HEIGHT + ROW_GAP;
    }
    let rows_bottom = if rows.is_empty() {
        top + LINE_HEIGHT + 6.0
    } else {
        y - ROW_GAP + 6.0
    };
    let height = rows_bottom + AXIS_ROOM;

    // Values sit at the ends of the bars: the widest positive one is kept inside the right
    // edge, the widest negative one inside the left.
    let label_width = |positive: bool| {
        bars.iter()
            .filter(|b| usable(b.value) && (b.value >= 0.0) == positive)
            .map(|b| text_width(&measured(b.value), FONT))
            .fold(0.0, f64::max)
    };
    let left = EDGE
        + if ticks.lo < 0.0 {
            label_width(false) + 6.0
        } else {
            0.0
        };
    let right = WIDTH - EDGE - label_width(true).max(text_width("0", FONT)) - 6.0;
    let x = Scale {
        d0: ticks.lo,
        d1: ticks.hi,
        r0: left,
        r1: right,
    };

    let description = if chart.description.trim().is_empty() {
        bars.iter()
            .map(|b| {
                format!(
                    "{}: {}",
                    b.label.trim(),
                    value_text(b.value, &measured, labels)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        chart.description.to_string()
    };
    let mut svg = Svg::new(
        "breakdown",
        chart.id,
        (WIDTH, height),
        chart.title,
        &description,
    );
    svg.open_drawing(FONT);

    // The value axis under the rows, its labels thinned (every second, third…) until none
    // touch.
    svg.tag("line")
        .class("axis")
        .num("x1", left)
        .num("x2", right)
        .num("y1", rows_bottom)
        .num("y2", rows_bottom)
        .attr("stroke", ink::TEXT)
        .end();
    let tick_values = ticks.values();
    let tick_labels: Vec<(f64, String)> = tick_values
        .iter()
        .map(|&v| {
            let label = ticks.label(v, chart.percent, lang);
            let width = text_width(&label, FONT);
            (clamp_left(x.map(v), width, 2.0, WIDTH - 2.0), label)
        })
        .collect();
    let stride = (1..tick_labels.len().max(1))
        .find(|&stride| {
            tick_labels
                .iter()
                .step_by(stride)
                .collect::<Vec<_>>()
                .windows(2)
                .all(|w| w[0].0 + text_width(&w[0].1, FONT) + 8.0 <= w[1].0)
        })
        .unwrap_or(tick_labels.len().max(1));
    for (i, &value) in tick_values.iter().enumerate() {
        if i % stride != 0 {
            continue;
        }
        let tx = x.map(value);
        svg.tag("line")
            .class("axis")
            .num("x1", tx)
            .num("x2", tx)
            .num("y1", rows_bottom)
            .num("y2", rows_bottom + 4.0)
            .attr("stroke", ink::TEXT)
            .end();
        let (lx, label) = &tick_labels[i];
        plain_text(&mut svg, "tick", *lx, rows_bottom + 19.0, "start", label);
    }

    // The target: a thin line through the chart, a bold tick across each bar.
    let target_x = target.map(|t| x.map(t));
    let mut target_span = None;
    if let (Some(target), Some(tx)) = (target, target_x) {
        svg.tag("line")
            .class("target")
            .num("x1", tx)
            .num("x2", tx)
            .num("y1", top - 6.0)
            .num("y2", rows_bottom)
            .attr("stroke", ink::TARGET)
            .attr("stroke-width", "1.5")
            .attr("stroke-dasharray", "4 4")
            .end();
        let text = format!("{} {}", labels.target, measured(target));
        let text = fit(text.trim(), FONT, WIDTH - 4.0);
        let width = text_width(&text, FONT);
        let lx = clamp_left(tx, width, 2.0, WIDTH - 2.0);
        halo_text(
            &mut svg,
            "label target-label",
            lx,
            top - 10.0,
            "start",
            &text,
        );
        target_span = Some((lx, lx + width));
    }
    if let Some(unit) = &unit {
        let width = text_width(unit, FONT);
        let clear = target_span.is_none_or(|(a, _)| EDGE + width + 8.0 <= a);
        if clear {
            plain_text(&mut svg, "unit", EDGE, top - 10.0, "start", unit);
        } else {
            plain_text(&mut svg, "unit", WIDTH - EDGE, top - 10.0, "end", unit);
        }
    }

    if rows.is_empty() {
        plain_text(
            &mut svg,
            "no-data",
            EDGE,
            top + LINE_HEIGHT - 4.0,
            "start",
            &labels.no_data,
        );
    }
    let zero = x.map(0.0);
    for row in &rows {
        let bar = row.bar;
        let middle = row.bar_top + BAR_HEIGHT / 2.0;
        svg.tag("g").class("row").open();
        svg.tag("title").text(&format!(
            "{}: {}",
            bar.label.trim(),
            value_text(bar.value, &measured, labels)
        ));
        for (j, line) in row.lines.iter().enumerate() {
            let ly = row.top + (j + 1) as f64 * LINE_HEIGHT - 4.0;
            halo_text(&mut svg, "label", EDGE, ly, "start", line);
        }
        if usable(bar.value) {
            let end = x.map(bar.value);
            svg.tag("rect")
                .class("bar")
                .num("x", zero.min(end))
                .num("y", row.bar_top)
                .num("width", (end - zero).abs())
                .num("height", BAR_HEIGHT)
                .attr("fill", ink::BAR)
                .end();
        }
        svg.tag("line")
            .class("zero")
            .num("x1", zero)
            .num("x2", zero)
            .num("y1", row.bar_top - 3.0)
            .num("y2", row.bar_top + BAR_HEIGHT + 3.0)
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "1.5")
            .end();
        if let Some(tx) = target_x {
            // Outlined in the background colour so that the tick shows across the bar.
            for (class, colour, width) in
                [("halo", ink::BACKGROUND, "7"), ("target", ink::TARGET, "3")]
            {
                svg.tag("line")
                    .class(class)
                    .num("x1", tx)
                    .num("x2", tx)
                    .num("y1", row.bar_top - 4.0)
                    .num("y2", row.bar_top + BAR_HEIGHT + 4.0)
                    .attr("stroke", colour)
                    .attr("stroke-width", width)
                    .end();
            }
        }
        if usable(bar.value) {
            let end = x.map(bar.value);
            let text = measured(bar.value);
            let width = text_width(&text, FONT);
            // A value that would cross the target's tick moves past it.
            let crosses = |a: f64, b: f64| target_x.is_some_and(|tx| a < tx + 4.0 && tx - 4.0 < b);
            if bar.value >= 0.0 {
                let mut lx = end + 6.0;
                if crosses(lx, lx + width) {
                    lx = target_x.unwrap_or(lx) + 7.0;
                }
                halo_text(&mut svg, "value", lx, middle + CENTRE, "start", &text);
            } else {
                let mut rx = end - 6.0;
                if crosses(rx - width, rx) {
                    rx = target_x.unwrap_or(rx) - 7.0;
                }
                halo_text(&mut svg, "value", rx, middle + CENTRE, "end", &text);
            }
        } else {
            halo_text(
                &mut svg,
                "no-data",
                zero + 6.0,
                middle + CENTRE,
                "start",
                &labels.no_data,
            );
        }
        svg.close("g");
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

fn value_text(value: f64, measured: &impl Fn(f64) -> String, labels: &Labels) -> String {
    if usable(value) {
        measured(value)
    } else {
        labels.no_data.clone()
    }
}
