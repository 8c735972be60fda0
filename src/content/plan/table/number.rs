//! Numbers as offices write them (pure): a cell's text and whether the file takes a decimal
//! comma in; an `f64`, or a message and a hint telling what to write, out. Nothing here
//! touches the disk.

use super::clean;
use crate::t;

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
/// Every number with this many significant digits is held exactly (below 2^53), as in a
/// spreadsheet; more would be rounded without a word.
pub const MAX_EXACT_DIGITS: usize = 15;

pub fn parse_number(text: &str, decimal_comma: bool) -> Result<f64, (String, String)> {
    let text = clean(text);
    let example = if decimal_comma { "78,5" } else { "78.5" };
    if text.is_empty() {
        return Err((
            t!("table-number-empty"),
            t!("table-number-empty-hint", example = example),
        ));
    }
    let fail = |hint: String| Err((t!("table-number-expected", text = text), hint));
    let negative = text.starts_with(['-', '\u{2212}']);
    let body = text.strip_prefix(['-', '+', '\u{2212}']).unwrap_or(text);
    let (mark, other) = if decimal_comma {
        (',', '.')
    } else {
        ('.', ',')
    };
    if body.contains('%') {
        return fail(t!("table-number-percent-hint"));
    }
    if text.starts_with('#') {
        return fail(t!("table-number-formula-error-hint", text = text));
    }
    let numeric = |c: char| c.is_ascii_digit() || c == mark || c == other;
    if !body.contains(|c: char| c.is_ascii_digit()) {
        return fail(t!("table-number-no-digits-hint", example = example));
    }
    if !body.chars().all(numeric) {
        let hint = if body.chars().all(|c| numeric(c) || c.is_whitespace()) {
            t!("table-number-spaces-hint")
        } else if body.starts_with(|c: char| c.is_ascii_digit()) {
            let unit = body.trim_start_matches(|c: char| numeric(c) || c.is_whitespace());
            t!("table-number-unit-hint", unit = unit)
        } else {
            t!("table-number-only-hint", example = example)
        };
        return fail(hint);
    }
    let significant = body
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|d| *d == '0')
        .count();
    if significant > MAX_EXACT_DIGITS {
        return fail(t!(
            "table-number-too-many-digits-hint",
            digits = MAX_EXACT_DIGITS
        ));
    }
    let sign = if negative { -1.0 } else { 1.0 };
    match plain_number(body, mark, other) {
        Ok(value) if value.is_finite() => Ok(sign * value + 0.0),
        Ok(_) => fail(t!("table-number-too-large-hint")),
        Err(NumberProblem::Ambiguous) => {
            let whole: String = body.chars().filter(char::is_ascii_digit).collect();
            let decimal = body.replace(other, &mark.to_string());
            fail(t!(
                "table-number-ambiguous-hint",
                body = body,
                whole = whole,
                decimal = decimal
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
                    fail(t!(
                        "table-number-decimal-comma-hint",
                        number = written.replace('.', ",")
                    ))
                } else {
                    fail(t!("table-number-decimal-dot-hint", number = written))
                }
            }
            Err(_) => fail(t!("table-number-one-mark-hint", example = example)),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn numbers_too_long_to_hold_exactly_are_refused() {
        assert_eq!(
            parse_number("123456789012345", false),
            Ok(123456789012345.0)
        );
        assert_eq!(
            parse_number("0,000123456789012345", true),
            Ok(0.000123456789012345)
        );
        let (message, hint) = parse_number("123456789012345678", false).unwrap_err();
        assert!(message.contains("123456789012345678"), "{message}");
        assert!(hint.contains("more than 15 digits"), "{hint}");
    }
}
