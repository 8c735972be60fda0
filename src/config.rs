//! `site-config.toml`: parsed and validated from text (pure); `load` reads the file (I/O).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::de::DeTable;

use crate::diag::{Diagnostic, Source};
use crate::slug::slugify;
use crate::t;
use crate::toml_input::{self, struct_fields};
use crate::values::{DateValue, LocalText};

pub use crate::source::CONFIG_FILE;

/// The site's configuration, validated: languages are known, the base URL is absolute.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Config {
    pub title: LocalText,
    #[serde(default)]
    pub description: Option<LocalText>,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub default_language: String,
    /// Every language of the site, the default one included; defaults to just the default.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// The date the site reports "as of": task deadlines are judged against it, never
    /// against the clock, so that a build can be reproduced.
    #[serde(default)]
    pub as_of: Option<DateValue>,
    /// Entries per page of a section's list; 0 turns pagination off.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    #[serde(default)]
    pub agency: Agency,
    #[serde(default)]
    pub markdown: MarkdownConfig,
    #[serde(default)]
    pub search: SearchConfig,
    #[serde(default)]
    pub awareness: AwarenessConfig,
    #[serde(default)]
    pub data: DataConfig,
    /// `[[menu]]`: the header's links, in order of weight; without any, the home page's
    /// sections.
    #[serde(default)]
    pub menu: Vec<MenuEntry>,
    /// Free-form settings for themes.
    #[serde(default)]
    pub extra: toml::Table,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct Agency {
    #[serde(default)]
    pub name: Option<LocalText>,
    #[serde(default)]
    pub address: Option<LocalText>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct MarkdownConfig {
    /// Raw HTML in Markdown is sanitised unless this is true.
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Curly quotes and dashes.
    #[serde(default)]
    pub smart_punctuation: bool,
    /// A link after each heading so readers can share a place in the page.
    #[serde(default = "yes")]
    pub heading_anchors: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            allow_raw_html: false,
            smart_punctuation: false,
            heading_anchors: true,
        }
    }
}

/// `[awareness]`: what the site's awareness material is filed under.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct AwarenessConfig {
    /// The site's own topics, in order; `None` keeps the built-in ones
    /// (`content::awareness::DEFAULT_TOPICS`).
    #[serde(default)]
    pub topics: Option<Vec<TopicConfig>>,
}

/// One topic of `[awareness] topics`.
#[derive(Clone, Debug, Deserialize)]
pub struct TopicConfig {
    /// What pieces write in `topics`, and the topic's address in languages other than
    /// Vietnamese.
    pub id: String,
    /// Its name in each language; else the interface text `topic_ID`, else the id.
    #[serde(default)]
    pub name: Option<LocalText>,
    /// The last part of its list page's address in Vietnamese; else the built-in topic's
    /// with the same id, else the id.
    #[serde(default)]
    pub segment: Option<String>,
    /// Other words writers use for it, suggested back to them.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One link of `[[menu]]` (as Zola and Hugo write menus).
#[derive(Clone, Debug, Deserialize)]
pub struct MenuEntry {
    /// Its words in each language (required; checked with the site's words).
    #[serde(default)]
    pub name: Option<LocalText>,
    /// A page of the site written `@/path/in/content.md` (as in Markdown), a path from the
    /// site's root (`/tin-tuc/`), or a web address.
    #[serde(default)]
    pub url: Option<String>,
    /// Lighter first; entries of the same weight keep the order written.
    #[serde(default)]
    pub weight: i64,
    /// Where the entry is written in `site-config.toml` (its `url`, else the entry), so that
    /// a link checked once the pages are known is reported at its line.
    #[serde(skip)]
    pub at: Spot,
}

/// A place in `site-config.toml` kept for a check made after the file is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spot {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    /// The line as written.
    pub text: String,
}

impl Spot {
    /// Places `diagnostic` here, in `site-config.toml`.
    pub fn place(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.file = CONFIG_FILE.to_string();
        diagnostic.line = self.line;
        diagnostic.column = self.column;
        diagnostic.width = self.width;
        diagnostic.source_line = Some(self.text.clone());
        diagnostic
    }
}

/// How much a spreadsheet may hold once unzipped: an `.xlsx` is a zip, and a small file can
/// inflate to gigabytes (by mistake or on purpose).
#[derive(Clone, Debug, Deserialize)]
pub struct DataConfig {
    /// The most one sheet (or the shared strings) may inflate to, in MB.
    #[serde(default = "default_max_sheet_mb")]
    pub max_sheet_mb: u64,
    /// The most text one cell may hold, in KB.
    #[serde(default = "default_max_cell_kb")]
    pub max_cell_kb: u64,
    /// The licence the open data is published under: an SPDX id (`CC-BY-4.0`) or an address.
    #[serde(default)]
    pub license: Option<String>,
    /// CSV downloads start with a UTF-8 byte-order mark, so that Excel shows Vietnamese.
    #[serde(default = "yes")]
    pub csv_bom: bool,
}

impl DataConfig {
    /// The licence as an address: an SPDX id becomes its page on spdx.org.
    pub fn license_url(&self) -> Option<String> {
        let license = self.license.as_deref()?.trim();
        if license.is_empty() {
            None
        } else if is_web_address(license) {
            Some(license.to_string())
        } else {
            Some(format!("https://spdx.org/licenses/{license}.html"))
        }
    }
}

impl Default for DataConfig {
    fn default() -> Self {
        DataConfig {
            max_sheet_mb: default_max_sheet_mb(),
            max_cell_kb: default_max_cell_kb(),
            license: None,
            csv_bom: true,
        }
    }
}

fn default_max_sheet_mb() -> u64 {
    200
}

fn default_max_cell_kb() -> u64 {
    64
}

#[derive(Clone, Debug, Deserialize)]
pub struct SearchConfig {
    #[serde(default = "yes")]
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig { enabled: true }
    }
}

/// The language of a site whose settings name none.
pub const DEFAULT_LANGUAGE: &str = "vi";

fn default_language() -> String {
    DEFAULT_LANGUAGE.into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_paginate_by() -> usize {
    20
}
fn yes() -> bool {
    true
}

fn known_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(struct_fields::<Config>()),
        ["agency"] => Some(struct_fields::<Agency>()),
        ["markdown"] => Some(struct_fields::<MarkdownConfig>()),
        ["search"] => Some(struct_fields::<SearchConfig>()),
        ["data"] => Some(struct_fields::<DataConfig>()),
        ["awareness"] => Some(struct_fields::<AwarenessConfig>()),
        ["awareness", "topics"] => Some(struct_fields::<TopicConfig>()),
        ["menu"] => Some(struct_fields::<MenuEntry>()),
        _ => None,
    }
}

impl Config {
    /// Parses and validates the text of `site-config.toml`.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let source = Source::new(CONFIG_FILE, text);
        let places = |document: &DeTable<'_>| (topic_places(document), menu_places(document));
        let (parsed, mut diagnostics) =
            toml_input::parse_keeping::<Config, _>(&source, CONFIG_FILE, &known_keys, places);
        let Some((mut config, (topic_places, menu_places))) = parsed else {
            return Err(diagnostics);
        };
        config.normalise();
        diagnostics.extend(config.validate(&source));
        diagnostics.extend(config.validate_topics(&source, &topic_places));
        diagnostics.extend(config.place_menu(&source, &menu_places));
        if diagnostics.iter().any(Diagnostic::is_error) {
            Err(diagnostics)
        } else {
            Ok(config)
        }
    }

    fn normalise(&mut self) {
        if self.languages.is_empty() {
            self.languages.push(self.default_language.clone());
        }
        if !self.languages.contains(&self.default_language) {
            self.languages.insert(0, self.default_language.clone());
        }
        // The default language first, the others in the order written.
        let default = self.default_language.clone();
        self.languages.sort_by_key(|l| *l != default);
        self.languages.dedup();
        while self.base_url.ends_with('/') {
            self.base_url.pop();
        }
    }

    fn validate(&self, source: &Source<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let key_at = |key: &str| toml_input::key_range(source.text, key);
        if !is_web_address(&self.base_url) {
            out.push(
                Diagnostic::error(
                    "config-base-url",
                    t!("config-base-url", url = &self.base_url),
                )
                .at(source, key_at("base_url"))
                .with_hint(t!("config-base-url-hint")),
            );
        }
        for lang in &self.languages {
            if !is_language_code(lang) {
                out.push(
                    Diagnostic::error("config-language", t!("config-language-code", lang = lang))
                        .at(source, key_at("languages"))
                        .with_hint(t!("config-language-code-hint")),
                );
            }
        }
        for text in [Some(&self.title), self.description.as_ref()]
            .into_iter()
            .flatten()
        {
            for unknown in text.unknown_languages(&self.languages) {
                out.push(
                    Diagnostic::warning(
                        "config-language",
                        t!("config-text-language", lang = unknown),
                    )
                    .at(source, key_at("title"))
                    .with_hint(t!("config-language-add-hint", lang = unknown)),
                );
            }
        }
        out
    }

    /// Each topic's id and segment are address-safe and its own.
    fn validate_topics(&self, source: &Source<'_>, places: &[TopicPlaces]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let Some(topics) = &self.awareness.topics else {
            return out;
        };
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut segments: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, topic) in topics.iter().enumerate() {
            let place = places.get(index).cloned().unwrap_or_default();
            let mut fields = vec![("id", topic.id.as_str(), place.id, &mut ids)];
            if let Some(segment) = &topic.segment {
                fields.push(("segment", segment.as_str(), place.segment, &mut segments));
            }
            for (key, value, span, seen) in fields {
                let slug = slugify(value);
                if slug != value {
                    let hint = if slug.is_empty() {
                        t!("config-topic-slug-empty-hint")
                    } else {
                        t!("config-topic-slug-hint", slug = slug)
                    };
                    out.push(
                        Diagnostic::error(
                            "config-topic",
                            t!("config-topic-not-address", key = key, value = value),
                        )
                        .at(source, span)
                        .with_hint(hint),
                    );
                } else if let Some(first) = seen.insert(value, index) {
                    out.push(
                        Diagnostic::error(
                            "config-topic",
                            t!(
                                "config-topic-duplicate",
                                first = first + 1,
                                second = index + 1,
                                key = key,
                                value = value
                            ),
                        )
                        .at(source, span)
                        .with_hint(t!("config-topic-duplicate-hint", key = key)),
                    );
                }
            }
            if let Some(name) = &topic.name {
                for unknown in name.unknown_languages(&self.languages) {
                    out.push(
                        Diagnostic::warning(
                            "config-language",
                            t!(
                                "config-topic-name-language",
                                topic = &topic.id,
                                lang = unknown
                            ),
                        )
                        .at(source, place.name.clone())
                        .with_hint(t!("config-language-add-hint", lang = unknown)),
                    );
                }
            }
        }
        out
    }

    /// Notes where each `[[menu]]` entry is written, and checks that each has a name and a
    /// `url`; the pages its `@/` links name are checked once the site is linked.
    fn place_menu(&mut self, source: &Source<'_>, places: &[MenuPlaces]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (index, entry) in self.menu.iter_mut().enumerate() {
            let place = places.get(index).cloned().unwrap_or_default();
            let found = source.locate(place.url.clone());
            entry.at = Spot {
                line: found.line,
                column: found.column,
                width: found.width,
                text: found.text,
            };
            let label = entry.name.as_ref().map_or_else(
                || (index + 1).to_string(),
                |n| {
                    n.get(&self.default_language, &self.default_language)
                        .to_string()
                },
            );
            if entry.name.as_ref().is_none_or(|n| {
                n.get(&self.default_language, &self.default_language)
                    .trim()
                    .is_empty()
            }) {
                out.push(
                    Diagnostic::error("menu-name", t!("menu-no-name", number = index + 1))
                        .at(source, place.entry.clone())
                        .with_hint(t!("menu-no-name-hint")),
                );
            }
            if entry.url.as_deref().is_none_or(|u| u.trim().is_empty()) {
                out.push(
                    Diagnostic::error("menu-url", t!("menu-no-url", name = &label))
                        .at(source, place.url.clone())
                        .with_hint(t!("menu-no-url-hint")),
                );
            }
        }
        out
    }

    /// Languages other than the default, in configured order.
    pub fn other_languages(&self) -> impl Iterator<Item = &str> {
        self.languages
            .iter()
            .filter(|l| **l != self.default_language)
            .map(String::as_str)
    }

    pub fn is_language(&self, lang: &str) -> bool {
        self.languages.iter().any(|l| l == lang)
    }

    /// The path part of `base_url` (`/portal` for `https://x.gov.vn/portal`), empty at a root.
    pub fn base_path(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme.find('/').map_or("", |i| &after_scheme[i..])
    }

    /// The `extra` table as a plain map for templates.
    pub fn extra_map(&self) -> BTreeMap<String, toml::Value> {
        self.extra.clone().into_iter().collect()
    }
}

/// Where each topic of `[awareness] topics` writes its id, segment and name (its table's
/// place for what it leaves out), to place what `validate_topics` finds.
#[derive(Clone, Debug, Default)]
struct TopicPlaces {
    id: Range<usize>,
    segment: Range<usize>,
    name: Range<usize>,
}

fn topic_places(document: &DeTable<'_>) -> Vec<TopicPlaces> {
    let topics = document
        .get("awareness")
        .and_then(|a| a.get_ref().as_table())
        .and_then(|a| a.get("topics"))
        .and_then(|t| t.get_ref().as_array());
    let Some(topics) = topics else {
        return Vec::new();
    };
    topics
        .iter()
        .map(|item| {
            let at = |key: &str| {
                item.get_ref()
                    .as_table()
                    .and_then(|t| t.get(key))
                    .map_or_else(|| item.span(), |v| v.span())
            };
            TopicPlaces {
                id: at("id"),
                segment: at("segment"),
                name: at("name"),
            }
        })
        .collect()
}

/// Where each entry of `[[menu]]` is written: the entry, and its `url` (the entry where it
/// has none).
#[derive(Clone, Debug, Default)]
struct MenuPlaces {
    entry: Range<usize>,
    url: Range<usize>,
}

fn menu_places(document: &DeTable<'_>) -> Vec<MenuPlaces> {
    let Some(entries) = document.get("menu").and_then(|m| m.get_ref().as_array()) else {
        return Vec::new();
    };
    entries
        .iter()
        .map(|item| {
            let url = item
                .get_ref()
                .as_table()
                .and_then(|t| t.get("url"))
                .map_or_else(|| item.span(), |v| v.span());
            MenuPlaces {
                entry: item.span(),
                url,
            }
        })
        .collect()
}

/// Reads `site-config.toml` under `root`.
pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let path = root.join(CONFIG_FILE);
    let text = crate::source::read_text(&path, CONFIG_FILE).map_err(|d| vec![d])?;
    Config::parse(&text)
}

/// An absolute `http://` or `https://` address with a host.
pub fn is_web_address(url: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        url.strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
    })
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let config =
            Config::parse("title = \"Cổng\"\nbase_url = \"https://x.gov.vn/portal/\"\n").unwrap();
        assert_eq!(config.languages, ["vi"]);
        assert_eq!(config.base_url, "https://x.gov.vn/portal");
        assert_eq!(config.base_path(), "/portal");
        assert_eq!(config.theme, "default");
        assert!(!config.markdown.allow_raw_html);
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_suggestion() {
        let errors = Config::parse(
            "title = \"x\"\nbase_ur = \"https://x.vn\"\nbase_url = \"https://x.vn\"\n",
        )
        .unwrap_err();
        assert_eq!(errors[0].location(), "site-config.toml:2:1");
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `base_url`?"));
    }

    #[test]
    fn default_language_comes_first() {
        let config = Config::parse(
            "title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"en\", \"vi\"]\n",
        )
        .unwrap();
        assert_eq!(config.languages, ["vi", "en"]);
        assert_eq!(config.other_languages().collect::<Vec<_>>(), ["en"]);
    }

    #[test]
    fn relative_base_url_is_refused_at_its_line() {
        let errors = Config::parse("title = \"x\"\nbase_url = \"example.org\"\n").unwrap_err();
        assert_eq!(errors[0].location(), "site-config.toml:2:1");
    }

    #[test]
    fn topics_are_the_sites_own_when_listed() {
        let config = Config::parse(
            "title = \"x\"\nbase_url = \"https://x.vn\"\n\n[[awareness.topics]]\nid = \"cashless\"\nname = { vi = \"Không tiền mặt\", en = \"Cashless\" }\nsegment = \"khong-tien-mat\"\naliases = [\"tiền mặt\"]\n",
        )
        .unwrap();
        let topics = config.awareness.topics.unwrap();
        assert_eq!(topics.len(), 1);
        assert_eq!(topics[0].id, "cashless");
        assert_eq!(topics[0].segment.as_deref(), Some("khong-tien-mat"));
        let plain = Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\n").unwrap();
        assert!(plain.awareness.topics.is_none());
    }

    #[test]
    fn a_topic_key_misspelt_or_an_id_unfit_for_an_address_is_placed() {
        let errors = Config::parse(
            "title = \"x\"\nbase_url = \"https://x.vn\"\n[awareness]\ntopics = [\n  { id = \"cashless\", nam = \"Cashless\" },\n]\n",
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].location(), "site-config.toml:5:22");
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `name`?"));

        let errors = Config::parse(
            "title = \"x\"\nbase_url = \"https://x.vn\"\n[awareness]\ntopics = [\n  { id = \"Thanh toán\" },\n  { id = \"ai\", segment = \"tri-tue\" },\n  { id = \"ai2\", segment = \"tri-tue\" },\n]\n",
        )
        .unwrap_err();
        let placed: Vec<(String, &str)> = errors
            .iter()
            .map(|d| (d.location(), d.message.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                (
                    "site-config.toml:5:10".to_string(),
                    "topic id `Thanh toán` cannot be part of an address"
                ),
                (
                    "site-config.toml:7:27".to_string(),
                    "topics 2 and 3 both have the segment `tri-tue`"
                ),
            ]
        );
        assert_eq!(
            errors[0].hint.as_deref(),
            Some("write \"thanh-toan\": lowercase letters, digits and dashes")
        );
        let unknown =
            Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\n[awareness]\ntopic = []\n")
                .unwrap_err();
        assert_eq!(unknown[0].hint.as_deref(), Some("did you mean `topics`?"));
    }
}
