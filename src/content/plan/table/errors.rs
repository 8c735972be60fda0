//! Placing a diagnostic in a table (pure): a `Table` and one of its cells, a row or its
//! header in; a `Diagnostic` out, at the CSV line and column with the line quoted, or at
//! the sheet and cell of a workbook. Nothing here touches the disk.

use crate::diag::{Diagnostic, Source};
use crate::t;

use super::{Cell, Place, Row, Table};

impl Table {
    /// An error placed at `cell`: for CSV at its line and column, quoting the line with a
    /// caret under the cell; for xlsx naming the file, with the message prefixed by
    /// `sheet 'NAME', cell C14: `.
    pub fn error(&self, cell: &Cell, code: &'static str, message: impl Into<String>) -> Diagnostic {
        match &cell.place {
            Place::Text { range, .. } => Diagnostic::error(code, message)
                .at(&Source::new(&self.file, &self.text), range.clone()),
            Place::Sheet { sheet, cell } => {
                Diagnostic::error(code, at_cell(sheet, cell, message.into())).in_file(&self.file)
            }
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
            (Some(Place::Sheet { sheet, .. }), _) => {
                Diagnostic::error(code, at_row(sheet, row.line.to_string(), message.into()))
                    .in_file(&self.file)
            }
            _ => match &self.sheet {
                Some(sheet) => {
                    Diagnostic::error(code, at_row(sheet, row.line.to_string(), message.into()))
                        .in_file(&self.file)
                }
                None => {
                    Diagnostic::error(code, message).at_line(&self.file, &self.text, row.line, 1)
                }
            },
        }
    }

    /// An error about the header as a whole: its line (CSV) or row (xlsx).
    pub fn header_diagnostic(&self, code: &'static str, message: String) -> Diagnostic {
        match (self.header.first(), self.header.last()) {
            (Some(first), Some(last)) => match (&first.place, &last.place) {
                (Place::Sheet { sheet, cell }, _) => {
                    let row = cell.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                    Diagnostic::error(code, at_row(sheet, row.to_string(), message))
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
}

/// `message` about a cell of a worksheet: `sheet 'NAME', cell C14: message`.
pub(super) fn at_cell(sheet: &str, cell: &str, message: String) -> String {
    t!(
        "table-at-cell",
        sheet = sheet,
        cell = cell,
        message = message
    )
}

/// `message` about a row of a worksheet: `sheet 'NAME', row 14: message`. The row is
/// given as text, so that no number format applies to it.
pub(super) fn at_row(sheet: &str, row: String, message: String) -> String {
    t!("table-at-row", sheet = sheet, row = row, message = message)
}

#[cfg(test)]
mod tests {
    use crate::content::plan::table::parse_number;
    use crate::content::plan::table::test_support::*;

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
    fn row_errors_point_at_the_whole_row() {
        let table = csv_ok("a;b\n1;2\n  3;4\n");
        let d = table.row_error(&table.rows[1], "row", "this row is wrong");
        assert_eq!(d.location(), format!("{FILE}:3:1"));
        assert_eq!(d.width, 5);
        let header_only = csv_ok("a;b\n");
        assert!(header_only.rows.is_empty());
    }
}
