//! The dependency graph (pure): which inputs each output was made from, and which of them
//! changed. Dependencies are recorded while an output renders — every page value a context
//! holds, every lookup a template function makes, the template itself — so `serve` can
//! re-render exactly the outputs a change touches. Recording uses a thread-local set because
//! a render job runs start to end on one thread, and template functions have no other way to
//! report. What changed is found by comparing `Fingerprints` of two versions of the site:
//! pages, templates, the site's shape and the inputs each loader declared.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use tera::Value;

use crate::site::{PageId, Site};
use crate::source::{Inputs, TextFile};

/// An input an output can depend on. Config, i18n strings and the set of languages are
/// not listed: a change to them rebuilds everything.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dep {
    /// A page or section, by its content path: its list form (title, address, summary,
    /// dates…) and its place in the site.
    Page(String),
    /// A page's own content (its HTML and table of contents), by content path: only the
    /// page's own output shows it.
    Content(String),
    /// Every page (the sitemap, lists of everything).
    AllPages,
    /// A template, by name (its own extends and includes are followed separately).
    Template(String),
    /// A plan's data, by the plan's folder.
    Plan(String),
    /// The site's shape: which pages exist, at which address, with which template and kind.
    /// Every output shows it through the context all pages share (the navigation, the search
    /// page and feeds in the header and head, the accessibility statement in the footer).
    SiteShape,
}

thread_local! {
    static RECORDING: RefCell<Option<BTreeSet<Dep>>> = const { RefCell::new(None) };
}

/// Notes that the output being rendered on this thread used `dep` (nothing happens when
/// nothing is recording, as in a plain build).
pub fn record(dep: Dep) {
    RECORDING.with(|recording| {
        if let Some(set) = recording.borrow_mut().as_mut() {
            set.insert(dep);
        }
    });
}

/// Notes that the output being rendered on this thread shows these pages (their list form).
pub fn record_pages(site: &Site, ids: impl Iterator<Item = PageId>) {
    if is_recording() {
        for id in ids {
            record(Dep::Page(site.page(id).content.content_path.clone()));
        }
    }
}

/// Whether anything records on this thread (to skip building a `Dep` in a plain build).
pub fn is_recording() -> bool {
    RECORDING.with(|recording| recording.borrow().is_some())
}

/// Runs `work` and returns what it recorded.
pub fn recording<T>(work: impl FnOnce() -> T) -> (T, BTreeSet<Dep>) {
    let previous = RECORDING.with(|recording| {
        recording
            .borrow_mut()
            .replace(BTreeSet::from([Dep::SiteShape]))
    });
    let value = work();
    let recorded =
        RECORDING.with(|recording| std::mem::replace(&mut *recording.borrow_mut(), previous));
    (value, recorded.unwrap_or_default())
}

/// Templates that each template pulls in by `extends`, `include` or a component call, read
/// from its text: `(name, text)` pairs in, `(name, names it uses)` out.
pub fn template_uses<'a>(
    templates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<(String, BTreeSet<String>)> {
    let templates: Vec<(&str, &str)> = templates.into_iter().collect();
    // Components are defined in one file and called anywhere: a call depends on the files
    // that define components.
    let component_files: Vec<&str> = templates
        .iter()
        .filter(|(_, text)| text.contains("{% component "))
        .map(|(name, _)| *name)
        .collect();
    templates
        .iter()
        .map(|(name, text)| {
            let mut uses = BTreeSet::new();
            for keyword in ["{% extends ", "{% include "] {
                let mut rest = *text;
                while let Some(found) = rest.find(keyword) {
                    rest = &rest[found + keyword.len()..];
                    let trimmed = rest.trim_start();
                    if let Some(quote) = trimmed.chars().next().filter(|c| *c == '"' || *c == '\'')
                        && let Some(end) = trimmed[1..].find(quote)
                    {
                        uses.insert(trimmed[1..1 + end].to_string());
                    }
                }
            }
            if text.contains("{{ <") || text.contains("{{<") || text.contains("{% <") {
                uses.extend(
                    component_files
                        .iter()
                        .filter(|f| *f != name)
                        .map(|f| f.to_string()),
                );
            }
            (name.to_string(), uses)
        })
        .collect()
}

/// Every template that depends on one of `changed`, directly or through others.
pub fn templates_affected(
    uses: &[(String, BTreeSet<String>)],
    changed: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut affected = changed.clone();
    loop {
        let before = affected.len();
        for (name, used) in uses {
            if !affected.contains(name) && used.iter().any(|u| affected.contains(u)) {
                affected.insert(name.clone());
            }
        }
        if affected.len() == before {
            return affected;
        }
    }
}

/// What each output was made from, by output path, as recorded when it rendered.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    outputs: BTreeMap<String, BTreeSet<Dep>>,
}

impl Graph {
    pub fn record(&mut self, path: String, deps: BTreeSet<Dep>) {
        self.outputs.insert(path, deps);
    }

    /// Whether `path` must be made again: it was never made, everything changed (`None`), or
    /// it depends on something in `changed`.
    pub fn is_stale(&self, path: &str, changed: Option<&BTreeSet<Dep>>) -> bool {
        match (changed, self.outputs.get(path)) {
            (None, _) | (_, None) => true,
            // A change is a few inputs and a list page depends on hundreds: look the
            // smaller set up in the larger.
            (Some(changed), Some(deps)) if changed.len() < deps.len() => {
                changed.iter().any(|dep| deps.contains(dep))
            }
            (Some(changed), Some(deps)) => deps.iter().any(|dep| changed.contains(dep)),
        }
    }

    /// Forgets the outputs not in `current`, and returns them.
    pub fn retain(&mut self, current: &HashSet<&str>) -> Vec<String> {
        let gone: Vec<String> = self
            .outputs
            .keys()
            .filter(|path| !current.contains(path.as_str()))
            .cloned()
            .collect();
        for path in &gone {
            self.outputs.remove(path);
        }
        gone
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.outputs.keys().map(String::as_str)
    }

    /// The template an output was rendered with, if any.
    pub fn template_of(&self, path: &str) -> Option<&str> {
        self.outputs.get(path)?.iter().find_map(|dep| match dep {
            Dep::Template(name) => Some(name.as_str()),
            _ => None,
        })
    }
}

/// One version of the site as `Fingerprints` sees it.
pub struct Snapshot<'a> {
    pub site: &'a Site,
    /// The list form of every page, by page id.
    pub values: &'a [Value],
    pub templates: &'a BTreeMap<String, TextFile>,
    /// The files each loader read, by what its results feed.
    pub inputs: &'a BTreeMap<Dep, Inputs>,
}

/// Fingerprints of everything outputs depend on.
#[derive(Clone, Debug, Default)]
pub struct Fingerprints {
    /// By content path: the page's list form and place, and its own content.
    pages: HashMap<String, (u64, u64)>,
    inputs: BTreeMap<Dep, u64>,
    templates: HashMap<String, u64>,
    /// The site's shape (`Dep::SiteShape`).
    shape: u64,
}

impl Fingerprints {
    pub fn of(snapshot: &Snapshot<'_>) -> Fingerprints {
        let site = snapshot.site;
        let mut shape = hasher();
        for page in &site.pages {
            page.content.content_path.hash(&mut shape);
            page.path.hash(&mut shape);
            page.front().template.hash(&mut shape);
            site.section_kind(page.id).hash(&mut shape);
        }
        Fingerprints {
            pages: site
                .pages
                .par_iter()
                .map(|page| {
                    let print = page_print(snapshot, page.id);
                    (page.content.content_path.clone(), print)
                })
                .collect(),
            inputs: snapshot
                .inputs
                .iter()
                .map(|(dep, inputs)| (dep.clone(), inputs.fingerprint()))
                .collect(),
            templates: template_prints(snapshot.templates),
            shape: shape.finish(),
        }
    }

    /// What changed from `self` to `new`: pages, declared inputs, the shape, and every
    /// template reached by a changed one (through `extends`, `include`, components).
    pub fn changes(
        &self,
        new: &Fingerprints,
        templates: &BTreeMap<String, TextFile>,
    ) -> BTreeSet<Dep> {
        let mut changed = BTreeSet::new();
        for (key, print) in &new.pages {
            changed.extend(page_changes(key, self.pages.get(key), *print));
        }
        for key in self
            .pages
            .keys()
            .filter(|key| !new.pages.contains_key(*key))
        {
            changed.insert(Dep::Page(key.clone()));
        }
        if changed.iter().any(|d| matches!(d, Dep::Page(_))) {
            changed.insert(Dep::AllPages);
        }
        if new.shape != self.shape {
            changed.insert(Dep::SiteShape);
        }
        let inputs = new.inputs.keys().chain(self.inputs.keys());
        for dep in inputs {
            if self.inputs.get(dep) != new.inputs.get(dep) {
                changed.insert(dep.clone());
            }
        }
        changed.extend(template_changes(&self.templates, &new.templates, templates));
        changed
    }

    /// Takes new prints of the templates (which alone changed) and returns what changed.
    pub fn update_templates(&mut self, templates: &BTreeMap<String, TextFile>) -> BTreeSet<Dep> {
        let new = template_prints(templates);
        let changed = template_changes(&self.templates, &new, templates);
        self.templates = new;
        changed
    }

    /// Takes new prints of the pages `ids` (whose bodies were edited; nothing else moved)
    /// and returns what changed.
    pub fn update_pages(&mut self, snapshot: &Snapshot<'_>, ids: &[PageId]) -> BTreeSet<Dep> {
        let mut changed = BTreeSet::new();
        for &id in ids {
            let key = snapshot.site.pages[id].content.content_path.clone();
            let print = page_print(snapshot, id);
            changed.extend(page_changes(&key, self.pages.get(&key), print));
            self.pages.insert(key, print);
        }
        changed
    }
}

fn template_prints(templates: &BTreeMap<String, TextFile>) -> HashMap<String, u64> {
    templates
        .iter()
        .map(|(name, file)| (name.clone(), hash_of(&file.text)))
        .collect()
}

/// Every template reached by one whose print moved (or that came or went).
fn template_changes(
    old: &HashMap<String, u64>,
    new: &HashMap<String, u64>,
    templates: &BTreeMap<String, TextFile>,
) -> BTreeSet<Dep> {
    let changed_templates: BTreeSet<String> = new
        .iter()
        .filter(|(name, print)| old.get(*name) != Some(*print))
        .map(|(name, _)| name.clone())
        .chain(old.keys().filter(|name| !new.contains_key(*name)).cloned())
        .collect();
    let uses = template_uses(
        templates
            .iter()
            .map(|(name, file)| (name.as_str(), file.text.as_str())),
    );
    templates_affected(&uses, &changed_templates)
        .into_iter()
        .map(Dep::Template)
        .collect()
}

/// What a page's new prints change: its list form and place (and so every list of all
/// pages), or only its own content.
fn page_changes(key: &str, old: Option<&(u64, u64)>, (list, content): (u64, u64)) -> Vec<Dep> {
    match old {
        Some(&(old_list, old_content)) => {
            let mut changed = Vec::new();
            if old_list != list {
                changed.extend([Dep::Page(key.to_string()), Dep::AllPages]);
            }
            if old_content != content {
                changed.push(Dep::Content(key.to_string()));
            }
            changed
        }
        None => vec![Dep::Page(key.to_string()), Dep::AllPages],
    }
}

/// A page's fingerprints: its list form and place, and its own content.
fn page_print(snapshot: &Snapshot<'_>, id: PageId) -> (u64, u64) {
    let site = snapshot.site;
    let page = &site.pages[id];
    let mut list = hasher();
    hash_value(&snapshot.values[id], &mut list);
    page.path.hash(&mut list);
    for other in page
        .ancestors
        .iter()
        .chain(&page.pages)
        .chain(&page.subsections)
        .chain(&page.translations)
    {
        site.pages[*other].content.content_path.hash(&mut list);
    }
    page.paginate_by.hash(&mut list);
    page.front().template.hash(&mut list);
    let mut content = hasher();
    page.rendered.html.hash(&mut content);
    for entry in &page.rendered.toc {
        format!("{entry:?}").hash(&mut content);
    }
    (list.finish(), content.finish())
}

fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = hasher();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Hashes a template value through its serialised form (values have no `Hash`).
fn hash_value(value: &Value, hasher: &mut impl Hasher) {
    struct Feed<'a, H: Hasher>(&'a mut H);
    impl<H: Hasher> std::io::Write for Feed<'_, H> {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let _ = serde_json::to_writer(Feed(hasher), value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::text_files;

    #[test]
    fn recording_collects_only_inside_the_closure() {
        record(Dep::AllPages);
        let ((), recorded) = recording(|| {
            record(Dep::Page("a.md".into()));
            record(Dep::Template("page.html".into()));
            record(Dep::Page("a.md".into()));
        });
        // Every output depends on the site's shape, whatever else it reads.
        assert_eq!(
            recorded,
            BTreeSet::from([
                Dep::SiteShape,
                Dep::Page("a.md".into()),
                Dep::Template("page.html".into())
            ])
        );
        let ((), nested_outer) = recording(|| {
            let ((), inner) = recording(|| record(Dep::AllPages));
            assert_eq!(inner, BTreeSet::from([Dep::SiteShape, Dep::AllPages]));
            record(Dep::Plan("kh".into()));
        });
        assert_eq!(
            nested_outer,
            BTreeSet::from([Dep::SiteShape, Dep::Plan("kh".into())])
        );
    }

    #[test]
    fn template_changes_reach_through_extends_includes_and_components() {
        let templates = [
            (
                "base.html",
                "<html>{% include \"partials/head.html\" %}{% block main %}{% endblock main %}",
            ),
            ("partials/head.html", "<title>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block main %}{{ <badge kind=\"x\"/> }}{% endblock main %}",
            ),
            ("section.html", "{% extends 'base.html' %}"),
            (
                "partials/components.html",
                "{% component badge(kind) %}{{ kind }}{% endcomponent badge %}",
            ),
            ("alone.html", "plain"),
        ];
        let uses = template_uses(templates);
        let affected =
            templates_affected(&uses, &BTreeSet::from(["partials/head.html".to_string()]));
        assert_eq!(
            affected,
            BTreeSet::from(
                [
                    "base.html",
                    "page.html",
                    "partials/head.html",
                    "section.html"
                ]
                .map(String::from)
            )
        );
        let affected = templates_affected(
            &uses,
            &BTreeSet::from(["partials/components.html".to_string()]),
        );
        assert_eq!(
            affected,
            BTreeSet::from(["page.html", "partials/components.html"].map(String::from))
        );
    }

    #[test]
    fn a_template_edit_changes_the_templates_that_reach_it_and_nothing_else() {
        let files = |head: &str| {
            text_files(
                "templates",
                &[
                    ("base.html", "{% include \"head.html\" %}"),
                    ("head.html", head),
                    ("page.html", "{% extends \"base.html\" %}"),
                    ("alone.html", "plain"),
                ],
            )
        };
        let mut prints = Fingerprints {
            templates: template_prints(&files("<title>")),
            ..Fingerprints::default()
        };
        assert!(prints.update_templates(&files("<title>")).is_empty());
        assert_eq!(
            prints.update_templates(&files("<title>Mới")),
            BTreeSet::from(
                ["base.html", "head.html", "page.html"].map(|t| Dep::Template(t.into()))
            )
        );
        assert!(prints.update_templates(&files("<title>Mới")).is_empty());
    }

    #[test]
    fn an_output_is_stale_when_it_shares_an_input_with_the_change() {
        let mut graph = Graph::default();
        let list: BTreeSet<Dep> = (0..50).map(|i| Dep::Page(format!("p{i}.md"))).collect();
        graph.record("list.html".into(), list);
        graph.record(
            "p7.html".into(),
            BTreeSet::from([Dep::Content("p7.md".into())]),
        );
        let small = BTreeSet::from([Dep::Page("p7.md".into())]);
        let large: BTreeSet<Dep> = (100..200).map(|i| Dep::Page(format!("p{i}.md"))).collect();
        let large_with_p7: BTreeSet<Dep> = large.iter().cloned().chain(small.clone()).collect();
        assert!(graph.is_stale("list.html", Some(&small)));
        assert!(!graph.is_stale("list.html", Some(&large)));
        assert!(graph.is_stale("list.html", Some(&large_with_p7)));
        assert!(!graph.is_stale("p7.html", Some(&small)));
        assert!(graph.is_stale("p7.html", None));
        assert!(graph.is_stale("never-made.html", Some(&small)));
    }

    #[test]
    fn a_change_to_any_declared_input_is_seen() {
        let print = |files: &[(&str, &str)]| {
            let mut inputs = Inputs::default();
            for (path, text) in files {
                inputs.read(path, text.as_bytes());
            }
            Fingerprints {
                inputs: BTreeMap::from([(Dep::Plan("kh".into()), inputs.fingerprint())]),
                ..Fingerprints::default()
            }
        };
        let templates = BTreeMap::new();
        let before = print(&[("kh/plan.toml", "a")]);
        // A kind of file no one else knows of: a loader that reads it declares it.
        let with_new_kind = print(&[("kh/plan.toml", "a"), ("kh/ghi-chu.yaml", "x")]);
        let edited = print(&[("kh/plan.toml", "a"), ("kh/ghi-chu.yaml", "y")]);
        assert!(before.changes(&before, &templates).is_empty());
        for (old, new) in [(&before, &with_new_kind), (&with_new_kind, &edited)] {
            assert_eq!(
                old.changes(new, &templates),
                BTreeSet::from([Dep::Plan("kh".into())])
            );
        }
    }
}
