//! The first day of a communications team: `minhbach init` makes a small complete site that
//! builds and checks without a warning in either default language — a plan with targets,
//! readings and tasks, news with its feed, a guide, search and an accessibility statement —
//! and `init --ci` writes the files that publish the site on GitHub or GitLab Pages.

mod common;

use std::fs;

use common::{Run, Site, main_of, minhbach, text_of};
use yaml_rust2::{Yaml, YamlLoader};

fn assert_clean(run: &Run) {
    run.assert_ok();
    assert!(
        run.stderr.trim().is_empty(),
        "expected no warnings:\n{}",
        run.stderr
    );
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
