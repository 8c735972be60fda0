//! The header's links (pure): `[[menu]]` of `site-config.toml` resolved against the linked
//! site — `@/` links become the page's address in each language — in order of weight; a
//! site without a menu gets its home page's sections, as before. `check` reports entries
//! whose link leads nowhere, at their line of `site-config.toml`.

use crate::config::MenuEntry;
use crate::diag::Diagnostic;
use crate::site::Site;
use crate::t;

/// One link of the header in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    pub url: String,
    /// The site path of the page it leads to (`/tin-tuc/`), for marking the current one;
    /// `None` for an address outside the site.
    pub path: Option<String>,
}

/// Where an entry's `url` leads.
enum Target {
    /// A page of the site, by its site path.
    Page(String),
    /// An address outside the site, as written.
    Outside(String),
}

fn is_outside(url: &str) -> bool {
    crate::config::is_web_address(url)
        || ["mailto:", "tel:"]
            .iter()
            .any(|scheme| url.starts_with(scheme))
}

/// Where `entry` leads in `lang`: `Err` with the diagnostic when it leads nowhere.
fn target(site: &Site, entry: &MenuEntry, lang: &str) -> Result<Target, Diagnostic> {
    let default = &site.config.default_language;
    let name = entry
        .name
        .as_ref()
        .map_or("", |n| n.get(default, default))
        .to_string();
    let url = entry.url.as_deref().unwrap_or("").trim();
    if let Some(path) = url.strip_prefix("@/") {
        let (file, fragment) = path.split_once('#').unwrap_or((path, ""));
        return match site.find(file, lang) {
            Ok(id) => {
                let page_path = site.page(id).path.clone();
                Ok(Target::Page(if fragment.is_empty() {
                    page_path
                } else {
                    format!("{page_path}#{fragment}")
                }))
            }
            Err(problem) => {
                let diagnostic = Diagnostic::error(
                    "menu-link",
                    t!("menu-broken-link", name = &name, problem = problem.message),
                );
                let diagnostic = match problem.hint {
                    Some(hint) => diagnostic.with_hint(hint),
                    None => diagnostic,
                };
                Err(entry.at.place(diagnostic))
            }
        };
    }
    if url.starts_with('/') {
        return Ok(Target::Page(url.to_string()));
    }
    if is_outside(url) {
        return Ok(Target::Outside(url.to_string()));
    }
    Err(entry.at.place(
        Diagnostic::error(
            "menu-link",
            t!("menu-url-relative", name = &name, url = url),
        )
        .with_hint(t!("menu-url-relative-hint")),
    ))
}

/// The entries in the order shown: by weight, then as written.
fn ordered(site: &Site) -> Vec<&MenuEntry> {
    let mut entries: Vec<&MenuEntry> = site
        .config
        .menu
        .iter()
        .filter(|e| e.name.is_some() && e.url.is_some())
        .collect();
    entries.sort_by_key(|e| e.weight);
    entries
}

/// The header's links in `lang`: the menu's, else the home page's sections.
pub fn items(site: &Site, lang: &str) -> Vec<Item> {
    let default = &site.config.default_language;
    if site.config.menu.is_empty() {
        let Some(&home) = site.homes.get(lang) else {
            return Vec::new();
        };
        return site
            .page(home)
            .subsections
            .iter()
            .map(|&id| {
                let page = site.page(id);
                Item {
                    name: page.title.clone(),
                    url: site.url(&page.path),
                    path: Some(page.path.clone()),
                }
            })
            .collect();
    }
    ordered(site)
        .into_iter()
        .filter_map(|entry| {
            let name = entry.name.as_ref()?.get(lang, default).to_string();
            Some(match target(site, entry, lang).ok()? {
                Target::Page(path) => Item {
                    name,
                    url: site.url(&path),
                    path: Some(path.split('#').next().unwrap_or("").to_string()),
                },
                Target::Outside(url) => Item {
                    name,
                    url,
                    path: None,
                },
            })
        })
        .collect()
}

/// Every menu entry whose link leads nowhere (checked in the default language, where every
/// `@/` link must find its page).
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let lang = &site.config.default_language;
    ordered(site)
        .into_iter()
        .filter_map(|entry| target(site, entry, lang).err())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::Publish;
    use crate::test_support::content_pages;

    fn site(config: &str, files: &[(&str, &str)]) -> (Site, Vec<Diagnostic>) {
        let config = Config::parse(config).expect("config");
        let pages = content_pages(files, &config);
        let (site, found) =
            crate::site::link(config, pages, Default::default(), Publish::default());
        assert!(found.is_empty(), "{found:?}");
        let found = check(&site);
        (site, found)
    }

    const PAGES: &[(&str, &str)] = &[
        ("_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n"),
        ("tin-tuc/_index.md", "+++\ntitle = \"Tin tức\"\n+++\n"),
        ("tin-tuc/_index.en.md", "+++\ntitle = \"News\"\n+++\n"),
        ("gioi-thieu.md", "+++\ntitle = \"Giới thiệu\"\n+++\n"),
        ("_index.en.md", "+++\ntitle = \"Home\"\n+++\n"),
    ];

    const HEAD: &str =
        "title = \"Cổng\"\nbase_url = \"https://x.vn/p\"\nlanguages = [\"vi\", \"en\"]\n";

    #[test]
    fn entries_follow_their_weight_and_at_links_find_each_languages_page() {
        let config = format!(
            "{HEAD}[[menu]]\nname = \"Cổng quốc gia\"\nurl = \"https://dichvucong.gov.vn\"\nweight = 30\n\n\
             [[menu]]\nname = {{ vi = \"Tin tức\", en = \"News\" }}\nurl = \"@/tin-tuc/_index.md\"\nweight = 10\n\n\
             [[menu]]\nname = \"Giới thiệu\"\nurl = \"@/gioi-thieu.md\"\nweight = 20\n"
        );
        let (site, found) = site(&config, PAGES);
        assert!(found.is_empty(), "{found:?}");
        let vi = items(&site, "vi");
        let names: Vec<&str> = vi.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Tin tức", "Giới thiệu", "Cổng quốc gia"]);
        assert_eq!(vi[0].url, "/p/tin-tuc/");
        assert_eq!(vi[2].path, None);
        let en = items(&site, "en");
        assert_eq!(en[0].name, "News");
        assert_eq!(en[0].url, "/p/en/tin-tuc/");
    }

    #[test]
    fn a_site_without_a_menu_shows_its_sections() {
        let (site, _) = site(HEAD, PAGES);
        let names: Vec<String> = items(&site, "vi").into_iter().map(|i| i.name).collect();
        assert_eq!(names, ["Tin tức"]);
    }

    #[test]
    fn a_broken_at_link_is_placed_at_its_line_with_a_suggestion() {
        let config = format!("{HEAD}[[menu]]\nname = \"Tin tức\"\nurl = \"@/tin-tuc/_indx.md\"\n");
        let (_, found) = site(&config, PAGES);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(
            (d.file.as_str(), d.line, d.column),
            ("site-config.toml", 6, 7)
        );
        assert!(d.message.contains("Tin tức"), "{}", d.message);
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean `@/tin-tuc/_index.md`?")
        );
    }

    #[test]
    fn a_missing_name_or_url_and_an_unknown_key_are_reported_when_read() {
        let config =
            format!("{HEAD}[[menu]]\nurl = \"/a/\"\n\n[[menu]]\nname = \"B\"\nwieght = 2\n");
        let found = Config::parse(&config).expect_err("errors");
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("menu entry 1 has no `name`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`B` has no `url`")),
            "{messages:?}"
        );
        let unknown = found
            .iter()
            .find(|d| d.code == "unknown-key")
            .expect("unknown key");
        assert_eq!(unknown.line, 9);
        assert_eq!(unknown.hint.as_deref(), Some("did you mean `weight`?"));
        assert!(
            found
                .iter()
                .all(|d| d.file == "site-config.toml" && d.line > 3)
        );
    }
}
