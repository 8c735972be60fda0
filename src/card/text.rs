//! The fonts built into the binary and the text measured with them: a card's lines are
//! wrapped and shortened by the widths the rasteriser will draw, not by a guess.

use std::collections::VecDeque;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Noto Sans (OFL 1.1, from Debian's fonts-noto-core), which covers Vietnamese.
pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub(crate) static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
/// The family name both fonts carry, as SVG `font-family` names it.
pub(crate) const FAMILY: &str = "Noto Sans";

const ELLIPSIS: &str = "…";

/// A font size and weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f64,
    pub bold: bool,
}

impl Style {
    pub const fn regular(size: f64) -> Style {
        Style { size, bold: false }
    }

    pub const fn bold(size: f64) -> Style {
        Style { size, bold: true }
    }

    /// The advance width of `text` in this style: the sum of its glyphs' advances (kerning,
    /// which only narrows Latin text, is left out, so a line measured to fit does fit).
    pub fn width(self, text: &str) -> f64 {
        let mut total = 0.0;
        self.advances(text, |_, advance| {
            total += advance;
            true
        });
        total
    }

    fn fits(self, text: &str, width: f64) -> bool {
        self.width(text) <= width
    }

    /// The byte length of the longest start of `text` no wider than `width`.
    fn prefix_within(self, text: &str, width: f64) -> usize {
        let mut total = 0.0;
        let mut end = 0;
        self.advances(text, |at, advance| {
            total += advance;
            if total > width {
                return false;
            }
            end = at;
            true
        });
        end
    }

    /// Calls `each` with the byte offset after each character and its advance, while it
    /// returns true.
    fn advances(self, text: &str, mut each: impl FnMut(usize, f64) -> bool) {
        let data = if self.bold { BOLD } else { REGULAR };
        let Ok(font) = FontRef::new(data) else {
            // The fonts are built in, so this cannot happen; an estimate beats a panic.
            for (at, c) in text.char_indices() {
                if !each(at + c.len_utf8(), self.size * 0.6) {
                    return;
                }
            }
            return;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(self.size as f32), LocationRef::default());
        for (at, c) in text.char_indices() {
            let glyph = charmap.map(c).unwrap_or_default();
            let advance = f64::from(metrics.advance_width(glyph).unwrap_or(0.0));
            if !each(at + c.len_utf8(), advance) {
                return;
            }
        }
    }
}

/// `text` on one line of `width`, ending in an ellipsis when it had to be shortened.
pub fn fit(text: &str, style: Style, width: f64) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if style.fits(&text, width) {
        return text;
    }
    let room = width - style.width(ELLIPSIS);
    let kept = text[..style.prefix_within(&text, room)].trim_end();
    // Cut between words when that keeps most of the line.
    let kept = match kept.rfind(' ') {
        Some(space) if space * 3 > kept.len() * 2 => kept[..space].trim_end(),
        _ => kept,
    };
    format!("{kept}{ELLIPSIS}")
}

/// `text` in lines of at most `width`, word by word, at most `max_lines` of them; the last
/// ends in an ellipsis when the text goes on. A word wider than a line is split.
pub fn wrap(text: &str, style: Style, width: f64, max_lines: usize) -> Vec<String> {
    let mut words: VecDeque<String> = text.split_whitespace().map(String::from).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    if max_lines == 0 {
        return lines;
    }
    while let Some(word) = words.pop_front() {
        let joined = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if style.fits(&joined, width) {
            line = joined;
            continue;
        }
        if lines.len() + 1 == max_lines {
            let rest: Vec<String> = std::iter::once(joined).chain(words).collect();
            lines.push(fit(&rest.join(" "), style, width));
            return lines;
        }
        if line.is_empty() {
            let cut = longest_prefix(&word, style, width);
            lines.push(word[..cut].to_string());
            words.push_front(word[cut..].to_string());
        } else {
            lines.push(std::mem::take(&mut line));
            words.push_front(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The size (at most `size`, at least `min`) at which `text` fits `width` on one line.
pub fn shrink_to_fit(text: &str, size: f64, min: f64, width: f64, bold: bool) -> f64 {
    let natural = Style { size, bold }.width(text);
    if natural <= width || natural <= 0.0 {
        return size;
    }
    (size * width / natural).floor().max(min)
}

/// The byte length of the longest start of `word` that fits (at least one character).
fn longest_prefix(word: &str, style: Style, width: f64) -> usize {
    let first = word.chars().next().map_or(0, char::len_utf8);
    style.prefix_within(word, width).max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let style = Style::regular(40.0);
        // Noto Sans: "i" is far narrower than "m", and bold is wider than regular.
        assert!(style.width("iiii") * 2.0 < style.width("mmmm"));
        assert!(Style::bold(40.0).width("Chỉ tiêu") > style.width("Chỉ tiêu"));
        // Precomposed Vietnamese letters have glyphs of their own, as wide as their base.
        let plain = style.width("Chi tieu");
        let marked = style.width("Chỉ tiêu");
        assert!((plain - marked).abs() < 1.0, "{plain} vs {marked}");
        assert_eq!(style.width(""), 0.0);
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let text = "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận";
        let style = Style::bold(48.0);
        let lines = wrap(text, style, 600.0, 10);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(style.width(line) <= 600.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn the_last_line_ends_in_an_ellipsis_when_text_goes_on() {
        let text = "một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám";
        let style = Style::regular(40.0);
        let lines = wrap(text, style, 300.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(style.width(&lines[1]) <= 300.0);
        assert!(!lines[0].ends_with('…'));
    }

    #[test]
    fn a_word_wider_than_the_line_is_split() {
        let word = "a".repeat(200);
        let style = Style::regular(30.0);
        let lines = wrap(&word, style, 200.0, 20);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| style.width(l) <= 200.0));
    }

    #[test]
    fn fitting_shortens_and_marks_the_cut() {
        let style = Style::regular(30.0);
        assert_eq!(fit("Ngắn", style, 500.0), "Ngắn");
        let long = fit("Sở Khoa học và Công nghệ tỉnh Minh An", style, 200.0);
        assert!(long.ends_with('…'));
        assert!(style.width(&long) <= 200.0);
        assert_eq!(fit("Dài", style, 1.0), "…");
    }

    #[test]
    fn shrinking_fits_a_figure_to_its_column() {
        let size = shrink_to_fit("1.234.567.890 hồ sơ", 96.0, 40.0, 700.0, true);
        assert!(40.0 < size && size < 96.0);
        assert!(Style::bold(size).width("1.234.567.890 hồ sơ") <= 700.0);
        // Never below the smallest size: the caller shortens what still does not fit.
        assert_eq!(
            shrink_to_fit(&"9".repeat(200), 96.0, 40.0, 500.0, true),
            40.0
        );
        assert_eq!(shrink_to_fit("82,5%", 96.0, 40.0, 500.0, true), 96.0);
    }
}
