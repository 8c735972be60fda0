//! Markdown to HTML (pure): heading ids and anchors, table of contents, internal `@/` links,
//! summary, plain text for search, and sanitising of raw HTML.

mod nesting;
mod shortcode;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::diag::{Diagnostic, Source};
use crate::html::escape;
use crate::slug::slugify;
use crate::t;

/// What the renderer needs to know beyond the text.
#[derive(Clone, Debug)]
pub struct MarkdownOptions {
    pub allow_raw_html: bool,
    pub smart_punctuation: bool,
    pub heading_anchors: bool,
    /// Spoken text of a heading's anchor link, from the theme's i18n ("Liên kết tới mục này").
    pub anchor_label: String,
    /// Accessible name of the scrollable box around a wide table.
    pub table_label: String,
    /// Also gather the body's words as plain text (`Rendered::text`, for search), from the
    /// same parse as the HTML.
    pub plain_text: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            allow_raw_html: false,
            smart_punctuation: false,
            heading_anchors: true,
            anchor_label: "Link to this section".into(),
            table_label: "Table".into(),
            plain_text: false,
        }
    }
}

/// Turns `@/path/page.md` into a URL, or says why it cannot.
pub trait LinkResolver {
    /// `target` is the path after `@/`, without the `#anchor`. Returns the URL and, for a
    /// page, an opaque id naming it, for checking anchors once every page is rendered.
    fn resolve(&self, target: &str) -> Result<(String, Option<usize>), LinkProblem>;

    /// The HTML of a shortcode written alone in a paragraph (`{{ chart(kind="trend") }}`):
    /// the HTML is trusted, placed after raw HTML is sanitised.
    fn shortcode(
        &self,
        name: &str,
        _arguments: &[(String, String)],
    ) -> Result<String, LinkProblem> {
        Err(LinkProblem {
            message: t!("markdown-no-shortcode", name = name),
            hint: None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct LinkProblem {
    pub message: String,
    pub hint: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// A link to an anchor in another page, checked after every page has its heading ids.
#[derive(Clone, Debug)]
pub struct AnchorLink {
    pub target: usize,
    pub anchor: String,
    /// The link as written (`@/page.md#anchor`) and where it is in the body.
    pub written: String,
    pub span: Range<usize>,
}

impl AnchorLink {
    /// The error for this link when its page has no such anchor; `body` is the page body.
    pub fn broken(&self, body: &Source<'_>) -> Diagnostic {
        Diagnostic::error(
            "broken-anchor",
            t!("markdown-broken-anchor", link = &self.written),
        )
        .at(body, self.span.clone())
    }
}

#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// The part before `<!-- more -->`, else the first paragraph.
    pub summary_html: String,
    pub toc: Vec<TocEntry>,
    pub heading_ids: Vec<String>,
    pub anchor_links: Vec<AnchorLink>,
    pub diagnostics: Vec<Diagnostic>,
    /// The words of the body as plain text, for search (empty when search is off).
    pub text: String,
}

const MORE_MARKER: &str = "<!-- more -->";

pub fn options(config: &MarkdownOptions) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM;
    if config.smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// Renders `source.text` (a page body; `source.first_line` is its first line in the file).
pub fn render(source: &Source<'_>, config: &MarkdownOptions, links: &dyn LinkResolver) -> Rendered {
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(source.text.len() / 8);
    let mut has_raw_html = false;
    let mut summary_cut: Option<usize> = None;
    let mut first_paragraph: Option<Range<usize>> = None;
    // The HTML of each shortcode, put in place of its token once the page is HTML.
    let mut shortcodes: Vec<String> = Vec::new();
    let mut paragraph_start = 0;

    // Where the last link was found: link positions are looked up in the text only when a
    // link needs one (an error, an anchor), which is cheaper than tracking every event's range.
    let mut cursor = 0;
    for event in Parser::new_ext(source.text, options(config)) {
        match event {
            Event::Html(ref raw) | Event::InlineHtml(ref raw) if raw.trim() == MORE_MARKER => {
                summary_cut.get_or_insert(events.len());
                continue;
            }
            Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
            Event::Start(Tag::Paragraph) => paragraph_start = events.len(),
            Event::End(TagEnd::Paragraph) => {
                if let Some(token) = shortcode(
                    source,
                    &events[paragraph_start..],
                    links,
                    &mut shortcodes,
                    &mut out,
                ) {
                    events.truncate(paragraph_start + 1);
                    events.push(Event::Text(CowStr::from(token)));
                }
                first_paragraph.get_or_insert(paragraph_start..events.len() + 1);
            }
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                dest_url: resolve_url(dest_url, link_type, source, &mut cursor, links, &mut out),
                link_type,
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                dest_url: resolve_url(dest_url, link_type, source, &mut cursor, links, &mut out),
                link_type,
                title,
                id,
            }),
            other => other,
        };
        events.push(event);
    }
    if config.plain_text {
        out.text = String::with_capacity(source.text.len());
        for event in &events {
            push_plain(&mut out.text, event);
        }
        out.text = exact_size(std::mem::take(&mut out.text));
    }

    let headings = assign_heading_ids(&mut events);
    out.toc = build_toc(&headings);
    out.heading_ids = headings.iter().map(|h| h.id.clone()).collect();

    // The summary is cut before decorating, which shifts event indices (and a summary in a
    // list needs no anchor links).
    let sanitize = has_raw_html && !config.allow_raw_html;
    let summary_range = summary_cut
        .map(|cut| 0..cut)
        .or(first_paragraph)
        .unwrap_or(0..0);
    out.summary_html = to_html(events[summary_range].iter().cloned(), sanitize, 256);
    let inserts = decorations(&events, &headings, config);
    out.html = to_html(
        Decorated::new(events, inserts),
        sanitize,
        source.text.len() * 3 / 2 + shortcodes.iter().map(String::len).sum::<usize>(),
    );
    for (index, html) in shortcodes.iter().enumerate() {
        let token = shortcode_token(index);
        out.summary_html = out.summary_html.replace(&format!("<p>{token}</p>"), html);
        out.html = out.html.replace(&format!("<p>{token}</p>"), html);
    }
    out.html = exact_size(out.html);
    out
}

/// Stands for a shortcode's HTML until the page is HTML: private-use characters that no
/// text contains and that sanitising keeps.
fn shortcode_token(index: usize) -> String {
    format!("{SHORTCODE_MARK}shortcode-{index}{SHORTCODE_MARK}")
}

const SHORTCODE_MARK: char = '\u{E000}';

/// If the paragraph's events (from its start) are a shortcode call and nothing else,
/// resolves it and returns the token that stands for it.
fn shortcode(
    source: &Source<'_>,
    paragraph: &[Event<'_>],
    links: &dyn LinkResolver,
    shortcodes: &mut Vec<String>,
    out: &mut Rendered,
) -> Option<String> {
    let mut text = String::new();
    for event in paragraph.iter().skip(1) {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::SoftBreak => text.push(' '),
            _ => return None,
        }
    }
    let (name, arguments) = shortcode::parse_shortcode(&text)?;
    match links.shortcode(&name, &arguments) {
        Ok(html) => {
            shortcodes.push(html);
            Some(shortcode_token(shortcodes.len() - 1))
        }
        Err(problem) => {
            let at = source
                .text
                .find(&format!("{name}("))
                .map_or(0..0, |i| i..i + name.len());
            let mut diagnostic = Diagnostic::error("shortcode", problem.message).at(source, at);
            diagnostic.hint = problem.hint.or_else(|| Some(t!("markdown-shortcode-hint")));
            out.diagnostics.push(diagnostic);
            None
        }
    }
}

fn to_html<'a>(events: impl Iterator<Item = Event<'a>>, sanitize: bool, capacity: usize) -> String {
    let mut html = String::with_capacity(capacity);
    html::push_html(&mut html, events);
    // Text read from files has no NUL (it becomes U+FFFD when read); text given any other
    // way must not put one in a page either.
    if html.contains('\0') {
        html = html.replace('\0', "\u{FFFD}");
    }
    if sanitize { sanitize_html(&html) } else { html }
}

/// `text` in an allocation of its own length. A build holds every page's HTML and search
/// text at its peak of memory, and the estimates they are written into leave about a tenth
/// of the HTML's and a twentieth of the text's room unused. A copy, not `shrink_to_fit`:
/// mimalloc keeps a block in place when it shrinks by less than half.
fn exact_size(text: String) -> String {
    if text.capacity() - text.len() > text.len() / 32 {
        text.as_str().to_owned()
    } else {
        text
    }
}

/// Adds the words of one event to `plain`: text and code, a space for a line break, a new
/// line after each block.
fn push_plain(plain: &mut String, event: &Event<'_>) {
    match event {
        // A shortcode (`{{ chart(…) }}`, or its token once resolved) is markup, not words
        // of the page.
        Event::Text(text) if is_shortcode(text) => {}
        Event::Text(text) | Event::Code(text) => plain.push_str(text),
        Event::SoftBreak | Event::HardBreak => plain.push(' '),
        Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => {
            plain.push('\n')
        }
        _ => {}
    }
}

fn is_shortcode(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("{{") && text.ends_with("}}")) || text.starts_with(SHORTCODE_MARK)
}

fn resolve_url<'a>(
    dest: CowStr<'a>,
    link_type: LinkType,
    source: &Source<'_>,
    cursor: &mut usize,
    links: &dyn LinkResolver,
    out: &mut Rendered,
) -> CowStr<'a> {
    if matches!(link_type, LinkType::Email) {
        return dest;
    }
    if let Some(target) = dest.strip_prefix("@/") {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target, None),
        };
        return match links.resolve(path) {
            Ok((url, id)) => {
                if let (Some(anchor), Some(id)) = (anchor, id) {
                    out.anchor_links.push(AnchorLink {
                        target: id,
                        anchor: anchor.to_string(),
                        written: dest.to_string(),
                        span: find_link(source.text, &dest, cursor),
                    });
                    CowStr::from(format!("{url}#{anchor}"))
                } else if let Some(anchor) = anchor {
                    CowStr::from(format!("{url}#{anchor}"))
                } else {
                    CowStr::from(url)
                }
            }
            Err(problem) => {
                let mut diagnostic = Diagnostic::error("broken-link", problem.message)
                    .at(source, find_link(source.text, &dest, cursor));
                diagnostic.hint = problem.hint;
                out.diagnostics.push(diagnostic);
                dest
            }
        };
    }
    if is_unsafe_url(&dest) {
        out.diagnostics.push(
            Diagnostic::warning("unsafe-link", t!("markdown-unsafe-link", link = &*dest))
                .at(source, find_link(source.text, &dest, cursor))
                .with_hint(t!("markdown-unsafe-link-hint")),
        );
        return CowStr::from("#");
    }
    dest
}

/// Where a link's destination is written: the next occurrence after the previous link
/// (links come in text order), else the first anywhere (a reference definition).
fn find_link(text: &str, dest: &str, cursor: &mut usize) -> Range<usize> {
    let find = |wanted: &str| {
        text.get(*cursor..)
            .and_then(|rest| rest.find(wanted))
            .map(|i| *cursor + i)
            .or_else(|| text.find(wanted))
    };
    if let Some(start) = find(dest) {
        *cursor = start + dest.len();
        return start..start + dest.len();
    }
    // The link was written with entities (`&#106;avascript:`): its decoded form is not in
    // the text, but its tail is, on the link's own line.
    let tails = dest
        .char_indices()
        .map(|(i, _)| &dest[i..])
        .skip(1)
        .take_while(|tail| tail.chars().count() >= 6);
    for tail in tails {
        if let Some(start) = find(tail) {
            *cursor = start + tail.len();
            return start..start + tail.len();
        }
    }
    0..0
}

/// Browsers ignore spaces, control characters and case in a scheme, so this does too.
fn is_unsafe_url(url: &str) -> bool {
    if !url.contains(':') {
        return false;
    }
    let mut letters = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| c.to_ascii_lowercase());
    let mut prefix = [' '; 14];
    for slot in prefix.iter_mut() {
        match letters.next() {
            Some(c) => *slot = c,
            None => break,
        }
    }
    ["javascript:", "vbscript:", "data:text/html", "file:"]
        .iter()
        .any(|scheme| scheme.chars().zip(prefix.iter()).all(|(a, b)| a == *b))
}

struct Heading {
    end: usize,
    level: u8,
    id: String,
    title: String,
}

/// Gives every heading an id: its own `{#id}` if written, else a slug of its text, made
/// unique within the page with `-1`, `-2`.
fn assign_heading_ids(events: &mut [Event<'_>]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    // The next suffix to try for each base: a page of many equal headings would otherwise
    // try `-1`, `-2`, … again for each one (quadratic).
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i] else {
            i += 1;
            continue;
        };
        let level = heading_number(*level);
        let written_id = id.as_ref().map(|s| s.to_string());
        let mut title = String::new();
        let mut end = i + 1;
        while end < events.len() && !matches!(events[end], Event::End(TagEnd::Heading(_))) {
            if let Event::Text(t) | Event::Code(t) = &events[end] {
                title.push_str(t);
            }
            end += 1;
        }
        let base = written_id.unwrap_or_else(|| {
            let slug = slugify(&title);
            if slug.is_empty() {
                "section".into()
            } else {
                slug
            }
        });
        let mut id = base.clone();
        if !used.insert(id.clone()) {
            let n = next_suffix.entry(base.clone()).or_insert(1);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if used.insert(id.clone()) {
                    break;
                }
            }
        }
        if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
            *slot = Some(CowStr::from(id.clone()));
        }
        headings.push(Heading {
            end,
            level,
            id,
            title: title.trim().to_string(),
        });
        i = end + 1;
    }
    headings
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Anchor links after headings and a keyboard-scrollable box around tables, so a wide
/// table scrolls inside itself on a phone instead of the whole page: HTML to put before
/// the event at each index, sorted by index.
fn decorations(
    events: &[Event<'_>],
    headings: &[Heading],
    config: &MarkdownOptions,
) -> Vec<(usize, String)> {
    let mut inserts: Vec<(usize, String)> = Vec::new();
    if config.heading_anchors {
        for heading in headings {
            inserts.push((
                heading.end,
                format!(
                    " <a class=\"heading-anchor\" href=\"#{id}\"><span aria-hidden=\"true\">#</span>\
                     <span class=\"visually-hidden\">{label}: {title}</span></a>",
                    id = escape(&heading.id),
                    label = escape(&config.anchor_label),
                    title = escape(&heading.title),
                ),
            ));
        }
    }
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Table(_)) => inserts.push((
                i,
                format!(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">",
                    escape(&config.table_label)
                ),
            )),
            Event::End(TagEnd::Table) => inserts.push((i + 1, "</div>".into())),
            _ => {}
        }
    }
    inserts.sort_by_key(|insert| insert.0);
    inserts
}

/// The events with the decorations dropped in, made as the HTML writer asks for them
/// rather than by copying the event list.
struct Decorated<'a> {
    events: std::vec::IntoIter<Event<'a>>,
    inserts: std::iter::Peekable<std::vec::IntoIter<(usize, String)>>,
    /// How many events have been passed on: an insert due at `i` goes before event `i`.
    emitted: usize,
}

impl<'a> Decorated<'a> {
    fn new(events: Vec<Event<'a>>, inserts: Vec<(usize, String)>) -> Self {
        Decorated {
            events: events.into_iter(),
            inserts: inserts.into_iter().peekable(),
            emitted: 0,
        }
    }
}

impl<'a> Iterator for Decorated<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some((_, html)) = self.inserts.next_if(|insert| insert.0 <= self.emitted) {
            return Some(Event::InlineHtml(CowStr::from(html)));
        }
        match self.events.next() {
            Some(event) => {
                self.emitted += 1;
                Some(event)
            }
            None => self
                .inserts
                .next()
                .map(|(_, html)| Event::InlineHtml(CowStr::from(html))),
        }
    }
}

fn build_toc(headings: &[Heading]) -> Vec<TocEntry> {
    fn place(into: &mut Vec<TocEntry>, entry: TocEntry) {
        match into.last_mut() {
            Some(last) if last.level < entry.level => place(&mut last.children, entry),
            _ => into.push(entry),
        }
    }
    let mut toc = Vec::new();
    for heading in headings {
        place(
            &mut toc,
            TocEntry {
                level: heading.level,
                id: heading.id.clone(),
                title: heading.title.clone(),
                children: Vec::new(),
            },
        );
    }
    toc
}

/// Keeps what Markdown itself makes (and our own decorations); drops scripts, event
/// handlers, styles and anything else raw HTML could smuggle in.
fn sanitize_html(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_tags(["input", "figure", "figcaption", "details", "summary"])
                .add_generic_attributes([
                    "id",
                    "class",
                    "aria-hidden",
                    "aria-label",
                    "role",
                    "tabindex",
                    "lang",
                    "title",
                ])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_tag_attributes("th", ["style"])
                .add_tag_attributes("td", ["style"])
                .attribute_filter(|_, attribute, value| {
                    if attribute == "style" && !value.starts_with("text-align:") {
                        None
                    } else {
                        Some(value.into())
                    }
                })
                .link_rel(None);
            builder
        })
        .clean(&nesting::limit(html))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Links;
    impl LinkResolver for Links {
        fn resolve(&self, target: &str) -> Result<(String, Option<usize>), LinkProblem> {
            match target {
                "about.md" => Ok(("/about/".into(), Some(7))),
                _ => Err(LinkProblem {
                    message: format!("no page `{target}`"),
                    hint: None,
                }),
            }
        }
    }

    fn render_text(text: &str) -> Rendered {
        render(
            &Source::fragment("content/a.md", text, 4),
            &MarkdownOptions::default(),
            &Links,
        )
    }

    #[test]
    fn a_pages_html_and_words_are_held_in_no_more_room_than_they_take() {
        let rendered = render(
            &Source::fragment(
                "content/a.md",
                "# Mục tiêu\n\nKế hoạch *chuyển đổi số*.\n",
                1,
            ),
            &MarkdownOptions {
                plain_text: true,
                ..MarkdownOptions::default()
            },
            &Links,
        );
        let tight = |text: &String| text.capacity() - text.len() <= text.len() / 32;
        assert!(tight(&rendered.html), "{rendered:?}");
        assert!(tight(&rendered.text), "{rendered:?}");
        assert!(rendered.text.contains("chuyển đổi số"), "{}", rendered.text);
    }

    #[test]
    fn gfm_tables_tasks_footnotes_and_strikethrough() {
        let html = render_text(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ new[^1]\n\n[^1]: note\n",
        )
        .html;
        assert!(html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>"), "{html}");
        assert!(
            html.contains("<input disabled=\"\" type=\"checkbox\" checked=\"\"/>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"));
        assert!(html.contains("footnote-definition"));
    }

    #[test]
    fn adjacent_tables_each_get_their_own_scroll_box() {
        let html = render_text("| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |\n").html;
        assert_eq!(html.matches("<div class=\"table-scroll\"").count(), 2);
        assert!(
            html.contains("</table>\n</div><div class=\"table-scroll\""),
            "{html}"
        );
        assert!(html.trim_end().ends_with("</table>\n</div>"), "{html}");
    }

    #[test]
    fn headings_get_unique_vietnamese_slugs_and_a_toc() {
        let rendered =
            render_text("# Mục tiêu\n\n## Chỉ tiêu\n\n## Chỉ tiêu\n\n### Chi tiết {#rieng}\n");
        assert_eq!(
            rendered.heading_ids,
            ["muc-tieu", "chi-tieu", "chi-tieu-1", "rieng"]
        );
        assert_eq!(rendered.toc.len(), 1);
        assert_eq!(rendered.toc[0].children.len(), 2);
        assert_eq!(rendered.toc[0].children[1].children[0].id, "rieng");
        assert!(rendered.html.contains(
            "<h2 id=\"chi-tieu\">Chỉ tiêu <a class=\"heading-anchor\" href=\"#chi-tieu\">"
        ));
    }

    #[test]
    fn internal_links_resolve_and_missing_ones_are_placed() {
        let rendered = render_text("See [about](@/about.md#team).\n\nAnd [gone](@/gone.md).\n");
        assert!(rendered.html.contains("href=\"/about/#team\""));
        assert_eq!(rendered.anchor_links[0].target, 7);
        assert_eq!(rendered.anchor_links[0].anchor, "team");
        assert_eq!(rendered.diagnostics.len(), 1);
        assert_eq!(rendered.diagnostics[0].location(), "content/a.md:6:12");
    }

    #[test]
    fn raw_html_is_sanitised_by_default_and_kept_when_allowed() {
        let text = "Hi <script>alert(1)</script><b onclick=\"x()\">bold</b>\n";
        let html = render_text(text).html;
        assert!(
            !html.contains("script") && !html.contains("onclick"),
            "{html}"
        );
        assert!(html.contains("<b>bold</b>"));
        let allowed = MarkdownOptions {
            allow_raw_html: true,
            ..MarkdownOptions::default()
        };
        let html = render(&Source::new("a.md", text), &allowed, &Links).html;
        assert!(html.contains("<script>"));
    }

    #[test]
    fn javascript_links_are_removed_with_a_warning() {
        let rendered = render_text("[x](javascript:alert(1))\n");
        assert!(rendered.html.contains("href=\"#\""));
        assert_eq!(rendered.diagnostics[0].code, "unsafe-link");
    }

    #[test]
    fn a_javascript_link_written_with_entities_is_placed_on_its_own_line() {
        let rendered = render_text("Một.\n\nHai.\n\n[y](&#x6A;avascript:alert(2))\n");
        assert!(!rendered.html.contains("avascript"), "{}", rendered.html);
        assert_eq!(rendered.diagnostics[0].code, "unsafe-link");
        // The body starts on line 4 of its file (after the front matter).
        assert_eq!(rendered.diagnostics[0].line, 8);
    }

    #[test]
    fn summary_is_the_part_before_more_or_the_first_paragraph() {
        let rendered = render_text("First.\n\nSecond.\n\n<!-- more -->\n\nThird.\n");
        assert_eq!(rendered.summary_html, "<p>First.</p>\n<p>Second.</p>\n");
        assert!(!rendered.html.contains("more"));
        let rendered = render_text("# T\n\nOne **two**.\n\nThree.\n");
        assert!(
            rendered
                .summary_html
                .ends_with("<p>One <strong>two</strong>.</p>\n")
        );
        let with_text = MarkdownOptions {
            plain_text: true,
            ..MarkdownOptions::default()
        };
        let text = render(
            &Source::new("a.md", "# T\n\nOne **two**.\n"),
            &with_text,
            &Links,
        )
        .text;
        assert!(text.contains("One two."));
    }
}
