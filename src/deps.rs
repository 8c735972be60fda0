//! The dependency graph (pure): which inputs each output was made from. Dependencies are
//! recorded while an output renders — every page value a context holds, every lookup a
//! template function makes, the template itself — so `serve` can re-render exactly the
//! outputs a change touches. Recording uses a thread-local set because a render job runs
//! start to end on one thread, and template functions have no other way to report.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::site::{PageId, Site};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
