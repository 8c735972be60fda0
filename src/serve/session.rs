//! A build kept in memory between changes, for `serve` (I/O through `output::InPlace`): the
//! same stages as `pipeline`, driven so that each batch of changed files re-renders only the
//! outputs whose recorded inputs changed (`deps`), and writes only the files whose bytes
//! changed. The result must equal a fresh full build, byte for byte.
//!
//! Two paths:
//! - **Edits to the body of pages** (front matter untouched, no file added or removed, no
//!   loader's declared input): the site's shape cannot have changed, so only those pages'
//!   Markdown is rendered again and the outputs that show them are re-rendered.
//! - **Anything else** in content, data or templates: every stage runs again on the files
//!   kept in memory (only changed files are re-read), and outputs are re-rendered where a
//!   fingerprint they depend on moved.
//!
//! A change to `site-config.toml` or the interface strings re-renders everything.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::search_index::SearchIndexes;
use crate::config::Config;
use crate::content::front_matter;
use crate::deps::{Dep, Fingerprints, Graph, Snapshot};
use crate::diag::Diagnostic;
use crate::output::InPlace;
use crate::pipeline::{self, BuildOptions, Prepared, Timings};
use crate::render::cards::CardFile;
use crate::render::{self, Job, Output};
use crate::source::{self, Change, TextFile};

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

pub struct Session {
    options: BuildOptions,
    config: Config,
    /// Markdown texts by path inside `content/`: `prepare` consumes its copy.
    pages: BTreeMap<String, TextFile>,
    prepared: Prepared,
    graph: Graph,
    prints: Fingerprints,
    search: SearchIndexes,
    writer: InPlace,
    /// The share cards the pages show, by output path: drawn only when the preview is asked
    /// for one (`serve::http`), never written into the folder.
    cards: BTreeMap<String, Arc<CardFile>>,
    /// Set after a failed batch: the model may hold broken pages, so the next batch takes
    /// the full path.
    needs_full: bool,
}

impl Session {
    /// Builds the whole site into `options.output` (which must be set).
    pub fn start(options: BuildOptions) -> Result<(Session, Update), Vec<Diagnostic>> {
        let started = Instant::now();
        let Some(output) = options.output.clone() else {
            return Err(vec![Diagnostic::internal(
                "internal-serve",
                "no output folder",
            )]);
        };
        let config = pipeline::load_config(&options)?;
        let (sources, found) = source::load(&options.root, &config.theme);
        let pages = sources.pages.clone();
        let prepared = pipeline::prepare_from(
            config.clone(),
            sources,
            found,
            preview(&options),
            Timings::default(),
        )?;
        let mut session = Session {
            writer: InPlace::new(&output).map_err(|d| vec![d])?,
            options,
            config,
            pages,
            prepared,
            graph: Graph::default(),
            prints: Fingerprints::default(),
            search: SearchIndexes::default(),
            cards: BTreeMap::new(),
            needs_full: false,
        };
        session.prints = Fingerprints::of(&session.snapshot());
        let mut update = session.render(None)?;
        update.took = started.elapsed();
        Ok((session, update))
    }

    pub fn output(&self) -> &std::path::Path {
        self.writer.root()
    }

    /// Applies a batch of changed files (relative to the site root). On error the last
    /// good output stays as it is.
    pub fn apply(&mut self, changed: &[String]) -> Result<Update, Vec<Diagnostic>> {
        let started = Instant::now();
        let changes: Vec<Change> = changed
            .iter()
            .map(|p| source::classify(p, &self.config.theme))
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
        let mut edited = BTreeMap::new();
        let mut shape_changed = false;
        let mut templates_changed = false;
        for change in changes {
            match change {
                Change::Content(rel) => match self.reread(rel)? {
                    Some(file) => {
                        edited.insert(rel.clone(), file);
                    }
                    None => shape_changed = true,
                },
                Change::Template | Change::Static(_) => {
                    let mut found = Vec::new();
                    let sources = &mut self.prepared.sources;
                    source::load_theme(sources, &self.config.theme, &mut found);
                    if found.iter().any(Diagnostic::is_error) {
                        return Err(found);
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
        let changed = if shape_changed {
            self.prepare_again()?;
            self.changed_prints()
        } else {
            let mut changed = BTreeSet::new();
            if !edited.is_empty() {
                let touched = self.prepared.edit_bodies(&edited)?;
                let mut prints = std::mem::take(&mut self.prints);
                changed = prints.update_pages(&self.snapshot(), &touched);
                self.prints = prints;
            }
            if templates_changed {
                let found = self.prepared.reload_templates();
                if found.iter().any(Diagnostic::is_error) {
                    return Err(found);
                }
                changed.extend(self.changed_prints());
            }
            changed
        };
        let mut update = self.render(Some(&changed))?;
        update.css_only = css_only && update.written > 0;
        Ok(update)
    }

    /// Reads a changed file of `content/` again. Returns its new text when only the body of
    /// a plain page changed (no loader declared it as an input), `None` when the change may
    /// move the site's shape.
    fn reread(&mut self, rel: &str) -> Result<Option<TextFile>, Vec<Diagnostic>> {
        let before = self.pages.get(rel).map(|f| f.text.clone());
        let sources = &mut self.prepared.sources;
        if let Err(problem) = sources.reread(rel) {
            return Err(vec![problem]);
        }
        match sources.pages.remove(rel) {
            Some(file) => self.pages.insert(rel.to_string(), file),
            None => self.pages.remove(rel),
        };
        let declared = self.prepared.inputs.values().any(|i| i.contains(rel));
        Ok(match (before.as_deref(), self.pages.get(rel)) {
            (Some(old), Some(new)) if !declared && front_matter::same_text(old, &new.text) => {
                Some(new.clone())
            }
            _ => None,
        })
    }

    fn rebuild_everything(&mut self) -> Result<Update, Vec<Diagnostic>> {
        self.config = pipeline::load_config(&self.options)?;
        let (sources, found) = source::load(&self.options.root, &self.config.theme);
        if let Some(error) = found.iter().find(|d| d.is_error()) {
            return Err(vec![error.clone()]);
        }
        self.pages = sources.pages.clone();
        self.prepared.sources = sources;
        self.prepare_again()?;
        self.prints = Fingerprints::of(&self.snapshot());
        self.render(None)
    }

    /// Every stage again, on the files in memory.
    fn prepare_again(&mut self) -> Result<(), Vec<Diagnostic>> {
        let mut sources = self.prepared.sources.clone();
        sources.pages = self.pages.clone();
        let drafts = preview(&self.options);
        let config = self.config.clone();
        self.prepared =
            pipeline::prepare_from(config, sources, Vec::new(), drafts, Timings::default())?;
        self.prepared.sources.pages = BTreeMap::new();
        Ok(())
    }

    fn snapshot(&self) -> Snapshot<'_> {
        Snapshot {
            site: &self.prepared.site,
            values: &self.prepared.values,
            templates: &self.prepared.sources.templates,
            inputs: &self.prepared.inputs,
        }
    }

    /// Fingerprints everything, keeps the new prints, and returns what changed.
    fn changed_prints(&mut self) -> BTreeSet<Dep> {
        let new = Fingerprints::of(&self.snapshot());
        let changed = self.prints.changes(&new, &self.prepared.sources.templates);
        self.prints = new;
        changed
    }

    /// Renders the outputs that depend on `changed` (all when `None`), writes those whose
    /// bytes changed (with the static files and the search index), and removes outputs that
    /// are no longer made. Nothing is written until every output rendered, so a failed batch
    /// leaves the last good site whole.
    fn render(&mut self, changed: Option<&BTreeSet<Dep>>) -> Result<Update, Vec<Diagnostic>> {
        let input = self.prepared.render_input();
        let (plan, diagnostics) = render::plan_outputs(&input);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        // Share cards are drawn when asked for: a preview is for reading pages, and a card
        // takes as long to draw as many pages take to render.
        let dirty: Vec<(String, Job)> = plan
            .jobs
            .iter()
            .filter(|(path, job)| {
                !matches!(job, Job::Card(_)) && self.graph.is_stale(path, changed)
            })
            .cloned()
            .collect();
        let made = std::sync::Mutex::new(Vec::new());
        let failed = render::render_jobs(&input, &plan.cards, &dirty, &|path, bytes, deps| {
            let mut made = made.lock().unwrap_or_else(|e| e.into_inner());
            made.push((path.to_string(), bytes, deps));
        });
        if failed.iter().any(Diagnostic::is_error) {
            return Err(failed);
        }
        let mut outputs = Vec::new();
        for (path, bytes, deps) in made.into_inner().unwrap_or_else(|e| e.into_inner()) {
            self.graph.record(path.clone(), deps);
            outputs.push(Output::made(path, bytes));
        }
        for (path, bytes) in &plan.copies {
            self.graph.record(path.clone(), BTreeSet::new());
            outputs.push(Output::copy(path.clone(), bytes.clone()));
        }
        self.cards = plan.cards.files();
        let search = self.search.refresh(&self.prepared.site, changed.is_none());
        outputs.extend(search.write.into_iter().map(|(p, b)| Output::made(p, b)));
        let mut update = Update {
            rendered: dirty.len(),
            written: self.writer.write(&outputs).map_err(|d| vec![d])?,
            ..Update::default()
        };
        for path in search
            .remove
            .iter()
            .chain(&self.graph.retain(&plan.paths()))
        {
            self.writer.remove(path);
            update.removed += 1;
        }
        Ok(update)
    }

    /// The share cards the pages show, by output path (`og/….png`), to draw on request.
    pub fn cards(&self) -> &BTreeMap<String, Arc<CardFile>> {
        &self.cards
    }

    /// Every output the session made, for tests.
    pub fn output_paths(&self) -> Vec<String> {
        self.graph.paths().map(String::from).collect()
    }

    /// The template each output was rendered with, for tests of the dependency graph.
    pub fn template_of(&self, path: &str) -> Option<&str> {
        self.graph.template_of(path)
    }
}

/// What the preview publishes: what the build would, with banners on drafts and pages dated
/// after today.
fn preview(options: &BuildOptions) -> crate::content::Publish {
    crate::content::Publish {
        banners: true,
        ..options.publish()
    }
}
