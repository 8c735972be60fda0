//! Reading an .xlsx workbook into `Table`s (pure): the file's bytes in; one table per
//! visible sheet that holds a value, its header the first row with a value, and the
//! diagnostics out. The caller reads the file; nothing here touches the disk.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::diag::Diagnostic;
use crate::source::nfc;
use crate::t;

use super::errors::at_cell;
use super::sheet_text::cell_text;
use super::{Cell, HeaderRule, Place, Row, Table};

/// A .xlsx sheet's header may not run further right than this: rows are padded to the
/// header's width, so a stray value far to the right would otherwise cost memory per row.
const MAX_SHEET_COLUMNS: u32 = 1024;

/// Reads every visible, non-empty worksheet of an .xlsx workbook; the first row with a
/// value in each is its header.
pub fn read_xlsx(file: &str, bytes: &[u8]) -> (Vec<Table>, Vec<Diagnostic>) {
    read_xlsx_with(file, bytes, &|_| true, &Limits::default())
}

/// How much a workbook may inflate to, in bytes: each part (a sheet, the shared strings)
/// and each cell's text.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub part: u64,
    pub cell: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::from_config(&crate::config::DataConfig::default())
    }
}

impl Limits {
    pub fn from_config(data: &crate::config::DataConfig) -> Limits {
        Limits {
            part: data.max_sheet_mb.saturating_mul(1_000_000),
            cell: usize::try_from(data.max_cell_kb.saturating_mul(1_000)).unwrap_or(usize::MAX),
        }
    }
}

/// The first part of the zip that inflates past `limits.part`, checked by inflating it
/// (the sizes a zip declares may lie): its name and the limit, for the message.
fn oversized_part(bytes: &[u8], limits: &Limits) -> Option<String> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).ok()?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        if part.size() > limits.part {
            return Some(name);
        }
        let inflated = std::io::copy(&mut (&mut part).take(limits.part + 1), &mut std::io::sink());
        if inflated.is_ok_and(|n| n > limits.part) {
            return Some(name);
        }
    }
    None
}

/// The sheet a part of the workbook is (`xl/worksheets/sheet2.xml` is the 2nd), in words.
fn part_in_words(part: &str) -> String {
    match part
        .strip_prefix("xl/worksheets/sheet")
        .and_then(|rest| rest.strip_suffix(".xml"))
    {
        Some(number) => t!("table-part-sheet", number = number),
        None if part == "xl/sharedStrings.xml" => t!("table-part-shared-text"),
        None => t!("table-part-other", part = part),
    }
}

/// Reads every visible, non-empty worksheet; the header of each is the first row that
/// `is_header` accepts (rows above it, such as title rows, are skipped), or the first row
/// with a value when none is accepted.
pub fn read_xlsx_with(
    file: &str,
    bytes: &[u8],
    is_header: HeaderRule<'_>,
    limits: &Limits,
) -> (Vec<Table>, Vec<Diagnostic>) {
    if let Some(part) = oversized_part(bytes, limits) {
        let limit_mb = limits.part / 1_000_000;
        return (
            Vec::new(),
            vec![
                Diagnostic::error(
                    "workbook-too-large",
                    t!(
                        "table-workbook-too-large",
                        part = part_in_words(&part),
                        mb = limit_mb
                    ),
                )
                .in_file(file)
                .with_hint(t!("table-workbook-too-large-hint", mb = limit_mb)),
            ],
        );
    }
    // A reader of a zipped XML format meets files damaged in every way; should it panic on
    // one, the author gets a message about their file instead of a build that stops.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook(file, bytes, is_header, limits)
    }))
    .unwrap_or_else(|_| (Vec::new(), vec![unreadable_workbook(file, bytes, None)]))
}

fn read_workbook(
    file: &str,
    bytes: &[u8],
    is_header: HeaderRule<'_>,
    limits: &Limits,
) -> (Vec<Table>, Vec<Diagnostic>) {
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
                        t!("table-sheet-unreadable", sheet = nfc(&name)),
                    )
                    .in_file(file)
                    .with_hint(t!("table-sheet-unreadable-hint"))
                    .with_note(t!("table-reader-said", error = error.to_string())),
                );
                continue;
            }
        };
        if let Some((&(row, col), text)) = cells.iter().find(|(_, t)| t.len() > limits.cell) {
            diagnostics.push(
                Diagnostic::error(
                    "workbook-too-large",
                    at_cell(
                        &nfc(&name),
                        &cell_reference(row, col),
                        t!(
                            "table-cell-too-large",
                            kb = text.len() / 1_000,
                            limit = limits.cell / 1_000
                        ),
                    ),
                )
                .in_file(file)
                .with_hint(t!("table-cell-too-large-hint")),
            );
            continue;
        }
        let (table, problems) = sheet_table(file, &nfc(&name), &cells, is_header);
        diagnostics.extend(problems);
        tables.extend(table);
    }
    if tables.is_empty() && diagnostics.is_empty() {
        diagnostics.push(
            Diagnostic::error("xlsx-empty", t!("table-no-data", file = file))
                .in_file(file)
                .with_hint(t!("table-xlsx-empty-hint")),
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
    is_header: HeaderRule<'_>,
) -> (Option<Table>, Vec<Diagnostic>) {
    let Some((&(first_row, _), _)) = cells.first_key_value() else {
        return (None, Vec::new());
    };
    let first_col = cells.keys().map(|&(_, c)| c).min().unwrap_or(0);
    let last_col_of = |row: u32| {
        cells
            .range((row, 0)..=(row, u32::MAX))
            .next_back()
            .map_or(first_col, |(&(_, c), _)| c)
    };
    let place = |row: u32, col: u32| Place::Sheet {
        sheet: sheet.to_string(),
        cell: cell_reference(row, col),
    };
    let mut row_numbers: Vec<u32> = cells.keys().map(|&(r, _)| r).collect();
    row_numbers.dedup();
    // The header is the first row the rule accepts; a row too wide to be one is not tried.
    let header_row = row_numbers
        .iter()
        .copied()
        .find(|&row| {
            let last = last_col_of(row);
            last - first_col < MAX_SHEET_COLUMNS && {
                let named: Vec<Cell> = (first_col..=last)
                    .map(|col| Cell {
                        text: cells.get(&(row, col)).cloned().unwrap_or_default(),
                        place: place(row, col),
                    })
                    .collect();
                is_header(&named)
            }
        })
        .unwrap_or(first_row);
    let last_col = last_col_of(header_row);
    let mut diagnostics = Vec::new();
    if last_col - first_col >= MAX_SHEET_COLUMNS {
        let cell = cell_reference(header_row, last_col);
        diagnostics.push(
            Diagnostic::error(
                "xlsx-too-wide",
                at_cell(
                    sheet,
                    &cell,
                    t!(
                        "table-too-wide",
                        column = column_name(last_col),
                        max = MAX_SHEET_COLUMNS
                    ),
                ),
            )
            .in_file(file)
            .with_hint(t!("table-too-wide-hint")),
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
    for &row in row_numbers.iter().filter(|&&r| r > header_row) {
        for (&(_, col), _) in cells.range((row, last_col.saturating_add(1))..=(row, u32::MAX)) {
            diagnostics.push(
                Diagnostic::error(
                    "unnamed-column",
                    at_cell(
                        sheet,
                        &cell_reference(row, col),
                        t!("table-unnamed-column-in-row"),
                    ),
                )
                .in_file(file)
                .with_hint(t!(
                    "table-unnamed-column-cell-hint",
                    cell = cell_reference(header_row, col)
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
        t!("table-xlsx-password-hint")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        t!("table-xlsx-old-xls-hint")
    } else {
        t!("table-xlsx-save-again-hint")
    };
    let diagnostic = Diagnostic::error("xlsx-unreadable", t!("table-xlsx-unreadable", file = file))
        .in_file(file)
        .with_hint(hint);
    match error {
        Some(error) => diagnostic.with_note(t!("table-reader-said", error = error.to_string())),
        None => diagnostic,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::parse_number;
    use crate::content::plan::table::test_support::*;
    use rust_xlsxwriter::{ExcelDateTime as XlsxDate, Format, Formula};

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
            let (tables, diagnostics) =
                read_workbook("x.xlsx", &bytes, &|_| true, &Limits::default());
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
