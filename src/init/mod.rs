//! Writing into a site folder (I/O): `minhbach init DIR` writes the starter site built into
//! the binary (and, if asked, the files that publish it from a Git host); `minhbach new`
//! (`new`) adds one file to an existing site. What is written is made by pure functions
//! (`starter`, `ci`, `new::text`); only this module and `new` touch the disk.

pub mod ci;
pub mod new;
pub mod starter;

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::messages::Lang;
use crate::t;

pub use ci::Host;

/// What `minhbach init` is asked to make.
#[derive(Clone, Debug)]
pub struct InitOptions {
    /// Where to create the site; it must not exist or must be empty.
    pub dir: PathBuf,
    /// The site's default language.
    pub language: Lang,
    /// Also write the files that publish the site from this Git host.
    pub ci: Option<Host>,
}

/// Keeps the built site out of Git: it is made again from the content by every build.
const GITIGNORE: (&str, &str) = (".gitignore", "/public/\n");

/// Every file of a new site, by path in the site folder, sorted.
pub fn site_files(options: &InitOptions) -> Vec<(String, Vec<u8>)> {
    let mut files = starter::files(options.language);
    files.push((GITIGNORE.0.to_string(), GITIGNORE.1.as_bytes().to_vec()));
    for (path, text) in options.ci.map(ci::files).unwrap_or_default() {
        files.push((path.to_string(), text.as_bytes().to_vec()));
    }
    files.sort();
    files
}

/// Creates a new site in `options.dir`, which must not exist or must be empty, so that no
/// file of the user's is ever overwritten. Returns the files written, by path in the site.
pub fn create(options: &InitOptions) -> Result<Vec<String>, Diagnostic> {
    let dir = &options.dir;
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| {
                failed(t!(
                    "init-cannot-read",
                    path = dir.display().to_string(),
                    error = e.to_string()
                ))
            })?
            .next()
            .is_none();
        if !empty {
            return Err(Diagnostic::usage(
                "usage-init-folder",
                t!("init-folder-not-empty", dir = dir.display().to_string()),
            )
            .with_hint(t!("init-folder-not-empty-hint")));
        }
    }
    let files = site_files(options);
    for (relative, bytes) in &files {
        write_new(&dir.join(relative), bytes)?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// Writes a file that must not exist yet, making its folder first.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    use std::io::Write as _;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| {
            failed(t!(
                "init-cannot-create",
                path = parent.display().to_string(),
                error = e.to_string()
            ))
        })?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| cannot_write(path, &e))?;
    file.write_all(bytes).map_err(|e| cannot_write(path, &e))
}

/// Replaces a file's bytes: they are written beside it and renamed over it, so that a
/// failure midway leaves the old file whole.
fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    use std::io::Write as _;
    let cannot = |e: std::io::Error| cannot_write(path, &e);
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(cannot)?;
    // The file keeps who may read it (a temporary file is private to its owner).
    if let Ok(metadata) = fs::metadata(path) {
        temporary
            .as_file()
            .set_permissions(metadata.permissions())
            .map_err(cannot)?;
    }
    temporary.write_all(bytes).map_err(cannot)?;
    temporary.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}

fn cannot_write(path: &Path, error: &std::io::Error) -> Diagnostic {
    failed(t!(
        "init-cannot-write",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}

fn failed(message: String) -> Diagnostic {
    Diagnostic::internal("internal-write", message)
}
