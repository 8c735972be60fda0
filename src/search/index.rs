//! Building the search index of one language (pure): documents in, files out, and the
//! in-memory index that `serve` keeps to update only what a changed page touches.
//!
//! Build steps: every document is tokenised in parallel (rayon) into its own small
//! vocabulary, whose words get ids from a vocabulary the threads share; each term's
//! postings (document, impact, which spellings) and each pair's documents are grouped
//! (pairs by counting and radix sorts, see `group_pairs`); every entry is encoded on its
//! own (in parallel) and placed in a bucket file or, when large, in a file of its own.
//! Nothing depends on the order threads finish in, and an entry depends only on the
//! documents holding its term, so an update re-encodes just the entries of the changed
//! page's terms and rewrites just their files.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::codec::{self, FxMap, digit, encode_set, fnv1a, fnv1a64, push_varint};
use super::fold::{self, MAX_JOINED_PARTS, MAX_TERM_CHARS};
use super::{BIG_ENTRY_BYTES, BUCKET_BYTES, Document, EXCERPT_CHARS, HEAD, Kind};

/// How far into a page's text the excerpt looks for sentences.
const EXCERPT_SCAN_BYTES: usize = 8000;

/// The sizes that shape the files (the defaults are the crate's constants; tests shrink
/// them to reach every case on a small corpus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub head: usize,
    pub big_entry_bytes: usize,
    /// Bytes a bucket holds on average, at most (see `BUCKET_BYTES`).
    pub bucket_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head: HEAD,
            big_entry_bytes: BIG_ENTRY_BYTES,
            bucket_bytes: BUCKET_BYTES,
        }
    }
}

/// Which of a term's spellings a page uses, one bit each: a spelling beyond the 32nd of
/// one folded term is not told apart (32 bits keep a posting at 12 bytes).
type Spellings = u32;
const MAX_VARIANTS: usize = Spellings::BITS as usize;
const BREAK: u32 = u32::MAX;

/// A document holding a term: its impact (see `impact`) and which of the term's spellings
/// (bits over the term's variant table) it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    doc: u32,
    impact: u8,
    variants: Spellings,
}

/// What a document adds to the index, kept to take it out again.
#[derive(Clone, Debug, Default)]
struct DocTerms {
    /// (term id, impact, variant mask): in the order first met as analysed, sorted by
    /// term id once given the index's ids (`Absorbed::doc_terms`).
    terms: Vec<(u32, u8, Spellings)>,
    /// The parts in the order met (shared ids, breaks between runs that make no pairs),
    /// packed (`pack_part`): a build holds every page's until the pairs are grouped.
    sequence: Vec<u16>,
}

/// A document's terms and pairs of consecutive parts (`(first << 32) | second`) with the
/// index's ids, sorted and unique.
struct Remapped {
    terms: Vec<(u32, u8, Spellings)>,
    pairs: Vec<u64>,
}

/// Appends a part of a sequence (`BREAK` or a shared id) as `id + 1`, 0 for a break, in
/// one `u16` below 2^15 and two above. Ids are given in the order words are first met, so
/// nearly all fit one: at 10,000 pages, 10.5 million parts take 21 MB instead of 42 MB as
/// `u32`s. (A byte varint is smaller still, but its unpredictable lengths cost more time
/// to read than the pages' whole grouping.)
fn pack_part(out: &mut Vec<u16>, part: u32) {
    let value = if part == BREAK { 0 } else { part + 1 };
    if value < 0x8000 {
        out.push(value as u16);
    } else {
        out.push(0x8000 | (value >> 16) as u16);
        out.push(value as u16);
    }
}

/// The parts of a packed sequence (see `pack_part`): `None` for a break.
#[cfg(test)]
fn unpacked_parts(sequence: &[u16]) -> impl Iterator<Item = Option<u32>> + '_ {
    let mut units = sequence.iter();
    std::iter::from_fn(move || {
        let unit = *units.next()?;
        let value = if unit < 0x8000 {
            u32::from(unit)
        } else {
            (u32::from(unit & 0x7fff) << 16) | u32::from(*units.next()?)
        };
        Some(value.checked_sub(1))
    })
}

/// The pairs of consecutive parts of a packed sequence, `(first << 32) | second`, repeats
/// too.
fn pairs(sequence: &[u16]) -> Pairs<'_> {
    Pairs {
        units: sequence.iter(),
        previous: 0,
    }
}

/// See `pairs`. A loop of its own rather than `unpacked_parts` and a `filter_map`: the
/// grouping reads every page's pairs five times (9 million at 10,000 pages), and this
/// keeps the packed values (0 for a break) rather than an `Option` per part. It decodes the
/// packing itself: a shared decoder cost 0.15% of a build's instructions here, and the
/// packing test checks both against `pack_part`.
struct Pairs<'s> {
    units: std::slice::Iter<'s, u16>,
    /// The previous part's packed value (0: a break, or the start).
    previous: u32,
}

impl Iterator for Pairs<'_> {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        loop {
            let unit = *self.units.next()?;
            let value = if unit < 0x8000 {
                u32::from(unit)
            } else {
                (u32::from(unit & 0x7fff) << 16) | u32::from(*self.units.next()?)
            };
            let previous = std::mem::replace(&mut self.previous, value);
            if previous != 0 && value != 0 {
                return Some((u64::from(previous - 1) << 32) | u64::from(value - 1));
            }
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Interner {
    ids: FxMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn from_names(names: Vec<String>) -> Interner {
        Interner {
            ids: names
                .iter()
                .enumerate()
                .map(|(id, name)| (name.clone(), id as u32))
                .collect(),
            names,
        }
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }
}

/// The words of the documents being analysed, shared by the threads: shards of
/// folded term -> (shared id, spellings). Ids are dense but depend on which thread came
/// first, so nothing in the output may depend on them (entries are keyed and sorted by
/// text, spellings sorted by key).
struct SharedVocab {
    shards: Vec<Mutex<Shard>>,
    next_id: AtomicU32,
    /// Caches of spellings met, one per document being analysed at a time (so about one
    /// per thread), taken and put back around each document. They belong to this
    /// vocabulary and go with it: a cache per thread (thread-local) would have to be
    /// emptied on every thread at the end, which waits for threads busy rendering pages.
    caches: Mutex<Vec<SpellingCache>>,
}

/// A spelling as the vocabulary knows it: shared id, spelling bit, whether it is a topic
/// word (for excerpts).
type Known = (u32, Option<u8>, bool);

/// What the analysis keeps across documents.
#[derive(Default)]
struct SpellingCache {
    /// The spellings met (raw text -> `Known`), so a word is folded and interned once per
    /// cache rather than once per page.
    seen: WordMap<Known>,
    /// By shared id: (stamp of the page that last used the term, its local id there).
    /// Ids are dense, so this replaces a per-page map from shared to local ids.
    locals: Vec<(u32, u32)>,
    /// Stamp of the page being analysed (never 0).
    page: u32,
}

/// A part of a page as the analysis' maps key it: one of up to 16 bytes as two integers
/// (its bytes, zero-padded: a word holds no zero byte, so no two parts share a key), a
/// longer one as its text. Every word of every page is looked up by its text; a string key
/// costs a byte loop to hash and a `memcmp` call to compare, two integers a few
/// instructions. Nearly every Vietnamese syllable and English word is 16 bytes or less.
#[derive(Clone, Copy)]
enum WordKey<'t> {
    Short(u64, u64, &'t str),
    Long(&'t str),
}

impl<'t> WordKey<'t> {
    fn of(part: &'t str) -> WordKey<'t> {
        let bytes = part.as_bytes();
        let len = bytes.len();
        // The first 8 (or 4) bytes in one integer, the rest zero-padded in the other, read
        // with one load ending at the last byte (no copy of a tail of unknown length).
        let (low, high) = match len {
            17.. => return WordKey::Long(part),
            8.. => (
                codec::u64_at(bytes, 0),
                if len == 8 {
                    0
                } else {
                    codec::u64_at(bytes, len - 8) >> ((16 - len) * 8)
                },
            ),
            4.. => (
                codec::u32_at(bytes, 0) | (codec::u32_at(bytes, len - 4) >> ((8 - len) * 8)) << 32,
                0,
            ),
            _ => {
                let low = bytes
                    .iter()
                    .rev()
                    .fold(0u64, |word, &b| word << 8 | u64::from(b));
                (low, 0)
            }
        };
        WordKey::Short(low, high, part)
    }

    fn text(self) -> &'t str {
        match self {
            WordKey::Short(_, _, text) | WordKey::Long(text) => text,
        }
    }
}

/// A map from parts (`WordKey`) to `V`.
struct WordMap<V> {
    short: FxMap<(u64, u64), V>,
    long: FxMap<String, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap::with_capacity(0)
    }
}

impl<V> WordMap<V> {
    fn with_capacity(capacity: usize) -> Self {
        WordMap {
            short: FxMap::with_capacity_and_hasher(capacity, Default::default()),
            long: FxMap::default(),
        }
    }

    fn get(&self, key: WordKey<'_>) -> Option<&V> {
        match key {
            WordKey::Short(low, high, _) => self.short.get(&(low, high)),
            WordKey::Long(text) => self.long.get(text),
        }
    }

    fn insert(&mut self, key: WordKey<'_>, value: V) {
        match key {
            WordKey::Short(low, high, _) => self.short.insert((low, high), value),
            WordKey::Long(text) => self.long.insert(text.to_string(), value),
        };
    }
}

/// Folded term -> (shared id, spellings in the order first seen).
type Shard = FxMap<String, (u32, Vec<String>)>;

const SHARD_BITS: u32 = 6;

impl SharedVocab {
    fn new() -> Self {
        SharedVocab {
            shards: (0..1 << SHARD_BITS)
                .map(|_| Mutex::new(FxMap::default()))
                .collect(),
            next_id: AtomicU32::new(0),
            caches: Mutex::new(Vec::new()),
        }
    }

    /// A cache of spellings for one document, taken from those not in use.
    fn take_cache(&self) -> SpellingCache {
        self.caches
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop()
            .unwrap_or_default()
    }

    fn put_back(&self, cache: SpellingCache) {
        self.caches
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(cache);
    }

    /// The term's shared id and the bit of its spelling `key`.
    fn intern(&self, folded: &str, key: &str) -> (u32, Option<u8>) {
        let shard = (fnv1a(folded) >> (32 - SHARD_BITS)) as usize;
        let mut map = self.shards[shard]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let slot = match map.get_mut(folded) {
            Some(slot) => slot,
            None => map
                .entry(folded.to_string())
                .or_insert_with(|| (self.next_id.fetch_add(1, Ordering::Relaxed), Vec::new())),
        };
        let bit = match slot.1.iter().position(|k| k == key) {
            Some(bit) => Some(bit as u8),
            None if slot.1.len() < MAX_VARIANTS => {
                slot.1.push(key.to_string());
                Some((slot.1.len() - 1) as u8)
            }
            None => None,
        };
        (slot.0, bit)
    }

    /// Every term by shared id: its folded form and its spellings (by bit).
    fn into_terms(self) -> Vec<(String, Vec<String>)> {
        let mut terms = vec![(String::new(), Vec::new()); self.next_id.into_inner() as usize];
        for shard in self.shards {
            let map = shard
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            for (folded, (id, keys)) in map {
                terms[id as usize] = (folded, keys);
            }
        }
        terms
    }
}

/// A term of a document being analysed: shared id, count, in the title, spellings (bits).
struct LocalTerm {
    shared: u32,
    count: u32,
    in_title: bool,
    variants: Spellings,
}

/// From an update's shared ids to the index's term ids, and from its spelling bits to the
/// index's bits.
struct Absorbed {
    ids: Vec<u32>,
    bits: Vec<Vec<u8>>,
}

impl Absorbed {
    fn remap(&self, shared: u32, variants: Spellings) -> (u32, Spellings) {
        let bits = &self.bits[shared as usize];
        let mut mask = 0;
        for (bit, &to) in bits.iter().enumerate() {
            if variants & (1 << bit) != 0 && to != u8::MAX {
                mask |= 1 << to;
            }
        }
        (self.ids[shared as usize], mask)
    }

    /// A document's terms and pairs with the index's ids.
    fn doc_terms(&self, doc: DocTerms) -> Remapped {
        let mut terms: Vec<(u32, u8, Spellings)> = doc
            .terms
            .into_iter()
            .map(|(shared, impact, variants)| {
                let (id, mask) = self.remap(shared, variants);
                (id, impact, mask)
            })
            .collect();
        terms.sort_unstable_by_key(|t| t.0);
        let id = |shared: u64| u64::from(self.ids[shared as usize]);
        let mut pairs: Vec<u64> = pairs(&doc.sequence)
            .map(|pair| (id(pair >> 32) << 32) | id(pair & 0xffff_ffff))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        Remapped { terms, pairs }
    }
}

/// The index of one language, kept in memory so that a changed page updates only its part.
#[derive(Clone, Debug)]
pub struct Index {
    lang: String,
    limits: Limits,
    docs: Vec<Document>,
    by_url: FxMap<String, u32>,
    excerpts: Vec<String>,
    terms: Interner,
    /// Per term id: its spellings (exact keys), in the order first seen.
    variants: Vec<Vec<String>>,
    postings: Vec<Vec<Posting>>,
    pairs: FxMap<u64, Vec<u32>>,
    /// Buckets of words, then buckets of pairs (`bucket_count` in all).
    word_buckets: u32,
    bucket_count: u32,
    /// Bytes of the entries in the words' buckets and in the pairs' (`held_bytes`), from
    /// which the bucket counts are made.
    bucketed_bytes: [usize; 2],
    /// Encoded entries of small terms, by bucket then term.
    buckets: Vec<BTreeMap<String, String>>,
    /// Encoded entries of terms with a file of their own.
    big: BTreeMap<String, String>,
    /// Hash of every file's bytes but the manifest's, by path: the index's version.
    hashes: BTreeMap<String, u64>,
}

/// An encoded entry: its place (`None`: a file of its own; before the bucket counts are
/// known, its name's hash; then its bucket), its term and its JSON.
type Entry = (Option<u32>, String, String);

/// The files an update writes and removes (paths under the output folder).
#[derive(Debug, Default)]
pub struct Changes {
    pub write: Vec<(String, Vec<u8>)>,
    pub remove: Vec<String>,
}

impl Index {
    /// Builds the index of `documents` (all in language `lang`; any order).
    pub fn build(documents: Vec<Document>, lang: &str) -> Index {
        Index::build_with(documents, lang, Limits::default())
    }

    pub fn build_with(documents: Vec<Document>, lang: &str, limits: Limits) -> Index {
        Index::build_keeping(documents, lang, limits, true).0
    }

    /// Hands every file of the index of `documents` to `write`, in no particular order, with
    /// no index kept to update (each document's text is freed once analysed).
    pub(super) fn write_files(
        documents: Vec<Document>,
        lang: &str,
        limits: Limits,
        write: impl Fn(String, Vec<u8>) + Sync,
    ) {
        let (index, files) = Index::build_keeping(documents, lang, limits, false);
        write(index.manifest_path(), index.manifest());
        // Freeing the index's strings takes a while on one core; the files are written
        // meanwhile.
        rayon::join(
            move || drop(index),
            || {
                files
                    .into_par_iter()
                    .for_each(|(path, bytes)| write(path, bytes))
            },
        );
    }

    /// `write_files`' files, sorted by path.
    #[cfg(test)]
    pub(super) fn build_files_with(
        documents: Vec<Document>,
        lang: &str,
        limits: Limits,
    ) -> Vec<(String, Vec<u8>)> {
        let files = std::sync::Mutex::new(Vec::new());
        Index::write_files(documents, lang, limits, |path, bytes| {
            files.lock().unwrap().push((path, bytes))
        });
        let mut files = files.into_inner().unwrap();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    }

    /// Builds the index and every file but the manifest. An index that need not be
    /// `updatable` frees each document's text once analysed, and its postings and pairs
    /// once encoded.
    fn build_keeping(
        mut documents: Vec<Document>,
        lang: &str,
        limits: Limits,
        updatable: bool,
    ) -> (Index, Vec<(String, Vec<u8>)>) {
        documents.sort_by(|a, b| a.url.cmp(&b.url));
        documents.dedup_by(|a, b| a.url == b.url);
        let vocab = SharedVocab::new();
        let mut analysed: Vec<(DocTerms, String)> = documents
            .par_iter_mut()
            .map(|d| {
                let done = analyse(d, &vocab);
                if !updatable {
                    d.text = String::new();
                }
                done
            })
            .collect();
        let n = documents.len();
        let (terms, variants): (Vec<String>, Vec<Vec<String>>) =
            vocab.into_terms().into_iter().unzip();
        let mut postings: Vec<Vec<Posting>> = {
            let mut counts = vec![0usize; terms.len()];
            for (doc, _) in &analysed {
                for &(term, _, _) in &doc.terms {
                    counts[term as usize] += 1;
                }
            }
            counts.into_iter().map(Vec::with_capacity).collect()
        };
        let mut excerpts = Vec::with_capacity(n);
        for (doc, (terms, excerpt)) in analysed.iter_mut().enumerate() {
            for &(term, impact, variants) in &terms.terms {
                postings[term as usize].push(Posting {
                    doc: doc as u32,
                    impact,
                    variants,
                });
            }
            terms.terms = Vec::new();
            excerpts.push(std::mem::take(excerpt));
        }
        let sequences: Vec<Vec<u16>> = analysed.into_iter().map(|(t, _)| t.sequence).collect();
        let mut index = Index {
            lang: lang.to_string(),
            limits,
            by_url: documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.url.clone(), i as u32))
                .collect(),
            docs: documents,
            excerpts,
            terms: Interner::from_names(terms),
            variants,
            postings,
            pairs: FxMap::default(),
            // Set by `encode_all`, from the bytes of the encoded entries.
            word_buckets: 1,
            bucket_count: 2,
            bucketed_bytes: [0; 2],
            buckets: Vec::new(),
            big: BTreeMap::new(),
            hashes: BTreeMap::new(),
        };
        // An index kept to update keeps every term's postings and every pair's documents; a
        // build encodes the terms and frees their postings before grouping the pairs, and
        // encodes each pair as soon as its documents are grouped, so that the largest
        // structures of the index are never all held at once.
        let encoded = if updatable {
            index.pairs = group_pairs(&sequences, index.terms.names.len(), |pair, docs| {
                Some((pair, docs))
            })
            .into_iter()
            .collect();
            Vec::new()
        } else {
            let mut encoded = index.term_entries();
            index.postings = Vec::new();
            let this = &index;
            encoded.extend(group_pairs(
                &sequences,
                this.terms.names.len(),
                |pair, docs| {
                    let name = this.pair_name(pair);
                    let entry = this.pair_entry(&docs)?;
                    Some((this.hash_for(&name, &entry), name, entry))
                },
            ));
            encoded
        };
        drop(sequences);
        let files = index.encode_all(encoded, updatable);
        (index, files)
    }

    /// Gives the shared vocabulary's terms and spellings the index's ids and bits.
    fn absorb(&mut self, vocab: SharedVocab) -> Absorbed {
        let mut absorbed = Absorbed {
            ids: Vec::new(),
            bits: Vec::new(),
        };
        for (folded, keys) in vocab.into_terms() {
            let id = self.terms.intern(&folded);
            if id as usize == self.postings.len() {
                self.postings.push(Vec::new());
                self.variants.push(Vec::new());
            }
            let table = &mut self.variants[id as usize];
            let bits = keys
                .into_iter()
                .map(|key| match table.iter().position(|k| *k == key) {
                    Some(bit) => bit as u8,
                    None if table.len() < MAX_VARIANTS => {
                        table.push(key);
                        (table.len() - 1) as u8
                    }
                    None => u8::MAX,
                })
                .collect();
            absorbed.ids.push(id);
            absorbed.bits.push(bits);
        }
        absorbed
    }

    /// `"first second"`. Pushed rather than `format!`ed: this runs once per distinct pair
    /// (about 51,000 at 1,000 pages), where formatting was 2.75% of a build's instructions.
    fn pair_name(&self, pair: u64) -> String {
        let first = &self.terms.names[(pair >> 32) as usize];
        let second = &self.terms.names[(pair & 0xffff_ffff) as usize];
        let mut name = String::with_capacity(first.len() + 1 + second.len());
        name.push_str(first);
        name.push(' ');
        name.push_str(second);
        name
    }

    fn encode_term(&self, term: u32) -> Option<String> {
        let postings = &self.postings[term as usize];
        (!postings.is_empty()).then(|| {
            encode_term(
                postings,
                &self.variants[term as usize],
                self.docs.len() as u32,
                self.limits.head,
            )
        })
    }

    fn encode_pair(&self, pair: u64) -> Option<String> {
        self.pair_entry(self.pairs.get(&pair)?)
    }

    /// The entry of a pair held by `docs` (in order), `None` when it is held by none.
    fn pair_entry(&self, docs: &[u32]) -> Option<String> {
        (!docs.is_empty()).then(|| {
            let set = encode_set(docs, self.docs.len() as u32);
            let mut entry = String::with_capacity(set.len() + 20);
            entry.push_str("{\"n\":");
            entry.push_str(&docs.len().to_string());
            entry.push_str(",\"m\":\"");
            entry.push_str(&set);
            entry.push_str("\"}");
            entry
        })
    }

    /// Every term with postings as an entry with where it goes (`None`: a file of its own).
    fn term_entries(&self) -> Vec<Entry> {
        (0..self.postings.len() as u32)
            .into_par_iter()
            .filter_map(|t| {
                let entry = self.encode_term(t)?;
                let name = self.terms.names[t as usize].clone();
                Some((self.hash_for(&name, &entry), name, entry))
            })
            .collect()
    }

    /// Encodes every entry into its bucket or file, and returns every file but the manifest
    /// (whose version is made from their hashes); `encoded` are entries already encoded
    /// (the terms with postings and the pairs with documents are encoded here). An index
    /// that need not be `updatable` frees its postings and pairs once they are encoded.
    fn encode_all(&mut self, encoded: Vec<Entry>, updatable: bool) -> Vec<(String, Vec<u8>)> {
        let pair_ids: Vec<u64> = self.pairs.keys().copied().collect();
        let mut entries = self.term_entries();
        let this = &*self;
        // Grouped by bucket, so that each bucket's map is made in parallel from its run of
        // entries. Sorting by bucket alone compares integers, not names: each map puts its
        // few names in order itself.
        entries.par_extend(
            pair_ids
                .into_par_iter()
                .filter_map(|p| {
                    let (name, entry) = (this.pair_name(p), this.encode_pair(p)?);
                    Some((this.hash_for(&name, &entry), name, entry))
                })
                .chain(encoded.into_par_iter()),
        );
        self.bucketed_bytes = entries
            .par_iter()
            .filter(|(place, _, _)| place.is_some())
            .map(|(_, name, entry)| {
                let mut bytes = [0; 2];
                bytes[usize::from(is_pair(name))] = held_bytes(name, entry);
                bytes
            })
            .reduce(|| [0; 2], |a, b| [a[0] + b[0], a[1] + b[1]]);
        (self.word_buckets, self.bucket_count) = self.wanted_bucket_counts();
        let this = &*self;
        entries.par_iter_mut().for_each(|(place, name, _)| {
            if let Some(hash) = place {
                *hash = this.bucket_in(*hash, is_pair(name));
            }
        });
        entries.par_sort_unstable_by_key(|entry| entry.0);
        let in_buckets = entries.partition_point(|e| e.0.is_none());
        let bucketed = entries.split_off(in_buckets);
        self.big = entries
            .into_iter()
            .map(|(_, name, entry)| (name, entry))
            .collect();
        let mut runs: Vec<Vec<Entry>> = Vec::new();
        let mut bucketed = bucketed.into_iter().peekable();
        while let Some(first) = bucketed.next() {
            let mut run = vec![first];
            while let Some(next) = bucketed.next_if(|e| e.0 == run[0].0) {
                run.push(next);
            }
            runs.push(run);
        }
        let filled: Vec<(u32, BTreeMap<String, String>)> = runs
            .into_par_iter()
            .map(|run| {
                let bucket = run[0].0.unwrap_or_default();
                (bucket, run.into_iter().map(|(_, n, e)| (n, e)).collect())
            })
            .collect();
        self.buckets = vec![BTreeMap::new(); self.bucket_count as usize];
        for (bucket, entries) in filled {
            self.buckets[bucket as usize] = entries;
        }
        if !updatable {
            self.postings = Vec::new();
            self.pairs = FxMap::default();
        }
        let files = self.data_files();
        // Sorted on every thread, then built at once rather than inserted one by one: with
        // the fingerprints, this step took 24 to 31 ms at 10,000 pages before, 8 ms after.
        let mut hashes: Vec<(String, u64)> = files
            .par_iter()
            .map(|(path, bytes)| (path.clone(), codec::content_hash(bytes)))
            .collect();
        hashes.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.hashes = hashes.into_iter().collect();
        files
    }

    fn place(&mut self, name: String, entry: String) {
        match self.hash_for(&name, &entry) {
            None => {
                self.big.insert(name, entry);
            }
            Some(hash) => {
                let pair = is_pair(&name);
                self.bucketed_bytes[usize::from(pair)] += held_bytes(&name, &entry);
                let bucket = self.bucket_in(hash, pair);
                self.buckets[bucket as usize].insert(name, entry);
            }
        }
    }

    /// Takes an entry out of its bucket (`bucket_of` it), and says whether it was there.
    fn take_out(&mut self, bucket: u32, name: &str) -> bool {
        let Some(entry) = self.buckets[bucket as usize].remove(name) else {
            return false;
        };
        self.bucketed_bytes[usize::from(is_pair(name))] -= held_bytes(name, &entry);
        true
    }

    /// The hash that places an entry in a bucket, or `None` when the entry is large enough
    /// for a file of its own.
    fn hash_for(&self, name: &str, entry: &str) -> Option<u32> {
        (entry.len() <= self.limits.big_entry_bytes).then(|| fnv1a(name))
    }

    /// A word's bucket, or a pair's after the words' buckets.
    fn bucket_of(&self, name: &str) -> u32 {
        self.bucket_in(fnv1a(name), is_pair(name))
    }

    fn bucket_in(&self, hash: u32, pair: bool) -> u32 {
        if pair {
            let pairs = self.bucket_count - self.word_buckets;
            self.word_buckets + (hash & (pairs - 1))
        } else {
            hash & (self.word_buckets - 1)
        }
    }

    /// The counts of words' buckets and of all buckets for the entries held: powers of
    /// two, so that a bucket holds between half `bucket_bytes` and `bucket_bytes`.
    fn wanted_bucket_counts(&self) -> (u32, u32) {
        let [words, pairs] = self.bucketed_bytes.map(|bytes| {
            (bytes.div_ceil(self.limits.bucket_bytes).max(1) as u32).next_power_of_two()
        });
        (words, words + pairs)
    }

    fn base(&self) -> String {
        format!("search/{}/", self.lang)
    }

    fn bucket_path(&self, bucket: u32) -> String {
        match bucket.checked_sub(self.word_buckets) {
            None => format!("{}idx/{bucket}.json", self.base()),
            Some(pair) => format!("{}idx/p/{pair}.json", self.base()),
        }
    }

    fn big_path(&self, term: &str) -> String {
        format!("{}idx/t/{}.json", self.base(), codec::term_file_name(term))
    }

    fn doc_path(&self, doc: u32) -> String {
        format!("{}doc/{doc}.json", self.base())
    }

    pub fn manifest_path(&self) -> String {
        format!("{}manifest.json", self.base())
    }

    /// The bytes of one file of the index, by its path.
    pub fn file(&self, path: &str) -> Option<Vec<u8>> {
        let rest = path.strip_prefix(&self.base())?;
        if rest == "manifest.json" {
            return Some(self.manifest());
        }
        if let Some(name) = rest
            .strip_prefix("doc/")
            .and_then(|r| r.strip_suffix(".json"))
        {
            let doc: usize = name.parse().ok()?;
            return self.fragment(doc);
        }
        if let Some(name) = rest
            .strip_prefix("idx/t/")
            .and_then(|r| r.strip_suffix(".json"))
        {
            let (term, entry) = self
                .big
                .iter()
                .find(|(t, _)| codec::term_file_name(t) == name)?;
            return Some(entries_json([(term, entry)]));
        }
        let name = rest.strip_prefix("idx/")?.strip_suffix(".json")?;
        let bucket: u32 = match name.strip_prefix("p/") {
            Some(pair) => self.word_buckets + pair.parse::<u32>().ok()?,
            None => name.parse().ok()?,
        };
        Some(entries_json(self.buckets.get(bucket as usize)?.iter()))
    }

    /// Every file of the index, sorted by path.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = self.data_files();
        out.push((self.manifest_path(), self.manifest()));
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    /// Every file but the manifest, unsorted.
    fn data_files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = (0..self.bucket_count)
            .into_par_iter()
            .map(|b| {
                let path = self.bucket_path(b);
                let bytes = entries_json(self.buckets[b as usize].iter());
                (path, bytes)
            })
            .collect();
        out.extend(
            self.big
                .iter()
                .map(|(t, e)| (self.big_path(t), entries_json([(t, e)]))),
        );
        out.par_extend(
            (0..self.docs.len())
                .into_par_iter()
                .filter_map(|d| Some((self.doc_path(d as u32), self.fragment(d)?))),
        );
        out
    }

    fn fragment(&self, doc: usize) -> Option<Vec<u8>> {
        #[derive(Serialize)]
        struct Fragment<'a> {
            u: &'a str,
            t: &'a str,
            k: &'a str,
            g: Option<&'a str>,
            b: &'a [String],
            x: &'a str,
        }
        let d = self.docs.get(doc)?;
        serde_json::to_vec(&Fragment {
            u: &d.url,
            t: &d.title,
            k: d.kind.as_str(),
            g: d.group.as_deref(),
            b: &d.breadcrumb,
            x: &self.excerpts[doc],
        })
        .ok()
    }

    fn version(&self) -> String {
        let mut hash = 0;
        for (path, h) in &self.hashes {
            hash = fnv1a64(hash, path.as_bytes());
            hash = fnv1a64(hash, &h.to_le_bytes());
        }
        format!("{hash:016x}")
    }

    fn manifest(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Manifest<'a> {
            version: String,
            lang: &'a str,
            docs: usize,
            buckets: u32,
            pair_buckets: u32,
            head: usize,
            kinds: Vec<&'static str>,
            kind: String,
            groups: Vec<&'a str>,
            group: String,
            weight: String,
            big: Vec<String>,
        }
        let groups: Vec<&str> = self
            .docs
            .iter()
            .filter_map(|d| d.group.as_deref())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let kind = run_lengths(self.docs.iter().map(|d| d.kind as u32));
        let group = run_lengths(self.docs.iter().map(|d| {
            d.group
                .as_deref()
                .and_then(|g| groups.binary_search(&g).ok())
                .map_or(0, |i| i as u32 + 1)
        }));
        let weight = run_lengths(self.docs.iter().map(|d| u32::from(d.weight)));
        let mut big = Vec::with_capacity(self.big.len());
        let mut previous = "";
        for term in self.big.keys() {
            let shared = previous
                .bytes()
                .zip(term.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(63);
            // Cut on a character boundary.
            let shared = (0..=shared)
                .rev()
                .find(|&i| term.is_char_boundary(i))
                .unwrap_or(0);
            big.push(format!("{}{}", digit(shared as u32), &term[shared..]));
            previous = term;
        }
        serde_json::to_vec(&Manifest {
            version: self.version(),
            lang: &self.lang,
            docs: self.docs.len(),
            buckets: self.word_buckets,
            pair_buckets: self.bucket_count - self.word_buckets,
            head: self.limits.head,
            kinds: Kind::ALL.iter().map(|k| k.as_str()).collect(),
            kind,
            groups,
            group,
            weight,
            big,
        })
        .unwrap_or_default()
    }

    /// Replaces the document with the same URL (or adds it) and returns the files that
    /// changed. A replaced page re-encodes only the entries of the terms it had or has;
    /// a new page shifts document ids, so the index is built again.
    pub fn update(&mut self, document: Document) -> Changes {
        let Some(&doc) = self.by_url.get(&document.url) else {
            let mut documents = self.docs.clone();
            documents.push(document);
            return self.rebuild(documents);
        };
        // The old version is analysed again (the same text gives the same terms) rather
        // than every page's terms being kept.
        let vocab = SharedVocab::new();
        let analysed = analyse(&document, &vocab);
        let old_analysed = analyse(&self.docs[doc as usize], &vocab);
        let absorbed = self.absorb(vocab);
        let (new_terms, excerpt) = analysed;
        let (new_terms, old_terms) = (
            absorbed.doc_terms(new_terms),
            absorbed.doc_terms(old_analysed.0),
        );
        self.docs[doc as usize] = document;
        self.excerpts[doc as usize] = excerpt;

        let mut touched_terms: BTreeSet<u32> = BTreeSet::new();
        for &(term, _, _) in &old_terms.terms {
            let list = &mut self.postings[term as usize];
            if let Ok(i) = list.binary_search_by_key(&doc, |p| p.doc) {
                list.remove(i);
            }
            touched_terms.insert(term);
        }
        for &(term, impact, variants) in &new_terms.terms {
            let list = &mut self.postings[term as usize];
            let posting = Posting {
                doc,
                impact,
                variants,
            };
            match list.binary_search_by_key(&doc, |p| p.doc) {
                Ok(i) => list[i] = posting,
                Err(i) => list.insert(i, posting),
            }
            touched_terms.insert(term);
        }
        let mut touched_pairs: BTreeSet<u64> = BTreeSet::new();
        for &pair in &old_terms.pairs {
            if let Some(list) = self.pairs.get_mut(&pair)
                && let Ok(i) = list.binary_search(&doc)
            {
                list.remove(i);
            }
            touched_pairs.insert(pair);
        }
        for &pair in &new_terms.pairs {
            let list = self.pairs.entry(pair).or_default();
            if let Err(i) = list.binary_search(&doc) {
                list.insert(i, doc);
            }
            touched_pairs.insert(pair);
        }
        self.pairs.retain(|_, list| !list.is_empty());

        let mut touched_buckets: BTreeSet<u32> = BTreeSet::new();
        let mut touched_big: BTreeSet<String> = BTreeSet::new();
        // A page's terms include the most common words, whose entries are the longest to
        // encode: in parallel, an edit's update keeps within a preview's budget.
        let this = &*self;
        let touched_terms: Vec<u32> = touched_terms.into_iter().collect();
        let touched_pairs: Vec<u64> = touched_pairs.into_iter().collect();
        let encoded: Vec<(String, Option<String>)> = touched_terms
            .par_iter()
            .map(|&t| (this.terms.names[t as usize].clone(), this.encode_term(t)))
            .chain(
                touched_pairs
                    .par_iter()
                    .map(|&p| (this.pair_name(p), this.encode_pair(p))),
            )
            .collect();
        for (name, entry) in encoded {
            let bucket = self.bucket_of(&name);
            if self.take_out(bucket, &name) {
                touched_buckets.insert(bucket);
            }
            if self.big.remove(&name).is_some() {
                touched_big.insert(name.clone());
            }
            if let Some(entry) = entry {
                if entry.len() > self.limits.big_entry_bytes {
                    touched_big.insert(name.clone());
                } else {
                    touched_buckets.insert(bucket);
                }
                self.place(name, entry);
            }
        }
        if self.wanted_bucket_counts() != (self.word_buckets, self.bucket_count) {
            // The entries outgrew their buckets, or shrank to half: every entry moves, as
            // in a build (the totals sit between powers of two, so this is rare).
            return self.rebuild(self.docs.clone());
        }
        let mut changes = Changes::default();
        let mut files: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        for bucket in touched_buckets {
            let bytes = entries_json(self.buckets[bucket as usize].iter());
            files.push((self.bucket_path(bucket), Some(bytes)));
        }
        for term in touched_big {
            let bytes = self.big.get_key_value(&term).map(|e| entries_json([e]));
            files.push((self.big_path(&term), bytes));
        }
        files.push((self.doc_path(doc), self.fragment(doc as usize)));
        for (path, bytes) in files {
            match bytes {
                Some(bytes) => {
                    self.hashes
                        .insert(path.clone(), codec::content_hash(&bytes));
                    changes.write.push((path, bytes));
                }
                None => {
                    self.hashes.remove(&path);
                    changes.remove.push(path);
                }
            }
        }
        changes.write.push((self.manifest_path(), self.manifest()));
        changes
    }

    /// Takes out the document at `url`; the index is built again (ids shift).
    pub fn remove(&mut self, url: &str) -> Changes {
        let documents: Vec<Document> = self.docs.iter().filter(|d| d.url != url).cloned().collect();
        self.rebuild(documents)
    }

    /// Builds the index again from `documents` (when pages came or went, ids shift) and
    /// returns only the files whose bytes changed, and those no longer made.
    pub fn rebuild(&mut self, documents: Vec<Document>) -> Changes {
        let old = std::mem::take(&mut self.hashes);
        let (index, files) = Index::build_keeping(documents, &self.lang, self.limits, true);
        *self = index;
        // The manifest is not among the hashed files (its version is made from them).
        let mut write: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .filter(|(path, _)| old.get(path) != self.hashes.get(path))
            .collect();
        write.push((self.manifest_path(), self.manifest()));
        write.sort_by(|a, b| a.0.cmp(&b.0));
        let remove = old
            .into_keys()
            .filter(|p| !self.hashes.contains_key(p))
            .collect();
        Changes { write, remove }
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    /// The document at `url`, if the index has it.
    pub fn document(&self, url: &str) -> Option<&Document> {
        let &doc = self.by_url.get(url)?;
        self.docs.get(doc as usize)
    }
}

/// A pair's name is its two words with a space between; a word has no space.
fn is_pair(name: &str) -> bool {
    name.contains(' ')
}

/// What an entry adds to its bucket's file: `"name":entry,`.
fn held_bytes(name: &str, entry: &str) -> usize {
    name.len() + entry.len() + 4
}

/// The weight of a term in a document, in one digit: bits 0–4 the term's count saturated
/// against the document's length (BM25's shape, with a fixed reference length so that an
/// entry depends only on its own documents), bit 5 set when the term is in the title.
pub fn impact(count: u32, in_title: bool, length: u32) -> u8 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    const REFERENCE_LENGTH: f64 = 400.0;
    let count = f64::from(count);
    let norm = 1.0 - B + B * f64::from(length) / REFERENCE_LENGTH;
    let saturated = count / (count + K1 * norm);
    let q = (saturated * 31.0).ceil().clamp(1.0, 31.0) as u8;
    q | (u8::from(in_title) << 5)
}

fn encode_term(postings: &[Posting], variants: &[String], n: u32, head_size: usize) -> String {
    let docs: Vec<u32> = postings.iter().map(|p| p.doc).collect();
    let mut out = String::with_capacity(64);
    out.push_str(&format!("{{\"n\":{},\"m\":\"", postings.len()));
    out.push_str(&encode_set(&docs, n));
    out.push_str("\",\"h\":\"");
    let (head, floor) = head_of(postings.iter(), head_size);
    out.push_str(&head);
    out.push('"');
    if let Some(floor) = floor {
        out.push_str(&format!(",\"f\":{floor}"));
    }
    // Spellings used, sorted by key, so the output does not depend on the order seen.
    let used = postings.iter().fold(0, |m, p| m | p.variants);
    let mut live: Vec<(usize, &str)> = variants
        .iter()
        .enumerate()
        .filter(|(bit, _)| used & (1 << bit) != 0)
        .map(|(bit, k)| (bit, k.as_str()))
        .collect();
    live.sort_by(|a, b| a.1.cmp(b.1));
    out.push_str(",\"v\":[");
    for (i, (bit, key)) in live.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let key = serde_json::to_string(key).unwrap_or_default();
        if live.len() == 1 {
            out.push_str(&key);
        } else {
            let (head, _) = head_of(
                postings.iter().filter(|p| p.variants & (1 << bit) != 0),
                head_size,
            );
            out.push_str(&format!("[{key},\"{head}\"]"));
        }
    }
    out.push_str("]}");
    out
}

/// The `HEAD` postings of highest impact, by document (gap, impact digit), and the highest
/// impact left out.
fn head_of<'a>(
    postings: impl Iterator<Item = &'a Posting>,
    head_size: usize,
) -> (String, Option<u8>) {
    let mut all: Vec<&Posting> = postings.collect();
    // The best `head_size` by impact (then document) and the impact of the next one,
    // without sorting the rest.
    let mut floor = None;
    if all.len() > head_size {
        let (_, next, _) = all.select_nth_unstable_by(head_size, |a, b| {
            b.impact.cmp(&a.impact).then(a.doc.cmp(&b.doc))
        });
        floor = Some(next.impact);
        all.truncate(head_size);
    }
    all.sort_unstable_by_key(|p| p.doc);
    let mut out = String::with_capacity(all.len() * 3);
    let mut previous: Option<u32> = None;
    for p in all {
        push_varint(&mut out, previous.map_or(p.doc, |prev| p.doc - prev - 1));
        out.push(digit(u32::from(p.impact)));
        previous = Some(p.doc);
    }
    (out, floor)
}

fn entries_json<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.push(b'{');
    for (i, (term, entry)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Writing to a `Vec` cannot fail.
        let _ = serde_json::to_writer(&mut out, term);
        out.push(b':');
        out.extend_from_slice(entry.as_bytes());
    }
    out.push(b'}');
    out
}

/// `(value, run length)` varint pairs.
fn run_lengths(values: impl Iterator<Item = u32>) -> String {
    let mut out = String::new();
    let mut current: Option<(u32, u32)> = None;
    for v in values {
        current = match current {
            Some((value, run)) if value == v => Some((value, run + 1)),
            Some((value, run)) => {
                push_varint(&mut out, value);
                push_varint(&mut out, run);
                Some((v, 1))
            }
            None => Some((v, 1)),
        };
    }
    if let Some((value, run)) = current {
        push_varint(&mut out, value);
        push_varint(&mut out, run);
    }
    out
}

/// `made(pair, documents)` of every pair, from each document's sequence of parts (given in
/// document order; see `pairs`); the documents of a pair are in order and unique. Pairs
/// are grouped by their first term with a counting sort, which keeps document order, a
/// range of first terms at a time (so that only a range's pairs are copied at once, two
/// ranges in parallel); then each first term's run is put in order of second term by a
/// stable radix sort, which leaves each pair's documents in order, so that no comparison
/// sort is needed.
fn group_pairs<T: Send>(
    documents: &[Vec<u16>],
    terms: usize,
    made: impl Fn(u64, Vec<u32>) -> Option<T> + Sync,
) -> Vec<T> {
    // Each range reads every page's sequence again. Four ranges (a quarter of the pairs
    // each, 21 MB at 10,000 pages) take 340 ms on one core where eight took 390 ms; the
    // grouping runs as the pages' HTML is freed, well below the build's peak memory.
    const RANGES: usize = 4;
    // Counted on every thread, a part of the documents each: the pages have often rendered
    // by now, and the other core would wait.
    let per_part = documents
        .len()
        .div_ceil(rayon::current_num_threads())
        .max(1);
    let counts = documents
        .par_chunks(per_part)
        .map(|sequences| {
            let mut counts = vec![0usize; terms];
            for sequence in sequences {
                for pair in pairs(sequence) {
                    counts[(pair >> 32) as usize] += 1;
                }
            }
            counts
        })
        .reduce_with(|mut all, part| {
            for (all, part) in all.iter_mut().zip(part) {
                *all += part;
            }
            all
        })
        .unwrap_or_else(|| vec![0; terms]);
    // Bytes of the largest term id: the passes of the radix sort.
    let passes = (u32::BITS - (terms.max(1) as u32 - 1).leading_zeros()).div_ceil(8);
    // Ranges of first terms holding about as many pairs each (the most common words,
    // which hold the most pairs, have the smallest ids).
    let total: usize = counts.iter().sum();
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(RANGES);
    let (mut lo, mut sum) = (0, 0);
    for (term, &count) in counts.iter().enumerate() {
        sum += count;
        if sum * RANGES >= total * (ranges.len() + 1) && ranges.len() + 1 < RANGES {
            ranges.push((lo, term + 1));
            lo = term + 1;
        }
    }
    ranges.push((lo, terms));
    let grouped: Vec<Vec<T>> = ranges
        .into_par_iter()
        .map(|(lo, hi)| {
            let mut next = Vec::with_capacity(hi - lo);
            let mut total = 0;
            for &count in &counts[lo..hi] {
                next.push(total);
                total += count;
            }
            let mut placed = vec![0u64; total];
            for (doc, sequence) in documents.iter().enumerate() {
                for pair in pairs(sequence) {
                    let first = (pair >> 32) as usize;
                    if (lo..hi).contains(&first) {
                        let slot = &mut next[first - lo];
                        placed[*slot] = (pair << 32) | doc as u64;
                        *slot += 1;
                    }
                }
            }
            let mut runs: Vec<(u64, &mut [u64])> = Vec::new();
            let mut rest = placed.as_mut_slice();
            for (first, &count) in (lo..).zip(&counts[lo..hi]) {
                let (run, tail) = rest.split_at_mut(count);
                rest = tail;
                if !run.is_empty() {
                    runs.push((first as u64, run));
                }
            }
            runs.into_par_iter()
                .flat_map_iter(|(first, run)| {
                    sort_by_high_half(run, passes);
                    run.chunk_by(|a, b| a >> 32 == b >> 32)
                        .filter_map(|same| {
                            let pair = (first << 32) | (same[0] >> 32);
                            let mut docs: Vec<u32> = same.iter().map(|&x| x as u32).collect();
                            docs.dedup();
                            made(pair, docs)
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        })
        .collect();
    grouped.into_iter().flatten().collect()
}

/// Sorts values by their high 32 bits (of which only the low `passes` bytes are used),
/// keeping the order of equal ones: a least-significant-digit radix sort, a byte a pass.
fn sort_by_high_half(values: &mut [u64], passes: u32) {
    if values.len() <= 64 {
        // Equal high halves are already in order of their low halves here, so a plain
        // sort gives the same order.
        values.sort_unstable();
        return;
    }
    let mut scratch = vec![0u64; values.len()];
    let mut in_scratch = false;
    for pass in 0..passes {
        let shift = 32 + 8 * pass;
        let (from, to): (&[u64], &mut [u64]) = if in_scratch {
            (&scratch, values)
        } else {
            (values, &mut scratch)
        };
        let mut starts = [0usize; 256];
        for &v in from {
            starts[((v >> shift) & 0xff) as usize] += 1;
        }
        if starts.contains(&from.len()) {
            continue;
        }
        let mut total = 0;
        for start in &mut starts {
            (*start, total) = (total, total + *start);
        }
        for &v in from {
            let slot = &mut starts[((v >> shift) & 0xff) as usize];
            to[*slot] = v;
            *slot += 1;
        }
        in_scratch = !in_scratch;
    }
    if in_scratch {
        values.copy_from_slice(&scratch);
    }
}

/// Tokenises a document, title then text with a break between them, into its terms and
/// pairs (shared ids) and its excerpt.
fn analyse(document: &Document, shared: &SharedVocab) -> (DocTerms, String) {
    let mut cache = shared.take_cache();
    if cache.page == u32::MAX {
        cache = SpellingCache::default();
    }
    cache.page += 1;
    let analysed = analyse_with(document, shared, &mut cache);
    shared.put_back(cache);
    analysed
}

fn analyse_with(
    document: &Document,
    shared: &SharedVocab,
    cache: &mut SpellingCache,
) -> (DocTerms, String) {
    let mut page = PageWords::new(document.text.len(), shared, cache);
    for (text, in_title) in [
        (document.title.as_str(), true),
        (document.text.as_str(), false),
    ] {
        page.sequence.push(BREAK);
        fold::compounds(text, |compound| page.compound(compound, in_title));
    }
    let excerpt = excerpt(&document.text, &page.vocab, &page.tokens);
    let PageWords {
        vocab,
        sequence,
        length,
        ..
    } = page;
    let terms: Vec<(u32, u8, Spellings)> = vocab
        .iter()
        .map(|t| (t.shared, impact(t.count, t.in_title, length), t.variants))
        .collect();
    let mut packed = Vec::with_capacity(sequence.len());
    for &part in &sequence {
        let shared = if part == BREAK {
            BREAK
        } else {
            vocab[part as usize].shared
        };
        pack_part(&mut packed, shared);
    }
    packed.shrink_to_fit();
    (
        DocTerms {
            terms,
            sequence: packed,
        },
        excerpt,
    )
}

/// The words of one page as they are tokenised: its own vocabulary (local ids), the
/// sequence of parts (local ids and breaks) for pairs, and the words an excerpt may use.
struct PageWords<'t, 'c> {
    shared: &'c SharedVocab,
    cache: &'c mut SpellingCache,
    /// The page's own spellings -> (local id, spelling bit), or `None` for a run too long
    /// to be a word: most words repeat within a page, and this is their one lookup.
    local_of: WordMap<Option<(u32, Option<u8>)>>,
    vocab: Vec<LocalTerm>,
    topic: Vec<bool>,
    sequence: Vec<u32>,
    /// (byte offset in the text, local id) of the words the excerpt may pick from: the
    /// topic words of the text's start.
    tokens: Vec<(u32, u32)>,
    /// The parts of the compound being read, to index it joined as well.
    parts: Vec<&'t str>,
    length: u32,
}

impl<'t, 'c> PageWords<'t, 'c> {
    fn new(text_len: usize, shared: &'c SharedVocab, cache: &'c mut SpellingCache) -> Self {
        // Sized for the distinct words of a page of this length, so it rarely grows.
        let distinct = text_len / 16 + 16;
        PageWords {
            shared,
            cache,
            local_of: WordMap::with_capacity(distinct),
            vocab: Vec::new(),
            topic: Vec::new(),
            sequence: Vec::with_capacity(text_len / 6),
            tokens: Vec::new(),
            parts: Vec::new(),
            length: 0,
        }
    }

    fn compound(&mut self, compound: fold::Compound<'t>, in_title: bool) {
        if compound.break_before {
            self.sequence.push(BREAK);
        }
        if compound.single {
            self.part(compound.start, compound.text, in_title);
            return;
        }
        self.parts.clear();
        let mut joinable = true;
        fold::parts(compound.text, |offset, part| {
            joinable &= self.part(compound.start + offset, part, in_title);
            self.parts.push(part);
        });
        if joinable && (2..=MAX_JOINED_PARTS).contains(&self.parts.len()) {
            let (mut joined, mut joined_key) = (String::new(), String::new());
            for part in &self.parts {
                fold::fold_into(part, &mut joined, &mut joined_key);
            }
            if joined.chars().count() <= MAX_TERM_CHARS {
                let (id, bit) = self.shared.intern(&joined, &joined_key);
                let known = (id, bit, is_topic(&joined));
                let local = self.cache.local_id(&mut self.vocab, &mut self.topic, known);
                self.count(local, bit, in_title);
            }
        }
    }

    /// Adds one part at byte `start` of the text; false when it is too long to be a word.
    fn part(&mut self, start: usize, part: &'t str, in_title: bool) -> bool {
        // Most words repeat within a page and are found here; the first use of a spelling (a
        // third of a page's words) asks the thread's cache, or folds it, and is added.
        let key = WordKey::of(part);
        let found = match self.local_of.get(key) {
            Some(&found) => found,
            None => {
                let found = self.cache.know(self.shared, key).map(|known| {
                    let local = self.cache.local_id(&mut self.vocab, &mut self.topic, known);
                    (local, known.1)
                });
                self.local_of.insert(key, found);
                found
            }
        };
        let Some((local, bit)) = found else {
            self.sequence.push(BREAK);
            return false;
        };
        self.count(local, bit, in_title);
        self.sequence.push(local);
        self.length += 1;
        if !in_title && start < EXCERPT_SCAN_BYTES && self.topic[local as usize] {
            self.tokens.push((start as u32, local));
        }
        true
    }

    fn count(&mut self, local: u32, bit: Option<u8>, in_title: bool) {
        let term = &mut self.vocab[local as usize];
        term.in_title |= in_title;
        term.count += 1;
        if let Some(bit) = bit {
            term.variants |= 1 << bit;
        }
    }
}

impl SpellingCache {
    /// The shared id, spelling bit and topic flag of a spelling, from the cache or by
    /// folding it once.
    fn know(&mut self, shared: &SharedVocab, word: WordKey<'_>) -> Option<Known> {
        if let Some(&known) = self.seen.get(word) {
            return Some(known);
        }
        let raw = word.text();
        let (mut folded, mut key) = (String::new(), String::new());
        let fits = fold::fold_into(raw, &mut folded, &mut key);
        let known = (fits && !folded.is_empty()).then(|| {
            let (id, bit) = shared.intern(&folded, &key);
            (id, bit, is_topic(&folded))
        })?;
        self.seen.insert(word, known);
        Some(known)
    }

    /// The page's local id of a term, adding the term to the page's vocabulary (`vocab` and
    /// `topic`, by local id).
    fn local_id(
        &mut self,
        vocab: &mut Vec<LocalTerm>,
        topic: &mut Vec<bool>,
        (id, _, is_topic): Known,
    ) -> u32 {
        if self.locals.len() <= id as usize {
            let grown = (id as usize + 1).max(self.locals.len() * 2);
            self.locals.resize(grown, (0, 0));
        }
        let slot = &mut self.locals[id as usize];
        if slot.0 != self.page {
            vocab.push(LocalTerm {
                shared: id,
                count: 0,
                in_title: false,
                variants: 0,
            });
            topic.push(is_topic);
            *slot = (self.page, (vocab.len() - 1) as u32);
        }
        slot.1
    }
}

/// Whether a folded word can say what a page is about (for excerpts).
fn is_topic(folded: &str) -> bool {
    folded.len() >= 2 && !STOP_WORDS.contains(&folded)
}

/// Common words that say nothing about what a page is about (folded).
const STOP_WORDS: &[&str] = &[
    "va", "cua", "cac", "co", "duoc", "cho", "trong", "la", "voi", "nhung", "mot", "nay", "da",
    "de", "tu", "theo", "ve", "tren", "tai", "khi", "khong", "se", "dang", "cung", "nhu", "thi",
    "ma", "nen", "hoac", "bi", "do", "den", "ra", "vao", "lai", "the", "a", "an", "of", "to",
    "and", "in", "for", "with", "on", "by", "from", "as", "at", "that", "this", "is", "are", "be",
    "or", "it", "which", "each",
];

/// How many characters of an excerpt the start of the page takes.
const LEAD_CHARS: usize = EXCERPT_CHARS * 2 / 5;
/// The most of any later sentence an excerpt shows.
const SENTENCE_CHARS: usize = 160;

/// The text shown under a result, from which the browser cuts a snippet around the words
/// found: the start of the page, then the sentences that best cover the words the page
/// repeats (its topics), in page order, up to `EXCERPT_CHARS` characters.
///
/// `tokens` are the topic words of the text's start, as (byte offset, local id), in text
/// order.
#[inline(never)]
fn excerpt(text: &str, vocab: &[LocalTerm], tokens: &[(u32, u32)]) -> String {
    let sentences = sentences(scanned_start(text));
    let mut picked = Picked::opening(&sentences);
    let first_later = picked.pieces.len();
    let candidates = Candidates::new(&sentences, first_later, vocab, tokens);
    picked.cover_topics(&sentences, &candidates, vocab.len());
    picked.join(&sentences)
}

/// The start of `text` that excerpts look into: `EXCERPT_SCAN_BYTES`, back to a character.
fn scanned_start(text: &str) -> &str {
    let mut end = text.len().min(EXCERPT_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A sentence, trimmed, with its byte range in the text.
struct Sentence<'t> {
    text: &'t str,
    from: usize,
    to: usize,
}

/// The sentences of `scanned` that are not blank: a line break ends one, and `.!?;` do
/// when white space (or the end of the text) follows.
fn sentences(scanned: &str) -> Vec<Sentence<'_>> {
    // Found with `memchr` (vectorised) as this runs over the start of every page.
    let bytes = scanned.as_bytes();
    let mut ends: Vec<usize> = memchr::memchr3_iter(b'\n', b'.', b'?', bytes)
        .chain(memchr::memchr2_iter(b'!', b';', bytes))
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()))
        .map(|i| i + 1)
        .collect();
    ends.sort_unstable();
    ends.push(scanned.len());
    let mut sentences = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        let s = &scanned[start..end];
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            let from = start + s.len() - s.trim_start().len();
            sentences.push(Sentence {
                text: trimmed,
                from,
                to: from + trimmed.len(),
            });
        }
        start = end;
    }
    sentences
}

/// The pieces of sentences an excerpt shows, as (sentence index, piece), and about how
/// many characters they take with what joins them.
struct Picked {
    pieces: Vec<(usize, String)>,
    used: usize,
}

impl Picked {
    /// The first sentences, until they fill `LEAD_CHARS`; the last may be cut.
    fn opening(sentences: &[Sentence<'_>]) -> Picked {
        let mut picked = Picked {
            pieces: Vec::new(),
            used: 0,
        };
        while picked.pieces.len() < sentences.len() && picked.used < LEAD_CHARS {
            let i = picked.pieces.len();
            let piece = cut(
                sentences[i].text,
                LEAD_CHARS - picked.used + SENTENCE_CHARS / 4,
            );
            picked.used += piece.chars().count() + 1;
            picked.pieces.push((i, piece.to_string()));
        }
        picked
    }

    /// Adds, while there is room, the candidate covering the most topic words not covered
    /// yet; stops when none covers any.
    fn cover_topics(&mut self, sentences: &[Sentence<'_>], candidates: &Candidates, terms: usize) {
        let mut taken = vec![false; candidates.sentences.len()];
        let mut covered = vec![false; terms];
        while self.used + 20 < EXCERPT_CHARS {
            let Some(c) = candidates.best(&taken, &covered) else {
                break;
            };
            taken[c] = true;
            for t in candidates.words_of(c) {
                covered[t.0 as usize] = true;
            }
            let i = candidates.sentences[c];
            let piece = cut(
                sentences[i].text,
                SENTENCE_CHARS.min(EXCERPT_CHARS - self.used),
            );
            if piece.chars().count() < 20 || self.pieces.iter().any(|(_, p)| p == piece) {
                continue;
            }
            self.used += piece.chars().count() + 3;
            self.pieces.push((i, piece.to_string()));
        }
    }

    /// The pieces in page order: neighbouring whole sentences joined by a space, a gap
    /// shown as ` … `, and a cut sentence ended with ` …`.
    fn join(mut self, sentences: &[Sentence<'_>]) -> String {
        self.pieces.sort_by_key(|c| c.0);
        let mut out = String::with_capacity(self.used + 8);
        let mut previous: Option<usize> = None;
        for (i, piece) in self.pieces {
            match previous {
                Some(p) if p + 1 == i => out.push(' '),
                _ if out.is_empty() || out.ends_with('…') => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                }
                _ => out.push_str(" … "),
            }
            let whole = piece.len() == sentences[i].text.len();
            out.push_str(&piece);
            if !whole {
                out.push_str(" …");
            }
            previous = Some(i).filter(|_| whole);
        }
        out
    }
}

/// The sentences after the opening that an excerpt may add, with the topic words of each
/// (within its first `SENTENCE_CHARS` characters, once each, common words left out) and
/// how often the page repeats each (capped). Candidate `c`'s words are
/// `words[ends[c - 1]..ends[c]]`, all in one vector.
struct Candidates {
    /// The sentence index of each candidate.
    sentences: Vec<usize>,
    ends: Vec<usize>,
    /// (local term id, weight).
    words: Vec<(u32, u32)>,
}

impl Candidates {
    /// `first` is the first sentence after the opening; `tokens` are the page's topic words
    /// as (byte offset, local id), in text order.
    fn new(
        sentences: &[Sentence<'_>],
        first: usize,
        vocab: &[LocalTerm],
        tokens: &[(u32, u32)],
    ) -> Candidates {
        let mut candidates = Candidates {
            sentences: Vec::with_capacity(sentences.len()),
            ends: Vec::with_capacity(sentences.len()),
            words: Vec::with_capacity(tokens.len()),
        };
        // The last candidate each term was added to (+1), to add it once per sentence.
        let mut last_in = vec![0u32; vocab.len()];
        let mut t = 0;
        for (i, sentence) in sentences.iter().enumerate() {
            let limit = sentence.from + cut(sentence.text, SENTENCE_CHARS).len();
            let candidate = candidates.sentences.len() as u32 + 1;
            while t < tokens.len() && (tokens[t].0 as usize) < sentence.to {
                let (at, id) = tokens[t];
                t += 1;
                let at = at as usize;
                if i < first || at < sentence.from || at >= limit {
                    continue;
                }
                if last_in[id as usize] == candidate {
                    continue;
                }
                last_in[id as usize] = candidate;
                let weight = vocab[id as usize].count.saturating_sub(1).min(2);
                candidates.words.push((id, weight));
            }
            if i >= first {
                candidates.sentences.push(i);
                candidates.ends.push(candidates.words.len());
            }
        }
        candidates
    }

    fn words_of(&self, c: usize) -> &[(u32, u32)] {
        let start = if c == 0 { 0 } else { self.ends[c - 1] };
        &self.words[start..self.ends[c]]
    }

    /// The candidate not taken whose words not covered weigh most (the earliest among
    /// equals), unless none weighs anything.
    fn best(&self, taken: &[bool], covered: &[bool]) -> Option<usize> {
        (0..self.sentences.len())
            .filter(|&c| !taken[c])
            .map(|c| {
                let score: u32 = self
                    .words_of(c)
                    .iter()
                    .filter(|t| !covered[t.0 as usize])
                    .map(|t| t.1)
                    .sum();
                (score, c)
            })
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .filter(|&(score, _)| score > 0)
            .map(|(_, c)| c)
    }
}

/// At most `max` characters of `text`, cut after a whole word when it is longer.
fn cut(text: &str, max: usize) -> &str {
    // No more bytes than `max` is no more characters either.
    if text.len() <= max {
        return text;
    }
    match text.char_indices().nth(max) {
        None => text,
        Some((end, _)) => {
            let head = &text[..end];
            match head.rfind(char::is_whitespace) {
                Some(space) if space > end / 2 => head[..space].trim_end(),
                _ => head,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_share_a_key_only_when_they_are_the_same_text() {
        // Every length up to and past 16 bytes, words that differ in one byte anywhere
        // (first, middle, last), and Vietnamese letters of two and three bytes.
        let mut parts: Vec<String> = Vec::new();
        for len in 1..=20 {
            let base: String = "abcdefghijklmnopqrstu".chars().take(len).collect();
            parts.push(base.clone());
            for at in [0, len / 2, len - 1] {
                let mut bytes = base.clone().into_bytes();
                bytes[at] = b'z';
                parts.push(String::from_utf8(bytes).unwrap());
            }
        }
        parts.extend(
            [
                "đ",
                "d",
                "đổi",
                "dõi",
                "nghiêng",
                "nghiệng",
                "chuyển",
                "chuyên",
                "thủy",
                "thuỷ",
            ]
            .map(String::from),
        );
        parts.sort();
        parts.dedup();
        let mut map = WordMap::default();
        for (i, part) in parts.iter().enumerate() {
            assert!(
                map.get(WordKey::of(part)).is_none(),
                "{part} met a key already taken"
            );
            map.insert(WordKey::of(part), i);
        }
        for (i, part) in parts.iter().enumerate() {
            assert_eq!(map.get(WordKey::of(part)), Some(&i), "{part}");
            assert_eq!(WordKey::of(part).text(), part);
        }
        assert!(matches!(
            WordKey::of("abcdefghijklmnop"),
            WordKey::Short(..)
        ));
        assert!(matches!(
            WordKey::of("abcdefghijklmnopq"),
            WordKey::Long(..)
        ));
    }

    #[test]
    fn packed_sequences_give_back_their_parts_and_pairs() {
        let parts = [
            BREAK,
            0,
            1,
            0x7ffe,
            0x7fff,
            BREAK,
            70_000,
            5,
            0x7fff_fffe,
            3,
        ];
        let mut packed = Vec::new();
        for &part in &parts {
            pack_part(&mut packed, part);
        }
        let unpacked: Vec<u32> = unpacked_parts(&packed)
            .map(|part| part.unwrap_or(BREAK))
            .collect();
        assert_eq!(unpacked, parts);
        let pair = |a: u64, b: u64| (a << 32) | b;
        assert_eq!(
            pairs(&packed).collect::<Vec<_>>(),
            [
                pair(0, 1),
                pair(1, 0x7ffe),
                pair(0x7ffe, 0x7fff),
                pair(70_000, 5),
                pair(5, 0x7fff_fffe),
                pair(0x7fff_fffe, 3)
            ]
        );
    }
}
