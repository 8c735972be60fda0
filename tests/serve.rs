//! `minhbach serve` on port 0 over a fixture site: pages, the 404 page, refused paths.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use common::Site;

/// A running `serve`, stopped when dropped so no test leaves a server behind.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site) -> Server {
    start_with(site, true)
}

/// Starts `serve`; with `wait_for_build`, returns once the first build is done.
fn start_with(site: &Site, wait_for_build: bool) -> Server {
    start_speaking(site, wait_for_build, "en")
}

/// Starts `serve` with its messages in `lang`.
fn start_speaking(site: &Site, wait_for_build: bool, lang: &str) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    command
        .args(["serve", "--port", "0", "--lang", lang, "--root"])
        .arg(&site.root);
    attach(command, wait_for_build)
}

/// Starts `command` (a `serve`) and reads its address.
fn attach(mut command: Command, wait_for_build: bool) -> Server {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().unwrap();
    let mut address = None;
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some((_, rest)) = line.split_once(" http://") {
            address = Some(rest.split('/').next().unwrap().to_string());
            break;
        }
    }
    let address = address.expect("serve printed its address");
    // Pages are answered from the start; wait for the first build to be done.
    if wait_for_build {
        for line in lines.by_ref() {
            let line = line.unwrap();
            if line.contains(" ms.")
                || line.contains("still served")
                || line.contains("tốt gần nhất")
            {
                break;
            }
        }
    }
    // Keep reading what it prints, as a terminal would.
    std::thread::spawn(move || for _ in lines {});
    Server { child, address }
}

/// The private folder the `serve` of process `pid` builds into.
fn preview_folder(pid: u32) -> Option<std::path::PathBuf> {
    let prefix = format!("minhbach-serve-{pid}-");
    std::fs::read_dir(std::env::temp_dir())
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        })
}

/// Enough pages that the first build takes a while.
fn add_many_pages(site: &Site) {
    let page = "+++\ntitle = \"Tin\"\n+++\n\nMột đoạn tin về chuyển đổi số.\n";
    for i in 0..3000 {
        site.write(&format!("content/tin-tuc/tin-{i}.md"), page);
    }
}

/// (status code, headers, body) of a raw HTTP/1.0 request.
fn request(server: &Server, method: &str, path: &str) -> (u16, String, String) {
    request_as(server, method, path, &server.address)
}

/// A request that names `host` in its `Host` header.
fn request_as(server: &Server, method: &str, path: &str, host: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(stream, "{method} {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

#[test]
fn serves_pages_the_404_page_and_refuses_paths_outside_the_site() {
    let site = Site::fixture("basic");
    let server = start(&site);

    let (status, head, body) = request(&server, "GET", "/gioi-thieu/");
    assert_eq!(status, 200);
    assert!(head.contains("text/html; charset=utf-8"), "{head}");
    assert!(body.contains("<h1>Giới thiệu</h1>"));
    // Links point at the local server, not the configured base_url.
    assert!(
        body.contains(&format!("href=\"http://{}/gioi-thieu/\"", server.address)),
        "{body}"
    );

    let (status, _, body) = request(&server, "GET", "/khong-co/");
    assert_eq!(status, 404);
    assert!(body.contains("Không tìm thấy trang"));

    let (status, head, body) = request(&server, "HEAD", "/css/main.css");
    assert_eq!(status, 200);
    assert!(head.contains("text/css"));
    assert!(body.is_empty());

    for path in [
        "/../site-config.toml",
        "/%2e%2e/site-config.toml",
        "/..%5csite-config.toml",
    ] {
        let (status, _, body) = request(&server, "GET", path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("base_url"), "{path}");
    }
    // `serve` never touches the site's own output folder.
    assert!(!site.path("public").exists());
}

/// Polls `check` until it holds, for at most ten seconds.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_secs(10) {
        if check() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{what} did not happen within 10 s");
}

#[test]
fn saved_changes_are_served_and_errors_show_over_the_last_good_site() {
    let site = Site::fixture("basic");
    let server = start(&site);

    let page = std::fs::read_to_string(site.path("content/gioi-thieu.md")).unwrap();
    site.write(
        "content/gioi-thieu.md",
        &page.replace("Đoạn mở đầu.", "Đoạn mở đầu đã sửa."),
    );
    eventually("the edited page is served", || {
        request(&server, "GET", "/gioi-thieu/")
            .2
            .contains("Đoạn mở đầu đã sửa.")
    });

    site.write("templates/page.html", "{% extends \"base.html\" %}{% block main %}<p class=\"tpl-mark\">{{ page.title }}</p>{% endblock main %}");
    eventually("the new template is used", || {
        request(&server, "GET", "/gioi-thieu/")
            .2
            .contains("tpl-mark")
    });

    site.remove("content/tin-tuc/tin-1.md");
    eventually("a deleted page is gone", || {
        request(&server, "GET", "/tin-tuc/tin-1/").0 == 404
    });

    site.write("content/hong.md", "+++\ntitle = \"Hỏng\ndate = 2025\n+++\n");
    eventually("the error is shown over the page", || {
        let body = request(&server, "GET", "/gioi-thieu/").2;
        body.contains("<div id=\"minhbach-overlay\" role=\"alert\"")
            && body.contains("content/hong.md:2")
    });
    // The last good version is still what is served under the overlay.
    assert!(
        request(&server, "GET", "/gioi-thieu/")
            .2
            .contains("tpl-mark")
    );

    site.write("content/hong.md", "+++\ntitle = \"Đã sửa\"\n+++\n");
    eventually("the overlay is gone after the fix", || {
        let body = request(&server, "GET", "/hong/").2;
        !body.contains("<div id=\"minhbach-overlay\"") && body.contains("Đã sửa")
    });
}

#[test]
fn a_site_named_by_a_relative_path_is_rebuilt_when_saved() {
    let site = Site::fixture("basic");
    let (parent, name) = (site.root.parent().unwrap(), site.root.file_name().unwrap());
    let mut command = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    command
        .current_dir(parent)
        .args(["serve", "--port", "0", "--lang", "en", "--root"])
        .arg(name);
    let server = attach(command, true);
    let page = std::fs::read_to_string(site.path("content/gioi-thieu.md")).unwrap();
    site.write(
        "content/gioi-thieu.md",
        &page.replace("Đoạn mở đầu.", "Đoạn mở đầu đã sửa."),
    );
    eventually("the edited page is served", || {
        request(&server, "GET", "/gioi-thieu/")
            .2
            .contains("Đoạn mở đầu đã sửa.")
    });
}

#[test]
fn a_changed_data_file_re_renders_its_indicator() {
    let site = Site::fixture("plan");
    let server = start(&site);
    assert!(
        request(&server, "GET", "/kh/chi-tieu/dvc/")
            .2
            .contains("85%")
    );
    let data = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    site.write(
        "content/kh/data/tien-do.csv",
        &data.replace("dvc,2025-09,85,,Quý 3,", "dvc,2025-09,91,,Quý 3,"),
    );
    eventually("the new reading is served", || {
        let body = request(&server, "GET", "/kh/chi-tieu/dvc/").2;
        body.contains("91%") && body.contains("Đã đạt")
    });
}

#[test]
fn open_pages_are_told_to_reload() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET /__minhbach/live HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    // The page's script is added as pages are served, never written to the site.
    assert!(request(&server, "GET", "/").2.contains("/__minhbach/live"));
    let page = std::fs::read_to_string(site.path("content/gioi-thieu.md")).unwrap();
    site.write(
        "content/gioi-thieu.md",
        &page.replace("Đoạn mở đầu.", "Mới."),
    );
    let mut seen = String::new();
    while !seen.contains("event: reload") {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("event: reload"), "{seen}");
}

#[test]
fn fifty_clients_at_once_are_all_answered() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let address = server.address.clone();
    let threads: Vec<_> = (0..50)
        .map(|i| {
            let address = address.clone();
            std::thread::spawn(move || {
                let path = if i % 2 == 0 {
                    "/gioi-thieu/"
                } else {
                    "/css/main.css"
                };
                let mut stream = TcpStream::connect(&address).unwrap();
                write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
                let mut response = String::new();
                stream.read_to_string(&mut response).unwrap();
                response.starts_with("HTTP/1.1 200") || response.starts_with("HTTP/1.0 200")
            })
        })
        .collect();
    let answered = threads
        .into_iter()
        .map(|t| t.join())
        .filter(|r| matches!(r, Ok(true)))
        .count();
    assert_eq!(answered, 50);
}

#[test]
fn a_request_for_another_host_is_refused() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    for host in [format!("evil.example:{port}"), "127.0.0.1:1".to_string()] {
        let (status, _, body) = request_as(&server, "GET", "/gioi-thieu/", &host);
        assert_eq!(status, 421, "{host}");
        assert!(!body.contains("Giới thiệu"), "{host}: {body}");
    }
    for host in [format!("localhost:{port}"), server.address.clone()] {
        assert_eq!(
            request_as(&server, "GET", "/gioi-thieu/", &host).0,
            200,
            "{host}"
        );
    }
}

#[test]
fn oversized_request_headers_are_refused() {
    let site = Site::fixture("basic");
    let server = start(&site);
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let cookie = "x".repeat(20_000);
    write!(
        stream,
        "GET / HTTP/1.0\r\nHost: {}\r\nCookie: {cookie}\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.0 431") || response.starts_with("HTTP/1.1 431"),
        "{response}"
    );
}

#[test]
fn event_streams_beyond_the_cap_poll_instead_of_taking_a_thread() {
    let site = Site::fixture("basic");
    let server = start(&site);
    // Open more event streams than the server keeps threads for.
    let mut open = Vec::new();
    for _ in 0..40 {
        let mut stream = TcpStream::connect(&server.address).unwrap();
        write!(
            stream,
            "GET /__minhbach/live HTTP/1.0\r\nHost: {}\r\n\r\n",
            server.address
        )
        .unwrap();
        open.push(stream);
    }
    // The last ones are answered at once and closed, telling the page to ask again.
    let mut last = open.pop().unwrap();
    last.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    last.read_to_string(&mut answer).unwrap();
    assert!(answer.contains("retry: "), "{answer}");
    assert!(answer.contains("event: hello"), "{answer}");
    // Ordinary pages are still served.
    assert_eq!(request(&server, "GET", "/gioi-thieu/").0, 200);
}

#[cfg(target_os = "linux")]
#[test]
fn the_preview_folder_is_private_and_new() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::fixture("basic");
    let server = start(&site);
    let pid = server.child.id();
    let folder = preview_folder(pid).expect("the preview folder");
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
    // Its name cannot be guessed from the process id alone.
    let name = folder.file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.len() > format!("minhbach-serve-{pid}-").len(),
        "{name}"
    );
}

#[test]
fn requests_during_the_first_build_get_a_page_that_reloads_itself() {
    let site = Site::fixture("basic");
    add_many_pages(&site);
    let server = start_speaking(&site, false, "vi");
    let (status, head, body) = request(&server, "GET", "/gioi-thieu/");
    assert_eq!(status, 503, "{head}");
    assert!(body.contains("http-equiv=\"refresh\""), "{body}");
    assert!(body.contains("<html lang=\"vi\">"), "{body}");
    assert!(body.contains("Đang dựng trang"), "{body}");
}

#[test]
fn a_vietnamese_site_shows_its_errors_in_vietnamese_over_the_page() {
    let site = Site::fixture("basic");
    let server = start_speaking(&site, true, "vi");
    site.write("content/hong.md", "+++\ntitle = \"Hỏng\ndate = 2025\n+++\n");
    eventually("the error is shown over the page in Vietnamese", || {
        let body = request(&server, "GET", "/gioi-thieu/").2;
        body.contains("<div id=\"minhbach-overlay\" role=\"alert\" lang=\"vi\"")
            && body.contains("minhbach: trang có lỗi")
            && body.contains("lỗi[")
            && body.contains("content/hong.md:2")
    });
    // The script that draws the overlay for pages already open says the same.
    let body = request(&server, "GET", "/gioi-thieu/").2;
    assert!(
        body.contains("h.textContent=\"minhbach: trang có lỗi"),
        "{body}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_during_the_first_build_takes_the_preview_folder_with_it() {
    let site = Site::fixture("basic");
    add_many_pages(&site);
    let mut server = start_with(&site, false);
    let pid = server.child.id();
    let folder = preview_folder(pid).expect("the preview folder exists from the start");
    // SAFETY: signalling our own child process.
    unsafe { libc::kill(pid as libc::pid_t, libc::SIGINT) };
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(!folder.exists(), "{} was left behind", folder.display());
}

#[test]
fn the_preview_shows_a_scheduled_article_with_a_banner() {
    let site = Site::fixture("basic");
    site.write(
        "content/tin-tuc/sap-toi.md",
        "+++\ntitle = \"Ra mắt ứng dụng\"\ndate = 2999-01-01\n+++\n\nSẽ ra mắt.\n",
    );
    let server = start(&site);
    let (status, _, body) = request(&server, "GET", "/tin-tuc/sap-toi/");
    assert_eq!(status, 200);
    assert!(body.contains("class=\"preview-banner\""), "{body}");
    assert!(body.contains("Đã hẹn giờ"), "{body}");
    // An article already published has no banner.
    let (_, _, body) = request(&server, "GET", "/gioi-thieu/");
    assert!(!body.contains("preview-banner"), "{body}");
}
