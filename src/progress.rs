//! A one-line progress display for long builds: the stage that runs and, while pages are
//! rendered, how many files are done, redrawn in place on standard error. Only on a terminal
//! (the command line decides), so logs and pipes stay clean.

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::t;

/// A build shorter than this shows no progress at all, so quick builds do not flicker.
const QUIET_START: Duration = Duration::from_millis(300);
const REDRAW_EVERY: Duration = Duration::from_millis(120);

#[derive(Default)]
struct Shared {
    stage: Mutex<&'static str>,
    files: AtomicUsize,
    finished: AtomicBool,
    drawn: AtomicBool,
}

/// The display of one run; the line is cleared when it is dropped.
pub struct Progress {
    shared: Arc<Shared>,
    ticker: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

impl Progress {
    /// Starts redrawing the line on standard error.
    pub fn start() -> Progress {
        let shared = Arc::new(Shared::default());
        let drawing = Arc::clone(&shared);
        let ticker = std::thread::spawn(move || {
            std::thread::sleep(QUIET_START);
            while !drawing.finished.load(Ordering::Acquire) {
                let stage = *drawing.stage.lock().unwrap_or_else(|e| e.into_inner());
                let line = line(stage, drawing.files.load(Ordering::Relaxed));
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K{line}");
                let _ = err.flush();
                drawing.drawn.store(true, Ordering::Release);
                drop(err);
                std::thread::sleep(REDRAW_EVERY);
            }
        });
        Progress {
            shared,
            ticker: Some(ticker),
        }
    }

    /// A stage begins (its name as `build --timings` prints it).
    pub fn stage(&self, stage: &'static str) {
        *self.shared.stage.lock().unwrap_or_else(|e| e.into_inner()) = stage;
    }

    /// One more file is written.
    pub fn file_done(&self) {
        self.shared.files.fetch_add(1, Ordering::Relaxed);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.shared.finished.store(true, Ordering::Release);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        if self.shared.drawn.load(Ordering::Acquire) {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// The words of the line: `Rendering and writing: 4231 files`.
fn line(stage: &str, files: usize) -> String {
    let stage = stage_words(stage);
    if files > 0 {
        t!("progress-files", stage = stage, files = files)
    } else {
        t!("progress-stage", stage = stage)
    }
}

/// A stage's name in the run's language.
fn stage_words(stage: &str) -> String {
    match stage {
        "read" => t!("progress-read"),
        "parse" => t!("progress-parse"),
        "plans" => t!("progress-plans"),
        "awareness" => t!("progress-awareness"),
        "link" => t!("progress-link"),
        "markdown" => t!("progress-markdown"),
        "search documents" => t!("progress-search-index"),
        "page values" | "templates" => t!("progress-templates"),
        "render and write" | "render" => t!("progress-render"),
        "swap in" => t!("progress-swap-in"),
        "find links" | "ask links" | "external links" => t!("progress-external-links"),
        "content rules" => t!("progress-content-rules"),
        _ => t!("progress-working"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_stage_and_counts_files_once_there_are_some() {
        assert_eq!(line("parse", 0), "Reading pages…");
        assert_eq!(
            line("render and write", 4231),
            "Rendering and writing pages: 4231 files"
        );
        assert_eq!(line("something new", 0), "Working…");
        let progress = Progress::start();
        progress.stage("render");
        progress.file_done();
        assert_eq!(progress.shared.files.load(Ordering::Relaxed), 1);
        // Dropped before the first redraw: nothing was drawn, nothing is cleared.
        drop(progress);
    }
}
