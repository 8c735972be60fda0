//! Diagnostics: every problem a stage finds, with its place in a file, and how it is printed.
//! Pure: a diagnostic carries the quoted line with it, so printing needs no disk.

use std::fmt::{self, Write as _};
use std::io::{IsTerminal, Write as _};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn label(self) -> String {
        match self {
            Severity::Error => crate::t!("diag-error"),
            Severity::Warning => crate::t!("diag-warning"),
        }
    }
}

/// The code prefix of failures outside the site (exit code 2).
pub const INTERNAL_PREFIX: &str = "internal-";
/// The code prefix of command-line mistakes (exit code 2).
pub const USAGE_PREFIX: &str = "usage-";

/// One problem in the site, placed in a file when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable name for the kind of problem, e.g. `unknown-key`.
    pub code: &'static str,
    /// The file, relative to the site root, written with `/`; empty when the problem has no file.
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when there is no column.
    pub column: usize,
    /// How many characters the caret underlines (at least 1 when shown).
    pub width: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The line at `line`, quoted under the location.
    pub source_line: Option<String>,
    /// Further places or facts, printed as `= note:` lines.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A failure outside the site's content (the disk, the system): the run stops with exit
    /// code 2 rather than 1, and its code says so (`internal-write`, …).
    pub fn internal(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(code.starts_with(INTERNAL_PREFIX));
        Self::new(Severity::Error, code, message)
    }

    /// A usage mistake on the command line or a refused folder: exit code 2, like internal
    /// failures, since the site itself may be fine.
    pub fn usage(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(code.starts_with(USAGE_PREFIX));
        Self::new(Severity::Error, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            file: String::new(),
            line: 0,
            column: 0,
            width: 0,
            message: message.into(),
            hint: None,
            source_line: None,
            notes: Vec::new(),
        }
    }

    /// Names the file without a position in it.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = file.into();
        self
    }

    /// Places the diagnostic at a byte range of `source`, the text of `file`.
    /// Ranges past the end are clamped, so a parser's odd span can never panic here.
    pub fn at(mut self, source: &Source<'_>, range: std::ops::Range<usize>) -> Self {
        let place = source.locate(range);
        self.file = source.file.to_string();
        self.line = place.line;
        self.column = place.column;
        self.width = place.width;
        self.source_line = Some(place.text);
        self
    }

    /// Places the diagnostic at a 1-based line and column given directly (from a parser
    /// that reports them itself), quoting that line of `text`.
    pub fn at_line(mut self, file: &str, text: &str, line: usize, column: usize) -> Self {
        self.file = file.to_string();
        self.line = line;
        self.column = column;
        self.width = 1;
        self.source_line = text
            .split('\n')
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this is a failure of the run rather than of the site (exit code 2).
    pub fn is_internal(&self) -> bool {
        self.is_error()
            && (self.code.starts_with(INTERNAL_PREFIX) || self.code.starts_with(USAGE_PREFIX))
    }

    /// `file:line:col`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.file.is_empty(), self.line, self.column) {
            (true, _, _) => String::new(),
            (false, 0, _) => self.file.clone(),
            (false, line, 0) => format!("{}:{line}", self.file),
            (false, line, col) => format!("{}:{line}:{col}", self.file),
        }
    }

    /// The rustc-like text block: headline, location, quoted line with caret, hint, notes.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}[{}]: {}",
            self.severity.label(),
            self.code,
            self.message
        );
        let gutter = if self.line > 0 {
            " ".repeat(self.line.to_string().len())
        } else {
            String::new()
        };
        if !self.file.is_empty() {
            let _ = writeln!(out, "{gutter}--> {}", self.location());
        }
        if let (Some(text), true) = (&self.source_line, self.line > 0) {
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{} | {}", self.line, text.replace('\t', "    "));
            if self.column > 0 {
                let pad: String = text
                    .chars()
                    .take(self.column - 1)
                    .map(|c| if c == '\t' { "    " } else { " " })
                    .collect();
                let carets = "^".repeat(self.width.max(1));
                let _ = writeln!(out, "{gutter} | {pad}{carets}");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{gutter} = {}: {hint}", crate::t!("diag-hint"));
        }
        for note in &self.notes {
            let _ = writeln!(out, "{gutter} = {}: {note}", crate::t!("diag-note"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// A file's text with its site-relative name, for turning byte offsets into places.
/// `first_line` shifts line numbers when `text` is a fragment (front matter inside a page).
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub first_line: usize,
}

pub struct Place {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub text: String,
}

impl<'a> Source<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Source {
            file,
            text,
            first_line: 1,
        }
    }

    /// A fragment of a file that starts on line `first_line` of it.
    pub fn fragment(file: &'a str, text: &'a str, first_line: usize) -> Self {
        Source {
            file,
            text,
            first_line,
        }
    }

    pub fn locate(&self, range: std::ops::Range<usize>) -> Place {
        let start = floor_char_boundary(self.text, range.start.min(self.text.len()));
        let end = floor_char_boundary(self.text, range.end.clamp(start, self.text.len()));
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let line_index = self.text[..start].matches('\n').count();
        let column = self.text[line_start..start].chars().count() + 1;
        let width = self.text[start..end.min(line_end)].chars().count().max(1);
        Place {
            line: self.first_line + line_index,
            column,
            width,
            text: self.text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Diagnostics collected by a stage, in the order the driver prints them.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(more);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Sorted cause first — definitions (`.toml` files, task groups) before the data that
    /// refers to them, data before pages — then by file, place and message, so that
    /// parallel stages report in a stable order. Exact repeats (one broken shared file seen
    /// by many pages) are shown once, and one message repeated on many lines of a file is
    /// shown at its first line with a note naming the others.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (
                cause_rank(&a.file),
                &a.file,
                a.line,
                a.column,
                a.severity,
                &a.message,
            )
                .cmp(&(
                    cause_rank(&b.file),
                    &b.file,
                    b.line,
                    b.column,
                    b.severity,
                    &b.message,
                ))
        });
        self.items.dedup();
        group_repeats(self.items)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

/// Where a file stands in the order of causes: 0 for files others depend on (settings,
/// registries, plans, indicators, task groups) and problems of no file, 1 for data tables,
/// 2 for the rest (pages, templates).
fn cause_rank(file: &str) -> u8 {
    let path = file.split(" (").next().unwrap_or(file);
    // Registries (and the places' shapes, read with them) are causes; tables come next.
    if path.is_empty()
        || path.ends_with(".toml")
        || path.ends_with(".geojson")
        || path.ends_with(".topojson")
        || path.contains("/groups/")
    {
        0
    } else if path.ends_with(".csv") || path.ends_with(".xlsx") {
        1
    } else {
        2
    }
}

/// How many other lines a grouped note names before it stops.
const LINES_NAMED: usize = 10;

/// Folds a message repeated on several lines of one file into its first diagnostic:
/// "and 41 more rows like this: lines 12, 13, …". `items` are sorted by file and place.
fn group_repeats(items: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(items.len());
    // For each kept diagnostic, the other lines with the same message.
    let mut others: Vec<Vec<usize>> = Vec::with_capacity(items.len());
    let mut first_of: std::collections::HashMap<(String, Severity, &'static str, String), usize> =
        std::collections::HashMap::new();
    for diagnostic in items {
        if diagnostic.file.is_empty() || diagnostic.line == 0 {
            out.push(diagnostic);
            others.push(Vec::new());
            continue;
        }
        let key = (
            diagnostic.file.clone(),
            diagnostic.severity,
            diagnostic.code,
            diagnostic.message.clone(),
        );
        match first_of.get(&key) {
            Some(&index) if out[index].line != diagnostic.line => {
                others[index].push(diagnostic.line);
            }
            _ => {
                first_of.insert(key, out.len());
                out.push(diagnostic);
                others.push(Vec::new());
            }
        }
    }
    for (diagnostic, lines) in out.iter_mut().zip(others) {
        if lines.is_empty() {
            continue;
        }
        let table = cause_rank(&diagnostic.file) == 1;
        let mut named: Vec<String> = lines
            .iter()
            .take(LINES_NAMED)
            .map(usize::to_string)
            .collect();
        if lines.len() > LINES_NAMED {
            named.push("…".into());
        }
        let more = lines.len();
        let lines = named.join(", ");
        diagnostic.notes.push(if table {
            crate::t!("diag-more-rows", more = more, lines = lines)
        } else {
            crate::t!("diag-more-places", more = more, lines = lines)
        });
    }
    out
}

/// The exit code of a run that ended with `diagnostics`: 0 without errors, 2 when one of the
/// errors is a failure of the run (disk, usage), 1 when the site has errors.
pub fn exit_code(diagnostics: &[Diagnostic]) -> u8 {
    if diagnostics.iter().any(Diagnostic::is_internal) {
        2
    } else if diagnostics.iter().any(Diagnostic::is_error) {
        1
    } else {
        0
    }
}

/// Prints diagnostics to standard error, coloured on a terminal unless NO_COLOR is set (the
/// one place diagnostics leave the program).
pub fn print(diagnostics: &[Diagnostic]) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let text = diagnostic.render();
        if colour {
            let paint = match diagnostic.severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
            };
            let label = diagnostic.severity.label();
            let painted = text.replacen(&label, &format!("{paint}{label}\x1b[0m"), 1);
            let _ = writeln!(err, "{painted}");
        } else {
            let _ = writeln!(err, "{text}");
        }
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to suggest.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_come_first_and_repeats_in_a_file_are_grouped() {
        let at = |file: &str, line: usize, message: &str| {
            let mut d = Diagnostic::error("number", message).in_file(file);
            d.line = line;
            d.column = 3;
            d
        };
        let mut all: Diagnostics = (2..=14)
            .map(|line| at("content/data/a.csv", line, "`x` is not a number"))
            .collect();
        all.push(at("content/data/a.csv", 20, "`y` is not a number"));
        all.push(at("content/page.md", 1, "broken link"));
        all.push(at(
            "content/kh/indicators.toml",
            9,
            "`tang len` is not a direction",
        ));
        let sorted = all.sorted();
        let shown: Vec<(String, Vec<String>)> = sorted
            .iter()
            .map(|d| (d.location(), d.notes.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                ("content/kh/indicators.toml:9:3".to_string(), vec![]),
                (
                    "content/data/a.csv:2:3".to_string(),
                    vec![
                        "and 12 more rows like this: lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, …"
                            .to_string()
                    ]
                ),
                ("content/data/a.csv:20:3".to_string(), vec![]),
                ("content/page.md:1:3".to_string(), vec![]),
            ]
        );
    }

    #[test]
    fn renders_like_rustc_with_quoted_line_caret_and_hint() {
        let text = "title = \"x\"\nbase_ur = \"https://example.org\"\n";
        let source = Source::new("site-config.toml", text);
        let d = Diagnostic::error("unknown-key", "unknown key `base_ur`")
            .at(&source, 12..19)
            .with_hint("did you mean `base_url`?");
        assert_eq!(d.location(), "site-config.toml:2:1");
        assert_eq!(
            d.render(),
            "error[unknown-key]: unknown key `base_ur`\n\
             \x20--> site-config.toml:2:1\n  |\n\
             2 | base_ur = \"https://example.org\"\n  | ^^^^^^^\n  = hint: did you mean `base_url`?\n"
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "tiêu đề = 1";
        let source = Source::new("a.md", text);
        let offset = text.find('=').unwrap();
        let place = source.locate(offset..offset + 1);
        assert_eq!((place.line, place.column), (1, 9));
    }

    #[test]
    fn fragments_shift_line_numbers() {
        let source = Source::fragment("a.md", "x = 1\ny = \n", 2);
        assert_eq!(source.locate(6..7).line, 3);
    }

    #[test]
    fn out_of_range_spans_do_not_panic() {
        let source = Source::new("a.md", "đ");
        let place = source.locate(1..99);
        assert_eq!(place.line, 1);
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["title", "base_url", "default_language"];
        assert_eq!(did_you_mean("base_ur", keys), Some("base_url"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
