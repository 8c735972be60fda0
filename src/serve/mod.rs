//! `minhbach serve`: builds the site into a private folder, serves it on this computer, and
//! rebuilds what changed as files are saved, telling open pages to reload or to show the
//! errors over the last good version (I/O; the parts that decide are pure and tested alone).

pub mod http;
pub mod live;
mod search_index;
pub mod session;
pub mod watch;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::TryRecvError;
use std::time::Instant;

use tiny_http::Server;

use crate::diag::{self, Diagnostic};
use crate::pipeline::BuildOptions;
use crate::t;
use live::{Event, Hub};
use session::Session;

const PORT_ATTEMPTS: u16 = 20;
/// Outputs rendered at a time in the background: small enough that a page asked for
/// meanwhile waits little for its turn.
const BACKGROUND_CHUNK: usize = 256;

/// Prints a line, ignoring a closed terminal: a preview server whose output is no longer
/// read (piped into a program that quit) keeps serving instead of stopping on the error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}
macro_rules! say_err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
const SERVE_FOLDER_PREFIX: &str = "minhbach-serve-";

/// What `serve` is asked to do (the command line's flags, without the command line).
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub poll: bool,
    pub drafts: bool,
}

pub fn run(root: PathBuf, args: &ServeOptions) -> ExitCode {
    let ip: IpAddr = match args.bind.parse() {
        Ok(ip) => ip,
        Err(_) => {
            return refuse(Diagnostic::usage(
                "usage-bind",
                t!("serve-bind-not-ip", bind = &args.bind),
            ));
        }
    };
    let (server, address) = match bind(ip, args.port) {
        Ok(bound) => bound,
        Err(problem) => return refuse(problem),
    };
    if args.port != 0 && address.port() != args.port {
        say!(
            "{}",
            t!(
                "serve-port-taken",
                wanted = args.port,
                port = address.port()
            )
        );
    }
    // A killed preview of a large site leaves tens of thousands of files: they go while
    // this one builds, rather than before.
    std::thread::spawn(remove_stale_folders);
    let folder = match private_folder() {
        Ok(folder) => folder,
        Err(error) => {
            return refuse(Diagnostic::internal(
                "internal-serve-folder",
                t!("serve-folder-failed", error = error.to_string()),
            ));
        }
    };
    let cleanup = folder.clone();
    // Ctrl-C at any time, the first build included, takes the folder with it.
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&cleanup);
        say!("\n{}", t!("serve-stopped"));
        std::process::exit(0);
    });
    let options = BuildOptions {
        root: root.clone(),
        output: Some(folder.clone()),
        base_url: Some(format!("http://{address}")),
        drafts: args.drafts,
        // The preview shows pages dated after today, with a banner saying so.
        future: true,
        external_links: None,
        progress: false,
    };
    let served = Arc::new(http::Served::new(folder.clone(), address));
    {
        // Requests are answered from the start: while the first build runs, with a page
        // that says so and reloads itself.
        let served = Arc::clone(&served);
        let server = Arc::new(server);
        std::thread::spawn(move || http::serve(server, served));
    }
    say!(
        "{}",
        t!("serve-serving", address = format!("http://{address}/"))
    );
    if args.open {
        open_browser(&format!("http://{address}/"));
    }
    let (_watcher, batches) = match watch::watch(&root, args.poll) {
        Ok(watching) => watching,
        Err(error) => {
            let _ = std::fs::remove_dir_all(&folder);
            return refuse(
                Diagnostic::internal(
                    "internal-watch",
                    t!(
                        "serve-watch-failed",
                        folder = root.display().to_string(),
                        error = error.to_string()
                    ),
                )
                .with_hint(t!("serve-watch-failed-hint")),
            );
        }
    };
    // Watching starts before the first build, so a file saved meanwhile is not missed.
    let mut session = start(&options, &served.hub);
    if let Some(running) = &session {
        served.set_cards(running.cards());
    }
    served.set_ready();
    let mut background: Option<Background> = None;
    loop {
        // While outputs are left to render, a new batch is taken between chunks of them.
        let batch = if let (Some(running), Some(work)) = (&mut session, &mut background) {
            match batches.try_recv() {
                Ok(batch) => batch,
                Err(TryRecvError::Empty) => {
                    if !continue_background(running, work, &served) {
                        background = None;
                    }
                    continue;
                }
                Err(TryRecvError::Disconnected) => break,
            }
        } else {
            match batches.recv() {
                Ok(batch) => batch,
                Err(_) => break,
            }
        };
        session = match session {
            Some(mut running) => {
                background = apply(&mut running, &batch, &served);
                Some(running)
            }
            // The first build failed: try again from the start after each change.
            None => start(&options, &served.hub),
        };
        if let Some(running) = &session {
            served.set_cards(running.cards());
        }
    }
    ExitCode::SUCCESS
}

/// A change whose outputs are still being rendered in the background, and what it has done
/// so far (for the line printed when it ends).
struct Background {
    started: Instant,
    rendered: usize,
    written: usize,
    removed: usize,
}

/// The first full build; its errors are shown like any later ones.
fn start(options: &BuildOptions, hub: &Hub) -> Option<Session> {
    match Session::start(options.clone()) {
        Ok((session, update)) => {
            say!(
                "{}",
                t!(
                    "serve-built",
                    files = update.written,
                    ms = update.took.as_millis() as u64
                )
            );
            hub.broadcast(&Event::Reload);
            Some(session)
        }
        Err(diagnostics) => {
            report(&diagnostics, hub);
            None
        }
    }
}

/// Applies a batch: the open pages first when it touches many. Returns the work left to do
/// in the background.
fn apply(session: &mut Session, batch: &[String], served: &http::Served) -> Option<Background> {
    let started = Instant::now();
    let hub = &served.hub;
    let open: BTreeSet<String> = hub
        .open_pages()
        .iter()
        .filter_map(|page| http::output_path(page))
        .collect();
    let result = session.apply_deferring(batch, open);
    served.pending.set(session.pending_paths());
    // Pages are written before the search index: open pages reload at once, and the index
    // follows before the next batch.
    let result = result.and_then(|mut update| {
        if update.written > 0 || update.removed > 0 {
            hub.broadcast(if update.css_only {
                &Event::Css
            } else {
                &Event::Reload
            });
        }
        let (written, removed) = session.update_search()?;
        update.written += written;
        update.removed += removed;
        update.took = started.elapsed();
        Ok(update)
    });
    match result {
        Ok(update) if update.deferred > 0 => {
            say!(
                "{}",
                t!(
                    "serve-open-pages-first",
                    ms = update.took.as_millis() as u64,
                    rendered = update.rendered,
                    deferred = update.deferred
                )
            );
            return Some(Background {
                started,
                rendered: update.rendered,
                written: update.written,
                removed: update.removed,
            });
        }
        Ok(update) if update.written == 0 && update.removed == 0 => {
            if hub.errors().is_some() {
                hub.broadcast(&Event::Fixed);
            }
        }
        Ok(update) => {
            say!(
                "{}",
                t!(
                    "serve-rebuilt",
                    ms = update.took.as_millis() as u64,
                    rendered = update.rendered,
                    written = update.written,
                    removed = update.removed
                )
            );
        }
        Err(diagnostics) => report(&diagnostics, hub),
    }
    None
}

/// Renders the next chunk of the outputs left in the background (those asked for first).
/// Returns whether any are left.
fn continue_background(
    session: &mut Session,
    work: &mut Background,
    served: &http::Served,
) -> bool {
    let wanted = served.pending.take_wanted();
    match session.render_pending(&wanted, BACKGROUND_CHUNK) {
        Ok((paths, update)) => {
            served.pending.done(&paths);
            work.rendered += update.rendered;
            work.written += update.written;
            if session.pending_paths().next().is_some() {
                return true;
            }
            say!(
                "{}",
                t!(
                    "serve-rebuilt",
                    ms = work.started.elapsed().as_millis() as u64,
                    rendered = work.rendered,
                    written = work.written,
                    removed = work.removed
                )
            );
        }
        Err(diagnostics) => {
            served.pending.set(std::iter::empty());
            report(&diagnostics, &served.hub);
        }
    }
    false
}

fn report(diagnostics: &[Diagnostic], hub: &Hub) {
    diag::print(diagnostics);
    say_err!("{}", t!("serve-last-good-version"));
    let text: String = diagnostics
        .iter()
        .map(Diagnostic::render)
        .collect::<Vec<_>>()
        .join("\n");
    hub.broadcast(&Event::Errors(text));
}

fn bind(ip: IpAddr, port: u16) -> Result<(Server, SocketAddr), Diagnostic> {
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
    Err(Diagnostic::usage(
        "usage-port",
        t!(
            "serve-cannot-listen",
            ip = ip.to_string(),
            port = port,
            error = last_error
        ),
    )
    .with_hint(t!("serve-cannot-listen-hint")))
}

/// Prints why the preview cannot start; such problems are the run's, not the site's.
fn refuse(problem: Diagnostic) -> ExitCode {
    diag::print(&[problem]);
    ExitCode::from(2)
}

/// A new folder for the preview, readable by this user only (mode 0700), with a name no one
/// can guess or make first: another local user cannot plant links in it.
fn private_folder() -> std::io::Result<PathBuf> {
    let prefix = format!("{SERVE_FOLDER_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    Ok(builder.tempdir()?.keep())
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
            .and_then(|rest| rest.split('-').next())
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

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        say!("{}", t!("serve-open-yourself", url = url));
    }
}
