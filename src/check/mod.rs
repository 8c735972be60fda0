//! `minhbach check`'s content rules (pure): problems a checker can see in the Markdown a
//! person wrote, beyond what a build needs — images without alt text, skipped heading
//! levels, links without text, links that open a new window without saying so, and two
//! pages of one language with the same title. Every finding names the file, line and
//! column, quotes the line and gives a hint.
//!
//! Severity: a problem that leaves readers of assistive technology with nothing (an image
//! or a link with no text) is an error, so `check` exits with 1; a problem that makes a page
//! harder to use but still usable (a skipped heading level, a new window not announced, two
//! pages with one title) is a warning. `build` does not run these rules.
//!
//! `external` checks the site's links to other sites over the network, only when asked
//! (`check --external`, `build --check-links-external`).

pub mod external;
mod html;
mod rules;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, front_matter};
use crate::diag::{Diagnostic, Source};
use crate::source::TextFile;
use crate::t;

pub use rules::body;

/// Runs every rule over the Markdown files of the site (by path inside `content/`). Pages
/// that cannot be parsed are skipped (the build reports them); drafts are checked only when
/// they are built.
pub fn run(pages: &BTreeMap<String, TextFile>, config: &Config, drafts: bool) -> Vec<Diagnostic> {
    let options = crate::markdown::options(&crate::markdown::MarkdownOptions {
        smart_punctuation: config.markdown.smart_punctuation,
        ..Default::default()
    });
    let checked: Vec<(Vec<Diagnostic>, Option<Titled>)> = pages
        .par_iter()
        .map(|(path, file)| {
            let Ok(split) = front_matter::split(&file.file, &file.text) else {
                return (Vec::new(), None);
            };
            let (page, _) = content::parse_page(path.clone(), file.clone(), config);
            if page.as_ref().is_some_and(|p| p.front.draft) && !drafts {
                return (Vec::new(), None);
            }
            let source = Source::fragment(&file.file, split.body, split.body_line);
            let found = body(&source, options);
            let titled = page.and_then(|page| {
                let title = page.front.title.clone()?;
                let at = crate::toml_input::key_range(&file.text, "title");
                (at != (0..0)).then(|| Titled {
                    file: file.file.clone(),
                    text: file.text.clone(),
                    at,
                    lang: page.lang,
                    title,
                })
            });
            (found, titled)
        })
        .collect();
    let mut out = Vec::new();
    let mut titled = Vec::new();
    for (found, title) in checked {
        out.extend(found);
        titled.extend(title);
    }
    out.extend(duplicate_titles(&titled));
    out
}

/// A page's written title, where it is written, and the page's language.
pub struct Titled {
    pub file: String,
    pub text: String,
    pub at: std::ops::Range<usize>,
    pub lang: String,
    pub title: String,
}

/// Two pages of one language with the same title are told apart by nothing in a list of
/// tabs, search results or a screen reader's list of windows: each one after the first is
/// a warning naming the first.
pub fn duplicate_titles(pages: &[Titled]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<(String, String), &Titled> = BTreeMap::new();
    let mut out = Vec::new();
    let mut sorted: Vec<&Titled> = pages.iter().collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    for page in sorted {
        let key = (
            page.lang.clone(),
            page.title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase(),
        );
        match first.get(&key) {
            Some(other) => out.push(
                Diagnostic::warning(
                    "duplicate-title",
                    t!(
                        "check-duplicate-title",
                        lang = &page.lang,
                        title = &page.title
                    ),
                )
                .at(&Source::new(&page.file, &page.text), page.at.clone())
                .with_note(t!("site-other-page", file = &other.file))
                .with_hint(t!("check-duplicate-title-hint")),
            ),
            None => {
                first.insert(key, page);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::text_files;

    fn config() -> Config {
        Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n")
            .unwrap()
    }

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, TextFile> {
        text_files("content", list)
    }

    #[test]
    fn duplicate_titles_are_warned_within_a_language_only() {
        let pages = files(&[
            ("a.md", "+++\ntitle = \"Tin tức\"\n+++\n"),
            (
                "b.md",
                "+++\ndate = 2025-01-01\ntitle = \"Tin  tức\"\n+++\n",
            ),
            ("a.en.md", "+++\ntitle = \"Tin tức\"\n+++\n"),
            ("c.md", "+++\ntitle = \"Khác\"\ndraft = true\n+++\n"),
            ("d.md", "+++\ntitle = \"Khác\"\n+++\n"),
        ]);
        let found = run(&pages, &config(), false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "duplicate-title");
        assert_eq!(found[0].location(), "content/b.md:3:1");
        assert!(found[0].notes[0].contains("content/a.md"));
        // With drafts built, the draft's title counts too.
        assert_eq!(run(&pages, &config(), true).len(), 2);
    }

    #[test]
    fn body_findings_are_placed_in_the_whole_file() {
        let pages = files(&[("a.md", "+++\ntitle = \"A\"\n+++\n\n![](x.png)\n")]);
        let found = run(&pages, &config(), false);
        assert_eq!(found[0].location(), "content/a.md:5:1");
    }
}
