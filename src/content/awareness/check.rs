//! Checking one page's awareness front matter (pure): its audiences and, for a piece of an
//! awareness section, its topics and `[extra]` values, read from the places the front matter's
//! parse kept (`front_matter::Places`) so each mistake is reported at its line and column with
//! a hint. Takes a parsed page, returns the piece it makes and the diagnostics; the campaign, steps and questions,
//! and downloads have a file each. No disk (a download's size comes from the caller).

use std::ops::Range;

use super::terms::{Term, Vocabulary, suggest};
use super::{AwarenessInputs, Piece};
use crate::content::ContentPage;
use crate::content::front_matter::{self, PlacedTable};
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::t;

/// Checks one page's audiences (and, for a piece, its topics and `[extra]` tables).
pub(super) fn check_page(
    page: &ContentPage,
    root: Option<String>,
    inputs: &AwarenessInputs<'_>,
    vocabulary: &Vocabulary,
) -> (Option<Piece>, Vec<Diagnostic>) {
    let Ok(split) = front_matter::split(&page.file, &page.text) else {
        return (None, Vec::new());
    };
    let mut check = Check {
        source: split.source(&page.file),
        diagnostics: Vec::new(),
    };
    let (front, places) = (&page.front, &page.front.places);
    check.terms(
        &front.audience,
        &places.audience,
        &vocabulary.audiences,
        None,
    );
    let Some(root) = root else {
        return (None, check.diagnostics);
    };
    check.terms(
        &front.topics,
        &places.topics,
        &vocabulary.topics,
        Some(vocabulary.own_topics),
    );
    let mut piece = Piece {
        root,
        ..Piece::default()
    };
    if let Some(extra) = places.extra.as_deref() {
        piece.featured = check.flag(extra, "featured");
        piece.campaign = check.campaign(extra);
        piece.steps = check.entries(extra, "steps", ("name", "text"));
        piece.faq = check.entries(extra, "faq", ("question", "answer"));
        piece.downloads = check.downloads(extra, page, inputs);
    }
    (Some(piece), check.diagnostics)
}

/// The diagnostics found so far in one page's front matter, placed in its text.
pub(super) struct Check<'a> {
    pub(super) source: Source<'a>,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Check<'_> {
    pub(super) fn error(
        &mut self,
        code: &'static str,
        message: String,
        span: Range<usize>,
        hint: String,
    ) {
        self.diagnostics.push(
            Diagnostic::error(code, message)
                .at(&self.source, span)
                .with_hint(hint),
        );
    }

    /// `audience` (when `topics` is `None`) or `topics` (saying whether the site lists its
    /// own): a list of ids from `terms`, written at `places`. An unknown audience is an
    /// error; an unknown topic is a warning, and the piece is not listed under it. (Anything
    /// but a list of texts is reported by the front matter's own parse.)
    fn terms(
        &mut self,
        written: &[String],
        places: &[Range<usize>],
        terms: &[Term],
        topics: Option<bool>,
    ) {
        if written.is_empty() {
            return;
        }
        let listed = terms
            .iter()
            .map(|t| format!("\"{}\"", t.id))
            .collect::<Vec<_>>()
            .join(", ");
        for (text, place) in written.iter().zip(places) {
            if terms.iter().any(|t| t.id == *text) {
                continue;
            }
            let span = inside_quotes(self.source.text, place.clone());
            let mut hint = match suggest(text, terms) {
                Some(id) => t!("awareness-term-did-you-mean", id = id, ids = &listed),
                None if listed.is_empty() => t!("awareness-no-topics"),
                None => t!("awareness-term-write-one-of", ids = &listed),
            };
            let diagnostic = match topics {
                None => Diagnostic::error(
                    "unknown-audience",
                    t!("awareness-unknown-audience", text = text),
                ),
                Some(own) => {
                    hint.push_str("; ");
                    hint.push_str(&if own {
                        t!("awareness-topic-add-own")
                    } else {
                        t!("awareness-topic-list-own")
                    });
                    Diagnostic::warning("unknown-topic", t!("awareness-unknown-topic", text = text))
                }
            };
            self.diagnostics
                .push(diagnostic.at(&self.source, span).with_hint(hint));
        }
    }

    fn flag(&mut self, extra: &PlacedTable, key: &str) -> bool {
        let Some(value) = extra.get(key) else {
            return false;
        };
        match value.get_ref().as_bool() {
            Some(flag) => flag,
            None => {
                self.error(
                    "awareness-value",
                    t!("awareness-flag", key = key),
                    value.span(),
                    t!("awareness-flag-hint", key = key),
                );
                false
            }
        }
    }

    /// Each table of the list `extra.KEY` in order, with its index and a place for what it
    /// lacks: its first key, as an `[[extra.KEY]]` table's own span may be empty. A value that
    /// is not a list, and items that are not tables, are reported under `code`, with a hint
    /// showing `example` (asked for only then).
    pub(super) fn each_table<'t>(
        &mut self,
        extra: &'t PlacedTable,
        key: &str,
        (code, example): (&'static str, &dyn Fn() -> String),
        mut each: impl FnMut(&mut Self, usize, &'t PlacedTable, Range<usize>),
    ) {
        let Some((name, value)) = extra.get_key_value(key) else {
            return;
        };
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                code,
                t!("awareness-not-a-list", key = key),
                name.span(),
                t!("awareness-write-each-as", example = example()),
            );
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                self.error(
                    code,
                    t!("awareness-item-not-a-table", number = index + 1, key = key),
                    item.span(),
                    t!("awareness-write-each-as", example = example()),
                );
                continue;
            };
            let place = table
                .iter()
                .next()
                .map_or_else(|| name.span(), |(k, _)| k.span());
            each(self, index, table, place);
        }
    }

    /// The line where a string value's text starts (after `"""` and its line break).
    pub(super) fn text_line(&self, span: Range<usize>) -> usize {
        let raw = self.source.text.get(span.clone()).unwrap_or("");
        let multi_line = (raw.starts_with("\"\"\"") || raw.starts_with("'''"))
            && raw[3..].starts_with(['\n', '\r']);
        self.source.locate(span).line + usize::from(multi_line)
    }

    pub(super) fn text(
        &mut self,
        table: &PlacedTable,
        key: &str,
        list: &str,
        index: usize,
        place: Range<usize>,
    ) -> Option<(String, Range<usize>)> {
        match table.get(key) {
            Some(value) => match value.get_ref().as_str() {
                Some(text) if !text.trim().is_empty() => Some((text.to_string(), value.span())),
                Some(_) => {
                    self.error(
                        "awareness-entry",
                        t!(
                            "awareness-entry-empty",
                            key = key,
                            number = index + 1,
                            list = list
                        ),
                        value.span(),
                        t!("awareness-entry-empty-hint", key = key),
                    );
                    None
                }
                None => {
                    self.error(
                        "awareness-entry",
                        t!("awareness-entry-not-text", key = key),
                        value.span(),
                        t!("awareness-entry-not-text-hint"),
                    );
                    None
                }
            },
            None => {
                self.error(
                    "awareness-entry",
                    t!(
                        "awareness-entry-missing",
                        number = index + 1,
                        list = list,
                        key = key
                    ),
                    place,
                    t!("awareness-entry-missing-hint", key = key),
                );
                None
            }
        }
    }

    pub(super) fn unknown_keys(
        &mut self,
        table: &PlacedTable,
        known: &[&'static str],
        owner: &str,
    ) {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let hint = match did_you_mean(name, known.iter().copied()) {
                Some(close) => t!("did-you-mean", suggestion = close),
                None => t!("awareness-keys-allowed", keys = known.join(", ")),
            };
            self.error(
                "unknown-key",
                t!("awareness-unknown-key", key = name, owner = owner),
                key.span(),
                hint,
            );
        }
    }
}

/// A quoted string's span without its quotes, so the caret sits under the text.
pub(super) fn inside_quotes(text: &str, span: Range<usize>) -> Range<usize> {
    let raw = text.get(span.clone()).unwrap_or("");
    if raw.len() >= 2 && (raw.starts_with('"') || raw.starts_with('\'')) {
        span.start + 1..span.end - 1
    } else {
        span
    }
}

#[cfg(test)]
mod tests {
    use crate::content::awareness::tests::prepared;

    #[test]
    fn kinds_of_piece_follow_what_their_front_matter_holds() {
        let (_, awareness, diagnostics) = prepared(&[
            (
                "awareness/guide.md",
                "+++\ntitle = \"G\"\n[[extra.steps]]\nname = \"A\"\ntext = \"B\"\n+++\n",
            ),
            (
                "awareness/faq.md",
                "+++\ntitle = \"F\"\nextra.faq = [{ question = \"Q\", answer = \"A\" }]\n+++\n",
            ),
            (
                "awareness/campaign.md",
                "+++\ntitle = \"C\"\n[extra.campaign]\nstart = \"2025-10-01\"\nend = 2025-10-10\n+++\n",
            ),
            ("awareness/article.md", "+++\ntitle = \"A\"\n+++\n"),
        ]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let kind = |path: &str| awareness.pieces[path].kind();
        assert_eq!(kind("awareness/guide.md"), "guide");
        assert_eq!(kind("awareness/faq.md"), "faq");
        assert_eq!(kind("awareness/campaign.md"), "campaign");
        assert_eq!(kind("awareness/article.md"), "article");
        let step = &awareness.pieces["awareness/guide.md"].steps[0];
        assert_eq!(
            (step.title.as_str(), step.text.as_str(), step.line),
            ("A", "B", 5)
        );
    }

    #[test]
    fn wrong_values_are_each_placed_with_a_hint() {
        let (_, _, diagnostics) = prepared(&[(
            "awareness/x.md",
            "+++\ntitle = \"X\"\naudience = [\"citizen\"]\ntopics = [\"ai\"]\n[extra]\nfeatured = \"yes\"\n[extra.campaign]\nstart = 2025-10-01\n[[extra.faq]]\nquestion = \"Q\"\nanswer = \"\"\n+++\n",
        )]);
        let placed: Vec<(String, &str)> =
            diagnostics.iter().map(|d| (d.location(), d.code)).collect();
        assert_eq!(
            placed,
            [
                (
                    "content/awareness/x.md:3:14".to_string(),
                    "unknown-audience"
                ),
                ("content/awareness/x.md:4:12".to_string(), "unknown-topic"),
                ("content/awareness/x.md:6:12".to_string(), "awareness-value"),
                (
                    "content/awareness/x.md:7:8".to_string(),
                    "awareness-campaign"
                ),
                (
                    "content/awareness/x.md:11:10".to_string(),
                    "awareness-entry"
                ),
            ]
        );
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some(
                "did you mean \"citizens\"? The ids are: \"citizens\", \"businesses\", \"officials\""
            )
        );
        assert!(diagnostics[3].message.contains("no `end` date"));
    }
}
