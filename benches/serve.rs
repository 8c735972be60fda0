//! Live-preview latency: how long after a file is saved the preview server serves the new
//! page, for minhbach `serve` and `hugo server` on the same generated corpus (the build
//! bench's, bench/gen_corpus.py).
//!
//! cargo bench --bench serve -- [--pages 10000] [--out /dev/shm/minhbach-bench] [--edits 20]
//!
//! minhbach serves the site as a user gets it (`minhbach-default`: the default theme, search
//! on), with the theme's page template copied into the site's `templates/`, as a user does
//! to change it. The bench keeps the page it edits open, as a browser does (an event stream
//! naming the page), saves it with a new marker in its body `--edits` times, and times from
//! the save until an HTTP request for that page returns the marker (polling every 2 ms);
//! then does the same with five edits of the page template, for which it also times the
//! whole rebuild (until minhbach prints `Rebuilt in …`: every page rendered again). It
//! reports the median and the 95th percentile of each, and the time from start to the first
//! page served. Both tools run with their defaults (Hugo renders to memory and, in its
//! fast-render mode, only the pages being viewed; minhbach writes to a temporary folder).

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread::sleep;
use std::time::{Duration, Instant};

mod support;

const TEMPLATE_EDITS: usize = 5;
const POLL: Duration = Duration::from_millis(2);
/// Longer than any tool's debounce, so that each edit is its own rebuild.
const PAUSE: Duration = Duration::from_millis(400);
const TIMEOUT: Duration = Duration::from_secs(120);

struct Options {
    pages: usize,
    out: PathBuf,
    edits: usize,
}

/// A tool's server on a corpus: its command, and the files an edit touches.
struct Server {
    name: &'static str,
    command: Command,
    page_file: PathBuf,
    template_file: PathBuf,
    /// The line the tool prints when a whole rebuild is done, if it says so.
    done_line: Option<&'static str>,
    /// Whether the tool hears which pages are open (minhbach's live-reload stream).
    open_page_stream: bool,
}

struct Latencies {
    name: &'static str,
    startup: Duration,
    edits: Vec<Duration>,
    templates: Vec<Duration>,
    /// From a template's save until every page is rendered again, where the tool says.
    template_completions: Vec<Duration>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench failed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = parse_args(std::env::args().skip(1))?;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = options.out.join(format!("p{}", options.pages));
    support::prepare_corpus(manifest, &corpus, options.pages)?;
    let page = first_page(&corpus.join("minhbach/content"))?;
    let site = corpus.join("minhbach-default");
    install_page_template(manifest, &site)?;
    let url_path = format!("/{}/", page.trim_end_matches(".md"));
    let mut servers = vec![minhbach_server(&corpus, &page)];
    match support::find_on_path("hugo") {
        Some(hugo) => servers.push(hugo_server(&hugo, &corpus, &page)),
        None => println!("Hugo: skipped, `hugo` is not on PATH (`apt-get install hugo`)."),
    }
    let mut results = Vec::new();
    for server in servers {
        results.push(measure(server, &url_path, options.edits)?);
    }
    // The build bench's default site has no templates of its own.
    fs::remove_dir_all(site.join("templates")).map_err(|e| e.to_string())?;
    print_table(options.pages, &url_path, &results);
    Ok(())
}

/// Copies the default theme's page template into the site, as a user who changes it does.
fn install_page_template(manifest: &Path, site: &Path) -> Result<(), String> {
    let templates = site.join("templates");
    fs::create_dir_all(&templates).map_err(|e| format!("{}: {e}", templates.display()))?;
    fs::copy(
        manifest.join("themes/default/templates/page.html"),
        templates.join("page.html"),
    )
    .map_err(|e| format!("copying the theme's page.html: {e}"))?;
    Ok(())
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        pages: 10_000,
        out: PathBuf::from("/dev/shm/minhbach-bench"),
        edits: 20,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--bench" => {}
            "--pages" => {
                options.pages = value("--pages")?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--pages: {e}"))?;
            }
            "--out" => options.out = PathBuf::from(value("--out")?),
            "--edits" => {
                options.edits = value("--edits")?
                    .parse()
                    .map_err(|e| format!("--edits: {e}"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument `{other}`; use --pages N --out DIR --edits E"
                ));
            }
        }
    }
    if options.pages == 0 || options.edits == 0 {
        return Err("--pages and --edits must be at least 1".into());
    }
    Ok(options)
}

/// The first page of the first section, as a path inside `content/` (`s01/p000051.md`).
fn first_page(content: &Path) -> Result<String, String> {
    let mut sections: Vec<_> = fs::read_dir(content)
        .map_err(|e| format!("{}: {e}", content.display()))?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sections.sort();
    let section = sections.first().ok_or("the corpus has no sections")?;
    let mut pages: Vec<String> = fs::read_dir(content.join(section))
        .map_err(|e| format!("{section}: {e}"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md") && !name.starts_with('_'))
        .collect();
    pages.sort();
    let page = pages.first().ok_or("the first section has no pages")?;
    Ok(format!("{section}/{page}"))
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn minhbach_server(corpus: &Path, page: &str) -> Server {
    let site = corpus.join("minhbach-default");
    let mut command = Command::new(env!("CARGO_BIN_EXE_minhbach"));
    command
        .arg("serve")
        .arg("--root")
        .arg(&site)
        .env("MINHBACH_LANG", "en");
    Server {
        name: "minhbach",
        command,
        page_file: site.join("content").join(page),
        template_file: site.join("templates/page.html"),
        done_line: Some("Rebuilt in "),
        open_page_stream: true,
    }
}

fn hugo_server(hugo: &Path, corpus: &Path, page: &str) -> Server {
    let site = corpus.join("hugo");
    let mut command = Command::new(hugo);
    command
        .arg("server")
        .arg("--source")
        .arg(&site)
        .args(["--bind", "127.0.0.1"]);
    Server {
        name: "hugo",
        command,
        page_file: site.join("content").join(page),
        template_file: site.join("layouts/_default/single.html"),
        done_line: None,
        open_page_stream: false,
    }
}

/// Starts the server, times the edits, stops the server and puts the files back.
fn measure(mut server: Server, url_path: &str, edits: usize) -> Result<Latencies, String> {
    let port = free_port()?;
    let page = fs::read_to_string(&server.page_file).map_err(|e| e.to_string())?;
    let template = fs::read_to_string(&server.template_file).map_err(|e| e.to_string())?;
    let started = Instant::now();
    let child = server
        .command
        .args(["--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", server.name))?;
    let mut running = Running(child);
    let lines = running.0.stdout.take().map(printed_lines);
    let outcome = (|| {
        wait_for(port, url_path, |_| true)?;
        let startup = started.elapsed();
        if server.open_page_stream {
            keep_open(port, url_path);
        }
        let mut latencies = Latencies {
            name: server.name,
            startup,
            edits: Vec::with_capacity(edits),
            templates: Vec::with_capacity(TEMPLATE_EDITS),
            template_completions: Vec::with_capacity(TEMPLATE_EDITS),
        };
        for i in 0..edits {
            let marker = format!("bench-edit-{}-{i}", std::process::id());
            sleep(PAUSE);
            let saved = Instant::now();
            fs::write(&server.page_file, format!("{page}\n\n{marker}\n"))
                .map_err(|e| e.to_string())?;
            wait_for(port, url_path, |body| body.contains(&marker))?;
            latencies.edits.push(saved.elapsed());
        }
        for i in 0..TEMPLATE_EDITS {
            let marker = format!("bench-template-{}-{i}", std::process::id());
            sleep(PAUSE);
            let saved = Instant::now();
            // Text, not a comment: Go's html/template drops comments.
            let edited = template.replacen("<article>", &format!("<article><p>{marker}</p>"), 1);
            if let Some(lines) = &lines {
                while lines.try_recv().is_ok() {}
            }
            fs::write(&server.template_file, edited).map_err(|e| e.to_string())?;
            wait_for(port, url_path, |body| body.contains(&marker))?;
            latencies.templates.push(saved.elapsed());
            if let (Some(done), Some(lines)) = (server.done_line, &lines) {
                latencies
                    .template_completions
                    .push(wait_for_line(lines, done, saved)?);
            }
        }
        Ok(latencies)
    })();
    running.stop();
    let restored = fs::write(&server.page_file, &page)
        .and_then(|()| fs::write(&server.template_file, &template));
    restored.map_err(|e| format!("could not restore the corpus: {e}"))?;
    outcome
}

/// Each line the child prints, with when it arrived.
fn printed_lines(stdout: ChildStdout) -> Receiver<(Instant, String)> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if sender.send((Instant::now(), line)).is_err() {
                return;
            }
        }
    });
    receiver
}

/// How long after `since` the child printed a line starting with `start`.
fn wait_for_line(
    lines: &Receiver<(Instant, String)>,
    start: &str,
    since: Instant,
) -> Result<Duration, String> {
    loop {
        let (at, line) = lines
            .recv_timeout(TIMEOUT)
            .map_err(|_| format!("no line starting with `{start}` within {TIMEOUT:?}"))?;
        if line.starts_with(start) {
            return Ok(at.duration_since(since));
        }
    }
}

/// Holds the page open as a browser tab does: minhbach's live-reload stream, naming the
/// page, read (and ignored) until the server stops.
fn keep_open(port: u16, url_path: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let request = format!(
        "GET /__minhbach/live?page={url_path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_err() {
        return;
    }
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while matches!(stream.read(&mut buffer), Ok(n) if n > 0) {}
    });
}

/// The child server, killed when measuring ends however it ends.
struct Running(Child);

impl Running {
    /// Stops the server as Ctrl-C does, so that it removes its files (a killed `serve`
    /// leaves its folder to the next one's start); kills it if it has not ended in 10 s.
    fn stop(&mut self) {
        // SAFETY: kill with a child's pid and a signal number has no memory effects.
        unsafe { libc::kill(self.0.id() as libc::pid_t, libc::SIGINT) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Polls `url_path` until a 200 response's body passes `ready`.
fn wait_for(port: u16, url_path: &str, ready: impl Fn(&str) -> bool) -> Result<(), String> {
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        if let Some(body) = get(port, url_path)
            && ready(&body)
        {
            return Ok(());
        }
        sleep(POLL);
    }
    Err(format!(
        "no answer on port {port} for {url_path} within {TIMEOUT:?}"
    ))
}

/// A plain HTTP/1.0 GET: the body of a 200 response.
fn get(port: u16, url_path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {url_path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.")
        .then_some(())
        .filter(|()| head.split(' ').nth(1) == Some("200"))?;
    Some(body.to_string())
}

fn percentile(values: &[Duration], p: f64) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn print_table(pages: usize, url_path: &str, results: &[Latencies]) {
    println!("\n{pages} pages; edits of {url_path} (kept open), save to new page served");
    println!(
        "{:<10} {:>10} {:>9} {:>9} {:>14} {:>14} {:>16}",
        "tool",
        "startup s",
        "edit p50",
        "edit p95",
        "template p50",
        "template p95",
        "all pages p50 s"
    );
    for r in results {
        let completion = if r.template_completions.is_empty() {
            "-".to_string()
        } else {
            format!(
                "{:.2}",
                percentile(&r.template_completions, 50.0).as_secs_f64()
            )
        };
        println!(
            "{:<10} {:>10.2} {:>9.1} {:>9.1} {:>14.1} {:>14.1} {:>16}",
            r.name,
            r.startup.as_secs_f64(),
            ms(percentile(&r.edits, 50.0)),
            ms(percentile(&r.edits, 95.0)),
            ms(percentile(&r.templates, 50.0)),
            ms(percentile(&r.templates, 95.0)),
            completion,
        );
    }
    println!(
        "(times in ms unless marked; targets: edit p50 <= 30 ms, template p50 (open page) <= 300 ms)"
    );
    if let [ours, hugo] = results {
        let ratio =
            |a: &[Duration], b: &[Duration]| ms(percentile(b, 50.0)) / ms(percentile(a, 50.0));
        println!(
            "minhbach vs Hugo: edits {:.1}x faster, template edits {:.1}x faster (medians)",
            ratio(&ours.edits, &hugo.edits),
            ratio(&ours.templates, &hugo.templates)
        );
    }
}
