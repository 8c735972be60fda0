//! `minhbach check`'s content rules on a whole site: each finding is placed (file:line:col,
//! quoted line, hint), errors give exit code 1, warnings alone give 0, and `build` does not
//! run the rules.

mod common;

use common::Site;

const BAD_PAGE: &str = "+++
title = \"Tin số 1\"
+++

### Bắt đầu ở cấp ba

Xem ![](ban-do.png) trên bản đồ.

[](https://dichvucong.gov.vn)
";

#[test]
fn check_reports_every_content_problem_in_place() {
    let site = Site::fixture("basic");
    site.write("content/tin-tuc/xau.md", BAD_PAGE);
    let run = site.run(&["check"]);
    run.assert_fails(1);
    let out = &run.stderr;
    assert!(out.contains("error[image-alt]"), "{out}");
    assert!(out.contains("--> content/tin-tuc/xau.md:7:5"), "{out}");
    assert!(
        out.contains("7 | Xem ![](ban-do.png) trên bản đồ."),
        "{out}"
    );
    assert!(out.contains("error[link-text]"), "{out}");
    assert!(out.contains("--> content/tin-tuc/xau.md:9:1"), "{out}");
    assert!(out.contains("warning[heading-level]"), "{out}");
    assert!(out.contains("--> content/tin-tuc/xau.md:5:1"), "{out}");
    // tin-1.md has the same title in the same language.
    assert!(out.contains("warning[duplicate-title]"), "{out}");
    assert!(out.contains("= hint:"), "{out}");
    // The build itself does not run the rules.
    site.build().assert_ok();
}

#[test]
fn warnings_alone_leave_check_successful() {
    let site = Site::fixture("basic");
    site.write(
        "content/moi.md",
        "+++\ntitle = \"Mới\"\n+++\n\n#### Sâu\n\n<a href=\"https://a.vn\" target=\"_blank\">A</a>\n",
    );
    let run = site.run(&["check"]);
    run.assert_ok();
    let out = format!("{}{}", run.stdout, run.stderr);
    assert!(out.contains("warning[heading-level]"), "{out}");
    assert!(out.contains("warning[new-window]"), "{out}");
    assert!(out.contains("--> content/moi.md:7:1"), "{out}");
}
