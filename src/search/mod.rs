//! Static search (pure): an index built with the site, one per language, searched in the
//! browser by `themes/default/static/js/search.js` with no server.
//!
//! # Why our own index, not Pagefind
//!
//! Pagefind took 27 s and 3 GB on the 10,000-page corpus; the budget is 2 s and 500 MB.
//! It also folds diacritics by stripping combining marks only, so `đ` never matches `d`
//! ("Đắk Lắk" is not found by "Dak Lak"), it has no notion of an exact spelling ranking
//! above a folded one, and it is a separate program or a large library with its own
//! runtime. This index is this module's Rust and nothing else; on the build bench's 10,000
//! pages (`cargo bench --bench build`, Pagefind 28 s and 3 GB there) the default theme with
//! search builds in about 1.8 s on 2 cores, about 1.1 s more than without the theme and
//! index; it updates one page's part in `serve`, and its client is one small file with no
//! dependencies.
//!
//! In `build` each language's documents take the pages' plain texts after the Markdown
//! (`render::take_search_documents`), and the index is made while the pages render (on the
//! same threads), its files written as soon as all are encoded, while the index is freed.
//! Each document's text is freed once analysed; a page keeps the sequence of its words' ids
//! (half the size of its pairs) until the pairs are grouped; the terms are encoded and their
//! postings freed before the pairs are grouped, and each pair is encoded as soon as its
//! documents are. `serve` keeps its indexes, and the texts, to update them.
//!
//! # Folding (see `fold`)
//!
//! Lowercase, diacritics removed after NFD, `đ` -> `d`: "dich vu cong truc tuyen" matches
//! "dịch vụ công trực tuyến", "hoa"/"hoà"/"hòa" and "thuy"/"thủy"/"thuỷ" match each other.
//! Each word also keeps an *exact key* (tone marks moved to its end, so `hòa` and `hoà`
//! share one) to rank the spelling the reader typed above other spellings. Codes and ids
//! (`NV-3.12`, `dvc-truc-tuyen-toan-trinh`) are indexed by part and joined (`nv312`).
//!
//! # Matching and ranking (see `query`, mirrored by `search.js`)
//!
//! A page matches when it holds every word of the query (a code: all its parts, or its
//! joined form). Its score is:
//!
//! - `PHRASE_BONUS` when it holds every pair of consecutive query words side by side, so
//!   pages with the query as a phrase come first ("chuyển đổi số" before a page that has
//!   "chuyển", "số" and only "theo dõi");
//! - plus, for each query term, `idf × weight × (EXACT_FACTOR if the page spells it as
//!   typed)`, where `idf = ln(1 + (N − df + ½)/(df + ½))` and `weight` is the term's
//!   count in the page saturated against the page's length (0–1, BM25's shape) plus
//!   `TITLE_WEIGHT` when the term is in the title.
//!
//! The terms' part is multiplied by `1 + weight × WEIGHT_STEP`, the page's own weight
//! (the plan's page and sections count more than leaf pages that repeat their words).
//! Scores are rounded to thousandths; ties go to the lower document id (sorted URLs).
//! Two approximations keep the files small: a phrase of three or more words is "every
//! consecutive pair present" (a page with "chuyển đổi" and "đổi số" apart counts), and the
//! weights and spellings of pages outside a term's head (`HEAD`) are estimated.
//!
//! # Files (under the output folder, per language)
//!
//! ```text
//! search/vi/manifest.json        version, document count, bucket count, kinds and groups
//!                                 (run-length per document, for the filters), big terms
//! search/vi/idx/{0..B-1}.json    buckets of words: {term: entry} for the words hashing there
//!                                 (FNV-1a of the folded word, modulo B; B from the entries'
//!                                 size, `BUCKET_BYTES`)
//! search/vi/idx/p/{0..P-1}.json  buckets of pairs (`"chuyen doi"`), the same way
//! search/vi/idx/t/{term}.json    a term whose entry is over BIG_ENTRY_BYTES, alone
//! search/vi/doc/{id}.json        one document: url, title, kind, group, breadcrumb, excerpt
//! ```
//!
//! A term's entry is `{"n": df, "m": doc set, "h": head, "f": floor, "v": spellings}`: the
//! exact set of pages holding it (`codec`: bitmap, list or complement, whichever is
//! shortest), the `HEAD` pages where it weighs most with their weights, the highest weight
//! left out of the head (used for the other pages), and its spellings — each with its own
//! head when there are several. A pair of words (`"chuyen doi"`) is an entry with `n` and
//! `m` only. So a query fetches the manifest, one file per word and per pair, and one small
//! file per result shown; every entry is bounded by `HEAD` and by `N/6` digits.
//!
//! Terms are bucketed by hash rather than by first letters: Vietnamese syllables pile up
//! under a few prefixes (`ch`, `th`, `ng`, `tr`), so a prefix file would carry dozens of
//! unrelated common words. Results are one file each (as Pagefind's fragments) because ten
//! results land in ten different id ranges, and a range file of 100 pages would cost
//! ~50 KB per result.
//!
//! # Serve
//!
//! `Index::build` keeps everything needed to update; `Index::update(document)` re-encodes
//! the entries of the terms the page had or has, and returns only the files that changed
//! (its buckets, big term files, its own file, the manifest) and the files to delete.
//! Adding or removing a page shifts document ids and builds the index again (1.2–1.6 s for
//! 10,000 pages) and writes only the files whose bytes changed; so does the rare edit that
//! changes a bucket count (`BUCKET_BYTES`), since every entry then moves. The index keeps the
//! documents to re-analyse a page's old version on update, rather than every page's terms.

pub mod codec;
pub mod fold;
mod index;
pub mod query;

pub use index::{Changes, Index, Limits};

use serde::Serialize;

/// Pages a term's head holds (per spelling too). A page outside a term's head is scored
/// with the term's floor (the highest weight left out), and counts as the exact spelling
/// only when it is in that spelling's head: ranking is exact among the pages where the
/// query's terms weigh most, and approximate in the long tail. Counts are always exact.
pub const HEAD: usize = 40;
/// An entry longer than this gets a file of its own (and is listed in the manifest).
pub const BIG_ENTRY_BYTES: usize = 700;
/// Bytes a bucket file holds on average, at most: the words' buckets and the pairs' are
/// each sized from the entries they hold (a power of two of buckets, so each holds between
/// half this and this). A query fetches one bucket per word and per pair, so what it
/// downloads stays about the same from 300 pages to 10,000, where a count of buckets set
/// by the number of pages gave small sites buckets of 3 KB (a site's vocabulary grows more
/// slowly than its pages). At 10,000 pages this gives the 2,048 and 16,384 buckets that
/// eight pages and one page per bucket gave.
pub const BUCKET_BYTES: usize = 1280;
/// Characters of a page's text kept for its snippet.
pub const EXCERPT_CHARS: usize = 320;
/// Words of a query used (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 10;
pub const PHRASE_BONUS: f64 = 1000.0;
pub const EXACT_FACTOR: f64 = 2.0;
pub const TITLE_WEIGHT: f64 = 1.5;
/// What each step of a document's `weight` adds to its term scores.
pub const WEIGHT_STEP: f64 = 0.5;
/// Results per page of results (the client's default).
pub const RESULTS_PER_PAGE: usize = 10;

/// What a search result can be; filters use these names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Indicator,
    Task,
    Group,
    Page,
    Awareness,
    News,
    Document,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Indicator,
        Kind::Task,
        Kind::Group,
        Kind::Page,
        Kind::Awareness,
        Kind::News,
        Kind::Document,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Indicator => "indicator",
            Kind::Task => "task",
            Kind::Group => "group",
            Kind::Page => "page",
            Kind::Awareness => "awareness",
            Kind::News => "news",
            Kind::Document => "document",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A page as search sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The page's URL as linked (`/p/ke-hoach-2025/nhiem-vu/nv-3-12/`).
    pub url: String,
    pub title: String,
    pub kind: Kind,
    /// The task group the page belongs to (its id), for the group filter.
    pub group: Option<String>,
    /// Titles of the sections from the home page down to the page's own section.
    pub breadcrumb: Vec<String>,
    /// How much more the page counts than an ordinary one where both match (0: ordinary):
    /// its term scores are multiplied by `1 + weight × WEIGHT_STEP`, so a hub such as the
    /// plan's own page comes before the many short pages that repeat its words.
    pub weight: u8,
    /// The page's words as plain text (`markdown::plain_text`, plus the data a plan page
    /// shows: a task's code, lead unit and output; an indicator's id, unit and method).
    pub text: String,
}

/// Makes the search index of one language and hands each of its files to `write` (path
/// under the output folder, bytes), in no particular order, once all are encoded. Each
/// document's text is freed once analysed (a build keeps no index to update).
pub fn build(documents: Vec<Document>, lang: &str, write: impl Fn(String, Vec<u8>) + Sync) {
    Index::write_files(documents, lang, Limits::default(), write)
}

#[cfg(test)]
mod tests;
