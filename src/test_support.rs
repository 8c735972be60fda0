//! Helpers shared by the unit tests (compiled for tests only): files and content pages made
//! from `(path, text)` pairs, without a disk.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::{ContentPage, parse_page};
use crate::source::TextFile;

/// Files `FOLDER/PATH` holding these texts, by path, as the site's loader keeps them.
pub(crate) fn text_files(folder: &str, files: &[(&str, &str)]) -> BTreeMap<String, TextFile> {
    files
        .iter()
        .map(|(path, text)| (path.to_string(), text_file(folder, path, text)))
        .collect()
}

fn text_file(folder: &str, path: &str, text: &str) -> TextFile {
    TextFile {
        file: format!("{folder}/{path}"),
        text: text.to_string(),
    }
}

/// The pages of files `content/PATH` holding these texts; a file that does not parse is left
/// out.
pub(crate) fn content_pages(files: &[(&str, &str)], config: &Config) -> Vec<ContentPage> {
    files
        .iter()
        .filter_map(|(path, text)| {
            parse_page(path.to_string(), text_file("content", path, text), config).0
        })
        .collect()
}
