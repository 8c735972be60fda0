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
                Some(id) => format!("did you mean \"{id}\"? The ids are: {listed}"),
                None if listed.is_empty() => "the site lists no topics".to_string(),
                None => format!("write one of: {listed}"),
            };
            let diagnostic = match topics {
                None => Diagnostic::error(
                    "unknown-audience",
                    format!("`{text}` is not an audience this site knows"),
                ),
                Some(own) => {
                    hint.push_str(if own {
                        "; or add it to `topics` under `[awareness]` in site-config.toml"
                    } else {
                        "; or list the site's own under `[awareness] topics` in site-config.toml"
                    });
                    Diagnostic::warning(
                        "unknown-topic",
                        format!(
                            "`{text}` is not a topic this site knows; the page is not listed under it"
                        ),
                    )
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
                    format!("`{key}` must be true or false"),
                    value.span(),
                    format!("write `{key} = true` or `{key} = false`, without quotes"),
                );
                false
            }
        }
    }

    /// Each table of the list `extra.KEY` in order, with its index and a place for what it
    /// lacks: its first key, as an `[[extra.KEY]]` table's own span may be empty. A value that
    /// is not a list, and items that are not tables, are reported under `code`.
    pub(super) fn each_table<'t>(
        &mut self,
        extra: &'t PlacedTable,
        key: &str,
        (code, example): (&'static str, &str),
        mut each: impl FnMut(&mut Self, usize, &'t PlacedTable, Range<usize>),
    ) {
        let Some((name, value)) = extra.get_key_value(key) else {
            return;
        };
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                code,
                format!("`{key}` must be a list of tables"),
                name.span(),
                format!("write each one as {example}"),
            );
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                self.error(
                    code,
                    format!("item {} of `{key}` is not a table", index + 1),
                    item.span(),
                    format!("write each one as {example}"),
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
                        format!("`{key}` of item {} of `{list}` is empty", index + 1),
                        value.span(),
                        format!("write the {key} between the quotes"),
                    );
                    None
                }
                None => {
                    self.error(
                        "awareness-entry",
                        format!("`{key}` must be text"),
                        value.span(),
                        "put the text in double quotes, or between \"\"\" lines for several paragraphs".into(),
                    );
                    None
                }
            },
            None => {
                self.error(
                    "awareness-entry",
                    format!("item {} of `{list}` has no `{key}`", index + 1),
                    place,
                    format!("add `{key} = \"…\"` to it"),
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
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the keys allowed here are: {}", known.join(", ")),
            };
            self.error(
                "unknown-key",
                format!("unknown key `{name}` in {owner}"),
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
