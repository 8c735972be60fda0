//! The preview server's HTTP side (I/O): files of the output folder with the right
//! Content-Type, the site's 404 page, no caching, live-reload events; paths that could leave
//! the folder are refused, and so are requests for another host (DNS rebinding) and
//! oversized headers. Threads stay bounded: a few workers, and a capped number of open
//! event streams (pages beyond the cap poll instead). The request-to-file mapping and the
//! host check are pure functions, tested alone.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::live::{self, Hub};
use crate::render::cards::{self, CardFile};
use crate::{html, messages, t};

/// Threads answering ordinary requests; each open page's event stream gets its own thread.
const WORKERS: usize = 8;
/// How often an idle event stream sends a comment, so closed pages are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// Event streams held open at once; each has a thread. Pages beyond this poll.
const MAX_STREAMS: usize = 32;
/// How long a polling page waits before asking again, in milliseconds.
const POLL_MS: u32 = 2000;
/// The most header bytes a request may send.
const MAX_HEADER_BYTES: usize = 16 * 1024;
/// How long a request for a page still to be rendered waits for it before it is answered
/// with the page as it was.
const PENDING_WAIT: Duration = Duration::from_secs(20);

/// What the server serves from.
pub struct Served {
    pub folder: PathBuf,
    pub hub: Hub,
    /// The address the server listens on (the port a `Host` must name).
    address: SocketAddr,
    /// Set once the first build is done.
    ready: AtomicBool,
    streams: AtomicUsize,
    cards: Mutex<CardStore>,
    pub pending: Pending,
}

/// The outputs a change left to render in the background, and those a request waits for:
/// a page asked for before its turn is rendered next.
#[derive(Default)]
pub struct Pending {
    state: Mutex<PendingState>,
    changed: Condvar,
}

#[derive(Default)]
struct PendingState {
    paths: BTreeSet<String>,
    wanted: Vec<String>,
}

impl Pending {
    fn state(&self) -> std::sync::MutexGuard<'_, PendingState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The outputs now left to render (output paths, `tin-tuc/a/index.html`).
    pub fn set<'a>(&self, paths: impl IntoIterator<Item = &'a str>) {
        let mut state = self.state();
        let PendingState {
            paths: left,
            wanted,
        } = &mut *state;
        *left = paths.into_iter().map(String::from).collect();
        wanted.retain(|path| left.contains(path));
        self.changed.notify_all();
    }

    /// `paths` are rendered and written.
    pub fn done(&self, paths: &[String]) {
        let mut state = self.state();
        for path in paths {
            state.paths.remove(path);
        }
        self.changed.notify_all();
    }

    pub fn is_empty(&self) -> bool {
        self.state().paths.is_empty()
    }

    /// The outputs requests are waiting for, to render before the others.
    pub fn take_wanted(&self) -> Vec<String> {
        std::mem::take(&mut self.state().wanted)
    }

    /// When `path` is still to be rendered: asks for it and waits until it is written (or
    /// `limit` passes). Returns at once for any other path.
    fn wait_for(&self, path: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut state = self.state();
        if !state.paths.contains(path) {
            return;
        }
        state.wanted.push(path.to_string());
        while state.paths.contains(path) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

/// The share cards of the current build, drawn the first time a page's reader (or a test)
/// asks for one, and kept while the build still shows them.
#[derive(Default)]
struct CardStore {
    cards: BTreeMap<String, Arc<CardFile>>,
    drawn: BTreeMap<String, Arc<Vec<u8>>>,
}

impl Served {
    pub fn new(folder: PathBuf, address: SocketAddr) -> Served {
        Served {
            folder,
            hub: Hub::default(),
            address,
            ready: AtomicBool::new(false),
            streams: AtomicUsize::new(0),
            cards: Mutex::new(CardStore::default()),
            pending: Pending::default(),
        }
    }

    /// The share cards the pages now show, by output path (a card's path names its content,
    /// so one already drawn stays good).
    pub fn set_cards(&self, cards: &BTreeMap<String, Arc<CardFile>>) {
        let mut store = self.cards.lock().unwrap_or_else(|e| e.into_inner());
        store.drawn.retain(|path, _| cards.contains_key(path));
        store.cards = cards.clone();
    }

    /// The PNG of the share card at `url`, drawn now if it was not yet; `None` when no
    /// page shows a card there.
    pub fn card(&self, url: &str) -> Option<Result<Arc<Vec<u8>>, String>> {
        let path = url.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_start_matches('/');
        let card = {
            let store = self.cards.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(png) = store.drawn.get(path) {
                return Some(Ok(Arc::clone(png)));
            }
            Arc::clone(store.cards.get(path)?)
        };
        // Drawn without the lock, so other requests are not held up.
        let png = match cards::draw(&card) {
            Ok(png) => Arc::new(png),
            Err(problem) => return Some(Err(problem.message)),
        };
        let mut store = self.cards.lock().unwrap_or_else(|e| e.into_inner());
        if store.cards.contains_key(path) {
            store.drawn.insert(path.to_string(), Arc::clone(&png));
        }
        Some(Ok(png))
    }

    pub fn set_ready(&self) {
        self.ready.store(true, Ordering::SeqCst);
    }
}

/// Counts an open event stream while it lives.
struct StreamSlot(Arc<Served>);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers requests until the process ends.
pub fn serve(server: Arc<Server>, served: Arc<Served>) {
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let served = Arc::clone(&served);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    respond(&served, request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
}

fn respond(served: &Arc<Served>, request: Request) {
    let head = *request.method() == Method::Head;
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
        .sum();
    if header_bytes > MAX_HEADER_BYTES {
        let _ = request.respond(plain(431, &t!("serve-header-too-large")));
        return;
    }
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !host_allowed(host.as_deref(), served.address) {
        // A page of another site whose name was pointed at this computer (DNS rebinding)
        // must not read the preview.
        let _ = request.respond(plain(421, &t!("serve-wrong-host")));
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(plain(405, &t!("serve-method-not-allowed")));
        return;
    }
    let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
    if path == live::EVENTS_PATH {
        let page = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("page="))
            .and_then(percent_decode);
        if served.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
            served.streams.fetch_sub(1, Ordering::SeqCst);
            // No thread for this page: it is told the state now and asks again soon.
            let _ = request.respond(
                Response::from_string(served.hub.poll_answer(POLL_MS))
                    .with_header(header("Content-Type", "text/event-stream; charset=utf-8"))
                    .with_header(header("Cache-Control", "no-store"))
                    // The connection ends with the answer, so it holds no thread either.
                    .with_header(header("Connection", "close")),
            );
            return;
        }
        let slot = StreamSlot(Arc::clone(served));
        let events = served.hub.subscribe(page);
        // An event stream stays open as long as the page does: it gets a thread of its own,
        // and writes straight to the socket so each event leaves at once.
        std::thread::spawn(move || {
            stream_events(request, events);
            drop(slot);
        });
        return;
    }
    if !served.ready.load(Ordering::SeqCst) {
        let _ = request.respond(
            Response::from_string(building_page())
                .with_status_code(503)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store"))
                .with_header(header("Retry-After", "1")),
        );
        return;
    }
    if let Some(card) = served.card(request.url()) {
        let response = match card {
            Ok(png) => {
                let length = png.len();
                let body = if head { Vec::new() } else { png.to_vec() };
                let response = Response::from_data(body)
                    .with_header(header("Content-Type", "image/png"))
                    .with_header(header("Cache-Control", "no-store"));
                if head {
                    response.with_header(header("Content-Length", &length.to_string()))
                } else {
                    response
                }
            }
            Err(problem) => plain(500, &problem),
        };
        let _ = request.respond(response);
        return;
    }
    if let Some(output) = output_path(request.url()) {
        served.pending.wait_for(&output, PENDING_WAIT);
    }
    let (status, file) = match resolve(&served.folder, request.url()) {
        Some(file) => (200, file),
        None => (404, served.folder.join("404.html")),
    };
    let mut body = std::fs::read(&file).unwrap_or_else(|_| {
        let text = html::escape(&t!("serve-not-found"));
        format!("<!DOCTYPE html><title>{text}</title><body><h1>{text}</h1></body>").into_bytes()
    });
    let content_type = if file.is_file() {
        content_type(&file)
    } else {
        "text/html; charset=utf-8"
    };
    if content_type.starts_with("text/html") {
        body = live::inject(
            &String::from_utf8_lossy(&body),
            served.hub.errors().as_deref(),
        )
        .into_bytes();
    }
    let length = body.len();
    let mut response = Response::from_data(if head { Vec::new() } else { body })
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    if head {
        response = response.with_header(header("Content-Length", &length.to_string()));
    }
    let _ = request.respond(response);
}

/// Sends one open page its events until it goes away.
fn stream_events(request: Request, events: Receiver<String>) {
    let mut socket = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if socket
        .write_all(head.as_bytes())
        .and_then(|()| socket.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match events.recv_timeout(HEARTBEAT) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if socket
            .write_all(message.as_bytes())
            .and_then(|()| socket.flush())
            .is_err()
        {
            return;
        }
    }
}

/// What a page asked for during the first build sees; it asks again each second.
fn building_page() -> String {
    let lang = messages::language().code();
    let title = html::escape(&t!("serve-building-title"));
    let text = html::escape(&t!("serve-building-text"));
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"1\"><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>"
    )
}

fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(text).with_status_code(status)
}

/// Whether a request's `Host` names this server: an IP address or `localhost`, with the port
/// the server listens on. A domain name is refused whatever it points at, which is what a
/// DNS-rebinding page would send.
pub fn host_allowed(host: Option<&str>, address: SocketAddr) -> bool {
    let Some(host) = host else {
        return false;
    };
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && !port.contains(']') => (name, port.parse().ok()),
        _ => (host, Some(80)),
    };
    if port != Some(address.port()) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

/// The output a request for a page names (`/tin-tuc/a/` -> `tin-tuc/a/index.html`), as the
/// renderer calls it; `None` for a path that is no page's (or could leave the folder).
pub fn output_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let relative = decoded.trim_start_matches('/');
    if relative.split('/').any(|part| part == ".." || part == ".") || decoded.contains('\\') {
        return None;
    }
    Some(if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else if relative.ends_with(".html") {
        relative.to_string()
    } else {
        format!("{relative}/index.html")
    })
}

/// The file a request path names inside `folder`, or none. Refuses anything that could
/// leave the folder: `..` (plain or percent-encoded), backslashes, and symlinks out.
pub fn resolve(folder: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut file = folder.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let real = std::fs::canonicalize(&file).ok()?;
    let root = std::fs::canonicalize(folder).ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of every kind of file a site emits, with a charset for text.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("atom") => "application/atom+xml; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_map_to_files_and_never_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("tin-tuc")).unwrap();
        std::fs::write(site.join("tin-tuc/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        assert!(
            resolve(&site, "/tin-tuc/")
                .unwrap()
                .ends_with("tin-tuc/index.html")
        );
        assert!(resolve(&site, "/tin-tuc?x=1").is_some());
        assert!(resolve(&site, "/%74in-tuc/index.html").is_some());
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/..%2fsecret.txt",
            "/tin-tuc\\..\\..\\secret.txt",
            "//etc/passwd",
        ] {
            assert!(resolve(&site, bad).is_none(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("link.txt"))
                .unwrap();
            assert!(resolve(&site, "/link.txt").is_none());
        }
    }

    #[test]
    fn a_page_request_names_the_output_the_renderer_writes() {
        assert_eq!(output_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            output_path("/tin-tuc/a/?x=1").as_deref(),
            Some("tin-tuc/a/index.html")
        );
        assert_eq!(
            output_path("/tin-tuc/a").as_deref(),
            Some("tin-tuc/a/index.html")
        );
        assert_eq!(
            output_path("/chi-ti%E1%BA%BFt/").as_deref(),
            Some("chi-tiết/index.html")
        );
        assert_eq!(output_path("/404.html").as_deref(), Some("404.html"));
        assert_eq!(output_path("/../etc/"), None);
    }

    #[test]
    fn a_request_for_a_pending_page_asks_for_it_and_waits_until_it_is_written() {
        let pending = Arc::new(Pending::default());
        pending.set(["a/index.html", "b/index.html"]);
        // Any other page is answered at once.
        pending.wait_for("c/index.html", Duration::from_secs(5));
        assert!(pending.take_wanted().is_empty());
        let renderer = {
            let pending = Arc::clone(&pending);
            std::thread::spawn(move || {
                loop {
                    let wanted = pending.take_wanted();
                    if !wanted.is_empty() {
                        pending.done(&wanted);
                        return wanted;
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
            })
        };
        pending.wait_for("b/index.html", Duration::from_secs(5));
        assert_eq!(renderer.join().unwrap(), vec!["b/index.html".to_string()]);
        assert!(!pending.is_empty(), "a/ is still to be rendered");
        pending.done(&["a/index.html".to_string()]);
        assert!(pending.is_empty());
    }

    #[test]
    fn only_this_servers_own_addresses_are_answered() {
        let address: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert!(host_allowed(Some(host), address), "{host}");
        }
        for host in [
            "evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "127.0.0.1:2222",
            "localhost",
            "",
        ] {
            assert!(!host_allowed(Some(host), address), "{host}");
        }
        assert!(!host_allowed(None, address));
        let default_port: SocketAddr = "127.0.0.1:80".parse().unwrap();
        assert!(host_allowed(Some("localhost"), default_port));
    }
}
