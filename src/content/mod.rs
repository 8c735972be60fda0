//! Content: Markdown files parsed into pages with their front matter and language (pure).
//! Linking them into a site (URLs, sections, order) is `site`'s work.

pub mod awareness;
pub mod front_matter;
pub mod kind;
pub mod plan;
pub mod search_page;
pub mod updates;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{Diagnostic, Source};
use crate::source::TextFile;
use crate::t;
pub use front_matter::{FrontMatter, SortBy};
pub use kind::SectionKind;

pub const SECTION_STEM: &str = "_index";

/// A Markdown file with its front matter parsed.
/// Which pages a run publishes: drafts only when asked (`--drafts`), and pages dated after
/// `today` (the day of the build) only when asked (`--future`, and `serve`, which shows them
/// with a banner). `as_of` is the data's date, never the publishing clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Publish {
    pub drafts: bool,
    pub future: bool,
    /// The day of the build, read from the clock once per run.
    pub today: chrono::NaiveDate,
    /// Pages say they are drafts or scheduled (the preview server).
    pub banners: bool,
}

impl Default for Publish {
    /// Everything but drafts, without banners.
    fn default() -> Self {
        Publish {
            drafts: false,
            future: true,
            today: chrono::NaiveDate::MIN,
            banners: false,
        }
    }
}

/// Why a page is not published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    Draft,
    /// Dated after the day of the build.
    Scheduled,
}

impl Publish {
    /// Why `page` is left out, if it is.
    pub fn leaves_out(&self, page: &ContentPage) -> Option<LeftOut> {
        if page.front.draft && !self.drafts {
            Some(LeftOut::Draft)
        } else if !self.future && self.is_scheduled(page) {
            Some(LeftOut::Scheduled)
        } else {
            None
        }
    }

    /// Whether the page is dated after the day of the build.
    pub fn is_scheduled(&self, page: &ContentPage) -> bool {
        page.front.date.is_some_and(|date| date.date() > self.today)
    }
}

/// Today's date in UTC, from the system clock.
pub fn today() -> chrono::NaiveDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch + chrono::Days::new(seconds / 86_400)
}

#[derive(Clone, Debug)]
pub struct ContentPage {
    /// The file, for messages: `content/news/a.en.md`.
    pub file: String,
    /// The path inside `content/`, as `@/` links name it: `news/a.en.md`.
    pub content_path: String,
    /// The path with the language suffix removed (`news/a.md`): translations share it.
    pub key: String,
    /// The folder inside `content/` (`news`; empty at the top).
    pub dir: String,
    /// The file name without language and extension (`a`, or `_index` for a section).
    pub stem: String,
    pub lang: String,
    pub front: FrontMatter,
    pub text: String,
    pub body_offset: usize,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// For pages of a plan: which of its data the page shows.
    pub plan_page: Option<plan::PlanPage>,
}

impl ContentPage {
    pub fn is_section(&self) -> bool {
        self.stem == SECTION_STEM
    }

    /// The Markdown body (empty once `release_body` has run).
    pub fn body(&self) -> &str {
        self.text.get(self.body_offset..).unwrap_or("")
    }

    /// Takes the whole text out for rendering, leaving the front matter (for messages): the
    /// Markdown stage drops each body as soon as it is rendered, rather than all at the end.
    pub fn take_text(&mut self) -> String {
        let front = self.text.get(..self.body_offset).unwrap_or("").to_string();
        std::mem::replace(&mut self.text, front)
    }

    /// Drops the body once it is rendered, keeping the front matter for messages: a large
    /// site then does not hold every page's source and HTML at once.
    pub fn release_body(&mut self) {
        self.text.truncate(self.body_offset);
        self.text.shrink_to_fit();
    }

    pub fn body_source(&self) -> Source<'_> {
        Source::fragment(&self.file, self.body(), self.body_line)
    }
}

/// Parses every Markdown file; a file with errors is left out and its errors returned.
pub fn parse_pages(
    files: BTreeMap<String, TextFile>,
    config: &Config,
) -> (Vec<ContentPage>, Vec<Diagnostic>) {
    let results: Vec<(Option<ContentPage>, Vec<Diagnostic>)> = files
        .into_par_iter()
        .map(|(content_path, file)| parse_page(content_path, file, config))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (page, mut found) in results {
        diagnostics.append(&mut found);
        pages.extend(page);
    }
    (pages, diagnostics)
}

/// Parses one file. Returns the page when it can be built (with any warnings beside it).
pub fn parse_page(
    content_path: String,
    file: TextFile,
    config: &Config,
) -> (Option<ContentPage>, Vec<Diagnostic>) {
    let TextFile { file, text } = file;
    let split = match front_matter::split(&file, &text) {
        Ok(split) => split,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let (front, mut diagnostics) = front_matter::parse(&file, &split);
    let Some(mut front) = front else {
        return (None, diagnostics);
    };
    let (body_offset, body_line) = (split.body_offset, split.body_line);

    let parts = PathParts::new(&content_path, &file, config, &mut diagnostics);
    let key = parts.key();
    let PathParts {
        dir,
        stem,
        suffix_lang,
    } = parts;
    let source = Source::fragment(&file, &text[..body_offset.min(text.len())], 1);
    let lang = match (&suffix_lang, &front.lang) {
        (Some(suffix), Some(written)) if suffix != written => {
            diagnostics.push(
                Diagnostic::error(
                    "page-language",
                    t!("content-lang-conflict", suffix = suffix, written = written),
                )
                .at(&source, crate::toml_input::key_range(source.text, "lang"))
                .with_hint(t!("content-lang-conflict-hint")),
            );
            suffix.clone()
        }
        (Some(suffix), _) => suffix.clone(),
        (None, Some(written)) if !config.is_language(written) => {
            diagnostics.push(
                Diagnostic::error(
                    "page-language",
                    t!("content-lang-unknown", written = written),
                )
                .at(&source, crate::toml_input::key_range(source.text, "lang"))
                .with_hint(t!(
                    "content-lang-unknown-hint",
                    languages = config.languages.join(", ")
                )),
            );
            config.default_language.clone()
        }
        (None, Some(written)) => written.clone(),
        (None, None) => config.default_language.clone(),
    };

    if front.title.as_deref().is_none_or(|t| t.trim().is_empty()) && stem != SECTION_STEM {
        diagnostics.push(
            Diagnostic::warning("missing-title", t!("content-missing-title"))
                .in_file(&file)
                .with_hint(t!("content-missing-title-hint")),
        );
        front.title = Some(humanise(&stem));
    }

    let page = ContentPage {
        file,
        content_path,
        key,
        dir,
        stem,
        lang,
        front,
        text,
        body_offset,
        body_line,
        plan_page: None,
    };
    (Some(page), diagnostics)
}

/// What a content path says: the folder, the stem, and the language suffix (`a.en.md`).
pub struct PathParts {
    pub dir: String,
    pub stem: String,
    pub suffix_lang: Option<String>,
}

impl PathParts {
    /// Splits `news/a.en.md`; a suffix that looks like a language the site lacks is warned
    /// about and kept in the stem.
    pub fn new(
        content_path: &str,
        file: &str,
        config: &Config,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> PathParts {
        let (dir, file_name) = match content_path.rsplit_once('/') {
            Some((dir, name)) => (dir, name),
            None => ("", content_path),
        };
        let base = file_name.strip_suffix(".md").unwrap_or(file_name);
        let (stem, suffix_lang) = match base.rsplit_once('.') {
            Some((stem, lang)) if config.is_language(lang) => (stem, Some(lang.to_string())),
            Some((_, lang)) if looks_like_language(lang) => {
                diagnostics.push(
                    Diagnostic::warning(
                        "unknown-language",
                        t!("content-suffix-language", file = file_name, lang = lang),
                    )
                    .in_file(file)
                    .with_hint(t!("content-suffix-language-hint", lang = lang)),
                );
                (base, None)
            }
            _ => (base, None),
        };
        PathParts {
            dir: dir.to_string(),
            stem: stem.to_string(),
            suffix_lang,
        }
    }

    /// The path without the language suffix, shared by a page and its translations.
    pub fn key(&self) -> String {
        if self.dir.is_empty() {
            format!("{}.md", self.stem)
        } else {
            format!("{}/{}.md", self.dir, self.stem)
        }
    }
}

fn looks_like_language(suffix: &str) -> bool {
    (2..=3).contains(&suffix.len()) && suffix.chars().all(|c| c.is_ascii_lowercase())
}

/// `ke-hoach_2025` -> `Ke hoach 2025`.
pub fn humanise(stem: &str) -> String {
    let spaced = stem.replace(['-', '_'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n")
            .unwrap()
    }

    fn parse(path: &str, text: &str) -> (Option<ContentPage>, Vec<Diagnostic>) {
        let file = TextFile {
            file: format!("content/{path}"),
            text: text.into(),
        };
        parse_page(path.into(), file, &config())
    }

    #[test]
    fn language_comes_from_the_file_name() {
        let (page, _) = parse("news/a.en.md", "+++\ntitle = \"A\"\n+++\nHi\n");
        let page = page.unwrap();
        assert_eq!(
            (page.lang.as_str(), page.key.as_str(), page.stem.as_str()),
            ("en", "news/a.md", "a")
        );
        assert_eq!(page.body(), "Hi\n");
        assert_eq!(page.body_line, 4);
    }

    #[test]
    fn conflicting_lang_is_an_error_at_the_field() {
        let (_, diagnostics) = parse("a.en.md", "+++\ntitle = \"A\"\nlang = \"vi\"\n+++\n");
        assert_eq!(diagnostics[0].location(), "content/a.en.md:3:1");
    }

    #[test]
    fn a_missing_title_warns_and_uses_the_file_name() {
        let (page, diagnostics) = parse("bao-cao-nam.md", "Body\n");
        assert_eq!(page.unwrap().front.title.as_deref(), Some("Bao cao nam"));
        assert_eq!(diagnostics[0].code, "missing-title");
    }
}
