//! Escaping text for HTML and XML (pure): the one escaper of every page, feed and chart that
//! is written without a template (templates autoescape).

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

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            escape("a < b & \"c\" 'd'"),
            "a &lt; b &amp; &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("x\u{1}y\tz"), "xy\tz");
        assert_eq!(escape("chuyển đổi số"), "chuyển đổi số");
    }
}
