//! Plans as content: the fixture in `tests/fixtures/plan` built whole, its pages, statuses
//! and downloads; the same data in every file layout; bad plan data reported in place.

mod common;

use common::{Site, main_of, text_of};

fn built() -> Site {
    let site = Site::fixture("plan");
    site.build().assert_ok();
    site
}

#[test]
fn the_plan_page_shows_the_document_and_where_it_stands() {
    let site = built();
    let plan = text_of(&site.output("kh/index.html"));
    for expected in [
        "99/KH-UBND",
        "20/12/2024",
        "Nguyễn Văn A",
        "Đã phê duyệt",
        "Văn bản 3816/BTTTT-CĐSQG",
        "Chính phủ số",
        "Hạ tầng số",
    ] {
        assert!(plan.contains(expected), "{expected}: {plan}");
    }
    // 1 achieved (phu-song), 1 on track (dvc), 1 off track (ngay-xu-ly: 30% of the way, 75% due).
    assert!(
        plan.contains("1 Đã đạt 1 Đúng tiến độ 0 Có nguy cơ chậm 1 Chậm tiến độ 0 Chưa có số liệu"),
        "{plan}"
    );
    // NV-1.01 was due 30/6/2025 and is unfinished on as_of 2025-09-30: overdue.
    assert!(
        plan.contains("1 Hoàn thành 1 Đang thực hiện 1 Chưa thực hiện 1 Quá hạn 0 Đã hủy"),
        "{plan}"
    );
    assert!(plan.contains("Nhiệm vụ đã hoàn thành: 25%"), "{plan}");
    assert!(plan.contains("Sở Khoa học và Công nghệ : 1"), "{plan}");
    // The home page shows where the plan stands too.
    let home = text_of(&site.output("index.html"));
    assert!(
        home.contains("Kế hoạch thử nghiệm 2025 99/KH-UBND"),
        "{home}"
    );
    assert!(home.contains("1 Đã đạt 1 Đúng tiến độ"), "{home}");
    // The English plan page exists although only the Vietnamese _index.md is written.
    assert!(text_of(&site.output("en/kh/index.html")).contains("2025 Test Plan"));
}

#[test]
fn an_indicator_page_states_its_status_in_words_with_all_readings() {
    let site = built();
    let page = text_of(&site.output("kh/chi-tieu/dvc/index.html"));
    assert!(page.contains("Đúng tiến độ"), "{page}");
    assert!(
        page.contains("Đã đi được 75% chặng đường từ giá trị cơ sở 70% (2024) đến mục tiêu 90% (2025); theo lộ trình đều, đến tháng 9/2025 cần đi được 75%."),
        "{page}"
    );
    for reading in [
        "Tháng 3/2025 76%",
        "Tháng 9/2025 85% Quý 3",
        "Sở Khoa học và Công nghệ 88,5%",
        "Sở Nội vụ 79,5%",
    ] {
        assert!(page.contains(reading), "{reading}: {page}");
    }
    // Units keep one id across renames: in 2024 the department had its former name.
    assert!(
        page.contains("Tháng 12/2024 Sở Thông tin và Truyền thông 66%"),
        "{page}"
    );
    let falling = text_of(&site.output("kh/chi-tieu/ngay-xu-ly/index.html"));
    assert!(
        falling.contains("Chậm tiến độ") && falling.contains("Mới đi được 30% chặng đường"),
        "{falling}"
    );
    let english = text_of(&site.output("en/kh/chi-tieu/dvc/index.html"));
    assert!(
        english.contains("On track") && english.contains("Sep 2025 85%"),
        "{english}"
    );
}

#[test]
fn the_task_tracker_filters_without_javascript() {
    let site = built();
    let overdue = text_of(&site.output("kh/nhiem-vu/trang-thai-overdue/index.html"));
    assert!(overdue.contains("Đang hiển thị 1 nhiệm vụ."), "{overdue}");
    assert!(overdue.contains("NV-1.01"), "{overdue}");
    let group = text_of(&site.output("kh/nhiem-vu/nhom-ha-tang/index.html"));
    assert!(
        group.contains("NV-2.01") && group.contains("NV-2.02") && !group.contains("NV-1.01"),
        "{group}"
    );
    let lead = text_of(&site.output("kh/nhiem-vu/don-vi-so-noi-vu/index.html"));
    assert!(
        lead.contains("NV-1.02") && !lead.contains("NV-2.01"),
        "{lead}"
    );
    let all = site.output("kh/nhiem-vu/index.html");
    assert!(
        all.contains("href=\"/kh/nhiem-vu/nv-1-01/\""),
        "a task with a narrative links to its page"
    );
    let task = text_of(&site.output("kh/nhiem-vu/nv-1-01/index.html"));
    assert!(
        task.contains("Nhiệm vụ trọng tâm của năm.")
            && task.contains("Quá hạn")
            && task.contains("Sở Nội vụ"),
        "{task}"
    );
}

#[test]
fn the_evaluation_compares_with_the_years_target_and_the_year_before() {
    let site = built();
    let evaluation = text_of(&site.output("kh/danh-gia-2024/index.html"));
    // dvc: 2024 result 70 (the 2024-12 reading), 2024 target 75: not met.
    assert!(evaluation.contains("70% Chưa đạt"), "{evaluation}");
    assert!(text_of(&site.output("kh/phuong-phap/index.html")).contains("0,95"));
}

#[test]
fn downloads_hold_exactly_the_source_data() {
    let site = built();
    let csv = site.output("kh/du-lieu-mo/dvc.csv");
    // Excel reads a CSV as UTF-8 only when it starts with a byte-order mark.
    let csv = csv
        .strip_prefix('\u{FEFF}')
        .expect("a UTF-8 byte-order mark");
    let source = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    let source_rows: Vec<&str> = source.lines().filter(|l| l.starts_with("dvc,")).collect();
    // The readings as written, each with the unit it is counted in as a last column.
    let download_rows: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.strip_suffix(",percent").unwrap_or(l))
        .collect();
    assert_eq!(download_rows, source_rows);
    assert_eq!(
        csv.lines().next(),
        Some("indicator,period,value,breakdown,note,source,unit")
    );

    let json: serde_json::Value =
        serde_json::from_str(&site.output("kh/du-lieu-mo/dvc.json")).unwrap();
    assert_eq!(
        json["readings"].as_array().unwrap().len(),
        source_rows.len()
    );
    assert_eq!(json["status"], "on_track");

    let tasks = site.output("kh/du-lieu-mo/nhiem-vu.csv");
    assert_eq!(tasks.lines().count(), 5);
    assert!(tasks.contains("NV-1.01,chinh-phu-so,\"Rà soát, cung cấp dịch vụ công toàn trình\",so-khcn,so-noi-vu,Quý I/2025,30/6/2025,in_progress,60,1200"), "{tasks}");

    let catalog: serde_json::Value =
        serde_json::from_str(&site.output("kh/du-lieu-mo/catalog.json")).unwrap();
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(catalog["dcat:dataset"].as_array().unwrap().len(), 3);

    let archive = std::fs::read(site.path("public/kh/du-lieu-mo/kh-thu.zip")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "kh/data/tien-do.csv",
            "kh/indicators.toml",
            "kh/plan.toml",
            "kh/tasks.csv"
        ]
    );
    let mut inside = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("kh/data/tien-do.csv").unwrap(),
        &mut inside,
    )
    .unwrap();
    assert_eq!(inside, source);
}

#[test]
fn bom_semicolons_crlf_open_sdg_and_xlsx_give_the_same_pages() {
    let reference = built();
    let readings = |site: &Site| -> String {
        let page = text_of(&site.output("kh/chi-tieu/dvc/index.html"));
        page[page.find("Số liệu theo kỳ").unwrap()..].to_string()
    };
    let expected = readings(&reference);
    let source = std::fs::read_to_string(reference.path("content/kh/data/tien-do.csv")).unwrap();

    let semicolons = Site::fixture("plan");
    let windows = format!(
        "\u{feff}{}",
        source
            .replace(',', ";")
            .replace("88.5", "88,5")
            .replace("79.5", "79,5")
            .replace('\n', "\r\n")
    );
    semicolons.write("content/kh/data/tien-do.csv", &windows);
    semicolons.build().assert_ok();
    assert_eq!(readings(&semicolons), expected);

    // The same readings, dvc's in Open SDG's layout and the rest in a workbook.
    let mixed = Site::fixture("plan");
    mixed.remove("content/kh/data/tien-do.csv");
    mixed.write(
        "content/kh/data/dvc.csv",
        "Year,Department,Units,Value\n2024-12,,percent,70\n2024-12,so-khcn,percent,66\n2025-03,,percent,76\n2025-06,,percent,80\n2025-09,,percent,85\n2025-09,so-khcn,percent,88.5\n2025-09,so-noi-vu,percent,79.5\n",
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Quý 3").unwrap();
    let rows: Vec<Vec<&str>> = source
        .lines()
        .map(|l| l.split(',').collect())
        .filter(|r: &Vec<&str>| r[0] != "dvc")
        .collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell.parse::<f64>() {
                Ok(number) if c == 2 => sheet.write_number(r as u32, c as u16, number).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    mixed.write_bytes(
        "content/kh/data/con-lai.xlsx",
        &book.save_to_buffer().unwrap(),
    );
    mixed.build().assert_ok();
    let mixed_readings = readings(&mixed);
    // The Open SDG file has no note column, so the one note is missing; all else is equal.
    assert_eq!(mixed_readings, expected.replace(" Quý 3", ""));
    let phu_song = text_of(&mixed.output("kh/chi-tieu/phu-song/index.html"));
    assert!(phu_song.contains("Đã đạt"), "{phu_song}");
}

#[test]
fn bad_plan_data_is_reported_in_place_all_at_once() {
    let site = Site::fixture("plan");
    let tasks = std::fs::read_to_string(site.path("content/kh/tasks.csv")).unwrap();
    site.write(
        "content/kh/tasks.csv",
        &tasks
            .replace("NV-1.02,chinh-phu-so", "NV-1.02,chinh-phu")
            .replace("Năm 2025,done", "Năm 2025,xong"),
    );
    site.write("content/kh/data/them.csv", "indicator,period,value\ndvx,2025-09,80\ndvc,2025-Q5,80\nphu-song,2025-08,101\ndvc,2025-08,\"80,5\"\n");
    let indicators = std::fs::read_to_string(site.path("content/kh/indicators.toml")).unwrap();
    site.write(
        "content/kh/indicators.toml",
        &indicators.replace(
            "responsible = \"so-noi-vu\"",
            "responsible = \"so-noi-vuu\"",
        ),
    );
    let run = site.build();
    run.assert_fails(1);
    let expected = [
        "--> content/kh/tasks.csv:3:9",
        "did you mean `chinh-phu-so`?",
        "--> content/kh/tasks.csv:4:66",
        "`xong` is not a task status",
        "--> content/kh/data/them.csv:2:1",
        "did you mean `dvc`?",
        "--> content/kh/data/them.csv:3:5",
        "--> content/kh/data/them.csv:4:18",
        "percentage outside 0–100",
        "--> content/kh/data/them.csv:5:13",
        "--> content/kh/indicators.toml:27:15",
        "did you mean `so-noi-vu`?",
    ];
    for line in expected {
        assert!(
            run.stderr.contains(line),
            "missing {line:?} in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_data_file_that_is_not_a_table_names_the_sheet_and_cell() {
    let site = Site::fixture("plan");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Quý 3").unwrap();
    for (c, name) in ["indicator", "period", "value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, "dvc").unwrap();
    sheet.write_string(1, 1, "2025-08").unwrap();
    sheet.write_string(1, 2, "90 %").unwrap();
    site.write_bytes(
        "content/kh/data/quy-3.xlsx",
        &book.save_to_buffer().unwrap(),
    );
    let run = site.build();
    run.assert_fails(1);
    assert!(
        run.stderr.contains("content/kh/data/quy-3.xlsx"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("sheet 'Quý 3', cell C2"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains('%'), "{}", run.stderr);
}

/// Every `<svg>…</svg>` in a page.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..]
            .find("</svg>")
            .map_or(rest.len(), |e| start + e + "</svg>".len());
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn indicator_pages_have_charts_that_say_what_they_show() {
    let site = built();
    let html = site.output("kh/chi-tieu/dvc/index.html");
    let charts = svgs(&html);
    assert_eq!(
        charts.len(),
        4,
        "a trend and a breakdown chart, each drawn narrow and wide"
    );
    // Each chart comes in a frame with a narrow and a wide drawing, the theme showing one;
    // their ids differ, as every id on the page does.
    assert_eq!(html.matches("<div class=\"chart-frame\">").count(), 2);
    for (i, svg) in charts.iter().enumerate() {
        let (variant, width) = if i % 2 == 0 {
            ("narrow", "288")
        } else {
            ("wide", "640")
        };
        assert!(svg.contains(&format!("viewBox=\"0 0 {width} ")), "{svg}");
        assert!(svg.contains(&format!("-{variant}-title")), "{svg}");
    }
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids repeat on the page");
    for svg in &charts {
        let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        let root = document.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        for id in root.attribute("aria-labelledby").unwrap().split(' ') {
            assert!(
                document
                    .descendants()
                    .any(|n| n.attribute("id") == Some(id)),
                "{id}"
            );
        }
        assert!(root.attribute("width").is_none() && root.attribute("viewBox").is_some());
    }
    let trend = roxmltree::Document::parse(charts[0]).unwrap();
    let desc = trend
        .descendants()
        .find(|n| n.has_tag_name("desc"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        desc.contains("85%") && desc.contains("90%") && desc.contains("đúng tiến độ"),
        "{desc}"
    );
    // Every value the trend plots is in the table beside it.
    let table = text_of(&html);
    for value in ["70%", "76%", "80%", "85%"] {
        assert!(table.contains(&format!(" {value} ")), "{value}");
    }
    // The plan page's key indicators carry sparklines: one drawing each, as they have no
    // words to keep legible.
    let plan = site.output("kh/index.html");
    assert_eq!(svgs(&plan).len(), 2);
    assert!(svgs(&plan).iter().all(|s| s.contains("chart-sparkline")));
    assert!(!plan.contains("chart-frame"));
    // The list of targets puts each one's sparkline after its name, in one box that the theme
    // lines up (the sparkline has no words to keep legible: one drawing).
    let list = site.output("kh/chi-tieu/index.html");
    let cell = &list[list.find("<div class=\"indicator-name\">").unwrap()..];
    let cell = &cell[..cell.find("</div>").unwrap()];
    assert!(
        cell.contains("</a><svg") && cell.contains("class=\"chart chart-sparkline\""),
        "{cell}"
    );
    assert!(!list.contains("chart-frame"), "{list}");
}

#[test]
fn markdown_pages_embed_charts_by_shortcode() {
    let site = Site::fixture("plan");
    site.write("content/bai-viet.md", "+++\ntitle = \"Bài viết\"\n+++\n\nMở đầu.\n\n{{ chart(indicator=\"dvc\", kind=\"trend\") }}\n\nKết.\n");
    site.build().assert_ok();
    let page = site.output("bai-viet/index.html");
    assert!(
        main_of(&page).contains(
            "<figure class=\"chart-figure\"><div class=\"chart-frame\"><div class=\"chart-narrow\">\n<svg"
        ),
        "{page}"
    );
    assert!(!page.contains("{{ chart"));

    site.write(
        "content/bai-viet.md",
        "+++\ntitle = \"Bài viết\"\n+++\n\n{{ chart(indicator=\"dvx\") }}\n",
    );
    let run = site.build();
    run.assert_fails(1);
    assert!(
        run.stderr.contains("content/bai-viet.md:5:4"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `dvc`?"), "{}", run.stderr);
}

#[test]
fn open_data_states_its_licence_and_its_csv_opens_safely_in_excel() {
    let site = Site::fixture("plan");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &format!("{config}\n[data]\nlicense = \"CC-BY-4.0\"\n"),
    );
    let tasks = std::fs::read_to_string(site.path("content/kh/tasks.csv")).unwrap();
    site.write(
        "content/kh/tasks.csv",
        &tasks.replacen(
            "Rà soát, cung cấp",
            "=HYPERLINK(\"\"http://x\"\")Rà soát, cung cấp",
            1,
        ),
    );
    site.build().assert_ok();
    let tasks = site.output("kh/du-lieu-mo/nhiem-vu.csv");
    assert!(tasks.starts_with('\u{FEFF}'), "{tasks}");
    assert!(
        tasks.contains(",\"'=HYPERLINK(\"\"http://x\"\")Rà soát"),
        "{tasks}"
    );
    let catalog: serde_json::Value =
        serde_json::from_str(&site.output("kh/du-lieu-mo/catalog.json")).unwrap();
    assert_eq!(
        catalog["dct:license"],
        "https://spdx.org/licenses/CC-BY-4.0.html"
    );
    let page = text_of(&site.output("kh/du-lieu-mo/index.html"));
    assert!(page.contains("giấy phép: CC-BY-4.0"), "{page}");
    // `csv_bom = false` leaves the mark out.
    site.write(
        "site-config.toml",
        &format!("{config}\n[data]\ncsv_bom = false\n"),
    );
    site.build().assert_ok();
    assert!(
        site.output("kh/du-lieu-mo/dvc.csv")
            .starts_with("indicator,")
    );
}
