//! The starter site's files for the default language asked for (pure).
//!
//! The starter is written once, Vietnamese first: `about.md` is Vietnamese and `about.en.md`
//! its English version, which sets its own English `slug`. With English as the default, the
//! suffixes are swapped (`about.md` English, `about.vi.md` Vietnamese), so each language
//! keeps its addresses (`/about/`, `/vi/gioi-thieu/`) and `@/` links, which name pages
//! without a suffix, stay as they are.

use crate::messages::Lang;
use crate::source::{CONFIG_FILE, STARTER_SITE};

/// The language lines of the starter's `site-config.toml`, and what they become with
/// English as the default language.
const LANGUAGE_LINES: [(&str, &str); 2] = [
    ("default_language = \"vi\"\n", "default_language = \"en\"\n"),
    (
        "languages = [\"vi\", \"en\"]\n",
        "languages = [\"en\", \"vi\"]\n",
    ),
];

/// Every file of the starter site, by its path in the new site, sorted.
pub fn files(language: Lang) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = STARTER_SITE
        .iter()
        .map(|(path, bytes)| match language {
            Lang::Vi => (path.to_string(), bytes.to_vec()),
            Lang::En => english_first(path, bytes),
        })
        .collect();
    files.sort();
    files
}

fn english_first(path: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    if path == CONFIG_FILE {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        for (vietnamese, english) in LANGUAGE_LINES {
            text = text.replacen(vietnamese, english, 1);
        }
        return (path.to_string(), text.into_bytes());
    }
    let renamed = if let Some(stem) = path.strip_suffix(".en.md") {
        format!("{stem}.md")
    } else if let Some(stem) = path.strip_suffix(".md") {
        format!("{stem}.vi.md")
    } else {
        path.to_string()
    };
    (renamed, bytes.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(files: &[(String, Vec<u8>)], path: &str) -> String {
        let (_, bytes) = files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no {path}"));
        String::from_utf8(bytes.clone()).unwrap()
    }

    #[test]
    fn every_page_of_the_starter_has_an_english_version() {
        let files = files(Lang::Vi);
        let pages: Vec<&str> = files
            .iter()
            .map(|(p, _)| p.as_str())
            .filter(|p| p.ends_with(".md"))
            .collect();
        for page in pages.iter().filter(|p| !p.ends_with(".en.md")) {
            let english = format!("{}.en.md", page.trim_end_matches(".md"));
            assert!(pages.contains(&english.as_str()), "{page} has no {english}");
        }
    }

    #[test]
    fn english_first_swaps_the_suffixes_and_the_config() {
        let vi = files(Lang::Vi);
        let en = files(Lang::En);
        assert_eq!(vi.len(), en.len());
        assert_eq!(
            text(&en, "content/gioi-thieu.md"),
            text(&vi, "content/gioi-thieu.en.md")
        );
        assert_eq!(
            text(&en, "content/gioi-thieu.vi.md"),
            text(&vi, "content/gioi-thieu.md")
        );
        assert!(!en.iter().any(|(p, _)| p.ends_with(".en.md")));
        let config = text(&en, CONFIG_FILE);
        for (vietnamese, english) in LANGUAGE_LINES {
            assert!(text(&vi, CONFIG_FILE).contains(vietnamese));
            assert!(config.contains(english), "{config}");
        }
        // Data files are not pages and keep their names.
        assert_eq!(
            text(&en, "content/ke-hoach-2026/tasks.csv"),
            text(&vi, "content/ke-hoach-2026/tasks.csv")
        );
    }
}
