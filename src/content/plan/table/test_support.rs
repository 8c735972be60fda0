//! What the table readers' tests share (tests only, pure): the same progress data as CSV
//! text and as an .xlsx workbook built in memory, a seeded generator for the fuzz tests,
//! and helpers to compare what was read.

use rust_xlsxwriter::Workbook;

use super::{Cell, Table, read_csv};

pub(super) const FILE: &str = "content/ke-hoach-2025/data/tien-do-2025.csv";

/// The same progress data in every form a table may come in.
pub(super) const CLEAN: &str = "Mã,Chỉ tiêu,Kỳ,Giá trị,Ghi chú\n\
    CT-01,Tỷ lệ hồ sơ trực tuyến,2025-Q3,78.5,\"Tăng, so với quý 2\"\n\
    CT-02,\"Số thủ tục \"\"toàn trình\"\"\",2025,120,\n\
    CT-03, Nhiều dòng ,2025-09,0.25,\"dòng 1\ndòng 2\"\n\
    CT-04,Sau ô nhiều dòng,2025-12,100,\n";

pub(super) fn header() -> Vec<&'static str> {
    vec!["Mã", "Chỉ tiêu", "Kỳ", "Giá trị", "Ghi chú"]
}

pub(super) fn expected_rows() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            "CT-01",
            "Tỷ lệ hồ sơ trực tuyến",
            "2025-Q3",
            "78.5",
            "Tăng, so với quý 2",
        ],
        vec!["CT-02", "Số thủ tục \"toàn trình\"", "2025", "120", ""],
        vec!["CT-03", "Nhiều dòng", "2025-09", "0.25", "dòng 1\ndòng 2"],
        vec!["CT-04", "Sau ô nhiều dòng", "2025-12", "100", ""],
    ]
}

pub(super) fn texts(cells: &[Cell]) -> Vec<&str> {
    cells.iter().map(|c| c.text.as_str()).collect()
}

pub(super) fn rows(table: &Table) -> Vec<Vec<&str>> {
    table.rows.iter().map(|r| texts(&r.cells)).collect()
}

pub(super) fn csv_ok(text: &str) -> Table {
    let (table, diagnostics) = read_csv(FILE, text.as_bytes());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    table.unwrap()
}

pub(super) fn workbook_bytes(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    build(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

/// CLEAN as a workbook: numbers stored as numbers, `2025` too.
pub(super) fn progress_workbook() -> Vec<u8> {
    workbook_bytes(|workbook| {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Tiến độ").unwrap();
        for (col, name) in header().iter().enumerate() {
            sheet.write_string(0, col as u16, *name).unwrap();
        }
        for (row, cells) in expected_rows().iter().enumerate() {
            let row = row as u32 + 1;
            for (col, text) in cells.iter().enumerate() {
                let col = col as u16;
                match text.parse::<f64>() {
                    Ok(number) => sheet.write_number(row, col, number).unwrap(),
                    Err(_) if text.is_empty() => sheet,
                    // Padded as a careless typist would: the reader trims.
                    Err(_) if col == 1 => {
                        sheet.write_string(row, col, format!(" {text} ")).unwrap()
                    }
                    Err(_) => sheet.write_string(row, col, *text).unwrap(),
                };
            }
        }
    })
}

/// A small deterministic generator, so that the fuzz tests are the same on every run.
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}
