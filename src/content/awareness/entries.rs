//! How-to steps and questions with answers (pure): `[[extra.steps]]` and `[[extra.faq]]`,
//! lists of tables each with a title and a Markdown text, kept with the line where the text
//! starts. No disk.

use crate::content::front_matter::PlacedTable;
use crate::t;

use super::Entry;
use super::check::Check;

impl Check<'_> {
    /// `steps` or `faq`: a list of tables with a title and a Markdown text.
    pub(super) fn entries(
        &mut self,
        extra: &PlacedTable,
        key: &str,
        (title_key, text_key): (&'static str, &'static str),
    ) -> Vec<Entry> {
        let example = || {
            t!(
                "awareness-entries-example",
                key = key,
                title = title_key,
                text = text_key
            )
        };
        let mut out = Vec::new();
        self.each_table(
            extra,
            key,
            ("awareness-entry", &example),
            |check, index, table, place| {
                check.unknown_keys(table, &[title_key, text_key], &format!("extra.{key}"));
                let title = check.text(table, title_key, key, index, place.clone());
                let text = check.text(table, text_key, key, index, place);
                if let (Some((title, _)), Some((text, span))) = (title, text) {
                    out.push(Entry {
                        title,
                        line: check.text_line(span),
                        text,
                        html: String::new(),
                        plain: String::new(),
                    });
                }
            },
        );
        out
    }
}
