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
use crate::t;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}
pub use embedded::STARTER_SITE;

/// The site's settings, at the top of the site folder.
pub const CONFIG_FILE: &str = "site-config.toml";
pub const CONTENT_DIR: &str = "content";
pub const THEMES_DIR: &str = "themes";
pub const TEMPLATES_DIR: &str = "templates";
pub const STATIC_DIR: &str = "static";
pub const I18N_DIR: &str = "i18n";
const BUILTIN_PREFIX: &str = "(built-in theme)";
/// Files of `content/` read for plans and their data.
/// (Compared without regard to case: `.CSV` from an old system is data too; `.xls` and `.ods`
/// are read so that the plan can say it cannot use them, not copied and forgotten; the
/// places' boundaries are `.geojson` or `.topojson`.)
const DATA_EXTENSIONS: [&str; 7] = ["toml", "csv", "xlsx", "xls", "ods", "geojson", "topojson"];

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
    /// The data files of `content/` (`.toml`, `.csv`, `.xlsx`) with their bytes, for plans.
    pub data: BTreeMap<String, Vec<u8>>,
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
    load_theme(&mut sources, theme, &mut diagnostics);
    load_content(&mut sources, &mut diagnostics);
    (sources, diagnostics)
}

/// (Re)reads the templates, static files and i18n strings, layer by layer.
pub fn load_theme(sources: &mut SiteSources, theme: &str, diagnostics: &mut Vec<Diagnostic>) {
    let root = sources.root.clone();
    sources.templates.clear();
    sources.static_files.clear();
    sources.i18n.clear();
    let theme_dir = root.join(THEMES_DIR).join(theme);
    let builtin = theme == "default";
    if !builtin && !theme_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error("theme-missing", t!("source-theme-missing", theme = theme))
                .in_file(CONFIG_FILE)
                .with_hint(t!(
                    "source-theme-missing-hint",
                    folder = format!("{THEMES_DIR}/{theme}/")
                )),
        );
    }
    if builtin {
        for (rel, bytes) in embedded::DEFAULT_THEME {
            let file = format!("{BUILTIN_PREFIX}/{rel}");
            add_theme_file(sources, diagnostics, rel, file, Bytes::Embedded(bytes));
        }
    }
    for layer_root in [theme_dir, root.clone()] {
        for sub in [TEMPLATES_DIR, STATIC_DIR, I18N_DIR] {
            let dir = layer_root.join(sub);
            let (files, problems) = walk_files(&dir, &root);
            diagnostics.extend(problems);
            for path in files {
                let rel = relative(&layer_root, &path);
                let file = relative(&root, &path);
                add_theme_file(sources, diagnostics, &rel, file, Bytes::Disk(path));
            }
        }
    }
}

/// Reads every file of `content/`.
fn load_content(sources: &mut SiteSources, diagnostics: &mut Vec<Diagnostic>) {
    let root = sources.root.clone();
    let content_dir = root.join(CONTENT_DIR);
    let (files, problems) = walk_files(&content_dir, &root);
    diagnostics.extend(problems);
    let read: Vec<(String, Result<ContentFile, Diagnostic>)> = files
        .par_iter()
        .map(|path| (relative(&content_dir, path), read_content_file(&root, path)))
        .collect();
    for (rel, file) in read {
        match file {
            Ok(file) => sources.put(rel, file),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
}

/// A file of `content/` as read.
pub enum ContentFile {
    Markdown(TextFile),
    /// A data file (`.toml`, `.csv`, `.xlsx`): read for plans, and published as is.
    Data(Vec<u8>, PathBuf),
    /// Any other file, published as is.
    Asset(PathBuf),
}

/// Reads one file of `content/` (Markdown and data are read now, assets when copied).
pub fn read_content_file(root: &Path, path: &Path) -> Result<ContentFile, Diagnostic> {
    let file = relative(root, path);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if extension == "md" {
        return read_text(path, &file).map(|text| ContentFile::Markdown(TextFile { file, text }));
    }
    if DATA_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) {
        return match std::fs::read(path) {
            Ok(bytes) => Ok(ContentFile::Data(bytes, path.to_path_buf())),
            Err(error) => Err(read_error(&error, &file)),
        };
    }
    Ok(ContentFile::Asset(path.to_path_buf()))
}

impl SiteSources {
    /// Puts a file of `content/` (by its path inside it) in its place, replacing any earlier
    /// version.
    pub fn put(&mut self, rel: String, file: ContentFile) {
        self.forget(&rel);
        match file {
            ContentFile::Markdown(text) => {
                self.pages.insert(rel, text);
            }
            ContentFile::Data(bytes, path) => {
                self.data.insert(rel.clone(), bytes);
                self.content_files.insert(rel, Bytes::Disk(path));
            }
            ContentFile::Asset(path) => {
                self.content_files.insert(rel, Bytes::Disk(path));
            }
        }
    }

    /// Reads one file of `content/` again by its path inside it, or forgets it when it is
    /// gone; a file that cannot be read is reported.
    pub fn reread(&mut self, rel: &str) -> Result<(), Diagnostic> {
        let path = self.root.join(CONTENT_DIR).join(rel);
        if !path.is_file() {
            self.forget(rel);
            return Ok(());
        }
        let file = read_content_file(&self.root, &path)?;
        self.put(rel.to_string(), file);
        Ok(())
    }

    /// Forgets a file of `content/` that was deleted.
    pub fn forget(&mut self, rel: &str) {
        self.pages.remove(rel);
        self.data.remove(rel);
        self.content_files.remove(rel);
    }
}

/// How a changed file matters to the site, told from where it lies in the site folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Config,
    /// A file of `content/`, by its path inside it.
    Content(String),
    Template,
    Static(String),
    I18n,
    /// Not part of the site (the output folder, `.git`, editor files…).
    Ignored,
}

/// Sorts a changed path (relative to the site root, `/`-separated) by what it affects.
pub fn classify(relative: &str, theme: &str) -> Change {
    let parts: Vec<&str> = relative.split('/').collect();
    if parts.iter().any(|part| is_ignored_name(part)) {
        return Change::Ignored;
    }
    let theme_prefix = [THEMES_DIR, theme];
    let layer = if parts.len() > 2 && parts[..2] == theme_prefix {
        &parts[2..]
    } else {
        &parts[..]
    };
    match layer {
        [CONFIG_FILE] if parts.len() == 1 => Change::Config,
        ["theme.toml"] if parts.len() > 2 => Change::Config,
        [first, rest @ ..]
            if *first == CONTENT_DIR && parts.len() == layer.len() && !rest.is_empty() =>
        {
            Change::Content(rest.join("/"))
        }
        [first, rest @ ..] if *first == TEMPLATES_DIR && !rest.is_empty() => Change::Template,
        [first, rest @ ..] if *first == STATIC_DIR && !rest.is_empty() => {
            Change::Static(rest.join("/"))
        }
        [first, rest @ ..] if *first == I18N_DIR && !rest.is_empty() => Change::I18n,
        _ => Change::Ignored,
    }
}

/// The files a loader read, by path inside `content/`, each with a fingerprint of its bytes.
/// Loaders return them with what they made, so `serve` sees a change to any of them without
/// knowing which files a loader reads: a new kind of input is tracked where it is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    files: BTreeMap<String, u64>,
}

impl Inputs {
    /// Notes that the loader read `path` with these bytes.
    pub fn read(&mut self, path: &str, bytes: &[u8]) {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        self.files.insert(path.to_string(), hasher.finish());
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Adds the files another read noted.
    pub fn merge(&mut self, other: Inputs) {
        self.files.extend(other.files);
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// One fingerprint of every file and its bytes.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.files.hash(&mut hasher);
        hasher.finish()
    }
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
/// without permission), a name that is not UTF-8 and a link that leads out of the site
/// folder are reported, named relative to `root`, and left out.
pub fn walk_files(dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (files, problems);
    }
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut walk = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let file = error.path().map(|p| relative(root, p)).unwrap_or_default();
                let io = error.io_error().map_or_else(
                    || std::io::Error::other(error.to_string()),
                    |e| std::io::Error::new(e.kind(), e.to_string()),
                );
                problems.push(read_error(&io, &file));
                continue;
            }
        };
        let refused = if entry.file_name().to_str().is_none() {
            Some(name_not_utf8(entry.path(), root))
        } else if entry.path_is_symlink() {
            link_out_of_site(entry.path(), root, &real_root)
        } else {
            None
        };
        if let Some(problem) = refused {
            problems.push(problem);
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_file() {
            files.push(entry.into_path());
        }
    }
    (files, problems)
}

/// A file or folder whose name is not UTF-8: its address would be mangled, and two such
/// names could become one page.
fn name_not_utf8(path: &Path, root: &Path) -> Diagnostic {
    let shown = path.strip_prefix(root).unwrap_or(path);
    Diagnostic::error(
        "file-name-not-utf8",
        t!("source-name-not-utf8", path = shown.display().to_string()),
    )
    .with_note(t!(
        "source-name-as-stored",
        name = format!("{:?}", shown.as_os_str())
    ))
    .with_hint(t!("source-name-not-utf8-hint"))
}

/// A link whose target lies outside the site folder: following it would publish a file
/// the site does not hold (a link to /etc/passwd, say). Links inside the site are kept.
fn link_out_of_site(path: &Path, root: &Path, real_root: &Path) -> Option<Diagnostic> {
    let target = std::fs::canonicalize(path).ok()?;
    if target.starts_with(real_root) {
        return None;
    }
    let file = relative(root, path);
    Some(
        Diagnostic::error(
            "link-out-of-site",
            t!(
                "source-link-out-of-site",
                file = &file,
                target = target.display().to_string()
            ),
        )
        .in_file(file)
        .with_hint(t!("source-link-out-of-site-hint")),
    )
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
    let relative = path.strip_prefix(base).unwrap_or(path).to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        relative.into_owned()
    } else {
        relative.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Reads a text file: UTF-8 (a byte-order mark is dropped), normalised to NFC so that
/// text typed with different Vietnamese keyboards compares equal.
pub fn read_text(path: &Path, file: &str) -> Result<String, Diagnostic> {
    match std::fs::read(path) {
        Ok(bytes) => decode_owned(bytes, file),
        Err(error) => Err(read_error(&error, file)),
    }
}

pub fn read_error(error: &std::io::Error, file: &str) -> Diagnostic {
    let (message, hint) = match error.kind() {
        std::io::ErrorKind::NotFound => (
            t!("source-not-found", file = file),
            t!("source-not-found-hint"),
        ),
        std::io::ErrorKind::PermissionDenied => (
            t!("source-permission-denied", file = file),
            t!("source-permission-denied-hint"),
        ),
        _ => (
            t!("source-unreadable", file = file, error = error.to_string()),
            t!("source-unreadable-hint"),
        ),
    };
    Diagnostic::error("unreadable-file", message)
        .in_file(file)
        .with_hint(hint)
}

/// U+0000 replaced by U+FFFD, as CommonMark does for Markdown: a NUL byte is never valid
/// in HTML, XML or a CSV cell, so no text of the site carries one further.
fn without_nul(text: String) -> String {
    if text.contains('\0') {
        text.replace('\0', "\u{FFFD}")
    } else {
        text
    }
}

/// Decodes bytes as UTF-8 text in NFC, or says where the first byte that is not UTF-8 is.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, Diagnostic> {
    decode_owned(bytes.to_vec(), file)
}

/// `decode` without copying the bytes when they are already UTF-8 in NFC (the usual case).
pub fn decode_owned(mut bytes: Vec<u8>, file: &str) -> Result<String, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // Checked with `simdutf8`, which is several times faster than the standard library's
    // check on text that is mostly not ASCII (Vietnamese): the check runs over every source.
    if let Err(error) = simdutf8::compat::from_utf8(&bytes) {
        return Err(not_utf8(&bytes, error.valid_up_to(), file));
    }
    // SAFETY: `simdutf8` has just checked that the bytes are UTF-8.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    Ok(without_nul(if is_surely_nfc(&text) {
        text
    } else {
        nfc(&text)
    }))
}

fn not_utf8(bytes: &[u8], bad: usize, file: &str) -> Diagnostic {
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
    let quoted = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let mut diagnostic =
        Diagnostic::error("not-utf8", t!("source-not-utf8", file = file, byte = bad))
            .with_hint(t!("source-not-utf8-hint"));
    diagnostic.file = file.to_string();
    diagnostic.line = line;
    diagnostic.column = before.chars().count() + 1;
    diagnostic.width = 1;
    diagnostic.source_line = Some(quoted.trim_end_matches('\r').to_string());
    diagnostic
}

pub fn nfc(text: &str) -> String {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// True when every character is one that is in NFC whatever follows it, unless what follows
/// is itself outside this set: ASCII, U+0080–U+02FF (Latin letters, all precomposed), the
/// Latin Extended Additional block with the Vietnamese letters (U+1E00–U+1EFF), and common
/// typographic quotes and dashes. That is nearly all Vietnamese text as keyboards type it;
/// anything else takes the full check. It runs over every byte of every page, so it only
/// stops at lead bytes from 0xCC up: the text is valid UTF-8, so every smaller byte is
/// ASCII, the tail of a character, or the lead of one below U+0300.
fn is_surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Written as folds without early exits so that the compiler can check many bytes per
    // instruction: a lead byte of U+0300 or above must be E1 or E2 ...
    let other_leads = bytes.iter().fold(false, |seen, &b| {
        seen | ((b >= 0xCC) & (b != 0xE1) & (b != 0xE2))
    });
    // ... an E1 must start U+1E00–U+1EFF (second byte B8–BB) ...
    let pairs = bytes.iter().zip(bytes.get(1..).unwrap_or_default());
    let other_e1 = bytes.last() == Some(&0xE1)
        || pairs.fold(false, |seen, (&b, &next)| {
            seen | ((b == 0xE1) & !(0xB8..=0xBB).contains(&next))
        });
    if other_leads || other_e1 {
        return false;
    }
    // ... and an E2, which is rare, must be one of – — ‘ ’ “ ” …
    memchr::memchr_iter(0xE2, bytes).all(|at| {
        bytes.get(at + 1) == Some(&0x80)
            && matches!(
                bytes.get(at + 2),
                Some(0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6)
            )
    })
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
    fn only_text_outside_the_fast_set_is_normalised() {
        assert!(is_surely_nfc("Kế hoạch “chuyển đổi số” — Đắk Lắk"));
        assert!(!is_surely_nfc("Ke\u{302}\u{301}"));
        // U+2001 EM QUAD decomposes to U+2003, so it is not in the fast set.
        assert!(!is_surely_nfc("a\u{2001}b"));
        assert_eq!(decode("a\u{2001}b".as_bytes(), "x").unwrap(), "a\u{2003}b");
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

    #[test]
    fn changed_paths_are_sorted_by_what_they_affect() {
        for (path, change) in [
            ("site-config.toml", Change::Config),
            (
                "content/tin-tuc/a.md",
                Change::Content("tin-tuc/a.md".into()),
            ),
            (
                "content/ke-hoach/data/x.csv",
                Change::Content("ke-hoach/data/x.csv".into()),
            ),
            ("templates/page.html", Change::Template),
            (
                "themes/default/templates/partials/head.html",
                Change::Template,
            ),
            ("themes/other/templates/page.html", Change::Ignored),
            ("static/css/main.css", Change::Static("css/main.css".into())),
            (
                "themes/default/static/js/search.js",
                Change::Static("js/search.js".into()),
            ),
            ("i18n/vi.toml", Change::I18n),
            ("themes/default/i18n/en.toml", Change::I18n),
            ("themes/default/theme.toml", Change::Config),
            ("content/.a.md.swp", Change::Ignored),
            ("content/a.md~", Change::Ignored),
            ("public/index.html", Change::Ignored),
            (".git/index", Change::Ignored),
            ("README.md", Change::Ignored),
        ] {
            assert_eq!(classify(path, "default"), change, "{path}");
        }
    }
}
