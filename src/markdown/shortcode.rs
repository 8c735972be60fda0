//! Shortcodes (pure): a call such as `{{ chart(indicator="dvc", kind="trend") }}` written
//! alone in a paragraph, read into its name and arguments. The Markdown stage finds them;
//! whoever registered the name renders them.

/// A shortcode call written alone in a paragraph: `{{ chart(indicator="dvc", kind="trend") }}`.
/// Returns the name and the arguments; quotes may be straight or curly (smart punctuation).
pub fn parse_shortcode(text: &str) -> Option<(String, Vec<(String, String)>)> {
    let inner = text.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let (name, rest) = inner.split_once('(')?;
    let arguments = rest.trim().strip_suffix(')')?;
    let name = name.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let mut out = Vec::new();
    for part in arguments
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (key, value) = part.split_once('=')?;
        let value = value
            .trim()
            .trim_matches(|c| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’'));
        out.push((key.trim().to_string(), value.to_string()));
    }
    Some((name.to_string(), out))
}

#[cfg(test)]
mod tests {
    use super::parse_shortcode;

    #[test]
    fn shortcodes_are_read_with_straight_or_curly_quotes() {
        let (name, args) =
            parse_shortcode("{{ chart(indicator=\"dvc\", kind=\"trend\") }}").unwrap();
        assert_eq!(name, "chart");
        assert_eq!(
            args,
            [
                ("indicator".to_string(), "dvc".to_string()),
                ("kind".to_string(), "trend".to_string())
            ]
        );
        let (_, args) = parse_shortcode("{{chart(indicator=“dvc”)}}").unwrap();
        assert_eq!(args[0].1, "dvc");
        assert!(parse_shortcode("{{ not a call }}").is_none());
        assert!(parse_shortcode("text {{ chart() }}").is_none());
    }
}
