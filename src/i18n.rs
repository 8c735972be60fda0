//! The theme's interface strings (`i18n/vi.toml`, `i18n/en.toml`): parsed, layered and
//! checked (pure). A site's own `i18n/` file replaces the theme's strings key by key.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diag::{Diagnostic, Source, did_you_mean};
use crate::source::TextFile;
use crate::t;

#[derive(Clone, Debug, Default)]
pub struct I18n {
    tables: BTreeMap<String, BTreeMap<String, String>>,
    default_language: String,
}

/// A lookup that found nothing, with the keys that exist, for the message.
#[derive(Clone, Debug)]
pub struct MissingKey {
    pub message: String,
    pub hint: Option<String>,
}

impl I18n {
    /// Parses every layer of every language. A key the default language has but another
    /// language lacks is a warning: that language shows the default language's text.
    pub fn parse(
        layers: &BTreeMap<String, Vec<TextFile>>,
        config: &Config,
    ) -> (I18n, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut tables: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (lang, files) in layers {
            let table = tables.entry(lang.clone()).or_default();
            for file in files {
                let source = Source::new(&file.file, &file.text);
                let (strings, found) = crate::toml_input::parse::<BTreeMap<String, String>>(
                    &source,
                    &file.file,
                    &|_| None,
                );
                diagnostics.extend(found);
                table.extend(strings.unwrap_or_default());
            }
        }
        let default = tables
            .get(&config.default_language)
            .cloned()
            .unwrap_or_default();
        if default.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    "i18n-missing",
                    t!("i18n-no-default", lang = &config.default_language),
                )
                .with_hint(t!("i18n-no-default-hint", lang = &config.default_language)),
            );
        }
        for lang in config.other_languages() {
            let Some(table) = tables.get(lang) else {
                diagnostics.push(
                    Diagnostic::warning("i18n-missing", t!("i18n-no-language", lang = lang))
                        .with_hint(t!(
                            "i18n-no-language-hint",
                            lang = lang,
                            default = &config.default_language
                        )),
                );
                continue;
            };
            let missing: Vec<&str> = default
                .keys()
                .filter(|k| !table.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                let file = layers
                    .get(lang)
                    .and_then(|f| f.last())
                    .map(|f| f.file.clone())
                    .unwrap_or_default();
                diagnostics.push(
                    Diagnostic::warning(
                        "i18n-missing",
                        t!(
                            "i18n-untranslated",
                            count = missing.len(),
                            lang = lang,
                            keys = missing.join(", ")
                        ),
                    )
                    .in_file(file)
                    .with_hint(t!(
                        "i18n-untranslated-hint",
                        default = &config.default_language
                    )),
                );
            }
        }
        let i18n = I18n {
            tables,
            default_language: config.default_language.clone(),
        };
        (i18n, diagnostics)
    }

    /// The string for `key` in `lang`, else in the default language.
    pub fn get(&self, lang: &str, key: &str) -> Result<&str, MissingKey> {
        let found = self.tables.get(lang).and_then(|t| t.get(key)).or_else(|| {
            self.tables
                .get(&self.default_language)
                .and_then(|t| t.get(key))
        });
        found.map(String::as_str).ok_or_else(|| {
            let keys = self
                .tables
                .get(&self.default_language)
                .map(|t| t.keys().map(String::as_str));
            let suggestion = keys.and_then(|k| did_you_mean(key, k));
            MissingKey {
                message: t!("i18n-missing-key", key = key, lang = lang),
                hint: Some(match suggestion {
                    Some(s) => t!("did-you-mean", suggestion = s),
                    None => t!(
                        "i18n-missing-key-hint",
                        key = key,
                        lang = &self.default_language
                    ),
                }),
            }
        })
    }

    /// The string for `key` with each `{name}` replaced by its value from `args`; the key
    /// itself when the string is missing (templates report missing keys; this serves the
    /// titles of generated pages).
    pub fn format(&self, lang: &str, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(lang, key).unwrap_or(key).to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    pub fn has(&self, key: &str) -> bool {
        self.tables
            .get(&self.default_language)
            .is_some_and(|t| t.contains_key(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layers(files: &[(&str, &str, &str)]) -> BTreeMap<String, Vec<TextFile>> {
        let mut map: BTreeMap<String, Vec<TextFile>> = BTreeMap::new();
        for (lang, file, text) in files {
            map.entry(lang.to_string()).or_default().push(TextFile {
                file: file.to_string(),
                text: text.to_string(),
            });
        }
        map
    }

    #[test]
    fn site_layer_overrides_theme_and_missing_translations_fall_back() {
        let config = Config::parse(
            "title = \"x\"\nbase_url = \"https://x.vn\"\nlanguages = [\"vi\", \"en\"]\n",
        )
        .unwrap();
        let (i18n, diagnostics) = I18n::parse(
            &layers(&[
                (
                    "vi",
                    "themes/default/i18n/vi.toml",
                    "home = \"Trang chủ\"\nsearch = \"Tìm kiếm\"\n",
                ),
                ("vi", "i18n/vi.toml", "home = \"Trang đầu\"\n"),
                ("en", "themes/default/i18n/en.toml", "home = \"Home\"\n"),
            ]),
            &config,
        );
        assert_eq!(i18n.get("vi", "home").unwrap(), "Trang đầu");
        assert_eq!(i18n.get("en", "search").unwrap(), "Tìm kiếm");
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].message.contains("search"));
        assert_eq!(
            i18n.get("vi", "hom").unwrap_err().hint.as_deref(),
            Some("did you mean `home`?")
        );
    }
}
