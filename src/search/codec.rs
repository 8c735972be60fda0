//! The compact encodings of the index files (pure), mirrored by `search.js`.
//!
//! - **Digits**: the 64 characters `A-Z a-z 0-9 - _`, each worth 6 bits; safe in JSON and
//!   in URLs.
//! - **Varint**: a number as 5-bit groups, lowest first, each digit carrying `32` when more
//!   groups follow: 0–31 take one digit, up to 1023 two, up to 32767 three.
//! - **Doc set** (which documents hold a term), the shortest of: `b` + a bitmap (6
//!   documents a digit, trailing zero digits left out); `l` + the sorted ids as varint gaps
//!   (the first id, then each gap minus one); `c` + the ids *not* in the set, the same way.
//!   A term in 9 of 10 pages costs about a tenth of the pages in digits.
//! - **Hash**: FNV-1a (32 bits) of the UTF-8 bytes; names a term's bucket file.

pub const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn digit(value: u32) -> char {
    DIGITS[(value & 63) as usize] as char
}

pub fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

pub fn push_varint(out: &mut String, mut value: u32) {
    while value >= 32 {
        out.push(digit(32 | (value & 31)));
        value >>= 5;
    }
    out.push(digit(value));
}

/// Reads varints and single digits from a string, as `search.js` does.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Reader {
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    pub fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn digit(&mut self) -> Option<u32> {
        let value = digit_value(*self.bytes.get(self.pos)?)?;
        self.pos += 1;
        Some(value)
    }

    pub fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let d = self.digit()?;
            value |= (d & 31).checked_shl(shift)?;
            if d & 32 == 0 {
                return Some(value);
            }
            shift += 5;
            if shift > 30 {
                return None;
            }
        }
    }
}

/// Sorted ids as varint gaps.
pub fn push_gaps(out: &mut String, ids: impl IntoIterator<Item = u32>) {
    let mut previous: Option<u32> = None;
    for id in ids {
        push_varint(out, previous.map_or(id, |p| id - p - 1));
        previous = Some(id);
    }
}

pub fn read_gaps(reader: &mut Reader<'_>, mut f: impl FnMut(u32)) -> Option<()> {
    let mut previous: Option<u32> = None;
    while !reader.done() {
        let gap = reader.varint()?;
        let id = previous.map_or(Some(gap), |p| p.checked_add(gap)?.checked_add(1))?;
        f(id);
        previous = Some(id);
    }
    Some(())
}

fn varint_len(value: u32) -> usize {
    match value {
        0..32 => 1,
        32..1024 => 2,
        1024..32768 => 3,
        32768..1_048_576 => 4,
        _ => 7,
    }
}

fn gaps_len(ids: impl IntoIterator<Item = u32>) -> usize {
    let mut previous: Option<u32> = None;
    let mut len = 0;
    for id in ids {
        len += varint_len(previous.map_or(id, |p| id - p - 1));
        previous = Some(id);
    }
    len
}

/// The ids below `n` that are not in the sorted `ids`.
fn complement(ids: &[u32], n: u32) -> impl Iterator<Item = u32> + '_ {
    let mut next = 0;
    (0..n).filter(move |id| {
        if ids.get(next) == Some(id) {
            next += 1;
            false
        } else {
            true
        }
    })
}

/// The shortest encoding of a sorted set of ids below `n` (ties: bitmap, complement, list).
pub fn encode_set(ids: &[u32], n: u32) -> String {
    let list = gaps_len(ids.iter().copied());
    let bitmap = ids
        .last()
        .map_or(0, |last| (*last as usize + 1).div_ceil(6));
    // The complement is shorter only for sets holding most ids.
    let others = (ids.len() * 3 > n as usize).then(|| gaps_len(complement(ids, n)));
    let mut out = String::with_capacity(list.min(bitmap) + 1);
    if bitmap <= list && others.is_none_or(|c| bitmap <= c) {
        out.push('b');
        let mut bits = vec![0u32; bitmap];
        for &id in ids {
            bits[(id / 6) as usize] |= 1 << (id % 6);
        }
        out.extend(bits.into_iter().map(digit));
    } else if others.is_some_and(|c| c <= list) {
        out.push('c');
        push_gaps(&mut out, complement(ids, n));
    } else {
        out.push('l');
        push_gaps(&mut out, ids.iter().copied());
    }
    out
}

/// The ids of an encoded set, sorted.
pub fn decode_set(text: &str, n: u32) -> Option<Vec<u32>> {
    let mode = text.as_bytes().first()?;
    let mut reader = Reader::new(&text[1..]);
    let mut ids = Vec::new();
    match mode {
        b'l' => read_gaps(&mut reader, |id| ids.push(id))?,
        b'c' => {
            let mut others = Vec::new();
            read_gaps(&mut reader, |id| others.push(id))?;
            let mut next = others.iter().peekable();
            for id in 0..n {
                if next.peek() == Some(&&id) {
                    next.next();
                } else {
                    ids.push(id);
                }
            }
        }
        b'b' => {
            let mut index = 0;
            while let Some(d) = reader.digit() {
                for bit in 0..6 {
                    if d & (1 << bit) != 0 {
                        ids.push(index * 6 + bit);
                    }
                }
                index += 1;
            }
        }
        _ => return None,
    }
    Some(ids)
}

pub fn fnv1a(text: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in text.as_bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// A 64-bit FNV-1a, for the index's version.
pub fn fnv1a64(hash: u64, bytes: &[u8]) -> u64 {
    let mut hash = if hash == 0 {
        0xcbf2_9ce4_8422_2325
    } else {
        hash
    };
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A file's fingerprint, for the index's version: the Fx hash (below), 8 bytes a step. Each
/// step is one-to-one in its word, so files that differ in one word never share a
/// fingerprint. (FNV-1a, a byte a step, is several times slower over the 23 MB of a
/// 10,000-page index.)
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    std::hash::Hasher::write(&mut hasher, bytes);
    std::hash::Hasher::finish(&hasher)
}

/// A fast hasher for the build's maps of short strings and ids (the Fx hash of rustc):
/// not resistant to crafted collisions, which a site's own text does not need.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    /// Words of 8 bytes, then the last up to 8 bytes read as one word (overlapping the
    /// previous one when needed) with the length mixed in: no copy of the tail, which
    /// matters for the short words this hashes by the million.
    fn write(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        let mut rest = bytes;
        while rest.len() > 8 {
            let (word, tail) = rest.split_at(8);
            self.add(u64::from_le_bytes(word.try_into().unwrap_or_default()));
            rest = tail;
        }
        let last = match len {
            8.. => u64_at(bytes, len - 8),
            4..8 => u32_at(bytes, 0) | u32_at(bytes, len - 4) << 32,
            1..4 => {
                u64::from(bytes[0])
                    | u64::from(bytes[len / 2]) << 8
                    | u64::from(bytes[len - 1]) << 16
            }
            0 => 0,
        };
        self.add(last ^ (len as u64) << 56);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The product's high bits are its well-mixed ones; hash tables index by the low bits,
    /// which for one word depend only on the word's low bits (all pairs with the same second
    /// term would share a slot: a page of 100,000 distinct words took seconds). Rotating
    /// brings the mixed bits down, as rustc's own Fx hash does.
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// The 8 bytes at `at`, little-endian (callers stay within `bytes`).
#[inline]
pub(super) fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
}

/// The 4 bytes at `at`, little-endian, widened (callers stay within `bytes`).
#[inline]
pub(super) fn u32_at(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        bytes[at..at + 4].try_into().unwrap_or_default(),
    ))
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// A file name for a term that has a file of its own: `a-z`, `0-9` kept, a space as `_`,
/// any other character as `-` + its code point in hex + `-`.
pub fn term_file_name(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for c in term.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            ' ' => out.push('_'),
            c => out.push_str(&format!("-{:x}-", c as u32)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_sets_round_trip() {
        for value in [0, 1, 31, 32, 1023, 1024, 99_999, 1 << 29] {
            let mut s = String::new();
            push_varint(&mut s, value);
            assert_eq!(Reader::new(&s).varint(), Some(value), "{value}");
        }
        let n = 1000;
        for ids in [
            vec![],
            vec![0],
            vec![999],
            (0..1000).step_by(3).collect::<Vec<u32>>(),
            (0..1000).filter(|i| i % 17 != 0).collect(),
            vec![5, 6, 7, 500],
        ] {
            let encoded = encode_set(&ids, n);
            assert_eq!(decode_set(&encoded, n).unwrap(), ids, "{encoded}");
        }
        // A dense set is written as what it lacks.
        let dense: Vec<u32> = (0..1000).filter(|i| i % 50 != 0).collect();
        assert!(encode_set(&dense, n).starts_with('c'));
        assert!(encode_set(&dense, n).len() < 50);
    }

    #[test]
    fn term_file_names_are_plain() {
        assert_eq!(term_file_name("chuyen doi"), "chuyen_doi");
        assert_eq!(term_file_name("中"), "-4e2d-");
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
    }
}
