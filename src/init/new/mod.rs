//! `minhbach new`: one file added to an existing site. A news article, an awareness piece or
//! a page is written with today's date and its front matter filled in, in the section that
//! holds that kind of page (found by the `kind` its `_index.md` names, not by its folder's
//! name); a task is added as a row of a plan's task table (`task`). The site is read first
//! and the file written last; an existing file is never overwritten.

mod task;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;

use crate::config::{self, Config};
use crate::content::{self, Publish, SectionKind};
use crate::diag::Diagnostic;
use crate::pipeline::{self, Timings};
use crate::slug::slugify;
use crate::source::{self, CONTENT_DIR, SiteSources, TextFile, nfc};
use crate::t;

pub use task::TaskRequest;

/// What to add.
#[derive(Clone, Debug)]
pub enum Request {
    /// A news article titled so, in a news section (`--section`, else the site's first).
    News {
        title: String,
        section: Option<String>,
    },
    /// An awareness piece titled so, in an awareness section.
    Awareness {
        title: String,
        section: Option<String>,
    },
    /// A page at a path inside `content/` (`gioi-thieu/lich-su.md`).
    Page { path: String, title: Option<String> },
    /// A task in a plan's task table.
    Task(TaskRequest),
}

/// What was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
    /// The file written, relative to the site folder (`content/tin-tuc/le-ra-mat.md`).
    pub file: String,
    /// The other sections or plans that could have taken the file, when there were several
    /// (the file went into the first, `chosen`).
    pub others: Vec<String>,
    /// For a task: its id, the line of the task table it is on, and the values that were
    /// filled in for the user to check.
    pub task: Option<task::AddedTask>,
}

/// Adds what `request` asks for to the site in `root`. `today` is the date written into
/// pages (the day of the build's clock, UTC, so that the page is not "scheduled").
pub fn run(root: &Path, request: &Request, today: NaiveDate) -> Result<Created, Vec<Diagnostic>> {
    let config = config::load(root)?;
    let (sources, _unread) = source::load(root, &config.theme);
    let site = Site {
        root,
        config: &config,
        sources: &sources,
    };
    match request {
        Request::News { title, section } => {
            site.new_piece(SectionKind::News, title, section.as_deref(), today)
        }
        Request::Awareness { title, section } => {
            site.new_piece(SectionKind::Awareness, title, section.as_deref(), today)
        }
        Request::Page { path, title } => site.new_page(path, title.as_deref(), today),
        Request::Task(request) => task::add(root, &config, &sources, request, today),
    }
}

/// The site as read, for finding where a new file goes.
struct Site<'a> {
    root: &'a Path,
    config: &'a Config,
    sources: &'a SiteSources,
}

impl Site<'_> {
    fn new_piece(
        &self,
        kind: SectionKind,
        title: &str,
        section: Option<&str>,
        today: NaiveDate,
    ) -> Result<Created, Vec<Diagnostic>> {
        let title = checked_title(title)?;
        let sections = self.sections_of(kind);
        let (dir, others) = match section {
            Some(asked) => (self.asked_section(kind, asked, &sections)?, Vec::new()),
            None => {
                let mut found = sections.into_iter();
                let Some(first) = found.next() else {
                    return Err(vec![no_section(kind)]);
                };
                (first, found.collect())
            }
        };
        let slug = slugify(title);
        if slug.is_empty() {
            return Err(vec![
                Diagnostic::usage("usage-new-title", t!("new-title-no-letters", title = title))
                    .with_hint(t!("new-title-no-letters-hint")),
            ]);
        }
        let path = if dir.is_empty() {
            format!("{slug}.md")
        } else {
            format!("{dir}/{slug}.md")
        };
        let page = text::Page {
            title,
            date: today,
            language: &self.config.default_language,
        };
        let body = match kind {
            SectionKind::News => text::news(&page),
            SectionKind::Awareness => text::awareness(&page, &self.topic_ids()),
            SectionKind::Pages | SectionKind::Documents => text::page(&page),
        };
        let file = self.write(&path, &body, today)?;
        Ok(Created {
            file,
            others,
            task: None,
        })
    }

    fn new_page(
        &self,
        path: &str,
        title: Option<&str>,
        today: NaiveDate,
    ) -> Result<Created, Vec<Diagnostic>> {
        let path = page_path(path)?;
        let name = path.rsplit('/').next().unwrap_or(&path);
        let base = name.strip_suffix(".md").unwrap_or(name);
        // `a.en.md` is the English version: its text is written in English.
        let (stem, language) = match base.rsplit_once('.') {
            Some((stem, lang)) if self.config.is_language(lang) => (stem, lang),
            _ => (base, self.config.default_language.as_str()),
        };
        let humanised = content::humanise(stem);
        let title = match title {
            Some(title) => checked_title(title)?,
            None => humanised.as_str(),
        };
        let page = text::Page {
            title,
            date: today,
            language,
        };
        let file = self.write(&path, &text::page(&page), today)?;
        Ok(Created {
            file,
            others: Vec::new(),
            task: None,
        })
    }

    /// The sections holding `kind`, best first: each folder of `content/` that is the top of
    /// a run of folders of that kind (a section without a kind takes its parent's), outside
    /// plans.
    fn sections_of(&self, kind: SectionKind) -> Vec<String> {
        let plans = crate::content::plan::plan_dirs(&self.sources.data);
        let named = self.named_kinds();
        let mut dirs: BTreeSet<String> = BTreeSet::new();
        for path in self.sources.pages.keys() {
            let mut dir = parent(path);
            while let Some(d) = dir {
                dirs.insert(d.to_string());
                dir = parent_dir(d);
            }
        }
        let kind_of = |dir: &str| -> SectionKind {
            let mut cursor = Some(dir);
            while let Some(d) = cursor {
                if let Some(kind) = named.get(d).copied().flatten() {
                    return kind;
                }
                if let Some(kind) = SectionKind::of_folder(d).filter(|_| !named.contains_key(d)) {
                    return kind;
                }
                cursor = parent_dir(d);
            }
            SectionKind::Pages
        };
        let in_plan = |dir: &str| {
            plans.iter().any(|plan| {
                !plan.is_empty()
                    && (dir == plan
                        || dir
                            .strip_prefix(plan.as_str())
                            .is_some_and(|rest| rest.starts_with('/')))
            })
        };
        let mut found: Vec<String> = dirs
            .into_iter()
            .filter(|d| !in_plan(d) && kind_of(d) == kind)
            .filter(|d| parent_dir(d).is_none_or(|p| kind_of(p) != kind))
            .collect();
        // The outermost first; among equals, the one holding the most pages (the site's
        // main news section, not a corner of it), then by name.
        let pages_in = |dir: &str| {
            self.sources
                .pages
                .keys()
                .filter(|path| {
                    dir.is_empty() || path.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
                })
                .count()
        };
        found.sort_by_key(|d| (depth(d), std::cmp::Reverse(pages_in(d)), d.clone()));
        found
    }

    /// The kind each section's `_index.md` names (`None` for a name that is no kind), by
    /// folder; the default language's page first, else any translation.
    fn named_kinds(&self) -> BTreeMap<String, Option<SectionKind>> {
        let mut named: BTreeMap<String, Option<SectionKind>> = BTreeMap::new();
        let mut indexes: Vec<(&String, &TextFile)> = self
            .sources
            .pages
            .iter()
            .filter(|(path, _)| {
                let name = path.rsplit('/').next().unwrap_or(path);
                name.starts_with(content::SECTION_STEM)
            })
            .collect();
        // The default language's `_index.md` (no suffix) wins over its translations.
        indexes.sort_by_key(|(path, _)| {
            let name = path.rsplit('/').next().unwrap_or(path);
            name.matches('.').count() == 1
        });
        for (path, file) in indexes {
            let (page, _) = content::parse_page(path.clone(), file.clone(), self.config);
            let Some(page) = page.filter(|p| p.is_section()) else {
                continue;
            };
            if let Some(kind) = SectionKind::named_by(&page) {
                named.insert(page.dir.clone(), kind);
            }
        }
        named
    }

    /// The section `asked` names (`tin-tuc`, `content/tin-tuc/`, `tin-tuc/_index.md`), if
    /// it holds `kind`.
    fn asked_section(
        &self,
        kind: SectionKind,
        asked: &str,
        sections: &[String],
    ) -> Result<String, Vec<Diagnostic>> {
        let dir = content_relative(asked);
        let dir = dir.strip_suffix("_index.md").unwrap_or(&dir);
        let dir = dir.trim_matches('/').to_string();
        if sections.contains(&dir) {
            return Ok(dir);
        }
        let exists = self.root.join(CONTENT_DIR).join(&dir).is_dir();
        let listed = if sections.is_empty() {
            t!("new-sections-none")
        } else {
            sections.join(", ")
        };
        let kind = kind.as_str();
        let message = if exists {
            t!(
                "new-section-of-other-kind",
                dir = &dir,
                kind = kind,
                sections = listed
            )
        } else {
            t!(
                "new-section-not-a-folder",
                dir = &dir,
                kind = kind,
                sections = listed
            )
        };
        Err(vec![
            Diagnostic::usage("usage-new-section", message)
                .with_hint(t!("new-section-hint", kind = kind)),
        ])
    }

    /// The topic ids pieces may write: the site's own list, else the built-in topics.
    fn topic_ids(&self) -> Vec<String> {
        match &self.config.awareness.topics {
            Some(topics) => topics.iter().map(|t| t.id.clone()).collect(),
            None => content::awareness::DEFAULT_TOPICS
                .iter()
                .map(|t| t.id.to_string())
                .collect(),
        }
    }

    /// Writes a new page of `content/` at `path` (inside it), once the site is known to
    /// build with it; refuses to replace a file.
    fn write(&self, path: &str, text: &str, today: NaiveDate) -> Result<String, Vec<Diagnostic>> {
        let file = format!("{CONTENT_DIR}/{path}");
        let on_disk = self.root.join(&file);
        if on_disk.exists() {
            return Err(vec![exists(&file)]);
        }
        let text = nfc(text);
        self.builds_with(path, &file, &text, today)?;
        super::write_new(&on_disk, text.as_bytes()).map_err(|d| vec![d])?;
        Ok(file)
    }

    /// Whether the site builds as well with the new page as without it: the errors that
    /// only the new page brings (its address taken by another page, a folder that would
    /// take the address of a page) are returned.
    fn builds_with(
        &self,
        path: &str,
        file: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<(), Vec<Diagnostic>> {
        let publish = Publish {
            drafts: true,
            future: true,
            today,
            banners: false,
        };
        let errors = |page: Option<TextFile>| -> Vec<Diagnostic> {
            let mut sources = self.sources.clone();
            sources
                .pages
                .extend(page.map(|page| (path.to_string(), page)));
            let config = self.config.clone();
            let found = match pipeline::prepare_from(
                config,
                sources,
                Vec::new(),
                publish,
                Timings::default(),
            ) {
                Ok(prepared) => prepared.diagnostics.into_iter().collect(),
                Err(found) => found,
            };
            found.into_iter().filter(Diagnostic::is_error).collect()
        };
        let page = TextFile {
            file: file.to_string(),
            text: text.to_string(),
        };
        let with = errors(Some(page));
        if with.is_empty() {
            return Ok(());
        }
        let without = errors(None);
        let brought: Vec<Diagnostic> = with
            .into_iter()
            .filter(|d| !without.contains(d))
            .map(|d| d.with_note(t!("new-site-would-not-build", file = file)))
            .collect();
        if brought.is_empty() {
            Ok(())
        } else {
            Err(brought)
        }
    }
}

/// The error for a file that is there already.
fn exists(file: &str) -> Diagnostic {
    Diagnostic::usage("usage-new-exists", t!("new-exists", file = file))
        .in_file(file)
        .with_hint(t!("new-exists-hint"))
}

fn no_section(kind: SectionKind) -> Diagnostic {
    let (message, hint) = match kind {
        SectionKind::News => (t!("new-no-news-section"), t!("new-no-news-section-hint")),
        _ => (
            t!("new-no-awareness-section"),
            t!("new-no-awareness-section-hint"),
        ),
    };
    Diagnostic::usage("usage-new-section", message).with_hint(hint)
}

fn checked_title(title: &str) -> Result<&str, Vec<Diagnostic>> {
    let title = title.trim();
    if title.is_empty() {
        return Err(vec![
            Diagnostic::usage("usage-new-title", t!("new-title-empty"))
                .with_hint(t!("new-title-empty-hint")),
        ]);
    }
    Ok(title)
}

/// A page's path inside `content/`, checked: relative, inside the folder, ending in `.md`.
fn page_path(asked: &str) -> Result<String, Vec<Diagnostic>> {
    let path = content_relative(asked);
    let refused = path.is_empty()
        || path.starts_with('/')
        || path.contains('\\')
        || path
            .split('/')
            .any(|part| part.is_empty() || part == ".." || part == "." || part.starts_with('.'));
    if refused {
        return Err(vec![
            Diagnostic::usage("usage-new-path", t!("new-path-outside", path = asked))
                .with_hint(t!("new-path-outside-hint")),
        ]);
    }
    Ok(if path.ends_with(".md") {
        path
    } else {
        format!("{path}.md")
    })
}

/// A path as the user wrote it, made relative to `content/` (`content/a/b` -> `a/b`).
fn content_relative(asked: &str) -> String {
    let path = asked.trim().replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    path.strip_prefix("content/")
        .unwrap_or(path)
        .trim_end_matches('/')
        .to_string()
}

fn parent(path: &str) -> Option<&str> {
    Some(path.rsplit_once('/').map_or("", |(dir, _)| dir))
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(parent, _)| parent))
    }
}

fn depth(dir: &str) -> usize {
    if dir.is_empty() {
        0
    } else {
        dir.matches('/').count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_paths_stay_inside_content() {
        assert_eq!(
            page_path("gioi-thieu/lich-su").unwrap(),
            "gioi-thieu/lich-su.md"
        );
        assert_eq!(page_path("content/a.en.md").unwrap(), "a.en.md");
        assert_eq!(page_path("./content/a/b.md").unwrap(), "a/b.md");
        for bad in [
            "",
            "../a.md",
            "a/../../b.md",
            "/etc/a.md",
            "a//b.md",
            ".git/x.md",
        ] {
            assert!(page_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn asked_sections_are_read_as_written() {
        assert_eq!(content_relative("content/tin-tuc/"), "tin-tuc");
        assert_eq!(content_relative("tin-tuc"), "tin-tuc");
    }
}
