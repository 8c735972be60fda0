//! The shapes every renderer shares (pure): what rendering reads (`RenderInput`), what it
//! makes (`Output`) and where outputs go (`Sink`), and how a site address becomes a file.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tera::Value;

use crate::content::SectionKind;
use crate::i18n::I18n;
use crate::site::{PageId, Site};
use crate::source::Bytes;
use crate::templates::Templates;

/// A file of the built site, by its path inside the output folder (`en/about/index.html`).
#[derive(Debug)]
pub struct Output {
    pub path: String,
    pub body: Body,
}

impl Output {
    pub fn made(path: String, bytes: Vec<u8>) -> Output {
        Output {
            path,
            body: Body::Made(bytes),
        }
    }

    pub fn copy(path: String, bytes: Bytes) -> Output {
        Output {
            path,
            body: Body::Copy(bytes),
        }
    }
}

#[derive(Debug)]
pub enum Body {
    /// Made by the build (HTML, XML, text), always UTF-8.
    Made(Vec<u8>),
    Copy(Bytes),
}

/// Where a rendered output goes: a folder on disk, or a test's list.
pub type Sink<'a> = &'a (dyn Fn(Output) + Sync);

/// What `render_site` renders from.
pub struct RenderInput<'a> {
    pub site: &'a Site,
    pub templates: &'a Templates,
    /// The list form of every page (`page_values`).
    pub values: &'a [Value],
    pub i18n: &'a I18n,
    pub static_files: &'a BTreeMap<String, Bytes>,
    pub content_files: &'a BTreeMap<String, Bytes>,
    /// The data files of `content/`, for plans' archives.
    pub data: &'a BTreeMap<String, Vec<u8>>,
    /// In a build, the pages' HTML held apart from the site (`HtmlStore`).
    pub html: Option<&'a HtmlStore>,
}

/// In a build, the HTML of the pages that only their own outputs show, held apart from the
/// site so that each is freed once its last output is rendered: every page's HTML at once
/// is the largest thing a build holds (100 MB at 10,000 pages). News articles stay in the
/// site, as feeds show them too.
#[derive(Debug, Default)]
pub struct HtmlStore {
    /// Shared, so that a page's outputs need not hold the lock while they render.
    html: Vec<Mutex<Option<Arc<String>>>>,
    uses: Vec<AtomicUsize>,
}

impl HtmlStore {
    /// Moves the HTML of every page but news articles out of `site`.
    pub fn take_from(site: &mut Site) -> HtmlStore {
        let kept: Vec<bool> = site
            .pages
            .iter()
            .map(|page| site.section_kind(page.id) == SectionKind::News)
            .collect();
        let html = site
            .pages
            .iter_mut()
            .zip(kept)
            .map(|(page, kept)| {
                Mutex::new((!kept).then(|| Arc::new(std::mem::take(&mut page.rendered.html))))
            })
            .collect();
        let uses = site.pages.iter().map(|_| AtomicUsize::new(0)).collect();
        HtmlStore { html, uses }
    }

    /// How many outputs show page `id` (each calls `used` once rendered).
    pub fn set_uses(&self, id: PageId, outputs: usize) {
        if let Some(uses) = self.uses.get(id) {
            uses.store(outputs, Ordering::SeqCst);
        }
    }

    /// Calls `show` with page `id`'s HTML, from the store when it holds it, else the site's.
    pub fn with<T>(
        store: Option<&HtmlStore>,
        site: &Site,
        id: PageId,
        show: impl FnOnce(&str) -> T,
    ) -> T {
        if let Some(slot) = store.and_then(|store| store.html.get(id)) {
            let held = slot.lock().unwrap_or_else(|e| e.into_inner()).clone();
            if let Some(html) = held {
                return show(&html);
            }
        }
        show(&site.page(id).rendered.html)
    }

    /// An output showing page `id` is rendered: the last one frees its HTML.
    pub fn used(&self, id: PageId) {
        let Some(uses) = self.uses.get(id) else {
            return;
        };
        if uses.fetch_sub(1, Ordering::SeqCst) == 1 {
            *self.html[id].lock().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }
}

/// `/en/about/` -> `en/about/index.html`; `/old.html` -> `old.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pages_html_is_freed_when_its_last_output_is_rendered() {
        let store = HtmlStore {
            html: vec![
                Mutex::new(Some(Arc::new("<p>a</p>".into()))),
                Mutex::new(None),
            ],
            uses: vec![AtomicUsize::new(0), AtomicUsize::new(0)],
        };
        let held = |id: usize| store.html[id].lock().unwrap().as_deref().cloned();
        // A section with two list pages is shown by two outputs.
        store.set_uses(0, 2);
        store.used(0);
        assert_eq!(held(0).as_deref(), Some("<p>a</p>"));
        store.used(0);
        assert_eq!(held(0), None);
        // A page the store does not hold (a news article) is left alone.
        store.set_uses(1, 1);
        store.used(1);
        assert_eq!(held(1), None);
    }

    #[test]
    fn page_paths_become_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/en/about/"), "en/about/index.html");
        assert_eq!(output_path("/old.html"), "old.html");
    }
}
