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

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use super::codec::{self, FxMap, digit, encode_set, fnv1a, fnv1a64, push_varint};
use super::fold::{self, MAX_JOINED_PARTS, MAX_TERM_CHARS};
use super::{BIG_ENTRY_BYTES, DOCS_PER_BUCKET, Document, EXCERPT_CHARS, HEAD, Kind};

/// How far into a page's text the excerpt looks for sentences.
const EXCERPT_SCAN_BYTES: usize = 8000;

/// The sizes that shape the files (the defaults are the crate's constants; tests shrink
/// them to reach every case on a small corpus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub head: usize,
    pub big_entry_bytes: usize,
    pub docs_per_bucket: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            head: HEAD,
            big_entry_bytes: BIG_ENTRY_BYTES,
            docs_per_bucket: DOCS_PER_BUCKET,
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

/// A document tokenised on its own, before its terms get global ids.
struct Analysed {
    /// Local terms: folded form, count, in the title, exact keys.
    vocab: Vec<LocalTerm>,
    /// Local ids of the parts in order, `BREAK` between phrases.
    sequence: Vec<u32>,
    /// Number of parts.
    length: u32,
    excerpt: String,
}

struct LocalTerm {
    folded: String,
    count: u32,
    in_title: bool,
    keys: Vec<String>,
}

/// The index of one language, kept in memory so that a changed page updates only its part.
#[derive(Clone, Debug)]
pub struct Index {
    lang: String,
    limits: Limits,
    docs: Vec<Document>,
    by_url: FxMap<String, u32>,
    excerpts: Vec<String>,
    doc_terms: Vec<DocTerms>,
    terms: Interner,
    keys: Interner,
    /// Per term id: its spellings (key ids), in the order first seen.
    variants: Vec<Vec<u32>>,
    postings: Vec<Vec<Posting>>,
    pairs: FxMap<u64, Vec<u32>>,
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
        let analysed: Vec<Analysed> = documents.par_iter().map(analyse).collect();
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
            doc_terms: Vec::with_capacity(n),
            terms: Interner::default(),
            keys: Interner::default(),
            variants: Vec::new(),
            postings: Vec::new(),
            pairs: FxMap::default(),
            bucket_count: bucket_count(n, limits.docs_per_bucket),
            buckets: Vec::new(),
            big: BTreeMap::new(),
            hashes: BTreeMap::new(),
        };
        for (doc, analysed) in analysed.into_iter().enumerate() {
            let (terms, excerpt) = index.intern(analysed);
            for &(term, impact, variants) in &terms.terms {
                index.postings[term as usize].push(Posting {
                    doc: doc as u32,
                    impact,
                    variants,
                });
            }
            index.doc_terms.push(terms);
            index.excerpts.push(excerpt);
        }
        index.pairs = group_pairs(&index.doc_terms);
        index.encode_all();
        index
    }

    /// Gives a document's terms global ids (interning new terms and spellings).
    fn intern(&mut self, analysed: Analysed) -> (DocTerms, String) {
        let local_ids: Vec<u32> = analysed
            .vocab
            .iter()
            .map(|t| {
                let id = self.terms.intern(&t.folded);
                if id as usize == self.postings.len() {
                    self.postings.push(Vec::new());
                    self.variants.push(Vec::new());
                }
                id
            })
            .collect();
        let mut terms: Vec<(u32, u8, u64)> = analysed
            .vocab
            .iter()
            .zip(&local_ids)
            .map(|(t, &id)| {
                let mut mask = 0u64;
                for key in &t.keys {
                    let key_id = self.keys.intern(key);
                    let table = &mut self.variants[id as usize];
                    let bit = match table.iter().position(|&k| k == key_id) {
                        Some(bit) => Some(bit),
                        None if table.len() < MAX_VARIANTS => {
                            table.push(key_id);
                            Some(table.len() - 1)
                        }
                        None => None,
                    };
                    if let Some(bit) = bit {
                        mask |= 1 << bit;
                    }
                }
                (id, impact(t.count, t.in_title, analysed.length), mask)
            })
            .collect();
        terms.sort_unstable_by_key(|t| t.0);
        let mut pairs: Vec<u64> = analysed
            .sequence
            .windows(2)
            .filter(|w| w[0] != BREAK && w[1] != BREAK)
            .map(|w| {
                (u64::from(local_ids[w[0] as usize]) << 32) | u64::from(local_ids[w[1] as usize])
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        (DocTerms { terms, pairs }, analysed.excerpt)
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
                &self.keys.names,
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

    fn bucket_of(&self, name: &str) -> u32 {
        fnv1a(name) & (self.bucket_count - 1)
    }

    fn base(&self) -> String {
        format!("search/{}/", self.lang)
    }

    fn bucket_path(&self, bucket: u32) -> String {
        format!("{}idx/{bucket}.json", self.base())
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
        let bucket: u32 = rest
            .strip_prefix("idx/")?
            .strip_suffix(".json")?
            .parse()
            .ok()?;
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
            head: usize,
            kinds: Vec<&'static str>,
            kind: String,
            groups: Vec<&'a str>,
            group: String,
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
            buckets: self.bucket_count,
            head: self.limits.head,
            kinds: Kind::ALL.iter().map(|k| k.as_str()).collect(),
            kind,
            groups,
            group,
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
        let analysed = analyse(&document);
        let (new_terms, excerpt) = self.intern(analysed);
        let old_terms = std::mem::take(&mut self.doc_terms[doc as usize]);
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
        self.doc_terms[doc as usize] = new_terms;

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

    fn rebuild(&mut self, documents: Vec<Document>) -> Changes {
        let old: BTreeSet<String> = self.hashes.keys().cloned().collect();
        *self = Index::build_with(documents, &self.lang.clone(), self.limits);
        let write = self.files();
        let remove = old
            .into_iter()
            .filter(|p| !self.hashes.contains_key(p))
            .collect();
        Changes { write, remove }
    }

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }
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

fn encode_term(
    postings: &[Posting],
    variants: &[u32],
    key_names: &[String],
    n: u32,
    head_size: usize,
) -> String {
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
        .map(|(bit, &k)| (bit, key_names[k as usize].as_str()))
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

/// Documents of every pair: chunks of documents grouped in parallel into partitions by
/// the pair's hash, then each partition's chunks merged in document order.
fn group_pairs(doc_terms: &[DocTerms]) -> FxMap<u64, Vec<u32>> {
    const PARTS: usize = 16;
    const CHUNK: usize = 512;
    let part_of = |pair: u64| (pair.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 60) as usize % PARTS;
    let chunks: Vec<Vec<FxMap<u64, Vec<u32>>>> = doc_terms
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut maps: Vec<FxMap<u64, Vec<u32>>> = vec![FxMap::default(); PARTS];
            for (i, terms) in chunk.iter().enumerate() {
                let doc = (c * CHUNK + i) as u32;
                for &pair in &terms.pairs {
                    maps[part_of(pair)].entry(pair).or_default().push(doc);
                }
            }
            maps
        })
        .collect();
    let parts: Vec<FxMap<u64, Vec<u32>>> = (0..PARTS)
        .into_par_iter()
        .map(|p| {
            let mut all: FxMap<u64, Vec<u32>> = FxMap::default();
            for chunk in &chunks {
                for (pair, docs) in &chunk[p] {
                    all.entry(*pair).or_default().extend_from_slice(docs);
                }
            }
            all
        })
        .collect();
    let mut all = FxMap::default();
    all.reserve(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        all.extend(part);
    }
    all
}

/// Tokenises a document: title then text, with a break between them. A spelling seen
/// before in the page is looked up rather than folded again.
fn analyse(document: &Document) -> Analysed {
    let mut by_folded: FxMap<String, u32> = FxMap::default();
    let mut by_raw: FxMap<&str, (u32, u32)> = FxMap::default();
    let mut vocab: Vec<LocalTerm> = Vec::new();
    let mut sequence: Vec<u32> = Vec::with_capacity(document.text.len() / 5);
    // (byte offset in the text, local id) of the words the excerpt may pick from.
    let mut tokens: Vec<(u32, u32)> = Vec::new();
    let mut folded = String::new();
    let mut key = String::new();
    let mut joined_folded = String::new();
    let mut joined_key = String::new();
    let mut length = 0u32;
    let add = |folded: &str,
               key: &str,
               vocab: &mut Vec<LocalTerm>,
               by_folded: &mut FxMap<String, u32>|
     -> (u32, u32) {
        let id = match by_folded.get(folded) {
            Some(&id) => id,
            None => {
                let id = vocab.len() as u32;
                by_folded.insert(folded.to_string(), id);
                vocab.push(LocalTerm {
                    folded: folded.to_string(),
                    count: 0,
                    in_title: false,
                    keys: Vec::new(),
                });
                id
            }
        };
        let term = &mut vocab[id as usize];
        let k = match term.keys.iter().position(|k| k == key) {
            Some(k) => k,
            None => {
                term.keys.push(key.to_string());
                term.keys.len() - 1
            }
        };
        (id, k as u32)
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
            joined_folded.clear();
            joined_key.clear();
            let mut parts = 0usize;
            let mut joinable = true;
            fold::parts(compound.text, |offset, part| {
                let found = match by_raw.get(part) {
                    Some(&found) => Some(found),
                    None => {
                        folded.clear();
                        key.clear();
                        if fold::fold_into(part, &mut folded, &mut key) && !folded.is_empty() {
                            let found = add(&folded, &key, &mut vocab, &mut by_folded);
                            by_raw.insert(part, found);
                            Some(found)
                        } else {
                            None
                        }
                    }
                };
                let Some((id, k)) = found else {
                    joinable = false;
                    sequence.push(BREAK);
                    return;
                };
                let term = &mut vocab[id as usize];
                term.count += 1;
                term.in_title |= in_title;
                sequence.push(id);
                length += 1;
                parts += 1;
                joined_folded.push_str(&term.folded);
                joined_key.push_str(&term.keys[k as usize]);
                let start = compound.start + offset;
                if !in_title && start < EXCERPT_SCAN_BYTES {
                    tokens.push((start as u32, id));
                }
            });
            if joinable
                && (2..=MAX_JOINED_PARTS).contains(&parts)
                && joined_folded.chars().count() <= MAX_TERM_CHARS
            {
                let (id, _) = add(&joined_folded, &joined_key, &mut vocab, &mut by_folded);
                let term = &mut vocab[id as usize];
                term.count += 1;
                term.in_title |= in_title;
            }
        });
    }
    let excerpt = if std::env::var_os("NOEX").is_some() {
        String::new()
    } else {
        excerpt(&document.text, &vocab, &tokens)
    };
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
fn excerpt(text: &str, vocab: &[LocalTerm], tokens: &[(u32, u32)]) -> String {
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
            let term = &vocab[id as usize];
            if term.folded.len() < 2
                || STOP_WORDS.contains(&term.folded.as_str())
                || terms.iter().any(|t| t.0 == id)
            {
                continue;
            }
            terms.push((id, term.count.saturating_sub(1).min(2)));
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
