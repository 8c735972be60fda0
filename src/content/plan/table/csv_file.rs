//! Reading a CSV file into a `Table` (pure): the file's bytes in; the header row found,
//! every row of the header's width with the place of each cell, and a diagnostic for each
//! malformed line out. The caller reads the file; nothing here touches the disk.

use crate::diag::{Diagnostic, Source};
use crate::source::decode;
use crate::t;

use super::csv_scan::{
    LineStarts, RawRecord, bare_cr_to_lf, detect_delimiter, scan_record, trim_range,
};
use super::{Cell, HeaderRule, Place, Row, Table, clean};

/// Reads a CSV file. The table is `None` only when the file has no header (it is empty or
/// not UTF-8); otherwise it holds every well-formed row, beside a diagnostic for every
/// problem found.
pub fn read_csv(file: &str, bytes: &[u8]) -> (Option<Table>, Vec<Diagnostic>) {
    read_csv_with(file, bytes, &|_| true)
}

/// Reads a CSV file whose header is the first record that `is_header` accepts: the records
/// above it (a plan's title, "Phụ lục I", a date line) are skipped. When no record is
/// accepted, the first one is the header, as for `read_csv`.
pub fn read_csv_with(
    file: &str,
    bytes: &[u8],
    is_header: HeaderRule<'_>,
) -> (Option<Table>, Vec<Diagnostic>) {
    let text = match decode(bytes, file) {
        Ok(text) => bare_cr_to_lf(text),
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let csv = CsvText::new(file, &text);
    let mut records = csv.records(is_header);
    if records.header.is_none() && records.skipped {
        records = csv.records(&|_| true);
    }
    let Records {
        header,
        rows,
        mut diagnostics,
        ..
    } = records;
    let delimiter = csv.delimiter;
    let Some((header, _)) = header else {
        if diagnostics.is_empty() {
            diagnostics.push(
                Diagnostic::error("csv-empty", t!("table-no-data", file = file))
                    .in_file(file)
                    .with_hint(t!("table-csv-empty-hint")),
            );
        }
        return (None, diagnostics);
    };
    let table = Table {
        file: file.to_string(),
        sheet: None,
        text,
        header,
        rows,
        delimiter,
    };
    diagnostics.extend(table.check_columns());
    (Some(table), diagnostics)
}

/// A decoded CSV text, read record by record.
struct CsvText<'a> {
    file: &'a str,
    text: &'a str,
    delimiter: u8,
    lines: LineStarts,
}

/// What the records of a CSV text hold: the header with its line, the rows that fit it,
/// and a diagnostic for each record that does not.
#[derive(Default)]
struct Records {
    header: Option<(Vec<Cell>, usize)>,
    /// Whether records were passed over while looking for the header.
    skipped: bool,
    rows: Vec<Row>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> CsvText<'a> {
    fn new(file: &'a str, text: &'a str) -> Self {
        CsvText {
            file,
            text,
            delimiter: detect_delimiter(text),
            lines: LineStarts::new(text),
        }
    }

    fn records(&self, is_header: HeaderRule<'_>) -> Records {
        let mut records = Records::default();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes());
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(error) => {
                    // Reading from memory with `flexible` leaves no error the crate can raise;
                    // this stays so that a future one is reported rather than lost.
                    let file = self.file;
                    records.diagnostics.push(
                        Diagnostic::error(
                            "csv-read",
                            t!(
                                "table-csv-unreadable",
                                file = file,
                                error = error.to_string()
                            ),
                        )
                        .in_file(file),
                    );
                    break;
                }
            }
            let from = record
                .position()
                .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
            let raw = scan_record(self.text.as_bytes(), from, self.delimiter);
            if let Some(quote) = raw.unclosed_quote {
                records.diagnostics.push(self.unclosed_quote(quote));
                // The crate read the rest of the file into this cell: nothing after it is left.
                break;
            }
            let cells = self.cells(&record, &raw);
            self.add(&mut records, &raw, cells, is_header);
        }
        records
    }

    /// The cells of one record, each trimmed and placed.
    fn cells(&self, record: &csv::ByteRecord, raw: &RawRecord) -> Vec<Cell> {
        let text = self.text;
        record
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let range = raw.fields.get(i).cloned().unwrap_or(raw.end..raw.end);
                let range = trim_range(text, range);
                let (line, column) = self.lines.place(text, range.start);
                let text = String::from_utf8_lossy(value);
                // A line break inside a quoted cell is kept as LF, whatever the file's lines
                // end with, so that the same data reads the same from every editor.
                let text = clean(&text);
                let text = if text.contains('\r') {
                    text.replace("\r\n", "\n")
                } else {
                    text.to_string()
                };
                Cell {
                    text,
                    place: Place::Text {
                        line,
                        column,
                        range,
                    },
                }
            })
            .collect()
    }

    /// Takes a record as the header when none is known yet, otherwise as a row if it has
    /// one value per column of the header. Blank records are skipped.
    fn add(
        &self,
        records: &mut Records,
        raw: &RawRecord,
        mut cells: Vec<Cell>,
        is_header: HeaderRule<'_>,
    ) {
        if cells.iter().all(|c| c.text.is_empty()) {
            return;
        }
        let line = self.lines.line(raw.start);
        let Some((header, header_line)) = &records.header else {
            if !is_header(&cells) {
                records.skipped = true;
                return;
            }
            while cells.last().is_some_and(|c| c.text.is_empty()) {
                cells.pop();
            }
            records.header = Some((cells, line));
            return;
        };
        let expected = header.len();
        if cells.len() > expected && cells[expected..].iter().all(|c| c.text.is_empty()) {
            cells.truncate(expected);
        }
        if cells.len() != expected {
            let diagnostic = self.wrong_field_count(raw, expected, cells.len(), *header_line);
            records.diagnostics.push(diagnostic);
            return;
        }
        records.rows.push(Row { cells, line });
    }

    fn unclosed_quote(&self, quote: usize) -> Diagnostic {
        Diagnostic::error("csv-quote", t!("table-csv-quote"))
            .at(&Source::new(self.file, self.text), quote..quote + 1)
            .with_hint(t!("table-csv-quote-hint"))
            .with_note(t!("table-csv-quote-note"))
    }

    fn wrong_field_count(
        &self,
        raw: &RawRecord,
        expected: usize,
        found: usize,
        header_line: usize,
    ) -> Diagnostic {
        let separator = match self.delimiter {
            b'\t' => t!("table-separator-tab"),
            b';' => "';'".to_string(),
            _ => "','".to_string(),
        };
        let hint = if found > expected {
            match self.delimiter {
                b',' => t!("table-csv-decimal-comma-hint"),
                _ => t!("table-csv-extra-separator-hint", separator = separator),
            }
        } else {
            t!("table-csv-missing-separator-hint", separator = separator)
        };
        Diagnostic::error(
            "csv-fields",
            t!("table-csv-fields", expected = expected, found = found),
        )
        .at(
            &Source::new(self.file, self.text),
            raw.start..raw.end.max(raw.start),
        )
        .with_hint(hint)
        .with_note(t!("table-csv-header-line", line = header_line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::parse_number;
    use crate::content::plan::table::test_support::*;

    #[test]
    fn cells_know_their_line_column_and_bytes_after_a_bom_and_crlf() {
        // After its closing quote a cell goes on unquoted up to the separator.
        let text = "\u{feff}Mã,Ghi chú\r\nCT-01,\"a,\"\"b\"\" \" \r\n";
        let table = csv_ok(text);
        let decoded = &table.text;
        assert!(
            !decoded.starts_with('\u{feff}'),
            "positions are in the text without BOM"
        );
        let Place::Text {
            line,
            column,
            range,
        } = &table.header[0].place
        else {
            panic!()
        };
        assert_eq!((*line, *column, range.clone()), (1, 1, 0..3));
        let cell = &table.rows[0].cells[1];
        assert_eq!(cell.text, "a,\"b\"");
        let Place::Text {
            line,
            column,
            range,
        } = &cell.place
        else {
            panic!()
        };
        assert_eq!((*line, *column), (2, 7));
        assert_eq!(&decoded[range.clone()], "\"a,\"\"b\"\" \"");
    }

    #[test]
    fn a_row_with_the_wrong_number_of_values_is_reported_and_reading_goes_on() {
        let text = "a,b\n1,2\n3,4,5\n6\n7,8\n";
        let (table, diagnostics) = read_csv(FILE, text.as_bytes());
        let table = table.unwrap();
        assert_eq!(rows(&table), [["1", "2"], ["7", "8"]]);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(
            (d.code, d.location()),
            ("csv-fields", format!("{FILE}:3:1"))
        );
        assert!(d.message.contains("expected 2 values") && d.message.contains("found 3"));
        assert!(d.hint.as_deref().unwrap().contains("78.5"));
        assert_eq!((d.source_line.as_deref(), d.width), (Some("3,4,5"), 5));
        assert_eq!(diagnostics[1].location(), format!("{FILE}:4:1"));
        assert!(diagnostics[1].message.contains("found 1"));
        assert!(diagnostics[1].hint.as_deref().unwrap().contains("','"));
    }

    #[test]
    fn blank_rows_and_trailing_empty_values_from_spreadsheets_are_accepted() {
        let text = "\n a;b;; \n\n;;;\n1;2;;\n ; \n3;4\n\n";
        let table = csv_ok(text);
        assert_eq!(texts(&table.header), ["a", "b"]);
        assert_eq!(rows(&table), [["1", "2"], ["3", "4"]]);
        assert_eq!(table.rows[1].line, 7);
        assert_eq!(table.delimiter, b';');
    }

    #[test]
    fn a_quote_never_closed_is_placed_at_the_quote() {
        let (table, diagnostics) = read_csv(FILE, b"a,b\n1,2\n3,\"oops\n4,5\n");
        assert_eq!(rows(&table.unwrap()), [["1", "2"]]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "csv-quote");
        assert_eq!(diagnostics[0].location(), format!("{FILE}:3:3"));

        let (table, diagnostics) = read_csv(FILE, b"\"");
        assert!(table.is_none());
        assert_eq!(diagnostics[0].code, "csv-quote");
    }

    #[test]
    fn files_without_data_or_not_in_utf8_are_one_placed_error() {
        for empty in [&b""[..], b"\xEF\xBB\xBF", b"  \r\n\n ", b",,,\n, ,\n"] {
            let (table, diagnostics) = read_csv(FILE, empty);
            assert!(table.is_none());
            assert_eq!(diagnostics.len(), 1);
            assert_eq!(diagnostics[0].code, "csv-empty");
        }
        let (table, diagnostics) = read_csv(FILE, b"a,b\nx,\xE0y\n");
        assert!(table.is_none());
        assert_eq!(diagnostics[0].code, "not-utf8");
        assert_eq!(diagnostics[0].location(), format!("{FILE}:2:3"));
        let garbage: Vec<u8> = (0..=255).collect();
        let (table, diagnostics) = read_csv(FILE, &garbage);
        assert!(table.is_none() && diagnostics.len() == 1);
    }

    #[test]
    fn lines_ended_by_a_lone_cr_are_lines() {
        let table = csv_ok("a,b\r1,2\r3,4\r");
        assert_eq!(rows(&table), [["1", "2"], ["3", "4"]]);
        assert_eq!(table.rows[1].line, 3);
    }

    #[test]
    fn any_text_reads_without_panic_and_every_place_matches_the_text() {
        const PIECES: &[&str] = &[
            "a", "ệ", "Đắk", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\u{feff}",
            "90 %", "78,5", "",
        ];
        let mut rng = Lcg(7);
        for _ in 0..3000 {
            let len = rng.next(30);
            let text: String = (0..len).map(|_| PIECES[rng.next(PIECES.len())]).collect();
            let (table, diagnostics) = read_csv(FILE, text.as_bytes());
            for d in &diagnostics {
                let _ = d.render();
            }
            let Some(table) = table else { continue };
            let source = Source::new(FILE, &table.text);
            for row in std::iter::once(&table.header).chain(table.rows.iter().map(|r| &r.cells)) {
                for cell in row {
                    let Place::Text {
                        line,
                        column,
                        range,
                    } = &cell.place
                    else {
                        panic!()
                    };
                    assert!(table.text.get(range.clone()).is_some(), "{text:?}");
                    let place = source.locate(range.clone());
                    assert_eq!((place.line, place.column), (*line, *column), "{text:?}");
                    let _ = parse_number(&cell.text, table.decimal_comma());
                    let _ = table.error(cell, "x", "y").render();
                }
            }
            for row in &table.rows {
                assert_eq!(row.cells.len(), table.header.len());
                let _ = table.row_error(row, "x", "y").render();
            }
            let _ = table.require(&["Mã", "a"]);
        }
    }
}
