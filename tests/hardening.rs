//! Hostile and careless input: files the site must refuse or clean, whatever they hold.
//! Each test is named after what went wrong before it was handled.

mod common;

use common::Site;

#[test]
fn nul_bytes_become_replacement_characters_in_every_text() {
    let site = Site::fixture("basic");
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới\u{0}thiệu\"\nweight = 1\n+++\n\nĐoạn\u{0}mở đầu.\n\n## Mục tiêu\n",
    );
    site.build().assert_ok();
    let html = site.output("gioi-thieu/index.html");
    assert!(!html.contains('\u{0}'), "a NUL byte reached the page");
    assert!(html.contains("Giới\u{FFFD}thiệu"), "{html}");
    assert!(html.contains("Đoạn\u{FFFD}mở đầu."), "{html}");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_site_is_refused_not_published() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.path("static")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.path("static/passwd.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", site.path("content/he-thong")).unwrap();
    // A link inside the site is fine.
    std::os::unix::fs::symlink(
        site.path("content/gioi-thieu.md"),
        site.path("content/ban-sao.md"),
    )
    .unwrap();
    let stderr = site.build_fails();
    assert!(
        stderr.contains("static/passwd.txt is a link to /etc/passwd"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/he-thong is a link to /etc"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("link-out-of-site").count(), 2, "{stderr}");
    assert!(!site.has_output("passwd.txt"));
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_named_not_mangled() {
    use std::os::unix::ffi::OsStrExt;
    let site = Site::fixture("basic");
    for name in [&b"tin-tuc/b\xe1o.md"[..], &b"tin-tuc/b\xe0o.md"[..]] {
        let path = site.path("content").join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, "+++\ntitle = \"x\"\n+++\n").unwrap();
    }
    let stderr = site.build_fails();
    assert_eq!(stderr.matches("is not UTF-8 text").count(), 2, "{stderr}");
    assert!(stderr.contains(r"b\xE1o.md"), "{stderr}");
}

#[test]
fn two_builds_into_one_folder_at_once_both_leave_a_whole_site() {
    let site = Site::fixture("plan");
    site.build().assert_ok();
    let whole = common::snapshot(&site.path("public"));
    let root = site.root.to_str().unwrap().to_string();
    let builds: Vec<_> = (0..2)
        .map(|_| {
            let root = root.clone();
            std::thread::spawn(move || common::minhbach(["build", "--root", root.as_str()]))
        })
        .collect();
    for build in builds {
        build.join().unwrap().assert_ok();
    }
    assert_eq!(common::snapshot(&site.path("public")), whole);
}

#[test]
fn a_file_put_into_the_output_by_hand_is_named_before_it_goes() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    site.write("public/CNAME", "cds.example.gov.vn");
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr.contains("CNAME was not written by minhbach"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("static/CNAME"), "{}", run.stderr);
    // Put where README says, it is published by every build.
    site.write("static/CNAME", "cds.example.gov.vn");
    let run = site.build();
    assert!(!run.stderr.contains("CNAME"), "{}", run.stderr);
    assert_eq!(site.output("CNAME"), "cds.example.gov.vn");
}

#[test]
fn a_target_against_its_direction_is_one_error_at_the_target() {
    let site = Site::fixture("plan");
    let path = "content/kh/indicators.toml";
    let text = std::fs::read_to_string(site.path(path)).unwrap();
    site.write(
        path,
        &text.replacen("direction = \"increase\"", "direction = \"decrease\"", 1),
    );
    let run = site.build();
    run.assert_fails(1);
    assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the target 90 is above the baseline 70, but the direction is `decrease`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> content/kh/indicators.toml:8:10"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("write direction = \"increase\""),
        "{}",
        run.stderr
    );
}

#[test]
fn data_files_by_other_names_are_read_or_refused_never_ignored() {
    let site = Site::fixture("plan");
    // Capital letters from an old system: still progress data.
    site.write(
        "content/kh/data/THEM.CSV",
        "indicator,period,value\ndvc,2025-10,99\n",
    );
    site.build().assert_ok();
    let page = common::text_of(&site.output("kh/chi-tieu/dvc/index.html"));
    assert!(page.contains("99"), "{page}");
    // An old Excel file is named, not copied and forgotten.
    site.write_bytes("content/kh/data/cu.xls", b"\xd0\xcf\x11\xe0");
    let stderr = site.build_fails();
    assert!(
        stderr.contains("content/kh/data/cu.xls is a spreadsheet format"),
        "{stderr}"
    );
    assert!(stderr.contains("save it as .xlsx"), "{stderr}");
}

#[test]
fn a_misspelt_column_of_progress_data_is_a_warning_not_lost() {
    let site = Site::fixture("plan");
    site.write(
        "content/kh/data/them.csv",
        "indicator,period,value,soruce\ndvc,2025-10,91,Sở KH&CN\n",
    );
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr.contains("warning[unread-column]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> content/kh/data/them.csv:1:24"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean 'source'?"),
        "{}",
        run.stderr
    );
}

#[test]
fn numbers_too_long_to_show_exactly_are_refused() {
    let site = Site::fixture("plan");
    site.write(
        "content/kh/data/them.csv",
        "indicator,period,value\nngay-xu-ly,2025-10,123456789012345678\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("more than 15 digits"), "{stderr}");
    assert!(
        stderr.contains("--> content/kh/data/them.csv:2:20"),
        "{stderr}"
    );
}

/// A workbook of progress data with `rows` rows under the header, each with `note`.
fn progress_workbook(rows: usize, note: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Quý 3").unwrap();
    for (c, name) in ["indicator", "period", "value", "note"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for r in 1..=rows as u32 {
        sheet.write_string(r, 0, "dvc").unwrap();
        sheet.write_string(r, 1, "2025-08").unwrap();
        sheet.write_number(r, 2, 80.0).unwrap();
        sheet.write_string(r, 3, note).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_that_inflates_past_its_limit_is_refused_by_sheet() {
    let site = Site::fixture("plan");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &format!("{config}\n[data]\nmax_sheet_mb = 1\nmax_cell_kb = 2\n"),
    );
    // About 3 MB of sheet XML that zips to a few KB.
    site.write_bytes(
        "content/kh/data/lon.xlsx",
        &progress_workbook(30_000, "ghi chú"),
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("sheet 1 inflates to more than 1 MB"),
        "{stderr}"
    );
    assert!(stderr.contains("--> content/kh/data/lon.xlsx"), "{stderr}");
    assert!(stderr.contains("max_sheet_mb"), "{stderr}");
    // A single cell of too much text is named by its sheet and cell.
    site.write_bytes(
        "content/kh/data/lon.xlsx",
        &progress_workbook(1, &"x".repeat(5_000)),
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("sheet 'Quý 3', cell D2: the cell holds 5 KB of text, more than 2 KB"),
        "{stderr}"
    );
}
