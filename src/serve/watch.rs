//! Watching the site folder for `serve` (I/O): file events from the system (or from polling,
//! where events are unreliable), gathered into batches. A burst — an editor's save through a
//! temporary file, a `git checkout` touching a thousand files — becomes one batch; changes
//! that arrive while a batch is being built wait for the next one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::source::relative;

/// Quiet time that ends a burst of events: an editor's save (write, or temporary file and
/// rename) sends its events within a few milliseconds, and this wait is part of every
/// edit's time to the browser.
const SETTLE: Duration = Duration::from_millis(10);
/// A burst that never goes quiet is still built this often.
const LONGEST_WAIT: Duration = Duration::from_millis(1500);
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// A running watcher (dropped, it stops) and the batches it sends.
pub type Watching = (Box<dyn Watcher + Send>, Receiver<Vec<String>>);

/// Watches `root` and sends batches of changed paths (relative to `root`, `/`-separated,
/// sorted) on the returned channel. The watcher lives as long as the returned handle.
pub fn watch(root: &Path, poll: bool) -> notify::Result<Watching> {
    let (raw_sender, raw) = channel::<PathBuf>();
    let handler = move |event: notify::Result<Event>| {
        if let Ok(event) = event {
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for path in event.paths {
                let _ = raw_sender.send(path);
            }
        }
    };
    let mut watcher: Box<dyn Watcher + Send> = if poll {
        Box::new(notify::PollWatcher::new(
            handler,
            notify::Config::default().with_poll_interval(POLL_INTERVAL),
        )?)
    } else {
        Box::new(notify::recommended_watcher(handler)?)
    };
    // Events name files under the folder as the system knows it: a relative `--root`
    // (`serve --root site`) would match none of them.
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    watcher.watch(&root, RecursiveMode::Recursive)?;
    let (batches, receiver) = channel();
    std::thread::spawn(move || gather(&root, &raw, &batches));
    Ok((watcher, receiver))
}

/// Turns single events into batches until either channel closes.
fn gather(root: &Path, raw: &Receiver<PathBuf>, batches: &Sender<Vec<String>>) {
    while let Ok(first) = raw.recv() {
        let mut batch = BTreeSet::new();
        add(&mut batch, root, &first);
        let started = Instant::now();
        loop {
            match raw.recv_timeout(SETTLE) {
                Ok(path) => {
                    add(&mut batch, root, &path);
                    if started.elapsed() > LONGEST_WAIT {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if batches.send(batch.into_iter().collect()).is_err() {
            return;
        }
    }
}

/// Adds a changed path to `batch`, and for a folder every file in it: a folder made with
/// files in it (`mkdir -p templates && cp …`, a checkout) may have them written before the
/// system watches the new folder, and their own events never come.
fn add(batch: &mut BTreeSet<String>, root: &Path, path: &Path) {
    batch.insert(relative(root, path));
    if path.is_dir() {
        let files = walkdir::WalkDir::new(path)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file());
        for entry in files {
            batch.insert(relative(root, entry.path()));
        }
    }
}
