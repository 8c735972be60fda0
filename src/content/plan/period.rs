//! Periods of progress data (`2025`, `2025-Q3`, `2025-09`, `2025-09-30`) and task deadlines
//! as Vietnamese offices write them (`Quý IV/2025`, `trước 30/6/2025`, `Thường xuyên`), pure.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::format::{ENGLISH_MONTHS, to_roman};

/// A span of time a reading or target refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl Period {
    /// Parses the forms progress data uses: `2025`, `2025-Q3`, `2025-09`, `2025-09-30`.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        // Only a day has two dashes; the date parser is the costly part of reading a period.
        if text.bytes().filter(|&b| b == b'-').count() >= 2
            && let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        {
            return Some(Period::Day(date));
        }
        let (year, rest) = match text.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        match rest {
            None => Some(Period::Year(year)),
            Some(rest) => {
                if let Some(quarter) = rest.strip_prefix(['Q', 'q']) {
                    let quarter: u32 = quarter.parse().ok()?;
                    (1..=4)
                        .contains(&quarter)
                        .then_some(Period::Quarter(year, quarter))
                } else if rest.len() == 2 {
                    let month: u32 = rest.parse().ok()?;
                    (1..=12)
                        .contains(&month)
                        .then_some(Period::Month(year, month))
                } else {
                    None
                }
            }
        }
    }

    pub fn start(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => date(y, 1, 1),
            Period::Quarter(y, q) => date(y, (q - 1) * 3 + 1, 1),
            Period::Month(y, m) => date(y, m, 1),
            Period::Day(d) => d,
        }
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => date(y, 12, 31),
            Period::Quarter(y, q) => last_day(y, q * 3),
            Period::Month(y, m) => last_day(y, m),
            Period::Day(d) => d,
        }
    }

    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
            Period::Day(d) => d.year(),
        }
    }

    /// What periods are ordered by: the year, month and day they end, then the span, finer
    /// first (the month 2025-12 before the year 2025). Every period but a day ends on the
    /// last day of a month; 32 stands for that day, which orders the same against any day
    /// of the month and spares working out the month's length on every comparison, which
    /// sorting 100,000 readings does millions of times.
    fn order_key(&self) -> (i32, u32, u32, u8) {
        match *self {
            Period::Day(d) => (d.year(), d.month(), d.day(), 0),
            Period::Month(y, m) => (y, m, 32, 1),
            Period::Quarter(y, q) => (y, q * 3, 32, 2),
            Period::Year(y) => (y, 12, 32, 3),
        }
    }

    /// The period as people read it: `Quý 3/2025`, `Tháng 9/2025` in Vietnamese; `Q3 2025`,
    /// `Sep 2025` in English; the canonical form for other languages.
    pub fn label(&self, lang: &str) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match (lang, *self) {
            (_, Period::Year(y)) => y.to_string(),
            ("vi", Period::Quarter(y, q)) => format!("Quý {q}/{y}"),
            ("vi", Period::Month(y, m)) => format!("Tháng {m}/{y}"),
            ("vi", Period::Day(d)) => format!("{}/{}/{}", d.day(), d.month(), d.year()),
            ("en", Period::Quarter(y, q)) => format!("Q{q} {y}"),
            ("en", Period::Month(y, m)) => format!("{} {y}", MONTHS[(m - 1) as usize]),
            ("en", Period::Day(d)) => {
                format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
            }
            _ => self.to_string(),
        }
    }
}

impl Period {
    /// The label as it reads inside a sentence: Vietnamese lowercases `Tháng`/`Quý`
    /// there (`đến tháng 9/2025`).
    pub fn label_in_sentence(&self, lang: &str) -> String {
        let label = self.label(lang);
        if lang == "vi" {
            lower_first(&label)
        } else {
            label
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

impl fmt::Display for Period {
    /// The canonical form, as written in data files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl Ord for Period {
    /// In time order by end date; for one end date the finer period first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn last_day(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        date(year + 1, 1, 1)
    } else {
        date(year, month + 1, 1)
    };
    next.pred_opt().unwrap_or(next)
}

/// When a task is due (or starts), as written in the plan's appendix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deadline {
    /// A date or a period; `date` is its last day (for a start: see `Deadline::starts`).
    By { period: Period, before: bool },
    /// "Thường xuyên": ongoing work with no deadline, never overdue.
    Ongoing,
}

impl Deadline {
    /// Parses `30/6/2025`, `2025-06-30`, `Quý IV/2025`, `Quý 4/2025`, `Tháng 6/2025`,
    /// `Năm 2025`, `trước 30/6/2025`, `Thường xuyên`; with or without diacritics, any case.
    pub fn parse(text: &str) -> Option<Deadline> {
        let folded = fold(text);
        let folded = folded.trim();
        if matches!(folded, "thuong xuyen" | "hang nam" | "lien tuc" | "ongoing") {
            return Some(Deadline::Ongoing);
        }
        let (before, rest) = match folded
            .strip_prefix("truoc ")
            .or_else(|| folded.strip_prefix("before "))
        {
            Some(rest) => (true, rest.trim()),
            None => (false, folded),
        };
        parse_when(rest).map(|period| Deadline::By { period, before })
    }

    /// The last day by which the work is due; none for ongoing work.
    pub fn due_date(&self) -> Option<NaiveDate> {
        match self {
            Deadline::By {
                period,
                before: true,
            } => Some(period.start().pred_opt().unwrap_or(period.start())),
            Deadline::By {
                period,
                before: false,
            } => Some(period.end()),
            Deadline::Ongoing => None,
        }
    }

    /// The deadline in one form per language, whatever way the appendix wrote it:
    /// `30/6/2025`, `Quý IV/2025`, `Tháng 6/2025`, `Năm 2025`, `Trước 30/6/2025`,
    /// `Thường xuyên`; `30 June 2025`, `Q4 2025`, `June 2025`, `2025`, `Before 30 June 2025`,
    /// `Ongoing`. Other languages get the canonical form.
    pub fn label(&self, lang: &str) -> String {
        let (period, before) = match self {
            Deadline::Ongoing => {
                return match lang {
                    "vi" => "Thường xuyên".into(),
                    _ => "Ongoing".into(),
                };
            }
            Deadline::By { period, before } => (period, *before),
        };
        let when = match (lang, *period) {
            ("vi", Period::Day(d)) | ("en", Period::Day(d)) => crate::format::date(d, lang),
            ("vi", Period::Quarter(y, q)) => format!("Quý {}/{y}", to_roman(q)),
            ("vi", Period::Month(y, m)) => format!("Tháng {m}/{y}"),
            ("vi", Period::Year(y)) => format!("Năm {y}"),
            ("en", Period::Month(y, m)) => {
                format!("{} {y}", ENGLISH_MONTHS[(m as usize - 1) % 12])
            }
            (_, period) => period.label(lang),
        };
        match (before, lang) {
            (false, _) => when,
            (true, "vi") => format!("Trước {}", lower_first(&when)),
            (true, _) => format!("Before {when}"),
        }
    }

    /// The first day the work may start; none for ongoing work.
    pub fn start_date(&self) -> Option<NaiveDate> {
        match self {
            Deadline::By { period, .. } => Some(period.start()),
            Deadline::Ongoing => None,
        }
    }
}

/// `30/6/2025`, `2025-06-30`, `quy iv/2025`, `quy 4/2025`, `thang 6/2025`, `nam 2025`
/// (already folded to lowercase ASCII).
fn parse_when(text: &str) -> Option<Period> {
    if let Some(period) = Period::parse(text) {
        return Some(period);
    }
    if let Some(rest) = text.strip_prefix("quy ") {
        let (quarter, year) = rest.split_once('/')?;
        let quarter = match quarter.trim() {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            "iv" | "4" => 4,
            _ => return None,
        };
        return Some(Period::Quarter(year.trim().parse().ok()?, quarter));
    }
    if let Some(rest) = text.strip_prefix("thang ") {
        let (month, year) = rest.split_once('/')?;
        let month: u32 = month.trim().parse().ok()?;
        return (1..=12)
            .contains(&month)
            .then_some(Period::Month(year.trim().parse().ok()?, month));
    }
    if let Some(year) = text.strip_prefix("nam ") {
        return Some(Period::Year(year.trim().parse().ok()?));
    }
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    )
    .map(Period::Day)
}

/// Lowercase ASCII with Vietnamese diacritics removed (`Quý` -> `quy`, `Đ` -> `d`).
fn fold(text: &str) -> String {
    crate::slug::fold_ascii(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_parse_order_and_span() {
        assert_eq!(Period::parse("2025-Q3"), Some(Period::Quarter(2025, 3)));
        assert_eq!(Period::parse("2025-09").unwrap().end(), day(2025, 9, 30));
        assert_eq!(Period::parse("2024-02").unwrap().end(), day(2024, 2, 29));
        assert_eq!(Period::parse("2025").unwrap().start(), day(2025, 1, 1));
        for bad in ["2025-13", "2025-Q5", "25", "Q3/2025", "2025-9", "2025/09"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        let mut periods: Vec<Period> = ["2025", "2025-12", "2025-Q4", "2025-06-30", "2025-Q2"]
            .iter()
            .map(|p| Period::parse(p).unwrap())
            .collect();
        periods.sort();
        let written: Vec<String> = periods.iter().map(Period::to_string).collect();
        assert_eq!(
            written,
            ["2025-06-30", "2025-Q2", "2025-12", "2025-Q4", "2025"]
        );
    }

    #[test]
    fn order_is_by_end_date_then_finer_span() {
        let mut periods = Vec::new();
        for year in [2023, 2024, 2025] {
            periods.push(Period::Year(year));
            for quarter in 1..=4 {
                periods.push(Period::Quarter(year, quarter));
            }
            for month in 1..=12 {
                periods.push(Period::Month(year, month));
                let last = Period::Month(year, month).end().day();
                for d in [1, 15, 28, last] {
                    periods.push(Period::Day(day(year, month, d)));
                }
            }
        }
        let rank = |p: &Period| match p {
            Period::Day(_) => 0,
            Period::Month(..) => 1,
            Period::Quarter(..) => 2,
            Period::Year(_) => 3,
        };
        for a in &periods {
            assert_eq!(a.year(), a.end().year(), "{a}");
            for b in &periods {
                let by_dates = (a.end(), rank(a), a.start()).cmp(&(b.end(), rank(b), b.start()));
                assert_eq!(a.cmp(b), by_dates, "{a} against {b}");
                assert_eq!(a.cmp(b) == Ordering::Equal, a == b, "{a} against {b}");
            }
        }
    }

    #[test]
    fn labels_read_naturally_in_each_language() {
        let q = Period::Quarter(2025, 3);
        assert_eq!(q.label("vi"), "Quý 3/2025");
        assert_eq!(q.label("en"), "Q3 2025");
        assert_eq!(Period::Month(2025, 9).label("vi"), "Tháng 9/2025");
        assert_eq!(Period::Month(2025, 9).label("en"), "Sep 2025");
    }

    #[test]
    fn deadlines_read_one_way_per_language_whatever_the_appendix_wrote() {
        let shown = |written: &str, lang: &str| Deadline::parse(written).unwrap().label(lang);
        for written in ["30/06/2025", "2025-06-30", "30/6/2025"] {
            assert_eq!(shown(written, "vi"), "30/6/2025");
            assert_eq!(shown(written, "en"), "30 June 2025");
        }
        for written in ["Quý IV/2025", "quy 4/2025", "QUÝ IV/2025", "2025-Q4"] {
            assert_eq!(shown(written, "vi"), "Quý IV/2025");
            assert_eq!(shown(written, "en"), "Q4 2025");
        }
        assert_eq!(shown("Tháng 6/2025", "vi"), "Tháng 6/2025");
        assert_eq!(shown("tháng 6/2025", "en"), "June 2025");
        assert_eq!(shown("Năm 2025", "vi"), "Năm 2025");
        assert_eq!(shown("2025", "en"), "2025");
        assert_eq!(shown("trước 30/06/2025", "vi"), "Trước 30/6/2025");
        assert_eq!(shown("Trước Quý III/2025", "vi"), "Trước quý III/2025");
        assert_eq!(shown("before 30/6/2025", "en"), "Before 30 June 2025");
        assert_eq!(shown("thường xuyên", "vi"), "Thường xuyên");
        assert_eq!(shown("Thuong xuyen", "en"), "Ongoing");
    }

    #[test]
    fn deadlines_in_the_forms_offices_write() {
        let due = |text: &str| Deadline::parse(text).and_then(|d| d.due_date());
        assert_eq!(due("30/6/2025"), Some(day(2025, 6, 30)));
        assert_eq!(due("2025-06-30"), Some(day(2025, 6, 30)));
        assert_eq!(due("Quý IV/2025"), Some(day(2025, 12, 31)));
        assert_eq!(due("Quý 4/2025"), Some(day(2025, 12, 31)));
        assert_eq!(due("quy ii/2025"), Some(day(2025, 6, 30)));
        assert_eq!(due("Tháng 6/2025"), Some(day(2025, 6, 30)));
        assert_eq!(due("Năm 2025"), Some(day(2025, 12, 31)));
        assert_eq!(due("trước 30/6/2025"), Some(day(2025, 6, 29)));
        assert_eq!(Deadline::parse("Thường xuyên"), Some(Deadline::Ongoing));
        assert_eq!(Deadline::parse("THƯỜNG XUYÊN"), Some(Deadline::Ongoing));
        assert_eq!(
            Deadline::parse("Quý I/2025").unwrap().start_date(),
            Some(day(2025, 1, 1))
        );
        for bad in ["31/6/2025", "Quý V/2025", "sớm", "Tháng 13/2025", "6/2025"] {
            assert_eq!(Deadline::parse(bad), None, "{bad}");
        }
    }
}
