//! Write (I/O): the rendered site goes into a fresh folder beside the output folder, which
//! is swapped in only when the whole build succeeded. So a failed build leaves the previous
//! site intact, readers never see a half-empty folder, and files of deleted pages vanish.
//! A file whose bytes did not change is hard-linked from the previous build instead of
//! rewritten, so it keeps its modification time (deploy tools then skip it).
//!
//! A lock beside the output folder makes a second build into it wait; the swap is one atomic
//! exchange where the system has it. The marker file lists what the build wrote, so a file
//! put into the output by hand (a `CNAME`) is named before a new build leaves it out.
//!
//! The one writer of the site: `build` stages and swaps (`Staging`), `serve` updates its
//! folder in place (`InPlace`); both check paths and skip unchanged bytes the same way.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::Diagnostic;
use crate::render::{Body, Output};
use crate::source::{self, Bytes};
use crate::t;

/// A file in every output folder we write, so a later build knows the folder is ours to
/// replace. A non-empty folder without it is never replaced.
pub const MARKER: &str = ".minhbach-output";
const MARKER_TEXT: &str =
    "This folder is written by `minhbach build` and replaced by each build.\n";

/// Refuses an output folder that would overwrite or delete the site's own files.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let refuse = |why: String| {
        Diagnostic::usage(
            "usage-output-folder",
            t!(
                "output-refuse",
                folder = output.display().to_string(),
                reason = why
            ),
        )
        .with_hint(t!("output-refuse-hint"))
    };
    if output == root {
        return Err(refuse(t!("output-refuse-site-folder")));
    }
    if root.starts_with(&output) {
        return Err(refuse(t!("output-refuse-holds-site")));
    }
    for protected in [
        source::CONTENT_DIR,
        source::THEMES_DIR,
        source::TEMPLATES_DIR,
        source::STATIC_DIR,
        source::I18N_DIR,
    ] {
        if output.starts_with(root.join(protected)) {
            return Err(refuse(t!("output-refuse-protected", folder = protected)));
        }
    }
    if output.is_file() {
        return Err(refuse(t!("output-refuse-file")));
    }
    if output.is_dir() && !output.join(MARKER).is_file() {
        let has_files = fs::read_dir(&output)
            .map(|mut e| e.next().is_some())
            .unwrap_or(true);
        if has_files {
            return Err(refuse(t!("output-refuse-foreign")));
        }
    }
    Ok(())
}

/// `path` made absolute and cleaned of `.` and `..`, following symlinks where it exists.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    // The folder may not exist yet: resolve symlinks of the nearest existing ancestor.
    let mut existing = clean;
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_os_string());
                existing.pop();
            }
            None => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    out
}

/// Counts of what a build did to the output folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    /// Files of the previous output that no build wrote (put there by hand, like `CNAME`),
    /// which the new site does not have.
    pub foreign: Vec<String>,
}

/// A build in progress: files go to `staging`, next to `target`, until `commit`. It holds
/// a lock beside `target`, so two builds into one folder run one after the other.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    previous: Option<PathBuf>,
    made_dirs: Mutex<HashSet<PathBuf>>,
    error: Mutex<Option<(String, io::Error)>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    /// Every path written, for the manifest in the marker file.
    paths: Mutex<Vec<String>>,
    _lock: fs::File,
}

impl Staging {
    pub fn begin(target: &Path) -> Result<Staging, Diagnostic> {
        Staging::try_begin(target).map_err(|e| {
            Diagnostic::internal(
                "internal-write",
                t!(
                    "output-staging-failed",
                    target = target.display().to_string(),
                    error = e.to_string()
                ),
            )
        })
    }

    fn try_begin(target: &Path) -> io::Result<Staging> {
        let target = absolute(target);
        let parent = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent)?;
        let lock = lock_beside(&target)?;
        restore_interrupted_swap(&target)?;
        let staging = beside(&target, "new");
        if staging.exists() {
            // Left by a build that was interrupted; it is ours by its name.
            fs::remove_dir_all(&staging)?;
        }
        fs::create_dir(&staging)?;
        let previous = target.join(MARKER).is_file().then(|| target.clone());
        Ok(Staging {
            target,
            staging,
            previous,
            made_dirs: Mutex::new(HashSet::new()),
            error: Mutex::new(None),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            paths: Mutex::new(Vec::new()),
            _lock: lock,
        })
    }

    /// Writes one output; the first failure is kept and reported by `commit`.
    pub fn write(&self, output: Output) {
        if let Err(error) = self.try_write(&output) {
            let mut slot = self.error.lock().unwrap_or_else(|e| e.into_inner());
            slot.get_or_insert((output.path, error));
        }
    }

    fn try_write(&self, output: &Output) -> io::Result<()> {
        let relative = safe_relative(&output.path)?;
        self.paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(output.path.clone());
        let destination = self.staging.join(&relative);
        if let Some(dir) = destination.parent() {
            self.make_dir(dir)?;
        }
        let previous = self.previous.as_ref().map(|p| p.join(&relative));
        let bytes = body_bytes(&output.body)?;
        if let Some(previous) = previous
            && same_bytes(&previous, &bytes)
            && fs::hard_link(&previous, &destination).is_ok()
        {
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        fs::write(&destination, &bytes)?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Creates a folder once; the lock guards only the set, so folders are made in parallel
    /// (two threads making the same one is harmless: `create_dir_all` accepts that).
    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if self
            .made_dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(dir)
        {
            return Ok(());
        }
        fs::create_dir_all(dir)?;
        self.made_dirs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf());
        Ok(())
    }

    /// Swaps the new folder in for the old one, or, if any write failed, removes the new
    /// folder and leaves the old one as it was.
    pub fn commit(self) -> Result<WriteStats, Diagnostic> {
        let failure = self.error.lock().unwrap_or_else(|e| e.into_inner()).take();
        if let Some((path, error)) = failure {
            let _ = fs::remove_dir_all(&self.staging);
            return Err(Diagnostic::internal(
                "internal-write",
                t!(
                    "output-write-failed-kept",
                    path = path,
                    error = error.to_string()
                ),
            ));
        }
        let mut paths = std::mem::take(&mut *self.paths.lock().unwrap_or_else(|e| e.into_inner()));
        paths.sort_unstable();
        let foreign = self.foreign_files(&paths);
        let result = (|| -> io::Result<()> {
            fs::write(self.staging.join(MARKER), manifest(&paths))?;
            swap_in(&self.staging, &self.target)
        })();
        match result {
            Ok(()) => Ok(WriteStats {
                written: self.written.load(Ordering::Relaxed),
                unchanged: self.unchanged.load(Ordering::Relaxed),
                foreign,
            }),
            Err(error) => {
                let _ = fs::remove_dir_all(&self.staging);
                Err(Diagnostic::internal(
                    "internal-write",
                    t!(
                        "output-swap-failed",
                        target = self.target.display().to_string(),
                        error = error.to_string()
                    ),
                ))
            }
        }
    }

    /// Drops the new folder; the old output stays as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }

    /// The files of the previous output that its manifest does not list (so no build wrote
    /// them) and the new site does not have.
    fn foreign_files(&self, new_paths: &[String]) -> Vec<String> {
        let Some(previous) = &self.previous else {
            return Vec::new();
        };
        let Ok(marker) = fs::read_to_string(previous.join(MARKER)) else {
            return Vec::new();
        };
        // A marker of an older version lists no files: nothing can be told apart then.
        let Some(listed) = marker.split_once(MANIFEST_HEADING).map(|(_, list)| list) else {
            return Vec::new();
        };
        let written: HashSet<&str> = listed
            .lines()
            .chain(new_paths.iter().map(String::as_str))
            .collect();
        let (files, _) = source::walk_files(previous, previous);
        files
            .iter()
            .map(|path| source::relative(previous, path))
            .filter(|path| !written.contains(path.as_str()))
            .collect()
    }
}

/// Heads the list of files in the marker file.
const MANIFEST_HEADING: &str = "Files written:\n";

/// The marker file's text: what the folder is, and every file the build wrote.
fn manifest(paths: &[String]) -> String {
    let mut text = String::with_capacity(MARKER_TEXT.len() + paths.len() * 40);
    text.push_str(MARKER_TEXT);
    text.push('\n');
    text.push_str(MANIFEST_HEADING);
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// `.NAME.minhbach-KIND` beside `target`: the staging folder, the old one (and the lock file
/// where folders cannot be locked).
fn beside(target: &Path, kind: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    target.with_file_name(format!(".{name}.minhbach-{kind}"))
}

/// Takes the advisory lock for building into `target`, waiting (with a message) while
/// another build holds it. On Unix the lock is on the folder that holds `target`, so nothing
/// is left beside the site; elsewhere it is a hidden file beside `target`.
fn lock_beside(target: &Path) -> io::Result<fs::File> {
    let file = lock_file(target)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!(
                "{}",
                t!("output-waiting", target = target.display().to_string())
            );
            file.lock()?;
        }
        Err(fs::TryLockError::Error(error)) => return Err(error),
    }
    Ok(file)
}

#[cfg(unix)]
fn lock_file(target: &Path) -> io::Result<fs::File> {
    fs::File::open(target.parent().unwrap_or(Path::new(".")))
}

#[cfg(not(unix))]
fn lock_file(target: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(beside(target, "lock"))
}

/// Puts back the previous site when a build was stopped between the two renames of the
/// fallback swap (the site folder gone, the old one beside it).
fn restore_interrupted_swap(target: &Path) -> io::Result<()> {
    let old = beside(target, "old");
    if !target.exists() && old.join(MARKER).is_file() {
        fs::rename(&old, target)?;
    } else if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// Replaces `target` with `staging` so that `target` is never missing: one atomic exchange
/// where the system has it, else two renames (a stop between them is undone by
/// `restore_interrupted_swap`). The previous site is removed afterwards.
fn swap_in(staging: &Path, target: &Path) -> io::Result<()> {
    if !target.exists() {
        return fs::rename(staging, target);
    }
    if exchange(staging, target)? {
        // The new site is in place; the old one is only clutter now.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = beside(target, "old");
    fs::rename(target, &old)?;
    if let Err(error) = fs::rename(staging, target) {
        let _ = fs::rename(&old, target);
        return Err(error);
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps two paths in one step; `false` when this system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both paths are valid NUL-terminated strings that live across the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::ENOSYS | libc::EINVAL | libc::ENOTSUP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// A folder kept up to date in place, for `serve`: each file is written only when its bytes
/// changed, through a temporary file renamed over the old one (a reader never sees half a
/// file), and files no longer made are removed. Paths are checked as a build's are.
pub struct InPlace {
    root: PathBuf,
}

impl InPlace {
    pub fn new(root: &Path) -> Result<InPlace, Diagnostic> {
        fs::create_dir_all(root).map_err(|e| {
            Diagnostic::internal(
                "internal-write",
                t!(
                    "output-create-failed",
                    path = root.display().to_string(),
                    error = e.to_string()
                ),
            )
        })?;
        Ok(InPlace {
            root: root.to_path_buf(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Writes the outputs whose bytes differ from the files there, in parallel; returns how
    /// many were written, or the first failure.
    pub fn write(&self, outputs: &[Output]) -> Result<usize, Diagnostic> {
        use rayon::prelude::*;
        let results: Vec<io::Result<bool>> =
            outputs.par_iter().map(|o| self.write_one(o)).collect();
        let mut written = 0;
        for (output, result) in outputs.iter().zip(results) {
            match result {
                Ok(wrote) => written += usize::from(wrote),
                Err(error) => {
                    return Err(Diagnostic::internal(
                        "internal-write",
                        t!(
                            "output-write-failed",
                            path = &output.path,
                            error = error.to_string()
                        ),
                    ));
                }
            }
        }
        Ok(written)
    }

    fn write_one(&self, output: &Output) -> io::Result<bool> {
        let target = self.root.join(safe_relative(&output.path)?);
        let bytes = body_bytes(&output.body)?;
        if same_bytes(&target, &bytes) {
            return Ok(false);
        }
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = target.with_file_name(format!(".{name}.minhbach-tmp"));
        // Made new, never opened through a link someone left at that name; the rename then
        // replaces whatever is at the target, a link included, without following it.
        let _ = fs::remove_file(&temporary);
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        io::Write::write_all(&mut file, &bytes)?;
        drop(file);
        fs::rename(&temporary, &target)?;
        Ok(true)
    }

    /// Removes an output no longer made, and the folders it leaves empty.
    pub fn remove(&self, path: &str) {
        let Ok(relative) = safe_relative(path) else {
            return;
        };
        let _ = fs::remove_file(self.root.join(&relative));
        let mut dir = self.root.join(relative);
        while dir.pop() && dir.starts_with(&self.root) && dir != self.root {
            if fs::remove_dir(&dir).is_err() {
                break;
            }
        }
    }
}

/// The bytes of an output: made by the build, or copied from a file.
fn body_bytes(body: &Body) -> io::Result<std::borrow::Cow<'_, [u8]>> {
    Ok(match body {
        Body::Made(bytes) => bytes.as_slice().into(),
        Body::Copy(Bytes::Embedded(data)) => (*data).into(),
        Body::Copy(Bytes::Disk(path)) => fs::read(path)?.into(),
    })
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).is_ok_and(|old| old == bytes)
        }
        _ => false,
    }
}

/// An output path as a relative path with no way out of the output folder.
fn safe_relative(path: &str) -> io::Result<PathBuf> {
    let relative = PathBuf::from(path);
    let ok = !path.is_empty()
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(relative)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            t!("output-not-inside", path = path),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(path: &str, body: &str) -> Output {
        Output {
            path: path.into(),
            body: Body::Made(body.as_bytes().to_vec()),
        }
    }

    #[test]
    fn unchanged_files_are_linked_and_deleted_ones_disappear() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out).unwrap();
        first.write(text("a/index.html", "A"));
        first.write(text("b/index.html", "B"));
        assert_eq!(
            first.commit().unwrap(),
            WriteStats {
                written: 2,
                unchanged: 0,
                foreign: Vec::new()
            }
        );

        let second = Staging::begin(&out).unwrap();
        second.write(text("a/index.html", "A"));
        second.write(text("c/index.html", "C"));
        assert_eq!(
            second.commit().unwrap(),
            WriteStats {
                written: 1,
                unchanged: 1,
                foreign: Vec::new()
            }
        );
        assert!(out.join("a/index.html").is_file());
        assert!(!out.join("b").exists());
        assert!(out.join(MARKER).is_file());
        assert!(!dir.path().join(".public.minhbach-new").exists());
    }

    #[test]
    fn a_failed_write_keeps_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out).unwrap();
        first.write(text("index.html", "old"));
        first.commit().unwrap();
        let second = Staging::begin(&out).unwrap();
        second.write(text("../escape.html", "x"));
        assert!(second.commit().is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!dir.path().join("escape.html").exists());
    }

    #[test]
    fn refuses_folders_that_would_overwrite_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(dir.path().join("docs")).unwrap();
        fs::write(dir.path().join("docs/notes.txt"), "mine").unwrap();
        assert!(check_output_dir(&root, &root).is_err());
        assert!(check_output_dir(&root, dir.path()).is_err());
        assert!(check_output_dir(&root, &root.join("content")).is_err());
        assert!(check_output_dir(&root, &root.join("content/x")).is_err());
        assert!(check_output_dir(&root, &root.join("public/../content")).is_err());
        assert!(check_output_dir(&root, &dir.path().join("docs")).is_err());
        assert!(check_output_dir(&root, &root.join("public")).is_ok());
    }

    #[test]
    fn a_file_put_in_by_hand_is_named_when_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out).unwrap();
        first.write(text("index.html", "A"));
        first.write(text("old/index.html", "B"));
        first.commit().unwrap();
        fs::write(out.join("CNAME"), "cds.example.gov.vn").unwrap();
        let second = Staging::begin(&out).unwrap();
        second.write(text("index.html", "A"));
        let stats = second.commit().unwrap();
        // The page that is gone was the build's own; only CNAME is someone else's.
        assert_eq!(stats.foreign, ["CNAME"]);
        assert!(!out.join("CNAME").exists());
    }

    #[test]
    fn a_swap_stopped_between_its_renames_is_undone_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out).unwrap();
        first.write(text("index.html", "old"));
        first.commit().unwrap();
        // What a stop between the two renames leaves: no site, the old one beside it.
        fs::rename(&out, dir.path().join(".public.minhbach-old")).unwrap();
        fs::create_dir(dir.path().join(".public.minhbach-new")).unwrap();
        let second = Staging::begin(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        second.abort();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert!(!dir.path().join(".public.minhbach-old").exists());
    }

    #[test]
    fn a_second_build_into_the_same_folder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out).unwrap();
        first.write(text("index.html", "first"));
        let (started, finished) = std::sync::mpsc::channel();
        let second_out = out.clone();
        let second = std::thread::spawn(move || {
            started.send(()).unwrap();
            let second = Staging::begin(&second_out).unwrap();
            second.write(text("index.html", "second"));
            second.commit().unwrap();
        });
        finished.recv().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        // The second build cannot have begun: the first still holds the lock.
        assert!(!out.exists());
        first.commit().unwrap();
        second.join().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("index.html")).unwrap(),
            "second"
        );
    }
}
