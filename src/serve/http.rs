//! The preview server's HTTP side (I/O): files of the output folder with the right
//! Content-Type, the site's 404 page, no caching, live-reload events; paths that could leave
//! the folder are refused. The request-to-file mapping is a pure function, tested alone.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::live::{self, Hub};

/// Threads answering ordinary requests; each open page's event stream gets its own thread.
const WORKERS: usize = 8;
/// How often an idle event stream sends a comment, so closed pages are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What the server serves from.
pub struct Served {
    pub folder: PathBuf,
    pub hub: Hub,
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
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("Method not allowed").with_status_code(405));
        return;
    }
    if request.url().split('?').next() == Some(live::EVENTS_PATH) {
        let events = served.hub.subscribe();
        // An event stream stays open as long as the page does: it gets a thread of its own,
        // and writes straight to the socket so each event leaves at once.
        std::thread::spawn(move || stream_events(request, events));
        return;
    }
    let (status, file) = match resolve(&served.folder, request.url()) {
        Some(file) => (200, file),
        None => (404, served.folder.join("404.html")),
    };
    let mut body = std::fs::read(&file).unwrap_or_else(|_| {
        b"<!DOCTYPE html><title>Not found</title><body><h1>Not found</h1></body>".to_vec()
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
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
}
