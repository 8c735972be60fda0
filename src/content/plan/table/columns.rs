//! Matching header names to columns (pure): a `Table`'s header and the names wanted in;
//! column indices, or diagnostics for missing, duplicate and unnamed columns, out. Nothing
//! here touches the disk.

use crate::diag::{Diagnostic, did_you_mean};
use crate::slug::fold_ascii;
use crate::t;

use super::{Place, Table, clean};

impl Table {
    /// A warning for every named header column that is none of `read` (a misspelt `source`
    /// is otherwise dropped without a word), with the name it probably meant.
    pub fn unread_columns(&self, read: &[&str]) -> Vec<Diagnostic> {
        let keys: Vec<String> = read.iter().map(|r| name_key(r)).collect();
        self.header
            .iter()
            .filter(|c| !c.text.is_empty() && !keys.contains(&name_key(&c.text)))
            .map(|c| {
                let hint = match did_you_mean(&name_key(&c.text), read.iter().copied()) {
                    Some(meant) => t!("table-unread-column-did-you-mean", name = meant),
                    None => t!("table-unread-column-read", columns = read.join(", ")),
                };
                let mut warning = self
                    .error(
                        c,
                        "unread-column",
                        t!("table-unread-column", name = &c.text),
                    )
                    .with_hint(hint);
                warning.severity = crate::diag::Severity::Warning;
                warning
            })
            .collect()
    }

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
                    Some(guess) => t!("table-column-did-you-mean", written = guess, name = *name),
                    None => t!("table-columns-required", columns = required.join(", ")),
                };
                self.header_diagnostic("missing-column", t!("table-missing-column", name = *name))
                    .with_hint(hint)
                    .with_note(t!("table-header-has", names = names.join(", ")))
            })
            .collect()
    }

    /// Duplicate column names, and values under a column without a name.
    pub(super) fn check_columns(&self) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let keys: Vec<String> = self.header.iter().map(|c| name_key(&c.text)).collect();
        for (i, key) in keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            if let Some(first) = keys[..i].iter().position(|k| k == key) {
                let cell = &self.header[i];
                let earlier = match &self.header[first].place {
                    Place::Sheet { cell, .. } => t!("table-earlier-cell", cell = cell),
                    Place::Text { .. } => t!("table-earlier-column", number = first + 1),
                };
                diagnostics.push(
                    self.error(
                        cell,
                        "duplicate-column",
                        t!("table-duplicate-column", name = &cell.text),
                    )
                    .with_hint(t!("table-duplicate-column-hint"))
                    .with_note(t!("table-duplicate-column-note", earlier = earlier)),
                );
            }
        }
        for (i, _) in keys.iter().enumerate().filter(|(_, k)| k.is_empty()) {
            for row in &self.rows {
                if let Some(cell) = row.cells.get(i).filter(|c| !c.text.is_empty()) {
                    let hint = match &self.header[i].place {
                        Place::Sheet { cell, .. } => {
                            t!("table-unnamed-column-cell-hint", cell = cell)
                        }
                        Place::Text { line, .. } => {
                            t!("table-unnamed-column-line-hint", line = *line)
                        }
                    };
                    diagnostics.push(
                        self.error(cell, "unnamed-column", t!("table-unnamed-column"))
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

#[cfg(test)]
mod tests {
    use crate::content::plan::table::read_csv;
    use crate::content::plan::table::test_support::*;

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
}
