//! Search on the example portal: the index built with the site and read back the way the
//! browser's client reads it (`search::query::Searcher` mirrors `search.js`).

mod common;

use std::path::Path;
use std::sync::OnceLock;

use common::ExamplePortal;
use minhbach::search::query::{Filters, Searcher};

/// The example portal, built once for every test of this file.
fn portal() -> &'static Path {
    static BUILT: OnceLock<ExamplePortal> = OnceLock::new();
    let portal = BUILT.get_or_init(|| {
        let portal = ExamplePortal::build();
        portal.run.assert_ok();
        portal
    });
    &portal.public
}

/// The URLs of the results of `query` in `lang`, best first.
fn search(lang: &str, query: &str, filters: &Filters) -> Vec<String> {
    let public = portal();
    let mut searcher = Searcher::open(lang, |path| std::fs::read(public.join(path)).ok())
        .expect("the manifest opens");
    let results = searcher.search(query, filters);
    results
        .hits
        .iter()
        .map(|hit| {
            let doc = searcher.fragment(hit.doc).expect("result file");
            doc["u"].as_str().unwrap().to_string()
        })
        .collect()
}

fn position(results: &[String], url: &str) -> Option<usize> {
    results.iter().position(|u| u == url)
}

#[test]
fn the_plan_is_found_with_and_without_diacritics() {
    for query in [
        "chuyen doi so",
        "chuyển đổi số",
        "CHUYỂN ĐỔI SỐ",
        "chuyen đoi so",
    ] {
        let results = search("vi", query, &Filters::default());
        let plan = position(&results, "/ke-hoach-2025/");
        assert!(plan.is_some_and(|p| p < 5), "{query}: {results:?}");
    }
}

#[test]
fn online_services_query_lists_the_online_services_indicator_first() {
    for query in ["dịch vụ công trực tuyến", "dich vu cong truc tuyen"] {
        let results = search("vi", query, &Filters::default());
        assert_eq!(
            results.first().map(String::as_str),
            Some("/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/"),
            "{query}: {results:?}"
        );
    }
}

#[test]
fn task_codes_and_indicator_ids_find_their_pages() {
    for code in ["NV-3.11", "nv 3.11", "nv3.11", "NV311"] {
        let results = search("vi", code, &Filters::default());
        assert_eq!(
            results.first().map(String::as_str),
            Some("/ke-hoach-2025/nhiem-vu/#task-nv-3-11"),
            "{code}: {results:?}"
        );
    }
    let results = search("vi", "dvc-truc-tuyen-toan-trinh", &Filters::default());
    assert_eq!(
        results[0],
        "/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/"
    );
}

#[test]
fn filters_keep_only_the_chosen_kind_and_group() {
    let all = search("vi", "chuyen doi so", &Filters::default());
    let indicators = search(
        "vi",
        "chuyen doi so",
        &Filters {
            kinds: vec!["indicator".into()],
            groups: vec![],
        },
    );
    assert!(!indicators.is_empty() && indicators.len() < all.len());
    assert!(
        indicators.iter().all(|u| u.contains("/chi-tieu/")),
        "{indicators:?}"
    );
    let group = search(
        "vi",
        "du lieu",
        &Filters {
            kinds: vec![],
            groups: vec!["du-lieu".into()],
        },
    );
    assert!(!group.is_empty());
    assert!(
        group.iter().all(|u| u.contains("#task-nv-")
            || u.contains("/chi-tieu/")
            || u.ends_with("/du-lieu/")),
        "{group:?}"
    );
}

#[test]
fn each_language_has_its_own_index_and_the_search_page_is_not_a_result() {
    let english = search("en", "online public services", &Filters::default());
    assert!(!english.is_empty());
    assert!(english.iter().all(|u| u.starts_with("/en/")), "{english:?}");
    let vietnamese = search("vi", "tim kiem", &Filters::default());
    assert!(!vietnamese.contains(&"/tim-kiem/".to_string()));
    let page = std::fs::read_to_string(portal().join("tim-kiem/index.html")).unwrap();
    assert!(page.contains("role=\"search\""));
    assert!(page.contains("data-index=\"/search/vi/\""));
    assert!(page.contains("aria-live=\"polite\""));
    assert!(page.contains("<noscript>"));
    assert!(page.contains("<option value=\"du-lieu\">"));
    assert!(portal().join("js/search.js").is_file());
}

#[test]
fn tracker_rows_are_anchors_that_results_link_to() {
    let tracker =
        std::fs::read_to_string(portal().join("ke-hoach-2025/nhiem-vu/index.html")).unwrap();
    assert!(tracker.contains("<tr id=\"task-nv-3-11\">"));
}

#[test]
fn a_site_without_a_search_page_gets_one_in_every_language() {
    let site = common::Site::fixture("basic");
    assert!(!site.path("content/tim-kiem.md").exists());
    site.build().assert_ok();
    let vi = site.output("tim-kiem/index.html");
    let en = site.output("en/search/index.html");
    assert!(vi.contains("<h1>Tìm kiếm</h1>"), "{vi}");
    assert!(en.contains("<h1>Search</h1>"), "{en}");
    assert!(site.has_output("search/vi") && site.has_output("search/en"));
    assert!(site.output("index.html").contains("href=\"/tim-kiem/\""));
    assert!(
        site.output("en/index.html")
            .contains("href=\"/en/search/\"")
    );
    // A page of the site's own still wins.
    site.write(
        "content/tra-cuu.md",
        "+++\ntitle = \"Tra cứu\"\ntemplate = \"search.html\"\n+++\n",
    );
    site.build().assert_ok();
    assert!(!site.has_output("tim-kiem/index.html"));
    assert!(site.output("index.html").contains("href=\"/tra-cuu/\""));
    assert!(
        site.has_output("en/search/index.html"),
        "English has no page of its own"
    );
}

#[test]
fn a_query_on_the_portal_downloads_little_beyond_its_results() {
    // What a reader on a phone fetches for each query: one bucket per word and per pair,
    // and a file per result shown. Buckets counted from the pages held 3 KB here, and these
    // queries fetched 18, 27 and 20 KB.
    let public = portal();
    let mut searcher = Searcher::open("vi", |path| std::fs::read(public.join(path)).ok())
        .expect("the manifest opens");
    let mut seen = searcher.fetched.len();
    for query in [
        "chuyen doi so",
        "dịch vụ công trực tuyến",
        "thanh toán không dùng tiền mặt",
    ] {
        let results = searcher.search(query, &Filters::default());
        assert!(results.count > 0, "{query}");
        for hit in results.hits.iter().take(10) {
            searcher.fragment(hit.doc);
        }
        let fetched: usize = searcher.fetched[seen..].iter().map(|(_, size)| size).sum();
        seen = searcher.fetched.len();
        assert!(fetched < 20_000, "{query}: {fetched} bytes");
    }
}
