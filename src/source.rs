//! Load: walk the site folder into memory (I/O). Every later stage works on these texts.
//!
//! Templates, static files and i18n files come in three layers, read in this order so that
//! a later one replaces an earlier one file by file: the theme built into the binary, the
//! theme folder on disk (`themes/NAME/`), and the site's own `templates/`, `static/`, `i18n/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use walkdir::WalkDir;

use crate::diag::Diagnostic;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
pub use embedded::STARTER_SITE;

pub const CONTENT_DIR: &str = "content";
pub const THEMES_DIR: &str = "themes";
pub const TEMPLATES_DIR: &str = "templates";
pub const STATIC_DIR: &str = "static";
pub const I18N_DIR: &str = "i18n";
const BUILTIN_PREFIX: &str = "(built-in theme)";

/// A text file of the site, by its path relative to the site root (with `/`).
#[derive(Clone, Debug)]
pub struct TextFile {
    /// Where the file is, for messages: `content/news/a.md`, `themes/default/templates/base.html`.
    pub file: String,
    pub text: String,
}

/// A file copied to the output untouched.
#[derive(Clone, Debug)]
pub enum Bytes {
    Disk(PathBuf),
    Embedded(&'static [u8]),
}

/// Everything the site folder holds that a build reads.
#[derive(Clone, Debug, Default)]
pub struct SiteSources {
    pub root: PathBuf,
    /// Markdown files under `content/`, keyed by their path inside it (`news/a.md`).
    pub pages: BTreeMap<String, TextFile>,
    /// Other files under `content/`, keyed by their path inside it.
    pub content_files: BTreeMap<String, Bytes>,
    /// Templates by name (`page.html`, `partials/head.html`), after layering.
    pub templates: BTreeMap<String, TextFile>,
    /// Static files by their path in the output, after layering.
    pub static_files: BTreeMap<String, Bytes>,
    /// i18n tables by language, each a list of layers from least to most specific.
    pub i18n: BTreeMap<String, Vec<TextFile>>,
}

/// Reads the site under `root` for the named theme. Problems with single files are
/// returned as diagnostics beside what could be read.
pub fn load(root: &Path, theme: &str) -> (SiteSources, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut sources = SiteSources {
        root: root.to_path_buf(),
        ..SiteSources::default()
    };

    let theme_dir = root.join(THEMES_DIR).join(theme);
    let builtin = theme == "default";
    if !builtin && !theme_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error("theme-missing", format!("theme `{theme}` was not found"))
                .in_file(crate::config::CONFIG_FILE)
                .with_hint(format!(
                    "put the theme in {THEMES_DIR}/{theme}/, or use theme = \"default\""
                )),
        );
    }
    if builtin {
        for (rel, bytes) in embedded::DEFAULT_THEME {
            let file = format!("{BUILTIN_PREFIX}/{rel}");
            add_theme_file(
                &mut sources,
                &mut diagnostics,
                rel,
                file,
                Bytes::Embedded(bytes),
            );
        }
    }
    for layer_root in [theme_dir, root.to_path_buf()] {
        for sub in [TEMPLATES_DIR, STATIC_DIR, I18N_DIR] {
            let dir = layer_root.join(sub);
            let (files, problems) = walk_files(&dir, root);
            diagnostics.extend(problems);
            for path in files {
                let rel = relative(&layer_root, &path);
                let file = relative(root, &path);
                add_theme_file(
                    &mut sources,
                    &mut diagnostics,
                    &rel,
                    file,
                    Bytes::Disk(path),
                );
            }
        }
    }

    let content_dir = root.join(CONTENT_DIR);
    let (files, problems) = walk_files(&content_dir, root);
    diagnostics.extend(problems);
    let (markdown, others): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "md"));
    let read: Vec<(String, Result<String, Diagnostic>)> = markdown
        .par_iter()
        .map(|path| {
            let file = relative(root, path);
            let text = read_text(path, &file);
            (relative(&content_dir, path), text)
        })
        .collect();
    for (rel, text) in read {
        match text {
            Ok(text) => {
                let file = format!("{CONTENT_DIR}/{rel}");
                sources.pages.insert(rel, TextFile { file, text });
            }
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    for path in others {
        sources
            .content_files
            .insert(relative(&content_dir, &path), Bytes::Disk(path));
    }
    (sources, diagnostics)
}

fn add_theme_file(
    sources: &mut SiteSources,
    diagnostics: &mut Vec<Diagnostic>,
    rel: &str,
    file: String,
    bytes: Bytes,
) {
    let Some((kind, name)) = rel.split_once('/') else {
        return;
    };
    match kind {
        STATIC_DIR => {
            sources.static_files.insert(name.to_string(), bytes);
        }
        TEMPLATES_DIR | I18N_DIR => {
            let text = match &bytes {
                Bytes::Disk(path) => read_text(path, &file),
                Bytes::Embedded(data) => decode(data, &file),
            };
            let text = match text {
                Ok(text) => text,
                Err(diagnostic) => {
                    diagnostics.push(diagnostic);
                    return;
                }
            };
            if kind == TEMPLATES_DIR {
                sources
                    .templates
                    .insert(name.to_string(), TextFile { file, text });
            } else if let Some(lang) = name.strip_suffix(".toml") {
                sources
                    .i18n
                    .entry(lang.to_string())
                    .or_default()
                    .push(TextFile { file, text });
            }
        }
        _ => {}
    }
}

/// Every file under `dir`, sorted, skipping hidden files and editors' temporary files.
/// A missing folder is simply empty; an entry that cannot be read (a broken link, a folder
/// without permission) is reported, named relative to `root`.
pub fn walk_files(dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (files, problems);
    }
    let walk = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walk {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let file = error.path().map(|p| relative(root, p)).unwrap_or_default();
                let io = error.io_error().map_or_else(
                    || std::io::Error::other(error.to_string()),
                    |e| std::io::Error::new(e.kind(), e.to_string()),
                );
                problems.push(read_error(&io, &file));
            }
        }
    }
    (files, problems)
}

/// Hidden files and the temporary files editors write beside the one being saved.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

/// `path` relative to `base`, with `/` separators.
pub fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a text file: UTF-8 (a byte-order mark is dropped), normalised to NFC so that
/// text typed with different Vietnamese keyboards compares equal.
pub fn read_text(path: &Path, file: &str) -> Result<String, Diagnostic> {
    match std::fs::read(path) {
        Ok(bytes) => decode(&bytes, file),
        Err(error) => Err(read_error(&error, file)),
    }
}

pub fn read_error(error: &std::io::Error, file: &str) -> Diagnostic {
    let (message, hint) = match error.kind() {
        std::io::ErrorKind::NotFound => (
            format!("{file} was not found"),
            "check the file name and that it is in the site folder",
        ),
        std::io::ErrorKind::PermissionDenied => (
            format!("{file} cannot be read: permission denied"),
            "give your user permission to read the file (for example `chmod a+r`)",
        ),
        _ => (
            format!("{file} cannot be read: {error}"),
            "check that the file is a regular file and the disk is readable",
        ),
    };
    Diagnostic::error("unreadable-file", message)
        .in_file(file)
        .with_hint(hint)
}

/// Decodes bytes as UTF-8 text in NFC, or says where the first byte that is not UTF-8 is.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(nfc(text)),
        Err(error) => {
            let bad = error.valid_up_to();
            let line_start = bytes[..bad]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let line_end = bytes[bad..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |i| bad + i);
            let line = bytes[..bad].iter().filter(|b| **b == b'\n').count() + 1;
            let before = String::from_utf8_lossy(&bytes[line_start..bad]);
            let column = before.chars().count() + 1;
            let quoted = String::from_utf8_lossy(&bytes[line_start..line_end]);
            let mut diagnostic = Diagnostic::error(
                "not-utf8",
                format!("{file} is not UTF-8 text (byte {bad} cannot be read as UTF-8)"),
            )
            .with_hint(
                "save the file as UTF-8; in a spreadsheet or Word choose \"UTF-8\" as the \
                 encoding (files saved as Windows-1258 or TCVN3 show this error)",
            );
            diagnostic.file = file.to_string();
            diagnostic.line = line;
            diagnostic.column = column;
            diagnostic.width = 1;
            diagnostic.source_line = Some(quoted.trim_end_matches('\r').to_string());
            Err(diagnostic)
        }
    }
}

pub fn nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalised_to_nfc_and_bom_is_dropped() {
        let text = decode("\u{feff}Ke\u{302}\u{301}".as_bytes(), "a.md").unwrap();
        assert_eq!(text, "Kế");
    }

    #[test]
    fn a_non_utf8_byte_is_placed_by_line_and_column() {
        let error = decode(b"title = 1\nab\xE0cd\n", "content/a.md").unwrap_err();
        assert_eq!(error.location(), "content/a.md:2:3");
        assert_eq!(error.code, "not-utf8");
    }

    #[test]
    fn editor_temporary_files_are_ignored() {
        for name in [".a.md.swp", "a.md~", "#a.md#", ".hidden"] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("a.md"));
    }
}
