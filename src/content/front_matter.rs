//! Front matter: the `+++` TOML block at the top of a page, split off and parsed (pure).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::diag::{Diagnostic, Source};
use crate::messages::Lang;
use crate::t;
use crate::toml_input::{self, struct_fields};
use crate::values::DateValue;

/// The fields a page may set. Section pages (`_index.md`) may also set `sort_by` and
/// `paginate_by`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<DateValue>,
    pub updated: Option<DateValue>,
    #[serde(default)]
    pub draft: bool,
    pub summary: Option<String>,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub template: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub audience: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Free tags of a news article (`tags = ["VNeID", "dịch vụ công"]`); `[extra] tags`
    /// is read too when this is not set.
    #[serde(default)]
    pub tags: Vec<String>,
    pub lang: Option<String>,
    pub sort_by: Option<SortBy>,
    pub paginate_by: Option<usize>,
    #[serde(default)]
    pub extra: toml::Table,
    /// Where the values the awareness checks read are written, kept from the same parse.
    #[serde(skip)]
    pub places: Places,
}

/// The places of what the awareness checks read in a page's front matter, kept from its one
/// parse because whether the page is awareness material is known only once every page is
/// parsed: each item of `audience` and `topics`, and the awareness keys of `[extra]` with
/// every key and value placed. Nothing is allocated for a page that writes none of them.
#[derive(Clone, Debug, Default)]
pub struct Places {
    /// The place of each item of `audience`, in order.
    pub audience: Vec<Range<usize>>,
    /// The place of each item of `topics`, in order.
    pub topics: Vec<Range<usize>>,
    /// The keys of `PLACED_EXTRA` that `[extra]` sets, or `None` when it sets none.
    pub extra: Option<Box<PlacedTable>>,
}

/// The keys of `[extra]` that awareness material sets, whose values keep their places.
const PLACED_EXTRA: [&str; 5] = ["featured", "campaign", "steps", "faq", "downloads"];

/// A table of the front matter with the place of each key and value, in written order.
pub type PlacedTable = toml::map::Map<Spanned<String>, Spanned<PlacedValue>>;

/// A value of the front matter, as far as the awareness checks read it.
#[derive(Clone, Debug)]
pub enum PlacedValue {
    Text(String),
    Flag(bool),
    Datetime(Datetime),
    List(Vec<Spanned<PlacedValue>>),
    Table(PlacedTable),
    /// An integer or a float: only its place is read.
    Number,
}

impl PlacedValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            PlacedValue::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            PlacedValue::Flag(flag) => Some(*flag),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Spanned<PlacedValue>]> {
        match self {
            PlacedValue::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&PlacedTable> {
        match self {
            PlacedValue::Table(table) => Some(table),
            _ => None,
        }
    }

    fn of(value: &Spanned<DeValue<'_>>) -> Spanned<PlacedValue> {
        let placed = match value.get_ref() {
            DeValue::String(text) => PlacedValue::Text(text.to_string()),
            DeValue::Boolean(flag) => PlacedValue::Flag(*flag),
            DeValue::Datetime(at) => PlacedValue::Datetime(*at),
            DeValue::Array(items) => PlacedValue::List(items.iter().map(PlacedValue::of).collect()),
            DeValue::Table(table) => PlacedValue::Table(placed_table(table.iter())),
            DeValue::Integer(_) | DeValue::Float(_) => PlacedValue::Number,
        };
        Spanned::new(value.span(), placed)
    }
}

fn placed_table<'t, 'de: 't>(
    entries: impl Iterator<Item = (&'t Spanned<Cow<'de, str>>, &'t Spanned<DeValue<'de>>)>,
) -> PlacedTable {
    let mut table = PlacedTable::new();
    for (key, value) in entries {
        table.insert(
            Spanned::new(key.span(), key.get_ref().to_string()),
            PlacedValue::of(value),
        );
    }
    table
}

impl Places {
    /// Reads the places from the parsed front matter.
    fn read(table: &DeTable<'_>) -> Places {
        let items = |key: &str| match table.get(key).map(Spanned::get_ref) {
            Some(DeValue::Array(items)) => items.iter().map(Spanned::span).collect(),
            _ => Vec::new(),
        };
        let extra = match table.get("extra").map(Spanned::get_ref) {
            Some(DeValue::Table(extra)) => {
                let kept = placed_table(
                    extra
                        .iter()
                        .filter(|(key, _)| PLACED_EXTRA.contains(&key.get_ref().as_ref())),
                );
                (!kept.is_empty()).then(|| Box::new(kept))
            }
            _ => None,
        };
        Places {
            audience: items("audience"),
            topics: items("topics"),
            extra,
        }
    }
}

impl FrontMatter {
    /// The page's tags: `tags`, or else the strings of `[extra] tags`, trimmed, each once.
    pub fn tags(&self) -> Vec<String> {
        let written: Vec<String> = if self.tags.is_empty() {
            self.extra
                .get("tags")
                .and_then(|v| v.as_array())
                .map(|list| {
                    list.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            self.tags.clone()
        };
        let mut out: Vec<String> = Vec::with_capacity(written.len());
        for tag in written {
            let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            if !tag.is_empty() && !out.contains(&tag) {
                out.push(tag);
            }
        }
        out
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// By `weight` (lightest first), then newest `date`, then title.
    #[default]
    Weight,
    /// Newest `date` first, then title.
    Date,
    /// By title, alphabetically.
    Title,
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(struct_fields::<FrontMatter>()),
        _ => None,
    }
}

/// A page split at its front matter.
#[derive(Clone, Copy, Debug)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// 1-based line of the file where the front matter text starts.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

impl<'a> Split<'a> {
    /// The front matter as a fragment of `file`: positions in it are counted from the line
    /// where the `+++` block starts.
    pub fn source<'s>(&self, file: &'s str) -> Source<'s>
    where
        'a: 's,
    {
        Source::fragment(file, self.front_matter, self.front_matter_line)
    }
}

/// Splits a page at its `+++` lines. A page without front matter is all body.
pub fn split<'a>(file: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let source = Source::new(file, text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first_line = text[..first_line_end].trim_end();
    if first_line == "---" {
        return Err(
            Diagnostic::error("front-matter", t!("content-front-matter-yaml"))
                .at(&source, 0..3)
                .with_hint(t!("content-front-matter-yaml-hint")),
        );
    }
    if first_line != "+++" {
        return Ok(Split {
            front_matter: "",
            front_matter_line: 1,
            body: text,
            body_offset: 0,
            body_line: 1,
        });
    }
    let mut offset = first_line_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "+++" {
            return Ok(Split {
                front_matter: &text[first_line_end..offset],
                front_matter_line: 2,
                body: &text[end..],
                body_offset: end,
                body_line: line + 1,
            });
        }
        offset = end;
        line += 1;
    }
    Err(
        Diagnostic::error("front-matter", t!("content-front-matter-unclosed"))
            .at(&source, 0..3)
            .with_hint(t!("content-front-matter-unclosed-hint")),
    )
}

/// Parses the front matter text of `split`.
pub fn parse(file: &str, split: &Split<'_>) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    if split.front_matter.trim().is_empty() {
        return (Some(FrontMatter::default()), Vec::new());
    }
    let (parsed, diagnostics) = toml_input::parse_keeping::<FrontMatter, _>(
        &split.source(file),
        front_matter_words(),
        &known_keys,
        Places::read,
    );
    let front = parsed.map(|(front, places)| FrontMatter { places, ..front });
    (front, diagnostics)
}

/// "front matter" in the run's language, for the TOML reader's messages: asked of the
/// catalogue once per language, not once per page.
fn front_matter_words() -> &'static str {
    static WORDS: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
    let cell = match crate::messages::language() {
        Lang::Vi => &WORDS[0],
        Lang::En => &WORDS[1],
    };
    cell.get_or_init(|| t!("content-front-matter-what"))
}

/// The front matter of two versions of a page is the same text (so its place, title and
/// order in the site are the same).
pub fn same_text(old: &str, new: &str) -> bool {
    match (split("", old), split("", new)) {
        (Ok(a), Ok(b)) => a.front_matter == b.front_matter && a.body_offset == b.body_offset,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_crlf_and_counts_body_line() {
        let text = "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n";
        let split = split("a.md", text).unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\r\n");
        assert_eq!(split.body, "Body\r\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn unclosed_and_yaml_front_matter_are_errors_at_line_one() {
        let error = split("content/a.md", "+++\ntitle = \"A\"\nBody\n").unwrap_err();
        assert_eq!(error.location(), "content/a.md:1:1");
        let error = split("content/a.md", "---\ntitle: A\n---\n").unwrap_err();
        assert!(error.hint.unwrap().contains("+++"));
    }

    #[test]
    fn toml_errors_are_placed_at_their_line_in_the_file() {
        let text = "+++\ntitle = \"A\"\ndate = 2025-13-45\n+++\n";
        let split = split("content/a.md", text).unwrap();
        let (front, diagnostics) = parse("content/a.md", &split);
        assert!(front.is_none());
        assert_eq!(diagnostics[0].line, 3, "{}", diagnostics[0]);
    }

    #[test]
    fn the_places_awareness_reads_are_kept_from_the_one_parse() {
        let text = "+++\ntitle = \"A\"\naudience = [\"citizens\"]\n[extra]\nkind = \"x\"\n[[extra.steps]]\nname = 1\n+++\n";
        let page = split("content/a.md", text).unwrap();
        let (front, _) = parse("content/a.md", &page);
        let places = front.unwrap().places;
        assert_eq!(
            &page.front_matter[places.audience[0].clone()],
            "\"citizens\""
        );
        assert!(places.topics.is_empty());
        let extra = places.extra.unwrap();
        assert_eq!(
            extra
                .keys()
                .map(|k| k.get_ref().as_str())
                .collect::<Vec<_>>(),
            ["steps"]
        );
        let step = extra["steps"].get_ref().as_array().unwrap()[0].get_ref();
        let name = &step.as_table().unwrap()["name"];
        assert!(matches!(name.get_ref(), PlacedValue::Number));
        assert_eq!(&page.front_matter[name.span()], "1");

        let page = split(
            "content/b.md",
            "+++\ntitle = \"B\"\n[extra]\nkind = \"x\"\n+++\n",
        )
        .unwrap();
        let places = parse("content/b.md", &page).0.unwrap().places;
        assert!(places.audience.is_empty() && places.extra.is_none());
    }

    #[test]
    fn unknown_fields_suggest_the_right_one() {
        let text = "+++\ntitle = \"A\"\ntitel = \"B\"\n+++\n";
        let split = split("content/a.md", text).unwrap();
        let (_, diagnostics) = parse("content/a.md", &split);
        assert_eq!(diagnostics[0].location(), "content/a.md:3:1");
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("did you mean `title`?")
        );
    }

    #[test]
    fn only_identical_front_matter_counts_as_a_body_edit() {
        assert!(same_text(
            "+++\ntitle = \"A\"\n+++\nOne\n",
            "+++\ntitle = \"A\"\n+++\nTwo, longer\n"
        ));
        assert!(!same_text(
            "+++\ntitle = \"A\"\n+++\nOne\n",
            "+++\ntitle = \"B\"\n+++\nOne\n"
        ));
    }
}
