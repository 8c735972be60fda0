//! Bad input: each mistake gives a placed message (file:line:col, quoted line, hint), the
//! right exit code, never a panic, and never a half-written or lost site.

mod common;

use common::{Site, minhbach, snapshot};

#[test]
fn broken_front_matter_toml_is_placed_at_its_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/hong.md",
        "+++\ntitle = \"Hỏng\"\ndate = 2025-13-45\n+++\nBody\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/hong.md:3:"), "{stderr}");
    assert!(stderr.contains("3 | date = 2025-13-45"), "{stderr}");
}

#[test]
fn unquoted_text_in_front_matter_gets_a_hint() {
    let site = Site::fixture("basic");
    site.write("content/hong.md", "+++\ntitle = Giới thiệu\n+++\n");
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/hong.md:2:"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn unclosed_front_matter_is_reported() {
    let site = Site::fixture("basic");
    site.write(
        "content/hong.md",
        "+++\ntitle = \"A\"\n\nBody without a closing line\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/hong.md:1:1"), "{stderr}");
    assert!(stderr.contains("never closed"), "{stderr}");
}

#[test]
fn unknown_config_key_suggests_the_right_one() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config
            .replace("base_url =", "base_ur =")
            .replace("as_of", "as_off"),
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> site-config.toml:2:1"), "{stderr}");
    assert!(stderr.contains("did you mean `base_url`?"), "{stderr}");
    // Every unknown key is reported in one run, not just the first.
    assert!(stderr.contains("did you mean `as_of`?"), "{stderr}");
}

#[test]
fn unknown_front_matter_field_suggests_the_right_one() {
    let site = Site::fixture("basic");
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\ndaet = 2025-01-01\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/a.md:3:1"), "{stderr}");
    assert!(stderr.contains("did you mean `date`?"), "{stderr}");
}

#[test]
fn every_content_error_of_a_run_is_reported() {
    let site = Site::fixture("basic");
    site.write("content/a.md", "+++\ntitle = \"A\"\ndraft = \"yes\"\n+++\n");
    site.write(
        "content/b.md",
        "+++\ntitle = \"B\"\n+++\nSee [x](@/khong-co.md).\n",
    );
    site.write(
        "content/c.md",
        "+++\ntitle = \"C\"\n+++\nSee [x](@/gioi-thieu.md#muc-tiue).\n",
    );
    site.write("content/d.md", "+++\ntitle = B\n+++\n");
    let run = site.build();
    run.assert_fails(1);
    // Load-stage errors stop the build before linking, so link errors come in the next run;
    // every load error is there at once.
    assert!(run.stderr.contains("content/a.md:3:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("write `true` or `false`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("content/d.md:2:"), "{}", run.stderr);
    site.remove("content/a.md").remove("content/d.md");
    let run = site.build();
    run.assert_fails(1);
    assert!(
        run.stderr.contains("--> content/b.md:4:9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("there is no page `content/khong-co.md`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--> content/c.md:4:9"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `#muc-tieu`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_link_target_suggests_the_closest_page() {
    let site = Site::fixture("basic");
    site.write(
        "content/b.md",
        "+++\ntitle = \"B\"\n+++\n\nSee [x](@/gioi-thieu).\n",
    );
    // A folder-like path is read as a section; this one does not exist.
    let stderr = site.build_fails();
    assert!(stderr.contains("content/b.md:5:"), "{stderr}");
}

#[test]
fn two_pages_on_one_url_are_reported_with_both_files() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/ke-hoach-chuyen-doi-so-tinh-dak-lak.md",
        "+++\ntitle = \"Trùng\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("/tin-tuc/ke-hoach-chuyen-doi-so-tinh-dak-lak/"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Kế hoạch chuyển đổi số tỉnh Đắk Lắk.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ke-hoach-chuyen-doi-so-tinh-dak-lak.md"),
        "{stderr}"
    );
}

#[test]
fn a_page_asking_for_a_missing_template_is_placed_at_that_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\ntemplate = \"khong-co.html\"\n+++\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/a.md:3:13"), "{stderr}");
    assert!(stderr.contains("template `khong-co.html`"), "{stderr}");
}

#[test]
fn a_tera_syntax_error_names_the_template_file_and_line() {
    let site = Site::fixture("basic");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title }\n{% endblock main %}\n",
    );
    let stderr = site.build_fails();
    assert!(stderr.contains("--> templates/page.html:3:"), "{stderr}");
    assert!(stderr.contains("3 | {{ page.title }"), "{stderr}");
}

#[test]
fn a_template_render_error_names_the_template_and_the_page() {
    let site = Site::fixture("basic");
    site.write("templates/page.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ page.no_such_field }}\n{% endblock main %}\n");
    let stderr = site.build_fails();
    assert!(stderr.contains("--> templates/page.html:3:"), "{stderr}");
    assert!(
        stderr.contains("while rendering content/gioi-thieu.md"),
        "{stderr}"
    );
}

#[test]
fn a_non_utf8_file_is_placed_at_the_bad_byte() {
    let site = Site::fixture("basic");
    // "Hòa" in Windows-1258 bytes, as a file saved by an old Vietnamese editor would hold.
    site.write_bytes("content/cu.md", b"+++\ntitle = \"Cu\"\n+++\nH\xF2a Binh\n");
    let stderr = site.build_fails();
    assert!(stderr.contains("--> content/cu.md:4:2"), "{stderr}");
    assert!(stderr.contains("save the file as UTF-8"), "{stderr}");
}

#[test]
fn an_unreadable_file_is_reported_by_name() {
    let site = Site::fixture("basic");
    // A link to nowhere cannot be read by anyone, even a build running as root.
    std::os::unix::fs::symlink(
        site.path("content/khong-ton-tai.txt"),
        site.path("content/mat.md"),
    )
    .unwrap();
    let stderr = site.build_fails();
    assert!(stderr.contains("content/mat.md"), "{stderr}");
    assert!(
        stderr.contains("cannot be read") || stderr.contains("was not found"),
        "{stderr}"
    );
}

/// A refused output folder is a usage error (exit code 2, as README says), not a site error.
#[test]
fn an_output_folder_that_would_overwrite_the_site_is_refused() {
    let site = Site::fixture("basic");
    for output in [".", "content", "themes/default", ".."] {
        let target = site.path(output);
        let run = site.run(&["build", "--output", target.to_str().unwrap()]);
        run.assert_fails(2);
        assert!(
            run.stderr.contains("refusing to write the site into"),
            "{output}: {}",
            run.stderr
        );
    }
    // A folder of someone else's files is never replaced.
    site.write("../docs/notes.txt", "mine");
    let run = site.run(&["build", "--output", site.path("../docs").to_str().unwrap()]);
    run.assert_fails(2);
    assert_eq!(
        std::fs::read_to_string(site.path("../docs/notes.txt")).unwrap(),
        "mine"
    );
    assert!(site.path("content/gioi-thieu.md").is_file());
}

#[test]
fn a_failing_build_leaves_the_previous_site_intact() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = snapshot(&site.path("public"));
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nSee [x](@/khong-co.md).\n",
    );
    site.build_fails();
    assert_eq!(before, snapshot(&site.path("public")));
    // A template that fails while rendering (after some pages were made) changes nothing either.
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nOK\n",
    );
    site.write("templates/section.html", "{{ section.no_such_field }}");
    site.build_fails();
    assert_eq!(before, snapshot(&site.path("public")));
    assert!(!site.path(".public.minhbach-new").exists());
}

#[test]
fn a_folder_that_is_not_a_site_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = minhbach(["build", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("minhbach init"));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(minhbach(["build", "--no-such-flag"]).code, 2);
    let help = minhbach(["--help"]);
    assert_eq!(help.code, 0);
    for command in ["init", "build", "serve", "check"] {
        assert!(help.stdout.contains(command), "{}", help.stdout);
    }
}

#[test]
fn a_bad_base_url_option_is_a_clear_error() {
    let site = Site::fixture("basic");
    let run = site.run(&["build", "--base-url", "example.org"]);
    // A mistake on the command line, not in the site: a usage error.
    run.assert_fails(2);
    assert!(
        run.stderr
            .contains("--base-url `example.org` is not an absolute web address"),
        "{}",
        run.stderr
    );
}

/// The same mistakes told in the language asked for with `--lang`: an unknown key in
/// site-config.toml (which stops the build before the pages are read), then, once it is
/// fixed, a broken `@/` link and a template syntax error.
#[test]
fn mistakes_are_told_in_the_language_asked_for() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &config.replace("paginate_by", "paginate_bye"),
    );
    site.write(
        "content/b.md",
        "+++\ntitle = \"B\"\n+++\nSee [x](@/khong-co.md).\n",
    );
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title }\n{% endblock main %}\n",
    );
    let say = |lang: &str| {
        let run = site.run(&["--lang", lang, "build"]);
        run.assert_fails(1);
        run.stderr
    };

    let vi = say("vi");
    for expected in [
        "lỗi[unknown-key]: khóa `paginate_bye` không hợp lệ trong site-config.toml",
        "--> site-config.toml:5:1",
        "= gợi ý: có phải ý bạn là `paginate_by`?",
        "chưa ghi tệp nào",
    ] {
        assert!(vi.contains(expected), "{expected}\n{vi}");
    }
    let en = say("en");
    for expected in [
        "error[unknown-key]: unknown key `paginate_bye` in site-config.toml",
        "= hint: did you mean `paginate_by`?",
        "nothing was written",
    ] {
        assert!(en.contains(expected), "{expected}\n{en}");
    }

    site.write("site-config.toml", &config);
    let vi = say("vi");
    for expected in [
        "lỗi[broken-link]: không có trang `content/khong-co.md`",
        "--> content/b.md:4:9",
        "lỗi[template-syntax]: trong mẫu (template) `page.html`:",
        "--> templates/page.html:3:",
        "gợi ý:",
    ] {
        assert!(vi.contains(expected), "{expected}\n{vi}");
    }
    assert!(!vi.contains("there is no page"), "{vi}");
    let en = say("en");
    for expected in [
        "error[broken-link]: there is no page `content/khong-co.md`",
        "error[template-syntax]: in template `page.html`:",
        "hint:",
    ] {
        assert!(en.contains(expected), "{expected}\n{en}");
    }
}
