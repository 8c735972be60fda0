//! Awareness material (pure): the sections that hold it (`kind = "awareness"` in a section's
//! `[extra]`, or a folder named `awareness/`), the fixed audiences and topics its pages are
//! filed under, and what a piece may say in its front matter — how-to steps, questions and
//! answers, campaign dates, downloads — each mistake placed at its line with a hint. It also
//! makes the pages for browsing a section by audience and by topic, before the site is linked.
//!
//! ```toml
//! audience = ["citizens", "businesses"]   # citizens | businesses | officials
//! topics = ["vneid", "public-services"]   # the ids of TOPICS
//! [extra]
//! featured = true                         # first among the home page's highlights
//! [extra.campaign]                        # a campaign page, with its dates
//! start = 2025-10-01
//! end = 2025-10-10
//! [[extra.steps]]                         # a how-to guide: one table per step, in order
//! name = "Đăng nhập"
//! text = "Markdown"
//! [[extra.faq]]                           # questions, each answered in a <details>
//! question = "…"
//! answer = "Markdown"
//! [[extra.downloads]]                     # a poster or leaflet among the files of content/
//! title = "Áp phích"
//! file = "ap-phich.pdf"                   # beside the page, or @/path/inside/content
//! ```
//!
//! `audience` is checked on every page; `topics` only inside awareness sections, where they
//! name a list page (elsewhere they are free tags). The lists live in each awareness section
//! at `doi-tuong/ID/` and `chu-de/ID/` with Vietnamese segments in Vietnamese
//! (`/nang-cao-nhan-thuc/doi-tuong/nguoi-dan/`) and the ids in other languages
//! (`/en/awareness/audience/citizens/`); `@/SECTION/doi-tuong/nguoi-dan` links to one.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

use crate::config::Config;
use crate::content::SectionKind;
use crate::content::{ContentPage, FrontMatter, SECTION_STEM, front_matter};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::i18n::I18n;
use crate::slug::slugify;

/// An audience or a topic: its id in front matter, the URL segment of its list page in
/// Vietnamese, and words writers may use instead of the id (suggested back to them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub vi_segment: &'static str,
    pub aliases: &'static [&'static str],
}

impl Term {
    /// The URL segment of the term's list page in `lang`.
    pub fn segment(&self, lang: &str) -> &'static str {
        if lang == "vi" {
            self.vi_segment
        } else {
            self.id
        }
    }
}

pub const AUDIENCES: [Term; 3] = [
    Term {
        id: "citizens",
        vi_segment: "nguoi-dan",
        aliases: &["người dân", "công dân", "citizen", "people", "public"],
    },
    Term {
        id: "businesses",
        vi_segment: "doanh-nghiep",
        aliases: &["doanh nghiệp", "hộ kinh doanh", "business", "companies"],
    },
    Term {
        id: "officials",
        vi_segment: "can-bo-cong-chuc",
        aliases: &[
            "cán bộ",
            "công chức",
            "viên chức",
            "cán bộ công chức",
            "official",
            "civil servants",
        ],
    },
];

pub const TOPICS: [Term; 7] = [
    Term {
        id: "public-services",
        vi_segment: "dich-vu-cong",
        aliases: &[
            "dịch vụ công",
            "dịch vụ công trực tuyến",
            "thủ tục hành chính",
            "online services",
        ],
    },
    Term {
        id: "vneid",
        vi_segment: "vneid",
        aliases: &[
            "định danh",
            "định danh điện tử",
            "căn cước",
            "digital identity",
        ],
    },
    Term {
        id: "digital-signatures",
        vi_segment: "chu-ky-so",
        aliases: &[
            "chữ ký số",
            "ký số",
            "chữ ký điện tử",
            "signature",
            "signatures",
        ],
    },
    Term {
        id: "payments",
        vi_segment: "thanh-toan-so",
        aliases: &[
            "thanh toán",
            "thanh toán không dùng tiền mặt",
            "hóa đơn điện tử",
            "cashless",
            "e-invoices",
        ],
    },
    Term {
        id: "scams",
        vi_segment: "lua-dao-truc-tuyen",
        aliases: &["lừa đảo", "lừa đảo trực tuyến", "scam", "fraud"],
    },
    Term {
        id: "personal-data",
        vi_segment: "du-lieu-ca-nhan",
        aliases: &[
            "dữ liệu cá nhân",
            "thông tin cá nhân",
            "bảo vệ dữ liệu",
            "privacy",
        ],
    },
    Term {
        id: "digital-skills",
        vi_segment: "ky-nang-so",
        aliases: &["kỹ năng số", "kĩ năng số", "skills"],
    },
];

/// The folders of an awareness section's list pages, in Vietnamese and elsewhere.
pub const AUDIENCE_DIR: (&str, &str) = ("doi-tuong", "audience");
pub const TOPIC_DIR: (&str, &str) = ("chu-de", "topic");

fn dir_segment(dir: (&'static str, &'static str), lang: &str) -> &'static str {
    if lang == "vi" { dir.0 } else { dir.1 }
}

pub fn audience(id: &str) -> Option<&'static Term> {
    AUDIENCES.iter().find(|t| t.id == id)
}

pub fn topic(id: &str) -> Option<&'static Term> {
    TOPICS.iter().find(|t| t.id == id)
}

/// Which pieces a made page lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The index of audiences (`doi-tuong/`).
    Audiences,
    /// The index of topics (`chu-de/`).
    Topics,
    Audience(&'static Term),
    Topic(&'static Term),
}

/// A page made for browsing an awareness section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// The section's folder inside `content/`.
    pub root: String,
    pub filter: Filter,
}

/// A step of a how-to guide or a question with its answer. `text` is Markdown; `html` and
/// `plain` are filled once pages can be linked (`render::awareness::finish`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub text: String,
    /// The line of the file where `text` starts, for messages about its Markdown.
    pub line: usize,
    pub html: String,
    pub plain: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Campaign {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A file of `content/` offered for download, with what readers are told about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    pub title: String,
    /// The file's path inside `content/`.
    pub content_path: String,
    /// `PDF`, `SVG`, `PNG`…
    pub format: String,
    pub bytes: u64,
}

/// A page of an awareness section, with what its front matter adds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Piece {
    pub root: String,
    pub steps: Vec<Entry>,
    pub faq: Vec<Entry>,
    pub campaign: Option<Campaign>,
    pub downloads: Vec<Download>,
    pub featured: bool,
}

impl Piece {
    /// What kind of piece it is, by what it holds: `campaign`, `guide`, `faq` or `article`.
    pub fn kind(&self) -> &'static str {
        if self.campaign.is_some() {
            "campaign"
        } else if !self.steps.is_empty() {
            "guide"
        } else if !self.faq.is_empty() {
            "faq"
        } else {
            "article"
        }
    }
}

/// The site's awareness material: sections, pieces (by content path) and made pages.
#[derive(Clone, Debug, Default)]
pub struct Awareness {
    /// The folders of awareness sections (the top one of nested ones), sorted.
    pub roots: Vec<String>,
    pub pieces: BTreeMap<String, Piece>,
    /// Made pages by content path.
    pub lists: BTreeMap<String, List>,
    /// The pieces of each section in each language, newest first; filled once the site is
    /// linked (`render::awareness::finish`).
    pub members: BTreeMap<(String, String), Vec<usize>>,
}

/// What `prepare` reads besides the pages.
pub struct AwarenessInputs<'a> {
    pub config: &'a Config,
    pub i18n: &'a I18n,
    /// Pages marked `draft = true` are kept (so lists are made for them too).
    pub drafts: bool,
    /// The other files of `content/`, by their path inside it.
    pub assets: &'a BTreeSet<String>,
    /// The size in bytes of a file of `content/`.
    pub file_size: &'a (dyn Fn(&str) -> Option<u64> + Sync),
}

/// Checks the awareness front matter of every page, sets the default templates of
/// awareness sections (`awareness.html`) and pieces (`awareness_page.html`), and adds the
/// pages that list pieces by audience and topic.
pub fn prepare(
    pages: &mut Vec<ContentPage>,
    inputs: &AwarenessInputs<'_>,
) -> (Awareness, Vec<Diagnostic>) {
    let kinds = section_kinds(pages);
    let mut awareness = Awareness::default();
    let mut diagnostics = Vec::new();
    let mut roots: BTreeSet<String> = BTreeSet::new();
    for page in pages.iter_mut() {
        let root = if page.is_section() {
            root_of(&kinds, &page.dir).filter(|r| *r == page.dir)
        } else {
            root_of(&kinds, &page.dir)
        };
        if let Some(root) = &root {
            roots.insert(root.clone());
            if page.front.template.is_none() {
                page.front.template = Some(
                    if page.is_section() {
                        "awareness.html"
                    } else {
                        "awareness_page.html"
                    }
                    .into(),
                );
            }
        }
        let piece_root = root.filter(|_| !page.is_section());
        if piece_root.is_none() && page.front.audience.is_empty() {
            continue;
        }
        let (piece, mut found) = check_page(page, piece_root, inputs);
        diagnostics.append(&mut found);
        if let Some(piece) = piece {
            awareness.pieces.insert(page.content_path.clone(), piece);
        }
    }
    roots.remove("");
    let made = list_pages(pages, &roots, &awareness, inputs);
    for (page, list) in made {
        if let Some(list) = list {
            awareness.lists.insert(page.content_path.clone(), list);
        }
        pages.push(page);
    }
    awareness.roots = roots.into_iter().collect();
    (awareness, diagnostics)
}

/// The kind each folder names for itself (by its `_index` in any language, or its name).
fn section_kinds(pages: &[ContentPage]) -> BTreeMap<String, Option<SectionKind>> {
    let mut kinds: BTreeMap<String, Option<SectionKind>> = BTreeMap::new();
    for page in pages {
        let mut dir = Some(page.dir.as_str());
        while let Some(d) = dir {
            if !kinds.contains_key(d) {
                let by_name = match d.rsplit('/').next().unwrap_or("") {
                    "news" => Some(SectionKind::News),
                    "awareness" => Some(SectionKind::Awareness),
                    _ => None,
                };
                kinds.insert(d.to_string(), by_name);
            }
            dir = parent_dir(d);
        }
    }
    for page in pages.iter().filter(|p| p.is_section()) {
        if let Some(name) = page.front.extra.get("kind").and_then(|v| v.as_str()) {
            kinds.insert(page.dir.clone(), SectionKind::parse(name));
        }
    }
    kinds
}

/// The awareness section a folder belongs to: the top folder of the run of awareness
/// sections it is in, if the nearest folder naming a kind names `awareness`.
fn root_of(kinds: &BTreeMap<String, Option<SectionKind>>, dir: &str) -> Option<String> {
    let mut root = None;
    let mut cursor = Some(dir);
    while let Some(d) = cursor {
        match kinds.get(d).copied().flatten() {
            Some(SectionKind::Awareness) => root = Some(d.to_string()),
            Some(_) => break,
            None => {}
        }
        cursor = parent_dir(d);
    }
    root
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(parent, _)| parent))
    }
}

/// Checks one page's audiences (and, for a piece, its topics and `[extra]` tables).
fn check_page(
    page: &ContentPage,
    root: Option<String>,
    inputs: &AwarenessInputs<'_>,
) -> (Option<Piece>, Vec<Diagnostic>) {
    let mut check = Check {
        source: Source::new(&page.file, ""),
        diagnostics: Vec::new(),
    };
    let Ok(split) = front_matter::split(&page.file, &page.text) else {
        return (None, Vec::new());
    };
    let Ok(table) = DeTable::parse(split.front_matter) else {
        return (None, Vec::new());
    };
    check.source = Source::fragment(&page.file, split.front_matter, split.front_matter_line);
    let table = table.get_ref();
    check.terms(table, "audience", &AUDIENCES, "an audience");
    let Some(root) = root else {
        return (None, check.diagnostics);
    };
    check.terms(table, "topics", &TOPICS, "a topic");
    let mut piece = Piece {
        root,
        ..Piece::default()
    };
    if let Some(extra) = table.get("extra").and_then(|v| v.get_ref().as_table()) {
        piece.featured = check.flag(extra, "featured");
        piece.campaign = check.campaign(extra);
        piece.steps = check.entries(extra, "steps", ("name", "text"));
        piece.faq = check.entries(extra, "faq", ("question", "answer"));
        piece.downloads = check.downloads(extra, page, inputs);
    }
    (Some(piece), check.diagnostics)
}

struct Check<'a> {
    source: Source<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl Check<'_> {
    fn error(&mut self, code: &'static str, message: String, span: Range<usize>, hint: String) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(&self.source, span)
                .with_hint(hint),
        );
    }

    /// `audience` or `topics`: a list of ids from `terms`.
    fn terms(&mut self, table: &DeTable<'_>, key: &str, terms: &[Term], what: &str) {
        // Anything but a list is reported by the front matter's own parse.
        let Some(items) = table.get(key).and_then(|v| v.get_ref().as_array()) else {
            return;
        };
        let ids: Vec<&str> = terms.iter().map(|t| t.id).collect();
        let listed = ids
            .iter()
            .map(|id| format!("\"{id}\""))
            .collect::<Vec<_>>()
            .join(", ");
        for item in items.iter() {
            let Some(text) = item.get_ref().as_str() else {
                continue;
            };
            if ids.contains(&text) {
                continue;
            }
            let span = inside_quotes(self.source.text, item.span());
            let hint = match suggest(text, terms) {
                Some(id) => format!("did you mean \"{id}\"? The ids are: {listed}"),
                None => format!("write one of: {listed}"),
            };
            self.error(
                if key == "audience" {
                    "unknown-audience"
                } else {
                    "unknown-topic"
                },
                format!("`{text}` is not {what} this site knows"),
                span,
                hint,
            );
        }
    }

    fn flag(&mut self, extra: &DeTable<'_>, key: &str) -> bool {
        let Some(value) = extra.get(key) else {
            return false;
        };
        match value.get_ref().as_bool() {
            Some(flag) => flag,
            None => {
                self.error(
                    "awareness-value",
                    format!("`{key}` must be true or false"),
                    value.span(),
                    format!("write `{key} = true` or `{key} = false`, without quotes"),
                );
                false
            }
        }
    }

    fn campaign(&mut self, extra: &DeTable<'_>) -> Option<Campaign> {
        let (key, value) = extra.get_key_value("campaign")?;
        let Some(table) = value.get_ref().as_table() else {
            self.error(
                "awareness-campaign",
                "`campaign` must be a table with `start` and `end` dates".into(),
                value.span(),
                "write it as [extra.campaign] with start = 2025-10-01 and end = 2025-10-10 on the lines below".into(),
            );
            return None;
        };
        self.unknown_keys(table, &["start", "end"], "extra.campaign");
        let start = self.date(table, "start", key.span());
        let end = self.date(table, "end", key.span());
        let (start, end) = (start?, end?);
        if end < start {
            let span = table.get("end").map_or(key.span(), |v| v.span());
            self.error(
                "awareness-campaign",
                format!("the campaign ends ({end}) before it starts ({start})"),
                span,
                "swap the two dates, or correct the year".into(),
            );
            return None;
        }
        Some(Campaign { start, end })
    }

    fn date(&mut self, table: &DeTable<'_>, key: &str, owner: Range<usize>) -> Option<NaiveDate> {
        let Some(value) = table.get(key) else {
            self.error(
                "awareness-campaign",
                format!("the campaign has no `{key}` date"),
                owner,
                format!("add `{key} = 2025-10-10` (year-month-day, without quotes)"),
            );
            return None;
        };
        let parsed = match value.get_ref() {
            DeValue::Datetime(at) => at.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
            }),
            DeValue::String(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                "awareness-campaign",
                format!("`{key}` is not a date"),
                value.span(),
                format!("write `{key} = 2025-10-10` (year-month-day, without quotes)"),
            );
        }
        parsed
    }

    /// `steps` or `faq`: a list of tables with a title and a Markdown text.
    fn entries(
        &mut self,
        extra: &DeTable<'_>,
        key: &str,
        (title_key, text_key): (&'static str, &'static str),
    ) -> Vec<Entry> {
        let Some((name, value)) = extra.get_key_value(key) else {
            return Vec::new();
        };
        let example = format!("[[extra.{key}]] with {title_key} = \"…\" and {text_key} = \"…\"");
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                "awareness-entry",
                format!("`{key}` must be a list of tables"),
                name.span(),
                format!("write each one as {example}"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                self.error(
                    "awareness-entry",
                    format!("item {} of `{key}` is not a table", index + 1),
                    item.span(),
                    format!("write each one as {example}"),
                );
                continue;
            };
            // An `[[extra.steps]]` table's own span may be empty; its first key places it.
            let place = table
                .iter()
                .next()
                .map_or_else(|| name.span(), |(k, _)| k.span());
            self.unknown_keys(table, &[title_key, text_key], &format!("extra.{key}"));
            let title = self.text(table, title_key, key, index, place.clone());
            let text = self.text(table, text_key, key, index, place);
            if let (Some((title, _)), Some((text, span))) = (title, text) {
                out.push(Entry {
                    title,
                    line: self.text_line(span),
                    text,
                    html: String::new(),
                    plain: String::new(),
                });
            }
        }
        out
    }

    /// The line where a string value's text starts (after `"""` and its line break).
    fn text_line(&self, span: Range<usize>) -> usize {
        let raw = self.source.text.get(span.clone()).unwrap_or("");
        let multi_line = (raw.starts_with("\"\"\"") || raw.starts_with("'''"))
            && raw[3..].starts_with(['\n', '\r']);
        self.source.locate(span).line + usize::from(multi_line)
    }

    fn text(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        list: &str,
        index: usize,
        place: Range<usize>,
    ) -> Option<(String, Range<usize>)> {
        match table.get(key) {
            Some(value) => match value.get_ref().as_str() {
                Some(text) if !text.trim().is_empty() => Some((text.to_string(), value.span())),
                Some(_) => {
                    self.error(
                        "awareness-entry",
                        format!("`{key}` of item {} of `{list}` is empty", index + 1),
                        value.span(),
                        format!("write the {key} between the quotes"),
                    );
                    None
                }
                None => {
                    self.error(
                        "awareness-entry",
                        format!("`{key}` must be text"),
                        value.span(),
                        "put the text in double quotes, or between \"\"\" lines for several paragraphs".into(),
                    );
                    None
                }
            },
            None => {
                self.error(
                    "awareness-entry",
                    format!("item {} of `{list}` has no `{key}`", index + 1),
                    place,
                    format!("add `{key} = \"…\"` to it"),
                );
                None
            }
        }
    }

    fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&'static str], owner: &str) {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let hint = match did_you_mean(name, known.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the keys allowed here are: {}", known.join(", ")),
            };
            self.error(
                "unknown-key",
                format!("unknown key `{name}` in {owner}"),
                key.span(),
                hint,
            );
        }
    }

    fn downloads(
        &mut self,
        extra: &DeTable<'_>,
        page: &ContentPage,
        inputs: &AwarenessInputs<'_>,
    ) -> Vec<Download> {
        let Some((name, value)) = extra.get_key_value("downloads") else {
            return Vec::new();
        };
        let example = "[[extra.downloads]] with title = \"…\" and file = \"poster.pdf\"";
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                "awareness-download",
                "`downloads` must be a list of tables".into(),
                name.span(),
                format!("write each one as {example}"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                self.error(
                    "awareness-download",
                    format!("item {} of `downloads` is not a table", index + 1),
                    item.span(),
                    format!("write each one as {example}"),
                );
                continue;
            };
            let place = table
                .iter()
                .next()
                .map_or_else(|| name.span(), |(k, _)| k.span());
            self.unknown_keys(table, &["title", "file"], "extra.downloads");
            let title = self.text(table, "title", "downloads", index, place.clone());
            let file = self.text(table, "file", "downloads", index, place);
            let (Some((title, _)), Some((file, span))) = (title, file) else {
                continue;
            };
            let content_path = match file.strip_prefix("@/") {
                Some(path) => path.trim_start_matches('/').to_string(),
                None if page.dir.is_empty() => file.clone(),
                None => format!("{}/{file}", page.dir),
            };
            let size = if inputs.assets.contains(&content_path) {
                (inputs.file_size)(&content_path)
            } else {
                None
            };
            let Some(bytes) = size else {
                let beside: Vec<&str> = inputs
                    .assets
                    .iter()
                    .filter(|a| a.rsplit_once('/').map_or("", |(d, _)| d) == page.dir)
                    .map(|a| a.rsplit('/').next().unwrap_or(a))
                    .collect();
                let hint = match did_you_mean(&file, beside.iter().copied()) {
                    Some(close) => format!("did you mean \"{close}\"?"),
                    None => format!(
                        "put the file in content/{} beside the page, or write its path as \"@/folder/file.pdf\"",
                        page.dir
                    ),
                };
                self.error(
                    "awareness-download",
                    format!("there is no file `content/{content_path}` to download"),
                    inside_quotes(self.source.text, span),
                    hint,
                );
                continue;
            };
            out.push(Download {
                title,
                format: format_name(&content_path),
                content_path,
                bytes,
            });
        }
        out
    }
}

/// The id a writer probably meant: one whose id or a word for it reads the same once
/// folded (`người dân` -> `citizens`), else the closest id.
fn suggest(written: &str, terms: &[Term]) -> Option<&'static str> {
    let folded = slugify(written);
    terms
        .iter()
        .find(|t| {
            t.vi_segment == folded
                || slugify(t.id) == folded
                || t.aliases.iter().any(|a| slugify(a) == folded)
        })
        .map(|t| t.id)
        .or_else(|| did_you_mean(written, terms.iter().map(|t| t.id)))
}

/// A quoted string's span without its quotes, so the caret sits under the text.
fn inside_quotes(text: &str, span: Range<usize>) -> Range<usize> {
    let raw = text.get(span.clone()).unwrap_or("");
    if raw.len() >= 2 && (raw.starts_with('"') || raw.starts_with('\'')) {
        span.start + 1..span.end - 1
    } else {
        span
    }
}

/// `poster.pdf` -> `PDF`.
pub fn format_name(path: &str) -> String {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "JPEG".into(),
        "" => "?".into(),
        other => other.to_ascii_uppercase(),
    }
}

/// The list pages of every awareness section, in each language that has the section's
/// own page or one of its pieces: an index of audiences and of topics, and a page for each
/// audience and topic that some piece in that language is filed under.
fn list_pages(
    pages: &[ContentPage],
    roots: &BTreeSet<String>,
    awareness: &Awareness,
    inputs: &AwarenessInputs<'_>,
) -> Vec<(ContentPage, Option<List>)> {
    let config = inputs.config;
    let mut out = Vec::new();
    for root in roots {
        let inside = |page: &&ContentPage| {
            awareness
                .pieces
                .get(&page.content_path)
                .is_some_and(|p| p.root == *root)
                && (inputs.drafts || !page.front.draft)
        };
        let section_file = |lang: &str| {
            pages
                .iter()
                .find(|p| p.is_section() && p.dir == *root && p.lang == lang)
                .map(|p| p.file.clone())
        };
        for lang in &config.languages {
            let pieces: Vec<&ContentPage> = pages
                .iter()
                .filter(inside)
                .filter(|p| p.lang == *lang)
                .collect();
            let own = section_file(lang);
            if own.is_none() && pieces.is_empty() {
                continue;
            }
            let file = own.clone().unwrap_or_else(|| format!("content/{root}/"));
            let made = Made {
                root,
                lang,
                file: &file,
                config,
            };
            let t = |key: &str| inputs.i18n.get(lang, key).unwrap_or(key).to_string();
            if own.is_none() {
                // The section's own page, made like those of folders without `_index.md`.
                let mut page = made.page("", SECTION_STEM, t("awareness_title"), 0);
                page.front.template = Some("awareness.html".into());
                page.file = String::new();
                out.push((page, None));
            }
            for (dir, terms, all, by, weight) in [
                (
                    AUDIENCE_DIR,
                    &AUDIENCES[..],
                    Filter::Audiences,
                    "awareness_by_audience",
                    900,
                ),
                (
                    TOPIC_DIR,
                    &TOPICS[..],
                    Filter::Topics,
                    "awareness_by_topic",
                    901,
                ),
            ] {
                let used: Vec<&'static Term> = terms
                    .iter()
                    .filter(|term| {
                        pieces.iter().any(|p| {
                            let ids = if all == Filter::Audiences {
                                &p.front.audience
                            } else {
                                &p.front.topics
                            };
                            ids.iter().any(|id| id == term.id)
                        })
                    })
                    .collect();
                if used.is_empty() {
                    continue;
                }
                let mut index = made.page(dir.0, SECTION_STEM, t(by), weight);
                index.front.slug = Some(dir_segment(dir, lang).into());
                index.front.template = Some("awareness_index.html".into());
                index.front.paginate_by = Some(0);
                out.push((
                    index,
                    Some(List {
                        root: root.clone(),
                        filter: all,
                    }),
                ));
                for (weight, term) in used.into_iter().enumerate() {
                    let prefix = if all == Filter::Audiences {
                        "audience_"
                    } else {
                        "topic_"
                    };
                    let name = t(&format!("{prefix}{}", term.id));
                    let about = if all == Filter::Audiences {
                        "awareness_list_audience"
                    } else {
                        "awareness_list_topic"
                    };
                    let summary = inputs.i18n.format(lang, about, &[("name", &name)]);
                    let mut page = made.page(dir.0, term.vi_segment, name, weight as i64);
                    page.front.summary = Some(summary);
                    page.front.slug = Some(term.segment(lang).into());
                    page.front.template = Some("awareness_list.html".into());
                    let filter = if all == Filter::Audiences {
                        Filter::Audience(term)
                    } else {
                        Filter::Topic(term)
                    };
                    out.push((
                        page,
                        Some(List {
                            root: root.clone(),
                            filter,
                        }),
                    ));
                }
            }
        }
    }
    out
}

/// Makes the pages of one section in one language.
struct Made<'a> {
    root: &'a str,
    lang: &'a str,
    file: &'a str,
    config: &'a Config,
}

impl Made<'_> {
    /// A page at `ROOT/folder/stem` (a section when `stem` is `_index`), addressed by `@/`
    /// links without `.md` like the pages plans make.
    fn page(&self, folder: &str, stem: &str, title: String, weight: i64) -> ContentPage {
        let dir = [self.root, folder]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("/");
        let full = format!("{dir}/{stem}");
        let is_section = stem == SECTION_STEM;
        let key = if is_section {
            format!("{full}.md")
        } else {
            full.clone()
        };
        let content_path = match (self.lang == self.config.default_language, is_section) {
            (true, _) => key.clone(),
            (false, true) => format!("{full}.{}.md", self.lang),
            (false, false) => format!("{full}.{}", self.lang),
        };
        ContentPage {
            file: self.file.to_string(),
            content_path,
            key,
            dir,
            stem: stem.to_string(),
            lang: self.lang.to_string(),
            front: FrontMatter {
                title: Some(title),
                weight: Some(weight),
                ..FrontMatter::default()
            },
            text: String::new(),
            body_offset: 0,
            body_line: 1,
            plan_page: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::content_pages;

    fn config() -> Config {
        Config::parse("title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n")
            .unwrap()
    }

    fn prepared(files: &[(&str, &str)]) -> (Vec<ContentPage>, Awareness, Vec<Diagnostic>) {
        let config = config();
        let mut pages = content_pages(files, &config);
        let (i18n, _) = I18n::parse(&BTreeMap::new(), &config);
        let assets = BTreeSet::from(["giup/to-roi.pdf".to_string()]);
        let size = |path: &str| (path == "giup/to-roi.pdf").then_some(125_000);
        let inputs = AwarenessInputs {
            config: &config,
            i18n: &i18n,
            drafts: false,
            assets: &assets,
            file_size: &size,
        };
        let (awareness, diagnostics) = prepare(&mut pages, &inputs);
        (pages, awareness, diagnostics)
    }

    #[test]
    fn writers_own_words_suggest_the_id() {
        assert_eq!(suggest("người dân", &AUDIENCES), Some("citizens"));
        assert_eq!(suggest("Doanh nghiệp", &AUDIENCES), Some("businesses"));
        assert_eq!(suggest("citizen", &AUDIENCES), Some("citizens"));
        assert_eq!(suggest("farmers", &AUDIENCES), None);
        assert_eq!(suggest("chữ ký số", &TOPICS), Some("digital-signatures"));
        assert_eq!(suggest("lừa đảo", &TOPICS), Some("scams"));
        assert_eq!(suggest("vneid", &TOPICS), Some("vneid"));
    }

    #[test]
    fn sections_pieces_and_list_pages_follow_the_kind_of_their_folder() {
        let (pages, awareness, diagnostics) = prepared(&[
            (
                "giup/_index.md",
                "+++\ntitle = \"Giúp\"\n[extra]\nkind = \"awareness\"\n+++\n",
            ),
            (
                "giup/a.md",
                "+++\ntitle = \"A\"\naudience = [\"citizens\"]\ntopics = [\"scams\"]\n[[extra.downloads]]\ntitle = \"Tờ rơi\"\nfile = \"to-roi.pdf\"\n+++\n",
            ),
            (
                "giup/tin/_index.md",
                "+++\ntitle = \"Tin\"\n[extra]\nkind = \"news\"\n+++\n",
            ),
            (
                "giup/tin/b.md",
                "+++\ntitle = \"B\"\ntopics = [\"tự do\"]\n+++\n",
            ),
            (
                "awareness/c.en.md",
                "+++\ntitle = \"C\"\naudience = [\"officials\"]\n+++\n",
            ),
            ("d.md", "+++\ntitle = \"D\"\n+++\n"),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(awareness.roots, ["awareness", "giup"]);
        let pieces: Vec<&str> = awareness.pieces.keys().map(String::as_str).collect();
        assert_eq!(pieces, ["awareness/c.en.md", "giup/a.md"]);
        let download = &awareness.pieces["giup/a.md"].downloads[0];
        assert_eq!(
            (
                download.content_path.as_str(),
                download.format.as_str(),
                download.bytes
            ),
            ("giup/to-roi.pdf", "PDF", 125_000)
        );
        let template = |path: &str| {
            pages
                .iter()
                .find(|p| p.content_path == path)
                .and_then(|p| p.front.template.clone())
        };
        assert_eq!(
            template("giup/_index.md").as_deref(),
            Some("awareness.html")
        );
        assert_eq!(
            template("giup/a.md").as_deref(),
            Some("awareness_page.html")
        );
        assert_eq!(template("giup/tin/b.md"), None);
        assert_eq!(template("d.md"), None);
        // Lists only for the audiences and topics in use, in the languages in use; the
        // `awareness/` folder gets its own section page in English.
        let lists: Vec<(&str, Filter)> = awareness
            .lists
            .iter()
            .map(|(path, list)| (path.as_str(), list.filter))
            .collect();
        assert_eq!(
            lists,
            [
                ("awareness/doi-tuong/_index.en.md", Filter::Audiences),
                (
                    "awareness/doi-tuong/can-bo-cong-chuc.en",
                    Filter::Audience(&AUDIENCES[2])
                ),
                ("giup/chu-de/_index.md", Filter::Topics),
                ("giup/chu-de/lua-dao-truc-tuyen", Filter::Topic(&TOPICS[4])),
                ("giup/doi-tuong/_index.md", Filter::Audiences),
                ("giup/doi-tuong/nguoi-dan", Filter::Audience(&AUDIENCES[0])),
            ]
        );
        let made = pages
            .iter()
            .find(|p| p.content_path == "awareness/_index.en.md")
            .expect("a section page for the folder");
        assert_eq!(made.front.template.as_deref(), Some("awareness.html"));
        let slug = |path: &str| {
            pages
                .iter()
                .find(|p| p.content_path == path)
                .and_then(|p| p.front.slug.clone())
        };
        assert_eq!(
            slug("awareness/doi-tuong/_index.en.md").as_deref(),
            Some("audience")
        );
        assert_eq!(
            slug("awareness/doi-tuong/can-bo-cong-chuc.en").as_deref(),
            Some("officials")
        );
        assert_eq!(
            slug("giup/chu-de/lua-dao-truc-tuyen").as_deref(),
            Some("lua-dao-truc-tuyen")
        );
    }

    #[test]
    fn kinds_of_piece_follow_what_their_front_matter_holds() {
        let (_, awareness, diagnostics) = prepared(&[
            (
                "awareness/guide.md",
                "+++\ntitle = \"G\"\n[[extra.steps]]\nname = \"A\"\ntext = \"B\"\n+++\n",
            ),
            (
                "awareness/faq.md",
                "+++\ntitle = \"F\"\nextra.faq = [{ question = \"Q\", answer = \"A\" }]\n+++\n",
            ),
            (
                "awareness/campaign.md",
                "+++\ntitle = \"C\"\n[extra.campaign]\nstart = \"2025-10-01\"\nend = 2025-10-10\n+++\n",
            ),
            ("awareness/article.md", "+++\ntitle = \"A\"\n+++\n"),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let kind = |path: &str| awareness.pieces[path].kind();
        assert_eq!(kind("awareness/guide.md"), "guide");
        assert_eq!(kind("awareness/faq.md"), "faq");
        assert_eq!(kind("awareness/campaign.md"), "campaign");
        assert_eq!(kind("awareness/article.md"), "article");
        let step = &awareness.pieces["awareness/guide.md"].steps[0];
        assert_eq!(
            (step.title.as_str(), step.text.as_str(), step.line),
            ("A", "B", 5)
        );
    }

    #[test]
    fn wrong_values_are_each_placed_with_a_hint() {
        let (_, _, diagnostics) = prepared(&[(
            "awareness/x.md",
            "+++\ntitle = \"X\"\naudience = [\"citizen\"]\ntopics = [\"ai\"]\n[extra]\nfeatured = \"yes\"\n[extra.campaign]\nstart = 2025-10-01\n[[extra.faq]]\nquestion = \"Q\"\nanswer = \"\"\n+++\n",
        )]);
        let placed: Vec<(String, &str)> =
            diagnostics.iter().map(|d| (d.location(), d.code)).collect();
        assert_eq!(
            placed,
            [
                (
                    "content/awareness/x.md:3:14".to_string(),
                    "unknown-audience"
                ),
                ("content/awareness/x.md:4:12".to_string(), "unknown-topic"),
                ("content/awareness/x.md:6:12".to_string(), "awareness-value"),
                (
                    "content/awareness/x.md:7:8".to_string(),
                    "awareness-campaign"
                ),
                (
                    "content/awareness/x.md:11:10".to_string(),
                    "awareness-entry"
                ),
            ]
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some(
                "did you mean \"citizens\"? The ids are: \"citizens\", \"businesses\", \"officials\""
            )
        );
        assert!(diagnostics[3].message.contains("no `end` date"));
    }
}
