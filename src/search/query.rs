//! Searching the index files as the browser does (pure): `search.js` mirrors this file.
//! The tests use it to check the ranking rules on real index files, and to count the bytes
//! a query fetches.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::codec::{self, Reader, decode_set, fnv1a};
use super::fold::{Term, words};
use super::{EXACT_FACTOR, MAX_QUERY_WORDS, PHRASE_BONUS, TITLE_WEIGHT, WEIGHT_STEP};

/// A word of a query: its parts, and its joined form for a compound (`NV-3.12`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub parts: Vec<Term>,
    pub joined: Option<Term>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// Consecutive parts, `"a b"` folded: all present means the query is a phrase there.
    pub pairs: Vec<String>,
}

/// Parses a query: every word must match (its parts, or its joined form), repeated words
/// count once, and at most `MAX_QUERY_WORDS` words are used.
pub fn parse(text: &str) -> Query {
    let mut query = Query::default();
    let mut sequence: Vec<String> = Vec::new();
    for word in words(text) {
        let word = QueryWord {
            parts: word.parts,
            joined: word.joined,
        };
        sequence.extend(word.parts.iter().map(|p| p.folded.clone()));
        let same = |w: &QueryWord| {
            w.parts
                .iter()
                .map(|p| &p.folded)
                .eq(word.parts.iter().map(|p| &p.folded))
        };
        if !query.words.iter().any(same) && query.words.len() < MAX_QUERY_WORDS {
            query.words.push(word);
        }
    }
    for pair in sequence.windows(2) {
        let name = format!("{} {}", pair[0], pair[1]);
        if !query.pairs.contains(&name) {
            query.pairs.push(name);
        }
    }
    query
}

/// Which kinds and task groups to keep (empty: all).
#[derive(Clone, Debug, Default)]
pub struct Filters {
    pub kinds: Vec<String>,
    pub groups: Vec<String>,
}

/// A term's entry as read from its file.
#[derive(Clone, Debug, Default)]
struct Entry {
    df: u32,
    docs: Vec<u32>,
    head: HashMap<u32, u8>,
    floor: Option<u8>,
    /// Spellings with their heads (`None` when the term has one spelling).
    variants: Vec<(String, Option<HashMap<u32, u8>>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Every document matching, filters applied.
    pub count: usize,
    pub hits: Vec<Hit>,
}

/// Reads the index of one language through `fetch` (path under the output folder ->
/// bytes), remembering what it fetched.
pub struct Searcher<F: FnMut(&str) -> Option<Vec<u8>>> {
    base: String,
    fetch: F,
    n: u32,
    buckets: u32,
    pair_buckets: u32,
    big: HashSet<String>,
    kind_of: Vec<String>,
    group_of: Vec<Option<String>>,
    weight_of: Vec<u8>,
    files: HashMap<String, Option<Value>>,
    /// Every file fetched, with its size, in order.
    pub fetched: Vec<(String, usize)>,
}

impl<F: FnMut(&str) -> Option<Vec<u8>>> Searcher<F> {
    pub fn open(lang: &str, mut fetch: F) -> Option<Self> {
        let base = format!("search/{lang}/");
        let path = format!("{base}manifest.json");
        let bytes = fetch(&path)?;
        let fetched = vec![(path, bytes.len())];
        let manifest: Value = serde_json::from_slice(&bytes).ok()?;
        let n = manifest["docs"].as_u64()? as u32;
        let mut big = HashSet::new();
        let mut previous = String::new();
        for coded in manifest["big"].as_array()? {
            let coded = coded.as_str()?;
            let shared = codec::digit_value(*coded.as_bytes().first()?)? as usize;
            let term = format!("{}{}", previous.get(..shared)?, &coded[1..]);
            big.insert(term.clone());
            previous = term;
        }
        let names = |key: &str| -> Option<Vec<String>> {
            manifest[key]
                .as_array()?
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let kinds = names("kinds")?;
        let groups = names("groups")?;
        let mut kind_of = Vec::with_capacity(n as usize);
        runs(manifest["kind"].as_str()?, |value| {
            kind_of.push(kinds.get(value as usize).cloned().unwrap_or_default());
        })?;
        // Indexes without weights (all ordinary) are read as such.
        let mut weight_of = Vec::with_capacity(n as usize);
        if let Some(weights) = manifest["weight"].as_str() {
            runs(weights, |value| weight_of.push(value as u8))?;
        }
        weight_of.resize(n as usize, 0);
        let mut group_of = Vec::with_capacity(n as usize);
        runs(manifest["group"].as_str()?, |value| {
            group_of.push(
                value
                    .checked_sub(1)
                    .and_then(|g| groups.get(g as usize).cloned()),
            );
        })?;
        Some(Searcher {
            base,
            fetch,
            n,
            buckets: manifest["buckets"].as_u64()? as u32,
            pair_buckets: manifest["pair_buckets"].as_u64()? as u32,
            big,
            kind_of,
            group_of,
            weight_of,
            files: HashMap::new(),
            fetched,
        })
    }

    /// The file holding a term's entry.
    pub fn file_of(&self, term: &str) -> String {
        if self.big.contains(term) {
            format!("{}idx/t/{}.json", self.base, codec::term_file_name(term))
        } else if term.contains(' ') {
            let bucket = fnv1a(term) & (self.pair_buckets - 1);
            format!("{}idx/p/{bucket}.json", self.base)
        } else {
            let bucket = fnv1a(term) & (self.buckets - 1);
            format!("{}idx/{bucket}.json", self.base)
        }
    }

    fn load(&mut self, path: &str) -> Option<&Value> {
        if !self.files.contains_key(path) {
            let value = (self.fetch)(path).and_then(|bytes| {
                self.fetched.push((path.to_string(), bytes.len()));
                serde_json::from_slice(&bytes).ok()
            });
            self.files.insert(path.to_string(), value);
        }
        self.files.get(path)?.as_ref()
    }

    fn entry(&mut self, term: &str) -> Option<Entry> {
        let path = self.file_of(term);
        let n = self.n;
        let value = self.load(&path)?.get(term)?;
        let mut entry = Entry {
            df: value["n"].as_u64()? as u32,
            docs: decode_set(value["m"].as_str()?, n)?,
            floor: value.get("f").and_then(Value::as_u64).map(|f| f as u8),
            ..Entry::default()
        };
        if let Some(head) = value.get("h") {
            entry.head = decode_head(head.as_str()?)?;
        }
        for variant in value
            .get("v")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match variant {
                Value::String(key) => entry.variants.push((key.clone(), None)),
                Value::Array(pair) => {
                    let key = pair.first()?.as_str()?.to_string();
                    let head = decode_head(pair.get(1)?.as_str()?)?;
                    entry.variants.push((key, Some(head)));
                }
                _ => return None,
            }
        }
        Some(entry)
    }

    /// Every document matching `text`, best first.
    pub fn search(&mut self, text: &str, filters: &Filters) -> Results {
        let query = parse(text);
        if query.words.is_empty() {
            return Results::default();
        }
        // Fetch every file needed before reading any, as the browser does in parallel.
        let mut names: Vec<String> = Vec::new();
        for word in &query.words {
            names.extend(word.parts.iter().map(|p| p.folded.clone()));
            names.extend(word.joined.iter().map(|j| j.folded.clone()));
        }
        names.extend(query.pairs.iter().cloned());
        let mut entries: HashMap<String, Option<Entry>> = HashMap::new();
        for name in &names {
            if !entries.contains_key(name) {
                let entry = self.entry(name);
                entries.insert(name.clone(), entry);
            }
        }
        let n = self.n as usize;
        let set_of = |term: &str| -> Vec<bool> {
            let mut set = vec![false; n];
            if let Some(Some(entry)) = entries.get(term) {
                for &d in &entry.docs {
                    if let Some(slot) = set.get_mut(d as usize) {
                        *slot = true;
                    }
                }
            }
            set
        };
        let mut matching = vec![true; n];
        for word in &query.words {
            let mut all_parts = vec![true; n];
            for part in &word.parts {
                let set = set_of(&part.folded);
                all_parts.iter_mut().zip(set).for_each(|(a, s)| *a &= s);
            }
            if let Some(joined) = &word.joined {
                let set = set_of(&joined.folded);
                all_parts.iter_mut().zip(set).for_each(|(a, s)| *a |= s);
            }
            matching
                .iter_mut()
                .zip(all_parts)
                .for_each(|(m, s)| *m &= s);
        }
        let phrase: Option<Vec<bool>> = (!query.pairs.is_empty()).then(|| {
            let mut phrase = vec![true; n];
            for pair in &query.pairs {
                let set = set_of(pair);
                phrase.iter_mut().zip(set).for_each(|(p, s)| *p &= s);
            }
            phrase
        });
        let keep = |d: usize| {
            (filters.kinds.is_empty() || filters.kinds.contains(&self.kind_of[d]))
                && (filters.groups.is_empty()
                    || self.group_of[d]
                        .as_ref()
                        .is_some_and(|g| filters.groups.contains(g)))
        };
        let mut hits: Vec<Hit> = Vec::new();
        for d in 0..n {
            if !matching[d] || !keep(d) {
                continue;
            }
            let mut score = 0.0;
            if phrase.as_ref().is_some_and(|p| p[d]) {
                score += PHRASE_BONUS;
            }
            let mut terms = 0.0;
            for word in &query.words {
                for term in word.parts.iter().chain(word.joined.iter()) {
                    if let Some(Some(entry)) = entries.get(&term.folded) {
                        terms += term_score(entry, &term.key, d as u32, self.n);
                    }
                }
            }
            score += terms * (1.0 + f64::from(self.weight_of[d]) * WEIGHT_STEP);
            hits.push(Hit {
                doc: d as u32,
                score: (score * 1000.0).round() as i64,
            });
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
        Results {
            count: hits.len(),
            hits,
        }
    }

    /// The fragment (url, title, kind, group, breadcrumb, excerpt) of a document.
    pub fn fragment(&mut self, doc: u32) -> Option<Value> {
        let path = format!("{}doc/{doc}.json", self.base);
        self.load(&path).cloned()
    }
}

/// A term's part of a document's score; 0 when the document lacks it.
fn term_score(entry: &Entry, key: &str, doc: u32, n: u32) -> f64 {
    let df = f64::from(entry.df);
    let idf = (1.0 + (f64::from(n) - df + 0.5) / (df + 0.5)).ln();
    let mut exact = false;
    let mut impact = entry.head.get(&doc).copied();
    for (variant, head) in &entry.variants {
        if variant != key {
            continue;
        }
        match head {
            None => exact = entry.variants.len() == 1,
            Some(head) => {
                if let Some(&i) = head.get(&doc) {
                    exact = true;
                    impact = Some(i);
                }
            }
        }
    }
    let Some(impact) = impact.or_else(|| {
        entry
            .docs
            .binary_search(&doc)
            .ok()
            .map(|_| entry.floor.unwrap_or(0))
    }) else {
        return 0.0;
    };
    let weight = f64::from(impact & 31) / 31.0 + TITLE_WEIGHT * f64::from(impact >> 5);
    idf * weight * if exact { EXACT_FACTOR } else { 1.0 }
}

fn decode_head(text: &str) -> Option<HashMap<u32, u8>> {
    let mut reader = Reader::new(text);
    let mut head = HashMap::new();
    let mut previous: Option<u32> = None;
    while !reader.done() {
        let gap = reader.varint()?;
        let doc = previous.map_or(Some(gap), |p| p.checked_add(gap + 1))?;
        head.insert(doc, reader.digit()? as u8);
        previous = Some(doc);
    }
    Some(head)
}

fn runs(text: &str, mut f: impl FnMut(u32)) -> Option<()> {
    let mut reader = Reader::new(text);
    while !reader.done() {
        let value = reader.varint()?;
        for _ in 0..reader.varint()? {
            f(value);
        }
    }
    Some(())
}
