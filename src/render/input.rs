//! The shapes every renderer shares (pure): what rendering reads (`RenderInput`), what it
//! makes (`Output`) and where outputs go (`Sink`), and how a site address becomes a file.

use std::collections::BTreeMap;

use tera::Value;

use crate::i18n::I18n;
use crate::site::Site;
use crate::source::Bytes;
use crate::templates::Templates;

/// A file of the built site, by its path inside the output folder (`en/about/index.html`).
#[derive(Debug)]
pub struct Output {
    pub path: String,
    pub body: Body,
}

impl Output {
    pub fn made(path: String, bytes: Vec<u8>) -> Output {
        Output {
            path,
            body: Body::Made(bytes),
        }
    }

    pub fn copy(path: String, bytes: Bytes) -> Output {
        Output {
            path,
            body: Body::Copy(bytes),
        }
    }
}

#[derive(Debug)]
pub enum Body {
    /// Made by the build (HTML, XML, text), always UTF-8.
    Made(Vec<u8>),
    Copy(Bytes),
}

/// Where a rendered output goes: a folder on disk, or a test's list.
pub type Sink<'a> = &'a (dyn Fn(Output) + Sync);

/// What `render_site` renders from.
pub struct RenderInput<'a> {
    pub site: &'a Site,
    pub templates: &'a Templates,
    /// The list form of every page (`page_values`).
    pub values: &'a [Value],
    pub i18n: &'a I18n,
    pub static_files: &'a BTreeMap<String, Bytes>,
    pub content_files: &'a BTreeMap<String, Bytes>,
    /// The data files of `content/`, for plans' archives.
    pub data: &'a BTreeMap<String, Vec<u8>>,
}

/// `/en/about/` -> `en/about/index.html`; `/old.html` -> `old.html`.
pub fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::output_path;

    #[test]
    fn page_paths_become_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/en/about/"), "en/about/index.html");
        assert_eq!(output_path("/old.html"), "old.html");
    }
}
