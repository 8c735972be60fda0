//! A task's budget as an appendix writes it (pure): a cell's text in; an amount in million
//! VND, a funding note shown as written, or what is wrong with a figure out.
//!
//! - A number is million VND, with the file's decimal mark and thousands grouping
//!   (`parse_number`): `1.250` in a `;` file, `1,250` or `1250` in a `,` file or a workbook.
//! - A number followed by its unit: `1.250 triệu đồng`, `500 triệu`, `2 tỷ đồng` (2,000
//!   million), `2,5 tỷ`. A column named in billions (`Kinh phí (tỷ đồng)`) reads bare
//!   numbers as billions.
//! - Text that does not start with a figure is a funding note: `Ngân sách tỉnh`, `Trong dự
//!   toán được giao`, `Nguồn xã hội hóa`. It is shown as written and adds nothing to sums.
//! - Text that starts with a figure that cannot be read (`1,5` in a comma-separated file,
//!   `500 USD`) is an error: a figure read wrongly would publish a wrong sum.

use crate::slug::fold_ascii;
use crate::t;

use super::super::table::parse_number;

/// What a task is funded with.
#[derive(Clone, Debug, PartialEq)]
pub enum Budget {
    /// Million VND.
    Amount(f64),
    /// A funding note, as written.
    Note(String),
}

impl Budget {
    pub fn amount(&self) -> Option<f64> {
        match self {
            Budget::Amount(amount) => Some(*amount),
            Budget::Note(_) => None,
        }
    }

    pub fn note(&self) -> Option<&str> {
        match self {
            Budget::Amount(_) => None,
            Budget::Note(note) => Some(note),
        }
    }
}

/// Million VND in one unit a column or a cell is written in: `triệu đồng` 1, `tỷ đồng` 1000.
pub fn unit_factor(name: &str) -> Option<f64> {
    let folded = fold_ascii(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        ["trieu", ..] | ["tr", ..] | ["trd"] => Some(1.0),
        ["ty", ..] => Some(1000.0),
        _ => None,
    }
}

/// The million-VND factor a budget column's name gives: `Kinh phí (tỷ đồng)` is 1000.
pub fn column_factor(header: &str) -> f64 {
    let inside = header
        .split_once('(')
        .map_or("", |(_, rest)| rest.trim_end_matches(')'));
    unit_factor(inside).unwrap_or(1.0)
}

/// Whether `figure` is digits grouped in thousands by dots (`1.250`, `12.500.000`), as
/// Vietnamese write whole amounts.
fn dot_thousands(figure: &str) -> bool {
    let mut groups = figure.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// Reads a budget cell; `factor` is the column's unit in million VND.
pub fn parse(written: &str, decimal_comma: bool, factor: f64) -> Result<Budget, (String, String)> {
    let written = written.trim();
    let starts_with_figure = written
        .trim_start_matches(['-', '+', '\u{2212}'])
        .starts_with(|c: char| c.is_ascii_digit());
    if !starts_with_figure {
        return Ok(Budget::Note(written.to_string()));
    }
    let split = written
        .find(|c: char| c.is_alphabetic())
        .unwrap_or(written.len());
    let (figure, unit) = written.split_at(split);
    let figure = figure.trim();
    let unit = unit.trim();
    let unit_factor = match unit {
        "" => None,
        _ => match unit_factor(unit) {
            Some(factor) => Some(factor),
            None => {
                return Err((
                    t!("task-budget-unit", unit = unit),
                    t!("task-budget-unit-hint"),
                ));
            }
        },
    };
    // A figure with its unit word is written the Vietnamese way (2,5 tỷ), whatever the file.
    let value = if dot_thousands(figure) {
        figure.replace('.', "").parse::<f64>().unwrap_or(0.0)
    } else {
        parse_number(figure, decimal_comma || unit_factor.is_some())?
    };
    Ok(Budget::Amount(value * unit_factor.unwrap_or(factor)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_units_and_notes() {
        let read = |text: &str, comma: bool| parse(text, comma, 1.0);
        assert_eq!(read("1.250", true), Ok(Budget::Amount(1250.0)));
        assert_eq!(read("1.250", false), Ok(Budget::Amount(1250.0)));
        assert_eq!(read("1250.5", false), Ok(Budget::Amount(1250.5)));
        assert_eq!(read("2,5 tỷ đồng", false), Ok(Budget::Amount(2500.0)));
        assert_eq!(read("1.250 triệu đồng", true), Ok(Budget::Amount(1250.0)));
        assert_eq!(read("1.250,5 triệu", true), Ok(Budget::Amount(1250.5)));
        assert_eq!(read("2 tỷ đồng", false), Ok(Budget::Amount(2000.0)));
        assert_eq!(read("2,5 tỷ", true), Ok(Budget::Amount(2500.0)));
        for note in [
            "Ngân sách tỉnh",
            "Trong dự toán được giao",
            "Nguồn xã hội hóa",
        ] {
            assert_eq!(read(note, false), Ok(Budget::Note(note.to_string())));
        }
        assert!(read("1,5", false).is_err(), "a decimal comma in a , file");
        let (message, _) = read("500 USD", false).unwrap_err();
        assert_eq!(message, "'USD' is not a unit of a budget");
        assert_eq!(
            parse("3", false, column_factor("Kinh phí (tỷ đồng)")),
            Ok(Budget::Amount(3000.0))
        );
        assert_eq!(column_factor("Kinh phí (triệu đồng)"), 1.0);
        assert_eq!(column_factor("budget"), 1.0);
    }
}
