//! A portal written as an agency writes it (`tests/fixtures/ministry`): units in its own
//! words, province breakdowns after the 2025 merger, Vietnamese words for directions and
//! frequencies, an Open SDG file under its Open SDG name, the appendix as an `.xlsx` with
//! Vietnamese headers, title rows and Roman-numeral group rows, leads as names, funding
//! notes, and no `units.toml`. It builds cleanly; each planted mistake gives exactly one
//! placed error. (`tests/agency.rs` tries the appendix's own mistakes.)

mod common;

use common::{Site, text_of};

const PLAN: &str = "content/ke-hoach-cds-2025";
const INDICATORS: &str = "content/ke-hoach-cds-2025/indicators.toml";
const DATA: &str = "content/ke-hoach-cds-2025/data/tien-do-2025.csv";

fn built() -> Site {
    let site = Site::fixture("ministry");
    let run = site.build();
    run.assert_ok();
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
    site
}

#[test]
fn a_ministry_portal_in_its_own_words_builds_with_province_breakdowns() {
    let site = built();
    let page = site.output("ke-hoach-cds-2025/chi-tieu/ho-so-truc-tuyen/index.html");
    // The breakdown reads as provinces, not communes, on its chart and in its table.
    assert!(
        page.contains("Chia theo tỉnh, thành phố, quý 2/2025"),
        "{page}"
    );
    assert!(
        page.contains("<th scope=\"col\">Tỉnh, thành phố</th>"),
        "{page}"
    );
    assert!(!page.contains("xã, phường"), "{page}");
    let breakdown_chart = &page[page.find("chart chart-breakdown").unwrap()..];
    for province in ["Hà Nội", "Thành phố Hồ Chí Minh", "Tuyên Quang", "Lào Cai"] {
        assert!(breakdown_chart.contains(province), "{province} missing");
        assert!(
            page.contains(&format!("<th scope=\"row\">{province}</th>")),
            "{province}"
        );
    }
    assert!(page.contains("Chiều mong muốn"), "{page}");
    let english = site.output("en/ke-hoach-cds-2025/chi-tieu/ho-so-truc-tuyen/index.html");
    assert!(
        english.contains("<th scope=\"col\">Province or city</th>"),
        "{english}"
    );
}

#[test]
fn the_appendix_gives_the_groups_of_its_heading_rows_and_leads_as_written() {
    let site = built();
    let tracker = text_of(&site.output("ke-hoach-cds-2025/nhiem-vu/index.html"));
    // Heading rows that match no groups/*.md make groups of their own, with pages.
    assert!(
        tracker.contains("TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC"),
        "{tracker}"
    );
    assert!(site.has_output(
        "ke-hoach-cds-2025/tuyen-truyen-nang-cao-nhan-thuc-ve-chuyen-doi-so/index.html"
    ));
    // Tasks numbered only by STT get codes from their group; leads are names as written.
    assert!(tracker.contains("NV-II.1"), "{tracker}");
    assert!(tracker.contains("Sở Khoa học và Công nghệ"), "{tracker}");
    assert!(!tracker.contains("Tổng cộng"), "the totals row is no task");
}

#[test]
fn units_words_and_open_sdg_names_are_taken_as_written() {
    let site = built();
    let days = text_of(&site.output("ke-hoach-cds-2025/chi-tieu/thoi-gian-giai-quyet/index.html"));
    assert!(
        days.contains("Thời gian giải quyết hồ sơ bình quân (ngày)"),
        "{days}"
    );
    // `giảm`: lower is better; `hàng tháng`: monthly.
    assert!(days.contains("Càng thấp càng tốt"), "{days}");
    assert!(days.contains("Hằng tháng"), "{days}");

    let dossiers = site.output("ke-hoach-cds-2025/chi-tieu/ho-so-cap-phep/index.html");
    assert!(
        dossiers.contains("Số hồ sơ cấp phép trực tuyến (hồ sơ)"),
        "{dossiers}"
    );
    assert!(dossiers.contains("6 tháng một lần"), "{dossiers}");
    let english = site.output("en/ke-hoach-cds-2025/chi-tieu/ho-so-cap-phep/index.html");
    assert!(
        english.contains("Licence dossiers filed online (dossiers)"),
        "{english}"
    );

    let csv = site.output("ke-hoach-cds-2025/du-lieu-mo/ho-so-cap-phep.csv");
    assert_eq!(
        csv,
        "\u{FEFF}indicator,period,value,breakdown,note,source,unit\nho-so-cap-phep,2025-06,21450,,,,hồ sơ\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.output("ke-hoach-cds-2025/du-lieu-mo/ho-so-cap-phep.json"))
            .unwrap();
    assert_eq!(json["unit"], "hồ sơ");

    // `data/indicator_1-2-1.csv`, in Open SDG's layout, holds the indicator `1.2.1`.
    let sdg = site.output("ke-hoach-cds-2025/du-lieu-mo/1.2.1.csv");
    assert!(
        sdg.contains("1.2.1,2025,1320,Doanh nghiệp nhỏ và vừa,,,doanh nghiệp"),
        "{sdg}"
    );
    let sdg_page = text_of(&site.output("ke-hoach-cds-2025/chi-tieu/1-2-1/index.html"));
    assert!(
        sdg_page.contains("Chia theo loại hình doanh nghiệp, 2025"),
        "{sdg_page}"
    );
    assert!(sdg_page.contains("Hợp tác xã"), "{sdg_page}");
}

#[test]
fn only_the_files_the_plan_reads_or_attaches_are_published() {
    let site = built();
    assert!(site.has_output("ke-hoach-cds-2025/indicators.toml"));
    assert!(site.has_output("ke-hoach-cds-2025/data/tien-do-2025.csv"));
    assert!(!site.has_output("ke-hoach-cds-2025/bang-tinh-lam-viec.csv"));
}

#[test]
fn the_open_sdg_file_can_be_named_in_the_data_table() {
    let site = Site::fixture("ministry");
    std::fs::rename(
        site.path(&format!("{PLAN}/data/indicator_1-2-1.csv")),
        site.path(&format!("{PLAN}/data/doanh-nghiep-ho-tro.csv")),
    )
    .unwrap();
    let indicators = std::fs::read_to_string(site.path(INDICATORS)).unwrap();
    site.write(
        INDICATORS,
        &format!("[data]\n\"doanh-nghiep-ho-tro.csv\" = \"1.2.1\"\n\n{indicators}"),
    );
    site.build().assert_ok();
    let sdg = site.output("ke-hoach-cds-2025/du-lieu-mo/1.2.1.csv");
    assert!(sdg.contains("1.2.1,2025,1650"), "{sdg}");
}

/// Plants a mistake by replacing `from` with `to` in `file`, builds, and returns the one
/// error's location and the whole of standard error.
fn one_error(file: &str, from: &str, to: &str) -> (String, String) {
    let site = Site::fixture("ministry");
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    assert!(text.contains(from), "{from} is not in {file}");
    site.write(file, &text.replacen(from, to, 1));
    let stderr = site.build_fails();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(stderr.contains("The site has 1 error "), "{stderr}");
    let location = stderr
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .unwrap_or_default()
        .to_string();
    (location, stderr)
}

#[test]
fn a_bad_number_in_a_reading_is_one_error() {
    let (at, stderr) = one_error(DATA, "2025-Q1,68.5", "2025-Q1,68.5x");
    assert_eq!(at, format!("{DATA}:2:26"), "{stderr}");
}

#[test]
fn a_bad_period_is_one_error() {
    let (at, stderr) = one_error(DATA, "2025-Q1,68.5", "2025-Q5,68.5");
    assert_eq!(at, format!("{DATA}:2:18"), "{stderr}");
    assert!(stderr.contains("`2025-Q5` is not a period"), "{stderr}");
}

#[test]
fn an_unknown_indicator_id_in_data_is_one_error() {
    let (at, stderr) = one_error(DATA, "ho-so-cap-phep,2025-06", "ho-so-cap-phe,2025-06");
    assert_eq!(at, format!("{DATA}:10:1"), "{stderr}");
    assert!(
        stderr.contains("did you mean `ho-so-cap-phep`?"),
        "{stderr}"
    );
}

#[test]
fn a_bad_direction_word_is_one_error_without_errors_from_its_readings() {
    let (at, stderr) = one_error(
        INDICATORS,
        "direction = \"Tăng\"",
        "direction = \"tăng lên\"",
    );
    assert_eq!(at, format!("{INDICATORS}:6:13"), "{stderr}");
    assert!(stderr.contains("did you mean `tăng`?"), "{stderr}");
    assert!(!stderr.contains("not an indicator id"), "{stderr}");
}

#[test]
fn a_duplicate_indicator_id_is_one_error() {
    let site_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ministry")
            .join(INDICATORS),
    )
    .unwrap();
    let second = &site_text[site_text
        .find("[[indicator]]\nid = \"ho-so-cap-phep\"")
        .unwrap()..];
    let second = &second[..second[1..].find("[[indicator]]").unwrap() + 1];
    let last = "breakdown = \"loại hình doanh nghiệp\"\n";
    let (at, stderr) = one_error(INDICATORS, last, &format!("{last}\n{second}"));
    let line = site_text.lines().count() + 3;
    assert_eq!(at, format!("{INDICATORS}:{line}:6"), "{stderr}");
    assert!(
        stderr.contains("`ho-so-cap-phep` is used twice"),
        "{stderr}"
    );
}

#[test]
fn a_percentage_over_100_is_one_error() {
    let (at, stderr) = one_error(DATA, "2025-Q2,81.4", "2025-Q2,181.4");
    assert_eq!(at, format!("{DATA}:4:26"), "{stderr}");
    assert!(
        stderr.contains("181.4 is a percentage outside 0–100"),
        "{stderr}"
    );
}

#[test]
fn one_mistake_repeated_down_a_file_is_one_error_naming_the_rows() {
    let site = Site::fixture("ministry");
    let text = std::fs::read_to_string(site.path(DATA)).unwrap();
    site.write(DATA, &text.replace("2025-Q2,", "2025-Q6,"));
    let stderr = site.build_fails();
    assert_eq!(stderr.matches("error[").count(), 1, "{stderr}");
    assert!(
        stderr.contains("and 4 more rows like this: lines 4, 5, 6, 7"),
        "{stderr}"
    );
}
