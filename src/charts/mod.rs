//! Charts as inline SVG (pure): data in, an SVG string out, for indicator pages (trend,
//! breakdown, map), cards (bullet), the home and group pages (sparkline) and plan summaries
//! (stacked status bar). No disk, no templates, no clock.
//!
//! # Why written by hand
//! The chart crates do not meet the accessibility points of the issue: plotters' SVG backend
//! writes fixed `width`/`height` in pixels and a `font-family` on every `<text>`, and has no
//! `<title>`, `<desc>`, `role` or classes to restyle; charming renders through ECharts'
//! JavaScript (or a headless image renderer) and its SVG has the same gaps. Neither shows a
//! status by shape or pattern, nor formats numbers and periods for Vietnamese. What these
//! charts need (lines, bars, a few markers, text) is small enough to write directly.
//!
//! # What every chart guarantees
//! - The root is `<svg xmlns=… viewBox="0 0 W H" role="img" aria-labelledby="ID-title
//!   ID-desc" class="chart chart-KIND" preserveAspectRatio="xMidYMid meet">` with `<title>`
//!   and `<desc>` first, and no `width`/`height`: the theme makes it fluid
//!   (`.chart { width: 100%; height: auto }`).
//! - Every chart but the sparkline is drawn at the width it is given, in user units, with
//!   text of 14 units whatever the width: a narrow drawing keeps its text at 12 px or more on
//!   a phone, a wide one lays the same content out along a desktop's text column. `framed`
//!   puts both in one frame (see "Two drawings" below).
//! - Everything drawn sits in one `<g aria-hidden="true">`: screen readers read the title and
//!   the description (the finding in words); the numbers are in the HTML table beside it.
//! - No fonts, scripts or `<style>`: text inherits the page's font, neutral ink is
//!   `currentColor` (so dark mode and forced colours follow the page's text), and every other
//!   colour is a presentation attribute (WCAG contrast on white: ≥ 3:1 for graphics) that the
//!   theme restyles through the classes listed below.
//! - A status is never colour alone: trend, bullet and sparkline end in the status's shape
//!   (the theme's badges: ✔ circle achieved, ● on track, ▲ at risk, ✖ off track, ○ no data);
//!   the stacked bar fills each status with its own pattern and names it with its count in a
//!   text legend; the map fills each value class with its own pattern and shade and says
//!   each class in words in its legend. Lines differ by dash too (target dashed, path dotted), so greyscale print and
//!   forced colours keep every distinction.
//! - Output is deterministic: coordinates have one decimal, numbers go through `format`.
//! - Text width is estimated from the characters (see `text_width`: DejaVu Sans advances,
//!   the widest usual default font) and its height from the tallest usual line box (see
//!   `ASCENT`, `DESCENT`: Noto Sans) since there are no font metrics; labels are placed,
//!   wrapped and thinned with that estimate so that they stay inside the viewBox and touch
//!   neither each other nor the lines and points drawn (the faint grid aside, which their
//!   outline in the background colour masks).
//! - Nothing panics: non-finite values are skipped, empty data draws an empty frame with the
//!   "no data" words, equal values get a non-zero range.
//!
//! # Classes the theme styles
//! Scope the rules under `.chart`; these are the hooks (property the default sets):
//! - status, fill: `status-KEY` for KEY in achieved, on_track, at_risk, off_track, no_data,
//!   done, in_progress, not_started, overdue, cancelled: on markers (`marker status-KEY`),
//!   the bullet's bar (`bullet-bar status-KEY`) and the background of the stacked bar's
//!   patterns;
//! - lines, stroke: `series` (readings), `target` (target lines and ticks), `target-marker`,
//!   `milestone`, `path` (path to target), `baseline` (baseline marker and tick), `grid`,
//!   `axis`, `zero`, `track` (also fill), `swatch`;
//! - fills: `reading` (dots), `target-dot`, `bar` (breakdown bars);
//! - background colour: `halo` (stroke: outlines of text and of lines over bars), `knockout`
//!   (fill: hollow markers), `marker` (stroke: outline of status markers), `marker-ink`
//!   (stroke: the check in the achieved marker), `pattern-ink` (stroke: pattern lines),
//!   `segment` (stroke: gaps between segments);
//! - text (fill `currentColor`, from the drawing's group): `tick`, `unit`, `label` (with `target-label`,
//!   `baseline-label`, `milestone-label`), `value`, `legend`, `no-data`.
//!
//! - the map: `area` (each place, stroke: its outline; with `look-N` for its class's look,
//!   N from 1, light, to 5, solid, or `none` for no data, and `place-ID`), `map-fill look-N`
//!   (fill: a class's shade, inside its pattern), `map-ink` (stroke: pattern lines in the
//!   text colour, on light shades), `map-ink-bg` (stroke: pattern lines in the background
//!   colour, on dark shades), `map-ink-none` (stroke: the "no data" lines), `place-label`,
//!   `legend-item look-N`.
//!
//! Other hooks: `chart-KIND` on the root (trend, breakdown, map, bullet, sparkline, status-bar;
//! the sparkline has no text and wants a fixed size, e.g. `.chart-sparkline { width:
//! 7.5em }`), `row` (a breakdown row, with the full name in its `<title>`),
//! `segment-KEY`. In forced colours the theme sets `status-*`, `bar`, `target*`,
//! `milestone`, `path`, `series` to `CanvasText` and the background hooks to `Canvas`;
//! shapes, dashes and patterns then carry every distinction.
//!
//! # Two drawings
//! `framed` draws a chart twice, `NARROW` and `WIDE` units wide, into
//! `<div class="chart-frame"><div class="chart-narrow">SVG</div><div class="chart-wide" hidden>SVG</div></div>`,
//! the ids of each drawing ending in `-narrow` and `-wide`. The theme shows one and hides the
//! other (`display: none`, so only one is in the accessibility tree), by the width of the
//! frame: a container query, so that a chart in a narrow grid cell of a wide screen is drawn
//! narrow too. Without the theme's rules (a feed reader, a site's own stylesheet) `hidden`
//! keeps the wide drawing out and the narrow one shows.
//!
//! # Golden files
//! Tests compare representative charts, in both widths, with `src/charts/golden/NAME.svg` (one
//! element per line so that a change reads as a small diff). After an intended change,
//! rewrite them with `UPDATE_GOLDEN=1 cargo test --lib charts` and review the diff.

mod axis;
mod breakdown;
mod map;
mod marker;
mod progress;
pub mod request;
mod summary;
mod trend;

#[cfg(test)]
mod tests;

pub use breakdown::{Bar, BreakdownChart, breakdown};
pub use map::{Area, MapChart, MapLabels, choropleth};
pub use progress::{BulletChart, Sparkline, bullet, sparkline};
pub use summary::{Segment, StatusBar, status_bar};
pub use trend::{TrendChart, trend};

pub(crate) use marker::status_marker;

use std::fmt::Write as _;

use crate::html::escape;

/// Words a chart shows, already in the page's language (the caller takes them from the
/// theme's i18n files).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// "Giá trị cơ sở" / "Baseline".
    pub baseline: String,
    /// "Mục tiêu" / "Target".
    pub target: String,
    /// The straight path from baseline to target: "Lộ trình" / "Path to target".
    pub path: String,
    /// "Mốc trung gian" / "Milestone".
    pub milestone: String,
    /// "Chưa có số liệu" / "No data".
    pub no_data: String,
    /// "Số liệu mới nhất" / "Latest": names the latest value where it cannot sit beside its
    /// marker and goes to the legend.
    pub latest: String,
}

/// The narrow drawing's width in user units: one unit is one pixel in the 288 px column of a
/// 320 px phone, so 14-unit text renders at 14 px there and at 12.4 px in the narrowest
/// column the theme gives a chart (16rem, 256 px).
pub const NARROW: f64 = 288.0;
/// The wide drawing's width: about a desktop's text column (72ch of body text, 670 px), so its
/// text renders at about 14.5 px there; the theme shows it from a 35rem (560 px) frame, where
/// its text is 12.25 px.
pub const WIDE: f64 = 640.0;
/// The narrowest and widest a chart may be asked to be; widths outside are brought within.
const MIN_WIDTH: f64 = 200.0;
const MAX_WIDTH: f64 = 2000.0;
/// Text size of labels and ticks, in user units.
pub(crate) const FONT: f64 = 14.0;
/// The top and bottom of a line of text above and below its baseline, as shares of its size:
/// Noto Sans's line box (1.069 and 0.293 em), the tallest of the usual UI fonts, which is
/// what browsers report as the text's box. Vietnamese capitals with two marks reach as high.
pub(crate) const ASCENT: f64 = 1.07;
pub(crate) const DESCENT: f64 = 0.3;
/// The distance between the baselines of stacked lines of `FONT` text whose boxes do not
/// overlap.
pub(crate) const LINE: f64 = FONT * (ASCENT + DESCENT) + 1.0;
/// The widest a single figure or unit may be drawn; longer ones (a 400-digit number) are
/// shortened rather than pushed out of the viewBox.
pub(crate) const MAX_FIGURE: f64 = 150.0;
/// Moves a text's baseline down so that the text centres on a given y.
pub(crate) const CENTRE: f64 = FONT * 0.35;

/// A width a chart can be drawn at: finite, and within 200 to 2000 units.
pub(crate) fn chart_width(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        NARROW
    }
}

/// The box of a line of text of `size` with its left edge at `left` and its baseline at `y`:
/// left, top, right, bottom.
pub(crate) fn text_box(text: &str, size: f64, left: f64, y: f64) -> (f64, f64, f64, f64) {
    (
        left,
        y - size * ASCENT,
        left + text_width(text, size),
        y + size * DESCENT,
    )
}

/// A chart drawn twice, `NARROW` and `WIDE` units wide, in the frame the theme switches
/// between by the room it has. `draw` gets the width and the drawing's own id (`id-narrow`,
/// `id-wide`), so that the ids of both stay unique on the page.
pub fn framed(id: &str, draw: impl Fn(f64, &str) -> String) -> String {
    let narrow = draw(NARROW, &format!("{id}-narrow"));
    let wide = draw(WIDE, &format!("{id}-wide"));
    format!(
        "<div class=\"chart-frame\"><div class=\"chart-narrow\">\n{narrow}</div><div class=\"chart-wide\" hidden>\n{wide}</div></div>\n"
    )
}

/// Presentation defaults, chosen for contrast on white; the theme overrides them by class.
pub(crate) mod ink {
    /// Neutral lines and text follow the page's text colour.
    pub const TEXT: &str = "currentColor";
    pub const GRID: &str = "#d5d8dc";
    /// The theme's link blue (8:1 on white).
    pub const TARGET: &str = "#0b4f9c";
    pub const PATH: &str = "#555b63";
    pub const BAR: &str = "#4f5b66";
    pub const TRACK: &str = "#e9ecef";
    pub const TRACK_EDGE: &str = "#6b7280";
    pub const BACKGROUND: &str = "#ffffff";
}

/// A status key's default fill: the theme's status colours (all ≥ 4.5:1 on white).
pub(crate) fn status_colour(key: &str) -> &'static str {
    match key {
        "achieved" | "done" => "#0b6e3a",
        "on_track" | "in_progress" => "#1d5fa8",
        "at_risk" => "#8a4b00",
        "off_track" | "overdue" => "#b3141d",
        "no_data" | "not_started" | "cancelled" => "#555b63",
        _ => ink::BAR,
    }
}

/// Writes SVG one element per line.
pub(crate) struct Svg {
    out: String,
    id: String,
}

impl Svg {
    /// Opens the root element with its title and description, and the hidden drawing group.
    pub(crate) fn new(kind: &str, id: &str, size: (f64, f64), title: &str, desc: &str) -> Svg {
        let id = element_id(id);
        let title = title.trim();
        let desc = desc.trim();
        // Both must say something: each stands in for the other when one is left empty.
        let (title, desc) = match (title.is_empty(), desc.is_empty()) {
            (true, false) => (desc, desc),
            (false, true) => (title, title),
            _ => (title, desc),
        };
        let mut out = String::with_capacity(4096);
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-labelledby="{id}-title {id}-desc" class="chart chart-{kind}" preserveAspectRatio="xMidYMid meet">"#,
            num(size.0),
            num(size.1),
        );
        let _ = writeln!(out, r#"<title id="{id}-title">{}</title>"#, escape(title));
        let _ = writeln!(out, r#"<desc id="{id}-desc">{}</desc>"#, escape(desc));
        Svg { out, id }
    }

    /// The chart's id, made safe for ids and references.
    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// Starts an element; finish it with `end`, `open` or `text`.
    pub(crate) fn tag(&mut self, name: &'static str) -> Tag<'_> {
        self.out.push('<');
        self.out.push_str(name);
        Tag {
            out: &mut self.out,
            name,
        }
    }

    pub(crate) fn close(&mut self, name: &str) {
        let _ = writeln!(self.out, "</{name}>");
    }

    /// Opens the group that holds everything drawn, hidden from assistive technology; text
    /// inherits its size and its fill (the page's text colour).
    pub(crate) fn open_drawing(&mut self, font_size: f64) {
        self.tag("g")
            .attr("aria-hidden", "true")
            .num("font-size", font_size)
            .attr("fill", ink::TEXT)
            .open();
    }

    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

pub(crate) struct Tag<'a> {
    out: &'a mut String,
    name: &'static str,
}

impl Tag<'_> {
    pub(crate) fn attr(self, key: &str, value: &str) -> Self {
        let _ = write!(self.out, r#" {key}="{}""#, escape(value));
        self
    }

    pub(crate) fn num(self, key: &str, value: f64) -> Self {
        let _ = write!(self.out, r#" {key}="{}""#, num(value));
        self
    }

    pub(crate) fn class(self, value: &str) -> Self {
        self.attr("class", value)
    }

    /// An empty element.
    pub(crate) fn end(self) {
        self.out.push_str("/>\n");
    }

    /// A container; close it with `Svg::close`.
    pub(crate) fn open(self) {
        self.out.push_str(">\n");
    }

    pub(crate) fn text(self, content: &str) {
        let _ = writeln!(self.out, ">{}</{}>", escape(content), self.name);
    }
}

/// A coordinate or length with one decimal at most, so output is the same on every machine.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return String::from("0");
    }
    let text = format!("{:.1}", value);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    if text == "-0" {
        String::from("0")
    } else {
        text.to_string()
    }
}

/// A chart id usable in `id` attributes and in `aria-labelledby` (a space-separated list)
/// and `url(#…)`: letters, digits, `-` and `_`, starting with a letter.
pub(crate) fn element_id(id: &str) -> String {
    let mut out: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "chart-");
    }
    out
}

/// The width of `text` at `size`, estimated from its characters: advances as in DejaVu Sans,
/// the widest of the usual default UI fonts (Arial, Roboto, Segoe UI and San Francisco are
/// narrower), so a label placed with it fits whatever the page's font. Combining marks
/// (decomposed Vietnamese) take no width.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            '\u{300}'..='\u{36f}' => 0.0,
            ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' | 'j' | 'I' | 'í' | 'ì'
            | 'ỉ' | 'ĩ' | 'ị' => 0.32,
            '(' | ')' | '/' | 'f' | 't' | 'r' | '-' => 0.4,
            'm' | 'w' | 'M' | 'W' | '%' | '…' | '—' => 0.95,
            '0'..='9' => 0.64,
            c if c.is_uppercase() => 0.72,
            _ => 0.6,
        })
        .sum();
    ems * size
}

/// Whether a value can be drawn: finite, and small enough that differences between values
/// stay finite too. Others are skipped like missing data.
pub(crate) fn usable(value: f64) -> bool {
    value.is_finite() && value.abs() <= 1e300
}

/// A value as the page writes it (`84,1%`), kept to `MAX_FIGURE`.
pub(crate) fn figure(value: f64, percent: bool, lang: &str) -> String {
    fit(
        &crate::format::measured(value, percent, lang),
        FONT,
        MAX_FIGURE,
    )
}

/// Shortens `text` to fit `width` at `size`, ending it with an ellipsis when cut.
pub(crate) fn fit(text: &str, size: f64, width: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > width {
            out.pop();
            break;
        }
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Splits `text` into at most `lines` lines of `width`, word by word; the last line ends in
/// an ellipsis when the text does not fit.
pub(crate) fn wrap(text: &str, size: f64, width: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || text_width(&candidate, size) <= width {
            current = candidate;
            continue;
        }
        if out.len() + 1 == lines {
            // The last line takes the rest and is cut to fit.
            let rest = words[i..].join(" ");
            out.push(fit(&format!("{current} {rest}"), size, width));
            return out;
        }
        out.push(std::mem::take(&mut current));
        current = word.to_string();
    }
    if !current.is_empty() {
        out.push(fit(&current, size, width));
    }
    out
}

/// Text with an outline in the background colour, readable where it crosses a line.
/// `at` is the text's anchor point: its left edge, middle or right edge by `anchor`, on
/// its baseline.
pub(crate) fn halo_text(svg: &mut Svg, class: &str, at: (f64, f64), anchor: &str, content: &str) {
    let (x, y) = at;
    let mut tag = svg
        .tag("text")
        .class(&format!("{class} halo"))
        .num("x", x)
        .num("y", y);
    if anchor != "start" {
        tag = tag.attr("text-anchor", anchor);
    }
    tag.attr("stroke", ink::BACKGROUND)
        .attr("stroke-width", "3")
        .attr("stroke-linejoin", "round")
        .attr("style", "paint-order:stroke")
        .text(content);
}

/// Plain text in the page's text colour (the drawing group's fill), placed like `halo_text`.
pub(crate) fn plain_text(svg: &mut Svg, class: &str, at: (f64, f64), anchor: &str, content: &str) {
    let (x, y) = at;
    let mut tag = svg.tag("text").class(class).num("x", x).num("y", y);
    if anchor != "start" {
        tag = tag.attr("text-anchor", anchor);
    }
    tag.text(content);
}

/// The left edge of a label of `width` centred on `x`, moved inside [`min`, `max`].
pub(crate) fn clamp_left(x: f64, width: f64, min: f64, max: f64) -> f64 {
    (x - width / 2.0).min(max - width).max(min)
}
