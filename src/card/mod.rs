//! Share cards (pure): the 1200×630 picture that a link to a page shows on social networks
//! and in chat apps (`og:image`), drawn as SVG from plain values (`Card`) and rasterised to
//! PNG by resvg with the fonts built into the binary (`text`). It knows nothing of sites:
//! `render::cards` says what each card holds. The same card gives the same bytes on every
//! run and machine: coordinates have one decimal, text is measured with the built-in fonts,
//! and the PNG carries no time or text chunks.
//!
//! Three layouts share a frame (the theme's accent bar on top, a kicker line, the title,
//! and a footer band with the agency and the site's address):
//! - a site card: the site's title and description;
//! - a plan card: how many targets are achieved or on track and how many tasks are overdue,
//!   with the targets by status as a bar;
//! - an indicator card: the latest reading, the target, the status as a badge (word and
//!   shape) and the trend of the readings as a line.

mod text;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

use crate::charts::{Svg, num, status_colour, status_marker};
use crate::content::plan::status::Status;
pub use text::{Style, fit, shrink_to_fit, wrap};

/// A card's size in pixels: what Facebook, LinkedIn, X and Zalo show best.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const W: f64 = WIDTH as f64;
const H: f64 = HEIGHT as f64;
/// The side margins.
const MARGIN: f64 = 64.0;
/// The theme's colours (themes/default/static/css/main.css, light scheme).
const TEXT: &str = "#1a1a1a";
const MUTED: &str = "#4a4a4a";
const SURFACE: &str = "#f3f5f7";
const RULE: &str = "#d5d8dc";
const ACCENT: &str = "#a4161a";
const LINK: &str = "#0b4f9c";
const BACKGROUND: &str = "#ffffff";
/// Where the footer band starts.
const FOOTER: f64 = 548.0;

/// What a card shows, with every text already in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The small line above the title: the site's title, or the plan's on an indicator's card.
    pub kicker: String,
    pub title: String,
    pub body: Body,
    /// Who publishes: the agency's name (may be empty).
    pub agency: String,
    /// The site's address without the scheme (`cds.example.gov.vn`).
    pub host: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// A site card: the site's description (may be empty).
    Site {
        description: String,
    },
    Plan(PlanFigures),
    Indicator(IndicatorFigures),
}

/// Where a plan stands, as its card says it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanFigures {
    /// The big figure and its words: ("21/32", "targets achieved or on track"); none for a
    /// plan without targets.
    pub targets: Option<(String, String)>,
    /// ("8/91", "tasks overdue"); none for a plan without tasks.
    pub tasks: Option<(String, String)>,
    /// Some task is overdue: its figure is drawn in the off-track colour.
    pub overdue: bool,
    /// The targets by status, drawn as one bar; statuses with no target are left out.
    pub statuses: Vec<(Status, usize)>,
}

/// Where one target stands.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorFigures {
    /// The latest reading as the page writes it (`82,5%`), or a dash.
    pub latest: String,
    /// "Số liệu mới nhất (Quý 3/2025)".
    pub latest_label: String,
    /// "Mục tiêu: 90% (2025)".
    pub target_label: String,
    pub status: Status,
    pub status_label: String,
    /// The overall readings in time order, the baseline first.
    pub trend: Vec<f64>,
    /// The target value, drawn as a dashed line across the trend, and as written (`80%`).
    pub target: f64,
    pub target_value: String,
}

/// The card as an SVG document of `WIDTH` × `HEIGHT` user units.
pub fn svg(card: &Card) -> String {
    let mut svg = Svg::new("card", "card", (W, H), &card.title, "");
    svg.tag("g")
        .attr("font-family", text::FAMILY)
        .attr("fill", TEXT)
        .open();
    rect(&mut svg, (0.0, 0.0, W, H), BACKGROUND);
    rect(&mut svg, (0.0, 0.0, W, 12.0), ACCENT);
    let kicker = fit(&card.kicker, Style::regular(28.0), W - 2.0 * MARGIN);
    line(
        &mut svg,
        (MARGIN, 76.0),
        &kicker,
        Style::regular(28.0),
        MUTED,
    );
    match &card.body {
        Body::Site { description } => site_body(&mut svg, &card.title, description),
        Body::Plan(figures) => plan_body(&mut svg, &card.title, figures),
        Body::Indicator(figures) => indicator_body(&mut svg, &card.title, figures),
    }
    footer(&mut svg, &card.agency, &card.host);
    svg.close("g");
    svg.finish()
}

/// Draws `svg` (as `svg` makes it, or any self-contained SVG) into a PNG of `width` ×
/// `height` pixels on a white ground, with the built-in fonts.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: text::FAMILY.to_string(),
        fontdb: Arc::clone(fonts()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot draw {width}×{height} pixels"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode(&pixmap).map_err(|e| e.to_string())
}

/// The pixmap as a PNG. A card has flat colours and anti-aliased text, usually under 256
/// colours in all: then it is written with a palette of exactly those colours (lossless, a
/// third of the data to compress), else as RGB (the ground is opaque, so alpha says nothing).
/// Unfiltered rows deflated at level 4 suit such pictures: about 30 KB a card, four times
/// faster than tiny-skia's own encoder. The encoder writes no time or text chunks, and the
/// palette is in order of first use, so the bytes depend on the pixels alone.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(4));
    encoder.set_filter(png::Filter::NoFilter);
    let data = match indexed(pixmap) {
        Some((palette, indices)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette);
            indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            pixmap
                .data()
                .chunks_exact(4)
                .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
                .collect()
        }
    };
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&data)?;
    writer.finish()?;
    Ok(out)
}

/// The pixmap's colours in order of first use and each pixel's index among them, when there
/// are at most 256.
fn indexed(pixmap: &tiny_skia::Pixmap) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut palette: Vec<u8> = Vec::with_capacity(256 * 3);
    let mut index_of: HashMap<[u8; 3], u8> = HashMap::with_capacity(256);
    let mut indices = Vec::with_capacity(pixmap.data().len() / 4);
    // Neighbours mostly share a colour: look up only where the colour changes.
    let mut last: Option<([u8; 3], u8)> = None;
    for pixel in pixmap.data().chunks_exact(4) {
        let colour = [pixel[0], pixel[1], pixel[2]];
        let index = match last {
            Some((seen, index)) if seen == colour => index,
            _ => {
                let next = index_of.len();
                let index = match index_of.get(&colour) {
                    Some(&index) => index,
                    None => {
                        let index = u8::try_from(next).ok()?;
                        index_of.insert(colour, index);
                        palette.extend_from_slice(&colour);
                        index
                    }
                };
                last = Some((colour, index));
                index
            }
        };
        indices.push(index);
    }
    Some((palette, indices))
}

/// The font database: the two built-in fonts, loaded once and shared.
fn fonts() -> &'static Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for data in [text::REGULAR, text::BOLD] {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
        }
        db.set_sans_serif_family(text::FAMILY);
        Arc::new(db)
    })
}

fn site_body(svg: &mut Svg, title: &str, description: &str) {
    let title_style = Style::bold(64.0);
    let lines = wrap(title, title_style, W - 2.0 * MARGIN, 3);
    let mut y = 176.0;
    for text in &lines {
        line(svg, (MARGIN, y), text, title_style, TEXT);
        y += 78.0;
    }
    let style = Style::regular(34.0);
    let room = ((FOOTER - 40.0 - y) / 48.0).floor().max(0.0) as usize + 1;
    y += 8.0;
    for text in wrap(description, style, W - 2.0 * MARGIN, room.min(3)) {
        if y > FOOTER - 30.0 {
            break;
        }
        line(svg, (MARGIN, y), &text, style, MUTED);
        y += 48.0;
    }
}

/// The title of a plan or indicator card: bold, at most two lines; returns where the
/// figures may start.
fn heading(svg: &mut Svg, title: &str) -> f64 {
    let style = Style::bold(46.0);
    let mut y = 142.0;
    for text in wrap(title, style, W - 2.0 * MARGIN, 2) {
        line(svg, (MARGIN, y), &text, style, TEXT);
        y += 58.0;
    }
    y
}

fn plan_body(svg: &mut Svg, title: &str, figures: &PlanFigures) {
    let top = heading(svg, title).max(210.0);
    let column = (W - 2.0 * MARGIN - 48.0) / 2.0;
    let overdue_ink = if figures.overdue {
        status_colour("overdue")
    } else {
        TEXT
    };
    let shown = [
        (&figures.targets, status_colour("achieved")),
        (&figures.tasks, overdue_ink),
    ];
    let shown = shown
        .into_iter()
        .filter_map(|(figure, ink)| figure.as_ref().map(|f| (f, ink)));
    for (i, ((figure, words), ink)) in shown.enumerate() {
        let x = MARGIN + i as f64 * (column + 48.0);
        let size = shrink_to_fit(figure, 104.0, 48.0, column, true);
        let figure = fit(figure, Style::bold(size), column);
        line(svg, (x, top + 100.0), &figure, Style::bold(size), ink);
        let style = Style::regular(32.0);
        for (j, text) in wrap(words, style, column, 2).iter().enumerate() {
            line(svg, (x, top + 148.0 + j as f64 * 42.0), text, style, TEXT);
        }
    }
    status_bar(svg, &figures.statuses, FOOTER - 52.0);
}

/// The targets by status as one bar across the card, each status in its colour, with a
/// white gap between statuses.
fn status_bar(svg: &mut Svg, statuses: &[(Status, usize)], y: f64) {
    let total: usize = statuses.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return;
    }
    let width = W - 2.0 * MARGIN;
    let mut x = MARGIN;
    for (status, count) in statuses.iter().filter(|(_, n)| *n > 0) {
        let w = width * *count as f64 / total as f64;
        rect(
            svg,
            (x, y, (w - 4.0).max(2.0), 22.0),
            status_colour(status.key()),
        );
        x += w;
    }
}

fn indicator_body(svg: &mut Svg, title: &str, figures: &IndicatorFigures) {
    let top = heading(svg, title).max(210.0);
    let column = 560.0;
    let size = shrink_to_fit(&figures.latest, 100.0, 44.0, column, true);
    let latest = fit(&figures.latest, Style::bold(size), column);
    line(svg, (MARGIN, top + 92.0), &latest, Style::bold(size), TEXT);
    let small = Style::regular(28.0);
    let latest_label = fit(&figures.latest_label, small, column);
    line(svg, (MARGIN, top + 134.0), &latest_label, small, MUTED);
    let target_style = Style::regular(30.0);
    let target = fit(&figures.target_label, target_style, column);
    line(svg, (MARGIN, top + 182.0), &target, target_style, TEXT);
    badge(
        svg,
        figures,
        (MARGIN, (top + 206.0).min(FOOTER - 74.0)),
        column,
    );
    trend(
        svg,
        figures,
        (680.0, top + 10.0, W - MARGIN - 680.0, FOOTER - 40.0 - top),
    );
}

/// The status as the site's badges show it: its shape and its word, in its colour, in a
/// white pill outlined in the same colour.
fn badge(svg: &mut Svg, figures: &IndicatorFigures, (x, y): (f64, f64), room: f64) {
    let ink = status_colour(figures.status.key());
    let style = Style::bold(30.0);
    let label = fit(&figures.status_label, style, room - 100.0);
    let width = style.width(&label) + 92.0;
    svg.tag("rect")
        .num("x", x)
        .num("y", y)
        .num("width", width)
        .num("height", 56.0)
        .num("rx", 28.0)
        .attr("fill", BACKGROUND)
        .attr("stroke", ink)
        .num("stroke-width", 3.0)
        .end();
    status_marker(svg, figures.status, x + 36.0, y + 28.0, 13.0);
    line(svg, (x + 64.0, y + 39.0), &label, style, ink);
}

/// The readings as a line in the box `(x, y, width, height)`, the target as a dashed line,
/// the latest reading as the status's marker.
fn trend(svg: &mut Svg, figures: &IndicatorFigures, (x, y, width, height): (f64, f64, f64, f64)) {
    let values: Vec<f64> = figures
        .trend
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let target = figures.target.is_finite().then_some(figures.target);
    let all = values.iter().copied().chain(target);
    let (low, high) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !low.is_finite() || !high.is_finite() {
        return;
    }
    let span = if high - low > f64::EPSILON {
        high - low
    } else {
        low.abs().max(1.0)
    };
    let (low, high) = (low - span * 0.12, high + span * 0.12);
    let to_y = |v: f64| y + height - (v - low) / (high - low) * height;
    rect(svg, (x, y, width, height), SURFACE);
    if let Some(target) = target {
        let ty = to_y(target);
        svg.tag("line")
            .num("x1", x)
            .num("y1", ty)
            .num("x2", x + width)
            .num("y2", ty)
            .attr("stroke", LINK)
            .num("stroke-width", 4.0)
            .attr("stroke-dasharray", "14 10")
            .end();
        if !figures.target_value.is_empty() {
            let style = Style::bold(24.0);
            let label = fit(&figures.target_value, style, width / 2.0);
            // Above the line when the line is low in the box, else below it.
            let ly = if ty > y + 40.0 { ty - 12.0 } else { ty + 32.0 };
            svg.tag("text")
                .num("x", x + 12.0)
                .num("y", ly)
                .num("font-size", style.size)
                .attr("font-weight", "700")
                .attr("fill", LINK)
                .text(&label);
        }
    }
    if values.is_empty() {
        return;
    }
    let step = if values.len() > 1 {
        (width - 60.0) / (values.len() - 1) as f64
    } else {
        0.0
    };
    let points: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let px = if values.len() > 1 {
                x + 30.0 + step * i as f64
            } else {
                x + width / 2.0
            };
            (px, to_y(*v))
        })
        .collect();
    if points.len() > 1 {
        let d: Vec<String> = points
            .iter()
            .enumerate()
            .map(|(i, (px, py))| {
                format!(
                    "{}{},{}",
                    if i == 0 { "M" } else { "L" },
                    num(*px),
                    num(*py)
                )
            })
            .collect();
        svg.tag("path")
            .attr("d", &d.concat())
            .attr("fill", "none")
            .attr("stroke", TEXT)
            .num("stroke-width", 5.0)
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round")
            .end();
    }
    let (last, rest) = points.split_last().expect("not empty");
    for (px, py) in rest {
        svg.tag("circle")
            .num("cx", *px)
            .num("cy", *py)
            .num("r", 7.0)
            .attr("fill", TEXT)
            .end();
    }
    status_marker(svg, figures.status, last.0, last.1, 16.0);
}

fn footer(svg: &mut Svg, agency: &str, host: &str) {
    rect(svg, (0.0, FOOTER, W, H - FOOTER), SURFACE);
    rect(svg, (0.0, FOOTER, W, 2.0), RULE);
    let baseline = FOOTER + (H - FOOTER) / 2.0 + 10.0;
    let host_style = Style::regular(26.0);
    let host = fit(host, host_style, 420.0);
    let host_width = host_style.width(&host);
    svg.tag("text")
        .num("x", W - MARGIN)
        .num("y", baseline)
        .num("font-size", 26.0)
        .attr("text-anchor", "end")
        .attr("fill", MUTED)
        .text(&host);
    let style = Style::bold(28.0);
    let room = W - 2.0 * MARGIN - host_width - 40.0;
    line(
        svg,
        (MARGIN, baseline),
        &fit(agency, style, room),
        style,
        TEXT,
    );
}

fn rect(svg: &mut Svg, (x, y, width, height): (f64, f64, f64, f64), fill: &str) {
    svg.tag("rect")
        .num("x", x)
        .num("y", y)
        .num("width", width)
        .num("height", height)
        .attr("fill", fill)
        .end();
}

/// One line of text with its baseline at `(x, y)`.
fn line(svg: &mut Svg, (x, y): (f64, f64), text: &str, style: Style, fill: &str) {
    if text.is_empty() {
        return;
    }
    let tag = svg
        .tag("text")
        .num("x", x)
        .num("y", y)
        .num("font-size", style.size)
        .attr("fill", fill);
    let tag = if style.bold {
        tag.attr("font-weight", "700")
    } else {
        tag
    };
    tag.text(text);
}

#[cfg(test)]
mod tests;
