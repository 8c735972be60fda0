//! Outputs made without templates (pure): sitemap.xml, robots.txt and the redirect pages
//! of aliases.

use std::fmt::Write as _;

use crate::html::escape;
use crate::site::{Alias, Site};

/// Every published page with its translations as `hreflang` alternates.
pub fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut pages: Vec<_> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    for page in pages {
        let _ = write!(
            out,
            "  <url>\n    <loc>{}</loc>\n",
            escape(&site.permalink(&page.path))
        );
        if let Some(date) = page.front().updated.or(page.front().date) {
            let _ = writeln!(
                out,
                "    <lastmod>{}</lastmod>",
                date.date().format("%Y-%m-%d")
            );
        }
        if !page.translations.is_empty() {
            let mut versions: Vec<_> = std::iter::once(page)
                .chain(page.translations.iter().map(|&t| site.page(t)))
                .collect();
            versions.sort_by(|a, b| a.lang().cmp(b.lang()));
            for version in versions {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(version.lang()),
                    escape(&site.permalink(&version.path))
                );
            }
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("/sitemap.xml")
    )
}

/// A page that sends readers (and search engines, by `canonical`) to the alias's target.
pub fn redirect(site: &Site, alias: &Alias) -> String {
    let target = site.page(alias.to);
    let url = escape(&site.url(&target.path));
    let permalink = escape(&site.permalink(&target.path));
    let title = escape(&target.title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{permalink}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n\
         </head>\n<body>\n<main><p><a href=\"{url}\">{title}</a></p></main>\n</body>\n</html>\n",
        lang = escape(target.lang()),
    )
}
