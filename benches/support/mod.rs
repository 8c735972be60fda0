//! What the benches share: the generated corpus (bench/gen_corpus.py) with minhbach's bench
//! templates and config installed, the default-theme site beside it, and finding peers on
//! `PATH`.

// Each bench uses a part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The corpus seed; a cached corpus is reused only if it was made with the same one.
pub const SEED: u64 = 1;
/// Sections of the corpus (gen_corpus.py's default), each with its own list page.
pub const SECTIONS: usize = 20;

/// Generates the corpus unless `corpus.json` says the one there was made with the same
/// parameters (generating 10,000 pages takes longer than building them), then puts the
/// bench templates and config in the minhbach tree, every time, so edits to them count.
pub fn prepare_corpus(manifest: &Path, corpus: &Path, pages: usize) -> Result<(), String> {
    if corpus_matches(corpus, pages) {
        println!("\nCorpus of {pages} pages: cached in {}", corpus.display());
    } else {
        println!(
            "\nCorpus of {pages} pages: generating in {}",
            corpus.display()
        );
        let status = Command::new("python3")
            .arg(manifest.join("bench/gen_corpus.py"))
            .arg(corpus)
            .args(["--pages", &pages.to_string(), "--seed", &SEED.to_string()])
            .args(["--sections", &SECTIONS.to_string()])
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("could not run python3 bench/gen_corpus.py: {e}"))?;
        if !status.success() {
            return Err(format!("gen_corpus.py failed ({status})"));
        }
    }
    install_templates(manifest, &corpus.join("minhbach"))
}

/// gen_corpus.py writes corpus.json last, so a matching one means a whole corpus.
pub fn corpus_matches(corpus: &Path, pages: usize) -> bool {
    let Ok(text) = fs::read_to_string(corpus.join("corpus.json")) else {
        return false;
    };
    let Ok(info) = serde_json::from_str::<serde_json::Value>(&text) else {
        return false;
    };
    let number = |key: &str| info.get(key).and_then(serde_json::Value::as_u64);
    number("pages") == Some(pages as u64)
        && number("seed") == Some(SEED)
        && number("sections") == Some(SECTIONS as u64)
}

/// Copies bench/templates/ into the site and turns pagination off, so that each section's
/// list holds all its pages, as Hugo's list template (`range .Pages`) does.
pub fn install_templates(manifest: &Path, site: &Path) -> Result<(), String> {
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");
    let templates = site.join("templates");
    if templates.exists() {
        fs::remove_dir_all(&templates).map_err(|e| io("removing old templates", e))?;
    }
    fs::create_dir_all(&templates).map_err(|e| io("creating templates/", e))?;
    let source = manifest.join("bench/templates");
    for entry in fs::read_dir(&source).map_err(|e| io("reading bench/templates", e))? {
        let entry = entry.map_err(|e| io("reading bench/templates", e))?;
        fs::copy(entry.path(), templates.join(entry.file_name()))
            .map_err(|e| io("copying a template", e))?;
    }
    let config = site.join("site-config.toml");
    let text = fs::read_to_string(&config).map_err(|e| io("reading site-config.toml", e))?;
    // Hugo builds no search index, so the comparison builds none either; the default site
    // beside it (`minhbach-default`, the same content) does.
    let base: String = text
        .lines()
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.trim_start().starts_with("paginate_by"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(
        &config,
        format!("{base}paginate_by = 0\n\n[search]\nenabled = false\n"),
    )
    .map_err(|e| io("writing site-config.toml", e))?;
    install_default_site(site, &base)
}

/// The site as a user gets it (`minhbach-default`, beside `site`): the same content, no
/// templates of its own, so the built-in default theme renders it, and the corpus's
/// config as written, so search and pagination keep their defaults. Its `content/` is a
/// tree of hard links to `site`'s files, made anew each time so that it follows a new
/// corpus: minhbach refuses a symbolic link out of the site folder.
fn install_default_site(site: &Path, base: &str) -> Result<(), String> {
    let io = |what: &str, e: std::io::Error| format!("{what}: {e}");
    // The site an earlier version of the bench built with the bench templates and search.
    let old = site.with_file_name("minhbach-search");
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| io("removing minhbach-search/", e))?;
    }
    let default_site = site.with_file_name("minhbach-default");
    if default_site.exists() {
        fs::remove_dir_all(&default_site).map_err(|e| io("removing minhbach-default/", e))?;
    }
    fs::create_dir_all(&default_site).map_err(|e| io("creating minhbach-default/", e))?;
    link_tree(&site.join("content"), &default_site.join("content"))
        .map_err(|e| io("linking the default site's content", e))?;
    fs::write(default_site.join("site-config.toml"), base)
        .map_err(|e| io("writing the default site's config", e))
}

/// Makes `to` a copy of the folder `from` whose files are hard links to `from`'s (copies
/// where the file system has no hard links).
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            link_tree(&entry.path(), &target)?;
        } else if fs::hard_link(entry.path(), &target).is_err() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}
