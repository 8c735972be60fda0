//! Reading TOML text into typed values, with every problem placed in the file (pure).
//!
//! Unknown keys are found with `serde_ignored` in the same pass that deserializes, so one
//! run reports all of them, each at its own line with a "did you mean" drawn from the
//! fields of the struct that owns the table (read from serde's own field list).

use serde::de::{self, DeserializeOwned, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::t;

/// One step of the path to a key: a table key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyStep {
    Key(String),
    Index(usize),
}

/// For a table reached by the given keys (array indices left out), the keys it accepts.
/// `None` means the table takes any key (such as `[extra]`).
pub type KnownKeys<'a> = &'a dyn Fn(&[&str]) -> Option<&'static [&'static str]>;

/// Parses `source` as TOML into `T`. Returns the value when it could be built (even with
/// unknown keys, which are reported as errors) and every diagnostic found.
pub fn parse<T: DeserializeOwned>(
    source: &Source<'_>,
    what: &str,
    known_keys: KnownKeys<'_>,
) -> (Option<T>, Vec<Diagnostic>) {
    let (parsed, diagnostics) = parse_keeping(source, what, known_keys, |_| ());
    (parsed.map(|(value, ())| value), diagnostics)
}

/// Like `parse`, and `keep` reads the parsed document, with the place of every key and
/// value, before it is turned into `T`: what it returns comes back beside the value. The
/// text is parsed once for both.
pub fn parse_keeping<T: DeserializeOwned, K>(
    source: &Source<'_>,
    what: &str,
    known_keys: KnownKeys<'_>,
    keep: impl FnOnce(&DeTable<'_>) -> K,
) -> (Option<(T, K)>, Vec<Diagnostic>) {
    let table = match DeTable::parse(source.text) {
        Ok(table) => table,
        Err(error) => return (None, vec![syntax_error(source, what, &error)]),
    };
    let kept = keep(table.get_ref());
    let mut unknown: Vec<Vec<KeyStep>> = Vec::new();
    let deserializer = toml::de::Deserializer::from(table);
    let value = serde_ignored::deserialize(deserializer, |path| unknown.push(steps(&path)));
    let mut diagnostics = Vec::new();
    if !unknown.is_empty() {
        // Unknown keys are rare: the text is parsed again only then, to find their places.
        if let Ok(table) = DeTable::parse(source.text) {
            diagnostics.extend(
                unknown
                    .iter()
                    .map(|path| unknown_key(source, what, &table, path, known_keys)),
            );
        }
    }
    match value {
        Ok(value) => (Some((value, kept)), diagnostics),
        Err(error) => {
            diagnostics.push(value_error(source, what, &error));
            (None, diagnostics)
        }
    }
}

fn steps(path: &serde_ignored::Path<'_>) -> Vec<KeyStep> {
    use serde_ignored::Path;
    let mut out = match path {
        Path::Root => return Vec::new(),
        Path::Seq { parent, .. }
        | Path::Map { parent, .. }
        | Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => steps(parent),
    };
    match path {
        Path::Seq { index, .. } => out.push(KeyStep::Index(*index)),
        Path::Map { key, .. } => out.push(KeyStep::Key(key.clone())),
        _ => {}
    }
    out
}

fn syntax_error(source: &Source<'_>, what: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = first_line(error.message());
    Diagnostic::error(
        "toml-syntax",
        t!("toml-syntax", what = what, message = message),
    )
    .at(source, span)
    .with_hint(syntax_hint(message))
}

fn syntax_hint(message: &str) -> String {
    if message.contains("string values must be quoted") || message.contains("invalid string") {
        t!("toml-syntax-quote-hint")
    } else if message.contains("duplicate key") {
        t!("toml-syntax-duplicate-hint")
    } else if message.contains("expected `=`") || message.contains("expected '='") {
        t!("toml-syntax-equals-hint")
    } else {
        t!("toml-syntax-hint")
    }
}

fn value_error(source: &Source<'_>, what: &str, error: &toml::de::Error) -> Diagnostic {
    let message = first_line(error.message());
    let diagnostic = Diagnostic::error(
        "toml-value",
        t!("toml-value", what = what, message = message),
    );
    let diagnostic = match error.span() {
        Some(span) => diagnostic.at(source, span),
        None => diagnostic.at(source, 0..0),
    };
    match value_hint(message) {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

fn value_hint(message: &str) -> Option<String> {
    let hint = if message.contains("expected a boolean") {
        t!("toml-value-boolean-hint")
    } else if message.contains("expected a sequence") {
        t!("toml-value-list-hint")
    } else if message.contains("expected a string") {
        t!("toml-value-string-hint")
    } else if message.contains("expected u") || message.contains("expected i") {
        t!("toml-value-integer-hint")
    } else if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        t!("toml-value-missing-field-hint", field = field)
    } else {
        return None;
    };
    Some(hint)
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

fn unknown_key(
    source: &Source<'_>,
    what: &str,
    table: &Spanned<DeTable<'_>>,
    path: &[KeyStep],
    known_keys: KnownKeys<'_>,
) -> Diagnostic {
    let dotted = dotted(path);
    let name = match path.last() {
        Some(KeyStep::Key(key)) => key.as_str(),
        _ => dotted.as_str(),
    };
    let parent_keys: Vec<&str> = path[..path.len().saturating_sub(1)]
        .iter()
        .filter_map(|step| match step {
            KeyStep::Key(key) => Some(key.as_str()),
            KeyStep::Index(_) => None,
        })
        .collect();
    let known = known_keys(&parent_keys).unwrap_or(&[]);
    let mut diagnostic = Diagnostic::error(
        "unknown-key",
        t!("toml-unknown-key", key = &dotted, what = what),
    )
    .at(source, key_span(table, path).unwrap_or(0..0));
    diagnostic = match did_you_mean(name, known.iter().copied()) {
        Some(suggestion) => diagnostic.with_hint(t!("did-you-mean", suggestion = suggestion)),
        None if !known.is_empty() => {
            diagnostic.with_hint(t!("toml-unknown-key-allowed-hint", keys = known.join(", ")))
        }
        None => diagnostic,
    };
    diagnostic
}

fn dotted(path: &[KeyStep]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            KeyStep::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            KeyStep::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// The span of the last key of `path` in the parsed document.
fn key_span(table: &Spanned<DeTable<'_>>, path: &[KeyStep]) -> Option<std::ops::Range<usize>> {
    let mut current: &DeTable<'_> = table.get_ref();
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for (i, step) in path.iter().enumerate() {
        let last = i + 1 == path.len();
        let value = match step {
            KeyStep::Key(key) => {
                let (spanned_key, value) = current.get_key_value(key.as_str())?;
                if last {
                    return Some(spanned_key.span());
                }
                value
            }
            KeyStep::Index(index) => array?.get(*index)?,
        };
        match value.get_ref() {
            DeValue::Table(inner) => {
                current = inner;
                array = None;
            }
            DeValue::Array(items) => array = Some(items.as_ref()),
            _ => return Some(value.span()),
        }
    }
    None
}

/// The byte range of the first `key =` line's key in TOML text, for placing a problem
/// found after parsing (0..0, the top of the file, when it is not there).
pub fn key_range(text: &str, key: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            let start = offset + line.len() - trimmed.len();
            return start..start + key.len();
        }
        offset += line.len();
    }
    0..0
}

/// The field names serde derives for a struct, read by asking the struct to deserialize
/// itself from a deserializer that only records the names it is offered.
pub fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct FieldNames(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl std::fmt::Display for Stop {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("field names recorded")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> de::Deserializer<'de> for &mut FieldNames {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            enum identifier ignored_any
        }
    }
    let mut names = FieldNames(None);
    let _ = T::deserialize(&mut names);
    names.0.unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        allow_raw_html: Option<bool>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        title: String,
        base_url: Option<String>,
        markdown: Option<Inner>,
    }

    fn keys(path: &[&str]) -> Option<&'static [&'static str]> {
        match path {
            [] => Some(struct_fields::<Outer>()),
            ["markdown"] => Some(struct_fields::<Inner>()),
            _ => None,
        }
    }

    #[test]
    fn reports_every_unknown_key_at_its_line_with_a_suggestion() {
        let text = "title = \"x\"\nbase_ur = \"u\"\n[markdown]\nallow_raw_htm = true\n";
        let source = Source::new("site-config.toml", text);
        let (value, diagnostics) = parse::<Outer>(&source, "site-config.toml", &keys);
        assert_eq!(value.unwrap().title, "x");
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(diagnostics[0].location(), "site-config.toml:2:1");
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `base_url`?")
        );
        assert_eq!(diagnostics[1].location(), "site-config.toml:4:1");
        assert!(diagnostics[1].message.contains("markdown.allow_raw_htm"));
    }

    #[test]
    fn syntax_errors_are_placed_with_the_fragment_offset() {
        let source = Source::fragment("page.md", "title = \"x\"\ndate = \n", 2);
        let (value, diagnostics) = parse::<Outer>(&source, "front matter", &keys);
        assert!(value.is_none());
        assert_eq!(diagnostics[0].code, "toml-syntax");
        assert_eq!(diagnostics[0].line, 3);
    }

    #[test]
    fn wrong_types_name_the_key_line_and_give_a_hint() {
        let source = Source::new(
            "c.toml",
            "title = \"x\"\n[markdown]\nallow_raw_html = \"yes\"\n",
        );
        let (_, diagnostics) = parse::<Outer>(&source, "c.toml", &keys);
        assert_eq!(diagnostics[0].line, 3);
        assert!(diagnostics[0].hint.as_deref().unwrap().contains("true"));
    }

    #[test]
    fn field_names_come_from_serde() {
        assert_eq!(struct_fields::<Outer>(), &["title", "base_url", "markdown"]);
    }
}
