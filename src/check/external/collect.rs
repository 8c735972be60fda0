//! Finding the external links of a site as written (pure): every `http://` and `https://`
//! address in the Markdown of its pages (links, images, autolinks, reference definitions,
//! `<a href>` and `<img src>` in raw HTML) and in the text values of its TOML (front matter,
//! the data files of `content/`, `site-config.toml`), each with the place it is written.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use rayon::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::super::html::{self, Piece};
use crate::config::Config;
use crate::diag::Source;
use crate::source::TextFile;

/// One external link where it is written. Several occurrences may share one address.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// The file, as diagnostics name it (`content/news/a.md`).
    pub file: String,
    /// 1-based line and column (in characters) of the address.
    pub line: usize,
    pub column: usize,
    /// The address as written, which is also what the underline covers.
    pub url: String,
    /// How many characters the underline covers.
    pub width: usize,
    /// The line the address is on, quoted in the report.
    pub quoted: String,
}

/// What the links are read from.
pub struct LinkSources<'a> {
    /// The Markdown pages by path inside `content/` (what `check`'s rules read).
    pub pages: &'a BTreeMap<String, TextFile>,
    /// The data files of `content/` by path inside it; the `.toml` ones are read.
    pub data: &'a BTreeMap<String, Vec<u8>>,
    /// `site-config.toml`, when at hand (its `base_url` is the site itself, not a link).
    pub config_file: Option<&'a TextFile>,
    /// Links under the site's own `base_url` are in-site links, which the build checks.
    pub config: &'a Config,
    /// Whether drafts are built, and so checked.
    pub drafts: bool,
}

/// Every external link of the site, sorted by file, line and column; one address written
/// once is one occurrence however many links use it (a reference definition). Pages that
/// cannot be parsed are read as far as they can be (the build reports them).
pub fn collect(sources: &LinkSources<'_>) -> Vec<Occurrence> {
    let config = sources.config;
    let markdown = crate::markdown::options(&crate::markdown::MarkdownOptions {
        smart_punctuation: config.markdown.smart_punctuation,
        ..Default::default()
    });
    let mut found: Vec<Occurrence> = sources
        .pages
        .par_iter()
        .filter(|(path, file)| sources.drafts || !is_draft(path, file, config))
        .flat_map_iter(|(_, file)| page(file, markdown))
        .collect();
    for (path, bytes) in sources.data {
        if !path.to_ascii_lowercase().ends_with(".toml") {
            continue;
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            let file = format!("content/{path}");
            found.extend(toml_text(&Source::new(&file, text), &[]));
        }
    }
    if let Some(config_file) = sources.config_file {
        found.extend(toml_text(
            &Source::new(&config_file.file, &config_file.text),
            &["base_url"],
        ));
    }
    found.retain(|o| !in_site(&o.url, &config.base_url));
    found.sort();
    found.dedup();
    found
}

fn is_draft(path: &str, file: &TextFile, config: &Config) -> bool {
    let (page, _) = crate::content::parse_page(path.to_string(), file.clone(), config);
    page.is_some_and(|page| page.front.draft)
}

/// Whether `url` is an `http://` or `https://` address (scheme in any case).
pub fn is_external(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Whether `url` is the site's own address or under it.
fn in_site(url: &str, base_url: &str) -> bool {
    let base = base_url.trim_end_matches('/');
    !base.is_empty()
        && url
            .get(..base.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(base))
        && url[base.len()..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '/' | '?' | '#'))
}

/// The external links of one page: its front matter's text values and its body's links.
pub fn page(file: &TextFile, markdown: Options) -> Vec<Occurrence> {
    let Ok(split) = crate::content::front_matter::split(&file.file, &file.text) else {
        return Vec::new();
    };
    let mut found = toml_text(&split.source(&file.file), &[]);
    let body = Source::fragment(&file.file, split.body, split.body_line);
    found.extend(markdown_body(&body, markdown));
    found
}

/// The external links of a Markdown body.
pub fn markdown_body(source: &Source<'_>, options: Options) -> Vec<Occurrence> {
    let text = source.text;
    let mut found = Vec::new();
    let mut events = Parser::new_ext(text, options).into_offset_iter();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                id,
                ..
            }) => {
                if !is_external(&dest_url) {
                    continue;
                }
                // A reference link's address is written in its definition.
                let written = match link_type {
                    LinkType::Reference
                    | LinkType::Collapsed
                    | LinkType::Shortcut
                    | LinkType::ReferenceUnknown
                    | LinkType::CollapsedUnknown
                    | LinkType::ShortcutUnknown => events
                        .reference_definitions()
                        .get(id.as_ref())
                        .map_or(range, |definition| definition.span.clone()),
                    _ => range,
                };
                found.push(occurrence(source, &dest_url, &dest_url, written, true));
            }
            Event::Html(fragment) | Event::InlineHtml(fragment) => {
                for piece in html::pieces(&fragment) {
                    let Piece::Start { name, at, .. } = &piece else {
                        continue;
                    };
                    let attribute = match name.as_str() {
                        "a" | "area" => "href",
                        "img" | "iframe" | "source" | "video" | "audio" => "src",
                        _ => continue,
                    };
                    if let Some(written) = piece.attribute(attribute).filter(|u| is_external(u)) {
                        let start = range.start + at;
                        let end = range.start + fragment.len();
                        let url = decode_entities(written);
                        found.push(occurrence(source, &url, written, start..end, false));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// The entities that may stand for characters of an address in an HTML attribute.
fn decode_entities(value: &str) -> String {
    value
        .replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// An occurrence of `url`, placed where it is `written` inside `within` (the link, or the
/// tag); at the start of `within` when it is written differently (escapes, entities).
/// With `last`, the last match counts: a link's text may repeat its address.
fn occurrence(
    source: &Source<'_>,
    url: &str,
    written: &str,
    within: Range<usize>,
    last: bool,
) -> Occurrence {
    let (url, written) = (url.trim(), written.trim());
    let span = source.text.get(within.clone()).unwrap_or("");
    let found = if last {
        span.rfind(written)
    } else {
        span.find(written)
    };
    let range = match found {
        Some(at) => within.start + at..within.start + at + written.len(),
        None => within.start..within.start + 1,
    };
    let place = source.locate(range);
    Occurrence {
        file: source.file.to_string(),
        line: place.line,
        column: place.column,
        url: url.to_string(),
        width: place.width,
        quoted: place.text,
    }
}

/// The external addresses among the text values of a TOML document (any depth, in tables
/// and arrays), leaving out the top-level keys in `skip`. A document that does not parse
/// has none (its loader reports it).
pub fn toml_text(source: &Source<'_>, skip: &[&str]) -> Vec<Occurrence> {
    let Ok(table) = DeTable::parse(source.text) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (key, value) in table.get_ref() {
        if !skip.contains(&key.get_ref().as_ref()) {
            toml_value(source, value, &mut found);
        }
    }
    // Tables are not kept in the order they are written.
    found.sort();
    found
}

fn toml_value(source: &Source<'_>, value: &Spanned<DeValue<'_>>, found: &mut Vec<Occurrence>) {
    match value.get_ref() {
        DeValue::String(text) if is_external(text.trim()) => {
            found.push(occurrence(source, text, text, value.span(), false));
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                toml_value(source, item, found);
            }
        }
        DeValue::Table(table) => {
            for (_, item) in table.iter() {
                toml_value(source, item, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::text_files;

    fn options() -> Options {
        crate::markdown::options(&crate::markdown::MarkdownOptions::default())
    }

    fn places(found: &[Occurrence]) -> Vec<(String, &str)> {
        found
            .iter()
            .map(|o| {
                (
                    format!("{}:{}:{}", o.file, o.line, o.column),
                    o.url.as_str(),
                )
            })
            .collect()
    }

    fn page_file(text: &str) -> TextFile {
        TextFile {
            file: "content/a.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn markdown_links_images_and_autolinks_are_placed_at_their_address() {
        let text = "+++\ntitle = \"A\"\n+++\n\nXem [Cổng DVC](https://dichvucong.gov.vn/p) và \
                    ![Bản đồ](http://a.vn/b.png).\n\n<https://b.vn/x>\n\n\
                    [https://c.vn](https://c.vn) [nội bộ](@/b.md) [thư](mailto:a@b.vn) \
                    [điện thoại](tel:+84123) [gốc](/x) [neo](#a)\n";
        let found = page(&page_file(text), options());
        assert_eq!(
            places(&found),
            [
                ("content/a.md:5:16".into(), "https://dichvucong.gov.vn/p"),
                ("content/a.md:5:58".into(), "http://a.vn/b.png"),
                ("content/a.md:7:2".into(), "https://b.vn/x"),
                ("content/a.md:9:16".into(), "https://c.vn"),
            ]
        );
        assert_eq!(found[0].quoted, text.lines().nth(4).unwrap());
        assert_eq!(found[0].width, "https://dichvucong.gov.vn/p".len());
    }

    #[test]
    fn a_reference_link_is_placed_at_its_definition_once() {
        let body = "Xem [cổng][dvc] và [lại][DVC].\n\n[dvc]: https://dichvucong.gov.vn \"Cổng\"\n";
        let found = markdown_body(&Source::fragment("content/a.md", body, 4), options());
        let mut found = places(&found);
        found.dedup();
        assert_eq!(
            found,
            [("content/a.md:6:8".into(), "https://dichvucong.gov.vn")]
        );
    }

    #[test]
    fn raw_html_links_and_images_are_found() {
        let body = "<p>Xem <a class=\"x\" href=\"https://a.vn/\">A</a></p>\n\n\
                    Dòng <img alt=\"B\" src='http://b.vn/b.png'> và <a href=\"/noi-bo\">C</a>\n\n\
                    <a href=\"https://c.vn/?a=1&amp;b=2\">D</a>\n";
        let found = markdown_body(&Source::fragment("content/a.md", body, 1), options());
        assert_eq!(
            places(&found),
            [
                ("content/a.md:1:27".into(), "https://a.vn/"),
                ("content/a.md:3:24".into(), "http://b.vn/b.png"),
                ("content/a.md:5:10".into(), "https://c.vn/?a=1&b=2"),
            ]
        );
    }

    #[test]
    fn toml_text_values_at_any_depth_are_found_but_not_skipped_keys_or_comments() {
        let text = "base_url = \"https://site.vn\"\n# https://comment.vn\n\
                    website = \"https://so.vn\"\n[extra]\nlinks = [\"x\", 'http://y.vn/z']\n\
                    note = \"not https://inline.vn\"\n";
        let found = toml_text(&Source::new("site-config.toml", text), &["base_url"]);
        assert_eq!(
            places(&found),
            [
                ("site-config.toml:3:12".into(), "https://so.vn"),
                ("site-config.toml:5:16".into(), "http://y.vn/z"),
            ]
        );
    }

    #[test]
    fn collect_reads_pages_data_and_config_sorted_and_leaves_out_the_site_and_drafts() {
        let pages = text_files(
            "content",
            &[
                (
                    "b.md",
                    "+++\ntitle = \"B\"\n[extra]\nnguon = \"https://nguon.vn\"\n+++\n[x](https://z.vn) [y](https://SITE.vn/trang/)\n",
                ),
                ("a.md", "+++\ntitle = \"A\"\n+++\n[x](https://a.vn)\n"),
                (
                    "nhap.md",
                    "+++\ntitle = \"N\"\ndraft = true\n+++\n[x](https://draft.vn)\n",
                ),
            ],
        );
        let data: BTreeMap<String, Vec<u8>> = [
            (
                "kh/plan.toml".to_string(),
                b"id = \"kh\"\nsource = \"https://vanban.vn/1\"\n".to_vec(),
            ),
            ("kh/data.csv".to_string(), b"a\nhttps://csv.vn\n".to_vec()),
        ]
        .into_iter()
        .collect();
        let config = TextFile {
            file: "site-config.toml".into(),
            text: "base_url = \"https://site.vn\"\n[agency]\nwebsite = \"https://site.vn\"\n"
                .into(),
        };
        let site = Config::parse("title = \"x\"\nbase_url = \"https://site.vn/\"\n").unwrap();
        let mut sources = LinkSources {
            pages: &pages,
            data: &data,
            config_file: Some(&config),
            config: &site,
            drafts: false,
        };
        let found = collect(&sources);
        assert_eq!(
            places(&found),
            [
                ("content/a.md:4:5".into(), "https://a.vn"),
                ("content/b.md:4:10".into(), "https://nguon.vn"),
                ("content/b.md:6:5".into(), "https://z.vn"),
                ("content/kh/plan.toml:2:11".into(), "https://vanban.vn/1"),
            ]
        );
        sources.drafts = true;
        assert_eq!(collect(&sources).len(), 5);
    }

    #[test]
    fn only_http_and_https_are_external() {
        assert!(is_external("https://a.vn"));
        assert!(is_external("HTTP://a.vn"));
        assert!(!is_external("mailto:a@b.vn"));
        assert!(!is_external("tel:+84"));
        assert!(!is_external("ftp://a.vn"));
        assert!(!is_external("/http://"));
        assert!(!is_external("http"));
        assert!(in_site("https://site.vn", "https://site.vn/"));
        assert!(in_site("https://site.vn/a?b", "https://site.vn"));
        assert!(!in_site("https://site.vn.evil.com/", "https://site.vn"));
    }
}
