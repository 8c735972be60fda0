//! Share cards (pure): which card each page gets, what it says, and the file it goes to.
//! A target's page gets the target's card (latest reading, target, status, trend); the
//! other pages of a plan get the plan's (its headline); every other page shares its
//! language's site card (the site's title and description), so a site of 10,000 pages draws
//! a couple of pictures, not 10,000. Only distinct cards are drawn, each once.
//!
//! A card's file is named after what it shows: `og/LANG-NAME-HASH.png`, the hash being that
//! of its SVG. So an unchanged card keeps its name and bytes from build to build (and is not
//! written again), while a card whose figures changed gets a new address, which social
//! networks and caches that keep an image by its address have never seen.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Map, Value};

use super::input::RenderInput;
use super::plan::{CardParts, PlanView};
use crate::card::{self, Body, Card};
use crate::content::plan::PlanPage;
use crate::diag::Diagnostic;
use crate::format;
use crate::site::{Page, Site};
use crate::slug::slugify;
use crate::t;

/// The folder cards are written to, in the output.
pub const FOLDER: &str = "og";

/// Which card a page shows.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// The site card of a language.
    Site(String),
    /// A plan's card (plan index, language).
    Plan(usize, String),
    /// A target's card (plan index, indicator id, language).
    Indicator(usize, String, String),
}

/// A card ready to draw: its output path, its SVG, and what it says in words.
#[derive(Debug, PartialEq)]
pub struct CardFile {
    /// The output path (`og/vi-dvc-toan-trinh-0123456789abcdef.png`).
    pub path: String,
    pub svg: String,
    /// The image's text alternative (`og:image:alt`).
    pub alt: String,
    /// What the card says as a sentence, for pages that have no description of their own;
    /// none for the site card (the site's description is already the fallback).
    pub summary: Option<String>,
}

/// Every card the site's pages show.
#[derive(Clone, Debug, Default)]
pub struct Cards {
    by_key: BTreeMap<Key, Arc<CardFile>>,
}

impl Cards {
    /// The cards of every page of the site (and of each language's 404 page).
    pub fn of(input: &RenderInput<'_>) -> Cards {
        let site = input.site;
        let mut keys: BTreeSet<Key> = site.pages.iter().map(|p| key_of(site, p)).collect();
        keys.extend(site.config.languages.iter().cloned().map(Key::Site));
        let by_key = keys
            .into_par_iter()
            .map(|key| {
                let file = make(input, &key);
                (key, Arc::new(file))
            })
            .collect();
        Cards { by_key }
    }

    /// Each card once, by output path.
    pub fn files(&self) -> BTreeMap<String, Arc<CardFile>> {
        self.by_key
            .values()
            .map(|file| (file.path.clone(), Arc::clone(file)))
            .collect()
    }

    /// The card `page` shows.
    pub fn of_page(&self, site: &Site, page: &Page) -> Option<&Arc<CardFile>> {
        self.by_key.get(&key_of(site, page))
    }

    /// The site card of `lang` (for pages of no content file, such as 404).
    pub fn of_language(&self, lang: &str) -> Option<&Arc<CardFile>> {
        self.by_key.get(&Key::Site(lang.to_string()))
    }
}

/// What templates see of a page's card, as `og_image`: `url` (absolute, as Open Graph
/// wants), `alt`, `width`, `height`, `type`, and `summary` (may be none).
pub fn value(site: &Site, file: &CardFile) -> Value {
    let mut map = Map::new();
    map.insert(
        "url".into(),
        Value::from(site.permalink(&format!("/{}", file.path))),
    );
    map.insert("alt".into(), Value::from(file.alt.as_str()));
    map.insert("width".into(), Value::from(card::WIDTH));
    map.insert("height".into(), Value::from(card::HEIGHT));
    map.insert("type".into(), Value::from("image/png"));
    map.insert("summary".into(), Value::from(file.summary.as_deref()));
    Value::from(map)
}

/// The card's PNG.
pub fn draw(file: &CardFile) -> Result<Vec<u8>, Diagnostic> {
    card::png(&file.svg, card::WIDTH, card::HEIGHT).map_err(|error| {
        Diagnostic::internal(
            "internal-card",
            t!("card-draw-failed", path = &file.path, error = error),
        )
    })
}

/// A page's summary (its first paragraph, or the text before `<!-- more -->`) as plain
/// text of at most about 200 characters: the description of a page that has no `summary`
/// of its own.
pub fn summary_text(page: &Page) -> String {
    const MOST: usize = 200;
    let text = crate::html::text_of(&page.rendered.summary_html);
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if chars + length + 1 > MOST {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += length;
    }
    out
}

fn key_of(site: &Site, page: &Page) -> Key {
    let lang = page.lang().to_string();
    match &page.content.plan_page {
        Some(PlanPage::Indicator { plan, id })
            if site
                .plans
                .get(*plan)
                .is_some_and(|p| p.indicator(id).is_some()) =>
        {
            Key::Indicator(*plan, id.clone(), lang)
        }
        Some(plan_page) if plan_page.plan() < site.plans.len() => Key::Plan(plan_page.plan(), lang),
        _ => Key::Site(lang),
    }
}

fn make(input: &RenderInput<'_>, key: &Key) -> CardFile {
    let site = input.site;
    let config = &site.config;
    let lang = match key {
        Key::Site(lang) | Key::Plan(_, lang) | Key::Indicator(_, _, lang) => lang.as_str(),
    };
    let default = &config.default_language;
    let view = |index: usize| PlanView {
        site,
        plan: &site.plans[index],
        index,
        lang,
        i18n: input.i18n,
    };
    let (stem, parts) = match key {
        Key::Site(_) => (String::new(), site_card(input, lang)),
        Key::Plan(index, _) => (
            slugify(&site.plans[*index].document.id),
            view(*index).plan_card(),
        ),
        Key::Indicator(index, id, _) => match view(*index).indicator_card(id) {
            Some(parts) => (slugify(id), parts),
            None => (
                slugify(&site.plans[*index].document.id),
                view(*index).plan_card(),
            ),
        },
    };
    let alt = match &parts.body {
        Body::Site { description } if !description.is_empty() => {
            format!("{}. {description}", parts.title.trim_end_matches('.'))
        }
        _ => parts.summary.clone(),
    };
    let card = Card {
        kicker: parts.kicker,
        title: parts.title,
        body: parts.body,
        agency: config
            .agency
            .name
            .as_ref()
            .map(|n| n.get(lang, default).to_string())
            .unwrap_or_default(),
        host: host(&config.base_url),
    };
    let svg = card::svg(&card);
    let name = if stem.is_empty() {
        lang.to_string()
    } else {
        format!("{lang}-{stem}")
    };
    CardFile {
        path: format!("{FOLDER}/{name}-{:016x}.png", fnv1a(svg.as_bytes())),
        svg,
        alt,
        summary: (!matches!(key, Key::Site(_))).then_some(parts.summary),
    }
}

/// The site card of `lang`: the site's title and description, under the date of the data.
fn site_card(input: &RenderInput<'_>, lang: &str) -> CardParts {
    let config = &input.site.config;
    let default = &config.default_language;
    let title = config.title.get(lang, default).to_string();
    let description = config
        .description
        .as_ref()
        .map(|d| d.get(lang, default).to_string())
        .unwrap_or_default();
    let kicker = config.as_of.map_or_else(String::new, |as_of| {
        let words = input.i18n.get(lang, "as_of").unwrap_or("");
        format!("{words} {}", format::date(as_of.date(), lang))
    });
    CardParts {
        kicker,
        summary: title.clone(),
        title,
        body: Body::Site { description },
    }
}

/// `https://cds.example.gov.vn/ke-hoach/` -> `cds.example.gov.vn/ke-hoach`.
fn host(base_url: &str) -> String {
    base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest)
        .trim_end_matches('/')
        .to_string()
}

/// FNV-1a (64 bits): a hash that every build of minhbach computes alike, unlike std's.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fixed() {
        // The published FNV-1a 64 test vectors: names stay the same across builds of minhbach.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_host_is_the_address_without_its_scheme() {
        assert_eq!(host("https://cds.example.gov.vn"), "cds.example.gov.vn");
        assert_eq!(
            host("https://example.gov.vn/ke-hoach/"),
            "example.gov.vn/ke-hoach"
        );
        assert_eq!(host("http://127.0.0.1:1111"), "127.0.0.1:1111");
    }
}
