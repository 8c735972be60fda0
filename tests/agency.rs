//! A portal written as an agency writes it (`tests/fixtures/agency`): a provincial plan whose
//! task appendix is `tasks.xlsx` with Vietnamese headers, merged title rows, an empty
//! column, Roman-numeral group rows (one matching no `groups/*.md`), tasks numbered only by
//! STT, leads and partners written as names (and no `units.toml`), funding notes for
//! budgets and a totals row. It builds with no error; each planted mistake gives exactly
//! one placed error.
//!
//! `tasks.xlsx` is made by `write_agency_fixture_workbook` (run it with `--ignored` after
//! changing `appendix`).

mod common;

use common::{Run, Site, text_of};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

const PLAN: &str = "content/ke-hoach-cds-2025";
const TASKS: &str = "content/ke-hoach-cds-2025/tasks.xlsx";

/// The appendix's rows from its header down, as the office typed them: column C is left
/// empty, a group row has its numeral in A and its heading in B (merged to K).
fn appendix() -> Vec<[&'static str; 11]> {
    vec![
        [
            "STT",
            "Nội dung nhiệm vụ",
            "",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian bắt đầu",
            "Thời hạn hoàn thành",
            "Tình trạng",
            "Tiến độ (%)",
            "Kinh phí (triệu đồng)",
            "Sản phẩm / Kết quả",
        ],
        [
            "(1)", "(2)", "", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)",
        ],
        [
            "I",
            "HOÀN THIỆN THỂ CHẾ SỐ",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "1",
            "Ban hành Kế hoạch chuyển đổi số năm 2025 của tỉnh",
            "",
            "Sở Khoa học và Công nghệ",
            "Các sở, ban, ngành; UBND các xã, phường",
            "Tháng 1/2025",
            "31/01/2025",
            "Hoàn thành",
            "100",
            "Trong dự toán được giao",
            "Kế hoạch được ban hành",
        ],
        [
            "2",
            "Rà soát quy chế quản lý, vận hành các hệ thống thông tin dùng chung",
            "",
            "Sở Tư pháp",
            "Sở Khoa học và Công nghệ",
            "Quý I/2025",
            "30/11/2025",
            "Đang thực hiện",
            "60",
            "",
            "Báo cáo rà soát",
        ],
        ["II", "HẠ TẦNG SỐ", "", "", "", "", "", "", "", "", ""],
        [
            "1",
            "Phủ sóng di động 4G/5G đến 100% thôn, bản",
            "",
            "Sở Khoa học và Công nghệ",
            "Các doanh nghiệp viễn thông\nUBND các xã, phường",
            "Quý I/2025",
            "Quý IV/2025",
            "Đang thực hiện",
            "85",
            "Nguồn xã hội hóa",
            "100% thôn, bản có sóng",
        ],
        [
            "2",
            "Nâng cấp Trung tâm dữ liệu tỉnh",
            "",
            "Sở Khoa học và Công nghệ",
            "Công an tỉnh",
            "Tháng 3/2025",
            "30/11/2025",
            "Đang thực hiện",
            "40",
            "12500",
            "Trung tâm dữ liệu đạt cấp độ 3",
        ],
        [
            "III",
            "PHÁT TRIỂN CHÍNH PHỦ SỐ",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "1",
            "Cung cấp dịch vụ công trực tuyến toàn trình",
            "",
            "Văn phòng UBND tỉnh",
            "Các sở, ban, ngành",
            "02/01/2025",
            "Thường xuyên",
            "Đang thực hiện",
            "70",
            "1.250 triệu đồng",
            "",
        ],
        [
            "1.1",
            "Tích hợp thanh toán trực tuyến vào Cổng Dịch vụ công tỉnh",
            "",
            "Văn phòng UBND tỉnh",
            "Kho bạc Nhà nước khu vực; Các ngân hàng thương mại",
            "",
            "DATE 2025-06-30",
            "Chưa thực hiện",
            "",
            "Ngân sách tỉnh",
            "",
        ],
        [
            "IV",
            "TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC VỀ CHUYỂN ĐỔI SỐ",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "1",
            "Tổ chức Ngày Chuyển đổi số tỉnh năm 2025",
            "",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Báo và Phát thanh, Truyền hình tỉnh",
            "Tháng 9/2025",
            "10/10/2025",
            "Đang thực hiện",
            "50",
            "2 tỷ đồng",
            "",
        ],
        ["", "Tổng cộng", "", "", "", "", "", "", "", "15750", ""],
    ]
}

/// The English sheet: the same rows, titles in English.
fn english() -> Vec<[&'static str; 2]> {
    vec![
        ["No.", "Task"],
        ["", ""],
        ["I", "DIGITAL INSTITUTIONS"],
        ["1", "Issue the province's 2025 digital transformation plan"],
        [
            "2",
            "Review the rules for running shared information systems",
        ],
        ["II", "DIGITAL INFRASTRUCTURE"],
        ["1", "Bring 4G/5G mobile coverage to every village"],
        ["2", "Upgrade the provincial data centre"],
        ["III", "DIGITAL GOVERNMENT"],
        ["1", "Offer public services fully online"],
        [
            "1.1",
            "Add online payment to the provincial public service portal",
        ],
        ["IV", "COMMUNICATION AND AWARENESS"],
        ["1", "Hold the province's Digital Transformation Day 2025"],
        ["", "Total"],
    ]
}

const TITLE_ROWS: [&str; 3] = [
    "PHỤ LỤC I",
    "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 20/01/2025 của UBND tỉnh Lào Cai)",
];

/// Row (from 0) of the header: three title rows, then a blank row.
const HEADER_ROW: u32 = 4;

/// The workbook of `rows`, as the office saves it: merged title rows, bold header, group
/// rows merged across the table, numbers stored as numbers, one date stored as a date.
fn workbook(rows: &[[&str; 11]]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 1, 20).unwrap();
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let heading = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Phụ lục I").unwrap();
    for (r, text) in TITLE_ROWS.iter().enumerate() {
        sheet
            .merge_range(r as u32, 0, r as u32, 10, text, &title)
            .unwrap();
    }
    for (i, cells) in rows.iter().enumerate() {
        let row = HEADER_ROW + i as u32;
        let is_group = i > 1 && !cells[0].is_empty() && cells[2..].iter().all(|c| c.is_empty());
        if is_group {
            sheet.write_string(row, 0, cells[0]).unwrap();
            sheet
                .merge_range(row, 1, row, 10, cells[1], &heading)
                .unwrap();
            continue;
        }
        for (c, text) in cells.iter().enumerate() {
            let col = c as u16;
            if text.is_empty() {
                continue;
            }
            if let Some(iso) = text.strip_prefix("DATE ") {
                let day = ExcelDateTime::parse_from_str(iso).unwrap();
                sheet
                    .write_datetime_with_format(row, col, &day, &date)
                    .unwrap();
            } else if i > 1 && (c == 8 || c == 9) && text.parse::<f64>().is_ok() {
                sheet
                    .write_number(row, col, text.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                sheet.write_string(row, col, *text).unwrap();
            }
        }
    }
    let en = workbook.add_worksheet();
    en.set_name("en").unwrap();
    en.merge_range(0, 0, 0, 10, "ANNEX I: TASKS OF THE 2025 PLAN", &title)
        .unwrap();
    for (i, [number, task]) in english().iter().enumerate() {
        let row = HEADER_ROW + i as u32;
        if !number.is_empty() {
            en.write_string(row, 0, *number).unwrap();
        }
        if !task.is_empty() {
            en.write_string(row, 1, *task).unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
#[ignore = "writes the fixture's tasks.xlsx; run after changing the appendix"]
fn write_agency_fixture_workbook() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/agency")
        .join(TASKS);
    std::fs::write(path, workbook(&appendix())).unwrap();
}

#[test]
fn the_committed_workbook_is_the_generated_one() {
    // The workbook's creation date is fixed, so the same rows make the same bytes.
    let site = Site::fixture("agency");
    let committed = std::fs::read(site.path(TASKS)).unwrap();
    assert!(
        committed == workbook(&appendix()),
        "run `cargo test --test agency -- --ignored` to write tasks.xlsx again"
    );
}

fn built() -> Site {
    let site = Site::fixture("agency");
    let run = site.build();
    run.assert_ok();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    site
}

#[test]
fn the_tracker_shows_the_appendix_as_written() {
    let site = built();
    let tracker = text_of(&site.output("ke-hoach-cds-2025/nhiem-vu/index.html"));
    for expected in [
        // Groups from the heading rows: matched by order, title, order, and one made.
        "Thể chế số",
        "Hạ tầng số",
        "Chính phủ số",
        "TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC VỀ CHUYỂN ĐỔI SỐ",
        // Codes from the group's numeral and the STT.
        "NV-I.1",
        "NV-II.2",
        "NV-III.1.1",
        "NV-IV.1",
        // Leads as written, commas and all.
        "Sở Khoa học và Công nghệ",
        "Sở Văn hóa, Thể thao và Du lịch",
        // Funding notes as written.
        "Nguồn kinh phí: Nguồn xã hội hóa",
        "Nguồn kinh phí: Ngân sách tỉnh",
    ] {
        assert!(tracker.contains(expected), "{expected}: {tracker}");
    }
    assert!(!tracker.contains("Tổng cộng"), "the totals row is no task");
    assert!(!tracker.contains("PHỤ LỤC"), "title rows are no tasks");
    // Due 30/6/2025 (a date cell), not started on as_of 30/9/2025: overdue.
    let row = tracker
        .split("NV-III.1.1")
        .nth(1)
        .unwrap()
        .split("NV-IV.1")
        .next()
        .unwrap();
    assert!(row.contains("Quá hạn"), "{row}");

    // The group made from the appendix has its own page and tracker page.
    let made =
        text_of(&site.output(
            "ke-hoach-cds-2025/tuyen-truyen-nang-cao-nhan-thuc-ve-chuyen-doi-so/index.html",
        ));
    assert!(made.contains("TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC"), "{made}");
    let plan = text_of(&site.output("ke-hoach-cds-2025/index.html"));
    assert!(plan.contains("TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC"), "{plan}");

    // A lead written as a name has its tracker page.
    let led = text_of(
        &site.output("ke-hoach-cds-2025/nhiem-vu/don-vi-so-khoa-hoc-va-cong-nghe/index.html"),
    );
    assert!(
        led.contains("NV-II.1") && !led.contains("NV-III.1"),
        "{led}"
    );
}

#[test]
fn a_task_page_shows_partners_with_commas_and_its_funding_note() {
    let site = built();
    let page = text_of(&site.output("ke-hoach-cds-2025/nhiem-vu/nv-i-1/index.html"));
    assert!(
        page.contains("Các sở, ban, ngành; UBND các xã, phường"),
        "{page}"
    );
    assert!(
        page.contains("Nguồn kinh phí Trong dự toán được giao"),
        "{page}"
    );
}

#[test]
fn the_english_tracker_shows_english_titles() {
    let site = built();
    let tracker = text_of(&site.output("en/ke-hoach-cds-2025/nhiem-vu/index.html"));
    for expected in [
        "Bring 4G/5G mobile coverage to every village",
        "Add online payment to the provincial public service portal",
        "COMMUNICATION AND AWARENESS",
        "Digital infrastructure",
        "Funding: Nguồn xã hội hóa",
    ] {
        assert!(tracker.contains(expected), "{expected}: {tracker}");
    }
    assert!(!tracker.contains("Phủ sóng di động"), "{tracker}");
}

#[test]
fn deadlines_read_one_way_on_the_site_and_as_written_in_downloads() {
    let site = built();
    let html = site.output("ke-hoach-cds-2025/nhiem-vu/index.html");
    let shown: Vec<&str> = html
        .split("<td class=\"due\"")
        .skip(1)
        .map(|cell| {
            let text = cell.split("</td>").next().unwrap();
            let text = text.rsplit("\">").next().unwrap();
            text.trim_end_matches("</time>")
        })
        .collect();
    assert!(!shown.is_empty(), "{html}");
    // `31/01/2025` in the appendix reads `31/1/2025`; quarters in Roman numerals.
    assert!(shown.contains(&"31/1/2025"), "{shown:?}");
    assert!(shown.contains(&"Quý IV/2025"), "{shown:?}");
    assert!(shown.contains(&"Thường xuyên"), "{shown:?}");
    for text in &shown {
        let normal = text.starts_with("Quý ")
            || text.starts_with("Tháng ")
            || text.starts_with("Năm ")
            || text.starts_with("Trước ")
            || *text == "Thường xuyên"
            || text
                .split('/')
                .all(|n| !n.starts_with('0') && n.parse::<u32>().is_ok());
        assert!(normal, "`{text}` is not in the one form: {shown:?}");
    }
    let english = site.output("en/ke-hoach-cds-2025/nhiem-vu/index.html");
    assert!(english.contains(">31 January 2025</time>"), "{english}");
    assert!(
        english.contains(">Q4 2025</time>") || english.contains(">Q4 2025<"),
        "{english}"
    );
    assert!(english.contains(">Ongoing<"), "{english}");
    // The downloads keep the deadline as the appendix wrote it.
    let csv = site.output("ke-hoach-cds-2025/du-lieu-mo/nhiem-vu.csv");
    assert!(csv.contains(",31/01/2025,"), "{csv}");
    // Codes are one word.
    assert!(html.contains("<td class=\"code\""), "{html}");
}

#[test]
fn downloads_keep_funding_notes_and_names_as_written() {
    let site = built();
    let csv = site.output("ke-hoach-cds-2025/du-lieu-mo/nhiem-vu.csv");
    assert!(
        csv.contains("NV-I.1,the-che-so,Ban hành Kế hoạch chuyển đổi số năm 2025 của tỉnh,Sở Khoa học và Công nghệ,\"Các sở, ban, ngành;UBND các xã, phường\""),
        "{csv}"
    );
    assert!(csv.contains(",Trong dự toán được giao,"), "{csv}");
    assert!(csv.contains(",12500,"), "{csv}");
    let json = site.output("ke-hoach-cds-2025/du-lieu-mo/nhiem-vu.json");
    assert!(
        json.contains("\"budget_note\": \"Nguồn xã hội hóa\""),
        "{json}"
    );
    assert!(json.contains("\"budget_million_vnd\": 1250.0"), "{json}");
    assert!(
        json.contains("\"title_en\": \"Upgrade the provincial data centre\""),
        "{json}"
    );
}

#[test]
fn check_warns_once_that_units_are_shown_as_written() {
    let site = Site::fixture("agency");
    let run = site.run(&["check"]);
    run.assert_ok();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning[unknown-unit]"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].contains("the site has no data/units.toml, so the 11 units named"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(TASKS), "{}", run.stderr);
}

/// Builds the fixture with `change` made to it, and returns the one error it must give.
fn one_error(change: impl FnOnce(&Site)) -> String {
    let site = Site::fixture("agency");
    change(&site);
    let run: Run = site.build();
    run.assert_fails(1);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error["))
        .collect();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    run.stderr
}

fn with_rows(site: &Site, edit: impl FnOnce(&mut Vec<[&'static str; 11]>)) {
    let mut rows = appendix();
    edit(&mut rows);
    site.write_bytes(TASKS, &workbook(&rows));
}

#[test]
fn a_missing_column_suggests_the_vietnamese_name_it_nearly_is() {
    let stderr = one_error(|site| with_rows(site, |rows| rows[0][3] = "Cơ quan chủ tì"));
    assert!(
        stderr.contains("sheet 'Phụ lục I', row 5: the column 'Cơ quan chủ trì' (lead) is missing"),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("--> {TASKS}")), "{stderr}");
    assert!(
        stderr.contains(
            "did you mean 'Cơ quan chủ tì'? Write the column's name as 'Cơ quan chủ trì'"
        ),
        "{stderr}"
    );
}

#[test]
fn a_task_number_used_twice_in_a_group_is_one_error_at_its_cell() {
    let stderr = one_error(|site| with_rows(site, |rows| rows[4][0] = "1"));
    assert!(
        stderr.contains("sheet 'Phụ lục I', cell A9: the task number `1` is used twice in this group (as `NV-I.1`)"),
        "{stderr}"
    );
}

#[test]
fn a_percentage_over_100_is_one_error_at_its_cell() {
    let stderr = one_error(|site| with_rows(site, |rows| rows[6][8] = "120"));
    assert!(
        stderr.contains("sheet 'Phụ lục I', cell I11: 120 is outside 0–100"),
        "{stderr}"
    );
}

#[test]
fn an_unknown_group_id_in_a_task_row_is_one_placed_error() {
    let stderr = one_error(|site| {
        site.remove(TASKS);
        site.write(
            &format!("{PLAN}/tasks.csv"),
            "Mã nhiệm vụ,Nhóm nhiệm vụ,Nhiệm vụ,Cơ quan chủ trì,Thời hạn,Tình trạng\n\
             NV-01,the-che-so,Ban hành kế hoạch,Sở Khoa học và Công nghệ,31/01/2025,Hoàn thành\n\
             NV-02,ha-tang-s,Phủ sóng,Sở Khoa học và Công nghệ,Quý IV/2025,Đang thực hiện\n",
        );
        site.remove(&format!("{PLAN}/tasks/NV-I.1.md"));
        let plan = std::fs::read_to_string(site.path(&format!("{PLAN}/plan.toml"))).unwrap();
        site.write(
            &format!("{PLAN}/plan.toml"),
            &plan.replace("tasks.xlsx", "tasks.csv"),
        );
    });
    assert!(
        stderr.contains(&format!("--> {PLAN}/tasks.csv:3:7")),
        "{stderr}"
    );
    assert!(
        stderr.contains("`ha-tang-s` is not a task group of this plan"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `ha-tang-so`?"), "{stderr}");
}
