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
//!   anywhere in the sheet. Rows without values are skipped; a value to the right of the
//!   last named column, or under a column without a name, is an error.
//! - Cells become text as the spreadsheet shows them: text as typed (NFC, spaces around it
//!   dropped), numbers without a trailing `.0` and at Excel's 15 significant digits (`2025`,
//!   `78.5`), `true`/`false`, dates as `YYYY-MM-DD` (with `THH:MM:SS` when they have a
//!   time), and formula errors as Excel writes them (`#N/A`). Formulas give the value the
//!   spreadsheet last computed.
//! - A file that is not an .xlsx workbook (an old .xls, a password-protected file, a renamed
//!   file) is one error for the file.
//!
//! **Numbers** are read by [`parse_number`]; see there.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::ops::Range;

use calamine::{DataRef, ExcelDateTime, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::slug::fold_ascii;
use crate::source::{decode, nfc};

/// Where a cell is, to point at it in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A cell of a CSV file: 1-based line and column (in characters) where the cell's text
    /// starts (at the opening quote of a quoted cell), and the byte range in the file's text
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

/// A .xlsx sheet's header may not run further right than this: rows are padded to the
/// header's width, so a stray value far to the right would otherwise cost memory per row.
const MAX_SHEET_COLUMNS: u32 = 1024;

/// Reads a CSV file. The table is `None` only when the file has no header (it is empty or
/// not UTF-8); otherwise it holds every well-formed row, beside a diagnostic for every
/// problem found.
pub fn read_csv(file: &str, bytes: &[u8]) -> (Option<Table>, Vec<Diagnostic>) {
    let text = match decode(bytes, file) {
        Ok(text) => bare_cr_to_lf(text),
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let delimiter = detect_delimiter(&text);
    let lines = LineStarts::new(&text);
    let mut diagnostics = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut header: Option<(Vec<Cell>, usize)> = None;
    let mut rows = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                // Reading from memory with `flexible` leaves no error the crate can raise;
                // this stays so that a future one is reported rather than lost.
                diagnostics.push(
                    Diagnostic::error("csv-read", format!("{file} cannot be read: {error}"))
                        .in_file(file),
                );
                break;
            }
        }
        let from = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let raw = scan_record(text.as_bytes(), from, delimiter);
        if let Some(quote) = raw.unclosed_quote {
            diagnostics.push(unclosed_quote(file, &text, quote));
            // The crate read the rest of the file into this cell: nothing after it is left.
            break;
        }
        let line = lines.line(raw.start);
        let mut cells: Vec<Cell> = record
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let range = raw.fields.get(i).cloned().unwrap_or(raw.end..raw.end);
                let range = trim_range(&text, range);
                let (line, column) = lines.place(&text, range.start);
                let text = String::from_utf8_lossy(value);
                // A line break inside a quoted cell is kept as LF, whatever the file's lines
                // end with, so that the same data reads the same from every editor.
                let text = clean(&text).replace("\r\n", "\n");
                Cell {
                    text,
                    place: Place::Text {
                        line,
                        column,
                        range,
                    },
                }
            })
            .collect();
        if cells.iter().all(|c| c.text.is_empty()) {
            continue;
        }
        let Some((header, header_line)) = &header else {
            while cells.last().is_some_and(|c| c.text.is_empty()) {
                cells.pop();
            }
            header = Some((cells, line));
            continue;
        };
        let expected = header.len();
        if cells.len() > expected && cells[expected..].iter().all(|c| c.text.is_empty()) {
            cells.truncate(expected);
        }
        if cells.len() != expected {
            diagnostics.push(wrong_field_count(
                file,
                &text,
                &raw,
                expected,
                cells.len(),
                *header_line,
                delimiter,
            ));
            continue;
        }
        rows.push(Row { cells, line });
    }
    let Some((header, _)) = header else {
        if diagnostics.is_empty() {
            diagnostics.push(
                Diagnostic::error("csv-empty", format!("{file} has no data"))
                    .in_file(file)
                    .with_hint(
                        "the first line must name the columns, separated by commas, \
                         and each line after it holds one row",
                    ),
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

/// Reads every visible, non-empty worksheet of an .xlsx workbook; the first row with a
/// value in each is its header.
pub fn read_xlsx(file: &str, bytes: &[u8]) -> (Vec<Table>, Vec<Diagnostic>) {
    // A reader of a zipped XML format meets files damaged in every way; should it panic on
    // one, the author gets a message about their file instead of a build that stops.
    std::panic::catch_unwind(|| read_workbook(file, bytes))
        .unwrap_or_else(|_| (Vec::new(), vec![unreadable_workbook(file, bytes, None)]))
}

fn read_workbook(file: &str, bytes: &[u8]) -> (Vec<Table>, Vec<Diagnostic>) {
    let mut workbook: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(error) => return (Vec::new(), vec![unreadable_workbook(file, bytes, Some(&error))]),
    };
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect();
    let mut tables = Vec::new();
    let mut diagnostics = Vec::new();
    for name in names {
        let cells = match sheet_cells(&mut workbook, &name) {
            Ok(cells) => cells,
            Err(error) => {
                diagnostics.push(
                    Diagnostic::error(
                        "xlsx-sheet",
                        format!("sheet '{}' cannot be read", nfc(&name)),
                    )
                    .in_file(file)
                    .with_hint("save the workbook again from the spreadsheet as .xlsx")
                    .with_note(format!("the reader said: {error}")),
                );
                continue;
            }
        };
        let (table, problems) = sheet_table(file, &nfc(&name), &cells);
        diagnostics.extend(problems);
        tables.extend(table);
    }
    if tables.is_empty() && diagnostics.is_empty() {
        diagnostics.push(
            Diagnostic::error("xlsx-empty", format!("{file} has no data"))
                .in_file(file)
                .with_hint(
                    "put the data on a visible sheet: the first row names the columns \
                     and each row under it holds one row of data",
                ),
        );
    }
    (tables, diagnostics)
}

/// The non-empty cells of a sheet as text, by (row, column) from 0. Read cell by cell
/// rather than as calamine's rectangular `Range`, whose size is that of the area the cells
/// span: one stray value in a far corner would make it millions of cells.
fn sheet_cells(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<BTreeMap<(u32, u32), String>, XlsxError> {
    let mut reader = workbook.worksheet_cells_reader(name)?;
    let mut cells = BTreeMap::new();
    while let Some(cell) = reader.next_cell()? {
        let text = cell_text(cell.get_value());
        if !text.is_empty() {
            cells.insert(cell.get_position(), text);
        }
    }
    Ok(cells)
}

fn sheet_table(
    file: &str,
    sheet: &str,
    cells: &BTreeMap<(u32, u32), String>,
) -> (Option<Table>, Vec<Diagnostic>) {
    let Some((&(header_row, _), _)) = cells.first_key_value() else {
        return (None, Vec::new());
    };
    let first_col = cells.keys().map(|&(_, c)| c).min().unwrap_or(0);
    let last_col = cells
        .range((header_row, 0)..=(header_row, u32::MAX))
        .next_back()
        .map_or(first_col, |(&(_, c), _)| c);
    let place = |row: u32, col: u32| Place::Sheet {
        sheet: sheet.to_string(),
        cell: cell_reference(row, col),
    };
    let mut diagnostics = Vec::new();
    if last_col - first_col >= MAX_SHEET_COLUMNS {
        let cell = cell_reference(header_row, last_col);
        diagnostics.push(
            Diagnostic::error(
                "xlsx-too-wide",
                format!(
                    "sheet '{sheet}', cell {cell}: the header row runs to column {}, \
                     more than the {MAX_SHEET_COLUMNS} columns a sheet of data may have",
                    column_name(last_col)
                ),
            )
            .in_file(file)
            .with_hint("delete the value far to the right of the header row"),
        );
        return (None, diagnostics);
    }
    let text_at = |row: u32, col: u32| cells.get(&(row, col)).cloned().unwrap_or_default();
    let header = (first_col..=last_col)
        .map(|col| Cell {
            text: text_at(header_row, col),
            place: place(header_row, col),
        })
        .collect();
    let mut rows = Vec::new();
    let mut row_numbers: Vec<u32> = cells.keys().map(|&(r, _)| r).collect();
    row_numbers.dedup();
    for &row in row_numbers.iter().filter(|&&r| r > header_row) {
        for (&(_, col), _) in cells.range((row, last_col.saturating_add(1))..=(row, u32::MAX)) {
            diagnostics.push(
                Diagnostic::error(
                    "unnamed-column",
                    format!(
                        "sheet '{sheet}', cell {}: this value is in a column that has \
                         no name in the header row",
                        cell_reference(row, col)
                    ),
                )
                .in_file(file)
                .with_hint(format!(
                    "write the column's name in cell {}, or move the value into a named \
                     column",
                    cell_reference(header_row, col)
                )),
            );
        }
        let cells = (first_col..=last_col)
            .map(|col| Cell {
                text: text_at(row, col),
                place: place(row, col),
            })
            .collect();
        rows.push(Row {
            cells,
            line: row as usize + 1,
        });
    }
    let table = Table {
        file: file.to_string(),
        sheet: Some(sheet.to_string()),
        text: String::new(),
        header,
        rows,
        delimiter: b',',
    };
    diagnostics.extend(table.check_columns());
    (Some(table), diagnostics)
}

fn unreadable_workbook(file: &str, bytes: &[u8], error: Option<&XlsxError>) -> Diagnostic {
    let hint = if matches!(error, Some(XlsxError::Password)) {
        "remove the password (File > Info > Protect Workbook), then save it again as .xlsx"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "this looks like an old .xls workbook: save it again from the spreadsheet as .xlsx \
         (Excel Workbook)"
    } else {
        "save it again from the spreadsheet as .xlsx (Excel Workbook)"
    };
    let diagnostic = Diagnostic::error(
        "xlsx-unreadable",
        format!("{file} cannot be read as an .xlsx workbook"),
    )
    .in_file(file)
    .with_hint(hint);
    match error {
        Some(error) => diagnostic.with_note(format!("the reader said: {error}")),
        None => diagnostic,
    }
}

/// A cell's value as the text a person sees in the spreadsheet.
fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(text) => clean(&nfc(text)).to_string(),
        DataRef::SharedString(text) => clean(&nfc(text)).to_string(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) => number_text(*x),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(date) => date_text(date),
        DataRef::DateTimeIso(text) => text.strip_suffix("T00:00:00").unwrap_or(text).to_string(),
        DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => error.to_string(),
    }
}

/// Excel keeps 15 significant digits and shows no more; the binary noise beyond them
/// (`0.30000000000000004` for `=0.1+0.2`) is not something anyone typed.
fn number_text(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let rounded: f64 = format!("{x:.14e}").parse().unwrap_or(x);
    // Adding zero turns -0 into 0, which nobody means.
    format!("{}", rounded + 0.0)
}

fn date_text(date: &ExcelDateTime) -> String {
    let value = date.as_f64();
    if date.is_duration() {
        let seconds = (value * 86_400.0).round().max(0.0) as u64;
        return format!(
            "{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
    }
    let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
    if (0.0..1.0).contains(&value) {
        // A time of day without a date.
        format!("{hour:02}:{minute:02}:{second:02}")
    } else if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
    }
}

/// `C14` for row 13, column 2 (both from 0).
fn cell_reference(row: u32, col: u32) -> String {
    format!("{}{}", column_name(col), u64::from(row) + 1)
}

/// Spreadsheet column letters: A…Z, AA…AZ, BA…, ZZ, AAA… (column from 0).
fn column_name(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

impl Table {
    /// Index of a header column, matched ignoring case, Vietnamese diacritics and spaces
    /// (around the name and repeated inside it): `gia tri` finds `Giá  trị`.
    pub fn column(&self, name: &str) -> Option<usize> {
        let wanted = name_key(name);
        if wanted.is_empty() {
            return None;
        }
        self.header.iter().position(|c| name_key(&c.text) == wanted)
    }

    /// A diagnostic for every name in `required` that the header lacks, placed at the header
    /// line (CSV) or row (xlsx), with "did you mean" from the header's other names or else
    /// the list of the columns expected.
    pub fn require(&self, required: &[&str]) -> Vec<Diagnostic> {
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|name| self.column(name).is_none())
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        // A header name that is itself one of the required ones is no misspelling of another.
        let unused: Vec<(String, &str)> = self
            .header
            .iter()
            .filter(|c| !c.text.is_empty())
            .filter(|c| !required.iter().any(|r| name_key(r) == name_key(&c.text)))
            .map(|c| (name_key(&c.text), c.text.as_str()))
            .collect();
        let names: Vec<&str> = self
            .header
            .iter()
            .filter(|c| !c.text.is_empty())
            .map(|c| c.text.as_str())
            .collect();
        missing
            .iter()
            .map(|name| {
                let key = name_key(name);
                let guess = did_you_mean(&key, unused.iter().map(|(k, _)| k.as_str()))
                    .and_then(|k| unused.iter().find(|(u, _)| u == k))
                    .map(|(_, original)| *original);
                let hint = match guess {
                    Some(guess) => format!(
                        "did you mean '{guess}'? Write the column's name as '{name}' \
                         (case and diacritics do not matter)"
                    ),
                    None => format!(
                        "the header must name these columns: {}",
                        required.join(", ")
                    ),
                };
                self.header_diagnostic(
                    "missing-column",
                    format!("the column '{name}' is missing"),
                )
                .with_hint(hint)
                .with_note(format!("the header has: {}", names.join(", ")))
            })
            .collect()
    }

    /// An error placed at `cell`: for CSV at its line and column, quoting the line with a
    /// caret under the cell; for xlsx naming the file, with the message prefixed by
    /// `sheet 'NAME', cell C14: `.
    pub fn error(&self, cell: &Cell, code: &'static str, message: impl Into<String>) -> Diagnostic {
        match &cell.place {
            Place::Text { range, .. } => Diagnostic::error(code, message)
                .at(&Source::new(&self.file, &self.text), range.clone()),
            Place::Sheet { sheet, cell } => Diagnostic::error(
                code,
                format!("sheet '{sheet}', cell {cell}: {}", message.into()),
            )
            .in_file(&self.file),
        }
    }

    /// An error placed at a whole row: for CSV its line from column 1; for xlsx the message
    /// is prefixed by `sheet 'NAME', row 14: `.
    pub fn row_error(&self, row: &Row, code: &'static str, message: impl Into<String>) -> Diagnostic {
        let first = row.cells.first().map(|c| &c.place);
        let last = row.cells.last().map(|c| &c.place);
        match (first, last) {
            (Some(Place::Text { range: start, .. }), Some(Place::Text { range: end, .. })) => {
                let line_start = self
                    .text
                    .get(..start.start)
                    .and_then(|before| before.rfind('\n'))
                    .map_or(0, |i| i + 1);
                Diagnostic::error(code, message).at(
                    &Source::new(&self.file, &self.text),
                    line_start..end.end.max(line_start),
                )
            }
            (Some(Place::Sheet { sheet, .. }), _) => Diagnostic::error(
                code,
                format!("sheet '{sheet}', row {}: {}", row.line, message.into()),
            )
            .in_file(&self.file),
            _ => match &self.sheet {
                Some(sheet) => Diagnostic::error(
                    code,
                    format!("sheet '{sheet}', row {}: {}", row.line, message.into()),
                )
                .in_file(&self.file),
                None => {
                    Diagnostic::error(code, message).at_line(&self.file, &self.text, row.line, 1)
                }
            },
        }
    }

    /// Numbers in this table take a decimal comma: the file is `;`-separated, as a
    /// spreadsheet in a Vietnamese locale saves it.
    pub fn decimal_comma(&self) -> bool {
        self.delimiter == b';'
    }

    /// An error about the header as a whole: its line (CSV) or row (xlsx).
    fn header_diagnostic(&self, code: &'static str, message: String) -> Diagnostic {
        match (self.header.first(), self.header.last()) {
            (Some(first), Some(last)) => match (&first.place, &last.place) {
                (Place::Sheet { sheet, cell }, _) => {
                    let row = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                    Diagnostic::error(code, format!("sheet '{sheet}', row {row}: {message}"))
                        .in_file(&self.file)
                }
                (Place::Text { .. }, _) => {
                    let header = Row {
                        cells: vec![first.clone(), last.clone()],
                        line: 0,
                    };
                    self.row_error(&header, code, message)
                }
            },
            _ => Diagnostic::error(code, message).in_file(&self.file),
        }
    }

    /// Duplicate column names, and values under a column without a name.
    fn check_columns(&self) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let keys: Vec<String> = self.header.iter().map(|c| name_key(&c.text)).collect();
        for (i, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            if let Some(first) = keys[..i].iter().position(|k| k == key) {
                let cell = &self.header[i];
                let earlier = match &self.header[first].place {
                    Place::Sheet { cell, .. } => format!("cell {cell}"),
                    Place::Text { .. } => format!("column {}", first + 1),
                };
                diagnostics.push(
                    self.error(
                        cell,
                        "duplicate-column",
                        format!("the column name '{}' is used twice", cell.text),
                    )
                    .with_hint("rename or remove one of the two columns")
                    .with_note(format!("it is also the name in {earlier}")),
                );
            }
        }
        for (i, _) in keys.iter().enumerate().filter(|(_, k)| k.is_empty()) {
            for row in &self.rows {
                if let Some(cell) = row.cells.get(i).filter(|c| !c.text.is_empty()) {
                    let hint = match &self.header[i].place {
                        Place::Sheet { cell, .. } => format!(
                            "write the column's name in cell {cell}, or move the value into \
                             a named column"
                        ),
                        Place::Text { line, .. } => format!(
                            "write the column's name in the header on line {line}, or \
                             remove the value"
                        ),
                    };
                    diagnostics.push(
                        self.error(
                            cell,
                            "unnamed-column",
                            "this value is in a column that has no name in the header",
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
        diagnostics
    }
}

/// How column names are compared: folded to lowercase ASCII, spaces collapsed.
fn name_key(name: &str) -> String {
    fold_ascii(clean(name))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a number as offices write it.
///
/// Each file has one decimal mark: a comma when `decimal_comma` (a `;`-separated CSV, as a
/// spreadsheet in a Vietnamese locale saves it), otherwise a dot (comma- or tab-separated
/// CSV, and .xlsx, whose numbers arrive with a dot). The other mark may group thousands,
/// in groups of three digits, only where it cannot be a decimal mark: `1.234,5` and
/// `1.234.567` with a decimal comma, `1,234.5` and `1,234,567` with a decimal dot. A single
/// group with no decimal mark (`1.234` or `1,234`) could be read either way and is an error,
/// and so is a decimal written with the other mark (`78,5` in a comma-separated file).
///
/// A leading `-`, `+` or `−` (U+2212) gives the sign; spaces around the number are ignored.
/// Anything else is an error: `Err((message, hint))`, the hint telling what to write.
pub fn parse_number(text: &str, decimal_comma: bool) -> Result<f64, (String, String)> {
    let text = clean(text);
    let example = if decimal_comma { "78,5" } else { "78.5" };
    if text.is_empty() {
        return Err((
            "expected a number, but the value is empty".to_string(),
            format!("write a number here, such as {example}"),
        ));
    }
    let fail = |hint: String| Err((format!("expected a number, found '{text}'"), hint));
    let negative = text.starts_with(['-', '\u{2212}']);
    let body = text.strip_prefix(['-', '+', '\u{2212}']).unwrap_or(text);
    let (mark, other) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    if body.contains('%') {
        return fail("write the number without the % sign".to_string());
    }
    if text.starts_with('#') {
        return fail(format!(
            "the spreadsheet shows an error here ({text}): correct the formula or type the value"
        ));
    }
    let numeric = |c: char| c.is_ascii_digit() || c == mark || c == other;
    if !body.contains(|c: char| c.is_ascii_digit()) {
        return fail(format!(
            "write a number such as {example}; when there is no value yet, leave the cell empty"
        ));
    }
    if !body.chars().all(numeric) {
        let hint = if body.chars().all(|c| numeric(c) || c.is_whitespace()) {
            "remove the spaces inside the number".to_string()
        } else if body.starts_with(|c: char| c.is_ascii_digit()) {
            let unit = body.trim_start_matches(|c: char| numeric(c) || c.is_whitespace());
            format!("write only the number, without '{unit}'")
        } else {
            format!("write only the number, such as {example}")
        };
        return fail(hint);
    }
    let sign = if negative { -1.0 } else { 1.0 };
    match plain_number(body, mark, other) {
        Ok(value) if value.is_finite() => Ok(sign * value + 0.0),
        Ok(_) => fail("the number is too large".to_string()),
        Err(NumberProblem::Ambiguous) => {
            let whole: String = body.chars().filter(char::is_ascii_digit).collect();
            let decimal = body.replace(other, &mark.to_string());
            fail(format!(
                "'{body}' could be read two ways: write {whole} for the whole number, or \
                 {decimal} for the decimal"
            ))
        }
        Err(NumberProblem::Malformed) => match plain_number(body, other, mark) {
            Ok(value) => {
                let written = format!("{}{value}", if negative { "-" } else { "" });
                if decimal_comma {
                    fail(format!(
                        "write {}: in a ';'-separated file decimals take a comma",
                        written.replace('.', ",")
                    ))
                } else {
                    fail(format!(
                        "write {written}, with a dot for decimals (to write decimal commas, \
                         save the file as ';'-separated CSV)"
                    ))
                }
            }
            Err(_) => fail(format!(
                "write digits with at most one decimal mark, such as {example}"
            )),
        },
    }
}

enum NumberProblem {
    /// `1,234` with a decimal dot: one thousand or one point two three four.
    Ambiguous,
    Malformed,
}

/// Digits with the decimal `mark` and the thousands separator `other` (no sign).
fn plain_number(body: &str, mark: char, other: char) -> Result<f64, NumberProblem> {
    let (whole, fraction) = match body.split_once(mark) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    };
    let fraction_ok = fraction.is_none_or(|f| f.chars().all(|c| c.is_ascii_digit()));
    if !fraction_ok || (whole.is_empty() && fraction.is_none_or(str::is_empty)) {
        return Err(NumberProblem::Malformed);
    }
    let groups: Vec<&str> = whole.split(other).collect();
    if groups.len() > 1 {
        let well_grouped = (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_grouped {
            return Err(NumberProblem::Malformed);
        }
        if groups.len() == 2 && fraction.is_none() {
            return Err(NumberProblem::Ambiguous);
        }
    }
    let digits: String = groups.concat();
    let number = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { &digits },
        fraction.filter(|f| !f.is_empty()).unwrap_or("0")
    );
    number.parse().map_err(|_| NumberProblem::Malformed)
}

/// A cell's text without surrounding spaces, nor the invisible marks that copying from web
/// pages or concatenated files leaves at its ends.
fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// The part of `range` in `text` left by `clean`.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
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
fn bare_cr_to_lf(text: String) -> String {
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
fn detect_delimiter(text: &str) -> u8 {
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
struct RawRecord {
    /// The record's first byte.
    start: usize,
    /// Each field as written: quotes included, separators not.
    fields: Vec<Range<usize>>,
    /// Just past the last field (at its line break, or the end of the text).
    end: usize,
    /// The offset of a quote that opens a cell and is never closed.
    unclosed_quote: Option<usize>,
}

/// Scans the record that starts at `from` (or after the line breaks there), reading quotes
/// as the csv crate does, so that each field's place is known: the crate gives a record's
/// offset but not its fields'. A quote opens a quoted field only as its first byte; inside,
/// `""` is a quote; after the closing quote the field goes on unquoted to the next
/// separator; CR, LF and CRLF end a record.
fn scan_record(text: &[u8], from: usize, delimiter: u8) -> RawRecord {
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
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineStarts(starts)
    }

    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }

    /// 1-based line and column (in characters), counted as `diag::Source` counts them.
    fn place(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let line_start = self.0[line - 1];
        let column = text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

fn unclosed_quote(file: &str, text: &str, quote: usize) -> Diagnostic {
    Diagnostic::error("csv-quote", "this quote mark opens a cell that is never closed")
        .at(&Source::new(file, text), quote..quote + 1)
        .with_hint(
            "end the quoted text with another \" before the next separator (write \"\" for a \
             quote mark inside it), or remove this quote",
        )
        .with_note("everything after it was read as one cell, so the lines after it were not checked")
}

fn wrong_field_count(
    file: &str,
    text: &str,
    raw: &RawRecord,
    expected: usize,
    found: usize,
    header_line: usize,
    delimiter: u8,
) -> Diagnostic {
    let separator = match delimiter {
        b'\t' => "a tab",
        b';' => "';'",
        _ => "','",
    };
    let hint = if found > expected {
        match delimiter {
            b',' => "a number written with a decimal comma (78,5) counts as two values in a \
                     comma-separated file: write 78.5; put text that contains a comma in \
                     double quotes"
                .to_string(),
            _ => format!(
                "remove the extra {separator}, or put text that contains {separator} in \
                 double quotes"
            ),
        }
    } else {
        format!(
            "every row needs a value for each column, separated by {separator}; an empty \
             value still needs its {separator}"
        )
    };
    Diagnostic::error(
        "csv-fields",
        format!("expected {expected} values, one for each column of the header, but found {found}"),
    )
    .at(&Source::new(file, text), raw.start..raw.end.max(raw.start))
    .with_hint(hint)
    .with_note(format!("the header is on line {header_line}"))
}
