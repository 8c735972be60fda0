//! Numbers and dates as each language writes them (pure): `1.234,5` and `30/6/2025` in
//! Vietnamese, `1,234.5` and `30 June 2025` in English. Used for every figure and date a page
//! shows; data files and downloads keep `1234.5` and `2025-06-30`.

/// `value` with at most `decimals` digits after the separator (trailing zeros dropped) and
/// thousands grouped, in the conventions of `lang`.
pub fn number(value: f64, decimals: usize, lang: &str) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let (group, point) = separators(lang);
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut out = String::with_capacity(text.len() + 4);
    // Rounding can make a tiny negative value "0"; it is shown without a sign.
    if value < 0.0 && (whole != "0" || !fraction.is_empty()) {
        out.push('−');
    }
    let digits = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A figure in its unit: `84,1%` / `84.1%` for percentages, the plain number otherwise.
pub fn measured(value: f64, percent: bool, lang: &str) -> String {
    // Small figures keep two decimals, others one; trailing zeros are dropped either way.
    let figure = number(value, if value.abs() < 10.0 { 2 } else { 1 }, lang);
    if percent {
        format!("{figure}%")
    } else {
        figure
    }
}

/// A share (0.62) as a whole percentage (`62%`).
pub fn share(value: f64, lang: &str) -> String {
    format!("{}%", number(value * 100.0, 0, lang))
}

fn separators(lang: &str) -> (char, char) {
    match lang {
        "vi" | "de" | "fr" | "es" | "id" => ('.', ','),
        _ => (',', '.'),
    }
}

/// The months' names in English, January first.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: `30/6/2025` in Vietnamese, `30 June 2025` in English,
/// ISO for languages without a rule.
pub fn date(date: chrono::NaiveDate, lang: &str) -> String {
    use chrono::Datelike;
    match lang {
        "vi" => format!("{}/{}/{}", date.day(), date.month(), date.year()),
        "en" => format!(
            "{} {} {}",
            date.day(),
            ENGLISH_MONTHS[date.month0() as usize],
            date.year()
        ),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// `n` in Roman numerals (`14` is `XIV`), for n from 1 to 3999.
pub fn to_roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(number(1234.5, 1, "vi"), "1.234,5");
        assert_eq!(number(1234.5, 1, "en"), "1,234.5");
        assert_eq!(number(12345678.0, 0, "vi"), "12.345.678");
        assert_eq!(number(84.10, 2, "vi"), "84,1");
        assert_eq!(number(-3.25, 1, "en"), "−3.2");
        assert_eq!(number(-0.01, 1, "en"), "0");
        assert_eq!(measured(84.1, true, "vi"), "84,1%");
        assert_eq!(measured(90.0, true, "en"), "90%");
        assert_eq!(measured(3.456, false, "en"), "3.46");
        assert_eq!(share(0.624, "vi"), "62%");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        assert_eq!(date(day, "vi"), "30/6/2025");
        assert_eq!(date(day, "en"), "30 June 2025");
    }
}
