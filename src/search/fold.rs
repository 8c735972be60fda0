//! The folding and tokenising rules of search (pure). `search.js` mirrors every function
//! here; a change to one is a change to both.
//!
//! - **Words** are maximal runs of letters, digits and combining marks
//!   (`\p{Alphabetic}`, `\p{N}`, `\p{M}`). A **compound** is words joined by single `-`, `.`,
//!   `/`, `_`, `'` or `’` with no space: `NV-3.12`, `dvc-truc-tuyen-toan-trinh`, `82.5`.
//! - A compound's **parts** are its words, further split where letters meet digits
//!   (`NV-3.12` -> `nv` `3` `12`; `ipv6` -> `ipv` `6`). Parts are what is searched word by
//!   word and pair by pair, so `NV-3.12`, `nv 3.12`, `NV 3 12` and `nv3.12` find each other.
//!   A compound of 2 to 8 parts is also indexed **joined** (`nv312`), so `NV312` finds it.
//! - **Folded form** (for matching): lowercase, canonical decomposition (NFD), every
//!   combining mark dropped, `đ` -> `d`, `ς` -> `σ`, recomposed (NFC). `Đắk Lắk` -> `dak lak`,
//!   `hoà`/`hòa`/`hoa` -> `hoa`, `thuỷ`/`thủy` -> `thuy`. Stripping marks alone would keep
//!   `đ`: it is a letter of its own, not `d` with a mark.
//! - **Exact key** (for ranking an exact spelling above a folded one): lowercase, NFD, the
//!   five Vietnamese tone marks (grave, acute, tilde, hook above, dot below) taken out and
//!   put back at the end, NFC. Letters and their other marks (`â ê ô ơ ư ă đ`) stay, so the
//!   key tells `số` from `sở` and `đổi` from `dõi`, while the old and new tone placements
//!   `hòa`/`hoà` and `thủy`/`thuỷ` get one key (`hoà`, `thuỷ`): both are the same word.
//! - A **break** is anything but white space between two compounds (punctuation, a line):
//!   two words are a pair (for phrase matching) only when nothing but space is between them.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical, is_combining_mark};

/// Longest part or joined compound indexed, in characters; longer runs are not words.
pub const MAX_TERM_CHARS: usize = 40;
/// Most parts a compound may have to be indexed joined as well.
pub const MAX_JOINED_PARTS: usize = 8;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if lookup(c).is_some() {
        return true;
    }
    c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '/' | '_' | '\'' | '’')
}

/// A compound found in a text: where it is and whether a break comes before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compound<'a> {
    pub start: usize,
    pub text: &'a str,
    /// True when something other than white space (or the start of the text) precedes it.
    pub break_before: bool,
    /// True when the compound is one part (no joiner, no letters meeting digits): most
    /// words, which then need no second scan by `parts`.
    pub single: bool,
}

/// Calls `f` for every compound of `text`, in order.
///
/// Hand-written over bytes (with a table of character classes) rather than through
/// `char_indices` and the Unicode predicates per character: this runs over every word of
/// every page, and is several times faster this way. `tests::scanner_agrees_with_reference`
/// checks it against the plain definition.
pub fn compounds<'a>(text: &'a str, mut f: impl FnMut(Compound<'a>)) {
    let bytes = text.as_bytes();
    let table = class_table();
    let mut i = 0;
    let mut first = true;
    // True while everything since the last compound is white space.
    let mut clean_gap = true;
    while i < bytes.len() {
        let (class, width) = class_at(table, text, i);
        match class {
            Class::Letter | Class::Digit => {
                let start = i;
                let mut single = true;
                i += width;
                while i < bytes.len() {
                    let (next, width) = class_at(table, text, i);
                    match next {
                        Class::Letter | Class::Digit => {
                            single &= next == class;
                            i += width;
                        }
                        Class::Joiner
                            if i + width < bytes.len()
                                && class_at(table, text, i + width).0.is_word() =>
                        {
                            single = false;
                            i += width;
                        }
                        _ => break,
                    }
                }
                f(Compound {
                    start,
                    text: &text[start..i],
                    break_before: first || !clean_gap,
                    single,
                });
                first = false;
                clean_gap = true;
            }
            Class::Space => i += width,
            Class::Joiner | Class::Other => {
                clean_gap = false;
                i += width;
            }
        }
    }
}

/// The parts of a compound: split at joiners and where letters meet digits. Each is
/// `(byte offset inside the compound, text)`.
pub fn parts<'a>(compound: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let table = class_table();
    let mut start = None::<(usize, Class)>;
    let mut i = 0;
    while i < compound.len() {
        let (class, width) = class_at(table, compound, i);
        match (class, start) {
            (Class::Letter | Class::Digit, Some((s, was))) if was != class => {
                f(s, &compound[s..i]);
                start = Some((i, class));
            }
            (Class::Letter | Class::Digit, Some(_)) => {}
            (Class::Letter | Class::Digit, None) => start = Some((i, class)),
            _ => {
                if let Some((s, _)) = start.take() {
                    f(s, &compound[s..i]);
                }
            }
        }
        i += width;
    }
    if let Some((s, _)) = start {
        f(s, &compound[s..]);
    }
}

/// What the scanner sees in a character: part of a word (a letter or mark, or a digit), a
/// joiner of compounds, white space, or anything else (a break).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Joiner,
    Space,
    Other,
}

impl Class {
    fn is_word(self) -> bool {
        matches!(self, Class::Letter | Class::Digit)
    }

    fn of(c: char) -> Class {
        if is_joiner(c) {
            Class::Joiner
        } else if !is_word_char(c) {
            if c.is_whitespace() {
                Class::Space
            } else {
                Class::Other
            }
        } else if is_digit(c) {
            Class::Digit
        } else {
            Class::Letter
        }
    }
}

fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        lookup(c).map_or_else(|| c.is_numeric(), |f| f.numeric)
    }
}

/// Characters below this have their class in a table (Latin, combining marks, general
/// punctuation such as `“ ” – ’`: nearly every character of the portal's texts).
const CLASS_TABLE_END: u32 = 0x2100;

fn class_table() -> &'static [Class] {
    static TABLE: OnceLock<Vec<Class>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..CLASS_TABLE_END)
            .map(|code| char::from_u32(code).map_or(Class::Other, Class::of))
            .collect()
    })
}

/// The class of the character at byte `i` of `text` (a character boundary) and its width.
#[inline(always)]
fn class_at(table: &[Class], text: &str, i: usize) -> (Class, usize) {
    let lead = text.as_bytes()[i];
    if lead < 0x80 {
        return (table[usize::from(lead)], 1);
    }
    wide_class_at(table, text, i)
}

fn wide_class_at(table: &[Class], text: &str, i: usize) -> (Class, usize) {
    match text[i..].chars().next() {
        Some(c) => {
            let class = table
                .get(c as usize)
                .copied()
                .unwrap_or_else(|| Class::of(c));
            (class, c.len_utf8())
        }
        None => (Class::Other, 1),
    }
}

/// How one character folds, worked out once for the Latin letters (which is nearly every
/// character of a Vietnamese or English text).
#[derive(Clone, Copy)]
struct Folding {
    /// The folded character; `'\0'` when the character needs the general path.
    folded: char,
    /// The character with its tone mark removed (the exact key's letter).
    shape: char,
    /// The tone mark, or `'\0'`.
    tone: char,
    numeric: bool,
}

const TABLE_RANGES: [(u32, u32); 2] = [(0x0000, 0x0250), (0x1E00, 0x1F00)];

fn table() -> &'static [Vec<Folding>; 2] {
    static TABLE: OnceLock<[Vec<Folding>; 2]> = OnceLock::new();
    TABLE.get_or_init(|| {
        TABLE_RANGES.map(|(from, to)| {
            (from..to)
                .map(|code| {
                    let slow = Folding {
                        folded: '\0',
                        shape: '\0',
                        tone: '\0',
                        numeric: false,
                    };
                    let Some(c) = char::from_u32(code) else {
                        return slow;
                    };
                    if !(c.is_alphabetic() || c.is_numeric() || is_combining_mark(c)) {
                        return slow;
                    }
                    let mut lower = c.to_lowercase();
                    let (Some(l), None) = (lower.next(), lower.next()) else {
                        return slow;
                    };
                    let mut folded = String::new();
                    let mut key = String::new();
                    general(&l.to_string(), &mut folded, &mut key);
                    let mut shape_chars = String::new();
                    let mut tones = String::new();
                    decompose_canonical(l, |d| {
                        if TONES.contains(&d) {
                            tones.push(d);
                        } else {
                            shape_chars.push(d);
                        }
                    });
                    let shape: String = shape_chars.nfc().collect();
                    let mut f = folded.chars();
                    let mut s = shape.chars();
                    let mut t = tones.chars();
                    match (f.next(), f.next(), s.next(), s.next(), t.next(), t.next()) {
                        (Some(folded), None, Some(shape), None, tone, None) => Folding {
                            folded,
                            shape,
                            tone: tone.unwrap_or('\0'),
                            numeric: c.is_numeric(),
                        },
                        _ => slow,
                    }
                })
                .collect()
        })
    })
}

fn lookup(c: char) -> Option<Folding> {
    let code = c as u32;
    let tables = table();
    for (i, (from, to)) in TABLE_RANGES.iter().enumerate() {
        if (*from..*to).contains(&code) {
            let entry = tables[i][(code - from) as usize];
            return (entry.folded != '\0').then_some(entry);
        }
    }
    None
}

/// The general (slow) path: exactly what `search.js` does with `normalize`.
fn general(word: &str, folded: &mut String, key: &mut String) {
    let lower = word.to_lowercase();
    let stripped: String = lower.nfd().filter(|c| !is_combining_mark(*c)).collect();
    folded.extend(stripped.nfc().map(|c| match c {
        'đ' => 'd',
        'ς' => 'σ',
        c => c,
    }));
    let mut base = String::new();
    let mut tones = String::new();
    for c in lower.nfd() {
        match c {
            c if TONES.contains(&c) => tones.push(c),
            'ς' => base.push('σ'),
            c => base.push(c),
        }
    }
    base.push_str(&tones);
    key.extend(base.nfc());
}

/// Appends the folded form and the exact key of one part (or joined compound) to the two
/// buffers. Returns false when the part is too long to be a word.
pub fn fold_into(word: &str, folded: &mut String, key: &mut String) -> bool {
    let (f0, k0) = (folded.len(), key.len());
    let mut tones: [char; 4] = ['\0'; 4];
    let mut tone_count = 0;
    let mut chars = 0;
    for c in word.chars() {
        chars += 1;
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            folded.push(l);
            key.push(l);
            continue;
        }
        match lookup(c) {
            Some(entry) if entry.tone == '\0' || tone_count < tones.len() => {
                folded.push(entry.folded);
                key.push(entry.shape);
                if entry.tone != '\0' {
                    tones[tone_count] = entry.tone;
                    tone_count += 1;
                }
            }
            _ => {
                folded.truncate(f0);
                key.truncate(k0);
                general(word, folded, key);
                return folded[f0..].chars().count() <= MAX_TERM_CHARS;
            }
        }
    }
    match tone_count {
        0 => {}
        // The tone composes with the last letter or follows it (`hoa` + grave -> `hoà`,
        // `chuyên` + hook -> `chuyên` + U+0309): what NFC does with one mark after letters.
        1 => match key[k0..].chars().next_back() {
            Some(last) if last.is_ascii() => {
                key.truncate(key.len() - last.len_utf8());
                match compose(last, tones[0]) {
                    Some(composed) => key.push(composed),
                    None => {
                        key.push(last);
                        key.push(tones[0]);
                    }
                }
            }
            // A letter with a mark of its own (`ô`, `â`): marks may reorder (dot below
            // goes first), so NFC the last letter with the tone; the letters before it
            // are composed already and cannot change.
            Some(last) => {
                key.truncate(key.len() - last.len_utf8());
                let tail = [last, tones[0]];
                key.extend(tail.iter().copied().nfc());
            }
            None => key.push(tones[0]),
        },
        _ => {
            let mut with_tones: String = key[k0..].to_string();
            with_tones.extend(&tones[..tone_count]);
            key.truncate(k0);
            key.extend(with_tones.nfc());
        }
    }
    chars <= MAX_TERM_CHARS
}

/// The folded form of a word: `"Đổi"` -> `"doi"`.
pub fn fold(word: &str) -> String {
    let (mut folded, mut key) = (String::new(), String::new());
    fold_into(word, &mut folded, &mut key);
    folded
}

/// The exact key of a word: `"Hòa"` -> `"hoà"`, `"THỦY"` -> `"thuỷ"`.
pub fn exact_key(word: &str) -> String {
    let (mut folded, mut key) = (String::new(), String::new());
    fold_into(word, &mut folded, &mut key);
    key
}

/// A term of a text or query: its folded form and exact key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    pub folded: String,
    pub key: String,
}

/// A compound as terms: its parts, and its joined form when it has 2 to 8 parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub break_before: bool,
    pub parts: Vec<Term>,
    pub joined: Option<Term>,
}

/// Every compound of `text` as terms (for queries, snippets and tests; the index uses the
/// same functions without the allocations).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    compounds(text, |compound| {
        let mut word = Word {
            start: compound.start,
            end: compound.start + compound.text.len(),
            break_before: compound.break_before,
            parts: Vec::new(),
            joined: None,
        };
        let mut joined = Term {
            folded: String::new(),
            key: String::new(),
        };
        let mut joinable = true;
        parts(compound.text, |_, part| {
            let mut term = Term {
                folded: String::new(),
                key: String::new(),
            };
            let fits = fold_into(part, &mut term.folded, &mut term.key);
            if fits && !term.folded.is_empty() {
                joined.folded.push_str(&term.folded);
                joined.key.push_str(&term.key);
                word.parts.push(term);
            } else {
                joinable = false;
            }
        });
        if joinable
            && (2..=MAX_JOINED_PARTS).contains(&word.parts.len())
            && joined.folded.chars().count() <= MAX_TERM_CHARS
        {
            word.joined = Some(joined);
        }
        if !word.parts.is_empty() {
            out.push(word);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded_words(text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .flat_map(|w| w.parts.into_iter().map(|p| p.folded))
            .collect()
    }

    #[test]
    fn vietnamese_folds_with_or_without_diacritics_and_d_bar() {
        for (a, b) in [
            ("chuyen doi so", "CHUYỂN ĐỔI SỐ"),
            ("chuyen doi so", "chuyen đoi so"),
            ("chuyen doi so", "Chuyển đổi số"),
            ("Dak Lak", "Đắk Lắk"),
            ("DAK LAK", "đắk lắk"),
            ("hoa", "hoà"),
            ("hoà", "hòa"),
            ("thuy", "thủy"),
            ("thuỷ", "thủy"),
            ("dich vu cong truc tuyen", "dịch vụ công trực tuyến"),
            ("ho so truc tuyen toan trinh", "Hồ sơ trực tuyến toàn trình"),
            ("quoc", "QUỐC"),
            ("nguoi", "người"),
            ("uu", "ưu"),
        ] {
            assert_eq!(folded_words(a), folded_words(b), "{a} / {b}");
        }
        assert_eq!(fold("Đổi"), "doi");
        assert_eq!(fold("dõi"), "doi");
        assert_eq!(fold("ĐẮK"), "dak");
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        // "ể" as e + circumflex + hook (NFD), "Đ" stays a letter of its own.
        assert_eq!(fold("chuye\u{302}\u{309}n"), "chuyen");
        assert_eq!(exact_key("chuye\u{302}\u{309}n"), exact_key("chuyển"));
        assert_eq!(exact_key("ho\u{300}a"), "hoà");
    }

    #[test]
    fn exact_keys_tell_spellings_apart_but_not_tone_placement() {
        assert_eq!(exact_key("Hòa"), "hoà");
        assert_eq!(exact_key("hoà"), "hoà");
        assert_eq!(exact_key("THỦY"), exact_key("thuỷ"));
        assert_eq!(exact_key("khỏe"), exact_key("khoẻ"));
        assert_eq!(exact_key("ĐỔI"), exact_key("đổi"));
        assert_ne!(exact_key("đổi"), exact_key("dõi"));
        assert_ne!(exact_key("số"), exact_key("sở"));
        assert_ne!(exact_key("đoi"), exact_key("đổi"));
        assert_ne!(exact_key("doi"), exact_key("đổi"));
        assert_eq!(exact_key("Đắk"), exact_key("đắk"));
        assert_ne!(exact_key("Dak"), exact_key("Đắk"));
    }

    #[test]
    fn the_fast_path_agrees_with_the_general_path() {
        let mut odd = Vec::new();
        for range in TABLE_RANGES {
            for code in range.0..range.1 {
                let Some(c) = char::from_u32(code) else {
                    continue;
                };
                if !is_word_char(c) {
                    continue;
                }
                for text in [format!("{c}"), format!("a{c}"), format!("a{c}{c}b")] {
                    let (mut f1, mut k1) = (String::new(), String::new());
                    fold_into(&text, &mut f1, &mut k1);
                    let (mut f2, mut k2) = (String::new(), String::new());
                    general(&text, &mut f2, &mut k2);
                    if (f1.clone(), k1.clone()) != (f2.clone(), k2.clone()) {
                        odd.push(format!("{text:?}: {f1}/{k1} vs {f2}/{k2}"));
                    }
                }
            }
        }
        assert!(odd.is_empty(), "{odd:?}");
    }

    #[test]
    fn codes_and_ids_are_searchable_whole_and_in_parts() {
        let w = words("Nhiệm vụ NV-3.12: triển khai");
        let code = &w[2];
        let parts: Vec<&str> = code.parts.iter().map(|p| p.folded.as_str()).collect();
        assert_eq!(parts, ["nv", "3", "12"]);
        assert_eq!(code.joined.as_ref().unwrap().folded, "nv312");
        assert!(!code.break_before);
        assert!(w[3].break_before, "the colon breaks the phrase");
        for query in ["NV-3.12", "nv 3.12", "NV 3 12", "nv3.12", "nv-3-12"] {
            assert_eq!(folded_words(query), ["nv", "3", "12"], "{query}");
        }
        let id = &words("dvc-truc-tuyen-toan-trinh")[0];
        assert_eq!(id.parts.len(), 5);
        assert_eq!(id.joined.as_ref().unwrap().folded, "dvctructuyentoantrinh");
        assert_eq!(folded_words("ipv6 5G"), ["ipv", "6", "5", "g"]);
    }

    #[test]
    fn words_keep_their_place_in_the_original_text() {
        let text = "Tỉnh Đắk Lắk, (hòa)";
        let w = words(text);
        let spans: Vec<&str> = w.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(spans, ["Tỉnh", "Đắk", "Lắk", "hòa"]);
        assert_eq!(
            w.iter().map(|w| w.break_before).collect::<Vec<_>>(),
            [true, false, false, true]
        );
        // A joiner at the end of a word is not part of it.
        let w = words("số-  tiếp");
        assert_eq!(w.len(), 2);
        assert!(w[1].break_before);
    }

    /// The plain definition of `compounds`, which the scanner must agree with.
    fn reference_compounds<'a>(text: &'a str, mut f: impl FnMut(Compound<'a>)) {
        let bytes_len = text.len();
        let mut iter = text.char_indices().peekable();
        let mut last_end = 0;
        let mut first = true;
        while let Some((start, c)) = iter.next() {
            if !is_word_char(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            loop {
                match iter.peek() {
                    Some(&(i, d)) if is_word_char(d) => {
                        end = i + d.len_utf8();
                        iter.next();
                    }
                    Some(&(i, d)) if is_joiner(d) => {
                        let after = i + d.len_utf8();
                        match text[after..].chars().next() {
                            Some(e) if is_word_char(e) => {
                                iter.next();
                                end = after;
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
            let gap = &text[last_end..start];
            let break_before = first || !gap.chars().all(char::is_whitespace);
            first = false;
            last_end = end;
            let mut count = 0;
            reference_parts(&text[start..end], |_, _| count += 1);
            f(Compound {
                start,
                text: &text[start..end],
                break_before,
                single: count == 1,
            });
            debug_assert!(end <= bytes_len);
        }
    }

    /// The plain definition of `parts`.
    fn reference_parts<'a>(compound: &'a str, mut f: impl FnMut(usize, &'a str)) {
        let mut start = None::<(usize, bool)>;
        for (i, c) in compound.char_indices() {
            if is_joiner(c) {
                if let Some((s, _)) = start.take() {
                    f(s, &compound[s..i]);
                }
                continue;
            }
            let digit = if c.is_ascii() {
                c.is_ascii_digit()
            } else {
                lookup(c).map_or_else(|| c.is_numeric(), |f| f.numeric)
            };
            match start {
                Some((s, was_digit)) if was_digit != digit => {
                    f(s, &compound[s..i]);
                    start = Some((i, digit));
                }
                Some(_) => {}
                None => start = Some((i, digit)),
            }
        }
        if let Some((s, _)) = start {
            f(s, &compound[s..]);
        }
    }

    #[test]
    fn scanner_agrees_with_reference() {
        // Every kind of character the scanner tells apart, in random strings.
        let alphabet: Vec<char> =
            "aZ09 \t\n.-/_'’,:;()“”–đĐờỨ\u{300}\u{301}\u{a0}\u{85}\u{2003}٣ⅷ½ß中ǅ\u{1f600}ﬁ"
                .chars()
                .collect();
        let mut state = 0x2545_f491_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 12) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let mut fast = Vec::new();
            compounds(&text, |c| {
                let mut p = Vec::new();
                parts(c.text, |o, t| p.push((o, t)));
                fast.push((c, p));
            });
            let mut plain = Vec::new();
            reference_compounds(&text, |c| {
                let mut p = Vec::new();
                reference_parts(c.text, |o, t| p.push((o, t)));
                plain.push((c, p));
            });
            assert_eq!(fast, plain, "{text:?}");
        }
    }

    #[test]
    fn overlong_runs_are_not_words() {
        let long = "a".repeat(MAX_TERM_CHARS + 1);
        assert!(words(&long).is_empty());
        assert_eq!(folded_words(&format!("{long} ok")), ["ok"]);
    }
}
