//! The plan page as a printed progress report: its headline with the date of the data, every
//! target's figures and status, and the overdue tasks are in the page for print (hidden on
//! screen), and the theme's print rules leave menus and the narrative out. How the page
//! looks in print is checked in Chromium by tests/browser/run.mjs.

mod common;

use common::Site;

/// The element of `html` whose opening tag contains `marker`, up to the next `closing`.
fn part<'a>(html: &'a str, marker: &str, closing: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let end = start + html[start..].find(closing).expect("closed");
    &html[start..end]
}

#[test]
fn the_plan_page_holds_a_progress_report_for_print() {
    let site = Site::fixture("plan");
    site.build().assert_ok();
    let html = site.output("kh/index.html");

    // The headline the page shows, and for print the date of the data beside it.
    let headline = part(&html, "<p class=\"headline\">", "</p>");
    assert!(
        headline.contains("chỉ tiêu đã đạt hoặc đúng tiến độ")
            && headline.contains("nhiệm vụ quá hạn"),
        "{headline}"
    );
    let date = part(&html, "class=\"print-only report-date\"", "</p>");
    assert!(date.contains("30/9/2025"), "{date}");
    let report = part(&html, "class=\"print-only plan-report\"", "</section>");
    // Every target with its figures and status.
    for name in ["dvc", "ngay-xu-ly"] {
        assert!(
            report.contains(&format!("href=\"/kh/chi-tieu/{name}/\"")),
            "{name}"
        );
    }
    assert!(report.contains("badge-status badge-on_track"));
    assert!(report.contains("85%"), "the latest reading of dvc");
    // The overdue tasks: NV-1.01 was due on 30/6/2025; NV-1.02 is due later.
    let overdue = part(report, "<table class=\"data-table tasks-table", "</table>");
    assert!(overdue.contains("NV-1.01"), "{overdue}");
    assert!(!overdue.contains("NV-1.02"));
    assert!(overdue.contains("Quá hạn"));
    // The narrative is marked so print leaves it out; the report names the plan's address.
    assert!(html.contains("class=\"content plan-narrative\""));
    assert!(report.contains("https://example.gov.vn/kh/"));

    let css = site.output("css/main.css");
    let print = part(&css, "@media print {\n  @page", "\n}\n");
    for rule in [
        ".site-menu",
        ".language-switcher",
        ".plan-narrative",
        ".footer-links",
        "thead { display: table-header-group; }",
        "tr, th, td { break-inside: avoid;",
    ] {
        assert!(print.contains(rule), "the print rules lack {rule}");
    }
    assert!(css.contains("@media screen { .print-only { display: none !important; } }"));
}

#[test]
fn the_theme_has_a_favicon_and_a_touch_icon_without_warnings() {
    let site = Site::fixture("plan");
    let run = site.build();
    run.assert_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let html = site.output("index.html");
    assert!(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    assert!(html.contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">"));
    assert!(
        site.output("favicon.svg")
            .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    );
    let icon = std::fs::read(site.path("public/apple-touch-icon.png")).unwrap();
    assert_eq!(&icon[..8], b"\x89PNG\r\n\x1a\n");
    let word = |at: usize| u32::from_be_bytes(icon[at..at + 4].try_into().unwrap());
    assert_eq!((word(16), word(20)), (180, 180));
}
