//! Building the search index of one language (pure): documents in, files out, and the
//! in-memory index that `serve` keeps to update only what a changed page touches.
//!
//! Build steps: every document is tokenised in parallel (rayon) into its own small
//! vocabulary; the vocabularies are interned into global term ids in document order; each
//! term's postings (document, impact, which spellings) and each pair's documents are
//! grouped; every entry is encoded on its own (in parallel) and placed in a bucket file or,
//! when large, in a file of its own. Nothing depends on the order threads finish in, and
//! an entry depends only on the documents holding its term, so an update re-encodes just
//! the entries of the changed page's terms and rewrites just their files.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use super::codec::{self, FxMap, digit, encode_set, fnv1a, fnv1a64, push_varint};
use super::fold::{self, MAX_JOINED_PARTS, MAX_TERM_CHARS};
use super::{
    BIG_ENTRY_BYTES, DOCS_PER_BUCKET, DOCS_PER_PAIR_BUCKET, Document, EXCERPT_CHARS, HEAD, Kind,
};

/// How far into a page's text the excerpt looks for sentences.
const EXCERPT_SCAN_BYTES: usize = 8000;

/// The sizes that shape the files (the defaults are the crate's constants; tests shrink
/// them to reach every case on a small corpus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub head: usize,
    pub big_entry_bytes: usize,
    /// Documents per bucket of words, and of pairs (each rounded to a power of two).
    pub docs_per_bucket: usize,
    pub docs_per_pair_bucket: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head: HEAD,
            big_entry_bytes: BIG_ENTRY_BYTES,
            docs_per_bucket: DOCS_PER_BUCKET,
            docs_per_pair_bucket: DOCS_PER_PAIR_BUCKET,
        }
    }
}

/// An exact spelling beyond the 64th of one folded term is not told apart.
const MAX_VARIANTS: usize = 64;
const BREAK: u32 = u32::MAX;

/// A document holding a term: its impact (see `impact`) and which of the term's spellings
/// (bits over the term's variant table) it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    doc: u32,
    impact: u8,
    variants: u64,
}

/// What a document adds to the index, kept to take it out again.
#[derive(Clone, Debug, Default)]
struct DocTerms {
    /// (term id, impact, variant mask), sorted by term id.
    terms: Vec<(u32, u8, u64)>,
    /// Pairs of consecutive parts, `(first << 32) | second`, sorted.
    pairs: Vec<u64>,
}

#[derive(Clone, Debug, Default)]
struct Interner {
    ids: FxMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
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
/// folded term -> (shard-local index, spellings). Ids depend on which thread came first,
/// so nothing in the output may depend on them (entries are keyed and sorted by text).
struct SharedVocab {
    shards: Vec<Mutex<Shard>>,
    /// Tells this vocabulary's entries in the threads' caches from an earlier one's.
    generation: u64,
}

/// A spelling as the vocabulary knows it: shared id, spelling bit, whether it is a topic
/// word (for excerpts).
type Known = (u32, Option<u8>, bool);

static GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// Each thread's cache of the spellings it has met (raw text -> `Known`), kept across
    /// documents, so a word is folded and interned once per thread rather than per page.
    static SEEN: RefCell<(u64, FxMap<String, Known>)> = RefCell::new((0, FxMap::default()));
}

/// Folded term -> (index in the shard, spellings in the order first seen).
type Shard = FxMap<String, (u32, Vec<String>)>;

const SHARD_BITS: u32 = 6;
const LOCAL_BITS: u32 = 32 - SHARD_BITS;

impl SharedVocab {
    fn new() -> Self {
        SharedVocab {
            shards: (0..1 << SHARD_BITS)
                .map(|_| Mutex::new(FxMap::default()))
                .collect(),
            generation: GENERATION.fetch_add(1, Ordering::Relaxed) + 1,
        }
    }

    /// The term's shared id (shard, index) and the bit of its spelling `key`.
    fn intern(&self, folded: &str, key: &str) -> (u32, Option<u8>) {
        let shard = (fnv1a(folded) >> (32 - SHARD_BITS)) as usize;
        let mut map = self.shards[shard]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let next = map.len() as u32;
        let slot = match map.get_mut(folded) {
            Some(slot) => slot,
            None => map.entry(folded.to_string()).or_insert((next, Vec::new())),
        };
        let bit = match slot.1.iter().position(|k| k == key) {
            Some(bit) => Some(bit as u8),
            None if slot.1.len() < MAX_VARIANTS => {
                slot.1.push(key.to_string());
                Some((slot.1.len() - 1) as u8)
            }
            None => None,
        };
        (((shard as u32) << LOCAL_BITS) | slot.0, bit)
    }
}

/// A document tokenised, its terms named by shared ids.
struct Analysed {
    /// Local terms: shared id, count, in the title, spellings (bits).
    vocab: Vec<LocalTerm>,
    /// Local ids of the parts in order, `BREAK` between phrases.
    sequence: Vec<u32>,
    /// Number of parts.
    length: u32,
    excerpt: String,
}

struct LocalTerm {
    shared: u32,
    count: u32,
    in_title: bool,
    variants: u64,
}

/// From shared ids to the index's term ids, and from shared spelling bits to its bits.
struct Absorbed {
    offsets: Vec<u32>,
    ids: Vec<u32>,
    bits: Vec<Vec<u8>>,
}

impl Absorbed {
    fn id(&self, shared: u32) -> usize {
        (self.offsets[(shared >> LOCAL_BITS) as usize] + (shared & ((1 << LOCAL_BITS) - 1)))
            as usize
    }

    fn remap(&self, shared: u32, variants: u64) -> (u32, u64) {
        let i = self.id(shared);
        let bits = &self.bits[i];
        let mut mask = 0u64;
        for (bit, &to) in bits.iter().enumerate() {
            if variants & (1 << bit) != 0 && to != u8::MAX {
                mask |= 1 << to;
            }
        }
        (self.ids[i], mask)
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
    /// Encoded entries of small terms, by bucket then term.
    buckets: Vec<BTreeMap<String, String>>,
    /// Encoded entries of terms with a file of their own.
    big: BTreeMap<String, String>,
    /// Hash of every file's bytes but the manifest's, by path: the index's version.
    hashes: BTreeMap<String, u64>,
}

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

    pub fn build_with(mut documents: Vec<Document>, lang: &str, limits: Limits) -> Index {
        documents.sort_by(|a, b| a.url.cmp(&b.url));
        documents.dedup_by(|a, b| a.url == b.url);
        let vocab = SharedVocab::new();
        let analysed: Vec<Analysed> = documents.par_iter().map(|d| analyse(d, &vocab)).collect();
        forget_seen();
        let n = documents.len();
        let mut index = Index {
            lang: lang.to_string(),
            limits,
            by_url: documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.url.clone(), i as u32))
                .collect(),
            docs: documents,
            excerpts: Vec::with_capacity(n),
            terms: Interner::default(),
            variants: Vec::new(),
            postings: Vec::new(),
            pairs: FxMap::default(),
            word_buckets: bucket_count(n, limits.docs_per_bucket),
            bucket_count: bucket_count(n, limits.docs_per_bucket)
                + bucket_count(n, limits.docs_per_pair_bucket),
            buckets: Vec::new(),
            big: BTreeMap::new(),
            hashes: BTreeMap::new(),
        };
        let absorbed = index.absorb(vocab);
        let done: Vec<(DocTerms, String)> = analysed
            .into_par_iter()
            .map(|a| doc_terms(a, &absorbed))
            .collect();
        let mut all_terms = Vec::with_capacity(n);
        for (doc, (terms, excerpt)) in done.into_iter().enumerate() {
            for &(term, impact, variants) in &terms.terms {
                index.postings[term as usize].push(Posting {
                    doc: doc as u32,
                    impact,
                    variants,
                });
            }
            all_terms.push(terms);
            index.excerpts.push(excerpt);
        }
        index.pairs = group_pairs(&all_terms, index.postings.len());
        drop(all_terms);
        index.encode_all();
        index
    }

    /// Gives the shared vocabulary's terms and spellings the index's ids and bits.
    fn absorb(&mut self, vocab: SharedVocab) -> Absorbed {
        let mut absorbed = Absorbed {
            offsets: Vec::with_capacity(vocab.shards.len()),
            ids: Vec::new(),
            bits: Vec::new(),
        };
        for shard in vocab.shards {
            let map = shard
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            absorbed.offsets.push(absorbed.ids.len() as u32);
            let mut slots: Vec<(String, (u32, Vec<String>))> = map.into_iter().collect();
            slots.sort_unstable_by_key(|slot| (slot.1).0);
            for (folded, (_, keys)) in slots {
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
        }
        absorbed
    }

    fn pair_name(&self, pair: u64) -> String {
        format!(
            "{} {}",
            self.terms.names[(pair >> 32) as usize],
            self.terms.names[(pair & 0xffff_ffff) as usize]
        )
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
        let docs = self.pairs.get(&pair)?;
        (!docs.is_empty()).then(|| {
            format!(
                "{{\"n\":{},\"m\":\"{}\"}}",
                docs.len(),
                encode_set(docs, self.docs.len() as u32)
            )
        })
    }

    fn encode_all(&mut self) {
        let terms: Vec<(String, String)> = (0..self.postings.len() as u32)
            .into_par_iter()
            .filter_map(|t| Some((self.terms.names[t as usize].clone(), self.encode_term(t)?)))
            .collect();
        let pair_ids: Vec<u64> = self.pairs.keys().copied().collect();
        let pairs: Vec<(String, String)> = pair_ids
            .into_par_iter()
            .filter_map(|p| Some((self.pair_name(p), self.encode_pair(p)?)))
            .collect();
        self.buckets = vec![BTreeMap::new(); self.bucket_count as usize];
        for (name, entry) in terms.into_iter().chain(pairs) {
            self.place(name, entry);
        }
        let manifest = self.manifest_path();
        self.hashes = self
            .data_files()
            .into_par_iter()
            .filter(|(path, _)| *path != manifest)
            .map(|(path, bytes)| (path, fnv1a64(0, &bytes)))
            .collect();
    }

    fn place(&mut self, name: String, entry: String) {
        if entry.len() > self.limits.big_entry_bytes {
            self.big.insert(name, entry);
        } else {
            let bucket = self.bucket_of(&name);
            self.buckets[bucket as usize].insert(name, entry);
        }
    }

    /// A word's bucket, or a pair's (a name with a space) after the words' buckets.
    fn bucket_of(&self, name: &str) -> u32 {
        if name.contains(' ') {
            let pairs = self.bucket_count - self.word_buckets;
            self.word_buckets + (fnv1a(name) & (pairs - 1))
        } else {
            fnv1a(name) & (self.word_buckets - 1)
        }
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
        forget_seen();
        let absorbed = self.absorb(vocab);
        let (new_terms, excerpt) = doc_terms(analysed, &absorbed);
        let (old_terms, _) = doc_terms(old_analysed, &absorbed);
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
        let encoded: Vec<(String, Option<String>)> = touched_terms
            .iter()
            .map(|&t| (self.terms.names[t as usize].clone(), self.encode_term(t)))
            .chain(
                touched_pairs
                    .iter()
                    .map(|&p| (self.pair_name(p), self.encode_pair(p))),
            )
            .collect();
        for (name, entry) in encoded {
            let bucket = self.bucket_of(&name);
            if self.buckets[bucket as usize].remove(&name).is_some() {
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
                    self.hashes.insert(path.clone(), fnv1a64(0, &bytes));
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
        *self = Index::build_with(documents, &self.lang.clone(), self.limits);
        // The manifest is not among the hashed files (its version is made from them).
        let manifest = self.manifest_path();
        let write = self
            .files()
            .into_iter()
            .filter(|(path, _)| *path == manifest || old.get(path) != self.hashes.get(path))
            .collect();
        let remove = old
            .into_keys()
            .filter(|p| !self.hashes.contains_key(p))
            .collect();
        Changes { write, remove }
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }
}

/// A document's terms with the index's ids, its impacts and its pairs.
fn doc_terms(analysed: Analysed, absorbed: &Absorbed) -> (DocTerms, String) {
    let ids: Vec<(u32, u64)> = analysed
        .vocab
        .iter()
        .map(|t| absorbed.remap(t.shared, t.variants))
        .collect();
    let mut terms: Vec<(u32, u8, u64)> = analysed
        .vocab
        .iter()
        .zip(&ids)
        .map(|(t, &(id, mask))| (id, impact(t.count, t.in_title, analysed.length), mask))
        .collect();
    terms.sort_unstable_by_key(|t| t.0);
    let mut pairs: Vec<u64> = analysed
        .sequence
        .windows(2)
        .filter(|w| w[0] != BREAK && w[1] != BREAK)
        .map(|w| (u64::from(ids[w[0] as usize].0) << 32) | u64::from(ids[w[1] as usize].0))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    (DocTerms { terms, pairs }, analysed.excerpt)
}

/// Buckets for `n` documents: a power of two, so that a page's update keeps it.
fn bucket_count(n: usize, docs_per_bucket: usize) -> u32 {
    (n.div_ceil(docs_per_bucket).max(1) as u32).next_power_of_two()
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
    let used = postings.iter().fold(0u64, |m, p| m | p.variants);
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
    all.sort_by(|a, b| b.impact.cmp(&a.impact).then(a.doc.cmp(&b.doc)));
    let floor = all.get(head_size).map(|p| p.impact);
    all.truncate(head_size);
    all.sort_by_key(|p| p.doc);
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
        out.extend_from_slice(serde_json::to_string(term).unwrap_or_default().as_bytes());
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

/// Documents of every pair, grouped in parallel by ranges of the pair's first term: each
/// document's pairs are sorted, so a range is a slice of them, and documents are visited in
/// order, so each pair's documents come out sorted.
fn group_pairs(doc_terms: &[DocTerms], terms: usize) -> FxMap<u64, Vec<u32>> {
    const PARTS: usize = 32;
    let size = terms.div_ceil(PARTS).max(1);
    let parts: Vec<Vec<(u64, Vec<u32>)>> = (0..PARTS)
        .into_par_iter()
        .map(|p| {
            let (lo, hi) = ((p * size) as u64, ((p + 1) * size) as u64);
            let mut lists: Vec<Vec<(u32, u32)>> = vec![Vec::new(); size];
            for (doc, t) in doc_terms.iter().enumerate() {
                let start = t.pairs.partition_point(|&x| x >> 32 < lo);
                for &pair in &t.pairs[start..] {
                    if pair >> 32 >= hi {
                        break;
                    }
                    lists[((pair >> 32) - lo) as usize].push((pair as u32, doc as u32));
                }
            }
            let mut out = Vec::new();
            for (i, mut list) in lists.into_iter().enumerate() {
                list.sort_by_key(|e| e.0);
                for run in list.chunk_by(|a, b| a.0 == b.0) {
                    let pair = ((lo + i as u64) << 32) | u64::from(run[0].0);
                    out.push((pair, run.iter().map(|e| e.1).collect()));
                }
            }
            out
        })
        .collect();
    let mut all = FxMap::default();
    all.reserve(parts.iter().map(Vec::len).sum());
    for part in parts {
        all.extend(part);
    }
    all
}

/// Tokenises a document: title then text, with a break between them. A spelling seen
/// before in the page is looked up rather than folded again.
fn analyse(document: &Document, shared: &SharedVocab) -> Analysed {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.0 != shared.generation {
            *seen = (shared.generation, FxMap::default());
        }
        analyse_with(document, shared, &mut seen.1)
    })
}

/// Empties the threads' caches of spellings once a build has used them.
fn forget_seen() {
    let clear = || SEEN.with(|seen| *seen.borrow_mut() = (0, FxMap::default()));
    rayon::broadcast(|_| clear());
    clear();
}

fn analyse_with(
    document: &Document,
    shared: &SharedVocab,
    seen: &mut FxMap<String, Known>,
) -> Analysed {
    let mut by_shared: FxMap<u32, u32> = FxMap::default();
    let mut vocab: Vec<LocalTerm> = Vec::new();
    let mut topic: Vec<bool> = Vec::new();
    let mut sequence: Vec<u32> = Vec::with_capacity(document.text.len() / 5);
    // (byte offset in the text, local id) of the words the excerpt may pick from.
    let mut tokens: Vec<(u32, u32)> = Vec::new();
    let mut raw_parts: Vec<&str> = Vec::new();
    let mut length = 0u32;
    let know = |folded: &str, key: &str| -> Known {
        let (id, bit) = shared.intern(folded, key);
        (id, bit, folded.len() >= 2 && !STOP_WORDS.contains(&folded))
    };
    let mut add = |known: Known, in_title: bool, vocab: &mut Vec<LocalTerm>| -> u32 {
        let (id, bit, is_topic) = known;
        let local = *by_shared.entry(id).or_insert_with(|| {
            vocab.push(LocalTerm {
                shared: id,
                count: 0,
                in_title: false,
                variants: 0,
            });
            topic.push(is_topic);
            (vocab.len() - 1) as u32
        });
        let term = &mut vocab[local as usize];
        term.in_title |= in_title;
        term.count += 1;
        if let Some(bit) = bit {
            term.variants |= 1 << bit;
        }
        local
    };
    for (text, in_title) in [
        (document.title.as_str(), true),
        (document.text.as_str(), false),
    ] {
        sequence.push(BREAK);
        fold::compounds(text, |compound| {
            if compound.break_before {
                sequence.push(BREAK);
            }
            raw_parts.clear();
            let mut joinable = true;
            fold::parts(compound.text, |offset, part| {
                let known = match seen.get(part) {
                    Some(&known) => Some(known),
                    None => {
                        let (mut folded, mut key) = (String::new(), String::new());
                        let fits = fold::fold_into(part, &mut folded, &mut key);
                        let known = (fits && !folded.is_empty()).then(|| know(&folded, &key));
                        if let Some(known) = known {
                            seen.insert(part.to_string(), known);
                        }
                        known
                    }
                };
                let Some(known) = known else {
                    joinable = false;
                    sequence.push(BREAK);
                    return;
                };
                let local = add(known, in_title, &mut vocab);
                sequence.push(local);
                length += 1;
                raw_parts.push(part);
                let start = compound.start + offset;
                if !in_title && start < EXCERPT_SCAN_BYTES {
                    tokens.push((start as u32, local));
                }
            });
            if joinable && (2..=MAX_JOINED_PARTS).contains(&raw_parts.len()) {
                let (mut joined, mut joined_key) = (String::new(), String::new());
                for part in &raw_parts {
                    fold::fold_into(part, &mut joined, &mut joined_key);
                }
                if joined.chars().count() <= MAX_TERM_CHARS {
                    add(know(&joined, &joined_key), in_title, &mut vocab);
                }
            }
        });
    }
    let excerpt = excerpt(&document.text, &vocab, &topic, &tokens);
    Analysed {
        vocab,
        sequence,
        length,
        excerpt,
    }
}

/// Common words that say nothing about what a page is about (folded).
const STOP_WORDS: &[&str] = &[
    "va", "cua", "cac", "co", "duoc", "cho", "trong", "la", "voi", "nhung", "mot", "nay", "da",
    "de", "tu", "theo", "ve", "tren", "tai", "khi", "khong", "se", "dang", "cung", "nhu", "thi",
    "ma", "nen", "hoac", "bi", "do", "den", "ra", "vao", "lai", "the", "a", "an", "of", "to",
    "and", "in", "for", "with", "on", "by", "from", "as", "at", "that", "this", "is", "are", "be",
    "or", "it", "which", "each",
];

/// The text shown under a result, from which the browser cuts a snippet around the words
/// found: the start of the page, then the sentences that best cover the words the page
/// repeats (its topics), in page order, up to `EXCERPT_CHARS` characters.
fn excerpt(text: &str, vocab: &[LocalTerm], topic: &[bool], tokens: &[(u32, u32)]) -> String {
    const LEAD: usize = EXCERPT_CHARS * 2 / 5;
    const SENTENCE: usize = 160;
    let mut end = text.len().min(EXCERPT_SCAN_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let scanned = &text[..end];
    // Sentences as byte ranges of the text.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let bytes = scanned.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_of_sentence = b == b'\n'
            || (matches!(b, b'.' | b'!' | b'?' | b';')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if end_of_sentence {
            ranges.push((start, i + 1));
            start = i + 1;
        }
    }
    ranges.push((start, scanned.len()));
    let mut sentences: Vec<&str> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (from, to) in ranges {
        let s = &scanned[from..to];
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            let lead = s.len() - s.trim_start().len();
            sentences.push(trimmed);
            spans.push((from + lead, from + lead + trimmed.len()));
        }
    }
    let mut chosen: Vec<(usize, String)> = Vec::new();
    let mut used = 0;
    let mut first = 0;
    while first < sentences.len() && used < LEAD {
        let piece = cut(sentences[first], LEAD - used + SENTENCE / 4);
        used += piece.chars().count() + 1;
        chosen.push((first, piece.to_string()));
        first += 1;
    }
    // The words of each later sentence (within its first SENTENCE characters), with how
    // often the page repeats them (capped), common words left out.
    let mut candidates: Vec<(usize, Vec<(u32, u32)>)> = Vec::new();
    let mut t = 0;
    for (i, &(from, to)) in spans.iter().enumerate() {
        let limit = from + cut(sentences[i], SENTENCE).len();
        let mut terms: Vec<(u32, u32)> = Vec::new();
        while t < tokens.len() && (tokens[t].0 as usize) < to {
            let (at, id) = tokens[t];
            t += 1;
            let at = at as usize;
            if i < first || at < from || at >= limit {
                continue;
            }
            if !topic[id as usize] || terms.iter().any(|t| t.0 == id) {
                continue;
            }
            terms.push((id, vocab[id as usize].count.saturating_sub(1).min(2)));
        }
        if i >= first {
            candidates.push((i, terms));
        }
    }
    let mut covered = vec![false; vocab.len()];
    while used + 20 < EXCERPT_CHARS {
        let best = candidates
            .iter()
            .enumerate()
            .map(|(c, (_, terms))| {
                let score: u32 = terms
                    .iter()
                    .filter(|t| !covered[t.0 as usize])
                    .map(|t| t.1)
                    .sum();
                (score, c)
            })
            .max_by(|a, b| {
                a.0.cmp(&b.0)
                    .then(candidates[b.1].0.cmp(&candidates[a.1].0))
            });
        let Some((score, c)) = best else { break };
        if score == 0 {
            break;
        }
        let (i, terms) = candidates.swap_remove(c);
        for t in &terms {
            covered[t.0 as usize] = true;
        }
        let piece = cut(sentences[i], SENTENCE.min(EXCERPT_CHARS - used));
        if piece.chars().count() < 20 || chosen.iter().any(|(_, p)| p == piece) {
            continue;
        }
        used += piece.chars().count() + 3;
        chosen.push((i, piece.to_string()));
    }
    chosen.sort_by_key(|c| c.0);
    let mut out = String::with_capacity(used + 8);
    let mut previous: Option<usize> = None;
    for (i, piece) in chosen {
        match previous {
            Some(p) if p + 1 == i => out.push(' '),
            _ if out.is_empty() || out.ends_with('…') => {
                if !out.is_empty() {
                    out.push(' ');
                }
            }
            _ => out.push_str(" … "),
        }
        let whole = piece.len() == sentences[i].len();
        out.push_str(&piece);
        if !whole {
            out.push_str(" …");
        }
        previous = Some(i).filter(|_| whole);
    }
    out
}

/// At most `max` characters of `text`, cut after a whole word when it is longer.
fn cut(text: &str, max: usize) -> &str {
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
