//! How-to steps and questions with answers (pure): `[[extra.steps]]` and `[[extra.faq]]`,
//! lists of tables each with a title and a Markdown text, kept with the line where the text
//! starts. No disk.

use toml::de::DeTable;

use super::Entry;
use super::check::Check;

impl Check<'_> {
    /// `steps` or `faq`: a list of tables with a title and a Markdown text.
    pub(super) fn entries(
        &mut self,
        extra: &DeTable<'_>,
        key: &str,
        (title_key, text_key): (&'static str, &'static str),
    ) -> Vec<Entry> {
        let Some((name, value)) = extra.get_key_value(key) else {
            return Vec::new();
        };
        let example = format!("[[extra.{key}]] with {title_key} = \"…\" and {text_key} = \"…\"");
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                "awareness-entry",
                format!("`{key}` must be a list of tables"),
                name.span(),
                format!("write each one as {example}"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                self.error(
                    "awareness-entry",
                    format!("item {} of `{key}` is not a table", index + 1),
                    item.span(),
                    format!("write each one as {example}"),
                );
                continue;
            };
            // An `[[extra.steps]]` table's own span may be empty; its first key places it.
            let place = table
                .iter()
                .next()
                .map_or_else(|| name.span(), |(k, _)| k.span());
            self.unknown_keys(table, &[title_key, text_key], &format!("extra.{key}"));
            let title = self.text(table, title_key, key, index, place.clone());
            let text = self.text(table, text_key, key, index, place);
            if let (Some((title, _)), Some((text, span))) = (title, text) {
                out.push(Entry {
                    title,
                    line: self.text_line(span),
                    text,
                    html: String::new(),
                    plain: String::new(),
                });
            }
        }
        out
    }
}
