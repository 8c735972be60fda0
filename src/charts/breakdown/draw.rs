//! The breakdown chart's SVG elements, drawn from its layout: the value axis, the target,
//! and each row's name, bar and value.

use super::super::{CENTRE, Labels, Svg, ink, num, plain_text};
use super::layout::{Layout, Row, name_baseline};
use super::{BAR_HEIGHT, EDGE, LINE_HEIGHT};

/// The value axis under the rows, with the ticks that keep their labels.
pub(super) fn value_axis(svg: &mut Svg, layout: &Layout) {
    let y = layout.rows_bottom;
    svg.tag("line")
        .class("axis")
        .num("x1", layout.left)
        .num("x2", layout.right)
        .num("y1", y)
        .num("y2", y)
        .attr("stroke", ink::TEXT)
        .end();
    for tick in &layout.axis_ticks {
        svg.tag("line")
            .class("axis")
            .num("x1", tick.x)
            .num("x2", tick.x)
            .num("y1", y)
            .num("y2", y + 4.0)
            .attr("stroke", ink::TEXT)
            .end();
        plain_text(
            svg,
            "tick",
            (tick.label_left, y + 20.0),
            "start",
            &tick.label,
        );
    }
}

/// The target as a thin line through the chart, broken where names cross it, with its words
/// above, and the unit's name.
pub(super) fn target_and_unit(svg: &mut Svg, layout: &Layout) {
    let words_y = layout.top - 10.0;
    if let Some((tx, words)) = &layout.target {
        let d: String = layout
            .target_runs
            .iter()
            .map(|(y1, y2)| format!("M{},{}V{}", num(*tx), num(*y1), num(*y2)))
            .collect();
        if !d.is_empty() {
            svg.tag("path")
                .class("target")
                .attr("d", &d)
                .attr("fill", "none")
                .attr("stroke", ink::TARGET)
                .attr("stroke-width", "1.5")
                .attr("stroke-dasharray", "4 4")
                .end();
        }
        plain_text(
            svg,
            "label target-label",
            (words.x, words_y),
            words.anchor,
            &words.text,
        );
    }
    if let Some((unit, y)) = &layout.unit {
        plain_text(svg, "unit", (unit.x, *y), unit.anchor, &unit.text);
    }
}

/// The "no data" words in place of the rows.
pub(super) fn no_rows(svg: &mut Svg, layout: &Layout, labels: &Labels) {
    let y = layout.top + LINE_HEIGHT - 4.0;
    plain_text(svg, "no-data", (EDGE, y), "start", &labels.no_data);
}

/// One row in its own group, with the full name and value in its `<title>`.
pub(super) fn row(svg: &mut Svg, row: &Row, layout: &Layout) {
    let middle = row.bar_top + BAR_HEIGHT / 2.0;
    svg.tag("g").class("row").open();
    svg.tag("title").text(&row.title);
    for (j, line) in row.lines.iter().enumerate() {
        plain_text(svg, "label", (EDGE, name_baseline(row, j)), "start", line);
    }
    if let Some((x, width)) = row.bar {
        svg.tag("rect")
            .class("bar")
            .num("x", x)
            .num("y", row.bar_top)
            .num("width", width)
            .num("height", BAR_HEIGHT)
            .attr("fill", ink::BAR)
            .end();
    }
    svg.tag("line")
        .class("zero")
        .num("x1", layout.zero)
        .num("x2", layout.zero)
        .num("y1", row.bar_top - 3.0)
        .num("y2", row.bar_top + BAR_HEIGHT + 3.0)
        .attr("stroke", ink::TEXT)
        .attr("stroke-width", "1.5")
        .end();
    if let Some((tx, _)) = layout.target {
        // Outlined in the background colour so that the tick shows across the bar.
        for (class, colour, width) in [("halo", ink::BACKGROUND, "7"), ("target", ink::TARGET, "3")]
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
    let value = &row.value;
    plain_text(
        svg,
        row.value_class,
        (value.x, middle + CENTRE),
        value.anchor,
        &value.text,
    );
    svg.close("g");
}
