//! Lead units and partners as an appendix writes them (pure): a cell's text in; the ids of
//! the units it names, or the names as written, out, with a `check` warning for each name
//! that is in no registry.
//!
//! A unit is named by its id, an alias or its own name (current or earlier, Vietnamese or
//! English; compared without case, diacritics or repeated spaces) from `data/units.toml`.
//! A name found there is kept as the unit's id, so the site shows the unit's name as it
//! was on each date. Any other name is kept as written — two spellings that differ only in
//! case or diacritics are one unit, written as first seen — and shown so. A list is split
//! on `;` and on line breaks inside the cell, never on commas: `Các sở, ngành` is one
//! partner.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::slug::fold_ascii;
use crate::t;

use super::super::registry::{Kind, Registry, UNITS_FILE};
use super::super::table::{Cell, Table};

/// The items of a lead or partners cell.
pub fn split(written: &str) -> impl Iterator<Item = &str> {
    written
        .split([';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A name in no registry: how it was first written, its first cell, and that cell's
/// warning.
struct Unknown {
    written: String,
    cell: Cell,
    warning: Diagnostic,
    more: usize,
    /// How many names were unknown before this one: warnings come in the file's order.
    order: usize,
}

/// Resolves the units a task appendix names, and remembers the names it could not.
pub struct Parties<'a> {
    registry: &'a Registry,
    unknown: BTreeMap<String, Unknown>,
}

impl<'a> Parties<'a> {
    pub fn new(registry: &'a Registry) -> Self {
        Parties {
            registry,
            unknown: BTreeMap::new(),
        }
    }

    /// The unit `written` (one item of `cell`) names: its id, or the name as written.
    pub fn resolve(&mut self, table: &Table, cell: &Cell, written: &str) -> String {
        if let Some(unit) = self.registry.find_named(Kind::Unit, written) {
            return unit.id().to_string();
        }
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = fold_ascii(&written);
        if let Some(known) = self.unknown.get_mut(&key) {
            known.more += 1;
            return known.written.clone();
        }
        let units = &self.registry.units;
        let mut warning = table.error(
            cell,
            "unknown-unit",
            t!("task-unknown-unit", written = &written, file = UNITS_FILE),
        );
        warning.severity = Severity::Warning;
        let folded: Vec<String> = units
            .iter()
            .map(|u| fold_ascii(u.name.get("vi", "vi")))
            .collect();
        let nearest = did_you_mean(&key, folded.iter().map(String::as_str))
            .and_then(|near| folded.iter().position(|f| f == near))
            .map(|i| units[i].name.get("vi", "vi"));
        let hint = match nearest {
            Some(name) => t!("did-you-mean", suggestion = name),
            None if units.is_empty() => t!("task-no-units-hint", file = UNITS_FILE),
            None => t!("task-unknown-unit-hint", file = UNITS_FILE),
        };
        self.unknown.insert(
            key,
            Unknown {
                written: written.clone(),
                cell: cell.clone(),
                warning: warning.with_hint(hint),
                more: 0,
                order: self.unknown.len(),
            },
        );
        written
    }

    /// The warnings for the names in no registry, one per name at its first cell of
    /// `table` (the table the names were read from). A site without `units.toml` gets one
    /// warning for all of them.
    pub fn warnings(self, table: &Table) -> Vec<Diagnostic> {
        let no_registry = self.registry.units.is_empty();
        let mut unknown: Vec<Unknown> = self.unknown.into_values().collect();
        unknown.sort_by_key(|u| u.order);
        if no_registry && let Some(first) = unknown.first() {
            let message = t!(
                "task-no-units-file",
                file = UNITS_FILE,
                count = unknown.len()
            );
            let mut warning = table.error(&first.cell, "unknown-unit", message);
            warning.severity = Severity::Warning;
            warning.hint = first.warning.hint.clone();
            return vec![warning];
        }
        unknown
            .into_iter()
            .map(|u| match u.more {
                0 => u.warning,
                more => u
                    .warning
                    .with_note(t!("task-unit-written-more", more = more)),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::read_csv;

    #[test]
    fn lists_split_on_semicolons_and_line_breaks_never_on_commas() {
        let items: Vec<&str> = split("Sở Tài chính; Các sở, ngành\nUBND các xã, phường;").collect();
        assert_eq!(
            items,
            ["Sở Tài chính", "Các sở, ngành", "UBND các xã, phường"]
        );
    }

    #[test]
    fn names_resolve_to_ids_or_are_kept_as_first_written() {
        let units = "[[unit]]\nid = \"so-tc\"\nname = { vi = \"Sở Tài chính\", en = \"Department of Finance\" }\n";
        let (registry, _) = Registry::parse(Some(units), None);
        let (table, _) = read_csv("t.csv", "lead\nx\ny\n".as_bytes());
        let table = table.unwrap();
        let cell = &table.rows[0].cells[0];
        let mut parties = Parties::new(&registry);
        assert_eq!(parties.resolve(&table, cell, "SỞ TÀI CHÍNH"), "so-tc");
        assert_eq!(
            parties.resolve(&table, cell, "Department of Finance"),
            "so-tc"
        );
        assert_eq!(parties.resolve(&table, cell, "Sở Tài chinh"), "so-tc");
        assert_eq!(
            parties.resolve(&table, cell, "Công an  tỉnh"),
            "Công an tỉnh"
        );
        let other = &table.rows[1].cells[0];
        assert_eq!(
            parties.resolve(&table, other, "CÔNG AN TỈNH"),
            "Công an tỉnh"
        );
        let warnings = parties.warnings(&table);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].severity, Severity::Warning);
        assert_eq!(warnings[0].location(), "t.csv:2:1");
        assert!(warnings[0].notes[0].contains("1 more"));

        let empty = Registry::default();
        let mut parties = Parties::new(&empty);
        parties.resolve(&table, cell, "Sở A");
        parties.resolve(&table, other, "Sở B");
        let warnings = parties.warnings(&table);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .message
                .contains("no data/units.toml, so the 2 units named"),
            "{}",
            warnings[0].message
        );
    }
}
