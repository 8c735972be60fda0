//! minhbach: a static-site generator for public plan-transparency portals.
//!
//! The build is one pipeline (see `pipeline`): `source` reads the site folder, `content`
//! parses pages, `site` links them, `markdown` and `render` make the HTML with `templates`,
//! and `output` writes it. Only `source`, `output`, `serve` and `init` touch the disk.

pub mod card;
pub mod charts;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod deps;
pub mod diag;
pub mod format;
pub mod geo;
pub mod html;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod menu;
pub mod messages;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod source;
pub mod templates;
pub mod toml_input;
pub mod values;

#[cfg(test)]
pub(crate) mod test_support;
