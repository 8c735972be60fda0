//! The search indexes `serve` keeps between rebuilds: one per language, brought up to date
//! page by page (`search::Index::update`), so an edit rewrites only its part of the index.

use std::collections::BTreeMap;

use crate::render::search_documents;
use crate::search::{Changes, Document, Index};
use crate::site::{PageId, Site};

#[derive(Default)]
pub struct SearchIndexes {
    by_lang: BTreeMap<String, Index>,
}

impl SearchIndexes {
    /// Brings every language's index in line with `site` and returns the files to write and
    /// remove. `full` builds each index anew (the first build, a config change).
    pub fn refresh(&mut self, site: &Site, full: bool) -> Changes {
        let mut changes = Merged::default();
        let languages: Vec<String> = if site.config.search.enabled {
            site.config.languages.clone()
        } else {
            Vec::new()
        };
        // A language no longer searched (or search turned off) takes its files with it.
        let dropped: Vec<String> = self
            .by_lang
            .keys()
            .filter(|lang| !languages.contains(lang))
            .cloned()
            .collect();
        for lang in dropped {
            if let Some(index) = self.by_lang.remove(&lang) {
                changes.remove_all(index.files().into_iter().map(|(path, _)| path));
            }
        }
        for lang in languages {
            let documents = search_documents::documents(site, &lang);
            match self.by_lang.get_mut(&lang) {
                Some(index) if !full => changes.add_all(update(index, documents)),
                Some(index) => changes.add(index.rebuild(documents)),
                None => {
                    let index = Index::build(documents, &lang);
                    changes.add(Changes {
                        write: index.files(),
                        remove: Vec::new(),
                    });
                    self.by_lang.insert(lang, index);
                }
            }
        }
        changes.finish()
    }

    /// Brings the indexes up to date after edits to the bodies of `pages` (the site's shape
    /// unchanged): only those pages' documents can have changed, so only they are compared
    /// with the index's, rather than every page's words copied to be compared.
    pub fn refresh_pages(&mut self, site: &Site, pages: &[PageId]) -> Changes {
        let mut changes = Merged::default();
        for &id in pages {
            let Some(index) = self.by_lang.get_mut(site.page(id).lang()) else {
                continue;
            };
            let Some(document) = search_documents::document(site, id) else {
                continue;
            };
            if index.document(&document.url) != Some(&document) {
                changes.add(index.update(document));
            }
        }
        changes.finish()
    }
}

/// The changes that bring `index` to `documents`: page by page when the same pages are
/// there, else a rebuild (ids shift when pages come or go).
fn update(index: &mut Index, mut documents: Vec<Document>) -> Vec<Changes> {
    documents.sort_by(|a, b| a.url.cmp(&b.url));
    let old = index.documents();
    let same_pages =
        old.len() == documents.len() && old.iter().zip(&documents).all(|(a, b)| a.url == b.url);
    if !same_pages {
        return vec![index.rebuild(documents)];
    }
    let edited: Vec<Document> = documents
        .into_iter()
        .zip(old)
        .filter(|(new, old)| new != *old)
        .map(|(new, _)| new)
        .collect();
    edited.into_iter().map(|doc| index.update(doc)).collect()
}

/// Several changes in order: a file written twice keeps its last bytes, a file removed and
/// then written again is written.
#[derive(Default)]
struct Merged {
    write: BTreeMap<String, Vec<u8>>,
    remove: BTreeMap<String, ()>,
}

impl Merged {
    fn add(&mut self, changes: Changes) {
        for path in changes.remove {
            self.write.remove(&path);
            self.remove.insert(path, ());
        }
        for (path, bytes) in changes.write {
            self.remove.remove(&path);
            self.write.insert(path, bytes);
        }
    }

    fn add_all(&mut self, all: Vec<Changes>) {
        for changes in all {
            self.add(changes);
        }
    }

    fn remove_all(&mut self, paths: impl Iterator<Item = String>) {
        for path in paths {
            self.write.remove(&path);
            self.remove.insert(path, ());
        }
    }

    fn finish(self) -> Changes {
        Changes {
            write: self.write.into_iter().collect(),
            remove: self.remove.into_keys().collect(),
        }
    }
}
