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
    let mut child = Command::new(env!("CARGO_BIN_EXE_minhbach"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().unwrap();
    let mut address = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("Serving the site at http://") {
            address = Some(rest.split('/').next().unwrap().to_string());
            break;
        }
    }
    let address = address.expect("serve printed its address");
    Server { child, address }
}

/// (status code, headers, body) of a raw HTTP/1.0 request.
fn request(server: &Server, method: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.0\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
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
