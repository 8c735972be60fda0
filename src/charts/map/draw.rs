//! Drawing the map's parts in order: the patterns of its classes, the places, their names,
//! and the legend.

use super::super::{CENTRE, LINE, Svg, halo_text, ink, plain_text, status_colour};
use super::{
    EDGE_GAP, LABEL_FONT, LABEL_LINE, Layout, MapChart, SWATCH_HEIGHT, SWATCH_WIDTH, title_of,
};

/// A look's default fill, light to dark (contrast on white rises with the class); the theme
/// restyles `map-fill look-N`, and the background of "no data" is `look-none`.
fn fill(look: Option<usize>) -> &'static str {
    match look {
        Some(1) => "#deebf7",
        Some(2) => "#a9cce8",
        Some(3) => "#5b9bd0",
        Some(4) => "#2166a8",
        Some(_) => "#0b3a6e",
        None => "#f3f5f7",
    }
}

/// A look's pattern within an 8×8 tile: its path, its class and default colour, and its
/// width. Light fills take lines in the text's colour (`map-ink`), dark fills in the
/// background's (`map-ink-bg`), so that the lines show in light and dark schemes alike;
/// the darkest class is solid.
fn pattern(
    look: Option<usize>,
) -> Option<(&'static str, &'static str, &'static str, &'static str)> {
    match look {
        Some(1) => Some(("M2,2h0.01M6,6h0.01", "map-ink", ink::TEXT, "2.2")),
        Some(2) => Some(("M-2,2L2,-2M0,8L8,0M6,10L10,6", "map-ink", ink::TEXT, "1")),
        Some(3) => Some(("M4,0V8", "map-ink-bg", ink::BACKGROUND, "1.5")),
        Some(4) => Some((
            "M-2,2L2,-2M0,8L8,0M6,10L10,6M-2,6L2,10M0,0L8,8M6,-2L10,2",
            "map-ink-bg",
            ink::BACKGROUND,
            "1.2",
        )),
        Some(_) => None,
        None => Some(("M0,4H8", "map-ink-none", status_colour("no_data"), "1.2")),
    }
}

/// `1`…`5`, or `none` for no data: the look's name in classes and ids.
fn key(look: Option<usize>) -> String {
    look.map_or_else(|| String::from("none"), |n| n.to_string())
}

/// One pattern per look used, `ID-look-KEY`, shared by the places and the legend.
pub(super) fn patterns(svg: &mut Svg, id: &str, layout: &Layout) {
    let mut looks: Vec<Option<usize>> = (0..layout.classes.count())
        .map(|i| Some(layout.classes.look(i)))
        .collect();
    if layout.areas.iter().any(|a| a.class.is_none()) {
        looks.push(None);
    }
    svg.tag("defs").open();
    for look in looks {
        let key = key(look);
        svg.tag("pattern")
            .attr("id", &format!("{id}-look-{key}"))
            .attr("width", "8")
            .attr("height", "8")
            .attr("patternUnits", "userSpaceOnUse")
            .open();
        svg.tag("rect")
            .class(&format!("map-fill look-{key}"))
            .attr("width", "8")
            .attr("height", "8")
            .attr("fill", fill(look))
            .end();
        if let Some((d, class, colour, width)) = pattern(look) {
            svg.tag("path")
                .class(class)
                .attr("d", d)
                .attr("fill", "none")
                .attr("stroke", colour)
                .attr("stroke-width", width)
                .attr("stroke-linecap", "round")
                .end();
        }
        svg.close("pattern");
    }
    svg.close("defs");
}

/// Each place as one path filled with its class's pattern, outlined in the text colour,
/// with its name and value in its `<title>`.
pub(super) fn areas(svg: &mut Svg, id: &str, chart: &MapChart, layout: &Layout) {
    svg.tag("g")
        .class("areas")
        .attr("stroke", ink::TEXT)
        .attr("stroke-width", "0.75")
        .attr("stroke-linejoin", "round")
        .attr("fill-rule", "evenodd")
        .open();
    for drawn in &layout.areas {
        let key = key(drawn.class.map(|c| layout.classes.look(c)));
        let place = super::super::element_id(drawn.area.id);
        svg.tag("path")
            .class(&format!("area look-{key} place-{place}"))
            .attr("d", &drawn.path)
            .attr("fill", &format!("url(#{id}-look-{key})"))
            .open();
        svg.tag("title").text(&title_of(chart, drawn.area));
        svg.close("path");
    }
    svg.close("g");
}

/// The places' names, centred where their outlines leave room, outlined in the background
/// colour so that they read over any pattern.
pub(super) fn labels(svg: &mut Svg, layout: &Layout) {
    if layout.areas.iter().all(|a| a.label.is_none()) {
        return;
    }
    svg.tag("g")
        .class("labels")
        .attr("font-size", &super::super::num(LABEL_FONT))
        .open();
    for label in layout.areas.iter().filter_map(|a| a.label.as_ref()) {
        for (j, line) in label.lines.iter().enumerate() {
            let y = label.y + j as f64 * LABEL_LINE;
            halo_text(svg, "label place-label", (label.x, y), "middle", line);
        }
    }
    svg.close("g");
}

/// The unit, then each class's swatch and words, then the places without data.
pub(super) fn legend(svg: &mut Svg, id: &str, layout: &Layout) {
    if let Some((unit, baseline)) = &layout.unit {
        plain_text(svg, "unit", (EDGE_GAP, *baseline), "start", unit);
    }
    for item in &layout.legend {
        let key = key(item.look);
        svg.tag("g")
            .class(&format!("legend-item look-{key}"))
            .open();
        svg.tag("rect")
            .class("swatch")
            .num("x", item.x)
            .num("y", item.top)
            .num("width", SWATCH_WIDTH)
            .num("height", SWATCH_HEIGHT)
            .attr("fill", &format!("url(#{id}-look-{key})"))
            .attr("stroke", ink::TEXT)
            .attr("stroke-width", "0.75")
            .end();
        for (j, line) in item.lines.iter().enumerate() {
            let y = item.top + SWATCH_HEIGHT / 2.0 + CENTRE + j as f64 * LINE;
            plain_text(
                svg,
                "legend",
                (item.x + SWATCH_WIDTH + 6.0, y),
                "start",
                line,
            );
        }
        svg.close("g");
    }
}
