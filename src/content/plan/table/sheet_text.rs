//! A spreadsheet cell's value as the text a person sees (pure): a calamine value in; a
//! `String` out, numbers at Excel's 15 significant digits and dates as ISO 8601. Nothing
//! here touches the disk.

use calamine::{DataRef, ExcelDateTime};

use crate::source::nfc;

use super::clean;

/// A cell's value as the text a person sees in the spreadsheet.
pub(super) fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Empty => String::new(),
        DataRef::String(text) => sheet_string(text),
        DataRef::SharedString(text) => sheet_string(text),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(x) => number_text(*x),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(date) => date_text(date),
        DataRef::DateTimeIso(text) => text.strip_suffix("T00:00:00").unwrap_or(text).to_string(),
        DataRef::DurationIso(text) => text.clone(),
        DataRef::Error(error) => error.to_string(),
    }
}

/// A text cell in NFC, trimmed, with any NUL as U+FFFD (as text read from files has it).
fn sheet_string(text: &str) -> String {
    let text = clean(&nfc(text)).to_string();
    if text.contains('\0') {
        text.replace('\0', "\u{FFFD}")
    } else {
        text
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
