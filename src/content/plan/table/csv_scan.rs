//! The byte-level CSV scan under `csv_file` (pure): the decoded text in; its separator,
//! where its lines start and where each record's fields lie out, so that every cell gets a
//! line, a column and a byte range. Nothing here touches the disk.

use std::ops::Range;

/// The part of `range` in `text` left by `clean`.
pub(super) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(raw) = text.get(range.clone()) else {
        return range;
    };
    let start = range.start + (raw.len() - raw.trim_start_matches(is_trimmed).len());
    let end = range.end - (raw.len() - raw.trim_end_matches(is_trimmed).len());
    start..end.max(start)
}

fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Old Mac spreadsheets end lines in CR alone. The csv crate splits records there too, but
/// line numbers count LF, so such a CR becomes an LF: one byte for one, offsets unchanged.
pub(super) fn bare_cr_to_lf(text: String) -> String {
    let bytes = text.as_bytes();
    let bare: Vec<usize> = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .collect();
    if bare.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in bare {
        bytes[i] = b'\n';
    }
    // Replacing one ASCII byte with another keeps the text UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The separator of a CSV text: the most frequent of `,` `;` tab on its first line that is
/// not blank, outside double quotes; `,` on a tie or when there is none.
pub(super) fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut seen = false;
    for &b in text.as_bytes() {
        match b {
            b'"' => {
                in_quotes = !in_quotes;
                seen = true;
            }
            _ if in_quotes => {}
            b'\n' | b'\r' if seen => break,
            b',' => (counts[0], seen) = (counts[0] + 1, true),
            b';' => (counts[1], seen) = (counts[1] + 1, true),
            b'\t' => (counts[2], seen) = (counts[2] + 1, true),
            _ if !b.is_ascii_whitespace() => seen = true,
            _ => {}
        }
    }
    let mut best = (b',', counts[0]);
    for (delimiter, count) in [(b';', counts[1]), (b'\t', counts[2])] {
        if count > best.1 {
            best = (delimiter, count);
        }
    }
    best.0
}

/// Where one CSV record lies in the text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RawRecord {
    /// The record's first byte.
    pub(super) start: usize,
    /// Each field as written: quotes included, separators not.
    pub(super) fields: Vec<Range<usize>>,
    /// Just past the last field (at its line break, or the end of the text).
    pub(super) end: usize,
    /// The offset of a quote that opens a cell and is never closed.
    pub(super) unclosed_quote: Option<usize>,
}

/// Scans the record that starts at `from` (or after the line breaks there), reading quotes
/// as the csv crate does, so that each field's place is known: the crate gives a record's
/// offset but not its fields'. A quote opens a quoted field only as its first byte; inside,
/// `""` is a quote; after the closing quote the field goes on unquoted to the next
/// separator; CR, LF and CRLF end a record.
pub(super) fn scan_record(text: &[u8], from: usize, delimiter: u8) -> RawRecord {
    let len = text.len();
    let mut i = from.min(len);
    while i < len && matches!(text[i], b'\r' | b'\n') {
        i += 1;
    }
    let start = i;
    let mut fields = Vec::new();
    loop {
        let field_start = i;
        if text.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match text.get(i) {
                    None => {
                        fields.push(field_start..len);
                        return RawRecord {
                            start,
                            fields,
                            end: len,
                            unclosed_quote: Some(field_start),
                        };
                    }
                    Some(b'"') if text.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
        }
        while i < len && text[i] != delimiter && !matches!(text[i], b'\r' | b'\n') {
            i += 1;
        }
        fields.push(field_start..i);
        if i < len && text[i] == delimiter {
            i += 1;
        } else {
            break;
        }
    }
    RawRecord {
        start,
        fields,
        end: i,
        unclosed_quote: None,
    }
}

/// Byte offsets where lines start, to turn an offset into a line and column.
pub(super) struct LineStarts(Vec<usize>);

impl LineStarts {
    pub(super) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineStarts(starts)
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }

    /// 1-based line and column (in characters), counted as `diag::Source` counts them.
    pub(super) fn place(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let line_start = self.0[line - 1];
        let column = text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::test_support::*;

    #[test]
    fn the_separator_is_the_most_frequent_one_on_the_header_line() {
        for (text, delimiter) in [
            ("a,b,c\n1;2;3;4;5\n", b','),
            ("Mã;Tên, đơn vị;Giá trị\n", b';'),
            ("\"a;b;c\",d,e\n", b','),
            ("\"x,y\";\"z,w\";v\n", b';'),
            ("a\tb\tc\n", b'\t'),
            ("a;b,c\n", b','),
            ("\n\n  \nMột cột\n1\n", b','),
            ("", b','),
        ] {
            assert_eq!(detect_delimiter(text), delimiter, "{text:?}");
        }
        let table = csv_ok("Một cột\n\"một, hai\"\n");
        assert_eq!(
            rows(&table),
            [["một, hai"]],
            "a file of one column is comma-separated"
        );
    }

    #[test]
    fn the_scanner_finds_raw_fields() {
        let scan = |text: &str, from: usize, d: u8| scan_record(text.as_bytes(), from, d);
        assert_eq!(scan("a,\"b,c\",d\n", 0, b',').fields, [0..1, 2..7, 8..9]);
        assert_eq!(scan("\"a\"\"b\",c", 0, b',').fields, [0..6, 7..8]);
        assert_eq!(scan("\"ab\"c,d", 0, b',').fields, [0..5, 6..7]);
        assert_eq!(scan("a,b,", 0, b',').fields, [0..1, 2..3, 4..4]);
        assert_eq!(scan("a;b,c;d", 0, b';').fields, [0..1, 2..5, 6..7]);
        assert_eq!(scan("a\tb c", 0, b'\t').fields, [0..1, 2..5]);
        let multi = "x,\"l1\r\nl2\",y\r\nnext";
        let first = scan(multi, 0, b',');
        assert_eq!(
            (first.fields.clone(), first.end),
            (vec![0..1, 2..10, 11..12], 12)
        );
        let second = scan(multi, first.end, b',');
        assert_eq!(
            (second.start, second.fields),
            (14, vec![Range { start: 14, end: 18 }])
        );
        assert_eq!(scan("a,\"bc\nd", 0, b',').unclosed_quote, Some(2));
        assert_eq!(scan("", 0, b',').fields, vec![Range { start: 0, end: 0 }]);
        assert_eq!(scan("a", 99, b',').fields, vec![Range { start: 1, end: 1 }]);
    }

    /// What the csv crate makes of a raw field, to check the scanner against it.
    fn unquote(raw: &[u8]) -> Vec<u8> {
        let Some(rest) = raw.strip_prefix(b"\"") else {
            return raw.to_vec();
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < rest.len() {
            match (rest[i], rest.get(i + 1)) {
                (b'"', Some(b'"')) => {
                    out.push(b'"');
                    i += 2;
                }
                (b'"', _) => {
                    out.extend_from_slice(&rest[i + 1..]);
                    break;
                }
                (b, _) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        out
    }

    /// Every record the csv crate reads is found by the scanner with the same fields.
    fn check_scanner_agrees(text: &[u8], delimiter: u8) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let from = record.position().unwrap().byte() as usize;
            let raw = scan_record(text, from, delimiter);
            let ours: Vec<Vec<u8>> = raw
                .fields
                .iter()
                .map(|r| unquote(&text[r.clone()]))
                .collect();
            let theirs: Vec<Vec<u8>> = record.iter().map(<[u8]>::to_vec).collect();
            if raw.unclosed_quote.is_some() {
                assert_eq!(ours.len(), theirs.len(), "{text:?}");
                break;
            }
            assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn the_scanner_agrees_with_the_csv_crate_on_every_short_text() {
        const ALPHABET: &[u8] = b"a,;\"\n\r ";
        let mut text = Vec::new();
        for len in 0..=5u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                check_scanner_agrees(&text, b',');
                check_scanner_agrees(&text, b';');
            }
        }
        let mut rng = Lcg(3);
        for _ in 0..5000 {
            let len = 6 + rng.next(20);
            let text: Vec<u8> = (0..len)
                .map(|_| ALPHABET[rng.next(ALPHABET.len())])
                .collect();
            check_scanner_agrees(&text, b',');
        }
    }
}
