//! Which folders are awareness sections (pure): the kind each folder names for itself and
//! the top folder of the run of awareness sections a page is in. Reads the parsed pages
//! only; no disk.

use std::collections::BTreeMap;

use crate::content::{ContentPage, SectionKind};

/// The kind each folder names for itself (by its `_index` in any language, or its name).
pub(super) fn section_kinds(pages: &[ContentPage]) -> BTreeMap<String, Option<SectionKind>> {
    let mut kinds: BTreeMap<String, Option<SectionKind>> = BTreeMap::new();
    for page in pages {
        let mut dir = Some(page.dir.as_str());
        while let Some(d) = dir {
            if !kinds.contains_key(d) {
                kinds.insert(d.to_string(), SectionKind::of_folder(d));
            }
            dir = parent_dir(d);
        }
    }
    for page in pages.iter().filter(|p| p.is_section()) {
        if let Some(kind) = SectionKind::named_by(page) {
            kinds.insert(page.dir.clone(), kind);
        }
    }
    kinds
}

/// The awareness section a folder belongs to: the top folder of the run of awareness
/// sections it is in, if the nearest folder naming a kind names `awareness`.
pub(super) fn root_of(kinds: &BTreeMap<String, Option<SectionKind>>, dir: &str) -> Option<String> {
    let mut root = None;
    let mut cursor = Some(dir);
    while let Some(d) = cursor {
        match kinds.get(d).copied().flatten() {
            Some(SectionKind::Awareness) => root = Some(d.to_string()),
            Some(_) => break,
            None => {}
        }
        cursor = parent_dir(d);
    }
    root
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(parent, _)| parent))
    }
}
