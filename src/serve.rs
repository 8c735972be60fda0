//! `minhbach serve`: builds the site into a private folder and serves it over HTTP on this
//! computer (I/O). The request-to-file mapping is a pure function, tested on its own.

use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use crate::cli::{ServeArgs, finish};
use crate::pipeline::{self, BuildOptions};

const WORKERS: usize = 4;
const SERVE_FOLDER_PREFIX: &str = "minhbach-serve-";
const PORT_ATTEMPTS: u16 = 20;

pub fn run(root: PathBuf, args: &ServeArgs) -> ExitCode {
    let ip: IpAddr = match args.bind.parse() {
        Ok(ip) => ip,
        Err(_) => {
            eprintln!(
                "error: --bind `{}` is not an IP address (for example 127.0.0.1)",
                args.bind
            );
            return ExitCode::from(2);
        }
    };
    let (server, address) = match bind(ip, args.port) {
        Ok(bound) => bound,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if args.port != 0 && address.port() != args.port {
        println!(
            "Port {} is taken; using {} instead.",
            args.port,
            address.port()
        );
    }
    remove_stale_folders();
    let folder = std::env::temp_dir().join(format!("{SERVE_FOLDER_PREFIX}{}", std::process::id()));
    let options = BuildOptions {
        root,
        output: Some(folder.clone()),
        base_url: Some(format!("http://{address}")),
        drafts: args.drafts,
    };
    let code = finish(pipeline::build(&options), |report| {
        format!(
            "Built {} pages ({} files) in {} ms.",
            report.pages,
            report.files,
            report.elapsed.as_millis()
        )
    });
    if code != ExitCode::SUCCESS {
        return code;
    }
    println!("Serving the site at http://{address}/ (press Ctrl-C to stop).");
    if args.open {
        open_browser(&format!("http://{address}/"));
    }
    serve_folder(Arc::new(server), folder);
    ExitCode::SUCCESS
}

/// Removes the preview folders of earlier `serve` runs that were stopped without cleaning
/// up (a killed process cannot), so they do not pile up in the temp folder. A folder is
/// stale when the process named in it no longer runs (known on Linux through /proc).
fn remove_stale_folders() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(SERVE_FOLDER_PREFIX)
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let proc_root = Path::new("/proc");
        if proc_root.is_dir() && !proc_root.join(pid.to_string()).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn bind(ip: IpAddr, port: u16) -> Result<(Server, SocketAddr), String> {
    let attempts = if port == 0 { 1 } else { PORT_ATTEMPTS };
    let mut last_error = String::new();
    for offset in 0..attempts {
        let Some(candidate) = port.checked_add(offset) else {
            break;
        };
        match Server::http(SocketAddr::new(ip, candidate)) {
            Ok(server) => {
                let address = server
                    .server_addr()
                    .to_ip()
                    .unwrap_or(SocketAddr::new(ip, candidate));
                return Ok((server, address));
            }
            Err(error) => last_error = error.to_string(),
        }
    }
    Err(format!(
        "could not listen on {ip} from port {port}: {last_error}"
    ))
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        println!("Open {url} in your browser.");
    }
}

/// Answers requests from `folder` on a few threads until the process ends.
pub fn serve_folder(server: Arc<Server>, folder: PathBuf) {
    let folder = Arc::new(folder);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let server = Arc::clone(&server);
            let folder = Arc::clone(&folder);
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    respond(&folder, request);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
}

fn respond(folder: &Path, request: Request) {
    let head = *request.method() == Method::Head;
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("Method not allowed").with_status_code(405));
        return;
    }
    let (status, file) = match resolve(folder, request.url()) {
        Some(file) => (200, file),
        None => (404, folder.join("404.html")),
    };
    let body = std::fs::read(&file).unwrap_or_else(|_| b"Not found".to_vec());
    let length = body.len();
    let mut response = Response::from_data(if head { Vec::new() } else { body })
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type(&file)))
        .with_header(header("Cache-Control", "no-store"));
    if head {
        response = response.with_header(header("Content-Length", &length.to_string()));
    }
    let _ = request.respond(response);
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
