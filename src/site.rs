//! Link and index (pure): parsed pages become a site — URLs, sections and their order,
//! translations, aliases — with every collision and broken `@/` link reported.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::Config;
use crate::content::{
    ContentPage, FrontMatter, LeftOut, Publish, SECTION_STEM, SectionKind, SortBy, humanise,
};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::markdown::{LinkProblem, LinkResolver, Rendered};
use crate::slug::slugify;
use crate::t;

pub type PageId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Page,
    Section,
}

/// A page or a section of the site, with its place in the site.
#[derive(Clone, Debug)]
pub struct Page {
    pub id: PageId,
    pub kind: Kind,
    pub content: ContentPage,
    /// True for a section made for a folder that has no `_index.md`.
    pub implicit: bool,
    pub title: String,
    /// The page's path in the site, `/en/tin-tuc/bai-viet/` (before `base_url`'s own path).
    pub path: String,
    /// The section the page is in (for the home page: none).
    pub parent: Option<PageId>,
    /// Sections from the home page down to `parent`.
    pub ancestors: Vec<PageId>,
    /// For a section: its pages, in display order.
    pub pages: Vec<PageId>,
    /// For a section: its subsections, in display order.
    pub subsections: Vec<PageId>,
    /// The same page in the site's other languages.
    pub translations: Vec<PageId>,
    /// For a section: entries per list page (0: one list page).
    pub paginate_by: usize,
    pub rendered: Rendered,
}

impl Page {
    pub fn front(&self) -> &FrontMatter {
        &self.content.front
    }

    pub fn lang(&self) -> &str {
        &self.content.lang
    }

    pub fn is_section(&self) -> bool {
        self.kind == Kind::Section
    }
}

/// A redirect from an old address to a page.
#[derive(Clone, Debug)]
pub struct Alias {
    /// The old address as a site path (`/old/` or `/old.html`).
    pub from: String,
    pub to: PageId,
}

#[derive(Clone, Debug)]
pub struct Site {
    pub config: Config,
    /// Pages in a stable order: by language as configured, then by content path.
    pub pages: Vec<Page>,
    pub by_path: BTreeMap<String, PageId>,
    /// The home section of each language.
    pub homes: BTreeMap<String, PageId>,
    pub aliases: Vec<Alias>,
    by_content_path: HashMap<String, PageId>,
    by_key: HashMap<(String, String), PageId>,
    /// Drafts left out of this build, so a link to one gets a helpful message.
    /// Pages not published, by content path, with why.
    left_out: BTreeMap<String, LeftOut>,
    /// Which pages this run publishes (and whether pages show banners).
    pub publish: Publish,
    /// Files in `content/` other than Markdown (images, PDFs), by their path inside it.
    pub assets: BTreeSet<String>,
    /// The site's plans with their data; pages show them through `ContentPage::plan_page`.
    pub plans: Vec<crate::content::plan::Plan>,
    /// Awareness sections, their pieces and the pages that list them.
    pub awareness: crate::content::awareness::Awareness,
}

/// Links parsed pages into a site. `assets` are the other files of `content/`; `publish`
/// says whether drafts and pages dated after today are kept.
pub fn link(
    config: Config,
    pages: Vec<ContentPage>,
    assets: BTreeSet<String>,
    publish: Publish,
) -> (Site, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut kept = Vec::with_capacity(pages.len());
    let mut left_out = BTreeMap::new();
    for page in pages {
        match publish.leaves_out(&page) {
            Some(why) => {
                left_out.insert(page.content_path.clone(), why);
            }
            None => kept.push(page),
        }
    }
    add_implicit_sections(&config, &mut kept);
    let lang_rank = |lang: &str| config.languages.iter().position(|l| l == lang);
    kept.sort_by(|a, b| {
        (lang_rank(&a.lang), &a.dir, !a.is_section(), &a.content_path).cmp(&(
            lang_rank(&b.lang),
            &b.dir,
            !b.is_section(),
            &b.content_path,
        ))
    });

    let mut site = Site {
        config,
        pages: Vec::with_capacity(kept.len()),
        by_path: BTreeMap::new(),
        homes: BTreeMap::new(),
        aliases: Vec::new(),
        by_content_path: HashMap::new(),
        by_key: HashMap::new(),
        left_out,
        publish,
        assets,
        plans: Vec::new(),
        awareness: Default::default(),
    };
    let mut sections: HashMap<(String, String), PageId> = HashMap::new();
    for (id, content) in kept.into_iter().enumerate() {
        let kind = if content.is_section() {
            Kind::Section
        } else {
            Kind::Page
        };
        if kind == Kind::Section {
            sections.insert((content.dir.clone(), content.lang.clone()), id);
        }
        let implicit = content.file.is_empty();
        site.by_content_path
            .insert(content.content_path.clone(), id);
        site.by_key
            .insert((content.key.clone(), content.lang.clone()), id);
        site.pages.push(Page {
            id,
            kind,
            title: String::new(),
            implicit,
            path: String::new(),
            parent: None,
            ancestors: Vec::new(),
            pages: Vec::new(),
            subsections: Vec::new(),
            translations: Vec::new(),
            paginate_by: content.front.paginate_by.unwrap_or(site.config.paginate_by),
            rendered: Rendered::default(),
            content,
        });
    }

    assign_titles(&mut site);
    assign_parents(&mut site, &sections);
    assign_paths(&mut site, &mut diagnostics);
    order_sections(&mut site);
    assign_translations(&mut site);
    collect_aliases(&mut site, &mut diagnostics);
    check_section_kinds(&site, &mut diagnostics);
    (site, diagnostics)
}

/// A section's `kind` must be one the theme knows, or its pages would silently lose their
/// feed or search kind.
fn check_section_kinds(site: &Site, diagnostics: &mut Vec<Diagnostic>) {
    for page in site.pages.iter().filter(|p| p.is_section()) {
        let Some(value) = page.front().extra.get("kind") else {
            continue;
        };
        let name = value.as_str().unwrap_or_default();
        if SectionKind::parse(name).is_some() {
            continue;
        }
        let text = &page.content.text;
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("kind"))
            .map_or(1, |i| i + 1);
        let mut diagnostic = Diagnostic::error(
            "unknown-section-kind",
            t!("site-section-kind", value = value.to_string()),
        )
        .at_line(&page.content.file, text, line, 1)
        .with_hint(t!(
            "site-section-kind-hint",
            kinds = SectionKind::NAMES
                .map(|n| format!("kind = \"{n}\""))
                .join(", ")
        ));
        if let Some(close) = did_you_mean(name, SectionKind::NAMES.iter().copied()) {
            diagnostic = diagnostic.with_note(t!("did-you-mean", suggestion = close));
        }
        diagnostics.push(diagnostic);
    }
}

/// Makes a section page for every folder (in every language used in it) that lacks an
/// `_index.md`, and a home page for every language, so every page has a parent to list it.
fn add_implicit_sections(config: &Config, pages: &mut Vec<ContentPage>) {
    let existing: BTreeSet<(String, String)> = pages
        .iter()
        .filter(|p| p.is_section())
        .map(|p| (p.dir.clone(), p.lang.clone()))
        .collect();
    let mut needed: BTreeSet<(String, String)> = config
        .languages
        .iter()
        .map(|l| (String::new(), l.clone()))
        .collect();
    for page in pages.iter() {
        let mut dir = if page.is_section() {
            parent_dir(&page.dir).map(str::to_string)
        } else {
            Some(page.dir.clone())
        };
        while let Some(d) = dir {
            dir = parent_dir(&d).map(str::to_string);
            needed.insert((d, page.lang.clone()));
        }
    }
    for (dir, lang) in needed.difference(&existing) {
        let key = if dir.is_empty() {
            format!("{SECTION_STEM}.md")
        } else {
            format!("{dir}/{SECTION_STEM}.md")
        };
        let title = if dir.is_empty() {
            config.title.get(lang, &config.default_language).to_string()
        } else {
            humanise(dir.rsplit('/').next().unwrap_or(dir))
        };
        let content_path = if *lang == config.default_language {
            key.clone()
        } else {
            key.replace(".md", &format!(".{lang}.md"))
        };
        pages.push(ContentPage {
            file: String::new(),
            content_path,
            key,
            dir: dir.clone(),
            stem: SECTION_STEM.into(),
            lang: lang.clone(),
            front: FrontMatter {
                title: Some(title),
                ..FrontMatter::default()
            },
            text: String::new(),
            body_offset: 0,
            body_line: 1,
            plan_page: None,
        });
    }
}

/// The folder holding `dir` (`a/b` -> `a`, `a` -> ``), none for the top.
fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(parent, _)| parent))
    }
}

fn assign_titles(site: &mut Site) {
    let config = &site.config;
    for page in &mut site.pages {
        page.title = match page.content.front.title.as_deref() {
            Some(title) if !title.trim().is_empty() => title.trim().to_string(),
            _ if page.content.dir.is_empty() && page.is_section() => config
                .title
                .get(&page.content.lang, &config.default_language)
                .to_string(),
            _ => humanise(page.content.dir.rsplit('/').next().unwrap_or_default()),
        };
    }
}

fn assign_parents(site: &mut Site, sections: &HashMap<(String, String), PageId>) {
    for id in 0..site.pages.len() {
        let page = &site.pages[id];
        let lang = page.content.lang.clone();
        let parent_of = |dir: Option<&str>| {
            dir.and_then(|d| sections.get(&(d.to_string(), lang.clone())).copied())
        };
        let parent = match page.kind {
            Kind::Section => parent_of(parent_dir(&page.content.dir)),
            Kind::Page => parent_of(Some(&page.content.dir)),
        };
        if page.is_section() && page.content.dir.is_empty() {
            site.homes.insert(lang.clone(), id);
        }
        let mut ancestors = Vec::new();
        let mut cursor = parent;
        while let Some(section) = cursor {
            ancestors.push(section);
            cursor = site.pages[section].parent.or_else(|| {
                let dir = &site.pages[section].content.dir;
                parent_dir(dir).and_then(|d| sections.get(&(d.to_string(), lang.clone())).copied())
            });
        }
        ancestors.reverse();
        let page = &mut site.pages[id];
        page.parent = parent;
        page.ancestors = ancestors;
        if let Some(parent) = parent {
            match site.pages[id].kind {
                Kind::Section => site.pages[parent].subsections.push(id),
                Kind::Page => site.pages[parent].pages.push(id),
            }
        }
    }
}

fn assign_paths(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    // Sections first, from the top down, so a page's folder already has its path.
    let mut order: Vec<PageId> = (0..site.pages.len()).collect();
    order.sort_by_key(|id| {
        let page = &site.pages[*id];
        (!page.is_section(), page.ancestors.len())
    });
    let default_language = site.config.default_language.clone();
    for id in order {
        let page = &site.pages[id];
        let lang = &page.content.lang;
        let prefix = match page.parent {
            Some(parent) => site.pages[parent].path.clone(),
            None if *lang == default_language => "/".to_string(),
            None => format!("/{lang}/"),
        };
        let path = if page.is_section() && page.content.dir.is_empty() {
            prefix
        } else {
            let written = page.content.front.slug.as_deref();
            let name = match page.kind {
                Kind::Section => page.content.dir.rsplit('/').next().unwrap_or_default(),
                Kind::Page => page.content.stem.as_str(),
            };
            let slug = slugify(written.unwrap_or(name));
            if slug.is_empty() {
                diagnostics.push(
                    Diagnostic::error(
                        "empty-slug",
                        t!("site-empty-slug", name = written.unwrap_or(name)),
                    )
                    .in_file(&page.content.file)
                    .with_hint(t!("site-empty-slug-hint")),
                );
                format!("{prefix}{id}/")
            } else {
                format!("{prefix}{slug}/")
            }
        };
        if let Some(&other) = site.by_path.get(&path) {
            let other_file = describe(&site.pages[other]);
            diagnostics.push(
                Diagnostic::error("url-collision", t!("site-url-collision", path = &path))
                    .in_file(describe(&site.pages[id]))
                    .with_note(t!("site-other-page", file = other_file))
                    .with_hint(t!("site-url-collision-hint")),
            );
        } else {
            site.by_path.insert(path.clone(), id);
        }
        site.pages[id].path = path;
    }
}

fn describe(page: &Page) -> String {
    if page.content.file.is_empty() {
        t!("site-folder-without-index", dir = &page.content.dir)
    } else {
        page.content.file.clone()
    }
}

fn order_sections(site: &mut Site) {
    for id in 0..site.pages.len() {
        if !site.pages[id].is_section() {
            continue;
        }
        let sort_by = site.pages[id].content.front.sort_by.unwrap_or_default();
        let mut pages = std::mem::take(&mut site.pages[id].pages);
        sort_pages(&site.pages, &mut pages, sort_by);
        site.pages[id].pages = pages;
        let mut subsections = std::mem::take(&mut site.pages[id].subsections);
        sort_pages(&site.pages, &mut subsections, SortBy::Weight);
        site.pages[id].subsections = subsections;
    }
}

fn sort_pages(all: &[Page], ids: &mut [PageId], sort_by: SortBy) {
    let title_key = |p: &Page| slugify(&p.title);
    match sort_by {
        SortBy::Weight => ids.sort_by_cached_key(|id| {
            let p = &all[*id];
            let front = p.front();
            (
                front.weight.is_none(),
                front.weight,
                Reverse(front.date),
                title_key(p),
                p.content.content_path.clone(),
            )
        }),
        SortBy::Date => ids.sort_by_cached_key(|id| {
            let p = &all[*id];
            (
                p.front().date.is_none(),
                Reverse(p.front().date),
                title_key(p),
                p.content.content_path.clone(),
            )
        }),
        SortBy::Title => ids.sort_by_cached_key(|id| {
            let p = &all[*id];
            (
                title_key(p),
                p.title.clone(),
                p.content.content_path.clone(),
            )
        }),
    }
}

fn assign_translations(site: &mut Site) {
    let mut by_key: BTreeMap<&str, Vec<PageId>> = BTreeMap::new();
    for page in &site.pages {
        by_key
            .entry(page.content.key.as_str())
            .or_default()
            .push(page.id);
    }
    let groups: Vec<Vec<PageId>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    for group in groups {
        for &id in &group {
            site.pages[id].translations = group.iter().copied().filter(|&o| o != id).collect();
        }
    }
}

fn collect_aliases(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<String, PageId> = BTreeMap::new();
    for page in &site.pages {
        for written in &page.content.front.aliases {
            let from = normalise_alias(written);
            let place = Source::new(&page.content.file, &page.content.text);
            let range = page
                .content
                .text
                .find(written.as_str())
                .map_or(0..0, |i| i..i + written.len());
            if from.is_empty() || from.contains("..") {
                diagnostics.push(
                    Diagnostic::error("alias", t!("site-alias-outside", alias = written))
                        .at(&place, range)
                        .with_hint(t!("site-alias-outside-hint")),
                );
                continue;
            }
            let clash = site
                .by_path
                .get(&from)
                .map(|&other| describe(&site.pages[other]))
                .or_else(|| seen.get(&from).map(|&other| describe(&site.pages[other])));
            if let Some(other) = clash {
                diagnostics.push(
                    Diagnostic::error(
                        "alias",
                        t!("site-alias-taken", alias = &from, other = other),
                    )
                    .at(&place, range)
                    .with_hint(t!("site-alias-taken-hint")),
                );
                continue;
            }
            seen.insert(from.clone(), page.id);
            site.aliases.push(Alias { from, to: page.id });
        }
    }
}

/// `old/page` -> `/old/page/`; `/old.html` stays a file.
fn normalise_alias(written: &str) -> String {
    let trimmed = written.trim().trim_start_matches('/');
    if trimmed.is_empty() {
        return String::new();
    }
    if trimmed.ends_with(".html") || trimmed.ends_with('/') {
        format!("/{trimmed}")
    } else {
        format!("/{trimmed}/")
    }
}

impl Site {
    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id]
    }

    /// The URL used in links: the page's path under `base_url`'s own path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path(), path)
    }

    /// Where a file of `content/` is published: beside the pages of its folder's section
    /// (in the default language), under its own file name.
    pub fn asset_path(&self, content_path: &str) -> String {
        let (dir, name) = content_path.rsplit_once('/').unwrap_or(("", content_path));
        let section_key = if dir.is_empty() {
            format!("{SECTION_STEM}.md")
        } else {
            format!("{dir}/{SECTION_STEM}.md")
        };
        let folder = match self
            .by_key
            .get(&(section_key, self.config.default_language.clone()))
        {
            Some(&id) => self.pages[id].path.clone(),
            None => {
                let slugs: String = dir
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(|s| format!("{}/", slugify(s)))
                    .collect();
                format!("/{slugs}")
            }
        };
        format!("{folder}{name}")
    }

    /// What the page's section holds: the nearest section, from the page up, that names a
    /// kind (`SectionKind`); ordinary pages otherwise.
    pub fn section_kind(&self, id: PageId) -> SectionKind {
        let page = &self.pages[id];
        let own = page.is_section().then_some(id);
        own.into_iter()
            .chain(page.ancestors.iter().rev().copied())
            .find_map(|section| SectionKind::of_section(&self.pages[section].content))
            .unwrap_or(SectionKind::Pages)
    }

    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.config.base_url, path)
    }

    /// Finds the page an `@/` link or a template names: `news/a.md`, `news/_index.md`,
    /// or a folder `news/`. Written without a language suffix, it is the version in
    /// `lang` when there is one.
    pub fn find(&self, target: &str, lang: &str) -> Result<PageId, LinkProblem> {
        let cleaned = target
            .trim()
            .trim_start_matches("./")
            .trim_start_matches('/');
        // Pages made from plan data have paths without `.md` (`ke-hoach/chi-tieu/dvc`).
        let wanted = if self.by_content_path.contains_key(cleaned) {
            cleaned.to_string()
        } else if cleaned.is_empty() || cleaned.ends_with('/') {
            format!("{cleaned}{SECTION_STEM}.md")
        } else if !cleaned.ends_with(".md") {
            format!("{cleaned}/{SECTION_STEM}.md")
        } else {
            cleaned.to_string()
        };
        if let Some(&id) = self.by_content_path.get(&wanted) {
            let page = &self.pages[id];
            let written_without_language = page.content.key == wanted;
            if written_without_language
                && page.lang() != lang
                && let Some(&translated) = self.by_key.get(&(wanted.clone(), lang.to_string()))
            {
                return Ok(translated);
            }
            return Ok(id);
        }
        match self.left_out.get(&wanted).copied() {
            Some(LeftOut::Scheduled) => {
                return Err(LinkProblem {
                    message: t!("site-link-scheduled", page = &wanted),
                    hint: Some(t!("site-link-scheduled-hint")),
                });
            }
            Some(LeftOut::Draft) => {
                return Err(LinkProblem {
                    message: t!("site-link-draft", page = &wanted),
                    hint: Some(t!("site-link-draft-hint")),
                });
            }
            None => {}
        }
        let suggestion = did_you_mean(&wanted, self.by_content_path.keys().map(String::as_str));
        Err(LinkProblem {
            message: t!("site-no-page", page = &wanted),
            hint: Some(match suggestion {
                Some(s) => t!("did-you-mean", suggestion = format!("@/{s}")),
                None => t!("site-no-page-hint"),
            }),
        })
    }

    /// A resolver for `@/` links written in a page in `lang`.
    pub fn resolver<'s>(&'s self, lang: &'s str) -> SiteLinks<'s> {
        SiteLinks { site: self, lang }
    }

    /// Checks links to `#anchors` once every page has its heading ids.
    pub fn check_anchors(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for page in &self.pages {
            for link in &page.rendered.anchor_links {
                let target = &self.pages[link.target];
                if target.rendered.heading_ids.contains(&link.anchor) {
                    continue;
                }
                let mut diagnostic = link.broken(&page.content.body_source());
                diagnostic.hint = Some(
                    match did_you_mean(
                        &link.anchor,
                        target.rendered.heading_ids.iter().map(String::as_str),
                    ) {
                        Some(s) => t!("did-you-mean", suggestion = format!("#{s}")),
                        None if target.rendered.heading_ids.is_empty() => {
                            t!("site-anchor-no-headings", page = describe(target))
                        }
                        None => t!(
                            "site-anchor-ids",
                            ids = target.rendered.heading_ids.join(", ")
                        ),
                    },
                );
                out.push(diagnostic);
            }
        }
        out
    }
}

pub struct SiteLinks<'s> {
    site: &'s Site,
    lang: &'s str,
}

impl LinkResolver for SiteLinks<'_> {
    fn resolve(&self, target: &str) -> Result<(String, Option<usize>), LinkProblem> {
        if self.site.assets.contains(target) {
            return Ok((self.site.url(&self.site.asset_path(target)), None));
        }
        let id = self.site.find(target, self.lang)?;
        Ok((self.site.url(&self.site.pages[id].path), Some(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::content_pages;

    fn site(files: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
        let config = Config::parse(
            "title = { vi = \"Cổng\", en = \"Portal\" }\nbase_url = \"https://x.vn/p\"\nlanguages = [\"vi\", \"en\"]\n",
        )
        .unwrap();
        let pages = content_pages(files, &config);
        link(
            config,
            pages,
            BTreeSet::from(["tin/anh.png".to_string()]),
            Publish::default(),
        )
    }

    fn path_of<'a>(site: &'a Site, content_path: &str) -> &'a str {
        &site.pages[site.by_content_path[content_path]].path
    }

    #[test]
    fn vietnamese_file_names_become_slugs_and_languages_get_prefixes() {
        let (site, diagnostics) = site(&[
            (
                "Tin tức/Kế hoạch chuyển đổi số tỉnh Đắk Lắk.md",
                "+++\ntitle = \"A\"\n+++\n",
            ),
            (
                "gioi-thieu.en.md",
                "+++\ntitle = \"About\"\nslug = \"about\"\n+++\n",
            ),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(
            path_of(&site, "Tin tức/Kế hoạch chuyển đổi số tỉnh Đắk Lắk.md"),
            "/tin-tuc/ke-hoach-chuyen-doi-so-tinh-dak-lak/"
        );
        assert_eq!(path_of(&site, "gioi-thieu.en.md"), "/en/about/");
        assert_eq!(site.pages[site.homes["en"]].title, "Portal");
        assert_eq!(site.url("/en/about/"), "/p/en/about/");
    }

    #[test]
    fn two_pages_on_one_url_is_an_error_naming_both() {
        let (_, diagnostics) = site(&[
            ("Đắk Lắk.md", "+++\ntitle = \"A\"\n+++\n"),
            ("dak-lak.md", "+++\ntitle = \"B\"\n+++\n"),
        ]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "url-collision");
        assert!(diagnostics[0].notes[0].contains("content/"));
    }

    #[test]
    fn section_kinds_come_from_extra_or_folder_and_reach_pages_below() {
        let (site, diagnostics) = site(&[
            (
                "tin/_index.md",
                "+++\ntitle = \"Tin\"\n[extra]\nkind = \"news\"\n+++\n",
            ),
            ("tin/2025/a.md", "+++\ntitle = \"A\"\n+++\n"),
            ("awareness/b.md", "+++\ntitle = \"B\"\n+++\n"),
            ("c.md", "+++\ntitle = \"C\"\n+++\n"),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let kind = |path: &str| site.section_kind(site.by_content_path[path]);
        assert_eq!(kind("tin/_index.md"), SectionKind::News);
        assert_eq!(kind("tin/2025/a.md"), SectionKind::News);
        assert_eq!(kind("awareness/b.md"), SectionKind::Awareness);
        assert_eq!(kind("c.md"), SectionKind::Pages);
    }

    #[test]
    fn an_unknown_section_kind_is_an_error_with_the_line_and_a_suggestion() {
        let (_, diagnostics) = site(&[(
            "tin/_index.md",
            "+++\ntitle = \"Tin\"\n[extra]\nkind = \"newz\"\n+++\n",
        )]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let text = diagnostics[0].render();
        assert!(text.contains("content/tin/_index.md:4"), "{text}");
        assert!(text.contains("news"), "{text}");
    }

    #[test]
    fn sections_order_by_weight_then_date() {
        let (site, _) = site(&[
            (
                "tin/_index.md",
                "+++\ntitle = \"Tin\"\nsort_by = \"date\"\n+++\n",
            ),
            ("tin/a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\n"),
            ("tin/b.md", "+++\ntitle = \"B\"\ndate = 2025-03-01\n+++\n"),
            ("c.md", "+++\ntitle = \"C\"\nweight = 2\n+++\n"),
            ("d.md", "+++\ntitle = \"D\"\nweight = 1\n+++\n"),
        ]);
        let tin = &site.pages[site.by_content_path["tin/_index.md"]];
        let titles: Vec<&str> = tin
            .pages
            .iter()
            .map(|&id| site.pages[id].title.as_str())
            .collect();
        assert_eq!(titles, ["B", "A"]);
        let home = &site.pages[site.homes["vi"]];
        let titles: Vec<&str> = home
            .pages
            .iter()
            .map(|&id| site.pages[id].title.as_str())
            .collect();
        assert_eq!(titles, ["D", "C"]);
        assert_eq!(home.subsections.len(), 1);
    }

    #[test]
    fn links_prefer_the_same_language_and_explain_misses() {
        let (site, _) = site(&[
            ("a.md", "+++\ntitle = \"A\"\n+++\n"),
            ("a.en.md", "+++\ntitle = \"A\"\n+++\n"),
            ("b.md", "+++\ntitle = \"B\"\ndraft = true\n+++\n"),
        ]);
        assert_eq!(site.resolver("en").resolve("a.md").unwrap().0, "/p/en/a/");
        assert_eq!(
            site.resolver("vi").resolve("tin/anh.png").unwrap().0,
            "/p/tin/anh.png"
        );
        assert_eq!(site.resolver("vi").resolve("a.md").unwrap().0, "/p/a/");
        assert!(
            site.find("b.md", "vi")
                .unwrap_err()
                .message
                .contains("draft")
        );
        assert_eq!(
            site.find("aa.md", "vi").unwrap_err().hint.as_deref(),
            Some("did you mean `@/a.md`?")
        );
    }

    #[test]
    fn folders_without_index_get_a_section_and_aliases_are_recorded() {
        let (site, diagnostics) = site(&[(
            "bao-cao/nam/x.md",
            "+++\ntitle = \"X\"\naliases = [\"cu/x\"]\n+++\n",
        )]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(path_of(&site, "bao-cao/nam/_index.md"), "/bao-cao/nam/");
        assert_eq!(site.aliases[0].from, "/cu/x/");
    }
}
