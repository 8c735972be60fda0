//! The rules that read a page's Markdown body (pure), from pulldown-cmark's events with
//! their byte offsets, and from raw HTML written in the Markdown.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html::{self, Piece};
use crate::diag::{Diagnostic, Source};
use crate::t;

/// Words that tell a reader a link opens a new window or tab, folded to ASCII lowercase.
const NEW_WINDOW_WORDS: [&str; 5] = ["new window", "new tab", "cua so moi", "tab moi", "the moi"];

/// Something whose text is being collected: a Markdown link or image, or a raw `<a>`.
struct Open {
    kind: OpenKind,
    /// Byte offset in the body where it starts.
    at: usize,
    text: String,
}

enum OpenKind {
    Link,
    Image,
    Anchor {
        new_window: bool,
        /// `aria-label` and `title`, which may say what the text does not.
        label: String,
        /// `aria-labelledby`: named elsewhere, which this check cannot follow.
        labelled_elsewhere: bool,
    },
}

/// Every finding in one page body; `source` is the body with its first line in the file.
pub fn body(source: &Source<'_>, options: Options) -> Vec<Diagnostic> {
    let mut checker = Checker {
        source,
        out: Vec::new(),
        open: Vec::new(),
        heading: 1,
    };
    for (event, range) in Parser::new_ext(source.text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                checker.heading(heading_number(level), range.start)
            }
            Event::Start(Tag::Link { .. }) => checker.open.push(Open {
                kind: OpenKind::Link,
                at: range.start,
                text: String::new(),
            }),
            Event::Start(Tag::Image { .. }) => checker.open.push(Open {
                kind: OpenKind::Image,
                at: range.start,
                text: String::new(),
            }),
            Event::End(TagEnd::Link) => checker.close(|k| matches!(k, OpenKind::Link)),
            Event::End(TagEnd::Image) => checker.close(|k| matches!(k, OpenKind::Image)),
            Event::Text(text) | Event::Code(text) => checker.text(&text),
            Event::Html(fragment) | Event::InlineHtml(fragment) => {
                checker.html(&fragment, range.start)
            }
            _ => {}
        }
    }
    checker.out
}

fn heading_number(level: HeadingLevel) -> usize {
    level as usize
}

struct Checker<'s, 'a> {
    source: &'s Source<'a>,
    out: Vec<Diagnostic>,
    open: Vec<Open>,
    /// The level of the last heading; the page's title is level 1.
    heading: usize,
}

impl Checker<'_, '_> {
    fn text(&mut self, text: &str) {
        for open in &mut self.open {
            open.text.push_str(text);
        }
    }

    fn place(&self, at: usize) -> std::ops::Range<usize> {
        let end = self.source.text[at..]
            .find('\n')
            .map_or(self.source.text.len(), |i| at + i);
        at..end
    }

    fn heading(&mut self, level: usize, at: usize) {
        let previous = self.heading;
        self.heading = level;
        let diagnostic = if level == 1 {
            Diagnostic::warning("heading-level", t!("check-heading-h1"))
                .with_hint(t!("check-heading-h1-hint"))
        } else if level > previous + 1 {
            let message = if previous == 1 {
                t!("check-heading-skip-from-title", level = level)
            } else {
                t!("check-heading-skip", previous = previous, level = level)
            };
            Diagnostic::warning("heading-level", message).with_hint(t!(
                "check-heading-skip-hint",
                next = previous + 1,
                marks = "#".repeat(previous + 1)
            ))
        } else {
            return;
        };
        self.out.push(diagnostic.at(self.source, self.place(at)));
    }

    /// Closes the innermost open item that `is_kind` accepts and judges it.
    fn close(&mut self, is_kind: impl Fn(&OpenKind) -> bool) {
        let Some(index) = self.open.iter().rposition(|o| is_kind(&o.kind)) else {
            return;
        };
        let open = self.open.remove(index);
        let text = open.text.trim();
        let range = self.place(open.at);
        match open.kind {
            OpenKind::Image if text.is_empty() => self.out.push(
                Diagnostic::error("image-alt", t!("check-image-alt"))
                    .at(self.source, range)
                    .with_hint(t!("check-image-alt-hint")),
            ),
            OpenKind::Link if text.is_empty() => self.out.push(
                Diagnostic::error("link-text", t!("check-link-text"))
                    .at(self.source, range)
                    .with_hint(t!("check-link-text-hint")),
            ),
            OpenKind::Anchor {
                new_window,
                label,
                labelled_elsewhere,
            } => {
                let name = format!("{text} {label}");
                if name.trim().is_empty() && !labelled_elsewhere {
                    self.out.push(
                        Diagnostic::error("link-text", t!("check-link-text"))
                            .at(self.source, range.clone())
                            .with_hint(t!("check-html-link-text-hint")),
                    );
                }
                if new_window && !says_new_window(&name) {
                    self.out.push(
                        Diagnostic::warning("new-window", t!("check-new-window"))
                            .at(self.source, range)
                            .with_hint(t!("check-new-window-hint")),
                    );
                }
            }
            _ => {}
        }
    }

    /// Raw HTML: `<img>` without `alt`, `<a>` without text or opening a new window
    /// unannounced, and `<h1>`–`<h6>` in the heading order.
    fn html(&mut self, fragment: &str, offset: usize) {
        for piece in html::pieces(fragment) {
            match &piece {
                Piece::Text(text) => self.text(&decode_entities(text)),
                Piece::Start { name, at, .. } if name == "img" => match piece.attribute("alt") {
                    None => self.out.push(
                        Diagnostic::error("image-alt", t!("check-html-image-alt"))
                            .at(self.source, self.place(offset + at))
                            .with_hint(t!("check-html-image-alt-hint")),
                    ),
                    Some(alt) => self.text(alt),
                },
                Piece::Start { name, at, .. } if name == "a" => {
                    let new_window = piece
                        .attribute("target")
                        .is_some_and(|t| t.eq_ignore_ascii_case("_blank"));
                    let label = [piece.attribute("aria-label"), piece.attribute("title")]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.open.push(Open {
                        kind: OpenKind::Anchor {
                            new_window,
                            label,
                            labelled_elsewhere: piece.attribute("aria-labelledby").is_some(),
                        },
                        at: offset + at,
                        text: String::new(),
                    });
                }
                Piece::Start { name, at, .. } => {
                    if let Some(level) = raw_heading(name) {
                        self.heading(level, offset + at);
                    }
                }
                Piece::End { name, .. } if name == "a" => {
                    self.close(|k| matches!(k, OpenKind::Anchor { .. }))
                }
                Piece::End { .. } => {}
            }
        }
    }
}

/// `h1`…`h6` -> 1…6.
fn raw_heading(name: &str) -> Option<usize> {
    let level = name.strip_prefix('h')?.parse().ok()?;
    (1..=6).contains(&level).then_some(level)
}

/// The few entities that matter for telling whether text is empty.
fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ").replace("&#160;", " ")
}

fn says_new_window(text: &str) -> bool {
    let folded = crate::slug::fold_ascii(text).to_lowercase();
    NEW_WINDOW_WORDS.iter().any(|w| folded.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str) -> Vec<Diagnostic> {
        let source = Source::fragment("content/a.md", body, 4);
        super::body(
            &source,
            crate::markdown::options(&crate::markdown::MarkdownOptions::default()),
        )
    }

    fn codes(found: &[Diagnostic]) -> Vec<&'static str> {
        found.iter().map(|d| d.code).collect()
    }

    #[test]
    fn an_image_without_alt_text_is_an_error_at_its_place() {
        let found = check("Đoạn văn.\n\nXem ![](ban-do.png) và ![Bản đồ](b.png).\n");
        assert_eq!(codes(&found), ["image-alt"]);
        assert!(found[0].is_error());
        assert_eq!(found[0].location(), "content/a.md:6:5");
        assert_eq!(
            found[0].source_line.as_deref(),
            Some("Xem ![](ban-do.png) và ![Bản đồ](b.png).")
        );
        assert!(found[0].hint.is_some());
    }

    #[test]
    fn a_raw_image_needs_an_alt_attribute_but_may_leave_it_empty() {
        let found = check("<img src=\"a.png\">\n\nText <img src=b.png alt=\"\"> here.\n");
        assert_eq!(codes(&found), ["image-alt"]);
        assert_eq!(found[0].location(), "content/a.md:4:1");
    }

    #[test]
    fn skipped_heading_levels_and_a_second_h1_are_warnings() {
        let found = check("### Ba\n\n## Hai\n\n#### Bốn\n\n# Một\n\n## Hai\n");
        assert_eq!(
            codes(&found),
            ["heading-level", "heading-level", "heading-level"]
        );
        assert!(!found[0].is_error());
        assert_eq!(found[0].line, 4);
        assert!(
            found[0].message.contains("page title"),
            "{}",
            found[0].message
        );
        assert!(found[1].message.contains("from level 2 to level 4"));
        assert_eq!(found[1].line, 8);
        assert!(found[2].message.contains("level-1"));
        assert!(check("## A\n\n### B\n\n## C\n\n### D\n\n#### E\n").is_empty());
    }

    #[test]
    fn a_link_without_text_is_an_error_and_an_image_can_name_it() {
        let found =
            check("Xem [](https://a.vn) hoặc [ ](b.md).\n\n[![Logo Bộ](logo.png)](https://b.vn)\n");
        assert_eq!(codes(&found), ["link-text", "link-text"]);
        assert_eq!(found[0].column, 5);
        let found = check("<a href=\"/x\"></a> and <a href=\"/y\" aria-label=\"Trang chủ\"></a>\n");
        assert_eq!(codes(&found), ["link-text"]);
    }

    #[test]
    fn links_opening_a_new_window_must_say_so() {
        let found = check(
            "Xem <a href=\"https://dichvucong.gov.vn\" target=\"_blank\">Cổng DVC</a>.\n\n\
             Xem <a href=\"https://a.vn\" target=\"_blank\">Cổng (mở trong cửa sổ mới)</a>.\n\n\
             <a href=\"https://b.vn\" target=\"_blank\" aria-label=\"B (opens in a new window)\">B</a>\n",
        );
        assert_eq!(codes(&found), ["new-window"]);
        assert_eq!(found[0].location(), "content/a.md:4:5");
        assert!(!found[0].is_error());
    }

    #[test]
    fn ordinary_text_has_no_findings() {
        let text = "## Mục tiêu\n\nĐoạn [có liên kết](@/a.md) và `mã`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n{{ chart(indicator=\"x\") }}\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
    }
}
