//! The search page of each language that has none (pure): with search on, every language
//! gets one from the theme's `search.html` at `/tim-kiem/` (or `/LANG/search/`), so a site
//! never has an index and no way to use it. A page of the site's own still wins.

use super::{ContentPage, FrontMatter};
use crate::config::Config;
use crate::i18n::I18n;

/// The template that makes a page the search page of its language.
pub const SEARCH_TEMPLATE: &str = "search.html";
/// Where the made pages come from, for messages.
const SOURCE: &str = "(built-in theme)/templates/search.html";
/// The made page's key: its versions in every language are translations of each other.
const KEY: &str = "tim-kiem.md";

/// The search pages to add: one for each language of the site that has none.
pub fn missing(pages: &[ContentPage], config: &Config, i18n: &I18n) -> Vec<ContentPage> {
    if !config.search.enabled {
        return Vec::new();
    }
    let has_key = pages.iter().any(|p| p.key == KEY);
    config
        .languages
        .iter()
        .filter(|lang| {
            !pages
                .iter()
                .any(|p| p.lang == **lang && p.front.template.as_deref() == Some(SEARCH_TEMPLATE))
        })
        // A page of the site's own at the same place keeps it.
        .filter(|_| !has_key)
        .map(|lang| made(lang, config, i18n))
        .collect()
}

fn made(lang: &str, config: &Config, i18n: &I18n) -> ContentPage {
    let default = lang == config.default_language;
    ContentPage {
        file: SOURCE.to_string(),
        content_path: if default {
            KEY.to_string()
        } else {
            format!("tim-kiem.{lang}.md")
        },
        key: KEY.to_string(),
        dir: String::new(),
        stem: "tim-kiem".to_string(),
        lang: lang.to_string(),
        front: FrontMatter {
            title: Some(i18n.get(lang, "search").unwrap_or("Search").to_string()),
            template: Some(SEARCH_TEMPLATE.to_string()),
            slug: (!default).then(|| "search".to_string()),
            weight: Some(90),
            ..FrontMatter::default()
        },
        text: String::new(),
        body_offset: 0,
        body_line: 1,
        plan_page: None,
    }
}
