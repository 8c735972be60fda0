//! The first day of a communications team: `minhbach init` makes a small complete site that
//! builds and checks without a warning in either default language — a plan with targets,
//! readings and tasks, news with its feed, a guide, search and an accessibility statement —
//! `minhbach new` adds articles, guides, pages and tasks that build and show up on the site
//! (and never overwrites a file), and `init --ci` writes the files that publish the site on
//! GitHub or GitLab Pages.

mod common;

use std::fs;

use common::{Run, Site, command, main_of, minhbach, run_command, text_of};
use yaml_rust2::{Yaml, YamlLoader};

fn assert_clean(run: &Run) {
    run.assert_ok();
    assert!(
        run.stderr.trim().is_empty(),
        "expected no warnings:\n{}",
        run.stderr
    );
}

fn today() -> String {
    minhbach::content::today().format("%Y-%m-%d").to_string()
}

/// The titles of the entries of an Atom feed.
fn feed_titles(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("the feed is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|entry| {
            entry
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn the_starter_site_builds_without_warnings_and_has_every_kind_of_page() {
    let site = Site::init(&[]);
    // The helper runs minhbach with MINHBACH_LANG=en: the language of its messages, not of
    // the site, which is Vietnamese unless `--lang en` is written.
    assert!(
        site.read("site-config.toml")
            .contains("default_language = \"vi\"")
    );
    assert_clean(&site.build());

    let home = site.output("index.html");
    assert!(home.contains("<html lang=\"vi\">"));
    let words = text_of(&home);
    assert!(
        words.contains("Chuyển đổi số ngành Y tế tỉnh Đông Lâm"),
        "{words}"
    );
    // The plan's headline on the home page, with a late task.
    assert!(
        words.contains("Kế hoạch Chuyển đổi số ngành Y tế năm 2026"),
        "{words}"
    );
    assert!(words.contains("Quá hạn"), "{words}");
    // The footer links to the accessibility statement.
    assert!(home.contains("href=\"/tuyen-bo-tiep-can/\""));
    assert!(text_of(&site.output("tuyen-bo-tiep-can/index.html")).contains("WCAG"));

    let plan = text_of(&site.output("ke-hoach-2026/index.html"));
    for fact in [
        "86/KH-SYT",
        "15/1/2026",
        "Sở Y tế tỉnh Đông Lâm",
        "Nghị quyết số 57-NQ/TW",
    ] {
        assert!(plan.contains(fact), "{fact}: {plan}");
    }
    for group in [
        "Hạ tầng, nền tảng và dữ liệu số",
        "Dịch vụ y tế số cho người dân",
    ] {
        assert!(plan.contains(group), "{group}: {plan}");
    }

    // Three targets with their readings, charted and tabled.
    let target = site.output("ke-hoach-2026/chi-tieu/thoi-gian-cho-kham/index.html");
    assert!(main_of(&target).contains("<svg"));
    let words = text_of(&target);
    assert!(words.contains("Quý 3/2026"), "{words}");
    assert!(words.contains("62"), "{words}");
    for id in ["benh-an-dien-tu", "vien-phi-khong-tien-mat"] {
        assert!(site.has_output(&format!("ke-hoach-2026/chi-tieu/{id}/index.html")));
    }

    // Five tasks, one of them late against `as_of`.
    let tasks = text_of(&site.output("ke-hoach-2026/nhiem-vu/index.html"));
    for id in ["NV-01", "NV-02", "NV-03", "NV-04", "NV-05"] {
        assert!(tasks.contains(id), "{id}: {tasks}");
    }
    let late = text_of(&site.output("ke-hoach-2026/nhiem-vu/trang-thai-overdue/index.html"));
    assert!(late.contains("NV-02"), "{late}");

    // News, with an Atom feed holding the article.
    let feed = site.output("tin-tuc/atom.xml");
    assert!(
        feed_titles(&feed)
            .contains(&"Sở Y tế công khai Kế hoạch Chuyển đổi số năm 2026".to_string()),
        "{feed}"
    );
    assert!(home.contains("type=\"application/atom+xml\""));

    // A how-to guide in the awareness section.
    let guide = site.output("nang-cao-nhan-thuc/dat-lich-kham-truc-tuyen/index.html");
    assert!(guide.contains("\"@type\":\"HowTo\""));
    assert!(text_of(&guide).contains("Xác nhận bằng mã OTP"));

    // The search page.
    let search = site.output("tim-kiem/index.html");
    assert!(search.contains("role=\"search\""));
    assert!(site.has_output("search/vi"));

    // Every page has its English version.
    let english = [
        ("en/index.html", "Digital Transformation in Dong Lam"),
        ("en/about/index.html", "What it publishes"),
        (
            "en/ke-hoach-2026/index.html",
            "2026 Health Sector Digital Transformation Plan",
        ),
        (
            "en/news/2026-plan-published/index.html",
            "Department of Health publishes",
        ),
        (
            "en/guides/book-an-appointment-online/index.html",
            "Confirm with the OTP code",
        ),
        ("en/search/index.html", "Search"),
        ("en/accessibility/index.html", "Conformance target"),
    ];
    for (page, words) in english {
        let html = site.output(page);
        assert!(html.contains("<html lang=\"en\">"), "{page}");
        assert!(text_of(&html).contains(words), "{page}: {}", text_of(&html));
    }
    assert!(!feed_titles(&site.output("en/news/atom.xml")).is_empty());
}

#[test]
fn the_starter_site_passes_check() {
    let site = Site::init(&[]);
    let run = site.run(&["check"]);
    assert_clean(&run);
    assert!(run.stdout.contains("no errors"), "{}", run.stdout);
}

#[test]
fn init_lang_en_makes_english_the_default_language() {
    let site = Site::init(&["--lang", "en"]);
    let config = site.read("site-config.toml");
    assert!(config.contains("default_language = \"en\""), "{config}");
    assert!(site.path("content/gioi-thieu.vi.md").is_file());
    assert!(!site.path("content/gioi-thieu.en.md").exists());
    assert_clean(&site.build());
    assert_clean(&site.run(&["check"]));

    let home = site.output("index.html");
    assert!(home.contains("<html lang=\"en\">"));
    assert!(text_of(&home).contains("Digital Transformation in Dong Lam"));
    let vietnamese = site.output("vi/index.html");
    assert!(vietnamese.contains("<html lang=\"vi\">"));
    assert!(text_of(&vietnamese).contains("Chuyển đổi số ngành Y tế tỉnh Đông Lâm"));
    for page in [
        "about/index.html",
        "search/index.html",
        "accessibility/index.html",
        "guides/book-an-appointment-online/index.html",
        "news/atom.xml",
        "vi/gioi-thieu/index.html",
        "vi/tim-kiem/index.html",
        "vi/tin-tuc/atom.xml",
    ] {
        assert!(site.has_output(page), "{page}");
    }
    let plan = site.output("ke-hoach-2026/index.html");
    assert!(text_of(&plan).contains("2026 Health Sector Digital Transformation Plan"));
    // Task titles come in English from the table's `title_en`.
    let tasks = text_of(&site.output("ke-hoach-2026/nhiem-vu/index.html"));
    assert!(
        tasks.contains("Back up electronic medical records"),
        "{tasks}"
    );

    // `new` writes in the default language.
    let run = site.run(&["new", "news", "Minister visits the hospital"]);
    run.assert_ok();
    let article = site.read("content/tin-tuc/minister-visits-the-hospital.md");
    assert!(article.contains("Write the article here."), "{article}");
    assert_clean(&site.build());
    assert!(site.has_output("news/minister-visits-the-hospital/index.html"));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let run = minhbach(["init".as_ref(), dir.path().as_os_str()]);
    run.assert_fails(2);
    assert!(run.stderr.contains("usage-init-folder"), "{}", run.stderr);
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing was added"
    );
}

#[test]
fn new_news_is_dated_today_in_the_news_section_and_in_the_feed() {
    let site = Site::init(&[]);
    let run = site.run(&["new", "news", "Họp báo công bố kết quả quý 3"]);
    run.assert_ok();
    let file = "content/tin-tuc/hop-bao-cong-bo-ket-qua-quy-3.md";
    assert!(run.stdout.contains(file), "{}", run.stdout);
    let text = site.read(file);
    assert!(
        text.contains("title = \"Họp báo công bố kết quả quý 3\""),
        "{text}"
    );
    assert!(text.contains(&format!("date = {}", today())), "{text}");

    assert_clean(&site.build());
    let article = site.output("tin-tuc/hop-bao-cong-bo-ket-qua-quy-3/index.html");
    assert!(article.contains("<h1>Họp báo công bố kết quả quý 3</h1>"));
    assert!(text_of(&site.output("tin-tuc/index.html")).contains("Họp báo công bố kết quả quý 3"));
    assert!(
        feed_titles(&site.output("tin-tuc/atom.xml"))
            .contains(&"Họp báo công bố kết quả quý 3".to_string())
    );
    assert_clean(&site.run(&["check"]));
}

#[test]
fn new_awareness_page_and_task_build_and_show_up_on_the_site() {
    let site = Site::init(&[]);

    let run = site.run(&["new", "awareness", "Thanh toán viện phí bằng mã QR"]);
    run.assert_ok();
    assert!(
        run.stdout
            .contains("content/nang-cao-nhan-thuc/thanh-toan-vien-phi-bang-ma-qr.md"),
        "{}",
        run.stdout
    );

    let run = site.run(&[
        "new",
        "page",
        "van-ban/quy-che-cung-cap-thong-tin",
        "--title",
        "Quy chế cung cấp thông tin",
    ]);
    run.assert_ok();
    assert!(
        run.stdout
            .contains("content/van-ban/quy-che-cung-cap-thong-tin.md"),
        "{}",
        run.stdout
    );

    // Its English version, written from the English text.
    let run = site.run(&[
        "new",
        "page",
        "van-ban/quy-che-cung-cap-thong-tin.en.md",
        "--title",
        "Rules on providing information",
    ]);
    run.assert_ok();
    let english = site.read("content/van-ban/quy-che-cung-cap-thong-tin.en.md");
    assert!(english.contains("Write the page here."), "{english}");

    let run = site.run(&[
        "new",
        "task",
        "Đào tạo kỹ năng số cho nhân viên y tế",
        "--group",
        "dich-vu-so",
    ]);
    run.assert_ok();
    assert!(run.stdout.contains("Added task NV-06"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("content/ke-hoach-2026/tasks.csv, line 7"),
        "{}",
        run.stdout
    );
    let table = site.read("content/ke-hoach-2026/tasks.csv");
    let last = table.lines().last().unwrap();
    assert!(
        last.starts_with("NV-06,dich-vu-so,Đào tạo kỹ năng số cho nhân viên y tế,,van-phong-so,"),
        "{last}"
    );
    assert!(last.contains(",not_started,0,"), "{last}");

    assert_clean(&site.build());
    assert_clean(&site.run(&["check"]));
    let piece = site.output("nang-cao-nhan-thuc/thanh-toan-vien-phi-bang-ma-qr/index.html");
    assert!(piece.contains("<h1>Thanh toán viện phí bằng mã QR</h1>"));
    assert!(
        text_of(&site.output("nang-cao-nhan-thuc/index.html"))
            .contains("Thanh toán viện phí bằng mã QR")
    );
    let page = site.output("van-ban/quy-che-cung-cap-thong-tin/index.html");
    assert!(page.contains("<h1>Quy chế cung cấp thông tin</h1>"));
    let page = site.output("en/van-ban/quy-che-cung-cap-thong-tin/index.html");
    assert!(page.contains("<h1>Rules on providing information</h1>"));
    for tracker in [
        "ke-hoach-2026/nhiem-vu/index.html",
        "ke-hoach-2026/nhiem-vu/nhom-dich-vu-so/index.html",
        "ke-hoach-2026/nhiem-vu/trang-thai-not-started/index.html",
    ] {
        let words = text_of(&site.output(tracker));
        assert!(words.contains("NV-06"), "{tracker}: {words}");
        assert!(
            words.contains("Đào tạo kỹ năng số cho nhân viên y tế"),
            "{tracker}"
        );
    }
}

#[test]
fn new_never_overwrites_a_file() {
    let site = Site::init(&[]);
    site.run(&["new", "news", "Lịch tiếp công dân"]).assert_ok();
    let file = "content/tin-tuc/lich-tiep-cong-dan.md";
    site.write(file, "+++\ntitle = \"Đã sửa\"\n+++\n\nBài đã viết.\n");
    let run = site.run(&["new", "news", "Lịch tiếp công dân"]);
    run.assert_fails(2);
    assert!(
        run.stderr.contains("error[usage-new-exists]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("{file} already exists")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: edit that file"),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read(file),
        "+++\ntitle = \"Đã sửa\"\n+++\n\nBài đã viết.\n"
    );
    // The same for a page, and the starter's own pages.
    let run = site.run(&["new", "page", "gioi-thieu.md"]);
    run.assert_fails(2);
    assert!(run.stderr.contains("usage-new-exists"), "{}", run.stderr);
}

/// Runs `minhbach ARGS` with MINHBACH_LANG=vi: Vietnamese messages, without `--lang`
/// (which, written on the command line, would also choose a new site's language).
fn minhbach_vi(args: &[&std::ffi::OsStr]) -> Run {
    run_command(command().args(args).env("MINHBACH_LANG", "vi"))
}

#[test]
fn init_and_new_speak_vietnamese_when_asked() {
    // `init` into a folder that is not empty, with the messages in Vietnamese.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let run = minhbach_vi(&["init".as_ref(), dir.path().as_os_str()]);
    run.assert_fails(2);
    let shown = dir.path().display().to_string();
    for expected in [
        "usage-init-folder",
        &format!("{shown} đã có và không trống"),
        "hãy chọn một thư mục mới, để không tệp nào của bạn bị ghi đè",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("is not empty"), "{}", run.stderr);

    // A new site with its publishing workflow: what was made and what to read first.
    let site_dir = dir.path().join("site");
    let run = minhbach_vi(&[
        "init".as_ref(),
        site_dir.as_os_str(),
        "--ci".as_ref(),
        "github".as_ref(),
    ]);
    run.assert_ok();
    assert!(
        run.stdout
            .contains("Trang được đăng bằng .github/workflows/pages.yml: hãy đọc ghi chú"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("It is published by"), "{}", run.stdout);

    // `new` with `--lang vi`: a refused title, then an article written.
    let root = ["--root".as_ref(), site_dir.as_os_str()];
    let run = minhbach(
        ["--lang", "vi", "new", "news", ""]
            .iter()
            .map(std::ffi::OsStr::new)
            .chain(root),
    );
    run.assert_fails(2);
    for expected in [
        "usage-new-title",
        "tiêu đề đang để trống",
        "hãy viết tiêu đề trong dấu ngoặc kép",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("the title is empty"), "{}", run.stderr);
    let run = minhbach(
        ["--lang", "vi", "new", "news", "Lịch tiếp công dân"]
            .iter()
            .map(std::ffi::OsStr::new)
            .chain(root),
    );
    run.assert_ok();
    assert!(
        run.stdout.contains("Đã tạo ")
            && run.stdout.contains("content/tin-tuc/lich-tiep-cong-dan.md"),
        "{}",
        run.stdout
    );
}

#[test]
fn new_page_refuses_a_page_the_site_would_not_build_with() {
    let site = Site::init(&[]);
    // A folder gioi-thieu/ would take the address of the page gioi-thieu.md.
    let run = site.run(&["new", "page", "gioi-thieu/lich-su", "--title", "Lịch sử"]);
    run.assert_fails(1);
    assert!(run.stderr.contains("url-collision"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!site.path("content/gioi-thieu").exists());
    // A path out of content/ is a usage error.
    let run = site.run(&["new", "page", "../ngoai.md"]);
    run.assert_fails(2);
    assert!(run.stderr.contains("usage-new-path"), "{}", run.stderr);
}

#[test]
fn new_finds_sections_by_their_kind_and_takes_section_to_choose() {
    let site = Site::init(&[]);
    // A second news section, named by its kind only; the starter's has more articles.
    site.write(
        "content/thong-cao/_index.md",
        "+++\ntitle = \"Thông cáo báo chí\"\n\n[extra]\nkind = \"news\"\n+++\n",
    );
    let run = site.run(&["new", "news", "Tin thứ nhất"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("content/tin-tuc/tin-thu-nhat.md"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("thong-cao"), "{}", run.stdout);
    assert!(run.stdout.contains("--section"), "{}", run.stdout);

    let run = site.run(&[
        "new",
        "news",
        "Thông cáo số 1",
        "--section",
        "content/thong-cao/",
    ]);
    run.assert_ok();
    assert!(
        run.stdout.contains("content/thong-cao/thong-cao-so-1.md"),
        "{}",
        run.stdout
    );

    // A section of another kind, or no section at all, is refused.
    let run = site.run(&["new", "news", "Sai mục", "--section", "nang-cao-nhan-thuc"]);
    run.assert_fails(2);
    assert!(
        run.stderr.contains("is not a news section"),
        "{}",
        run.stderr
    );
    let run = site.run(&["new", "awareness", "Sai mục", "--section", "khong-co"]);
    run.assert_fails(2);
    assert!(run.stderr.contains("usage-new-section"), "{}", run.stderr);

    assert_clean(&site.build());
    assert!(site.has_output("thong-cao/thong-cao-so-1/index.html"));
}

#[test]
fn new_task_follows_an_appendix_laid_out_as_offices_do() {
    let site = Site::fixture("plan");
    site.remove("content/kh/tasks/NV-1.01.md");
    // Title rows, a row of column numbers, Roman-numeral group rows, tasks numbered by STT
    // only, a totals row; `;`-separated with CRLF and a byte-order mark, as Excel saves it.
    let appendix = "\u{feff}KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025;;;;;;\r\n\
        Phụ lục I: Danh mục nhiệm vụ;;;;;;\r\n\
        STT;Nội dung nhiệm vụ;Cơ quan chủ trì;Thời gian bắt đầu;Thời hạn;Tình trạng;Tiến độ (%)\r\n\
        (1);(2);(3);(4);(5);(6);(7)\r\n\
        I;CHÍNH PHỦ SỐ;;;;;\r\n\
        1;Rà soát, cung cấp dịch vụ công toàn trình;so-khcn;Quý I/2025;30/6/2025;Đang thực hiện;60\r\n\
        2;Số hóa kết quả giải quyết;so-noi-vu;01/01/2025;Quý IV/2025;Đang thực hiện;40\r\n\
        \r\n\
        II;HẠ TẦNG SỐ;;;;;\r\n\
        1;Phủ sóng thôn lõm;so-khcn;Tháng 3/2025;Năm 2025;Hoàn thành;100\r\n\
        ;Tổng cộng;;;;;\r\n";
    site.write("content/kh/tasks.csv", appendix);
    site.build().assert_ok();

    let run = site.run(&["new", "task", "Kết nối dữ liệu; chia sẻ", "--group", "1"]);
    run.assert_ok();
    assert!(run.stdout.contains("Added task NV-I.3"), "{}", run.stdout);
    assert!(run.stdout.contains("line 8"), "{}", run.stdout);
    let table = site.read("content/kh/tasks.csv");
    assert!(table.starts_with('\u{feff}'));
    let lines: Vec<&str> = table.split("\r\n").collect();
    assert_eq!(
        lines[7],
        "3;\"Kết nối dữ liệu; chia sẻ\";so-noi-vu;;31/12/2025;Chưa thực hiện;0"
    );
    assert_eq!(lines[8], "", "the blank line stays below the new row");
    assert_eq!(lines[9], "II;HẠ TẦNG SỐ;;;;;");
    assert!(table.ends_with(";Tổng cộng;;;;;\r\n"));
    assert!(
        !table.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );

    assert_clean(&site.build());
    let group = text_of(&site.output("kh/nhiem-vu/nhom-chinh-phu-so/index.html"));
    assert!(group.contains("NV-I.3"), "{group}");
    assert!(group.contains("Kết nối dữ liệu; chia sẻ"), "{group}");
}

#[test]
fn new_task_refuses_what_it_cannot_write() {
    // A task table kept as a workbook is edited in the spreadsheet.
    let site = Site::fixture("agency");
    let run = site.run(&["new", "task", "Nhiệm vụ mới"]);
    run.assert_fails(2);
    assert!(
        run.stderr.contains("usage-new-task-table"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("tasks.xlsx"), "{}", run.stderr);
    // A row the plan would not accept is not written.
    let site = Site::init(&[]);
    let before = site.read("content/ke-hoach-2026/tasks.csv");
    let run = site.run(&["new", "task", "Nhiệm vụ", "--due", "sớm nhất có thể"]);
    run.assert_fails(1);
    assert!(run.stderr.contains("task-date"), "{}", run.stderr);
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(site.read("content/ke-hoach-2026/tasks.csv"), before);
    // An unknown group names the plan's groups.
    let run = site.run(&["new", "task", "Nhiệm vụ", "--group", "khong-co"]);
    run.assert_fails(2);
    assert!(
        run.stderr.contains("nen-tang-du-lieu, dich-vu-so"),
        "{}",
        run.stderr
    );
    // A site without a plan.
    let site = Site::fixture("basic");
    let run = site.run(&["new", "task", "Nhiệm vụ"]);
    run.assert_fails(2);
    assert!(
        run.stderr.contains("the site has no plan"),
        "{}",
        run.stderr
    );
}

/// The `uses` or `run` of every step of a job.
fn steps(job: &Yaml) -> Vec<String> {
    job["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .map(|step| {
            step["uses"]
                .as_str()
                .or(step["run"].as_str())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn init_ci_github_writes_a_pages_workflow() {
    let site = Site::init(&["--ci", "github"]);
    let text = site.read(".github/workflows/pages.yml");
    let docs = YamlLoader::load_from_str(&text).expect("valid YAML");
    let workflow = &docs[0];
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(workflow["permissions"]["id-token"].as_str(), Some("write"));
    assert!(
        workflow["env"]["MINHBACH_GIT"]
            .as_str()
            .unwrap()
            .contains("vars.MINHBACH_GIT")
    );

    let build = steps(&workflow["jobs"]["build"]);
    let position = |needle: &str| {
        build
            .iter()
            .position(|s| s.contains(needle))
            .unwrap_or_else(|| panic!("no step {needle}: {build:#?}"))
    };
    let order = [
        position("actions/checkout@"),
        position("actions/configure-pages@"),
        position("cargo install --locked --root ~/.minhbach --git \"$MINHBACH_GIT\" minhbach"),
        position("minhbach build --base-url \"${{ steps.pages.outputs.base_url }}\""),
        position("actions/upload-pages-artifact@"),
    ];
    assert!(order.is_sorted(), "{build:#?}");
    let configure = &workflow["jobs"]["build"]["steps"][order[1]];
    assert_eq!(configure["id"].as_str(), Some("pages"));
    let upload = &workflow["jobs"]["build"]["steps"][order[4]];
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));

    let deploy = &workflow["jobs"]["deploy"];
    assert_eq!(deploy["needs"].as_str(), Some("build"));
    assert_eq!(deploy["environment"]["name"].as_str(), Some("github-pages"));
    assert!(steps(deploy)[0].starts_with("actions/deploy-pages@"));

    // The workflow is not content: the site builds as before, and under the project path
    // the Pages address gives, every link carries that path.
    let out = site.path("../pages");
    let run = minhbach([
        "build".as_ref(),
        "--root".as_ref(),
        site.root.as_os_str(),
        "--base-url".as_ref(),
        "https://so-y-te.github.io/cong-thong-tin".as_ref(),
        "--output".as_ref(),
        out.as_os_str(),
    ]);
    assert_clean(&run);
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("href=\"/cong-thong-tin/ke-hoach-2026/\""),
        "{home}"
    );
    assert!(home.contains("href=\"/cong-thong-tin/css/main.css"));
}

#[test]
fn init_ci_gitlab_writes_a_pages_job() {
    let site = Site::init(&["--ci", "gitlab"]);
    assert!(!site.path(".github").exists());
    let text = site.read(".gitlab-ci.yml");
    let docs = YamlLoader::load_from_str(&text).expect("valid YAML");
    let ci = &docs[0];
    assert!(ci["variables"]["MINHBACH_GIT"].as_str().is_some());
    let pages = &ci["pages"];
    let script: Vec<&str> = pages["script"]
        .as_vec()
        .expect("script")
        .iter()
        .filter_map(Yaml::as_str)
        .collect();
    assert_eq!(
        script,
        [
            "cargo install --locked --root .minhbach --git \"$MINHBACH_GIT\" minhbach",
            ".minhbach/bin/minhbach build --base-url \"$CI_PAGES_URL\" --output public",
        ]
    );
    assert_eq!(pages["artifacts"]["paths"][0].as_str(), Some("public"));
    assert_eq!(pages["cache"]["paths"][0].as_str(), Some(".minhbach/"));
    assert!(pages["image"].as_str().unwrap().starts_with("rust:"));
    assert_clean(&site.build());
}
