//! Share cards: every page names an `og:image` by its absolute address, the file is a PNG
//! of 1200×630 pixels, an unchanged rebuild leaves the cards as they were, and a changed
//! reading changes its target's card (and only the cards that show it). `serve` draws a
//! card when it is asked for, and never writes one into its folder.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use common::Site;

const BASE: &str = "https://example.gov.vn";

/// The plan fixture with a plain page, built.
fn built() -> Site {
    let site = Site::fixture("plan");
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\n\nMột trang bình thường.\n",
    );
    site.build().assert_ok();
    site
}

/// The `content` of the `<meta>` whose `property` or `name` is `key`.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    ["property", "name"].iter().find_map(|attr| {
        let start = html.find(&format!("<meta {attr}=\"{key}\" content=\""))?;
        let rest = &html[start..];
        let value = &rest[rest.find("content=\"")? + 9..];
        Some(&value[..value.find('"')?])
    })
}

/// The width and height a PNG's IHDR chunk states, after checking the signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.len() > 24, "too short for a PNG");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "IHDR is the first chunk");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

/// The page's card: its address, and the file in the output it names.
fn card_of(site: &Site, page: &str) -> (String, std::path::PathBuf) {
    let html = site.output(page);
    let url = meta(&html, "og:image")
        .unwrap_or_else(|| panic!("{page} has no og:image"))
        .to_string();
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{page}: {url} is not an absolute address on the site"));
    (
        url.clone(),
        site.path("public").join(path.trim_start_matches('/')),
    )
}

/// Every card of the output, by file name.
fn cards(site: &Site) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(site.path("public/og"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_page_names_a_card_that_is_a_png_of_1200_by_630() {
    let site = built();
    let pages = [
        "kh/chi-tieu/dvc/index.html",
        "kh/index.html",
        "gioi-thieu/index.html",
        "index.html",
        "en/kh/chi-tieu/dvc/index.html",
        "404.html",
    ];
    for page in pages {
        let html = site.output(page);
        let (url, file) = card_of(&site, page);
        assert!(url.starts_with(&format!("{BASE}/og/")), "{page}: {url}");
        assert!(url.ends_with(".png"));
        let bytes = std::fs::read(&file).unwrap_or_else(|_| panic!("{page}: {url} is missing"));
        assert_eq!(png_size(&bytes), (1200, 630), "{page}");
        assert_eq!(meta(&html, "og:image:width"), Some("1200"));
        assert_eq!(meta(&html, "og:image:height"), Some("630"));
        assert_eq!(meta(&html, "og:image:type"), Some("image/png"));
        assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
        assert!(!meta(&html, "og:image:alt").unwrap_or("").is_empty());
        for key in ["og:title", "og:url", "og:description"] {
            assert!(meta(&html, key).is_some(), "{page} has no {key}");
        }
    }
    // A target's card says its figures in words, which is also the page's description.
    let html = site.output("kh/chi-tieu/dvc/index.html");
    let alt = meta(&html, "og:image:alt").unwrap();
    assert!(alt.contains("85%") && alt.contains("Đúng tiến độ"), "{alt}");
    assert_eq!(meta(&html, "description"), Some(alt));
    let english = site.output("en/kh/chi-tieu/dvc/index.html");
    assert!(meta(&english, "og:image:alt").unwrap().contains("target"));
    // The plan's pages show its headline; plain pages share their language's site card.
    let plan = meta(&site.output("kh/index.html"), "og:image:alt")
        .unwrap()
        .to_string();
    assert!(plan.contains("chỉ tiêu đã đạt hoặc đúng tiến độ"), "{plan}");
    assert_eq!(
        card_of(&site, "kh/nhiem-vu/index.html").0,
        card_of(&site, "kh/index.html").0
    );
    assert_eq!(
        card_of(&site, "gioi-thieu/index.html").0,
        card_of(&site, "index.html").0
    );
    assert_eq!(card_of(&site, "404.html").0, card_of(&site, "index.html").0);
    assert_ne!(
        card_of(&site, "en/index.html").0,
        card_of(&site, "index.html").0
    );
    // Only distinct cards are drawn: sites' (2), plan's (2), and one per target and language.
    let targets = std::fs::read_to_string(site.path("content/kh/indicators.toml"))
        .unwrap()
        .matches("[[indicator]]")
        .count();
    assert!(targets > 1);
    assert_eq!(cards(&site).len(), 2 + 2 + 2 * targets);
}

#[test]
fn an_unchanged_rebuild_keeps_the_cards_and_a_new_reading_changes_its_targets_card() {
    let site = built();
    let before = cards(&site);
    let (dvc_url, _) = card_of(&site, "kh/chi-tieu/dvc/index.html");
    let (other_url, _) = card_of(&site, "kh/chi-tieu/ngay-xu-ly/index.html");
    let (home_url, _) = card_of(&site, "index.html");
    let modified = |name: &str| {
        std::fs::metadata(site.path("public/og").join(name))
            .unwrap()
            .modified()
            .unwrap()
    };
    let dvc_name = dvc_url.rsplit('/').next().unwrap().to_string();
    let written = modified(&dvc_name);

    site.build().assert_ok();
    assert_eq!(cards(&site), before, "the same cards, byte for byte");
    assert_eq!(
        modified(&dvc_name),
        written,
        "an unchanged card is not written again"
    );

    let data = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    site.write(
        "content/kh/data/tien-do.csv",
        &data.replace("dvc,2025-09,85,,Quý 3,", "dvc,2025-09,87,,Quý 3,"),
    );
    site.build().assert_ok();
    let (new_url, new_file) = card_of(&site, "kh/chi-tieu/dvc/index.html");
    assert_ne!(new_url, dvc_url, "a changed card gets a new address");
    let new_bytes = std::fs::read(&new_file).unwrap();
    assert_eq!(png_size(&new_bytes), (1200, 630));
    assert_ne!(Some(&new_bytes), before.get(&dvc_name));
    assert!(
        !site.path("public/og").join(&dvc_name).exists(),
        "the old card is removed"
    );
    let alt = meta(&site.output("kh/chi-tieu/dvc/index.html"), "og:image:alt")
        .unwrap()
        .to_string();
    assert!(alt.contains("87%"), "{alt}");
    // Cards that do not show the reading stay as they were.
    assert_eq!(
        card_of(&site, "kh/chi-tieu/ngay-xu-ly/index.html").0,
        other_url
    );
    assert_eq!(card_of(&site, "index.html").0, home_url);
}

#[test]
fn a_long_title_is_wrapped_and_shortened_on_its_card() {
    let site = Site::fixture("plan");
    let config = std::fs::read_to_string(site.path("site-config.toml")).unwrap();
    let long = "Cổng thông tin công khai kế hoạch chuyển đổi số ".repeat(6);
    site.write(
        "site-config.toml",
        &config.replace(
            "\"Cổng kế hoạch thử nghiệm\"",
            &format!("\"{}\"", long.trim()),
        ),
    );
    site.build().assert_ok();
    let (_, file) = card_of(&site, "index.html");
    assert_eq!(png_size(&std::fs::read(file).unwrap()), (1200, 630));
}

/// (status, headers, body bytes) of a GET to a running `serve`.
fn get(address: &str, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, response[split + 4..].to_vec())
}

#[test]
fn serve_draws_a_card_when_it_is_asked_for() {
    let site = Site::fixture("plan");
    let mut child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["serve", "--port", "0", "--lang", "en", "--root"])
        .arg(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut address = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some((_, rest)) = line.split_once(" http://") {
            address = rest.split('/').next().unwrap().to_string();
        }
        if line.contains(" ms.") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    let pid = child.id();

    let (status, _, page) = get(&address, "/kh/chi-tieu/dvc/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    let url = meta(&page, "og:image").expect("og:image").to_string();
    let path = url
        .strip_prefix(&format!("http://{address}"))
        .expect("the card's address is on the preview server");
    // Not drawn by the build: the preview's folder holds no cards.
    let folder = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("minhbach-serve-{pid}-")))
        })
        .expect("the preview folder");
    assert!(folder.join("kh/chi-tieu/dvc/index.html").exists());
    assert!(!folder.join("og").exists());
    // Drawn when asked for, the same bytes each time.
    let (status, head, png) = get(&address, path);
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("image/png"), "{head}");
    assert_eq!(png_size(&png), (1200, 630));
    assert_eq!(get(&address, path).2, png);
    let (status, _, _) = get(&address, "/og/khong-co-0000000000000000.png");
    assert_eq!(status, 404);
    let _ = child.kill();
    let _ = child.wait();
}
