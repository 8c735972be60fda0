//! Tabular input (CSV and .xlsx) with the place of every cell, for plan data (pure).
//!
//! Communications staff keep progress data in a spreadsheet and save it as CSV or .xlsx.
//! Every cell read here keeps where it came from, so that a mistake found later is reported
//! at `file:line:column` with the line quoted (CSV) or at a sheet and cell such as `C14`
//! (.xlsx). The rules below are what the site's authors are promised:
//!
//! **CSV files**
//! - The text is UTF-8, with or without a byte-order mark; a file in another encoding is an
//!   error placed at its first byte that is not UTF-8. Text is normalised to NFC, so letters
//!   typed with different Vietnamese keyboards compare equal. Lines end in LF or CRLF (a
//!   lone CR, as old Mac spreadsheets write, also ends a line).
//! - The separator is found from the header line: whichever of `,` `;` and tab occurs most
//!   often there outside double quotes (on a tie `,` before `;` before tab). A header with
//!   none of them is a file of one column.
//! - A cell may be put in double quotes; it may then hold separators, line breaks and `""`
//!   for one quote mark. A quote opens a quoted cell only as the cell's first character;
//!   elsewhere it is an ordinary character. A quote that is never closed is an error.
//! - Spaces at the start and end of every cell are dropped (inside quotes too). A line
//!   break inside a quoted cell is read as LF whatever the file's lines end with.
//! - The first line that is not blank is the header and names the columns. Empty names at
//!   its end (a spreadsheet saving more columns than are used) are dropped. Two columns may
//!   not have the same name; names are compared ignoring case, Vietnamese diacritics and
//!   spaces. A column without a name must be empty.
//! - Lines that are blank or hold only separators and spaces (how spreadsheets save an
//!   empty row, `;;;;`) are skipped.
//! - Every other line must have one value for each column of the header. Extra values at
//!   the end that are empty are accepted, since spreadsheets add them; any other difference
//!   is an error (`csv-fields`) and the line is left out. Reading goes on after a bad line,
//!   so one build reports every problem of the file.
//!
//! **.xlsx workbooks**
//! - Each visible worksheet with a value in it is one table, in the workbook's order.
//!   Hidden sheets (often lookup lists for drop-downs) and chart sheets are skipped.
//! - The first row with a value is the header; it starts at the leftmost column with a value
//!   anywhere in the sheet and may reach 1024 columns. Rows without values are skipped; a
//!   value to the right of the last named column, or under a column without a name, is an
//!   error. The same names rule as for CSV applies.
//! - Cells become text: text as typed (NFC, spaces around it dropped), numbers without a
//!   trailing `.0` and at Excel's 15 significant digits (`2025`, `78.5`), `true`/`false`,
//!   dates as `YYYY-MM-DD` (with `THH:MM:SS` when they have a time; a time alone as
//!   `HH:MM:SS`), and formula errors as Excel writes them (`#N/A`). Formulas give the value
//!   the spreadsheet last computed. Number formats are not applied: a cell shown as `78.5%`
//!   holds 0.785 and is read as `0.785`.
//! - A file that is not an .xlsx workbook (an old .xls, a password-protected file, a renamed
//!   file) is one error for the file.
//!
//! **Numbers** are read by [`parse_number`]; see there.
//!
//! The readers are split by concern: `csv_file` and `workbook` read the two forms (on top
//! of `csv_scan` and `sheet_text`), `columns` matches header names to columns, `number`
//! reads numbers, and `errors` places a diagnostic at a cell, a row or the header.

mod columns;
mod csv_file;
mod csv_scan;
mod errors;
mod number;
mod sheet_text;
#[cfg(test)]
mod test_support;
mod workbook;

use std::ops::Range;

pub use csv_file::{read_csv, read_csv_with};
pub use number::parse_number;
pub use workbook::{Limits, read_xlsx, read_xlsx_with};

/// Tells the header row from the rows above it: given a row's cells, whether it names the
/// columns.
pub type HeaderRule<'a> = &'a dyn Fn(&[Cell]) -> bool;

/// Where a cell is, to point at it in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A cell of a CSV file: 1-based line and column (in characters) where the cell's text
    /// starts (at the opening quote of a quoted cell), and the byte range in `Table::text`
    /// (the file as decoded: without its byte-order mark, in NFC, on the file's own lines)
    /// of the cell as written, quotes included and surrounding spaces left out.
    Text {
        line: usize,
        column: usize,
        range: Range<usize>,
    },
    /// A cell of a spreadsheet: sheet name and A1-style reference (`C14`).
    Sheet { sheet: String, cell: String },
}

/// One value of a table, trimmed, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub place: Place,
}

/// One data row: exactly one cell per header column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// 1-based line where the row starts (CSV) or row number (xlsx).
    pub line: usize,
}

/// A CSV file or one worksheet: its header and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Site-relative name for messages: `content/ke-hoach-2025/data/tien-do-2025.csv`.
    pub file: String,
    /// The worksheet's name, for xlsx.
    pub sheet: Option<String>,
    /// The decoded CSV text (empty for xlsx), kept to quote lines in messages.
    pub text: String,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
    /// `b','`, `b';'` or `b'\t'` as detected (`b','` for xlsx).
    pub delimiter: u8,
}

impl Table {
    /// Numbers in this table take a decimal comma: the file is `;`-separated, as a
    /// spreadsheet in a Vietnamese locale saves it.
    pub fn decimal_comma(&self) -> bool {
        self.delimiter == b';'
    }
}

/// A cell's text without surrounding spaces, nor the invisible marks that copying from web
/// pages or concatenated files leaves at its ends.
fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    const SEMICOLON: &str = "Mã;Chỉ tiêu;Kỳ;Giá trị;Ghi chú\n\
        CT-01;Tỷ lệ hồ sơ trực tuyến;2025-Q3;78,5;Tăng, so với quý 2\n\
        CT-02;\"Số thủ tục \"\"toàn trình\"\"\";2025;120;\n\
        CT-03; Nhiều dòng ;2025-09;0,25;\"dòng 1\ndòng 2\"\n\
        CT-04;Sau ô nhiều dòng;2025-12;100;\n";

    #[test]
    fn the_same_data_reads_the_same_from_every_form() {
        let bom = format!("\u{feff}{CLEAN}");
        let crlf = CLEAN.replace('\n', "\r\n");
        for text in [CLEAN, &bom, &crlf] {
            let table = csv_ok(text);
            assert_eq!(texts(&table.header), header());
            assert_eq!(rows(&table), expected_rows());
            assert_eq!(table.delimiter, b',');
            assert!(!table.decimal_comma());
            let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
            assert_eq!(
                lines,
                [2, 3, 4, 6],
                "the quoted line break moves CT-04 to line 6"
            );
        }

        let semicolon = csv_ok(SEMICOLON);
        assert_eq!(semicolon.delimiter, b';');
        assert!(semicolon.decimal_comma());
        assert_eq!(texts(&semicolon.header), header());
        let value = semicolon.column("giá trị").unwrap();
        for (row, expected) in semicolon.rows.iter().zip(expected_rows()) {
            for (i, (cell, want)) in row.cells.iter().zip(&expected).enumerate() {
                if i == value {
                    let number = parse_number(&cell.text, semicolon.decimal_comma());
                    assert_eq!(number, Ok(want.parse::<f64>().unwrap()));
                } else {
                    assert_eq!(cell.text, *want);
                }
            }
        }

        let (tables, diagnostics) = read_xlsx("content/data/tien-do.xlsx", &progress_workbook());
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let [table] = tables.as_slice() else {
            panic!("one sheet, one table: {tables:#?}")
        };
        assert_eq!(table.sheet.as_deref(), Some("Tiến độ"));
        assert_eq!(texts(&table.header), header());
        assert_eq!(rows(table), expected_rows());
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(
            table.rows[0].cells[3].place,
            Place::Sheet {
                sheet: "Tiến độ".into(),
                cell: "D2".into()
            }
        );
    }
}
