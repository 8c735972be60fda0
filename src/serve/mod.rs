//! `minhbach serve`: builds the site into a private folder, serves it on this computer, and
//! rebuilds what changed as files are saved, telling open pages to reload or to show the
//! errors over the last good version (I/O; the parts that decide are pure and tested alone).

pub mod http;
pub mod live;
mod search_index;
pub mod session;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use tiny_http::Server;

use crate::diag::{self, Diagnostic};
use crate::pipeline::BuildOptions;
use crate::t;
use live::{Event, Hub};
use session::Session;

const PORT_ATTEMPTS: u16 = 20;

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
    remove_stale_folders();
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
    for batch in batches {
        session = match session {
            Some(mut running) => {
                apply(&mut running, &batch, &served.hub);
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

fn apply(session: &mut Session, batch: &[String], hub: &Hub) {
    match session.apply(batch) {
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
            hub.broadcast(if update.css_only {
                &Event::Css
            } else {
                &Event::Reload
            });
        }
        Err(diagnostics) => report(&diagnostics, hub),
    }
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
