//! What templates see, as every page has it (pure): a page's list form, its own fields, the
//! pager of a section and conversions of TOML values. Page families (`languages`, `news`,
//! `awareness`, `plan`) build on these; `page` puts them together.

use tera::{Context, Map, Value};

use crate::deps::record_pages;
use crate::site::{Kind, Page, PageId, Site};

/// The list form of a page as every page has it (page families add theirs in `page`).
pub fn list_fields(site: &Site, page: &Page) -> Map {
    let front = page.front();
    let mut map = Map::with_capacity(20);
    let mut put = |key: &'static str, value: Value| {
        map.insert(key.into(), value);
    };
    put(
        "kind",
        Value::from(match page.kind {
            Kind::Page => "page",
            Kind::Section => "section",
        }),
    );
    put("title", Value::from(page.title.as_str()));
    put("url", Value::from(site.url(&page.path)));
    put("permalink", Value::from(site.permalink(&page.path)));
    put("path", Value::from(page.path.as_str()));
    put("lang", Value::from(page.lang()));
    put(
        "content_path",
        Value::from(page.content.content_path.as_str()),
    );
    put("date", Value::from(front.date.map(|d| d.iso())));
    put("updated", Value::from(front.updated.map(|d| d.iso())));
    put("weight", Value::from(front.weight));
    put("draft", Value::from(front.draft));
    put(
        "scheduled",
        Value::from(site.publish.banners && site.publish.is_scheduled(&page.content)),
    );
    put("description", Value::from(front.summary.as_deref()));
    put("summary", Value::safe_string(&page.rendered.summary_html));
    put("audience", strings(&front.audience));
    put("topics", strings(&front.topics));
    put("tags", strings(&front.tags()));
    put(
        "section_kind",
        Value::from(site.section_kind(page.id).as_str()),
    );
    put("extra", toml_table(&front.extra));
    put("page_count", Value::from(page.pages.len()));
    map
}

/// The context for rendering `id` as every page has it: the page, its section lists, its
/// address and pager; `base` is the site context of the page's language.
pub fn page_fields(
    site: &Site,
    values: &[Value],
    base: &Context,
    id: PageId,
    pager: Option<Pager>,
    content: &str,
) -> Context {
    let page = site.page(id);
    if crate::deps::is_recording() {
        crate::deps::record(crate::deps::Dep::Content(page.content.content_path.clone()));
    }
    record_pages(
        site,
        std::iter::once(id)
            .chain(page.ancestors.iter().copied())
            .chain(page.translations.iter().copied()),
    );
    if page.is_section() {
        record_pages(site, page.pages.iter().chain(&page.subsections).copied());
    }
    let mut this = values[id].as_map().cloned().unwrap_or_default();
    this.insert("content".into(), Value::safe_string(content));
    this.insert("toc".into(), toc_value(&page.rendered.toc));
    this.insert(
        "ancestors".into(),
        Value::from(
            page.ancestors
                .iter()
                .map(|&a| values[a].clone())
                .collect::<Vec<_>>(),
        ),
    );
    if page.is_section() {
        this.insert(
            "pages".into(),
            Value::from(
                page.pages
                    .iter()
                    .map(|&p| values[p].clone())
                    .collect::<Vec<_>>(),
            ),
        );
        this.insert(
            "subsections".into(),
            Value::from(
                page.subsections
                    .iter()
                    .map(|&p| values[p].clone())
                    .collect::<Vec<_>>(),
            ),
        );
    }
    let this = Value::from(this);

    let mut context = base.clone();
    context.insert_value("page", this.clone());
    if page.is_section() {
        context.insert_value("section", this);
    }
    let current_path = match &pager {
        Some(pager) if pager.index > 1 => pager_path(&page.path, pager.index),
        _ => page.path.clone(),
    };
    context.insert("current_path", &current_path);
    context.insert("current_url", &site.url(&current_path));
    context.insert("permalink", &site.permalink(&current_path));
    if let Some(pager) = pager {
        context.insert_value("paginator", paginator(site, values, page, pager));
    }
    context
}

/// The context of a page that belongs to no content file (404).
pub fn bare_context(site: &Site, base: &Context, path: &str) -> Context {
    let mut context = base.clone();
    context.insert("current_path", path);
    context.insert("current_url", &site.url(path));
    context.insert("permalink", &site.permalink(path));
    context.insert_value("translations", Value::from(Vec::<Value>::new()));
    context
}

/// One list page of a section: 1-based `index` of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pager {
    pub index: usize,
    pub count: usize,
}

/// How many list pages a section has.
pub fn pager_count(page: &Page) -> usize {
    if page.paginate_by == 0 || page.pages.is_empty() {
        1
    } else {
        page.pages.len().div_ceil(page.paginate_by)
    }
}

/// `/tin-tuc/` -> `/tin-tuc/page/2/`; page 1 is the section itself.
pub fn pager_path(section_path: &str, index: usize) -> String {
    if index <= 1 {
        section_path.to_string()
    } else {
        format!("{section_path}page/{index}/")
    }
}

fn paginator(site: &Site, values: &[Value], section: &Page, pager: Pager) -> Value {
    paginator_over(
        site,
        values,
        &section.path,
        &section.pages,
        section.paginate_by,
        pager,
    )
}

/// A paginator over `ids` listed at `path` (a section's pages, a tag's pages), `per_page`
/// to a list page (0: all on one).
pub fn paginator_over(
    site: &Site,
    values: &[Value],
    path: &str,
    ids: &[PageId],
    per_page: usize,
    pager: Pager,
) -> Value {
    let per_page = if per_page == 0 {
        ids.len().max(1)
    } else {
        per_page
    };
    let start = ((pager.index - 1) * per_page).min(ids.len());
    let end = (start + per_page).min(ids.len());
    let url = |index: usize| Value::from(site.url(&pager_path(path, index)));
    let mut map = Map::new();
    map.insert("current_index".into(), Value::from(pager.index));
    map.insert("number_pagers".into(), Value::from(pager.count));
    map.insert("total_pages".into(), Value::from(ids.len()));
    map.insert(
        "pages".into(),
        Value::from(
            ids[start..end]
                .iter()
                .map(|&id| values[id].clone())
                .collect::<Vec<_>>(),
        ),
    );
    map.insert("first".into(), url(1));
    map.insert("last".into(), url(pager.count));
    map.insert(
        "previous".into(),
        if pager.index > 1 {
            url(pager.index - 1)
        } else {
            Value::none()
        },
    );
    map.insert(
        "next".into(),
        if pager.index < pager.count {
            url(pager.index + 1)
        } else {
            Value::none()
        },
    );
    let pagers: Vec<Value> = (1..=pager.count)
        .map(|index| {
            let mut entry = Map::new();
            entry.insert("index".into(), Value::from(index));
            entry.insert("url".into(), url(index));
            entry.insert("is_current".into(), Value::from(index == pager.index));
            Value::from(entry)
        })
        .collect();
    map.insert("pagers".into(), Value::from(pagers));
    Value::from(map)
}

/// Every language of the site with where the language switcher goes from this page (see
/// `languages`).
fn toc_value(entries: &[crate::markdown::TocEntry]) -> Value {
    let list: Vec<Value> = entries
        .iter()
        .map(|entry| {
            let mut map = Map::with_capacity(4);
            map.insert("level".into(), Value::from(entry.level));
            map.insert("id".into(), Value::from(entry.id.as_str()));
            map.insert("title".into(), Value::from(entry.title.as_str()));
            map.insert("children".into(), toc_value(&entry.children));
            Value::from(map)
        })
        .collect();
    Value::from(list)
}

fn strings(list: &[String]) -> Value {
    Value::from(
        list.iter()
            .map(|s| Value::from(s.as_str()))
            .collect::<Vec<_>>(),
    )
}

/// TOML to a template value; dates become their text (`2025-06-30`).
pub fn toml_table(table: &toml::Table) -> Value {
    let mut map = Map::new();
    for (key, value) in table {
        map.insert(key.clone().into(), toml_value(value));
    }
    Value::from(map)
}

fn toml_value(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::from(s.as_str()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::from(*b),
        toml::Value::Datetime(d) => Value::from(d.to_string()),
        toml::Value::Array(items) => Value::from(items.iter().map(toml_value).collect::<Vec<_>>()),
        toml::Value::Table(table) => toml_table(table),
    }
}
