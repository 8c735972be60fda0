//! A page's whole template context (pure): the fields every page has (`context`) with what
//! each page family adds (languages, news, awareness). The top of `render`'s values: it calls
//! the families, none of them calls it.

use tera::{Context, Map, Value};

use super::context::{self, Pager};
use super::{awareness, languages, news, search_documents};
use crate::site::{Page, PageId, Site};

/// The list form of a page: everything but its content, for lists and `get_page`.
pub fn page_value(site: &Site, page: &Page) -> Value {
    let mut fields = context::list_fields(site, page);
    if let Some(extra) = awareness::page_value(site, page) {
        fields.insert("awareness".into(), extra);
    }
    Value::from(fields)
}

/// The full context for rendering `id`, whose HTML is `content`; `pager` is the list page
/// of a section. `base` is the `site_context` of the page's language.
pub fn page_context(
    site: &Site,
    values: &[Value],
    base: &Context,
    id: PageId,
    pager: Option<Pager>,
    content: &str,
) -> Context {
    let page = site.page(id);
    let mut context = context::page_fields(site, values, base, id, pager, content);
    context.insert_value("translations", translations(site, page));
    languages::add_fallbacks(&mut context, site, values, page);
    news::add_page_data(&mut context, site, page);
    context
}

fn translations(site: &Site, page: &Page) -> Value {
    languages::value(&languages::targets(site, page))
}

/// What every page in `lang` shares: the site's title, languages, agency, `extra`. Made
/// once per language and cloned into each page's context (its values are shared, not copied).
/// What the search page and the header's search link need: the search page of `lang` (a
/// page with the template `search.html`), the kinds results can be filtered by, and the
/// task groups of the site's plans.
fn insert_search(context: &mut Context, site: &Site, lang: &str) {
    let search_page = site.config.search.enabled.then(|| {
        site.pages.iter().find(|p| {
            p.lang() == lang
                && p.front().template.as_deref() == Some(search_documents::SEARCH_TEMPLATE)
        })
    });
    context.insert(
        "search_url",
        &search_page.flatten().map(|p| site.url(&p.path)),
    );
    let kinds: Vec<&str> = crate::search::Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect();
    context.insert("search_kinds", &kinds);
    let default_lang = &site.config.default_language;
    let mut groups: Vec<Value> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for group in site.plans.iter().flat_map(|plan| &plan.groups) {
        if seen.insert(group.id.as_str()) {
            let mut map = Map::new();
            map.insert("id".into(), Value::from(group.id.as_str()));
            map.insert("title".into(), Value::from(group.title(lang, default_lang)));
            groups.push(Value::from(map));
        }
    }
    context.insert_value("search_groups", Value::from(groups));
}

/// The header's links in `lang` (`[[menu]]`, else the home page's sections): `name`, `url`,
/// `path`, the site path of a page of the site (none for an address outside it), and
/// `home` for the home page (current only on itself, not on every page below it).
fn nav(site: &Site, lang: &str) -> Value {
    let home = site.homes.get(lang).map(|&h| site.page(h).path.as_str());
    let items: Vec<Value> = crate::menu::items(site, lang)
        .into_iter()
        .map(|item| {
            let mut map = Map::new();
            map.insert(
                "home".into(),
                Value::from(item.path.is_some() && item.path.as_deref() == home),
            );
            map.insert("name".into(), Value::from(item.name));
            map.insert("url".into(), Value::from(item.url));
            map.insert("path".into(), Value::from(item.path));
            Value::from(map)
        })
        .collect();
    Value::from(items)
}

pub fn site_context(site: &Site, lang: &str) -> Context {
    let mut context = Context::new();
    context.insert("lang", lang);
    let config = &site.config;
    context.insert(
        "site_title",
        config.title.get(lang, &config.default_language),
    );
    context.insert(
        "site_description",
        &config
            .description
            .as_ref()
            .map(|d| d.get(lang, &config.default_language).to_string()),
    );
    context.insert("base_url", &config.base_url);
    context.insert("base_path", config.base_path());
    context.insert("default_language", &config.default_language);
    context.insert("as_of", &config.as_of.map(|d| d.iso()));
    context.insert("search_enabled", &config.search.enabled);
    context.insert("preview_banners", &site.publish.banners);
    insert_search(&mut context, site, lang);
    context.insert_value("nav", nav(site, lang));
    news::add_site_data(&mut context, site, lang);
    let home_url = site.homes.get(lang).map(|&h| site.url(&site.pages[h].path));
    context.insert("home_url", &home_url.unwrap_or_else(|| site.url("/")));
    let languages: Vec<Value> = config
        .languages
        .iter()
        .map(|code| {
            let mut map = Map::new();
            map.insert("code".into(), Value::from(code.as_str()));
            let url = site.homes.get(code).map(|&h| site.url(&site.pages[h].path));
            map.insert("home_url".into(), Value::from(url));
            Value::from(map)
        })
        .collect();
    context.insert_value("languages", Value::from(languages));
    let mut agency = Map::new();
    if let Some(name) = &config.agency.name {
        agency.insert(
            "name".into(),
            Value::from(name.get(lang, &config.default_language)),
        );
    }
    if let Some(address) = &config.agency.address {
        agency.insert(
            "address".into(),
            Value::from(address.get(lang, &config.default_language)),
        );
    }
    for (key, value) in [
        ("email", &config.agency.email),
        ("phone", &config.agency.phone),
        ("website", &config.agency.website),
    ] {
        if let Some(value) = value {
            agency.insert(key.into(), Value::from(value.as_str()));
        }
    }
    context.insert_value("agency", Value::from(agency));
    context.insert_value("extra", context::toml_table(&config.extra));
    context
}
