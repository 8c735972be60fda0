//! Escaping text for HTML and XML (pure): the one escaper of every page, feed and chart that
//! is written without a template (templates autoescape), and its reverse for the plain text
//! of rendered HTML (descriptions, card summaries).

/// Escapes `&`, `<`, `>`, `"` and `'`, and drops the control characters that XML 1.0 does not
/// allow (and HTML reports as errors), so the result is safe in text and in quoted attributes
/// of HTML, SVG and Atom alike.
pub fn escape(text: &str) -> String {
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || is_forbidden_control(b))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_ascii() && is_forbidden_control(c as u8) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_forbidden_control(byte: u8) -> bool {
    byte < 0x20 && !matches!(byte, b'\n' | b'\t' | b'\r')
}

/// The text of rendered HTML: each tag becomes a space, and the entities `escape` writes
/// become their characters again (others are kept as written). One pass, as this runs on
/// the summary of every page.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            out.push(' ');
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let entity = ENTITIES.iter().find(|(name, _)| rest.starts_with(name));
        match entity {
            Some((name, c)) => {
                out.push(*c);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

const ENTITIES: [(&str, char); 5] = [
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

#[cfg(test)]
mod tests {
    use super::{escape, text_of};

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            escape("a < b & \"c\" 'd'"),
            "a &lt; b &amp; &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("x\u{1}y\tz"), "xy\tz");
        assert_eq!(escape("chuyển đổi số"), "chuyển đổi số");
    }

    #[test]
    fn text_of_html_drops_tags_and_decodes_what_escape_writes() {
        assert_eq!(
            text_of("<p>Vốn &amp; <em>đầu tư</em> &lt;5%&gt;</p>"),
            " Vốn &  đầu tư  <5%> "
        );
        // Decoded once: an escaped entity stays an entity.
        assert_eq!(
            text_of("&amp;lt; &quot;a&#39;s&quot; &nbsp; & b"),
            "&lt; \"a's\" &nbsp; & b"
        );
        assert_eq!(text_of("a <unclosed"), "a  ");
        assert_eq!(text_of(&escape("x < y & 'z'")), "x < y & 'z'");
    }
}
