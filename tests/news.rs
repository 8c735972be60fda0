//! News, feeds and two languages on a whole site: the plan fixture with a news section in
//! Vietnamese and English. Asserts on the built files: the Atom feeds parse with entries
//! newest first and absolute links, the "what changed" entries made from the progress data,
//! tags and pagination, the language switcher's targets, `hreflang`, the fallback list of
//! untranslated pages, and the metadata in `<head>`.

mod common;

use common::Site;

fn news_site() -> Site {
    let site = Site::fixture("plan");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    site.write(
        "site-config.toml",
        &format!("{config}paginate_by = 3\n[agency]\nname = {{ vi = \"Sở KH&CN\", en = \"DOST\" }}\nemail = \"a@example.gov.vn\"\n"),
    );
    site.write(
        "content/tin/_index.md",
        "+++\ntitle = \"Tin tức\"\nsort_by = \"date\"\n[extra]\nkind = \"news\"\n+++\n",
    );
    site.write(
        "content/tin/_index.en.md",
        "+++\ntitle = \"News\"\nslug = \"news\"\nsort_by = \"date\"\n[extra]\nkind = \"news\"\n+++\n",
    );
    site.write(
        "content/tin/hoi-nghi.md",
        "+++\ntitle = \"Hội nghị & triển khai\"\ndate = 2025-02-14\ntags = [\"hội nghị\", \"kế hoạch\"]\nsummary = \"Tóm tắt <1>\"\n+++\n\nNội dung [kế hoạch](@/kh/_index.md).\n",
    );
    site.write(
        "content/tin/hoi-nghi.en.md",
        "+++\ntitle = \"Conference\"\nslug = \"conference\"\ndate = 2025-02-14\ntags = [\"conference\"]\n+++\n\nText.\n",
    );
    site.write(
        "content/tin/chi-tieng-viet.md",
        "+++\ntitle = \"Chỉ có tiếng Việt\"\ndate = 2025-08-01\nupdated = 2025-08-03\n[extra]\ntags = [\"kế hoạch\"]\n+++\n\nBài chưa dịch.\n",
    );
    site.build().assert_ok();
    site
}

fn parse(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    node.children()
        .find(|c| c.has_tag_name((ATOM, name)))
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn each_language_has_an_atom_feed_newest_first_with_absolute_links() {
    let site = news_site();
    for (path, lang) in [("tin/atom.xml", "vi"), ("en/news/atom.xml", "en")] {
        let xml = site.output(path);
        let doc = parse(&xml);
        let feed = doc.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")), "{xml}");
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .collect();
        assert!(entries.len() >= 4, "{xml}");
        let updated: Vec<&str> = entries
            .iter()
            .map(|e| child_text(*e, "published"))
            .collect();
        let mut sorted = updated.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(updated, sorted, "entries newest first");
        // The feed's own date is the newest entry's, never the build's clock.
        assert_eq!(child_text(feed, "updated"), "2025-09-30T00:00:00Z");
        let mut ids = std::collections::BTreeSet::new();
        for entry in &entries {
            let id = child_text(*entry, "id");
            assert!(id.starts_with("https://example.gov.vn/"), "{id}");
            assert!(ids.insert(id.to_string()), "ids are unique");
            let link = entry
                .children()
                .find(|c| c.has_tag_name((ATOM, "link")))
                .and_then(|l| l.attribute("href"))
                .unwrap();
            assert!(link.starts_with("https://example.gov.vn/"), "{link}");
        }
        let self_link = feed
            .children()
            .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
            .unwrap();
        assert_eq!(
            self_link.attribute("href"),
            Some(format!("https://example.gov.vn/{path}").as_str())
        );
    }
    let xml = site.output("tin/atom.xml");
    assert!(
        xml.contains("<title>Hội nghị &amp; triển khai</title>"),
        "{xml}"
    );
    assert!(
        xml.contains("<summary>Tóm tắt &lt;1&gt;</summary>"),
        "{xml}"
    );
    assert!(xml.contains("<category term=\"hội nghị\"/>"), "{xml}");
    assert!(
        xml.contains("<updated>2025-08-03T00:00:00Z</updated>"),
        "{xml}"
    );
    // A second build writes the same feed.
    site.build().assert_ok();
    assert_eq!(site.output("tin/atom.xml"), xml);
}

#[test]
fn progress_data_updates_become_news_entries_naming_the_indicators() {
    let site = news_site();
    let path = "tin/cap-nhat-so-lieu-kh-thu-2025-09-30/index.html";
    let html = site.output(path);
    assert!(
        html.contains("Cập nhật số liệu tiến độ: 3 chỉ tiêu, tháng 9/2025 và quý 3/2025"),
        "{html}"
    );
    for name in [
        "Tỷ lệ dịch vụ công trực tuyến toàn trình",
        "Số ngày giải quyết hồ sơ bình quân",
        "Tỷ lệ thôn có sóng di động",
    ] {
        assert!(html.contains(name), "{name}: {html}");
    }
    assert!(html.contains("href=\"/kh/chi-tieu/phu-song/\""), "{html}");
    // phu-song reached its target with its first reading after the baseline.
    assert!(html.contains("Chưa có số liệu → Đã đạt"), "{html}");
    // The previous reading is shown beside the new one.
    assert!(html.contains("80% (tháng 6/2025)"), "{html}");
    // One entry per reporting date: March, June and September 2025.
    for day in ["2025-03-31", "2025-06-30"] {
        assert!(site.has_output(&format!("tin/cap-nhat-so-lieu-kh-thu-{day}/index.html")));
    }
    assert!(!site.has_output("tin/cap-nhat-so-lieu-kh-thu-2024-12-31/index.html"));
    // In English too, and in the feeds and the list.
    let english = site.output("en/news/progress-data-kh-thu-2025-09-30/index.html");
    assert!(
        english.contains("Progress data updated: 3 indicators for Sep 2025 and Q3 2025"),
        "{english}"
    );
    assert!(
        english.contains("Share of fully online public services"),
        "{english}"
    );
    assert!(
        site.output("tin/atom.xml")
            .contains("cap-nhat-so-lieu-kh-thu-2025-09-30/")
    );
    assert!(
        site.output("en/news/atom.xml")
            .contains("progress-data-kh-thu-2025-09-30/")
    );
    assert!(
        site.output("tin/index.html")
            .contains("cap-nhat-so-lieu-kh-thu-2025-09-30/")
    );
}

#[test]
fn news_is_paginated_and_tagged() {
    let site = news_site();
    // 2 articles and 3 updates, 3 to a page.
    assert!(site.has_output("tin/page/2/index.html"));
    let tags = site.output("tin/the/index.html");
    assert!(tags.contains("href=\"/tin/the/ke-hoach/\""), "{tags}");
    let tag = site.output("tin/the/ke-hoach/index.html");
    assert!(
        tag.contains("Chỉ có tiếng Việt") && tag.contains("Hội nghị &amp; triển khai"),
        "{tag}"
    );
    let article = site.output("tin/hoi-nghi/index.html");
    assert!(
        article.contains("<a class=\"tag\" href=\"/tin/the/hoi-nghi/\" rel=\"tag\">hội nghị</a>"),
        "{article}"
    );
    let section = site.output("tin/index.html");
    assert!(section.contains("href=\"/tin/atom.xml\""), "{section}");
}

#[test]
fn the_language_switcher_goes_to_the_translation_or_home_and_says_so() {
    let site = news_site();
    let translated = site.output("tin/hoi-nghi/index.html");
    assert!(
        translated
            .contains("<a href=\"/en/news/conference/\" hreflang=\"en\" lang=\"en\">English</a>"),
        "{translated}"
    );
    assert!(translated.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/en/news/conference/\">"
    ));
    assert!(translated.contains(
        "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/tin/hoi-nghi/\">"
    ));
    let alone = site.output("tin/chi-tieng-viet/index.html");
    assert!(
        alone.contains("<a class=\"unavailable\" href=\"/en/\" hreflang=\"en\" lang=\"en\">English <small>(this page is not available in English: go to the home page)</small></a>"),
        "{alone}"
    );
    assert!(
        !alone.contains("hreflang=\"en\" href=\"https://"),
        "{alone}"
    );
    // From English back to Vietnamese: the same page.
    let english = site.output("en/news/conference/index.html");
    assert!(
        english.contains("<a href=\"/tin/hoi-nghi/\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"),
        "{english}"
    );
}

#[test]
fn untranslated_articles_are_listed_in_vietnamese_with_a_note() {
    let site = news_site();
    let list = site.output("en/news/page/2/index.html");
    assert!(list.contains("Not yet translated: in Vietnamese"), "{list}");
    assert!(
        list.contains(
            "<a href=\"/tin/chi-tieng-viet/\" hreflang=\"vi\" lang=\"vi\">Chỉ có tiếng Việt</a>"
        ),
        "{list}"
    );
    assert!(!site.output("tin/index.html").contains("Not yet translated"));
}

#[test]
fn pages_carry_open_graph_and_schema_org_metadata() {
    let site = news_site();
    let article = site.output("tin/hoi-nghi/index.html");
    for expected in [
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"Hội nghị &amp; triển khai\">",
        "<meta property=\"og:description\" content=\"Tóm tắt &lt;1&gt;\">",
        "<meta property=\"og:url\" content=\"https://example.gov.vn/tin/hoi-nghi/\">",
        "<meta property=\"og:locale\" content=\"vi_VN\">",
        "<meta property=\"og:locale:alternate\" content=\"en_GB\">",
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tin tức\" href=\"/tin/atom.xml\">",
    ] {
        assert!(article.contains(expected), "{expected}\n{article}");
    }
    let json = json_ld(&article);
    assert_eq!(json["@type"], "NewsArticle");
    assert_eq!(json["datePublished"], "2025-02-14");
    assert_eq!(json["publisher"]["name"], "Sở KH&CN");
    // `<` never appears raw inside the script.
    assert!(!article.contains("Tóm tắt <1>"));
    let home = json_ld(&site.output("en/index.html"));
    assert_eq!(home["@type"], "GovernmentOrganization");
    assert_eq!(home["name"], "DOST");
    assert_eq!(home["email"], "a@example.gov.vn");
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn an_article_dated_after_today_waits_unless_future() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/sap-toi.md",
        "+++\ntitle = \"Ra mắt ứng dụng\"\ndate = 2999-01-01\n+++\n\nSẽ ra mắt.\n",
    );
    site.build().assert_ok();
    assert!(!site.has_output("tin-tuc/sap-toi/index.html"));
    assert!(
        !site
            .output("tin-tuc/index.html")
            .contains("Ra mắt ứng dụng")
    );
    // A link to it says why it is missing.
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\nweight = 1\n+++\n\n[sắp tới](@/tin-tuc/sap-toi.md)\n\n## Mục tiêu\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("is dated after today, so it is not published yet"),
        "{stderr}"
    );
    assert!(stderr.contains("--future"), "{stderr}");
    // With --future it is published, without a preview banner.
    let run = site.run(&["build", "--future"]);
    run.assert_ok();
    let page = site.output("tin-tuc/sap-toi/index.html");
    assert!(page.contains("Ra mắt ứng dụng"), "{page}");
    assert!(!page.contains("preview-banner"), "{page}");
}
