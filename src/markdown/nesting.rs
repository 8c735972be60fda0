//! A bound on how deep HTML nests before it is sanitised (pure). The HTML5 parser behind the
//! sanitiser looks through every open element for many tags, so a page of 60,000 nested
//! `<div>`s takes it seconds (quadratic). No page needs more than a few dozen levels: tags
//! deeper than `MAX_DEPTH` are dropped, their text kept.

use std::borrow::Cow;

/// Deeper than any page means to nest; far below where the parser slows down.
pub const MAX_DEPTH: usize = 256;

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// `html` with the tags nested deeper than `MAX_DEPTH` left out; borrowed when none are.
pub fn limit(html: &str) -> Cow<'_, str> {
    if html.matches('<').count() <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut kept_to = 0;
    let mut depth = 0usize;
    let mut dropped = false;
    let mut rest = 0;
    while let Some(found) = html[rest..].find('<') {
        let start = rest + found;
        let Some((end, kind)) = tag_at(html, start) else {
            rest = start + 1;
            continue;
        };
        let keep = match kind {
            Tag::Open => {
                depth += 1;
                depth <= MAX_DEPTH
            }
            Tag::Close => {
                let keep = depth <= MAX_DEPTH;
                depth = depth.saturating_sub(1);
                keep
            }
            Tag::Other => true,
        };
        if !keep {
            out.push_str(&html[kept_to..start]);
            kept_to = end;
            dropped = true;
        }
        rest = end;
    }
    if !dropped {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[kept_to..]);
    Cow::Owned(out)
}

enum Tag {
    /// A start tag that opens an element (not void, not self-closing).
    Open,
    Close,
    /// A void or self-closing tag, a comment, a doctype.
    Other,
}

/// The end (just past `>`) and kind of the tag starting at `start`, or `None` when the `<`
/// starts no tag.
fn tag_at(html: &str, start: usize) -> Option<(usize, Tag)> {
    let bytes = html.as_bytes();
    let after = *bytes.get(start + 1)?;
    if after == b'!' || after == b'?' {
        let end = if html[start..].starts_with("<!--") {
            html[start..].find("-->").map(|i| start + i + 3)
        } else {
            html[start..].find('>').map(|i| start + i + 1)
        };
        return Some((end.unwrap_or(html.len()), Tag::Other));
    }
    let closing = after == b'/';
    let name_start = start + 1 + usize::from(closing);
    let name_len = html[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 {
        return None;
    }
    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
    // Find the `>` that ends the tag, past quoted attribute values.
    let mut quote = None;
    let mut end = None;
    for (i, byte) in bytes.iter().enumerate().skip(name_start + name_len) {
        match (quote, *byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*byte),
            (None, b'>') => {
                end = Some(i + 1);
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let kind = if closing {
        Tag::Close
    } else if VOID.contains(&name.as_str()) || html[..end].ends_with("/>") {
        Tag::Other
    } else {
        Tag::Open
    };
    Some((end, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_html_is_left_as_it_is() {
        let html = "<div class=\"a>b\"><p>x<br>y<img src=\"a.png\" alt=\"\"/></p><!-- c --></div>";
        assert!(matches!(limit(html), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_go_and_their_text_stays() {
        let depth = MAX_DEPTH + 10;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let limited = limit(&html);
        assert_eq!(
            limited,
            format!(
                "{}text{}",
                "<div>".repeat(MAX_DEPTH),
                "</div>".repeat(MAX_DEPTH)
            )
        );
    }

    #[test]
    fn sixty_thousand_nested_divs_keep_only_the_first_levels() {
        let html = format!("{}x{}", "<div>".repeat(60_000), "</div>".repeat(60_000));
        let limited = limit(&html);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
    }
}
