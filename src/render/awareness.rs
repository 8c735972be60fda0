//! What templates see of awareness material (pure): a piece's steps, questions, campaign
//! dates and downloads, with schema.org JSON-LD (HowTo, FAQPage, Event); the lists of an
//! awareness section by audience and by topic; the highlights on the home page.

use std::cmp::Reverse;

use serde_json::json;
use tera::{Map, Value};

use super::page_markdown::{PageLinks, markdown_options};
use crate::content::awareness::{AUDIENCE_DIR, Entry, Filter, List, Piece, TOPIC_DIR, Term};
use crate::deps::record_pages;
use crate::deps::{Dep, record};
use crate::diag::{Diagnostic, Source};
use crate::i18n::I18n;
use crate::markdown;
use crate::site::{Page, PageId, Site};

/// How many pieces the home page highlights.
const HIGHLIGHTS: usize = 3;

/// Once pages are linked and their Markdown rendered: renders the Markdown of steps and
/// answers (reporting broken links at their lines) and lists each section's pieces per
/// language, newest first.
pub fn finish(site: &mut Site, i18n: &I18n) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut rendered: Vec<(String, Vec<Entry>, Vec<Entry>)> = Vec::new();
    for page in &site.pages {
        let Some(piece) = site.awareness.pieces.get(&page.content.content_path) else {
            continue;
        };
        if piece.steps.is_empty() && piece.faq.is_empty() {
            continue;
        }
        let options = markdown::MarkdownOptions {
            plain_text: true,
            ..markdown_options(site, i18n, page.lang())
        };
        let links = PageLinks {
            links: site.resolver(page.lang()),
            site,
            i18n,
            lang: page.lang(),
        };
        let mut render = |entries: &[Entry]| -> Vec<Entry> {
            entries
                .iter()
                .map(|entry| {
                    let source = Source::fragment(&page.content.file, &entry.text, entry.line);
                    let mut out = markdown::render(&source, &options, &links);
                    for link in &out.anchor_links {
                        let target = &site.pages[link.target];
                        if !target.rendered.heading_ids.contains(&link.anchor) {
                            out.diagnostics.push(link.broken(&source));
                        }
                    }
                    diagnostics.append(&mut out.diagnostics);
                    Entry {
                        html: out.html,
                        plain: one_line(&out.text),
                        ..entry.clone()
                    }
                })
                .collect()
        };
        let steps = render(&piece.steps);
        let faq = render(&piece.faq);
        rendered.push((page.content.content_path.clone(), steps, faq));
    }
    for (path, steps, faq) in rendered {
        if let Some(piece) = site.awareness.pieces.get_mut(&path) {
            piece.steps = steps;
            piece.faq = faq;
        }
    }

    let mut members: std::collections::BTreeMap<(String, String), Vec<PageId>> = Default::default();
    for page in site.pages.iter().filter(|p| !p.is_section()) {
        if let Some(piece) = site.awareness.pieces.get(&page.content.content_path) {
            members
                .entry((piece.root.clone(), page.lang().to_string()))
                .or_default()
                .push(page.id);
        }
    }
    for ids in members.values_mut() {
        ids.sort_by_cached_key(|&id| {
            let page = &site.pages[id];
            let date = page.front().date;
            (
                date.is_none(),
                Reverse(date),
                page.title.to_lowercase(),
                page.content.content_path.clone(),
            )
        });
    }
    site.awareness.members = members;
    diagnostics
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn map(entries: Vec<(&'static str, Value)>) -> Value {
    let mut out = Map::with_capacity(entries.len());
    for (key, value) in entries {
        out.insert(key.into(), value);
    }
    Value::from(out)
}

/// What a piece adds to its list form (`page.awareness`, and `item.awareness` in lists):
/// its kind, campaign dates and state on the site's `as_of` date, and its downloads with
/// their file type and size.
pub fn page_value(site: &Site, page: &Page) -> Option<Value> {
    let piece = site.awareness.pieces.get(&page.content.content_path)?;
    let campaign = piece.campaign.map_or_else(Value::none, |c| {
        let state = site.config.as_of.map(|as_of| {
            let day = as_of.date();
            if day < c.start {
                "upcoming"
            } else if day > c.end {
                "ended"
            } else {
                "ongoing"
            }
        });
        map(vec![
            ("start", Value::from(c.start.format("%Y-%m-%d").to_string())),
            ("end", Value::from(c.end.format("%Y-%m-%d").to_string())),
            ("state", Value::from(state)),
        ])
    });
    let downloads: Vec<Value> = piece
        .downloads
        .iter()
        .map(|d| {
            map(vec![
                ("title", Value::from(d.title.as_str())),
                (
                    "url",
                    Value::from(site.url(&site.asset_path(&d.content_path))),
                ),
                ("format", Value::from(d.format.as_str())),
                ("size", Value::from(file_size(d.bytes, page.lang()))),
                ("bytes", Value::from(d.bytes)),
            ])
        })
        .collect();
    Some(map(vec![
        ("type", Value::from(piece.kind())),
        ("featured", Value::from(piece.featured)),
        ("campaign", campaign),
        ("downloads", Value::from(downloads)),
        ("steps", Value::from(piece.steps.len())),
        ("questions", Value::from(piece.faq.len())),
    ]))
}

/// A file size as readers expect it: `850 B`, `120 KB`, `1,4 MB` (in Vietnamese).
pub fn file_size(bytes: u64, lang: &str) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{} KB", crate::format::number((b / KB).round(), 0, lang))
    } else {
        format!("{} MB", crate::format::number(b / KB / KB, 1, lang))
    }
}

/// The `awareness` value of a page's context: for a piece, its steps, answers, the
/// audiences and topics it is filed under and its JSON-LD; for a section and its lists,
/// the pieces and the ways to browse them; for the home page, the highlights.
pub fn context(site: &Site, values: &[Value], id: PageId) -> Option<Value> {
    let page = site.page(id);
    let path = &page.content.content_path;
    if let Some(piece) = site.awareness.pieces.get(path) {
        return Some(piece_context(site, page, piece));
    }
    if let Some(list) = site.awareness.lists.get(path) {
        return Some(list_context(site, values, page, list));
    }
    if page.is_section() && site.awareness.roots.contains(&page.content.dir) {
        return Some(section_context(site, values, page));
    }
    if page.is_section() && page.parent.is_none() {
        return highlights(site, values, page.lang());
    }
    None
}

fn piece_context(site: &Site, page: &Page, piece: &Piece) -> Value {
    let lang = page.lang();
    let vocabulary = &site.awareness.vocabulary;
    let filed = |field: &[String], dir, terms: &[Term]| -> Vec<Value> {
        field
            .iter()
            .filter_map(|id| terms.iter().find(|t| t.id == *id))
            .filter_map(|term| list_page(site, &piece.root, dir, term, lang))
            .map(|list| {
                record_pages(site, std::iter::once(list));
                let list = site.page(list);
                map(vec![
                    ("title", Value::from(list.title.as_str())),
                    ("url", Value::from(site.url(&list.path))),
                ])
            })
            .collect()
    };
    let entries = |entries: &[Entry], prefix: &str| -> Value {
        Value::from(
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    map(vec![
                        ("id", Value::from(format!("{prefix}-{}", i + 1))),
                        ("position", Value::from(i + 1)),
                        ("title", Value::from(e.title.as_str())),
                        ("html", Value::safe_string(&e.html)),
                    ])
                })
                .collect::<Vec<_>>(),
        )
    };
    let json_ld: Vec<Value> = json_ld(site, page, piece)
        .into_iter()
        .map(|data| Value::safe_string(&script_json(&data)))
        .collect();
    map(vec![
        (
            "audience",
            Value::from(filed(
                &page.front().audience,
                AUDIENCE_DIR,
                &vocabulary.audiences,
            )),
        ),
        (
            "topics",
            Value::from(filed(&page.front().topics, TOPIC_DIR, &vocabulary.topics)),
        ),
        ("steps", entries(&piece.steps, STEP_PREFIX)),
        ("faq", entries(&piece.faq, QUESTION_PREFIX)),
        ("json_ld", Value::from(json_ld)),
    ])
}

/// Ids of a guide's steps (`#buoc-1`) and of questions (`#cau-hoi-1`).
const STEP_PREFIX: &str = "buoc";
const QUESTION_PREFIX: &str = "cau-hoi";

/// The list page of `term` in a section, in `lang` (none when no piece there uses it).
fn list_page(
    site: &Site,
    root: &str,
    dir: (&str, &str),
    term: &Term,
    lang: &str,
) -> Option<PageId> {
    let key = format!("{root}/{}/{}", dir.0, term.vi_segment);
    site.find(&key, lang)
        .ok()
        .filter(|&id| site.page(id).lang() == lang)
}

fn index_page(site: &Site, root: &str, dir: (&str, &str), lang: &str) -> Option<PageId> {
    let key = format!("{root}/{}/_index.md", dir.0);
    site.find(&key, lang)
        .ok()
        .filter(|&id| site.page(id).lang() == lang)
}

/// The pieces of a section in a language, newest first.
fn members<'s>(site: &'s Site, root: &str, lang: &str) -> &'s [PageId] {
    // Every piece can join or leave a list when its front matter changes.
    record(Dep::AllPages);
    site.awareness
        .members
        .get(&(root.to_string(), lang.to_string()))
        .map_or(&[], Vec::as_slice)
}

fn filed_under(site: &Site, id: PageId, filter: &Filter) -> bool {
    let front = site.page(id).front();
    match filter {
        Filter::Audience(term) => front.audience.contains(&term.id),
        Filter::Topic(term) => front.topics.contains(&term.id),
        Filter::Audiences | Filter::Topics => true,
    }
}

/// Each audience (or topic) with pieces in `lang`: its list page's title and address and
/// how many pieces it lists; `current` marks the one being shown.
fn terms(
    site: &Site,
    root: &str,
    lang: &str,
    audiences: bool,
    current: Option<&Term>,
) -> Vec<Value> {
    let vocabulary = &site.awareness.vocabulary;
    let (dir, terms) = if audiences {
        (AUDIENCE_DIR, &vocabulary.audiences)
    } else {
        (TOPIC_DIR, &vocabulary.topics)
    };
    let pieces = members(site, root, lang);
    terms
        .iter()
        .filter_map(|term| {
            let id = list_page(site, root, dir, term, lang)?;
            let count = pieces
                .iter()
                .filter(|&&p| {
                    let front = site.page(p).front();
                    let ids = if audiences {
                        &front.audience
                    } else {
                        &front.topics
                    };
                    ids.contains(&term.id)
                })
                .count();
            let list = site.page(id);
            Some(map(vec![
                ("id", Value::from(term.id.as_str())),
                ("title", Value::from(list.title.as_str())),
                ("url", Value::from(site.url(&list.path))),
                ("count", Value::from(count)),
                (
                    "current",
                    Value::from(current.is_some_and(|c| c.id == term.id)),
                ),
            ]))
        })
        .collect()
}

fn page_urls(site: &Site, root: &str, lang: &str) -> (Value, Value, Value) {
    let url = |id: Option<PageId>| Value::from(id.map(|id| site.url(&site.page(id).path)));
    let section = site
        .find(&format!("{root}/_index.md"), lang)
        .ok()
        .filter(|&id| site.page(id).lang() == lang);
    (
        url(section),
        url(index_page(site, root, AUDIENCE_DIR, lang)),
        url(index_page(site, root, TOPIC_DIR, lang)),
    )
}

fn section_context(site: &Site, values: &[Value], page: &Page) -> Value {
    let root = &page.content.dir;
    let lang = page.lang();
    let pieces = members(site, root, lang);
    let mut campaigns: Vec<PageId> = pieces
        .iter()
        .copied()
        .filter(|&id| {
            site.awareness
                .pieces
                .get(&site.page(id).content.content_path)
                .is_some_and(|p| p.campaign.is_some())
        })
        .collect();
    campaigns.sort_by_key(|&id| {
        let piece = &site.awareness.pieces[&site.page(id).content.content_path];
        piece.campaign.map(|c| Reverse(c.start))
    });
    record_pages(site, campaigns.iter().copied());
    let generated = |id: &PageId| {
        site.awareness
            .lists
            .contains_key(&site.page(*id).content.content_path)
    };
    let sections: Vec<Value> = page
        .subsections
        .iter()
        .filter(|id| !generated(id))
        .map(|&id| values[id].clone())
        .collect();
    let (_, audiences_url, topics_url) = page_urls(site, root, lang);
    map(vec![
        (
            "audiences",
            Value::from(terms(site, root, lang, true, None)),
        ),
        ("topics", Value::from(terms(site, root, lang, false, None))),
        ("audiences_url", audiences_url),
        ("topics_url", topics_url),
        (
            "campaigns",
            Value::from(
                campaigns
                    .iter()
                    .map(|&id| values[id].clone())
                    .collect::<Vec<_>>(),
            ),
        ),
        ("sections", Value::from(sections)),
        ("count", Value::from(pieces.len())),
    ])
}

fn list_context(site: &Site, values: &[Value], page: &Page, list: &List) -> Value {
    let lang = page.lang();
    let (section_url, audiences_url, topics_url) = page_urls(site, &list.root, lang);
    let (kind, current, audiences) = match &list.filter {
        Filter::Audiences => ("audiences", None, true),
        Filter::Topics => ("topics", None, false),
        Filter::Audience(term) => ("audience", Some(term), true),
        Filter::Topic(term) => ("topic", Some(term), false),
    };
    let items: Vec<Value> = members(site, &list.root, lang)
        .iter()
        .filter(|&&id| current.is_some() && filed_under(site, id, &list.filter))
        .map(|&id| {
            record_pages(site, std::iter::once(id));
            values[id].clone()
        })
        .collect();
    map(vec![
        ("kind", Value::from(kind)),
        ("id", Value::from(current.map(|t| t.id.as_str()))),
        ("items", Value::from(items)),
        (
            "terms",
            Value::from(terms(site, &list.root, lang, audiences, current)),
        ),
        ("section_url", section_url),
        ("audiences_url", audiences_url),
        ("topics_url", topics_url),
    ])
}

/// A few pieces for the home page: featured ones first, then the newest.
fn highlights(site: &Site, values: &[Value], lang: &str) -> Option<Value> {
    let root = site.awareness.roots.iter().find(|root| {
        site.awareness
            .members
            .contains_key(&(root.to_string(), lang.to_string()))
    })?;
    let mut pieces: Vec<PageId> = members(site, root, lang).to_vec();
    // A stable sort keeps the newest first within featured and the rest.
    pieces.sort_by_key(|&id| !site.awareness.pieces[&site.page(id).content.content_path].featured);
    pieces.truncate(HIGHLIGHTS);
    record_pages(site, pieces.iter().copied());
    let (section_url, _, _) = page_urls(site, root, lang);
    let section_url = section_url.as_str().map(str::to_string)?;
    Some(map(vec![
        (
            "highlights",
            Value::from(
                pieces
                    .iter()
                    .map(|&id| values[id].clone())
                    .collect::<Vec<_>>(),
            ),
        ),
        ("url", Value::from(section_url)),
    ]))
}

/// The schema.org descriptions of a piece: HowTo for steps, FAQPage for questions, Event
/// for a campaign.
pub fn json_ld(site: &Site, page: &Page, piece: &Piece) -> Vec<serde_json::Value> {
    let lang = page.lang();
    let permalink = site.permalink(&page.path);
    let description = page
        .front()
        .summary
        .clone()
        .unwrap_or_else(|| one_line(&crate::html::text_of(&page.rendered.summary_html)));
    let mut out = Vec::new();
    if !piece.steps.is_empty() {
        let steps: Vec<serde_json::Value> = piece
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                json!({
                    "@type": "HowToStep",
                    "position": i + 1,
                    "name": step.title,
                    "text": step.plain,
                    "url": format!("{permalink}#{STEP_PREFIX}-{}", i + 1),
                })
            })
            .collect();
        out.push(json!({
            "@context": "https://schema.org",
            "@type": "HowTo",
            "name": page.title,
            "description": description,
            "inLanguage": lang,
            "url": permalink,
            "step": steps,
        }));
    }
    if !piece.faq.is_empty() {
        let questions: Vec<serde_json::Value> = piece
            .faq
            .iter()
            .map(|entry| {
                json!({
                    "@type": "Question",
                    "name": entry.title,
                    "acceptedAnswer": { "@type": "Answer", "text": entry.plain },
                })
            })
            .collect();
        out.push(json!({
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": page.title,
            "inLanguage": lang,
            "url": permalink,
            "mainEntity": questions,
        }));
    }
    if let Some(campaign) = piece.campaign {
        let mut event = json!({
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": description,
            "startDate": campaign.start.format("%Y-%m-%d").to_string(),
            "endDate": campaign.end.format("%Y-%m-%d").to_string(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
            "inLanguage": lang,
            "url": permalink,
        });
        let config = &site.config;
        if let Some(name) = &config.agency.name {
            event["organizer"] = json!({
                "@type": "GovernmentOrganization",
                "name": name.get(lang, &config.default_language),
                "url": config.base_url,
            });
        }
        out.push(event);
    }
    out
}

/// JSON to put inside `<script>`: `<`, `>` and `&` escaped, so text can never close the
/// element.
fn script_json(data: &serde_json::Value) -> String {
    data.to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_as_people_write_them() {
        assert_eq!(file_size(850, "vi"), "850 B");
        assert_eq!(file_size(122_880, "en"), "120 KB");
        assert_eq!(file_size(1_468_006, "vi"), "1,4 MB");
        assert_eq!(file_size(1_468_006, "en"), "1.4 MB");
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let data = json!({ "text": "</script><b>&" });
        let text = script_json(&data);
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, data);
    }
}
