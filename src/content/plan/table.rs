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
        Err(error) => {
            return (
                Vec::new(),
                vec![unreadable_workbook(file, bytes, Some(&error))],
            );
        }
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
                self.header_diagnostic("missing-column", format!("the column '{name}' is missing"))
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
    pub fn row_error(
        &self,
        row: &Row,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
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
/// and so is a decimal comma in a comma-separated file (`78,5`). In a `;`-separated file a
/// dot that cannot be a thousands separator (`8.5`) is read as a decimal dot.
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
            // A decimal dot in a `;` file cannot be a thousands separator when it is not
            // followed by a group of three digits, so `8.5` is read as 8.5 (a cell typed as
            // text in a Vietnamese-locale spreadsheet keeps its dot).
            Ok(value) if decimal_comma && value.is_finite() => Ok(sign * value + 0.0),
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
        let well_grouped =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
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
    Diagnostic::error(
        "csv-quote",
        "this quote mark opens a cell that is never closed",
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime as XlsxDate, Format, Formula, Workbook};

    const FILE: &str = "content/ke-hoach-2025/data/tien-do-2025.csv";

    /// The same progress data in every form a table may come in.
    const CLEAN: &str = "Mã,Chỉ tiêu,Kỳ,Giá trị,Ghi chú\n\
        CT-01,Tỷ lệ hồ sơ trực tuyến,2025-Q3,78.5,\"Tăng, so với quý 2\"\n\
        CT-02,\"Số thủ tục \"\"toàn trình\"\"\",2025,120,\n\
        CT-03, Nhiều dòng ,2025-09,0.25,\"dòng 1\ndòng 2\"\n\
        CT-04,Sau ô nhiều dòng,2025-12,100,\n";

    const SEMICOLON: &str = "Mã;Chỉ tiêu;Kỳ;Giá trị;Ghi chú\n\
        CT-01;Tỷ lệ hồ sơ trực tuyến;2025-Q3;78,5;Tăng, so với quý 2\n\
        CT-02;\"Số thủ tục \"\"toàn trình\"\"\";2025;120;\n\
        CT-03; Nhiều dòng ;2025-09;0,25;\"dòng 1\ndòng 2\"\n\
        CT-04;Sau ô nhiều dòng;2025-12;100;\n";

    fn header() -> Vec<&'static str> {
        vec!["Mã", "Chỉ tiêu", "Kỳ", "Giá trị", "Ghi chú"]
    }

    fn expected_rows() -> Vec<Vec<&'static str>> {
        vec![
            vec![
                "CT-01",
                "Tỷ lệ hồ sơ trực tuyến",
                "2025-Q3",
                "78.5",
                "Tăng, so với quý 2",
            ],
            vec!["CT-02", "Số thủ tục \"toàn trình\"", "2025", "120", ""],
            vec!["CT-03", "Nhiều dòng", "2025-09", "0.25", "dòng 1\ndòng 2"],
            vec!["CT-04", "Sau ô nhiều dòng", "2025-12", "100", ""],
        ]
    }

    fn texts(cells: &[Cell]) -> Vec<&str> {
        cells.iter().map(|c| c.text.as_str()).collect()
    }

    fn rows(table: &Table) -> Vec<Vec<&str>> {
        table.rows.iter().map(|r| texts(&r.cells)).collect()
    }

    fn csv_ok(text: &str) -> Table {
        let (table, diagnostics) = read_csv(FILE, text.as_bytes());
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        table.unwrap()
    }

    fn workbook_bytes(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
        let mut workbook = Workbook::new();
        build(&mut workbook);
        workbook.save_to_buffer().unwrap()
    }

    /// CLEAN as a workbook: numbers stored as numbers, `2025` too.
    fn progress_workbook() -> Vec<u8> {
        workbook_bytes(|workbook| {
            let sheet = workbook.add_worksheet();
            sheet.set_name("Tiến độ").unwrap();
            for (col, name) in header().iter().enumerate() {
                sheet.write_string(0, col as u16, *name).unwrap();
            }
            for (row, cells) in expected_rows().iter().enumerate() {
                let row = row as u32 + 1;
                for (col, text) in cells.iter().enumerate() {
                    let col = col as u16;
                    match text.parse::<f64>() {
                        Ok(number) => sheet.write_number(row, col, number).unwrap(),
                        Err(_) if text.is_empty() => sheet,
                        // Padded as a careless typist would: the reader trims.
                        Err(_) if col == 1 => {
                            sheet.write_string(row, col, format!(" {text} ")).unwrap()
                        }
                        Err(_) => sheet.write_string(row, col, *text).unwrap(),
                    };
                }
            }
        })
    }

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
    fn a_bad_value_is_shown_in_its_line_with_a_caret() {
        for text in [
            "Mã,Tên,Giá trị\nCT-01,Tỷ lệ hồ sơ,90 %\n",
            "\u{feff}Mã,Tên,Giá trị\r\nCT-01,Tỷ lệ hồ sơ,90 %\r\n",
        ] {
            let table = csv_ok(text);
            let cell = &table.rows[0].cells[2];
            let (message, hint) = parse_number(&cell.text, table.decimal_comma()).unwrap_err();
            let d = table.error(cell, "number", message).with_hint(hint);
            assert_eq!(d.location(), format!("{FILE}:2:19"));
            assert_eq!(d.source_line.as_deref(), Some("CT-01,Tỷ lệ hồ sơ,90 %"));
            assert_eq!(d.width, 4);
            assert_eq!(
                d.render(),
                format!(
                    "error[number]: expected a number, found '90 %'\n \
                     --> {FILE}:2:19\n  |\n\
                     2 | CT-01,Tỷ lệ hồ sơ,90 %\n  |                   ^^^^\n  \
                     = hint: write the number without the % sign\n"
                )
            );
        }
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
    fn row_errors_point_at_the_whole_row() {
        let table = csv_ok("a;b\n1;2\n  3;4\n");
        let d = table.row_error(&table.rows[1], "row", "this row is wrong");
        assert_eq!(d.location(), format!("{FILE}:3:1"));
        assert_eq!(d.width, 5);
        let header_only = csv_ok("a;b\n");
        assert!(header_only.rows.is_empty());
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
    fn columns_match_ignoring_case_diacritics_and_spaces() {
        let table = csv_ok("Mã, Giá  trị ,Kỳ\n1,2,3\n");
        assert_eq!(table.column("gia tri"), Some(1));
        assert_eq!(table.column(" GIÁ TRỊ "), Some(1));
        assert_eq!(table.column("ky"), Some(2));
        assert_eq!(table.column("ma"), Some(0));
        assert_eq!(table.column("giá"), None);
        assert_eq!(table.column(""), None);
    }

    #[test]
    fn missing_columns_are_reported_at_the_header_with_a_suggestion() {
        let table = csv_ok("Mã,Chỉ tiu,Kỳ\n1,2,3\n");
        let diagnostics = table.require(&["Mã", "Chỉ tiêu", "Giá trị"]);
        assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(
            (d.code, d.location()),
            ("missing-column", format!("{FILE}:1:1"))
        );
        assert_eq!(d.source_line.as_deref(), Some("Mã,Chỉ tiu,Kỳ"));
        assert!(d.message.contains("'Chỉ tiêu'"));
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .starts_with("did you mean 'Chỉ tiu'?")
        );
        let hint = diagnostics[1].hint.as_deref().unwrap();
        assert_eq!(
            hint,
            "the header must name these columns: Mã, Chỉ tiêu, Giá trị"
        );
        assert!(table.require(&["ma", "KỲ"]).is_empty());
    }

    #[test]
    fn duplicate_names_and_values_without_a_column_name_are_errors() {
        let (_, diagnostics) = read_csv(FILE, "Mã,Giá trị,GIA TRI\n1,2,3\n".as_bytes());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "duplicate-column");
        assert_eq!(diagnostics[0].location(), format!("{FILE}:1:12"));

        let (table, diagnostics) = read_csv(FILE, b"a,,c\n1,,3\n4,x,6\n");
        assert_eq!(table.unwrap().rows.len(), 2);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "unnamed-column");
        assert_eq!(diagnostics[0].location(), format!("{FILE}:3:3"));
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

    /// A small deterministic generator, so that the fuzz tests are the same on every run.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % below as u64) as usize
        }
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

    #[test]
    fn numbers_are_read_as_offices_write_them() {
        let ok = |text: &str, comma: bool| parse_number(text, comma).unwrap();
        let hint = |text: &str, comma: bool| parse_number(text, comma).unwrap_err().1;
        assert_eq!(ok("78.5", false), 78.5);
        assert_eq!(ok("78,5", true), 78.5);
        assert_eq!(ok("1.234,5", true), 1234.5);
        assert_eq!(ok("1.234.567", true), 1_234_567.0);
        assert_eq!(ok("1,234.5", false), 1234.5);
        assert_eq!(ok("1,234,567", false), 1_234_567.0);
        assert_eq!(ok("-3", false), -3.0);
        assert_eq!(ok("\u{2212}3", true), -3.0);
        assert_eq!(ok("+3", false), 3.0);
        assert_eq!(ok(" 12 ", false), 12.0);
        assert_eq!(ok("\u{a0}12\u{a0}", true), 12.0);
        assert_eq!(ok("0", false), 0.0);
        assert!(ok("-0", false).is_sign_positive());
        assert_eq!(ok(".5", false), 0.5);
        assert_eq!(ok("100", true), 100.0);

        let (message, _) = parse_number("78,5", false).unwrap_err();
        assert_eq!(message, "expected a number, found '78,5'");
        assert_eq!(
            hint("78,5", false),
            "write 78.5, with a dot for decimals (to write decimal commas, save the file as \
             ';'-separated CSV)"
        );
        // A dot that cannot group thousands is a decimal dot, even in a `;` file.
        assert_eq!(ok("78.5", true), 78.5);
        assert_eq!(ok("-8.25", true), -8.25);
        assert_eq!(
            hint("-1.234,5", false).split(',').next(),
            Some("write -1234.5")
        );
        assert_eq!(
            hint("1,234", false),
            "'1,234' could be read two ways: write 1234 for the whole number, or 1.234 for the decimal"
        );
        assert!(hint("1.234", true).contains("1,234 for the decimal"));
        assert_eq!(hint("90 %", false), "write the number without the % sign");
        assert_eq!(hint("90%", true), "write the number without the % sign");
        assert_eq!(
            parse_number("", false).unwrap_err(),
            (
                "expected a number, but the value is empty".to_string(),
                "write a number here, such as 78.5".to_string()
            )
        );
        assert_eq!(
            parse_number("  ", true).unwrap_err().1,
            "write a number here, such as 78,5"
        );
        for no_value in ["abc", "n/a", "-", "x", "chưa có", "."] {
            assert!(
                hint(no_value, false).contains("leave the cell empty"),
                "{no_value}"
            );
        }
        assert!(hint("#N/A", false).contains("formula"));
        assert_eq!(
            hint("12 tỷ đồng", false),
            "write only the number, without 'tỷ đồng'"
        );
        assert_eq!(hint("1 234", false), "remove the spaces inside the number");
        assert!(parse_number("1,23,456", false).is_err());
        assert!(parse_number("1.2.3", false).is_err());
        assert!(parse_number("inf", false).is_err());
        assert!(parse_number("NaN", false).is_err());
        assert!(parse_number(&"9".repeat(400), false).is_err());
    }

    #[test]
    fn xlsx_errors_name_the_sheet_and_cell() {
        let bytes = workbook_bytes(|workbook| {
            let sheet = workbook.add_worksheet();
            sheet.set_name("Quý 3").unwrap();
            sheet.write_string(0, 0, "Mã").unwrap();
            sheet.write_string(0, 1, "Kỳ").unwrap();
            sheet.write_string(0, 2, "Giá trị").unwrap();
            for row in 1..14 {
                sheet.write_string(row, 0, format!("CT-{row:02}")).unwrap();
                sheet.write_string(row, 1, "2025-Q3").unwrap();
                sheet.write_number(row, 2, 50.0).unwrap();
            }
            sheet.write_string(13, 2, "90 %").unwrap();
        });
        let file = "content/data/quy-3.xlsx";
        let (tables, diagnostics) = read_xlsx(file, &bytes);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let table = &tables[0];
        let row = table.rows.iter().find(|r| r.line == 14).unwrap();
        let cell = &row.cells[table.column("gia tri").unwrap()];
        let (message, hint) = parse_number(&cell.text, table.decimal_comma()).unwrap_err();
        let d = table.error(cell, "number", message).with_hint(hint);
        assert_eq!(
            format!("{}: {}", d.location(), d.message),
            "content/data/quy-3.xlsx: sheet 'Quý 3', cell C14: expected a number, found '90 %'"
        );
        assert_eq!(
            d.render().lines().take(2).collect::<Vec<_>>(),
            [
                "error[number]: sheet 'Quý 3', cell C14: expected a number, found '90 %'",
                "--> content/data/quy-3.xlsx"
            ]
        );
        let d = table.row_error(row, "row", "this row is wrong");
        assert_eq!(d.message, "sheet 'Quý 3', row 14: this row is wrong");
        let d = &table.require(&["Mã", "Đơn vị"])[0];
        assert_eq!(
            d.message,
            "sheet 'Quý 3', row 1: the column 'Đơn vị' is missing"
        );
        assert_eq!(d.file, file);
    }

    #[test]
    fn xlsx_cells_read_as_the_spreadsheet_shows_them() {
        let bytes = workbook_bytes(|workbook| {
            let sheet = workbook.add_worksheet();
            sheet.set_name("Dữ liệu").unwrap();
            // The table starts at B3, below a blank area.
            let header = ["Năm", "Ngày", "Lúc", "Xong", "Lỗi", "Tổng", "Ghi chú"];
            for (col, name) in header.iter().enumerate() {
                sheet.write_string(2, col as u16 + 1, *name).unwrap();
            }
            let date = Format::new().set_num_format("dd/mm/yyyy");
            let time = Format::new().set_num_format("dd/mm/yyyy hh:mm");
            sheet.write_number(3, 1, 2025.0).unwrap();
            sheet
                .write_datetime_with_format(3, 2, XlsxDate::from_ymd(2025, 9, 30).unwrap(), &date)
                .unwrap();
            let at = XlsxDate::from_ymd(2025, 9, 30)
                .unwrap()
                .and_hms(8, 30, 0)
                .unwrap();
            sheet.write_datetime_with_format(3, 3, &at, &time).unwrap();
            sheet.write_boolean(3, 4, true).unwrap();
            sheet
                .write_formula(3, 5, Formula::new("=NA()").set_result("#N/A"))
                .unwrap();
            sheet
                .write_formula(
                    3,
                    6,
                    Formula::new("=0.1+0.2").set_result("0.30000000000000004"),
                )
                .unwrap();
            sheet.write_string(3, 7, "Ke\u{302}\u{301} hoạch").unwrap();
            // Row 6 is skipped: blank. A value right of the header has no column.
            sheet.write_string(6, 1, "2026").unwrap();
            sheet.write_string(6, 9, "lạc").unwrap();
            workbook.add_worksheet().set_name("Trống").unwrap();
            let hidden = workbook.add_worksheet();
            hidden.set_name("Danh mục").unwrap().set_hidden(true);
            hidden.write_string(0, 0, "x").unwrap();
        });
        let (tables, diagnostics) = read_xlsx("d.xlsx", &bytes);
        assert_eq!(tables.len(), 1, "empty and hidden sheets are skipped");
        let table = &tables[0];
        assert_eq!(
            table.header[0].place,
            Place::Sheet {
                sheet: "Dữ liệu".into(),
                cell: "B3".into()
            }
        );
        assert_eq!(
            texts(&table.rows[0].cells),
            [
                "2025",
                "2025-09-30",
                "2025-09-30T08:30:00",
                "true",
                "#N/A",
                "0.3",
                "Kế hoạch"
            ]
        );
        assert_eq!(
            table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [4, 7]
        );
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert_eq!(
            diagnostics[0].message,
            "sheet 'Dữ liệu', cell J7: this value is in a column that has no name in the header row"
        );
        assert!(diagnostics[0].hint.as_deref().unwrap().contains("J3"));
    }

    #[test]
    fn xlsx_columns_beyond_z_are_named_like_the_spreadsheet() {
        for (col, name) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (51, "AZ"),
            (52, "BA"),
            (701, "ZZ"),
            (702, "AAA"),
            (16383, "XFD"),
        ] {
            assert_eq!(column_name(col), name);
        }
        assert_eq!(cell_reference(13, 2), "C14");
        let bytes = workbook_bytes(|workbook| {
            let sheet = workbook.add_worksheet();
            for col in 0..30 {
                sheet.write_string(0, col, format!("c{col}")).unwrap();
                sheet.write_number(1, col, f64::from(col)).unwrap();
            }
        });
        let (tables, _) = read_xlsx("w.xlsx", &bytes);
        let cell = &tables[0].rows[0].cells[27];
        assert_eq!(cell.text, "27");
        assert_eq!(
            cell.place,
            Place::Sheet {
                sheet: "Sheet1".into(),
                cell: "AB2".into()
            }
        );
    }

    #[test]
    fn numbers_from_sheets_lose_only_binary_noise() {
        for (x, text) in [
            (2025.0, "2025"),
            (78.5, "78.5"),
            (0.1 + 0.2, "0.3"),
            (-0.0, "0"),
            (1e21, "1000000000000000000000"),
            (-12.25, "-12.25"),
            (100.0 / 3.0, "33.3333333333333"),
        ] {
            assert_eq!(number_text(x), text);
        }
    }

    #[test]
    fn a_file_that_is_no_workbook_is_one_error_with_a_hint() {
        let good = progress_workbook();
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"Ma,Gia tri\n1,2\n".to_vec(),
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
            good[..good.len() / 2].to_vec(),
        ];
        for bytes in cases {
            let (tables, diagnostics) = read_xlsx("x.xlsx", &bytes);
            assert!(tables.is_empty());
            assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
            assert_eq!(diagnostics[0].code, "xlsx-unreadable");
            assert_eq!(diagnostics[0].location(), "x.xlsx");
            assert!(
                diagnostics[0]
                    .hint
                    .as_deref()
                    .unwrap()
                    .contains("save it again")
            );
        }
        let (_, diagnostics) = read_xlsx("x.xlsx", &[0xD0, 0xCF, 0x11, 0xE0]);
        assert!(
            diagnostics[0]
                .hint
                .as_deref()
                .unwrap()
                .contains(".xls workbook")
        );

        // A workbook keeps one sheet visible: here it is empty, and the data is hidden.
        let hidden_only = workbook_bytes(|workbook| {
            workbook.add_worksheet();
            let hidden = workbook.add_worksheet();
            hidden.set_hidden(true);
            hidden.write_string(0, 0, "b").unwrap();
        });
        let (tables, diagnostics) = read_xlsx("x.xlsx", &hidden_only);
        assert!(tables.is_empty());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "xlsx-empty");
    }

    #[test]
    fn damaged_workbooks_never_panic() {
        let good = progress_workbook();
        let mut rng = Lcg(11);
        for _ in 0..300 {
            let mut bytes = good.clone();
            for _ in 0..1 + rng.next(4) {
                let at = rng.next(bytes.len());
                bytes[at] = rng.next(256) as u8;
            }
            bytes.truncate(bytes.len() - rng.next(64));
            let (tables, diagnostics) = read_workbook("x.xlsx", &bytes);
            for table in &tables {
                for row in &table.rows {
                    assert_eq!(row.cells.len(), table.header.len());
                }
            }
            for d in diagnostics {
                let _ = d.render();
            }
        }
    }
}
