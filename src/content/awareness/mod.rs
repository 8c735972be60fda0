//! Awareness material (pure): the sections that hold it (`kind = "awareness"` in a section's
//! `[extra]`, or a folder named `awareness/`), the audiences and topics its pages are
//! filed under (fixed audiences; the site's own topics, or built-in ones), and what a piece may say in its front matter — how-to steps, questions and
//! answers, campaign dates, downloads — each mistake placed at its line with a hint. It also
//! makes the pages for browsing a section by audience and by topic, before the site is linked.
//!
//! ```toml
//! audience = ["citizens", "businesses"]   # citizens | businesses | officials
//! topics = ["vneid", "public-services"]   # ids of the site's topics (DEFAULT_TOPICS)
//! [extra]
//! featured = true                         # first among the home page's highlights
//! [extra.campaign]                        # a campaign page, with its dates
//! start = 2025-10-01
//! end = 2025-10-10
//! [[extra.steps]]                         # a how-to guide: one table per step, in order
//! name = "Đăng nhập"
//! text = "Markdown"
//! [[extra.faq]]                           # questions, each answered in a <details>
//! question = "…"
//! answer = "Markdown"
//! [[extra.downloads]]                     # a poster or leaflet among the files of content/
//! title = "Áp phích"
//! file = "ap-phich.pdf"                   # beside the page, or @/path/inside/content
//! ```
//!
//! `audience` is checked on every page; `topics` only inside awareness sections, where they
//! name a list page (elsewhere they are free tags), and one the site does not list is a
//! warning. The lists live in each awareness section
//! at `doi-tuong/ID/` and `chu-de/ID/` with Vietnamese segments in Vietnamese
//! (`/nang-cao-nhan-thuc/doi-tuong/nguoi-dan/`) and the ids in other languages
//! (`/en/awareness/audience/citizens/`); `@/SECTION/doi-tuong/nguoi-dan` links to one.

mod campaign;
mod check;
mod downloads;
mod entries;
mod lists;
mod sections;
mod terms;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::ContentPage;
use crate::diag::Diagnostic;
use crate::i18n::I18n;
use check::check_page;
pub use downloads::format_name;
use lists::list_pages;
pub use lists::{Filter, List};
use sections::{root_of, section_kinds};
pub use terms::{AUDIENCE_DIR, AUDIENCES, Builtin, DEFAULT_TOPICS, TOPIC_DIR, Term, Vocabulary};

/// A step of a how-to guide or a question with its answer. `text` is Markdown; `html` and
/// `plain` are filled once pages can be linked (`render::awareness::finish`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub text: String,
    /// The line of the file where `text` starts, for messages about its Markdown.
    pub line: usize,
    pub html: String,
    pub plain: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Campaign {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A file of `content/` offered for download, with what readers are told about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub title: String,
    /// The file's path inside `content/`.
    pub content_path: String,
    /// `PDF`, `SVG`, `PNG`…
    pub format: String,
    pub bytes: u64,
}

/// A page of an awareness section, with what its front matter adds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Piece {
    pub root: String,
    pub steps: Vec<Entry>,
    pub faq: Vec<Entry>,
    pub campaign: Option<Campaign>,
    pub downloads: Vec<Download>,
    pub featured: bool,
}

impl Piece {
    /// What kind of piece it is, by what it holds: `campaign`, `guide`, `faq` or `article`.
    pub fn kind(&self) -> &'static str {
        if self.campaign.is_some() {
            "campaign"
        } else if !self.steps.is_empty() {
            "guide"
        } else if !self.faq.is_empty() {
            "faq"
        } else {
            "article"
        }
    }
}

/// The site's awareness material: sections, pieces (by content path) and made pages.
#[derive(Clone, Debug, Default)]
pub struct Awareness {
    /// The folders of awareness sections (the top one of nested ones), sorted.
    pub roots: Vec<String>,
    pub pieces: BTreeMap<String, Piece>,
    /// Made pages by content path.
    pub lists: BTreeMap<String, List>,
    /// The audiences and topics pieces are filed under.
    pub vocabulary: Vocabulary,
    /// The pieces of each section in each language, newest first; filled once the site is
    /// linked (`render::awareness::finish`).
    pub members: BTreeMap<(String, String), Vec<usize>>,
}

/// What `prepare` reads besides the pages.
pub struct AwarenessInputs<'a> {
    pub config: &'a Config,
    pub i18n: &'a I18n,
    /// Pages marked `draft = true` are kept (so lists are made for them too).
    pub publish: crate::content::Publish,
    /// The other files of `content/`, by their path inside it.
    pub assets: &'a BTreeSet<String>,
    /// The size in bytes of a file of `content/`.
    pub file_size: &'a (dyn Fn(&str) -> Option<u64> + Sync),
}

/// Checks the awareness front matter of every page, sets the default templates of
/// awareness sections (`awareness.html`) and pieces (`awareness_page.html`), and adds the
/// pages that list pieces by audience and topic.
pub fn prepare(
    pages: &mut Vec<ContentPage>,
    inputs: &AwarenessInputs<'_>,
) -> (Awareness, Vec<Diagnostic>) {
    let kinds = section_kinds(pages);
    let mut awareness = Awareness {
        vocabulary: Vocabulary::new(inputs.config),
        ..Awareness::default()
    };
    let mut diagnostics = Vec::new();
    let mut roots: BTreeSet<String> = BTreeSet::new();
    for page in pages.iter_mut() {
        let root = if page.is_section() {
            root_of(&kinds, &page.dir).filter(|r| *r == page.dir)
        } else {
            root_of(&kinds, &page.dir)
        };
        if let Some(root) = &root {
            roots.insert(root.clone());
            if page.front.template.is_none() {
                page.front.template = Some(
                    if page.is_section() {
                        "awareness.html"
                    } else {
                        "awareness_page.html"
                    }
                    .into(),
                );
            }
        }
        let piece_root = root.filter(|_| !page.is_section());
        if piece_root.is_none() && page.front.audience.is_empty() {
            continue;
        }
        let (piece, mut found) = check_page(page, piece_root, inputs, &awareness.vocabulary);
        diagnostics.append(&mut found);
        if let Some(piece) = piece {
            awareness.pieces.insert(page.content_path.clone(), piece);
        }
    }
    roots.remove("");
    let made = list_pages(pages, &roots, &awareness, inputs);
    for (page, list) in made {
        if let Some(list) = list {
            awareness.lists.insert(page.content_path.clone(), list);
        }
        pages.push(page);
    }
    awareness.roots = roots.into_iter().collect();
    (awareness, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::content_pages;

    fn config() -> Config {
        Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n")
            .unwrap()
    }

    pub(super) fn prepared(
        files: &[(&str, &str)],
    ) -> (Vec<ContentPage>, Awareness, Vec<Diagnostic>) {
        let config = config();
        let mut pages = content_pages(files, &config);
        let (i18n, _) = I18n::parse(&BTreeMap::new(), &config);
        let assets = BTreeSet::from(["giup/to-roi.pdf".to_string()]);
        let size = |path: &str| (path == "giup/to-roi.pdf").then_some(125_000);
        let inputs = AwarenessInputs {
            config: &config,
            i18n: &i18n,
            publish: crate::content::Publish::default(),
            assets: &assets,
            file_size: &size,
        };
        let (awareness, diagnostics) = prepare(&mut pages, &inputs);
        (pages, awareness, diagnostics)
    }

    #[test]
    fn sections_pieces_and_list_pages_follow_the_kind_of_their_folder() {
        let (pages, awareness, diagnostics) = prepared(&[
            (
                "giup/_index.md",
                "+++\ntitle = \"Giúp\"\n[extra]\nkind = \"awareness\"\n+++\n",
            ),
            (
                "giup/a.md",
                "+++\ntitle = \"A\"\naudience = [\"citizens\"]\ntopics = [\"scams\"]\n[[extra.downloads]]\ntitle = \"Tờ rơi\"\nfile = \"to-roi.pdf\"\n+++\n",
            ),
            (
                "giup/tin/_index.md",
                "+++\ntitle = \"Tin\"\n[extra]\nkind = \"news\"\n+++\n",
            ),
            (
                "giup/tin/b.md",
                "+++\ntitle = \"B\"\ntopics = [\"tự do\"]\n+++\n",
            ),
            (
                "awareness/c.en.md",
                "+++\ntitle = \"C\"\naudience = [\"officials\"]\n+++\n",
            ),
            ("d.md", "+++\ntitle = \"D\"\n+++\n"),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(awareness.roots, ["awareness", "giup"]);
        let pieces: Vec<&str> = awareness.pieces.keys().map(String::as_str).collect();
        assert_eq!(pieces, ["awareness/c.en.md", "giup/a.md"]);
        let download = &awareness.pieces["giup/a.md"].downloads[0];
        assert_eq!(
            (
                download.content_path.as_str(),
                download.format.as_str(),
                download.bytes
            ),
            ("giup/to-roi.pdf", "PDF", 125_000)
        );
        let template = |path: &str| {
            pages
                .iter()
                .find(|p| p.content_path == path)
                .and_then(|p| p.front.template.clone())
        };
        assert_eq!(
            template("giup/_index.md").as_deref(),
            Some("awareness.html")
        );
        assert_eq!(
            template("giup/a.md").as_deref(),
            Some("awareness_page.html")
        );
        assert_eq!(template("giup/tin/b.md"), None);
        assert_eq!(template("d.md"), None);
        // Lists only for the audiences and topics in use, in the languages in use; the
        // `awareness/` folder gets its own section page in English.
        let lists: Vec<(&str, Filter)> = awareness
            .lists
            .iter()
            .map(|(path, list)| (path.as_str(), list.filter.clone()))
            .collect();
        assert_eq!(
            lists,
            [
                ("awareness/doi-tuong/_index.en.md", Filter::Audiences),
                (
                    "awareness/doi-tuong/can-bo-cong-chuc.en",
                    Filter::Audience(Term::from(&AUDIENCES[2]))
                ),
                ("giup/chu-de/_index.md", Filter::Topics),
                (
                    "giup/chu-de/lua-dao-truc-tuyen",
                    Filter::Topic(Term::from(&DEFAULT_TOPICS[4]))
                ),
                ("giup/doi-tuong/_index.md", Filter::Audiences),
                (
                    "giup/doi-tuong/nguoi-dan",
                    Filter::Audience(Term::from(&AUDIENCES[0]))
                ),
            ]
        );
        let made = pages
            .iter()
            .find(|p| p.content_path == "awareness/_index.en.md")
            .expect("a section page for the folder");
        assert_eq!(made.front.template.as_deref(), Some("awareness.html"));
        let slug = |path: &str| {
            pages
                .iter()
                .find(|p| p.content_path == path)
                .and_then(|p| p.front.slug.clone())
        };
        assert_eq!(
            slug("awareness/doi-tuong/_index.en.md").as_deref(),
            Some("audience")
        );
        assert_eq!(
            slug("awareness/doi-tuong/can-bo-cong-chuc.en").as_deref(),
            Some("officials")
        );
        assert_eq!(
            slug("giup/chu-de/lua-dao-truc-tuyen").as_deref(),
            Some("lua-dao-truc-tuyen")
        );
    }
}
