//! Just enough of HTML to check raw HTML written in Markdown (pure): a fragment split into
//! start tags with their attributes, end tags and the text between, with byte offsets.
//! Comments are skipped; anything that is not a well-formed tag is text.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Start {
        /// Lowercase tag name.
        name: String,
        /// Lowercase attribute names with their values (empty for a bare attribute).
        attributes: Vec<(String, String)>,
        /// Byte offset of the `<` in the fragment.
        at: usize,
    },
    End {
        name: String,
        at: usize,
    },
    Text(&'a str),
}

impl Piece<'_> {
    /// The value of an attribute of a start tag.
    pub fn attribute(&self, wanted: &str) -> Option<&str> {
        match self {
            Piece::Start { attributes, .. } => attributes
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, value)| value.as_str()),
            _ => None,
        }
    }
}

pub fn pieces(fragment: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let bytes = fragment.as_bytes();
    let mut text_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if fragment[i..].starts_with("<!--") {
            let end = fragment[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| i + 4 + e + 3);
            push_text(&mut out, &fragment[text_start..i]);
            i = end;
            text_start = end;
            continue;
        }
        match tag(&fragment[i..]) {
            Some((piece, length)) => {
                push_text(&mut out, &fragment[text_start..i]);
                out.push(match piece {
                    Tag::Start(name, attributes) => Piece::Start {
                        name,
                        attributes,
                        at: i,
                    },
                    Tag::End(name) => Piece::End { name, at: i },
                });
                i += length;
                text_start = i;
            }
            None => i += 1,
        }
    }
    push_text(&mut out, &fragment[text_start..]);
    out
}

fn push_text<'a>(out: &mut Vec<Piece<'a>>, text: &'a str) {
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
}

enum Tag {
    Start(String, Vec<(String, String)>),
    End(String),
}

/// Reads one tag at the start of `text` (which starts with `<`); its length in bytes.
fn tag(text: &str) -> Option<(Tag, usize)> {
    let rest = &text[1..];
    let (closing, rest, offset) = match rest.strip_prefix('/') {
        Some(after) => (true, after, 2),
        None => (false, rest, 1),
    };
    let name_length = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    if name_length == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = rest[..name_length].to_ascii_lowercase();
    let mut position = offset + name_length;
    let mut attributes = Vec::new();
    loop {
        let after = &text[position..];
        let trimmed = after.trim_start();
        position += after.len() - trimmed.len();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.starts_with("/>") {
            position += 2;
            break;
        }
        if trimmed.starts_with('>') {
            position += 1;
            break;
        }
        let attribute_length = trimmed
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(trimmed.len());
        if attribute_length == 0 {
            // A stray `/` inside a tag.
            position += 1;
            continue;
        }
        let attribute = trimmed[..attribute_length].to_ascii_lowercase();
        position += attribute_length;
        let after = &text[position..];
        let trimmed = after.trim_start();
        let value = if trimmed.starts_with('=') {
            position += after.len() - trimmed.len() + 1;
            let after = &text[position..];
            let value_text = after.trim_start();
            position += after.len() - value_text.len();
            match value_text.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let end = value_text[1..].find(quote)?;
                    position += end + 2;
                    value_text[1..1 + end].to_string()
                }
                _ => {
                    let end = value_text
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(value_text.len());
                    position += end;
                    value_text[..end].to_string()
                }
            }
        } else {
            String::new()
        };
        attributes.push((attribute, value));
    }
    Some((
        if closing {
            Tag::End(name)
        } else {
            Tag::Start(name, attributes)
        },
        position,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_text_come_apart_with_offsets() {
        let found = pieces(
            "<p>Xem <a href=\"/x\" target=_blank\n aria-label='X'>đây</a><!-- c --><img src=x alt></p>",
        );
        assert_eq!(found.len(), 7, "{found:?}");
        assert_eq!(found[1], Piece::Text("Xem "));
        assert_eq!(found[2].attribute("target"), Some("_blank"));
        assert_eq!(found[2].attribute("aria-label"), Some("X"));
        assert!(matches!(found[2], Piece::Start { at: 7, .. }));
        assert_eq!(found[3], Piece::Text("đây"));
        assert!(matches!(&found[4], Piece::End { name, .. } if name == "a"));
        assert_eq!(found[5].attribute("alt"), Some(""));
        assert_eq!(found[5].attribute("title"), None);
    }

    #[test]
    fn text_that_only_looks_like_a_tag_stays_text() {
        let found = pieces("1 < 2 and <3");
        assert!(
            found.iter().all(|p| matches!(p, Piece::Text(_))),
            "{found:?}"
        );
    }
}
