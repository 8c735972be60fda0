//! News (pure): the outputs a news section adds — an Atom feed, a list of its tags and a
//! page per tag — and what pages show of it: their tags with links, the feeds of their
//! language for `<link rel="alternate">`, and schema.org data (`NewsArticle` on news
//! articles, `GovernmentOrganization` on the home page).
//!
//! A **news section** is the outermost section of `kind = "news"` (see `SectionKind`);
//! its entries are the pages in it and in its subsections. For each one:
//! - `SECTION/atom.xml`: Atom 1.0 with the newest `FEED_ENTRIES` dated entries; ids are
//!   the pages' permanent addresses and every date comes from the pages (`updated`, else
//!   `date`), so the same content gives the same feed. Pages without a date are not in it.
//! - `SECTION/the/`: the section's tags, and `SECTION/the/TAG/` (paginated like the
//!   section) listing the pages with that tag, newest first. Tags come from `tags` in the
//!   front matter (or `[extra] tags`); the address is the tag made into a slug.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::json;
use tera::{Context, Map, Value};

use super::context::{self, Pager, pager_path};
use super::input::{RenderInput, output_path};
use super::languages;
use crate::content::SectionKind;
use crate::deps::{Dep, record, record_pages};
use crate::diag::Diagnostic;
use crate::html::escape;
use crate::site::{Kind, Page, PageId, Site};
use crate::t;
use crate::values::DateValue;

/// How many entries a feed holds (the newest).
pub const FEED_ENTRIES: usize = 30;
/// The folder of a news section's tag pages (Vietnamese for "tag", in every language).
pub const TAGS_SEGMENT: &str = "the";
pub const FEED_FILE: &str = "atom.xml";

/// A file a news section adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewsJob {
    Feed(PageId),
    Tags(PageId),
    Tag {
        section: PageId,
        slug: String,
        pager: Pager,
    },
}

/// The outermost news sections of every language, in page order.
pub fn roots(site: &Site) -> Vec<PageId> {
    site.pages
        .iter()
        .filter(|p| p.is_section() && site.section_kind(p.id) == SectionKind::News)
        .filter(|p| {
            p.parent
                .is_none_or(|parent| site.section_kind(parent) != SectionKind::News)
        })
        .map(|p| p.id)
        .collect()
}

/// The news section a page belongs to, if any.
pub fn root_of(site: &Site, id: PageId) -> Option<PageId> {
    let page = site.page(id);
    let own = page.is_section().then_some(id);
    page.ancestors
        .iter()
        .copied()
        .chain(own)
        .find(|&section| site.section_kind(section) == SectionKind::News)
}

/// Every page of a news section and its subsections, newest first (undated last).
pub fn entries(site: &Site, root: PageId) -> Vec<PageId> {
    let mut out = Vec::new();
    let mut sections = vec![root];
    while let Some(section) = sections.pop() {
        let page = site.page(section);
        out.extend(page.pages.iter().copied());
        sections.extend(page.subsections.iter().copied());
    }
    out.sort_by_cached_key(|&id| {
        let page = site.page(id);
        (
            page.front().date.is_none(),
            Reverse(page.front().date),
            page.content.content_path.clone(),
        )
    });
    out
}

/// A tag of a news section with its pages, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// As first written (in the newest page that has it).
    pub name: String,
    pub pages: Vec<PageId>,
}

/// The tags of a news section by slug.
pub fn tags(site: &Site, root: PageId) -> BTreeMap<String, Tag> {
    let mut out: BTreeMap<String, Tag> = BTreeMap::new();
    for id in entries(site, root) {
        for name in site.page(id).front().tags() {
            let slug = crate::slug::slugify(&name);
            if slug.is_empty() {
                continue;
            }
            let tag = out.entry(slug).or_insert_with(|| Tag {
                name,
                pages: Vec::new(),
            });
            tag.pages.push(id);
        }
    }
    out
}

fn tags_path(site: &Site, root: PageId) -> String {
    format!("{}{TAGS_SEGMENT}/", site.page(root).path)
}

fn tag_path(site: &Site, root: PageId, slug: &str) -> String {
    format!("{}{slug}/", tags_path(site, root))
}

fn feed_path(site: &Site, root: PageId) -> String {
    format!("{}{FEED_FILE}", site.page(root).path)
}

fn pager_count(items: usize, per_page: usize) -> usize {
    if per_page == 0 || items == 0 {
        1
    } else {
        items.div_ceil(per_page)
    }
}

/// Every output of the site's news sections, by output path.
pub fn jobs(site: &Site) -> Vec<(String, NewsJob)> {
    let mut out = Vec::new();
    for root in roots(site) {
        out.push((output_path(&feed_path(site, root)), NewsJob::Feed(root)));
        let tags = tags(site, root);
        if tags.is_empty() {
            continue;
        }
        out.push((output_path(&tags_path(site, root)), NewsJob::Tags(root)));
        let per_page = site.page(root).paginate_by;
        for (slug, tag) in tags {
            let count = pager_count(tag.pages.len(), per_page);
            for index in 1..=count {
                let path = pager_path(&tag_path(site, root, &slug), index);
                out.push((
                    output_path(&path),
                    NewsJob::Tag {
                        section: root,
                        slug: slug.clone(),
                        pager: Pager { index, count },
                    },
                ));
            }
        }
    }
    out
}

/// The language a job's output is in.
pub fn language<'s>(site: &'s Site, job: &NewsJob) -> &'s str {
    match job {
        NewsJob::Feed(root) | NewsJob::Tags(root) | NewsJob::Tag { section: root, .. } => {
            site.page(*root).lang()
        }
    }
}

/// Renders one output; `base` is the site context of the job's language.
pub fn render(
    input: &RenderInput<'_>,
    base: &Context,
    job: &NewsJob,
) -> Result<Vec<u8>, Diagnostic> {
    let site = input.site;
    record(Dep::AllPages);
    match job {
        NewsJob::Feed(root) => Ok(feed(site, *root).into_bytes()),
        NewsJob::Tags(root) => {
            let root = *root;
            let path = tags_path(site, root);
            let section = site.page(root);
            let title = input.i18n.format(
                section.lang(),
                "tags_in_section",
                &[("section", &section.title)],
            );
            let mut context = list_context(input, base, root, &path, None, &title);
            let list: Vec<Value> = tags(site, root)
                .into_iter()
                .map(|(slug, tag)| tag_value(site, root, &slug, &tag))
                .collect();
            context.insert_value("tags", Value::from(list));
            let versions: Vec<(&str, String)> = versions_of(site, section)
                .into_iter()
                .filter(|&other| !tags(site, other).is_empty())
                .map(|other| (site.page(other).lang(), tags_path(site, other)))
                .collect();
            insert_translations(&mut context, site, section.lang(), &versions);
            record(Dep::Template("tags.html".into()));
            input.templates.render("tags.html", &context, || {
                t!("render-tag-list", path = &path)
            })
        }
        NewsJob::Tag {
            section: root,
            slug,
            pager,
        } => {
            let root = *root;
            let all = tags(site, root);
            let Some(tag) = all.get(slug) else {
                return Err(Diagnostic::error("tag", t!("render-tag-empty", tag = slug)));
            };
            let path = tag_path(site, root, slug);
            let section = site.page(root);
            let title = input
                .i18n
                .format(section.lang(), "tag_title", &[("tag", &tag.name)]);
            let mut context = list_context(input, base, root, &path, Some(*pager), &title);
            context.insert_value("tag", tag_value(site, root, slug, tag));
            context.insert_value(
                "paginator",
                context::paginator_over(
                    site,
                    input.values,
                    &path,
                    &tag.pages,
                    section.paginate_by,
                    *pager,
                ),
            );
            let versions: Vec<(&str, String)> = versions_of(site, section)
                .into_iter()
                .filter(|&other| tags(site, other).contains_key(slug))
                .map(|other| (site.page(other).lang(), tag_path(site, other, slug)))
                .collect();
            insert_translations(&mut context, site, section.lang(), &versions);
            record(Dep::Template("tag.html".into()));
            input
                .templates
                .render("tag.html", &context, || t!("render-tag-page", path = &path))
        }
    }
}

/// The news section in every language (this one first).
fn versions_of(site: &Site, section: &Page) -> Vec<PageId> {
    std::iter::once(section.id)
        .chain(section.translations.iter().copied())
        .filter(|&id| site.page(id).is_section())
        .collect()
}

fn insert_translations(
    context: &mut Context,
    site: &Site,
    lang: &str,
    versions: &[(&str, String)],
) {
    let targets = languages::targets_for(
        site,
        lang,
        versions.iter().map(|(l, p)| (*l, p.as_str(), None)),
    );
    context.insert_value("translations", languages::value(&targets));
}

/// The context of a tag page or tag list: the site's, the address, and a `page` whose
/// ancestors end with the news section, so breadcrumbs and the title work as on any page.
fn list_context(
    input: &RenderInput<'_>,
    base: &Context,
    root: PageId,
    path: &str,
    pager: Option<Pager>,
    title: &str,
) -> Context {
    let site = input.site;
    let section = site.page(root);
    let current = match pager {
        Some(pager) => pager_path(path, pager.index),
        None => path.to_string(),
    };
    let mut context = context::bare_context(site, base, &current);
    let mut ancestors: Vec<Value> = section
        .ancestors
        .iter()
        .map(|&a| input.values[a].clone())
        .collect();
    ancestors.push(input.values[root].clone());
    let mut page = Map::new();
    page.insert("kind".into(), Value::from("list"));
    page.insert("title".into(), Value::from(title));
    page.insert("url".into(), Value::from(site.url(path)));
    page.insert("permalink".into(), Value::from(site.permalink(path)));
    page.insert("path".into(), Value::from(path));
    page.insert("lang".into(), Value::from(section.lang()));
    page.insert("ancestors".into(), Value::from(ancestors));
    context.insert_value("page", Value::from(page));
    context.insert_value("news_section", input.values[root].clone());
    context.insert("feed_url", &site.url(&feed_path(site, root)));
    context.insert("tags_url", &site.url(&tags_path(site, root)));
    context
}

fn tag_value(site: &Site, root: PageId, slug: &str, tag: &Tag) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), Value::from(tag.name.as_str()));
    map.insert("slug".into(), Value::from(slug));
    map.insert(
        "url".into(),
        Value::from(site.url(&tag_path(site, root, slug))),
    );
    map.insert("count".into(), Value::from(tag.pages.len()));
    Value::from(map)
}

/// RFC 3339 for Atom: a date alone is midnight UTC.
fn atom_date(date: DateValue) -> String {
    date.at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// When a page last changed, as its front matter says.
fn changed(page: &Page) -> Option<DateValue> {
    page.front().updated.or(page.front().date)
}

/// The Atom feed of a news section.
pub fn feed(site: &Site, root: PageId) -> String {
    let section = site.page(root);
    let config = &site.config;
    let lang = section.lang();
    let entries: Vec<&Page> = entries(site, root)
        .into_iter()
        .map(|id| site.page(id))
        .filter(|p| p.front().date.is_some())
        .take(FEED_ENTRIES)
        .collect();
    for page in &entries {
        record(Dep::Content(page.content.content_path.clone()));
    }
    let updated = entries
        .iter()
        .filter_map(|p| changed(p))
        .max()
        .or_else(|| changed(section))
        .or(config.as_of)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), atom_date);
    let site_title = config.title.get(lang, &config.default_language);
    let author = config
        .agency
        .name
        .as_ref()
        .map_or(site_title, |n| n.get(lang, &config.default_language));
    let self_url = site.permalink(&feed_path(site, root));
    let mut out = String::with_capacity(4096 + entries.len() * 2048);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape(lang)
    );
    let _ = writeln!(
        out,
        "  <title>{} — {}</title>",
        escape(&section.title),
        escape(site_title)
    );
    if let Some(summary) = &section.front().summary {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", escape(summary));
    }
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&self_url)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
        escape(lang),
        escape(&site.permalink(&section.path))
    );
    let _ = writeln!(out, "  <id>{}</id>", escape(&self_url));
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = write!(out, "  <author>\n    <name>{}</name>\n", escape(author));
    if let Some(email) = &config.agency.email {
        let _ = writeln!(out, "    <email>{}</email>", escape(email));
    }
    out.push_str("  </author>\n  <generator>minhbach</generator>\n");
    for page in entries {
        let permalink = site.permalink(&page.path);
        let _ = writeln!(out, "  <entry>");
        let _ = writeln!(out, "    <title>{}</title>", escape(&page.title));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&permalink)
        );
        let _ = writeln!(out, "    <id>{}</id>", escape(&permalink));
        if let Some(date) = page.front().date {
            let _ = writeln!(out, "    <published>{}</published>", atom_date(date));
        }
        if let Some(date) = changed(page) {
            let _ = writeln!(out, "    <updated>{}</updated>", atom_date(date));
        }
        for tag in page.front().tags() {
            let _ = writeln!(out, "    <category term=\"{}\"/>", escape(&tag));
        }
        match &page.front().summary {
            Some(summary) => {
                let _ = writeln!(out, "    <summary>{}</summary>", escape(summary));
            }
            None if !page.rendered.summary_html.is_empty() => {
                let _ = writeln!(
                    out,
                    "    <summary type=\"html\">{}</summary>",
                    escape(&page.rendered.summary_html)
                );
            }
            None => {}
        }
        let _ = writeln!(
            out,
            "    <content type=\"html\" xml:base=\"{}\">{}</content>",
            escape(&permalink),
            escape(&page.rendered.html)
        );
        let _ = writeln!(out, "  </entry>");
    }
    out.push_str("</feed>\n");
    out
}

/// What every page in `lang` shows of the news: `feeds` (each news section's title and feed
/// address, for `<link rel="alternate">`) and `og_locale`.
pub fn add_site_data(context: &mut Context, site: &Site, lang: &str) {
    let feeds: Vec<Value> = roots(site)
        .into_iter()
        .filter(|&root| site.page(root).lang() == lang)
        .map(|root| {
            let mut map = Map::new();
            map.insert("title".into(), Value::from(site.page(root).title.as_str()));
            map.insert("url".into(), Value::from(site.url(&feed_path(site, root))));
            Value::from(map)
        })
        .collect();
    context.insert_value("feeds", Value::from(feeds));
    context.insert("og_locale", &languages::og_locale(lang));
    let statement = site.pages.iter().find(|p| {
        p.lang() == lang && p.front().template.as_deref() == Some(ACCESSIBILITY_TEMPLATE)
    });
    context.insert("accessibility_url", &statement.map(|p| site.url(&p.path)));
}

/// How many articles the home page lists.
pub const HOME_ENTRIES: usize = 4;

/// What the home page shows of the news of `lang`: `items`, the newest articles written by
/// people (list forms, newest first), `data_update`, the newest entry made from progress
/// data as one line (`date`, `date_label`, `count` of indicators, `url`) — the others stay
/// in the news section — and `url`, the news section's. `None` without a news section.
pub fn home_news(site: &Site, values: &[Value], lang: &str) -> Option<Value> {
    let root = roots(site)
        .into_iter()
        .find(|&root| site.page(root).lang() == lang)?;
    let all = entries(site, root);
    record_pages(site, all.iter().copied().chain([root]));
    let generated = |id: PageId| {
        site.page(id)
            .front()
            .extra
            .get(crate::content::updates::EXTRA_KEY)
            .and_then(toml::Value::as_bool)
            .unwrap_or(false)
    };
    let items: Vec<Value> = all
        .iter()
        .copied()
        .filter(|&id| !generated(id))
        .take(HOME_ENTRIES)
        .map(|id| values[id].clone())
        .collect();
    let update = all.iter().copied().find(|&id| generated(id)).map(|id| {
        let page = site.page(id);
        let date = page.front().date.as_ref().map(|d| d.date());
        let count = page
            .front()
            .extra
            .get(crate::content::updates::EXTRA_COUNT_KEY)
            .and_then(toml::Value::as_integer)
            .unwrap_or(0);
        let mut map = Map::new();
        map.insert("date".into(), Value::from(date.map(|d| d.to_string())));
        map.insert(
            "date_label".into(),
            Value::from(date.map(|d| crate::format::date(d, lang))),
        );
        map.insert(
            "count_label".into(),
            Value::from(crate::format::number(count as f64, 0, lang)),
        );
        map.insert("url".into(), Value::from(site.url(&page.path)));
        Value::from(map)
    });
    let mut map = Map::new();
    map.insert("items".into(), Value::from(items));
    map.insert("data_update".into(), Value::from(update));
    map.insert("url".into(), Value::from(site.url(&site.page(root).path)));
    map.insert("title".into(), Value::from(site.page(root).title.as_str()));
    Some(Value::from(map))
}

/// The template of the accessibility statement; the footer links the page that uses it.
pub const ACCESSIBILITY_TEMPLATE: &str = "accessibility.html";

/// What one page shows of the news: `page_tags` (its tags with their pages' addresses),
/// `feed_url` and `tags_url` on news sections, and `structured_data` (schema.org JSON-LD).
pub fn add_page_data(context: &mut Context, site: &Site, page: &Page) {
    let root = root_of(site, page.id);
    if let Some(root) = root {
        let tags: Vec<Value> = page
            .front()
            .tags()
            .into_iter()
            .filter_map(|name| {
                let slug = crate::slug::slugify(&name);
                (!slug.is_empty()).then(|| {
                    let mut map = Map::new();
                    map.insert("name".into(), Value::from(name.as_str()));
                    map.insert(
                        "url".into(),
                        Value::from(site.url(&tag_path(site, root, &slug))),
                    );
                    Value::from(map)
                })
            })
            .collect();
        context.insert_value("page_tags", Value::from(tags));
        if page.is_section() {
            context.insert("feed_url", &site.url(&feed_path(site, root)));
            let has_tags = entries(site, root)
                .iter()
                .any(|&id| !site.page(id).front().tags().is_empty());
            context.insert(
                "tags_url",
                &has_tags.then(|| site.url(&tags_path(site, root))),
            );
        }
    }
    if let Some(data) = structured_data(site, page, root.is_some()) {
        context.insert_value("structured_data", Value::safe_string(&data));
    }
}

/// schema.org JSON-LD: `GovernmentOrganization` on a home page, `NewsArticle` on a news
/// article; escaped so it can stand inside `<script>`.
pub fn structured_data(site: &Site, page: &Page, is_news: bool) -> Option<String> {
    let config = &site.config;
    let lang = page.lang();
    let local =
        |text: &crate::values::LocalText| text.get(lang, &config.default_language).to_string();
    let organisation = || {
        let mut org = json!({
            "@type": "GovernmentOrganization",
            "name": config.agency.name.as_ref().map_or_else(|| local(&config.title), local),
            "url": site.permalink(&site.homes.get(lang).map_or("/".to_string(), |&h| site.page(h).path.clone())),
        });
        if let Some(email) = &config.agency.email {
            org["email"] = json!(email);
        }
        if let Some(phone) = &config.agency.phone {
            org["telephone"] = json!(phone);
        }
        if let Some(address) = &config.agency.address {
            org["address"] = json!({"@type": "PostalAddress", "streetAddress": local(address)});
        }
        if let Some(website) = &config.agency.website {
            org["sameAs"] = json!(website);
        }
        org
    };
    let data = if page.is_section() && page.parent.is_none() {
        let mut org = organisation();
        org["@context"] = json!("https://schema.org");
        if let Some(description) = &config.description {
            org["description"] = json!(local(description));
        }
        org
    } else if is_news && page.kind == Kind::Page {
        let date = page.front().date?;
        let mut article = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title,
            "url": site.permalink(&page.path),
            "mainEntityOfPage": site.permalink(&page.path),
            "inLanguage": lang,
            "datePublished": date.iso(),
            "dateModified": changed(page).unwrap_or(date).iso(),
            "author": organisation(),
            "publisher": organisation(),
        });
        if let Some(summary) = &page.front().summary {
            article["description"] = json!(summary);
        }
        let tags = page.front().tags();
        if !tags.is_empty() {
            article["keywords"] = json!(tags.join(", "));
        }
        article
    } else {
        return None;
    };
    let text = serde_json::to_string(&data).ok()?;
    Some(
        text.replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026"),
    )
}
