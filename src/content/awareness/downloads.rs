//! Files offered for download (pure): `[[extra.downloads]]` tables with a title and a file
//! beside the page or at `@/path` inside `content/`, checked against the site's files. The
//! file's size comes from `AwarenessInputs::file_size`, the one place that may read the disk.

use std::ops::Range;

use crate::content::front_matter::PlacedTable;

use super::check::{Check, inside_quotes};
use super::{AwarenessInputs, Download};
use crate::content::ContentPage;
use crate::diag::did_you_mean;
use crate::t;

impl Check<'_> {
    pub(super) fn downloads(
        &mut self,
        extra: &PlacedTable,
        page: &ContentPage,
        inputs: &AwarenessInputs<'_>,
    ) -> Vec<Download> {
        let example = || t!("awareness-downloads-example");
        let mut out = Vec::new();
        self.each_table(
            extra,
            "downloads",
            ("awareness-download", &example),
            |check, index, table, place| {
                check.unknown_keys(table, &["title", "file"], "extra.downloads");
                let title = check.text(table, "title", "downloads", index, place.clone());
                let file = check.text(table, "file", "downloads", index, place);
                if let (Some((title, _)), Some((file, span))) = (title, file) {
                    out.extend(check.download(title, &file, span, page, inputs));
                }
            },
        );
        out
    }

    /// The download of `file` (written at `span`), if it is one of the site's files.
    fn download(
        &mut self,
        title: String,
        file: &str,
        span: Range<usize>,
        page: &ContentPage,
        inputs: &AwarenessInputs<'_>,
    ) -> Option<Download> {
        let content_path = match file.strip_prefix("@/") {
            Some(path) => path.trim_start_matches('/').to_string(),
            None if page.dir.is_empty() => file.to_string(),
            None => format!("{}/{file}", page.dir),
        };
        let size = if inputs.assets.contains(&content_path) {
            (inputs.file_size)(&content_path)
        } else {
            None
        };
        let Some(bytes) = size else {
            let beside: Vec<&str> = inputs
                .assets
                .iter()
                .filter(|a| a.rsplit_once('/').map_or("", |(d, _)| d) == page.dir)
                .map(|a| a.rsplit('/').next().unwrap_or(a))
                .collect();
            let hint = match did_you_mean(file, beside.iter().copied()) {
                Some(close) => t!("awareness-download-did-you-mean", file = close),
                None => t!("awareness-download-missing-hint", dir = &page.dir),
            };
            self.error(
                "awareness-download",
                t!("awareness-download-missing", path = &content_path),
                inside_quotes(self.source.text, span),
                hint,
            );
            return None;
        };
        Some(Download {
            title,
            format: format_name(&content_path),
            content_path,
            bytes,
        })
    }
}

/// `poster.pdf` -> `PDF`.
pub fn format_name(path: &str) -> String {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "JPEG".into(),
        "" => "?".into(),
        other => other.to_ascii_uppercase(),
    }
}
