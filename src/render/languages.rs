//! The site's languages in templates (pure): where the language switcher sends a reader,
//! the `hreflang` alternates of a page, the pages of the default language a section in
//! another language shows as not yet translated, and Open Graph locales.
//!
//! The switcher goes to the same page in the other language when it exists; otherwise to
//! that language's home page, and its link says that this page is not available there.
//! Only versions that exist are `hreflang` alternates.

use tera::{Context, Map, Value};

use crate::site::{Page, PageId, Site};

/// Where the switcher's entry for one language leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub code: String,
    pub is_current: bool,
    /// The page in this language, or this language's home page when it has none.
    pub url: String,
    /// The page in this language exists (and is an `hreflang` alternate).
    pub available: bool,
    /// The full address of the page in this language, when it exists.
    pub permalink: Option<String>,
    pub title: Option<String>,
}

/// The switcher's entries for a page, one per language of the site, in the configured order.
pub fn targets(site: &Site, page: &Page) -> Vec<Target> {
    let versions = std::iter::once(page)
        .chain(page.translations.iter().map(|&t| site.page(t)))
        .map(|p| (p.lang(), p.path.as_str(), Some(p.title.as_str())));
    targets_for(site, page.lang(), versions)
}

/// The switcher's entries for an output whose versions are given as (language, site path,
/// title): tag pages and feeds' lists, which are not pages of the content.
pub fn targets_for<'a>(
    site: &Site,
    current: &str,
    versions: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>,
) -> Vec<Target> {
    let versions: Vec<(&str, &str, Option<&str>)> = versions.into_iter().collect();
    site.config
        .languages
        .iter()
        .map(|code| {
            let found = versions.iter().find(|(lang, _, _)| lang == code);
            match found {
                Some((_, path, title)) => Target {
                    code: code.clone(),
                    is_current: code == current,
                    url: site.url(path),
                    available: true,
                    permalink: Some(site.permalink(path)),
                    title: title.map(str::to_string),
                },
                None => Target {
                    code: code.clone(),
                    is_current: code == current,
                    url: home_url(site, code),
                    available: false,
                    permalink: None,
                    title: None,
                },
            }
        })
        .collect()
}

/// The home page of `lang` (`/` for the default language, `/en/` for English).
pub fn home_url(site: &Site, lang: &str) -> String {
    match site.homes.get(lang) {
        Some(&home) => site.url(&site.page(home).path),
        None if lang == site.config.default_language => site.url("/"),
        None => site.url(&format!("/{lang}/")),
    }
}

/// The `translations` value templates see.
pub fn value(targets: &[Target]) -> Value {
    let list: Vec<Value> = targets
        .iter()
        .map(|target| {
            let mut map = Map::new();
            map.insert("code".into(), Value::from(target.code.as_str()));
            map.insert("is_current".into(), Value::from(target.is_current));
            map.insert("url".into(), Value::from(target.url.as_str()));
            map.insert("available".into(), Value::from(target.available));
            map.insert("permalink".into(), Value::from(target.permalink.as_deref()));
            map.insert("title".into(), Value::from(target.title.as_deref()));
            map.insert("og_locale".into(), Value::from(og_locale(&target.code)));
            Value::from(map)
        })
        .collect();
    Value::from(list)
}

/// For a section in a language other than the default: the pages of the same section in
/// the default language that have no version in this language, in the default section's
/// order. Templates list them apart, marked as being in the default language.
pub fn fallback_pages(site: &Site, section: &Page) -> Vec<PageId> {
    let default = &site.config.default_language;
    if !section.is_section() || section.lang() == default {
        return Vec::new();
    }
    let Some(original) = section
        .translations
        .iter()
        .map(|&t| site.page(t))
        .find(|t| t.lang() == default)
    else {
        return Vec::new();
    };
    original
        .pages
        .iter()
        .copied()
        .filter(|&id| {
            !site
                .page(id)
                .translations
                .iter()
                .any(|&t| site.page(t).lang() == section.lang())
        })
        .collect()
}

/// Adds `section.fallback_pages` (see `fallback_pages`) to a section's context.
pub fn add_fallbacks(context: &mut Context, site: &Site, values: &[Value], page: &Page) {
    let ids = fallback_pages(site, page);
    if ids.is_empty() {
        return;
    }
    crate::deps::record_pages(site, ids.iter().copied());
    let list = Value::from(ids.iter().map(|&id| values[id].clone()).collect::<Vec<_>>());
    context.insert_value("fallback_pages", list);
}

/// The Open Graph locale of a language (`vi_VN`).
pub fn og_locale(lang: &str) -> String {
    match lang {
        "vi" => "vi_VN".into(),
        "en" => "en_GB".into(),
        other => other.replace('-', "_"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::config::Config;
    use crate::test_support::content_pages;

    fn site(files: &[(&str, &str)]) -> Site {
        let config = Config::parse(
            "title = { vi = \"Cổng\", en = \"Portal\" }\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n",
        )
        .unwrap();
        let pages = content_pages(files, &config);
        crate::site::link(config, pages, BTreeSet::new(), Default::default()).0
    }

    fn page<'a>(site: &'a Site, path: &str) -> &'a Page {
        site.pages
            .iter()
            .find(|p| p.content.content_path == path)
            .unwrap()
    }

    const FILES: [(&str, &str); 5] = [
        ("tin/_index.md", "+++\ntitle = \"Tin tức\"\n+++\n"),
        (
            "tin/_index.en.md",
            "+++\ntitle = \"News\"\nslug = \"news\"\n+++\n",
        ),
        ("tin/a.md", "+++\ntitle = \"A\"\n+++\n"),
        (
            "tin/a.en.md",
            "+++\ntitle = \"A en\"\nslug = \"a-en\"\n+++\n",
        ),
        ("tin/b.md", "+++\ntitle = \"B\"\n+++\n"),
    ];

    #[test]
    fn the_switcher_goes_to_the_same_page_in_the_other_language() {
        let site = site(&FILES);
        let targets = targets(&site, page(&site, "tin/a.md"));
        assert_eq!(targets.len(), 2);
        assert!(targets[0].is_current && targets[0].available);
        assert_eq!(targets[1].url, "/en/news/a-en/");
        assert!(targets[1].available);
        assert_eq!(
            targets[1].permalink.as_deref(),
            Some("https://x.vn/en/news/a-en/")
        );
        assert_eq!(targets[1].title.as_deref(), Some("A en"));
    }

    #[test]
    fn without_a_translation_the_switcher_goes_home_and_says_so() {
        let site = site(&FILES);
        let targets = targets(&site, page(&site, "tin/b.md"));
        assert_eq!(targets[1].code, "en");
        assert_eq!(targets[1].url, "/en/");
        assert!(!targets[1].available);
        assert_eq!(targets[1].permalink, None);
        // And from English back to Vietnamese, the same page.
        let back = super::targets(&site, page(&site, "tin/a.en.md"));
        assert_eq!((back[0].url.as_str(), back[0].available), ("/tin/a/", true));
    }

    #[test]
    fn untranslated_pages_fall_back_to_the_default_language_in_the_sections_of_others() {
        let site = site(&FILES);
        let news = page(&site, "tin/_index.en.md");
        let fallbacks: Vec<&str> = fallback_pages(&site, news)
            .into_iter()
            .map(|id| site.page(id).content.content_path.as_str())
            .collect();
        assert_eq!(fallbacks, ["tin/b.md"]);
        assert!(fallback_pages(&site, page(&site, "tin/_index.md")).is_empty());
    }

    #[test]
    fn open_graph_locales() {
        assert_eq!(og_locale("vi"), "vi_VN");
        assert_eq!(og_locale("en"), "en_GB");
    }
}
