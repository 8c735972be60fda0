//! The pages made for browsing awareness sections (pure): in each language that has a
//! section's own page or one of its pieces, an index of audiences and one of topics, a page
//! for each audience and topic some piece there is filed under, and the section's own page
//! when its folder has no `_index` in that language. Takes the parsed pages and the pieces,
//! returns the new pages with what each lists; no disk.

use std::collections::BTreeSet;

use super::terms::{AUDIENCE_DIR, TOPIC_DIR, Term, Vocabulary, dir_segment};
use super::{Awareness, AwarenessInputs};
use crate::content::{ContentPage, FrontMatter, SECTION_STEM};

/// Which pieces a made page lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The index of audiences (`doi-tuong/`).
    Audiences,
    /// The index of topics (`chu-de/`).
    Topics,
    Audience(Term),
    Topic(Term),
}

/// A page made for browsing an awareness section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// The section's folder inside `content/`.
    pub root: String,
    pub filter: Filter,
}

/// One way of browsing a section: by audience or by topic.
struct Browse {
    /// The folder of its pages, in Vietnamese and elsewhere.
    dir: (&'static str, &'static str),
    /// Its terms among the site's.
    terms: fn(&Vocabulary) -> &[Term],
    /// What its index lists: `Filter::Audiences` or `Filter::Topics`.
    index: Filter,
    /// The interface text naming the index, and the index's weight.
    index_title: &'static str,
    index_weight: i64,
    /// The interface texts naming a term (`audience_citizens`) and summing up its page.
    name_prefix: &'static str,
    summary: &'static str,
}

const BROWSE: [Browse; 2] = [
    Browse {
        dir: AUDIENCE_DIR,
        terms: |v| &v.audiences,
        index: Filter::Audiences,
        index_title: "awareness_by_audience",
        index_weight: 900,
        name_prefix: "audience_",
        summary: "awareness_list_audience",
    },
    Browse {
        dir: TOPIC_DIR,
        terms: |v| &v.topics,
        index: Filter::Topics,
        index_title: "awareness_by_topic",
        index_weight: 901,
        name_prefix: "topic_",
        summary: "awareness_list_topic",
    },
];

impl Browse {
    /// The ids a piece is filed under this way.
    fn ids<'p>(&self, piece: &'p ContentPage) -> &'p [String] {
        if self.index == Filter::Audiences {
            &piece.front.audience
        } else {
            &piece.front.topics
        }
    }

    /// What the page of one of its terms lists.
    fn filter(&self, term: &Term) -> Filter {
        if self.index == Filter::Audiences {
            Filter::Audience(term.clone())
        } else {
            Filter::Topic(term.clone())
        }
    }
}

/// The list pages of every awareness section, in each language that has the section's
/// own page or one of its pieces: an index of audiences and of topics, and a page for each
/// audience and topic that some piece in that language is filed under.
pub(super) fn list_pages(
    pages: &[ContentPage],
    roots: &BTreeSet<String>,
    awareness: &Awareness,
    inputs: &AwarenessInputs<'_>,
) -> Vec<(ContentPage, Option<List>)> {
    let mut out = Vec::new();
    for root in roots {
        for lang in &inputs.config.languages {
            let pieces: Vec<&ContentPage> = pages
                .iter()
                .filter(|page| {
                    awareness
                        .pieces
                        .get(&page.content_path)
                        .is_some_and(|p| p.root == *root)
                        && inputs.publish.leaves_out(page).is_none()
                        && page.lang == *lang
                })
                .collect();
            let own = pages
                .iter()
                .find(|p| p.is_section() && p.dir == *root && p.lang == *lang)
                .map(|p| p.file.clone());
            if own.is_none() && pieces.is_empty() {
                continue;
            }
            let file = own.clone().unwrap_or_else(|| format!("content/{root}/"));
            let made = Made {
                root,
                lang,
                file: &file,
                inputs,
            };
            if own.is_none() {
                out.push((made.section(), None));
            }
            for browse in &BROWSE {
                browse_pages(&made, browse, &awareness.vocabulary, &pieces, &mut out);
            }
        }
    }
    out
}

/// The index of one way of browsing a section, and a page for each of its terms that some
/// of `pieces` is filed under (nothing when none is).
fn browse_pages(
    made: &Made<'_>,
    browse: &Browse,
    vocabulary: &Vocabulary,
    pieces: &[&ContentPage],
    out: &mut Vec<(ContentPage, Option<List>)>,
) {
    let used: Vec<&Term> = (browse.terms)(vocabulary)
        .iter()
        .filter(|term| pieces.iter().any(|p| browse.ids(p).contains(&term.id)))
        .collect();
    if used.is_empty() {
        return;
    }
    let list = |filter| {
        Some(List {
            root: made.root.to_string(),
            filter,
        })
    };
    let dir = browse.dir.0;
    let mut index = made.page(
        dir,
        SECTION_STEM,
        made.text(browse.index_title),
        browse.index_weight,
    );
    index.front.slug = Some(dir_segment(browse.dir, made.lang).into());
    index.front.template = Some("awareness_index.html".into());
    index.front.paginate_by = Some(0);
    out.push((index, list(browse.index.clone())));
    for (weight, term) in used.into_iter().enumerate() {
        let inputs = made.inputs;
        let name = term.name(browse.name_prefix, made.lang, inputs.config, inputs.i18n);
        let summary = made
            .inputs
            .i18n
            .format(made.lang, browse.summary, &[("name", &name)]);
        let mut page = made.page(dir, &term.vi_segment, name, weight as i64);
        page.front.summary = Some(summary);
        page.front.slug = Some(term.segment(made.lang).into());
        page.front.template = Some("awareness_list.html".into());
        out.push((page, list(browse.filter(term))));
    }
}

/// Makes the pages of one section in one language.
struct Made<'a> {
    root: &'a str,
    lang: &'a str,
    file: &'a str,
    inputs: &'a AwarenessInputs<'a>,
}

impl Made<'_> {
    /// A text of the site's interface in the section's language (the key when it has none).
    fn text(&self, key: &str) -> String {
        self.inputs
            .i18n
            .get(self.lang, key)
            .unwrap_or(key)
            .to_string()
    }

    /// The section's own page, made like those of folders without `_index.md`.
    fn section(&self) -> ContentPage {
        let mut page = self.page("", SECTION_STEM, self.text("awareness_title"), 0);
        page.front.template = Some("awareness.html".into());
        page.file = String::new();
        page
    }

    /// A page at `ROOT/folder/stem` (a section when `stem` is `_index`), addressed by `@/`
    /// links without `.md` like the pages plans make.
    fn page(&self, folder: &str, stem: &str, title: String, weight: i64) -> ContentPage {
        let dir = [self.root, folder]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        let full = format!("{dir}/{stem}");
        let is_section = stem == SECTION_STEM;
        let key = if is_section {
            format!("{full}.md")
        } else {
            full.clone()
        };
        let content_path = match (self.lang == self.inputs.config.default_language, is_section) {
            (true, _) => key.clone(),
            (false, true) => format!("{full}.{}.md", self.lang),
            (false, false) => format!("{full}.{}", self.lang),
        };
        ContentPage {
            file: self.file.to_string(),
            content_path,
            key,
            dir,
            stem: stem.to_string(),
            lang: self.lang.to_string(),
            front: FrontMatter {
                title: Some(title),
                weight: Some(weight),
                ..FrontMatter::default()
            },
            text: String::new(),
            body_offset: 0,
            body_line: 1,
            plan_page: None,
        }
    }
}
