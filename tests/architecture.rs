//! The module map in ARCHITECTURE.md holds: every top-level module uses only modules on lower
//! floors (so no import circles), and inside `render` every module calls only down. The floors
//! are read from ARCHITECTURE.md and the uses from the `crate::` and `super::` paths of `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAP: &str = "ARCHITECTURE.md";

/// The floors of the fenced block whose info string is `info`: module name -> floor.
fn floors(map: &str, info: &str) -> BTreeMap<String, usize> {
    let fence = format!("```{info}\n");
    let start = map
        .find(&fence)
        .unwrap_or_else(|| panic!("{MAP} has no ```{info} block"))
        + fence.len();
    let block = &map[start..start + map[start..].find("```").expect("closed block")];
    let mut floors = BTreeMap::new();
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        let (floor, names) = line.split_once(". ").expect("`N. a, b` lines");
        let floor: usize = floor.trim().parse().expect("a floor number");
        for name in names.split(',') {
            floors.insert(name.trim().to_string(), floor);
        }
    }
    floors
}

/// A module's source without comments and without its test modules (a test may use
/// anything; `super::` there means the module itself).
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that follow `prefix` in `code`, including each item of a `prefix{a, b::c}` group.
fn names_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        let group = rest
            .strip_prefix('{')
            .map(|g| &g[..g.find('}').unwrap_or(g.len())]);
        let items: Vec<&str> = match group {
            Some(group) => group.split(',').collect(),
            None => vec![rest],
        };
        for item in items {
            let name: String = item
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != "self" {
                names.insert(name);
            }
        }
    }
    names
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in fs::read_dir(path).unwrap() {
        files.extend(rust_files(&entry.unwrap().path()));
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "rs"));
    files
}

/// The modules found in `dir` (files and folders), without `skip`.
fn modules_in(dir: &Path, skip: &[&str]) -> BTreeMap<String, PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_string();
            let is_module = path.is_dir() || path.extension().is_some_and(|e| e == "rs");
            (is_module && !skip.contains(&name.as_str())).then_some((name, path))
        })
        .collect()
}

/// Every use that reaches a module on the same floor or above, as readable lines.
fn violations(
    modules: &BTreeMap<String, PathBuf>,
    floors: &BTreeMap<String, usize>,
    prefix: &str,
) -> Vec<String> {
    let mut found = Vec::new();
    for (module, path) in modules {
        let Some(&floor) = floors.get(module) else {
            found.push(format!("`{module}` is on no floor of {MAP}"));
            continue;
        };
        let used: BTreeSet<String> = rust_files(path)
            .iter()
            .flat_map(|file| names_after(&code_of(file), prefix))
            .collect();
        for target in used.iter().filter(|t| *t != module) {
            match floors.get(target) {
                Some(&to) if to >= floor => found.push(format!(
                    "`{module}` (floor {floor}) uses `{target}` (floor {to})"
                )),
                _ => {}
            }
        }
    }
    found
}

#[test]
fn top_level_modules_only_use_lower_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = fs::read_to_string(root.join(MAP)).unwrap();
    let modules = modules_in(&root.join("src"), &["lib", "main"]);
    let problems = violations(&modules, &floors(&map, "floors"), "crate::");
    assert!(
        problems.is_empty(),
        "imports break the floors of {MAP} (a use on the same floor or above can close an \
         import circle; move the shared item down, or the module up):\n{}",
        problems.join("\n")
    );
}

#[test]
fn render_modules_only_call_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let map = fs::read_to_string(root.join(MAP)).unwrap();
    let modules = modules_in(&root.join("src/render"), &["mod"]);
    let problems = violations(&modules, &floors(&map, "floors render"), "super::");
    assert!(
        problems.is_empty(),
        "render's modules break its floors in {MAP}:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_use_upwards_is_found() {
    let floors = BTreeMap::from([("low".to_string(), 0), ("high".to_string(), 1)]);
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("low.rs"),
        "use crate::{high::Thing, low};\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("high.rs"),
        "// crate::nothing in comments\nuse crate::low;\n#[cfg(test)]\nuse crate::high;\n",
    )
    .unwrap();
    let modules = modules_in(dir.path(), &[]);
    assert_eq!(
        violations(&modules, &floors, "crate::"),
        ["`low` (floor 0) uses `high` (floor 1)"]
    );
}
