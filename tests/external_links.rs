//! External link checking against a local server (127.0.0.1 only, never the internet):
//! `check --external` reports each dead link where it is written and fails, `build
//! --check-links-external` reports them as warnings and writes the site, and without either
//! flag no request is made.

mod common;

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{Run, command, run_command};

/// A tiny web server on 127.0.0.1 with one route for each answer the checker must judge.
/// It records every request (method, path, User-Agent) and stops when dropped.
struct Server {
    base: String,
    requests: Arc<Mutex<Vec<(String, String, String)>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a local port");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (requests, stop) = (Arc::clone(&requests), Arc::clone(&stop));
            std::thread::spawn(move || {
                // Requests to /slow are held here, unanswered, until the server stops.
                let mut held = Vec::new();
                while !stop.load(Ordering::SeqCst) {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(20)) else {
                        continue;
                    };
                    let method = request.method().as_str().to_string();
                    let path = request.url().to_string();
                    let agent = request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv("User-Agent"))
                        .map(|h| h.value.to_string())
                        .unwrap_or_default();
                    requests
                        .lock()
                        .unwrap()
                        .push((method.clone(), path.clone(), agent));
                    let redirect = |to: &str| {
                        tiny_http::Response::empty(302).with_header(
                            tiny_http::Header::from_bytes("Location", to).expect("a header"),
                        )
                    };
                    let route = path.split('?').next().unwrap_or("");
                    let response = match (method.as_str(), route) {
                        (_, "/slow") => {
                            held.push(request);
                            continue;
                        }
                        (_, "/ok") => tiny_http::Response::empty(200),
                        (_, "/moved") => redirect("/ok?from=moved"),
                        (_, "/loop") => redirect("/loop"),
                        ("HEAD", "/no-head") => tiny_http::Response::empty(405),
                        (_, "/no-head") => tiny_http::Response::empty(200),
                        (_, "/busy") => tiny_http::Response::empty(503),
                        _ => tiny_http::Response::empty(404),
                    };
                    let _ = request.respond(response);
                }
                drop(held);
            })
        };
        Server {
            base: format!("http://127.0.0.1:{port}"),
            requests,
            stop,
            thread: Some(thread),
        }
    }

    /// The requests made for `path`, by method, in order.
    fn requests_for(&self, path: &str) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(_, p, _)| p == path)
            .map(|(method, _, _)| method.clone())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An address on 127.0.0.1 where nothing listens (the connection is refused).
fn closed_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

const PAGE: &str = "+++
title = \"Liên kết\"
[extra]
nguon = \"BASE/gone#tu-front-matter\"
+++

Xem [trang sống](BASE/ok) và [lại trang đó](BASE/ok#muc).
- [Đã xoá](BASE/gone)
- [Chuyển hướng](BASE/moved)
- [Không nhận HEAD](BASE/no-head)
- [Chậm](BASE/slow)
- [Bận](BASE/busy)
- [Vòng](BASE/loop)
- [Đóng][dong] và <a href=\"BASE/ok?a=1&amp;b=2\">HTML</a>
- [Thư](mailto:so@example.gov.vn), [gọi](tel:+842363000000), [trang chủ](@/_index.md)

[dong]: CLOSED/x
";

/// A small site in a temp folder whose pages link to `server`'s routes.
struct LinkSite {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    page: String,
    /// The address where nothing listens.
    closed: String,
}

impl LinkSite {
    fn new(server: &Server) -> LinkSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        let closed = closed_address();
        let page = PAGE
            .replace("BASE", &server.base)
            .replace("CLOSED", &closed);
        let files = [
            (
                "site-config.toml",
                "title = \"Liên kết\"\nbase_url = \"https://example.gov.vn\"\nlanguages = [\"vi\"]\nas_of = 2025-09-30\n"
                    .to_string(),
            ),
            (
                "content/_index.md",
                format!(
                    "+++\ntitle = \"Trang chủ\"\n+++\n\n[Liên kết](@/lien-ket.md) và [một trang đã xoá]({}/gone).\n",
                    server.base
                ),
            ),
            ("content/lien-ket.md", page.clone()),
            (
                "content/nhap.md",
                format!(
                    "+++\ntitle = \"Nháp\"\ndraft = true\n+++\n\n[Nháp]({}/draft-only)\n",
                    server.base
                ),
            ),
        ];
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        LinkSite {
            _dir: dir,
            root,
            page,
            closed,
        }
    }

    /// Runs `minhbach ARGS --root SITE` with colours off and no proxy from the environment
    /// (the client honours one, and the test server is on this machine).
    fn run(&self, args: &[&str]) -> Run {
        let mut command = command();
        command.args(args).arg("--root").arg(&self.root);
        for proxy in ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"] {
            command
                .env_remove(proxy)
                .env_remove(proxy.to_ascii_lowercase());
        }
        run_command(&mut command)
    }

    /// `content/lien-ket.md:LINE:COLUMN` of the `nth` (from 0) place where `needle` is written.
    fn place(&self, needle: &str, nth: usize) -> String {
        let at = self
            .page
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle} is not written {} times", nth + 1))
            .0;
        let before = &self.page[..at];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        format!("content/lien-ket.md:{line}:{column}")
    }
}

/// Every reported problem as (`severity[code]`, `file:line:column`), in the printed order.
fn reported(stderr: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut lines = stderr.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(head) = line.split(']').next().filter(|h| {
            (h.starts_with("error[") || h.starts_with("warning[")) && line.contains("]: ")
        }) else {
            continue;
        };
        let place = lines
            .next()
            .and_then(|l| l.trim().strip_prefix("--> "))
            .unwrap_or("")
            .to_string();
        found.push((format!("{head}]"), place));
    }
    found
}

#[test]
fn check_external_reports_dead_links_where_they_are_written_and_fails() {
    let server = Server::start();
    let site = LinkSite::new(&server);
    let started = Instant::now();
    let run = site.run(&["check", "--external", "--external-timeout", "1"]);
    let took = started.elapsed();
    run.assert_fails(1);
    let base = &server.base;
    let dead = "error[external-link]".to_string();
    assert_eq!(
        reported(&run.stderr),
        [
            (
                dead.clone(),
                format!(
                    "content/_index.md:5:{}",
                    "[Liên kết](@/lien-ket.md) và [một trang đã xoá]("
                        .chars()
                        .count()
                        + 1
                )
            ),
            (dead.clone(), site.place(&format!("{base}/gone#tu"), 0)),
            (dead.clone(), site.place(&format!("{base}/gone)"), 0)),
            (dead.clone(), site.place(&format!("{base}/slow"), 0)),
            (
                "warning[external-link-unconfirmed]".to_string(),
                site.place(&format!("{base}/busy"), 0)
            ),
            (dead.clone(), site.place(&format!("{base}/loop"), 0)),
            (dead.clone(), site.place(&format!("{}/x", site.closed), 0)),
        ],
        "{}",
        run.stderr
    );
    let err = &run.stderr;
    // Each is worded with its reason, quotes its line and says what to do.
    assert!(
        err.contains(&format!(
            "the link to {base}/gone is dead: the server answers 404 Not Found"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("- [Đã xoá]({base}/gone)")),
        "the line is quoted: {err}"
    );
    assert!(
        err.contains(&format!(
            "the link to {base}/slow is dead: no answer within 1 s"
        )),
        "{err}"
    );
    assert!(err.contains("redirects too many times"), "{err}");
    assert!(err.contains("the connection failed"), "{err}");
    assert!(
        err.contains(&format!(
            "the link to {base}/busy could not be confirmed: the server answers 503"
        )),
        "{err}"
    );
    assert!(err.contains("= hint: correct the address"), "{err}");
    // The timeout holds: the slow route costs about a second, not ten.
    assert!(took < Duration::from_secs(8), "took {took:?}");

    // Each address is asked for once, whatever its fragment or however often it is linked;
    // HEAD first, GET only when HEAD is refused; never a draft's link.
    assert_eq!(server.requests_for("/ok"), ["HEAD"]);
    assert_eq!(server.requests_for("/moved"), ["HEAD"]);
    assert_eq!(server.requests_for("/ok?from=moved"), ["HEAD"]);
    assert_eq!(server.requests_for("/ok?a=1&b=2"), ["HEAD"]);
    assert_eq!(server.requests_for("/no-head"), ["HEAD", "GET"]);
    assert_eq!(server.requests_for("/gone"), ["HEAD", "GET"]);
    assert_eq!(server.requests_for("/busy"), ["HEAD", "GET"]);
    assert!(server.requests_for("/draft-only").is_empty());
    let requests = server.requests.lock().unwrap().clone();
    assert!(
        requests
            .iter()
            .all(|(_, _, agent)| agent.starts_with("minhbach/")),
        "{requests:?}"
    );
}

#[test]
fn build_with_external_links_warns_and_writes_the_site() {
    let server = Server::start();
    let site = LinkSite::new(&server);
    let run = site.run(&["build", "--check-links-external", "--external-timeout", "1"]);
    run.assert_ok();
    let found = reported(&run.stderr);
    assert!(
        found.contains(&(
            "warning[external-link]".to_string(),
            site.place(&format!("{}/gone)", server.base), 0)
        )),
        "{}",
        run.stderr
    );
    assert!(
        found.iter().all(|(code, _)| code.starts_with("warning[")),
        "{found:?}"
    );
    assert!(site.root.join("public/lien-ket/index.html").is_file());
    assert!(
        run.stdout.contains(
            "External links: 12 links to 9 addresses asked for: 4 dead, 1 could not be confirmed."
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn without_the_flag_nothing_is_asked_for() {
    let server = Server::start();
    let site = LinkSite::new(&server);
    site.run(&["check"]).assert_ok();
    site.run(&["build"]).assert_ok();
    assert!(
        server.requests.lock().unwrap().is_empty(),
        "{:?}",
        server.requests.lock().unwrap()
    );
    // The timeout is only for a run that asks.
    site.run(&["check", "--external-timeout", "1"])
        .assert_fails(2);
}
