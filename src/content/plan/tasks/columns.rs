//! The columns of a task appendix (pure): each field of a task with the names offices give
//! its column, in English and in Vietnamese; a table's header in, the column of each field
//! (or the diagnostics for the fields it lacks) out.
//!
//! Names are compared folded: without case, diacritics, punctuation or repeated spaces, so
//! `Cơ quan chủ trì`, `CO QUAN CHU TRI` and `Cơ quan  chủ trì:` are one name. A name with a
//! part in brackets (`Kinh phí (triệu đồng)`) is also tried without it (`Kinh phí`).

use crate::diag::{Diagnostic, did_you_mean};
use crate::slug::fold_ascii;
use crate::t;

use super::super::table::{Cell, Table};

/// A field of a task, the column it is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Stt,
    Id,
    Group,
    Title,
    /// The title in English, beside the Vietnamese one.
    TitleEn,
    Lead,
    Partners,
    Start,
    Due,
    Status,
    Percent,
    Budget,
    Output,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Stt,
        Field::Id,
        Field::Group,
        Field::Title,
        Field::TitleEn,
        Field::Lead,
        Field::Partners,
        Field::Start,
        Field::Due,
        Field::Status,
        Field::Percent,
        Field::Budget,
        Field::Output,
    ];

    /// The names a column of this field may have; the first is the English name of DESIGN,
    /// the second the Vietnamese name shown in messages.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::Stt => &["stt", "STT", "tt", "số tt", "số thứ tự", "no"],
            Field::Id => &[
                "id",
                "Mã nhiệm vụ",
                "mã",
                "mã số",
                "mã nv",
                "mã số nhiệm vụ",
                "code",
            ],
            Field::Group => &["group", "Nhóm nhiệm vụ", "nhóm", "lĩnh vực"],
            Field::Title => &[
                "title",
                "Nhiệm vụ",
                "nội dung nhiệm vụ",
                "nội dung",
                "tên nhiệm vụ",
                "nhiệm vụ giải pháp",
                "nội dung công việc",
                "task",
            ],
            Field::TitleEn => &[
                "title_en",
                "Nhiệm vụ (tiếng Anh)",
                "nội dung nhiệm vụ (tiếng anh)",
                "tên tiếng anh",
                "title (english)",
                "task (english)",
            ],
            Field::Lead => &[
                "lead",
                "Cơ quan chủ trì",
                "đơn vị chủ trì",
                "chủ trì",
                "cơ quan đơn vị chủ trì",
                "cơ quan chủ trì thực hiện",
                "đơn vị thực hiện",
            ],
            Field::Partners => &[
                "partners",
                "Cơ quan phối hợp",
                "đơn vị phối hợp",
                "phối hợp",
                "cơ quan đơn vị phối hợp",
            ],
            Field::Start => &[
                "start",
                "Thời gian bắt đầu",
                "bắt đầu",
                "ngày bắt đầu",
                "thời điểm bắt đầu",
            ],
            Field::Due => &[
                "due",
                "Thời hạn",
                "thời gian hoàn thành",
                "thời hạn hoàn thành",
                "hoàn thành",
                "tiến độ hoàn thành",
                "thời gian thực hiện",
                "ngày hoàn thành",
            ],
            Field::Status => &[
                "status",
                "Tình trạng",
                "trạng thái",
                "tình trạng thực hiện",
                "tình hình thực hiện",
            ],
            Field::Percent => &[
                "percent",
                "Tiến độ (%)",
                "tỷ lệ hoàn thành",
                "% hoàn thành",
                "tiến độ thực hiện (%)",
                "mức độ hoàn thành (%)",
            ],
            Field::Budget => &[
                "budget",
                "Kinh phí (triệu đồng)",
                "kinh phí",
                "kinh phí dự kiến",
                "dự toán",
                "kinh phí thực hiện",
            ],
            Field::Output => &[
                "output",
                "Sản phẩm",
                "kết quả",
                "sản phẩm kết quả",
                "kết quả sản phẩm",
                "sản phẩm đầu ra",
                "kết quả đầu ra",
            ],
        }
    }

    /// The English name (`lead`), as DESIGN and the downloads name the field.
    pub fn key(self) -> &'static str {
        self.names()[0]
    }

    /// The Vietnamese name, as an appendix writes it.
    pub fn vietnamese(self) -> &'static str {
        self.names()[1]
    }
}

/// How a name is compared: folded to lowercase ASCII, punctuation as spaces, spaces
/// collapsed. `%` is kept, since `Tiến độ (%)` names a share.
pub fn name_key(name: &str) -> String {
    fold_ascii(name)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '%' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `name` without its parts in brackets: `Kinh phí (triệu đồng)` is `Kinh phí`.
fn without_brackets(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header name is, if any.
pub fn field_of(name: &str) -> Option<Field> {
    let find = |key: &str| {
        Field::ALL
            .into_iter()
            .find(|f| f.names().iter().any(|n| name_key(n) == key))
    };
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    find(&key).or_else(|| {
        let bare = name_key(&without_brackets(name));
        (!bare.is_empty() && bare != key)
            .then(|| find(&bare))
            .flatten()
    })
}

/// Whether a row names the columns of a task appendix: at least two of its cells name
/// fields, among them the task itself. Title rows above the header (the plan's name,
/// "Phụ lục I", a date line) do not.
pub fn is_header(cells: &[Cell]) -> bool {
    let fields: Vec<Field> = cells.iter().filter_map(|c| field_of(&c.text)).collect();
    fields.len() >= 2
        && fields
            .iter()
            .any(|f| matches!(f, Field::Title | Field::Lead))
}

/// Which column holds each field, from a table's header: the first column of each.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    found: Vec<(Field, usize)>,
}

impl Columns {
    pub fn of(table: &Table) -> Columns {
        let mut found: Vec<(Field, usize)> = Vec::new();
        for (index, cell) in table.header.iter().enumerate() {
            if let Some(field) = field_of(&cell.text)
                && !found.iter().any(|(f, _)| *f == field)
            {
                found.push((field, index));
            }
        }
        Columns { found }
    }

    pub fn get(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, index)| *index)
    }

    /// A diagnostic for each required field the header lacks: the title, the lead unit,
    /// the due date, the status, and an id (`Mã nhiệm vụ`) or a number (`STT`).
    pub fn require(&self, table: &Table) -> Vec<Diagnostic> {
        let mut missing: Vec<Field> = [Field::Title, Field::Lead, Field::Due, Field::Status]
            .into_iter()
            .filter(|f| self.get(*f).is_none())
            .collect();
        if self.get(Field::Id).is_none() && self.get(Field::Stt).is_none() {
            missing.insert(0, Field::Id);
        }
        // Header names that name no field may be misspellings of the missing ones.
        let unused: Vec<&str> = table
            .header
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty() && field_of(t).is_none())
            .collect();
        let header: Vec<&str> = table
            .header
            .iter()
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
            .collect();
        missing
            .into_iter()
            .map(|field| {
                let hint = match near_miss(field, &unused) {
                    Some((written, name)) => {
                        t!("table-column-did-you-mean", written = written, name = name)
                    }
                    None if field == Field::Id => t!(
                        "task-column-id-hint",
                        vietnamese = field.vietnamese(),
                        key = field.key()
                    ),
                    None => t!(
                        "task-column-hint",
                        vietnamese = field.vietnamese(),
                        key = field.key()
                    ),
                };
                table
                    .header_diagnostic(
                        "missing-column",
                        t!(
                            "task-missing-column",
                            vietnamese = field.vietnamese(),
                            key = field.key()
                        ),
                    )
                    .with_hint(hint)
                    .with_note(t!("table-header-has", names = header.join(", ")))
            })
            .collect()
    }
}

/// The header name nearest to one of a field's names, and that name.
fn near_miss<'a>(field: Field, unused: &[&'a str]) -> Option<(&'a str, &'static str)> {
    let keys: Vec<String> = unused.iter().map(|u| name_key(u)).collect();
    field.names().iter().find_map(|name| {
        let guess = did_you_mean(&name_key(name), keys.iter().map(String::as_str))?;
        let at = keys.iter().position(|k| k == guess)?;
        Some((unused[at], *name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::plan::table::read_csv;

    #[test]
    fn vietnamese_and_english_names_match_in_any_form() {
        for (written, field) in [
            ("STT", Field::Stt),
            ("Mã nhiệm vụ", Field::Id),
            ("NỘI DUNG NHIỆM VỤ", Field::Title),
            ("Nhiệm vụ", Field::Title),
            ("Cơ quan  chủ trì", Field::Lead),
            ("co quan phoi hop", Field::Partners),
            ("Thời gian bắt đầu", Field::Start),
            ("Thời hạn", Field::Due),
            ("Thời gian hoàn thành", Field::Due),
            ("Tình trạng", Field::Status),
            ("Tiến độ (%)", Field::Percent),
            ("Kinh phí (triệu đồng)", Field::Budget),
            ("Kinh phí (tr.đ)", Field::Budget),
            ("Sản phẩm / Kết quả", Field::Output),
            ("Sản phẩm/Kết quả", Field::Output),
            ("Nhóm nhiệm vụ", Field::Group),
            ("Nhiệm vụ (tiếng Anh)", Field::TitleEn),
            ("title_en", Field::TitleEn),
            ("lead", Field::Lead),
            ("percent", Field::Percent),
        ] {
            assert_eq!(field_of(written), Some(field), "{written}");
        }
        for unknown in ["Ghi chú", "", "Tiến độ", "Phụ lục I"] {
            assert_eq!(field_of(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_missing_column_suggests_the_vietnamese_near_miss() {
        let (table, _) = read_csv(
            "content/kh/tasks.csv",
            "STT,Nhiệm vụ,Cơ quan chủ tì,Thời hạn,Tình trạng\n1,x,y,2025,done\n".as_bytes(),
        );
        let table = table.unwrap();
        let diagnostics = Columns::of(&table).require(&table);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(d.location(), "content/kh/tasks.csv:1:1");
        assert_eq!(d.message, "the column 'Cơ quan chủ trì' (lead) is missing");
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "did you mean 'Cơ quan chủ tì'? Write the column's name as 'Cơ quan chủ trì' \
                 (case and diacritics do not matter)"
            )
        );
    }

    #[test]
    fn title_rows_are_not_headers() {
        let cells = |texts: &[&str]| -> Vec<Cell> {
            let (table, _) = read_csv("x.csv", texts.join(",").as_bytes());
            table.unwrap().header
        };
        assert!(!is_header(&cells(&["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025"])));
        assert!(!is_header(&cells(&["Phụ lục I", "", ""])));
        assert!(!is_header(&cells(&["(Kèm theo Kế hoạch số 12/KH-BXD)"])));
        assert!(is_header(&cells(&[
            "STT",
            "Nội dung nhiệm vụ",
            "Cơ quan chủ trì"
        ])));
        assert!(is_header(&cells(&["id", "group", "title", "lead"])));
    }
}
