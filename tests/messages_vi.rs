//! Content mistakes are told in the language of the run: Vietnamese with `--lang vi`, or
//! when no language is asked for and the site's `default_language` is Vietnamese; English
//! with `--lang en`.

mod common;

use common::{Run, Site, command, run_command};

/// The plan fixture (a Vietnamese site) with three mistakes: a task status no one knows, a
/// misspelt key in a page's front matter, and a reading that is no number.
fn site_with_mistakes() -> Site {
    let site = Site::fixture("plan");
    let tasks = std::fs::read_to_string(site.path("content/kh/tasks.csv")).unwrap();
    site.write(
        "content/kh/tasks.csv",
        &tasks.replace("Năm 2025,done,100", "Năm 2025,xong xuôi,100"),
    );
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\ntitel = \"Giới thiệu\"\n+++\nNội dung.\n",
    );
    let data = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    site.write(
        "content/kh/data/tien-do.csv",
        &data.replace("dvc,2025-06,80,", "dvc,2025-06,80 %,"),
    );
    site
}

/// Runs `minhbach build` on `site` with no language asked for: neither `--lang` nor
/// `MINHBACH_LANG`, and a locale that is neither Vietnamese nor English.
fn build_without_a_language(site: &Site) -> Run {
    run_command(
        command()
            .args(["build", "--root"])
            .arg(&site.root)
            .env_remove("MINHBACH_LANG")
            .env("LC_ALL", "C")
            .env("LANG", "C"),
    )
}

fn assert_vietnamese(stderr: &str) {
    for expected in [
        // The task status.
        "lỗi[task-status]: `xong xuôi` không phải trạng thái nhiệm vụ",
        "--> content/kh/tasks.csv:4:",
        "gợi ý: hãy viết một trong các giá trị: not_started, in_progress, done, cancelled",
        // The front matter's unknown key, told in the words of the page's front matter.
        "lỗi[unknown-key]:",
        "phần đầu trang (front matter)",
        "--> content/gioi-thieu.md:3:1",
        // The reading that is no number.
        "lỗi[number]: cần một số, nhưng gặp '80 %'",
        "--> content/kh/data/tien-do.csv:5:",
        "gợi ý: hãy viết số mà không có dấu %",
    ] {
        assert!(stderr.contains(expected), "no {expected:?} in:\n{stderr}");
    }
    for english in [
        "error[",
        "is not a task status",
        "expected a number",
        "write the number without",
    ] {
        assert!(!stderr.contains(english), "{english:?} in:\n{stderr}");
    }
}

#[test]
fn content_mistakes_are_told_in_vietnamese_when_asked() {
    let site = site_with_mistakes();
    let run = site.run(&["build", "--lang", "vi"]);
    run.assert_fails(1);
    assert_vietnamese(&run.stderr);
}

#[test]
fn a_vietnamese_site_is_told_its_mistakes_in_vietnamese_by_default() {
    let site = site_with_mistakes();
    let run = build_without_a_language(&site);
    run.assert_fails(1);
    assert_vietnamese(&run.stderr);
}

#[test]
fn the_same_mistakes_are_told_in_english_with_lang_en() {
    let site = site_with_mistakes();
    let run = site.run(&["build", "--lang", "en"]);
    run.assert_fails(1);
    for expected in [
        "error[task-status]: `xong xuôi` is not a task status",
        "hint: write one of: not_started, in_progress, done, cancelled",
        "error[unknown-key]:",
        "front matter",
        "--> content/gioi-thieu.md:3:1",
        "error[number]: expected a number, found '80 %'",
        "hint: write the number without the % sign",
        "nothing was written",
    ] {
        assert!(
            run.stderr.contains(expected),
            "no {expected:?} in:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("lỗi["), "{}", run.stderr);
}
