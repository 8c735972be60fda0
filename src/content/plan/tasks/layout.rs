//! How an office lays out a task appendix (pure): a row of the table in; whether it is a
//! task, a group heading, a totals row or the row of column numbers out, and the Roman
//! numerals that number groups.
//!
//! - A **group heading** is a row whose `STT` is a Roman numeral (`I`, `II.`, `IX`), or a
//!   row whose only filled cell (beside an `STT` that is not a number such as `1` or `1.2`)
//!   is its heading: `A. NHIỆM VỤ CHUNG`, `II. PHÁT TRIỂN HẠ TẦNG SỐ` in merged cells. A
//!   numeral at the start of the heading's text counts as its `STT`.
//! - A **totals row** starts with `Tổng cộng`, `Tổng`, `Cộng` or `Total`.
//! - The row of **column numbers** some appendices put under the header (`(1)`, `(2)`, …, or
//!   `1`, `2`, …) is no task.
//! - Every other row is a task.

use crate::slug::fold_ascii;

use super::super::table::Row;
use super::columns::{Columns, Field};

/// What a row of an appendix is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    Task,
    /// A group heading: its numeral (`II` is 2) as written, and its heading.
    Heading {
        numeral: Option<(String, u32)>,
        title: String,
        /// Every filled cell, for a heading that names a group by id.
        cells: Vec<String>,
    },
    Totals,
    Numbering,
}

/// The value of a Roman numeral from I to LXXXIX written as such (`II`, `ii.`, `IX)`);
/// `None` for anything else, `IIII` included.
pub fn roman(text: &str) -> Option<u32> {
    let text = text.trim().trim_end_matches(['.', ')', ':']).trim();
    if text.is_empty() || text.len() > 7 {
        return None;
    }
    let upper = text.to_ascii_uppercase();
    let digit = |c: char| match c {
        'I' => Some(1i64),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<i64> = upper.chars().map(digit).collect::<Option<_>>()?;
    let mut value = 0i64;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            value -= d;
        } else {
            value += d;
        }
    }
    let value = u32::try_from(value).ok()?;
    (value > 0 && to_roman(value) == upper).then_some(value)
}

pub use crate::format::to_roman;

/// Whether `text` numbers a task: `1`, `2.`, `1.1`, `3.2.1`.
pub fn is_task_number(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    !text.is_empty()
        && text
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
}

fn is_totals(text: &str) -> bool {
    let folded = fold_ascii(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["tong", "cong", ..] | ["tong"] | ["cong"] | ["tong", "so"] | ["total", ..]
    )
}

fn is_numbering(cells: &[&str]) -> bool {
    let numbers: Option<Vec<u32>> = cells
        .iter()
        .map(|c| c.trim_start_matches('(').trim_end_matches(')').parse().ok())
        .collect();
    numbers.is_some_and(|n| n.len() >= 3 && n.windows(2).all(|w| w[1] == w[0] + 1))
}

/// A heading's numeral at the start of its text (`II. HẠ TẦNG SỐ`), and the rest.
fn leading_numeral(text: &str) -> (Option<(String, u32)>, &str) {
    let split = text
        .find(|c: char| c == '.' || c == ':' || c == ')' || c.is_whitespace())
        .unwrap_or(text.len());
    let (head, rest) = text.split_at(split);
    match roman(head) {
        Some(value) => (
            Some((head.to_ascii_uppercase(), value)),
            rest.trim_start_matches(['.', ':', ')', ' ', '-', '–'])
                .trim(),
        ),
        None => (None, text),
    }
}

/// What `row` is, given the columns of its table.
pub fn classify(row: &Row, columns: &Columns) -> RowKind {
    let text = |field: Field| {
        columns
            .get(field)
            .and_then(|i| row.cells.get(i))
            .map_or("", |c| c.text.trim())
    };
    let filled: Vec<(usize, &str)> = row
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.text.trim()))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let Some(&(_, first)) = filled.first() else {
        return RowKind::Numbering;
    };
    let texts: Vec<&str> = filled.iter().map(|(_, t)| *t).collect();
    if is_numbering(&texts) {
        return RowKind::Numbering;
    }
    if is_totals(first) || (is_totals(text(Field::Title)) && text(Field::Lead).is_empty()) {
        return RowKind::Totals;
    }
    let stt_column = columns.get(Field::Stt);
    let stt = text(Field::Stt);
    let rest: Vec<&str> = filled
        .iter()
        .filter(|(i, _)| Some(*i) != stt_column)
        .map(|(_, t)| *t)
        .collect();
    let cells = texts.iter().map(|t| t.to_string()).collect();
    if let Some(value) = roman(stt) {
        let title = match text(Field::Title) {
            "" => rest.first().copied().unwrap_or(""),
            title => title,
        };
        let label = stt.trim_end_matches(['.', ')', ':']).to_ascii_uppercase();
        return RowKind::Heading {
            numeral: Some((label, value)),
            title: title.to_string(),
            cells,
        };
    }
    if let [only] = rest.as_slice()
        && !is_task_number(stt)
    {
        let (numeral, title) = leading_numeral(only);
        return RowKind::Heading {
            numeral,
            title: title.to_string(),
            cells,
        };
    }
    RowKind::Task
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::read_csv;

    #[test]
    fn roman_numerals_read_and_write() {
        for (text, value) in [
            ("I", 1),
            ("II.", 2),
            ("iv", 4),
            ("IX", 9),
            ("XIV", 14),
            ("XL)", 40),
        ] {
            assert_eq!(roman(text), Some(value), "{text}");
        }
        for text in ["", "IIII", "A", "1", "VX", "C", "Ii-"] {
            assert_eq!(roman(text), None, "{text}");
        }
        assert_eq!(to_roman(9), "IX");
        assert_eq!(to_roman(14), "XIV");
    }

    fn kinds(csv: &str) -> Vec<RowKind> {
        let (table, problems) = read_csv("t.csv", csv.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let table = table.unwrap();
        let columns = Columns::of(&table);
        table.rows.iter().map(|r| classify(r, &columns)).collect()
    }

    fn heading(numeral: Option<(&str, u32)>, title: &str, cells: &[&str]) -> RowKind {
        RowKind::Heading {
            numeral: numeral.map(|(l, v)| (l.to_string(), v)),
            title: title.to_string(),
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn headings_totals_and_numbering_rows_are_told_from_tasks() {
        let found = kinds(
            "STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Thời hạn\n\
             (1),(2),(3),(4)\n\
             I.,Hạ tầng số,,\n\
             1,Phủ sóng,Sở A,2025\n\
             1.1,Cáp quang,,\n\
             ,II. CHÍNH PHỦ SỐ,,\n\
             B,Nhiệm vụ khác,,\n\
             ,Tổng cộng,,\n\
             TỔNG CỘNG,,,\n",
        );
        assert_eq!(
            found,
            [
                RowKind::Numbering,
                heading(Some(("I", 1)), "Hạ tầng số", &["I.", "Hạ tầng số"]),
                RowKind::Task,
                RowKind::Task,
                heading(Some(("II", 2)), "CHÍNH PHỦ SỐ", &["II. CHÍNH PHỦ SỐ"]),
                heading(None, "Nhiệm vụ khác", &["B", "Nhiệm vụ khác"]),
                RowKind::Totals,
                RowKind::Totals,
            ]
        );
    }
}
