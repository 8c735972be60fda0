//! Embeds the default theme, the starter site and the message catalogue into the binary, so
//! that a site made by `minhbach init` builds without copying a theme, and the program needs
//! no files beside it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    let mut code = String::new();
    for (name, dir) in [
        ("DEFAULT_THEME", manifest.join("themes/default")),
        ("STARTER_SITE", manifest.join("starter")),
    ] {
        embed(&mut code, name, &dir);
    }
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
    let mut code = String::new();
    embed(&mut code, "MESSAGES", &manifest.join("messages"));
    std::fs::write(out.join("messages.rs"), code).expect("write messages.rs");
}

/// Writes `pub static NAME: &[(&str, &[u8])]`, the files under `dir` by relative path.
fn embed(code: &mut String, name: &str, dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    let _ = writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[");
    for (rel, abs) in files {
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("inside root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, path));
        }
    }
}
