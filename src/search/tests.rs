//! The folding and ranking rules on small Vietnamese corpora, incremental updates, and (ignored)
//! a 10,000-page measurement of build time, size and bytes a query fetches.

use std::collections::HashMap;

use super::query::{Filters, Searcher, parse};
use super::*;

fn doc(url: &str, title: &str, kind: Kind, text: &str) -> Document {
    Document {
        url: url.into(),
        title: title.into(),
        kind,
        group: None,
        breadcrumb: vec!["Trang chủ".into()],
        weight: 0,
        text: text.into(),
    }
}

fn files_of(documents: &[Document]) -> HashMap<String, Vec<u8>> {
    Index::build_files_with(documents.to_vec(), "vi", Limits::default())
        .into_iter()
        .collect()
}

/// URLs of the results, best first.
fn search_with(documents: &[Document], query: &str, filters: &Filters) -> Vec<String> {
    let files = files_of(documents);
    let mut searcher = Searcher::open("vi", |p| files.get(p).cloned()).expect("manifest");
    let results = searcher.search(query, filters);
    assert_eq!(results.count, results.hits.len());
    results
        .hits
        .iter()
        .map(|h| {
            searcher.fragment(h.doc).unwrap()["u"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn search(documents: &[Document], query: &str) -> Vec<String> {
    search_with(documents, query, &Filters::default())
}

fn corpus() -> Vec<Document> {
    vec![
        doc(
            "/ke-hoach/",
            "Kế hoạch năm 2025",
            Kind::Page,
            "Kế hoạch chuyển đổi số của tỉnh năm 2025, triển khai trên địa bàn toàn tỉnh.",
        ),
        // Holds "chuyển", "số" and "dõi" (folds to "doi") many times, never the phrase.
        doc(
            "/theo-doi/",
            "Theo dõi chuyển giao số liệu",
            Kind::News,
            "Theo dõi, theo dõi và theo dõi việc chuyển giao số liệu; chuyển số liệu. \
             Theo dõi tiến độ chuyển giao số liệu hằng tháng, theo dõi thường xuyên.",
        ),
        doc(
            "/nhiem-vu-theo-doi/",
            "Theo dõi nhiệm vụ",
            Kind::Page,
            "Theo dõi nhiệm vụ của các sở, ngành.",
        ),
        doc(
            "/dak-lak/",
            "Tỉnh Đắk Lắk",
            Kind::News,
            "Đoàn công tác làm việc tại Đắk Lắk về dịch vụ công.",
        ),
        doc(
            "/dak-lak-khong-dau/",
            "Tinh Dak Lak",
            Kind::News,
            "Doan cong tac lam viec tai Dak Lak ve dich vu cong.",
        ),
    ]
}

#[test]
fn chuyen_doi_so_ranks_the_phrase_above_pages_that_only_say_theo_doi() {
    let documents = corpus();
    for query in [
        "chuyen doi so",
        "CHUYỂN ĐỔI SỐ",
        "chuyen đoi so",
        "Chuyển đổi số",
    ] {
        let results = search(&documents, query);
        assert_eq!(results, ["/ke-hoach/", "/theo-doi/"], "{query}");
    }
    // "theo doi" finds both spellings' pages; the one saying "chuyển đổi" does not match.
    let results = search(&documents, "theo doi");
    assert!(results.contains(&"/nhiem-vu-theo-doi/".to_string()));
    assert!(!results.contains(&"/ke-hoach/".to_string()));
}

#[test]
fn the_exact_spelling_ranks_above_a_folded_one_both_ways() {
    let documents = corpus();
    assert_eq!(
        search(&documents, "Đắk Lắk"),
        ["/dak-lak/", "/dak-lak-khong-dau/"]
    );
    assert_eq!(
        search(&documents, "đắk lắk"),
        ["/dak-lak/", "/dak-lak-khong-dau/"]
    );
    assert_eq!(
        search(&documents, "Dak Lak"),
        ["/dak-lak-khong-dau/", "/dak-lak/"]
    );
    assert_eq!(
        search(&documents, "DAK LAK"),
        ["/dak-lak-khong-dau/", "/dak-lak/"]
    );
}

#[test]
fn old_and_new_tone_placement_are_one_spelling() {
    let documents = vec![
        doc("/a/", "Hòa Bình", Kind::Page, "Thủy lợi Hòa Bình."),
        doc("/b/", "Hoa Binh", Kind::Page, "Thuy loi Hoa Binh."),
        doc("/c/", "Hóa Bình", Kind::Page, "Thúy lợi Hóa Bình."),
    ];
    // "hoà" (new placement) is the spelling of /a/, written "hòa" (old placement).
    assert_eq!(search(&documents, "hoà bình")[0], "/a/");
    assert_eq!(search(&documents, "hòa bình")[0], "/a/");
    assert_eq!(search(&documents, "hoa binh")[0], "/b/");
    assert_eq!(search(&documents, "hóa bình")[0], "/c/");
    assert_eq!(search(&documents, "thuỷ lợi")[0], "/a/");
    assert_eq!(search(&documents, "thủy lợi")[0], "/a/");
    assert_eq!(search(&documents, "thuy loi").len(), 3);
}

#[test]
fn a_long_query_ranks_its_phrase_first() {
    let documents = vec![
        doc(
            "/rai-rac/",
            "Hồ sơ và thủ tục",
            Kind::Page,
            "Hồ sơ nộp trực tuyến; trình tự toàn bộ. Sơ kết tuyến đường. Hồ sơ, trực tuyến, \
             toàn văn, trình duyệt. Hồ sơ hồ sơ; trực tuyến trực tuyến. Toàn trình?",
        ),
        doc(
            "/toan-trinh/",
            "Dịch vụ công",
            Kind::Page,
            "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 60%.",
        ),
        doc("/khac/", "Khác", Kind::Page, "Hồ sơ giấy."),
    ];
    for query in [
        "ho so truc tuyen toan trinh",
        "hồ sơ trực tuyến toàn trình",
        "HO SO TRUC TUYEN TOAN TRINH",
    ] {
        assert_eq!(
            search(&documents, query),
            ["/toan-trinh/", "/rai-rac/"],
            "{query}"
        );
    }
}

fn plan_corpus() -> Vec<Document> {
    let task = |code: &str, group: &str, title: &str| Document {
        url: format!(
            "/ke-hoach-2025/nhiem-vu/{}/",
            code.to_lowercase().replace('.', "-")
        ),
        title: format!("{code}: {title}"),
        kind: Kind::Task,
        group: Some(group.into()),
        breadcrumb: vec![
            "Trang chủ".into(),
            "Kế hoạch 2025".into(),
            "Nhiệm vụ".into(),
        ],
        weight: 0,
        text: format!("Mã nhiệm vụ {code}. {title}. Đơn vị chủ trì: Sở Khoa học và Công nghệ."),
    };
    vec![
        task(
            "NV-3.12",
            "ha-tang",
            "Nâng cấp mạng truyền số liệu chuyên dùng",
        ),
        task("NV-3.1", "ha-tang", "Phủ sóng 5G các khu công nghiệp"),
        task(
            "NV-12.3",
            "chinh-phu-so",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        ),
        task("NV-1.12", "lanh-dao", "Kiện toàn Ban Chỉ đạo chuyển đổi số"),
        Document {
            url: "/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/".into(),
            title: "Tỷ lệ dịch vụ công trực tuyến toàn trình".into(),
            kind: Kind::Indicator,
            group: Some("chinh-phu-so".into()),
            breadcrumb: vec![
                "Trang chủ".into(),
                "Kế hoạch 2025".into(),
                "Chỉ tiêu".into(),
            ],
            weight: 0,
            text: "Mã chỉ tiêu dvc-truc-tuyen-toan-trinh. Đơn vị tính: phần trăm.".into(),
        },
        doc(
            "/tin-tuc/dvc/",
            "Tin tức",
            Kind::News,
            "Dịch vụ công trực tuyến toàn trình được mở rộng; truc tuyen.",
        ),
    ]
}

#[test]
fn a_task_code_is_found_however_it_is_typed() {
    let documents = plan_corpus();
    for query in [
        "NV-3.12", "nv 3.12", "NV 3 12", "nv3.12", "NV312", "nv-3-12",
    ] {
        let results = search(&documents, query);
        assert_eq!(
            results.first().map(String::as_str),
            Some("/ke-hoach-2025/nhiem-vu/nv-3-12/"),
            "{query}: {results:?}"
        );
    }
    // NV-12.3 holds "nv", "3" and "12" but not in this order: after the exact code.
    let results = search(&documents, "NV-3.12");
    assert!(!results.contains(&"/ke-hoach-2025/nhiem-vu/nv-3-1/".to_string()));
}

#[test]
fn an_indicator_id_is_found_whole_and_by_its_words() {
    let documents = plan_corpus();
    let url = "/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/";
    assert_eq!(search(&documents, "dvc-truc-tuyen-toan-trinh"), [url]);
    assert_eq!(search(&documents, "dvctructuyentoantrinh"), [url]);
    let results = search(&documents, "dich vu cong truc tuyen");
    assert_eq!(results.len(), 2);
    assert_eq!(results[0], url, "the title match ranks first");
}

#[test]
fn filters_keep_kinds_and_task_groups() {
    let documents = plan_corpus();
    let only = |kinds: &[&str], groups: &[&str]| Filters {
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        groups: groups.iter().map(|g| g.to_string()).collect(),
    };
    let all = search(&documents, "so");
    assert!(all.len() >= 4, "{all:?}");
    let tasks = search_with(&documents, "so", &only(&["task"], &[]));
    assert!(tasks.iter().all(|u| u.contains("/nhiem-vu/")), "{tasks:?}");
    let group = search_with(&documents, "truc tuyen", &only(&[], &["chinh-phu-so"]));
    assert_eq!(
        group,
        ["/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/"]
    );
    let none = search_with(&documents, "truc tuyen", &only(&["awareness"], &[]));
    assert!(none.is_empty());
}

#[test]
fn queries_parse_into_words_and_pairs() {
    let q = parse("Chuyển đổi số, chuyển đổi");
    assert_eq!(q.words.len(), 3, "repeated words count once");
    assert_eq!(q.pairs, ["chuyen doi", "doi so", "so chuyen"]);
    let q = parse("NV-3.12");
    assert_eq!(q.words[0].joined.as_ref().unwrap().folded, "nv312");
    assert_eq!(q.pairs, ["nv 3", "3 12"]);
    assert!(parse(" ,. ").words.is_empty());
}

#[test]
fn results_show_title_kind_breadcrumb_and_an_excerpt() {
    let files = files_of(&plan_corpus());
    let mut searcher = Searcher::open("vi", |p| files.get(p).cloned()).unwrap();
    let results = searcher.search("mạng truyền số liệu", &Filters::default());
    let fragment = searcher.fragment(results.hits[0].doc).unwrap();
    assert_eq!(fragment["k"], "task");
    assert_eq!(fragment["g"], "ha-tang");
    assert_eq!(fragment["b"][2], "Nhiệm vụ");
    assert!(fragment["t"].as_str().unwrap().starts_with("NV-3.12"));
    assert!(
        fragment["x"]
            .as_str()
            .unwrap()
            .contains("mạng truyền số liệu")
    );
}

#[test]
fn the_excerpt_keeps_the_start_and_the_sentences_on_the_page_topic() {
    let filler = "Câu mở đầu giới thiệu chung về trang này và mục đích của nó. ".repeat(3);
    let other = "Một câu khác không liên quan gì đến nội dung chính cả. ".repeat(20);
    let text = format!(
        "{filler}{other}Đắk Lắk đẩy mạnh dịch vụ công trực tuyến toàn trình. {other}\
         Dịch vụ công trực tuyến toàn trình giúp người dân Đắk Lắk."
    );
    let files = files_of(&[doc("/a/", "A", Kind::Page, &text)]);
    let fragment: serde_json::Value =
        serde_json::from_slice(&files["search/vi/doc/0.json"]).unwrap();
    let x = fragment["x"].as_str().unwrap();
    assert!(x.starts_with("Câu mở đầu"), "{x}");
    assert!(x.contains("Đắk Lắk đẩy mạnh dịch vụ công"), "{x}");
    assert!(
        x.chars().count() <= EXCERPT_CHARS + 10,
        "{}",
        x.chars().count()
    );
}

/// Limits small enough for a few hundred pages to have big terms and partial heads.
fn small() -> Limits {
    Limits {
        head: 8,
        big_entry_bytes: 60,
        bucket_bytes: 512,
    }
}

/// Many pages, so that heads, floors, bitmaps and big files are all used.
fn large_corpus(n: usize) -> Vec<Document> {
    let words = [
        "chuyển", "đổi", "số", "dịch", "vụ", "công", "trực", "tuyến", "hồ", "sơ", "theo", "dõi",
        "tỉnh", "Đắk", "Lắk", "hòa", "thủy", "lợi", "dữ", "liệu", "người", "dân",
    ];
    let mut seed = 7u64;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    (0..n)
        .map(|i| {
            let len = 20 + next(200);
            let text: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            let mut d = doc(
                &format!("/p/{i:04}/"),
                &format!("Trang {} {}", words[next(words.len())], i),
                Kind::ALL[next(7)],
                &text.join(" "),
            );
            d.group = (next(3) == 0).then(|| format!("nhom-{}", next(4)));
            d
        })
        .collect()
}

#[test]
fn builds_are_deterministic_whatever_the_order_of_documents() {
    let mut documents = large_corpus(300);
    let first = Index::build_with(documents.clone(), "vi", small()).files();
    documents.reverse();
    assert_eq!(Index::build_with(documents, "vi", small()).files(), first);
    let paths: Vec<&str> = first.iter().map(|(p, _)| p.as_str()).collect();
    assert!(paths.contains(&"search/vi/manifest.json"));
    assert!(paths.contains(&"search/vi/doc/299.json"));
    assert!(
        paths.iter().any(|p| p.starts_with("search/vi/idx/t/")),
        "big terms"
    );
}

#[test]
fn a_build_writes_the_same_files_as_an_index_kept_to_update() {
    // A build frees and encodes as it goes (terms before pairs, each pair as grouped);
    // `serve` keeps everything. Both must write the same bytes.
    let documents = large_corpus(300);
    let kept = Index::build_with(documents.clone(), "vi", small()).files();
    let built = Index::build_files_with(documents, "vi", small());
    assert_eq!(built.len(), kept.len());
    assert!(
        built == kept,
        "the build's files differ from the kept index's"
    );
}

#[test]
fn counts_are_exact_beyond_the_head() {
    let documents = large_corpus(400);
    let files: HashMap<String, Vec<u8>> = Index::build_with(documents.clone(), "vi", small())
        .files()
        .into_iter()
        .collect();
    let mut searcher = Searcher::open("vi", |p| files.get(p).cloned()).unwrap();
    for query in ["chuyen doi so", "Đắk Lắk", "ho so", "hoa"] {
        let wanted = parse(query);
        let expected = documents
            .iter()
            .filter(|d| {
                let text = super::fold::words(&format!("{} {}", d.title, d.text));
                wanted.words.iter().all(|w| {
                    w.parts.iter().all(|p| {
                        text.iter()
                            .any(|t| t.parts.iter().any(|q| q.folded == p.folded))
                    })
                })
            })
            .count();
        let results = searcher.search(query, &Filters::default());
        assert_eq!(results.count, expected, "{query}");
        assert!(results.count > small().head, "{query}: the head is partial");
    }
}

#[test]
fn an_update_rewrites_only_its_files_and_equals_a_full_build() {
    let documents = large_corpus(300);
    let mut index = Index::build_with(documents.clone(), "vi", small());
    let before: HashMap<String, Vec<u8>> = index.files().into_iter().collect();

    let mut changed = documents[17].clone();
    changed.text = format!("{} Thuỷ lợi Đắk Lắk NV-3.12 từ mới", changed.text);
    changed.title = "Tiêu đề mới".into();
    changed.kind = Kind::Awareness;
    let changes = index.update(changed.clone());
    let mut after_documents = documents.clone();
    after_documents[17] = changed;
    let full: HashMap<String, Vec<u8>> = Index::build_with(after_documents, "vi", small())
        .files()
        .into_iter()
        .collect();
    let incremental: HashMap<String, Vec<u8>> = index.files().into_iter().collect();
    assert!(
        full == incremental,
        "an update gives the bytes of a full build"
    );

    let written: HashMap<&str, &Vec<u8>> =
        changes.write.iter().map(|(p, b)| (p.as_str(), b)).collect();
    for (path, bytes) in &full {
        match written.get(path.as_str()) {
            Some(w) => assert_eq!(*w, bytes, "{path}"),
            None => assert_eq!(before.get(path), Some(bytes), "{path} changed unreported"),
        }
    }
    for path in &changes.remove {
        assert!(!full.contains_key(path));
    }
    for path in before.keys() {
        assert!(
            full.contains_key(path) || changes.remove.contains(path),
            "{path}"
        );
    }
    assert!(
        changes.write.len() < full.len() / 2,
        "{} of {} files",
        changes.write.len(),
        full.len()
    );

    // Adding and removing a page build again, and say which files went away.
    let mut added = documents[0].clone();
    added.url = "/p/zzzz/".into();
    let changes = index.update(added);
    assert!(
        changes
            .write
            .iter()
            .any(|(p, _)| p == "search/vi/doc/300.json")
    );
    let changes = index.remove("/p/zzzz/");
    assert!(
        changes
            .remove
            .contains(&"search/vi/doc/300.json".to_string())
    );
    let again: HashMap<String, Vec<u8>> = index.files().into_iter().collect();
    assert!(again == full);
}

#[test]
fn an_update_that_makes_a_term_big_or_small_moves_it() {
    let mut documents: Vec<Document> = (0..400)
        .map(|i| doc(&format!("/p/{i:03}/"), "Trang", Kind::Page, "văn bản"))
        .collect();
    for (i, d) in documents.iter_mut().enumerate() {
        if i % 2 == 0 {
            d.text.push_str(" hiếm");
        }
    }
    let limits = Limits {
        big_entry_bytes: 100,
        ..small()
    };
    let mut index = Index::build_with(documents.clone(), "vi", limits);
    let big = |index: &Index| {
        index
            .files()
            .into_iter()
            .any(|(p, _)| p == "search/vi/idx/t/hiem.json")
    };
    let was_big = big(&index);
    // Make every page hold it: the complement is then empty and the entry small.
    for d in documents.iter_mut().skip(1).step_by(2) {
        d.text.push_str(" hiếm");
        index.update(d.clone());
    }
    assert!(index.files() == Index::build_with(documents, "vi", limits).files());
    assert_ne!(was_big, big(&index), "the entry moved");
}

#[test]
fn buckets_hold_about_the_same_bytes_on_small_and_large_sites() {
    // A site's vocabulary grows more slowly than its pages: buckets counted from the pages
    // held 3 KB each at 1,000 pages and 1 KB at 10,000.
    for n in [60, 600] {
        let files = Index::build_files_with(synthetic(n), "vi", Limits::default());
        for (folder, what) in [("search/vi/idx/", "words"), ("search/vi/idx/p/", "pairs")] {
            let sizes: Vec<usize> = files
                .iter()
                .filter(|(p, _)| p.strip_prefix(folder).is_some_and(|f| !f.contains('/')))
                .map(|(_, bytes)| bytes.len())
                .collect();
            let mean = sizes.iter().sum::<usize>() / sizes.len().max(1);
            assert!(
                sizes.len() > 1 && (BUCKET_BYTES / 2..=BUCKET_BYTES).contains(&mean),
                "{n} pages: {} buckets of {what} of {mean} bytes on average",
                sizes.len()
            );
        }
    }
}

#[test]
fn an_update_that_outgrows_the_buckets_moves_every_entry_as_a_build_does() {
    let mut documents = large_corpus(120);
    let limits = small();
    let mut index = Index::build_with(documents.clone(), "vi", limits);
    let before: HashMap<String, Vec<u8>> = index.files().into_iter().collect();
    let buckets = |files: &HashMap<String, Vec<u8>>| {
        let manifest: serde_json::Value =
            serde_json::from_slice(&files["search/vi/manifest.json"]).unwrap();
        manifest["buckets"].as_u64().unwrap()
    };
    // Enough new words to more than double what the words' buckets hold.
    let new_words: Vec<String> = (0..400).map(|i| format!("tu{i}moi")).collect();
    documents[5]
        .text
        .push_str(&format!(" {}", new_words.join(" ")));
    let changes = index.update(documents[5].clone());
    let full: HashMap<String, Vec<u8>> = Index::build_with(documents.clone(), "vi", limits)
        .files()
        .into_iter()
        .collect();
    assert!(buckets(&full) > buckets(&before), "the bucket count grew");
    let incremental: HashMap<String, Vec<u8>> = index.files().into_iter().collect();
    assert!(
        full == incremental,
        "an update gives the bytes of a full build"
    );
    let mut after = before.clone();
    for path in &changes.remove {
        after.remove(path);
    }
    after.extend(changes.write);
    assert!(
        after == full,
        "the changes lead from the old files to the new"
    );

    // And back: the words go, the buckets halve.
    documents[5] = large_corpus(120).swap_remove(5);
    index.update(documents[5].clone());
    let incremental: HashMap<String, Vec<u8>> = index.files().into_iter().collect();
    assert_eq!(buckets(&incremental), buckets(&before));
    assert!(incremental == before);
}

// ---------------------------------------------------------------------------------------
// Measurement on 10,000 synthetic pages (cargo test --release --lib search::tests::measure
// -- --ignored --nocapture).

const VI_WORDS: &str = "chuyển đổi số quốc gia dịch vụ công trực tuyến toàn trình người dân \
    doanh nghiệp hệ thống thông tin dữ liệu cơ sở hạ tầng an ninh mạng \
    phát triển chính phủ điện tử ứng dụng nền tảng quản lý hành thủ tục \
    cải cách năng lực trí tuệ nhân tạo đô thị minh kết nối chia sẻ \
    định danh xác thực thanh toán hồ sơ giấy tờ văn bản báo cáo kế hoạch \
    triển khai đánh giá hiệu quả chất lượng tiêu chuẩn quy định pháp luật \
    tỉnh thành phố huyện xã phường cán bộ công chức viên tổ chức \
    và của cho với trong các những được đã sẽ đang có không là một này \
    nhiều mới tốt hơn nhanh chóng thuận tiện minh bạch an toàn bảo mật";
const EN_WORDS: &str = "system data service platform network citizen government portal record \
    process workflow document identity payment security cloud migration \
    database interface standard registry archive budget policy project \
    report analysis metric latency throughput storage backup release build \
    deploy monitor audit review module component template index search \
    cache request response server client protocol format schema version \
    update feature support access account profile session token key \
    public private local regional national digital online offline mobile \
    the a of to and in for with on by from as at that this which each";
const VI_PHRASES: [&str; 10] = [
    "Chuyển đổi số quốc gia",
    "dịch vụ công trực tuyến toàn trình",
    "cơ sở dữ liệu quốc gia về dân cư",
    "định danh và xác thực điện tử",
    "kinh tế số và xã hội số",
    "thủ tục hành chính",
    "theo dõi tiến độ",
    "tỉnh Đắk Lắk",
    "Đề án 06",
    "hồ sơ trực tuyến toàn trình",
];

/// Like bench/gen_corpus.py: ~800 words a page from a small vocabulary, so that the common
/// words are on nine pages in ten (the hardest case for the bytes a query fetches).
pub(super) fn synthetic(n: usize) -> Vec<Document> {
    let vi: Vec<&str> = VI_WORDS.split_whitespace().collect();
    let en: Vec<&str> = EN_WORDS.split_whitespace().collect();
    let mut seed = 1u64;
    let mut next = move |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    (0..n)
        .map(|i| {
            let mut text = String::with_capacity(6000);
            let mut count = 0;
            while count < 800 {
                let pool = if next(2) == 0 { &vi } else { &en };
                for _ in 0..(3 + next(4)) {
                    let len = 8 + next(12);
                    for w in 0..len {
                        if w > 0 {
                            text.push(' ');
                        }
                        text.push_str(pool[next(pool.len())]);
                    }
                    if next(4) == 0 {
                        text.push(' ');
                        text.push_str(VI_PHRASES[next(VI_PHRASES.len())]);
                    }
                    text.push_str(". ");
                    count += len;
                }
                text.push('\n');
            }
            let section = i % 20;
            Document {
                url: format!("/muc-{section}/trang-{i}/"),
                title: format!(
                    "{} {} {}",
                    VI_PHRASES[next(VI_PHRASES.len())],
                    vi[next(vi.len())],
                    i
                ),
                kind: [Kind::Page, Kind::News, Kind::Document, Kind::Awareness][section % 4],
                group: None,
                breadcrumb: vec!["Trang chủ".into(), format!("Mục {section}")],
                weight: 0,
                text,
            }
        })
        .collect()
}

#[test]
#[ignore = "a measurement, run by hand with --release"]
fn measure() {
    let documents = synthetic(10_000);
    let words: usize = documents
        .iter()
        .map(|d| d.text.split_whitespace().count())
        .sum();
    let started = std::time::Instant::now();
    let cpu_started = cpu(libc::CLOCK_PROCESS_CPUTIME_ID);
    let index = Index::build(documents.clone(), "vi");
    let built = started.elapsed();
    let files = index.files();
    let total = started.elapsed();
    println!(
        "CPU time of the build and files: {:?}",
        cpu(libc::CLOCK_PROCESS_CPUTIME_ID) - cpu_started
    );
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let count = |prefix: &str| {
        let matching: Vec<usize> = files
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(_, b)| b.len())
            .collect();
        (matching.len(), matching.iter().sum::<usize>())
    };
    println!(
        "{} pages, {} words: index {:?}, with files {:?}; {} files, {} bytes",
        documents.len(),
        words,
        built,
        total,
        files.len(),
        bytes
    );
    for prefix in [
        "search/vi/manifest",
        "search/vi/idx/t/",
        "search/vi/idx/",
        "search/vi/doc/",
    ] {
        println!("  {prefix}: {:?} (files, bytes)", count(prefix));
    }
    let script = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/js/search.js"
    ))
    .map(|b| b.len())
    .unwrap_or(0);
    let map: HashMap<String, Vec<u8>> = files.into_iter().collect();
    let mut searcher = Searcher::open("vi", |p| map.get(p).cloned()).unwrap();
    let mut seen = 0;
    for (i, query) in [
        "chuyen doi so",
        "dich vu cong truc tuyen",
        "ho so truc tuyen toan trinh",
        "Đắk Lắk",
        "theo dõi tiến độ",
    ]
    .into_iter()
    .enumerate()
    {
        let started = std::time::Instant::now();
        let results = searcher.search(query, &Filters::default());
        for hit in results.hits.iter().take(RESULTS_PER_PAGE) {
            searcher.fragment(hit.doc);
        }
        let fetched: usize = searcher.fetched[seen..].iter().map(|f| f.1).sum();
        let files = searcher.fetched.len() - seen;
        seen = searcher.fetched.len();
        let with_script = if i == 0 { fetched + script } else { fetched };
        println!(
            "  {query:?}: {} results, {files} files, {with_script} bytes{} ({:?})",
            results.count,
            if i == 0 {
                " with search.js and manifest"
            } else {
                ""
            },
            started.elapsed()
        );
    }
}

/// CPU time of a clock (the process's, summed over threads): wall time on a loaded
/// machine says little.
fn cpu(clock: libc::clockid_t) -> std::time::Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into `t`, which outlives the call.
    unsafe { libc::clock_gettime(clock, &mut t) };
    std::time::Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Writes the index of a small corpus and of the 10,000 synthetic pages under
/// `$SEARCH_DUMP/{small,large}/`, with the Rust ranking of some queries in `expected.json`,
/// so that `search.js` can be checked against this file (by hand, in a browser or Node).
#[test]
#[ignore = "writes files, run by hand"]
fn dump() {
    let Some(dir) = std::env::var_os("SEARCH_DUMP") else {
        return;
    };
    let queries = [
        "chuyen doi so",
        "CHUYỂN ĐỔI SỐ",
        "chuyen đoi so",
        "Dak Lak",
        "Đắk Lắk",
        "ho so truc tuyen toan trinh",
        "NV-3.12",
        "nv 3.12",
        "NV312",
        "dvc-truc-tuyen-toan-trinh",
        "dich vu cong truc tuyen",
        "theo dõi",
        "so",
        "hoà",
    ];
    let mut small = corpus();
    small.extend(plan_corpus());
    for (name, documents) in [("small", small), ("large", synthetic(10_000))] {
        let root = std::path::Path::new(&dir).join(name);
        let files = Index::build_files_with(documents.clone(), "vi", Limits::default());
        for (path, bytes) in &files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let map: HashMap<String, Vec<u8>> = files.into_iter().collect();
        let mut searcher = Searcher::open("vi", |p| map.get(p).cloned()).unwrap();
        let mut expected = serde_json::Map::new();
        for query in queries {
            let results = searcher.search(query, &Filters::default());
            let hits: Vec<serde_json::Value> = results
                .hits
                .iter()
                .take(RESULTS_PER_PAGE)
                .map(|h| serde_json::json!([h.doc, h.score]))
                .collect();
            expected.insert(
                query.into(),
                serde_json::json!({"count": results.count, "hits": hits}),
            );
        }
        std::fs::write(
            root.join("expected.json"),
            serde_json::to_vec_pretty(&expected).unwrap(),
        )
        .unwrap();
    }
}
