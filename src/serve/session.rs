//! A build kept in memory between changes, for `serve`: each batch of changed files
//! re-renders only the outputs whose recorded inputs changed, and writes only the files
//! whose bytes changed. The result must equal a fresh full build, byte for byte.
//!
//! Two paths:
//! - **Edits to the body of pages** (front matter untouched, no file added or removed):
//!   the site's shape cannot have changed, so only those pages' Markdown is rendered again
//!   and the outputs that show them are re-rendered.
//! - **Anything else** in content, data or templates: every stage runs again on the files
//!   kept in memory (only changed files are re-read), each page, plan and template is
//!   fingerprinted, and outputs are re-rendered where a fingerprint they depend on moved.
//!
//! A change to `site-config.toml` or the interface strings re-renders everything.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Value;

use super::search_index::SearchIndexes;
use crate::config::{CONFIG_FILE, Config};
use crate::content::front_matter;
use crate::deps::{self, Dep};
use crate::diag::Diagnostic;
use crate::i18n::I18n;
use crate::pipeline::{self, BuildOptions, Timings};
use crate::render::{self, Job, RenderInput};
use crate::site::Site;
use crate::source::{self, Bytes, CONTENT_DIR, SiteSources, TextFile};
use crate::templates::{Lookups, Templates};

/// What a batch of changes did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Update {
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    /// Only stylesheets changed: pages can swap them without reloading.
    pub css_only: bool,
    pub took: Duration,
}

/// How a file the watcher saw matters to the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Config,
    /// A file of `content/`, by its path inside it.
    Content(String),
    Template,
    Static(String),
    I18n,
    /// Not part of the site (the output folder, `.git`, editor files…).
    Ignored,
}

/// Sorts a changed path (relative to the site root, `/`-separated) by what it affects.
pub fn classify(relative: &str, theme: &str) -> Change {
    let parts: Vec<&str> = relative.split('/').collect();
    if parts.iter().any(|part| source::is_ignored_name(part)) {
        return Change::Ignored;
    }
    let theme_prefix = ["themes", theme];
    let layer = if parts.len() > 2 && parts[..2] == theme_prefix {
        &parts[2..]
    } else {
        &parts[..]
    };
    match layer {
        [CONFIG_FILE] if parts.len() == 1 => Change::Config,
        ["theme.toml"] if parts.len() > 2 => Change::Config,
        [first, rest @ ..]
            if *first == CONTENT_DIR && parts.len() == layer.len() && !rest.is_empty() =>
        {
            Change::Content(rest.join("/"))
        }
        [first, rest @ ..] if *first == source::TEMPLATES_DIR && !rest.is_empty() => {
            Change::Template
        }
        [first, rest @ ..] if *first == source::STATIC_DIR && !rest.is_empty() => {
            Change::Static(rest.join("/"))
        }
        [first, rest @ ..] if *first == source::I18N_DIR && !rest.is_empty() => Change::I18n,
        _ => Change::Ignored,
    }
}

/// A rendered output: its path, its bytes and what it was made from.
type Rendered = (String, Vec<u8>, BTreeSet<Dep>);

/// What an output was made from, and the hash of the bytes written for it.
#[derive(Clone, Debug)]
struct Made {
    deps: BTreeSet<Dep>,
    hash: u64,
    /// The template it was rendered with, if any.
    template: Option<String>,
}

/// Fingerprints of everything outputs depend on.
#[derive(Clone, Debug, Default)]
struct Prints {
    /// By content path: the page's list form and place, and its own content.
    pages: HashMap<String, (u64, u64)>,
    plans: HashMap<String, u64>,
    templates: HashMap<String, u64>,
    /// The site's shape (`Dep::SiteShape`).
    shape: u64,
}

pub struct Session {
    options: BuildOptions,
    output: PathBuf,
    config: Config,
    /// Markdown texts by path inside `content/`: `prepare` consumes its copy.
    pages: BTreeMap<String, TextFile>,
    sources: SiteSources,
    site: Arc<Site>,
    values: Arc<Vec<Value>>,
    i18n: Arc<I18n>,
    templates: Option<Templates>,
    outputs: BTreeMap<String, Made>,
    prints: Prints,
    search: SearchIndexes,
    /// Set after a failed batch: the model may hold broken pages, so the next batch takes
    /// the full path.
    needs_full: bool,
}

/// Why a session could not start.
pub enum StartError {
    Site(Vec<Diagnostic>),
    Internal(String),
}

impl Session {
    /// Builds the whole site into `options.output` (which must be set).
    pub fn start(options: BuildOptions) -> Result<(Session, Update), StartError> {
        let started = Instant::now();
        let output = options
            .output
            .clone()
            .ok_or_else(|| StartError::Internal("no output folder".into()))?;
        let config = pipeline::load_config(&options).map_err(StartError::Site)?;
        let (sources, found) = source::load(&options.root, &config.theme);
        let pages = sources.pages.clone();
        let prepared = pipeline::prepare_from(
            config.clone(),
            sources,
            found,
            options.drafts,
            Timings::default(),
        )
        .map_err(StartError::Site)?;
        std::fs::create_dir_all(&output).map_err(|e| {
            StartError::Internal(format!("cannot create {}: {e}", output.display()))
        })?;
        let mut session = Session {
            options,
            output,
            config,
            pages,
            sources: prepared.sources,
            site: prepared.site,
            values: prepared.values,
            i18n: prepared.i18n,
            templates: Some(prepared.templates),
            outputs: BTreeMap::new(),
            prints: Prints::default(),
            search: SearchIndexes::default(),
            needs_full: false,
        };
        session.prints = session.fingerprint();
        let mut update = session.render(None).map_err(StartError::Site)?;
        update.took = started.elapsed();
        Ok((session, update))
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    pub fn theme(&self) -> &str {
        &self.config.theme
    }

    /// Applies a batch of changed files (relative to the site root). On error the last
    /// good output stays as it is.
    pub fn apply(&mut self, changed: &[String]) -> Result<Update, Vec<Diagnostic>> {
        let started = Instant::now();
        let changes: Vec<Change> = changed
            .iter()
            .map(|p| classify(p, &self.config.theme))
            .collect();
        if changes.iter().all(|c| *c == Change::Ignored) {
            return Ok(Update {
                took: started.elapsed(),
                ..Update::default()
            });
        }
        let result = self.apply_changes(&changes);
        self.needs_full = result.is_err();
        result.map(|mut update| {
            update.took = started.elapsed();
            update
        })
    }

    fn apply_changes(&mut self, changes: &[Change]) -> Result<Update, Vec<Diagnostic>> {
        let everything = self.needs_full
            || changes
                .iter()
                .any(|c| matches!(c, Change::Config | Change::I18n));
        if everything {
            return self.rebuild_everything();
        }
        let mut edited = Vec::new();
        let mut shape_changed = false;
        let mut templates_changed = false;
        for change in changes {
            match change {
                Change::Content(rel) => {
                    let before = self.pages.get(rel).map(|f| f.text.clone());
                    self.reread(rel);
                    let after = self.pages.get(rel).map(|f| f.text.as_str());
                    match (before.as_deref(), after) {
                        (Some(old), Some(new)) if old == new => {}
                        (Some(old), Some(new))
                            if same_front_matter(old, new) && !self.is_plan_file(rel) =>
                        {
                            edited.push(rel.clone())
                        }
                        _ => shape_changed = true,
                    }
                }
                Change::Template | Change::Static(_) => {
                    let mut diagnostics = Vec::new();
                    source::load_theme(&mut self.sources, &self.config.theme, &mut diagnostics);
                    if diagnostics.iter().any(Diagnostic::is_error) {
                        return Err(diagnostics);
                    }
                    // Neither changes what the pages are: a template re-renders the pages
                    // that use it, a static file is copied if its bytes changed.
                    templates_changed |= matches!(change, Change::Template);
                }
                Change::Config | Change::I18n | Change::Ignored => {}
            }
        }
        let css_only = changes
            .iter()
            .all(|c| matches!(c, Change::Static(p) if p.ends_with(".css")));
        let mut update = if shape_changed {
            self.rebuild_model()?;
            let changed = self.changed_prints();
            self.render(Some(&changed))?
        } else {
            let mut changed = if edited.is_empty() {
                BTreeSet::new()
            } else {
                self.edit_bodies(&edited)?
            };
            if templates_changed {
                self.reload_templates()?;
                changed.extend(self.changed_prints());
            }
            self.render(Some(&changed))?
        };
        update.css_only = css_only && update.written > 0;
        Ok(update)
    }

    fn is_plan_file(&self, rel: &str) -> bool {
        crate::content::plan::plan_dirs(&self.sources.data)
            .iter()
            .any(|dir| {
                let inside = if dir.is_empty() {
                    Some(rel)
                } else {
                    rel.strip_prefix(dir.as_str())
                        .and_then(|r| r.strip_prefix('/'))
                };
                inside.is_some_and(|rest| rest.starts_with("groups/") || rest.starts_with("tasks/"))
            })
    }

    /// Re-reads one file of `content/` (or forgets it when it is gone).
    fn reread(&mut self, rel: &str) {
        let path = self.options.root.join(CONTENT_DIR).join(rel);
        if !path.is_file() {
            self.pages.remove(rel);
            self.sources.forget(rel);
            return;
        }
        match source::read_content_file(&self.options.root, &path) {
            Ok(source::ContentFile::Markdown(text)) => {
                self.pages.insert(rel.to_string(), text);
            }
            Ok(other) => {
                self.pages.remove(rel);
                self.sources.put(rel.to_string(), other);
            }
            Err(_) => {
                // Read again by the full path, which reports the problem in place.
                self.needs_full = true;
            }
        }
    }

    fn rebuild_everything(&mut self) -> Result<Update, Vec<Diagnostic>> {
        self.config = pipeline::load_config(&self.options)?;
        let (sources, found) = source::load(&self.options.root, &self.config.theme);
        if let Some(error) = found.iter().find(|d| d.is_error()) {
            return Err(vec![error.clone()]);
        }
        self.pages = sources.pages.clone();
        self.sources = sources;
        self.rebuild_model()?;
        self.prints = self.fingerprint();
        self.render(None)
    }

    /// Every stage again, on the files in memory.
    fn rebuild_model(&mut self) -> Result<(), Vec<Diagnostic>> {
        let mut sources = self.sources.clone();
        sources.pages = self.pages.clone();
        let prepared = pipeline::prepare_from(
            self.config.clone(),
            sources,
            Vec::new(),
            self.options.drafts,
            Timings::default(),
        )?;
        let mut kept = prepared.sources;
        kept.pages = BTreeMap::new();
        self.sources = kept;
        self.site = prepared.site;
        self.values = prepared.values;
        self.i18n = prepared.i18n;
        self.templates = Some(prepared.templates);
        Ok(())
    }

    /// Loads the templates again from the theme sources in memory, over the same site.
    fn reload_templates(&mut self) -> Result<(), Vec<Diagnostic>> {
        let found = self.load_templates();
        if found.iter().any(Diagnostic::is_error) {
            return Err(found);
        }
        Ok(())
    }

    /// Makes the templates over the current site, page values and strings; returns what the
    /// templates' sources hold that is wrong.
    fn load_templates(&mut self) -> Vec<Diagnostic> {
        // The old templates' functions hold the site; drop them first.
        self.templates = None;
        let lookups = Lookups {
            site: Arc::clone(&self.site),
            page_values: Arc::clone(&self.values),
            i18n: Arc::clone(&self.i18n),
        };
        let (templates, found) = Templates::load(&self.sources.templates, lookups);
        self.templates = Some(templates);
        found
    }

    /// Re-renders the Markdown of edited pages in place; returns what changed.
    fn edit_bodies(&mut self, edited: &[String]) -> Result<BTreeSet<Dep>, Vec<Diagnostic>> {
        // The templates' functions hold the site; they are rebuilt afterwards.
        self.templates = None;
        let site = Arc::get_mut(&mut self.site)
            .ok_or_else(|| vec![Diagnostic::error("serve", "the site is still in use")])?;
        let mut diagnostics = Vec::new();
        let mut touched = Vec::new();
        for rel in edited {
            let Some(id) = site
                .pages
                .iter()
                .position(|p| p.content.content_path == *rel)
            else {
                continue;
            };
            let text = self.pages[rel].text.clone();
            site.pages[id].content.text = text;
            let options = render::markdown_options(site, &self.i18n, site.pages[id].lang());
            let mut rendered = render::render_page_markdown(site, &self.i18n, &options, id);
            diagnostics.append(&mut rendered.diagnostics);
            site.pages[id].rendered = rendered;
            site.pages[id].content.release_body();
            touched.push(id);
        }
        diagnostics.extend(site.check_anchors());
        let values = Arc::get_mut(&mut self.values)
            .ok_or_else(|| vec![Diagnostic::error("serve", "page values are still in use")])?;
        for &id in &touched {
            values[id] = render::page::page_value(site, &site.pages[id]);
        }
        diagnostics.extend(self.load_templates());
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        // The site's shape is unchanged: only the edited pages can have moved.
        let mut changed = BTreeSet::new();
        for &id in &touched {
            let key = self.site.pages[id].content.content_path.clone();
            let (list, content) = self.page_print(id);
            let (old_list, old_content) = self.prints.pages.get(&key).copied().unwrap_or_default();
            if list != old_list {
                changed.insert(Dep::Page(key.clone()));
                changed.insert(Dep::AllPages);
            }
            if content != old_content {
                changed.insert(Dep::Content(key.clone()));
            }
            self.prints.pages.insert(key, (list, content));
        }
        Ok(changed)
    }

    /// Fingerprints everything, compares with the last written state, and keeps the new
    /// prints; returns the dependencies that changed.
    fn changed_prints(&mut self) -> BTreeSet<Dep> {
        let new = self.fingerprint();
        let mut changed = BTreeSet::new();
        for (key, (list, content)) in &new.pages {
            match self.prints.pages.get(key) {
                Some((old_list, old_content)) => {
                    if old_list != list {
                        changed.insert(Dep::Page(key.clone()));
                    }
                    if old_content != content {
                        changed.insert(Dep::Content(key.clone()));
                    }
                }
                None => {
                    changed.insert(Dep::Page(key.clone()));
                    changed.insert(Dep::AllPages);
                }
            }
        }
        for key in self.prints.pages.keys() {
            if !new.pages.contains_key(key) {
                changed.insert(Dep::Page(key.clone()));
                changed.insert(Dep::AllPages);
            }
        }
        if changed.iter().any(|d| matches!(d, Dep::Page(_))) {
            changed.insert(Dep::AllPages);
        }
        if new.shape != self.prints.shape {
            changed.insert(Dep::SiteShape);
        }
        for (dir, print) in &new.plans {
            if self.prints.plans.get(dir) != Some(print) {
                changed.insert(Dep::Plan(dir.clone()));
            }
        }
        let changed_templates: BTreeSet<String> = new
            .templates
            .iter()
            .filter(|(name, print)| self.prints.templates.get(*name) != Some(*print))
            .map(|(name, _)| name.clone())
            .chain(
                self.prints
                    .templates
                    .keys()
                    .filter(|name| !new.templates.contains_key(*name))
                    .cloned(),
            )
            .collect();
        let uses = deps::template_uses(
            self.sources
                .templates
                .iter()
                .map(|(name, file)| (name.as_str(), file.text.as_str())),
        );
        for name in deps::templates_affected(&uses, &changed_templates) {
            changed.insert(Dep::Template(name));
        }
        self.prints = new;
        changed
    }

    fn fingerprint(&self) -> Prints {
        let site = &self.site;
        let mut prints = Prints {
            pages: site
                .pages
                .par_iter()
                .map(|page| (page.content.content_path.clone(), self.page_print(page.id)))
                .collect(),
            ..Prints::default()
        };
        for plan in &site.plans {
            let mut print = hasher();
            for path in plan.sources.iter().chain([
                &"data/units.toml".to_string(),
                &"data/places.toml".to_string(),
            ]) {
                path.hash(&mut print);
                self.sources.data.get(path).hash(&mut print);
            }
            for group in &plan.groups {
                format!("{group:?}").hash(&mut print);
            }
            plan.task_pages.hash(&mut print);
            prints.plans.insert(plan.dir.clone(), print.finish());
        }
        for (name, file) in &self.sources.templates {
            let mut print = hasher();
            file.text.hash(&mut print);
            prints.templates.insert(name.clone(), print.finish());
        }
        let mut shape = hasher();
        for page in &site.pages {
            page.content.content_path.hash(&mut shape);
            page.path.hash(&mut shape);
            page.front().template.hash(&mut shape);
            site.section_kind(page.id).hash(&mut shape);
        }
        prints.shape = shape.finish();
        prints
    }

    /// A page's fingerprints: its list form and place, and its own content.
    fn page_print(&self, id: usize) -> (u64, u64) {
        let site = &self.site;
        let page = &site.pages[id];
        let mut list = hasher();
        hash_value(&self.values[id], &mut list);
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

    /// Renders the outputs that depend on `changed` (all when `None`), writes those whose
    /// bytes differ from what is on disk, copies changed static files, and removes outputs
    /// that are no longer made.
    fn render(&mut self, changed: Option<&BTreeSet<Dep>>) -> Result<Update, Vec<Diagnostic>> {
        let Some(templates) = &self.templates else {
            return Err(vec![Diagnostic::error("serve", "templates are not loaded")]);
        };
        let input = RenderInput {
            site: &self.site,
            templates,
            values: &self.values,
            i18n: &self.i18n,
            static_files: &self.sources.static_files,
            content_files: &self.sources.content_files,
            data: &self.sources.data,
        };
        let (plan, diagnostics) = render::plan_outputs(&input);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        let dirty: Vec<(String, Job)> = plan
            .jobs
            .iter()
            .filter(|(path, _)| match (changed, self.outputs.get(path)) {
                (None, _) | (_, None) => true,
                (Some(changed), Some(made)) => made.deps.iter().any(|dep| changed.contains(dep)),
            })
            .cloned()
            .collect();
        let made: std::sync::Mutex<Vec<Rendered>> = std::sync::Mutex::new(Vec::new());
        let failed = render::render_jobs(&input, &dirty, &|path, bytes, deps| {
            made.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((path.to_string(), bytes, deps));
        });
        if failed.iter().any(Diagnostic::is_error) {
            return Err(failed);
        }
        let mut update = Update {
            rendered: dirty.len(),
            ..Update::default()
        };
        let mut write_error = None;
        // Nothing is written until every output rendered, so a failed batch leaves the last
        // good site whole; then the changed files are written in parallel.
        let made = made.into_inner().unwrap_or_else(|e| e.into_inner());
        let written: Vec<(u64, bool, Option<String>)> = made
            .par_iter()
            .map(|(path, bytes, _)| {
                let hash = hash_bytes(bytes);
                if self.outputs.get(path).map(|m| m.hash) == Some(hash) {
                    return (hash, false, None);
                }
                let error = write_file(&self.output, path, bytes)
                    .err()
                    .map(|e| format!("cannot write {path}: {e}"));
                (hash, true, error)
            })
            .collect();
        for ((path, _, deps), (hash, wrote, error)) in made.into_iter().zip(written) {
            if let Some(error) = error {
                write_error.get_or_insert(error);
            }
            update.written += usize::from(wrote);
            let template = deps.iter().find_map(|d| match d {
                Dep::Template(name) => Some(name.clone()),
                _ => None,
            });
            self.outputs.insert(
                path,
                Made {
                    deps,
                    hash,
                    template,
                },
            );
        }
        for (path, bytes) in &plan.copies {
            let data = match bytes {
                Bytes::Embedded(data) => data.to_vec(),
                Bytes::Disk(file) => std::fs::read(file).unwrap_or_default(),
            };
            let hash = hash_bytes(&data);
            if self.outputs.get(path).map(|m| m.hash) != Some(hash) {
                if let Err(error) = write_file(&self.output, path, &data) {
                    write_error.get_or_insert(format!("cannot write {path}: {error}"));
                }
                update.written += 1;
                self.outputs.insert(
                    path.clone(),
                    Made {
                        deps: BTreeSet::new(),
                        hash,
                        template: None,
                    },
                );
            }
        }
        let search = self.search.refresh(&self.site, changed.is_none());
        for (path, bytes) in &search.write {
            if let Err(error) = write_file(&self.output, path, bytes) {
                write_error.get_or_insert(format!("cannot write {path}: {error}"));
            }
            update.written += 1;
        }
        for path in &search.remove {
            let _ = std::fs::remove_file(self.output.join(path));
            remove_empty_parents(&self.output, path);
            update.removed += 1;
        }
        let current: BTreeSet<&str> = plan
            .jobs
            .iter()
            .map(|(p, _)| p.as_str())
            .chain(plan.copies.keys().map(String::as_str))
            .collect();
        let gone: Vec<String> = self
            .outputs
            .keys()
            .filter(|p| !current.contains(p.as_str()))
            .cloned()
            .collect();
        for path in gone {
            let _ = std::fs::remove_file(self.output.join(&path));
            remove_empty_parents(&self.output, &path);
            self.outputs.remove(&path);
            update.removed += 1;
        }
        if let Some(error) = write_error {
            return Err(vec![Diagnostic::error("write", error)]);
        }
        Ok(update)
    }

    /// Every output with the bytes a full build would write, for tests.
    pub fn output_paths(&self) -> Vec<String> {
        self.outputs.keys().cloned().collect()
    }

    /// The template each output was rendered with, for tests of the dependency graph.
    pub fn template_of(&self, path: &str) -> Option<&str> {
        self.outputs.get(path).and_then(|m| m.template.as_deref())
    }
}

/// The front matter of two versions of a page is the same text (so its place, title and
/// order in the site are the same).
fn same_front_matter(old: &str, new: &str) -> bool {
    match (front_matter::split("", old), front_matter::split("", new)) {
        (Ok(a), Ok(b)) => a.front_matter == b.front_matter && a.body_offset == b.body_offset,
        _ => false,
    }
}

fn hasher() -> std::collections::hash_map::DefaultHasher {
    std::collections::hash_map::DefaultHasher::new()
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = hasher();
    bytes.hash(&mut hasher);
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

/// Writes one output in place, through a temporary file so a reader never sees half of it.
fn write_file(root: &Path, path: &str, bytes: &[u8]) -> std::io::Result<()> {
    let target = root.join(path);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temporary = target.with_file_name(format!(
        ".{}.minhbach-tmp",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, &target)
}

fn remove_empty_parents(root: &Path, path: &str) {
    let mut dir = root.join(path);
    while dir.pop() && dir.starts_with(root) && dir != root {
        if std::fs::remove_dir(&dir).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_paths_are_sorted_by_what_they_affect() {
        for (path, change) in [
            ("site-config.toml", Change::Config),
            (
                "content/tin-tuc/a.md",
                Change::Content("tin-tuc/a.md".into()),
            ),
            (
                "content/ke-hoach/data/x.csv",
                Change::Content("ke-hoach/data/x.csv".into()),
            ),
            ("templates/page.html", Change::Template),
            (
                "themes/default/templates/partials/head.html",
                Change::Template,
            ),
            ("themes/other/templates/page.html", Change::Ignored),
            ("static/css/main.css", Change::Static("css/main.css".into())),
            (
                "themes/default/static/js/search.js",
                Change::Static("js/search.js".into()),
            ),
            ("i18n/vi.toml", Change::I18n),
            ("themes/default/i18n/en.toml", Change::I18n),
            ("themes/default/theme.toml", Change::Config),
            ("content/.a.md.swp", Change::Ignored),
            ("content/a.md~", Change::Ignored),
            ("public/index.html", Change::Ignored),
            (".git/index", Change::Ignored),
            ("README.md", Change::Ignored),
        ] {
            assert_eq!(classify(path, "default"), change, "{path}");
        }
    }

    #[test]
    fn only_identical_front_matter_counts_as_a_body_edit() {
        assert!(same_front_matter(
            "+++\ntitle = \"A\"\n+++\nOne\n",
            "+++\ntitle = \"A\"\n+++\nTwo, longer\n"
        ));
        assert!(!same_front_matter(
            "+++\ntitle = \"A\"\n+++\nOne\n",
            "+++\ntitle = \"B\"\n+++\nOne\n"
        ));
    }
}
