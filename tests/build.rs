//! Whole-site builds of the fixture in `tests/fixtures/basic`, asserting on the HTML.

mod common;

use std::path::Path;

use common::{ExamplePortal, Site, main_of, minhbach, snapshot};

#[test]
fn fixture_site_builds_with_rendered_markdown_in_both_languages() {
    let site = Site::fixture("basic");
    let run = site.build();
    run.assert_ok();
    assert!(run.stdout.contains("Built"), "{}", run.stdout);

    let about = site.output("gioi-thieu/index.html");
    let main = main_of(&about);
    assert!(main.contains("<h1>Giới thiệu</h1>"));
    assert!(
        main.contains(
            "<h2 id=\"muc-tieu\">Mục tiêu <a class=\"heading-anchor\" href=\"#muc-tieu\">"
        )
    );
    assert!(
        main.contains("<th style=\"text-align: right\">Mục tiêu</th>"),
        "{main}"
    );
    assert!(main.contains("type=\"checkbox\" checked=\"\""));
    assert!(main.contains("<del>chữ gạch</del>"));
    assert!(main.contains("class=\"footnote-definition\""));
    assert!(
        main.contains("<a href=\"#muc-tieu\">Mục tiêu</a>"),
        "table of contents: {main}"
    );
    assert!(about.contains("<html lang=\"vi\">"));
    assert!(about.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/en/about/\">"
    ));

    let english = site.output("en/about/index.html");
    assert!(english.contains("<html lang=\"en\">"));
    assert!(main_of(&english).contains("<p>Opening paragraph.</p>"));
    // The English home links to the English version of the page written as `@/gioi-thieu.md`.
    assert!(main_of(&site.output("en/index.html")).contains("<a href=\"/en/about/\">about</a>"));
}

#[test]
fn internal_links_resolve_to_urls_with_anchors() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let home = site.output("index.html");
    assert!(
        main_of(&home).contains("<a href=\"/gioi-thieu/#muc-tieu\">giới thiệu</a>"),
        "{home}"
    );
}

#[test]
fn vietnamese_file_names_become_ascii_urls_and_aliases_redirect() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let page = site.output("tin-tuc/ke-hoach-chuyen-doi-so-tinh-dak-lak/index.html");
    assert!(page.contains("<h1>Kế hoạch của tỉnh Đắk Lắk</h1>"));
    let redirect = site.output("tin-cu/dak-lak/index.html");
    assert!(redirect.contains("url=/tin-tuc/ke-hoach-chuyen-doi-so-tinh-dak-lak/"));
    assert!(redirect.contains("rel=\"canonical\""));
}

#[test]
fn long_sections_are_paginated_newest_first() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let first = main_of(&site.output("tin-tuc/index.html")).to_string();
    let tin3 = first.find("Tin số 3").expect("newest first");
    let tin2 = first.find("Tin số 2").expect("second");
    assert!(tin3 < tin2);
    assert!(!first.contains("Tin số 1"));
    assert!(first.contains("href=\"/tin-tuc/page/2/\""));
    let second = site.output("tin-tuc/page/2/index.html");
    assert!(main_of(&second).contains("Tin số 1"));
    assert!(main_of(&second).contains("Kế hoạch của tỉnh Đắk Lắk"));
}

#[test]
fn a_site_template_overrides_the_themes_file_by_file() {
    let site = Site::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"site-own\">{{ page.title }}</p>{% endblock main %}",
    );
    site.build().assert_ok();
    let about = site.output("gioi-thieu/index.html");
    assert!(about.contains("<p class=\"site-own\">Giới thiệu</p>"));
    // The theme's base template is still used around it.
    assert!(about.contains("class=\"skip-link\""));
    // Sections still use the theme's section template.
    assert!(
        site.output("tin-tuc/index.html")
            .contains("<h1>Tin tức</h1>")
    );
}

#[test]
fn a_site_static_file_overrides_the_themes() {
    let site = Site::fixture("basic");
    site.write("static/css/main.css", "body { color: black; }\n");
    site.build().assert_ok();
    assert_eq!(site.output("css/main.css"), "body { color: black; }\n");
}

#[test]
fn raw_html_is_sanitised_unless_allowed() {
    let site = Site::fixture("basic");
    site.write(
        "content/raw.md",
        "+++\ntitle = \"Raw\"\n+++\n\nHi <script>alert(1)</script><img src=x onerror=\"steal()\"> <b>bold</b>\n",
    );
    site.build().assert_ok();
    let main = main_of(&site.output("raw/index.html")).to_string();
    assert!(
        !main.contains("<script>") && !main.contains("onerror"),
        "{main}"
    );
    assert!(main.contains("<b>bold</b>"));

    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &format!("{config}\n[markdown]\nallow_raw_html = true\n"),
    );
    site.build().assert_ok();
    assert!(main_of(&site.output("raw/index.html")).contains("<script>alert(1)</script>"));
}

#[test]
fn a_deleted_page_disappears_from_the_output() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    assert!(site.has_output("tin-tuc/tin-1/index.html"));
    site.remove("content/tin-tuc/tin-1.md");
    site.build().assert_ok();
    assert!(!site.has_output("tin-tuc/tin-1/index.html"));
    assert!(!site.has_output("tin-tuc/tin-1"));
    assert!(!site.output("sitemap.xml").contains("/tin-tuc/tin-1/"));
}

#[test]
fn two_builds_are_byte_identical_and_unchanged_files_are_not_rewritten() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let public = site.path("public");
    let first = snapshot(&public);
    let css_before = std::fs::metadata(public.join("css/main.css"))
        .unwrap()
        .modified()
        .unwrap();
    let second_run = site.build();
    second_run.assert_ok();
    assert_eq!(first, snapshot(&public));
    let css_after = std::fs::metadata(public.join("css/main.css"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(css_before, css_after);
    assert!(
        second_run.stdout.contains(" 0 written"),
        "{}",
        second_run.stdout
    );

    // A build into another folder gives the same bytes too.
    let other = site.path("elsewhere");
    site.run(&["build", "--output", other.to_str().unwrap()])
        .assert_ok();
    assert_eq!(first, snapshot(&other));
}

#[test]
fn sitemap_robots_and_404_pages_are_written() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let sitemap = site.output("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/gioi-thieu/</loc>"));
    assert!(sitemap.contains("hreflang=\"en\" href=\"https://example.gov.vn/en/about/\""));
    assert!(
        site.output("robots.txt")
            .contains("Sitemap: https://example.gov.vn/sitemap.xml")
    );
    assert!(site.output("404.html").contains("Không tìm thấy trang"));
    assert!(site.output("en/404.html").contains("Page not found"));
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::fixture("basic");
    site.write(
        "content/nhap.md",
        "+++\ntitle = \"Nháp\"\ndraft = true\n+++\n",
    );
    site.build().assert_ok();
    assert!(!site.has_output("nhap/index.html"));
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site.has_output("nhap/index.html"));
}

#[test]
fn base_url_from_the_command_line_replaces_the_config() {
    let site = Site::fixture("basic");
    site.run(&["build", "--base-url", "https://mirror.example.org/portal/"])
        .assert_ok();
    let about = site.output("gioi-thieu/index.html");
    assert!(about.contains("href=\"https://mirror.example.org/portal/gioi-thieu/\""));
    assert!(about.contains("href=\"/portal/css/main.css\""));
}

#[test]
fn check_validates_without_writing() {
    let site = Site::fixture("basic");
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(run.stdout.contains("no errors"));
    assert!(!site.path("public").exists());
}

#[test]
fn init_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-site");
    let root = root.to_str().unwrap();
    minhbach(["init", root]).assert_ok();
    minhbach(["build", "--root", root]).assert_ok();
    assert!(Path::new(root).join("public/index.html").is_file());
    // A second init into the same folder refuses to overwrite it.
    assert_eq!(minhbach(["init", root]).code, 2);
}

#[test]
fn the_example_portal_builds_without_errors_or_warnings() {
    let portal = ExamplePortal::build();
    portal.run.assert_ok();
    let stderr = &portal.run.stderr;
    assert!(stderr.trim().is_empty(), "warnings: {stderr}");
    let home = portal.output("index.html");
    assert!(home.contains("Kế hoạch Chuyển đổi số năm 2025"));
    // Light: the home page with everything it loads stays under 100 KB, no script blocks
    // rendering, and nothing is loaded from another host.
    let css = std::fs::metadata(portal.public.join("css/main.css"))
        .unwrap()
        .len();
    assert!(
        home.len() as u64 + css < 100_000,
        "{} + {css} bytes",
        home.len()
    );
    for tag in home.split('<').filter(|t| t.starts_with("script")) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        assert!(
            !tag.contains("src=") || tag.contains("defer") || tag.contains("async"),
            "render-blocking <{tag}>"
        );
    }
    // Resources: every `src`, and the `href` of links that load something (not `alternate`
    // or `canonical`, which only name addresses).
    let own = |url: &str| {
        !(url.starts_with("http") || url.starts_with("//"))
            || url.starts_with("https://cds.minhan.example.gov.vn/")
    };
    for tag in home
        .split('<')
        .map(|t| &t[..t.find('>').unwrap_or(t.len())])
    {
        let value = |name: &str| {
            tag.split(&format!(" {name}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
        };
        if let Some(src) = value("src") {
            assert!(own(src), "<{tag}>");
        }
        let loads =
            tag.starts_with("link") && !matches!(value("rel"), Some("alternate" | "canonical"));
        if let (true, Some(href)) = (loads, value("href")) {
            assert!(own(href), "<{tag}>");
        }
    }
}

#[test]
fn quiet_builds_print_only_problems_and_pipes_get_no_progress_line() {
    let site = Site::fixture("basic");
    let quiet = site.run(&["build", "--quiet"]);
    quiet.assert_ok();
    assert_eq!(quiet.stdout, "", "a quiet build prints no summary");
    assert!(site.has_output("index.html"));
    // Not a terminal: the summary is there, the redrawn progress line is not.
    let piped = site.build();
    piped.assert_ok();
    assert!(piped.stdout.contains("Built"), "{}", piped.stdout);
    assert!(!piped.stderr.contains('\r'), "{:?}", piped.stderr);
    assert!(!piped.stderr.contains("\x1b["), "{:?}", piped.stderr);
}
