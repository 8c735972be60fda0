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
//!
//! A change that re-renders many outputs (a template used by every page) can be applied in
//! two steps (`apply_deferring`): the pages open in a browser first, written and reloaded
//! at once, and the rest left pending, rendered in chunks by `render_pending` — those a
//! request asks for before the others. When none is left the folder equals a full build.
//! (A page that fails to render in a later chunk is reported like any error, and the next
//! change renders everything again.)

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
use crate::render::{self, Job, Output, OutputPlan};
use crate::source::{self, Change, TextFile};

/// What a batch of changes did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Update {
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    /// Only stylesheets changed: pages can swap them without reloading.
    pub css_only: bool,
    /// Outputs left to render in the background (`render_pending`).
    pub deferred: usize,
    pub took: Duration,
}

/// A change touching more outputs than this renders the open pages first, the rest later.
const DEFER_OVER: usize = 200;

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
    /// Outputs of the last change not rendered yet, by path, and the cards they show.
    pending: BTreeMap<String, Job>,
    pending_cards: render::cards::Cards,
    /// Output paths of the pages open now, rendered before the others.
    open: BTreeSet<String>,
    /// What the search index must be brought up to date with (`update_search`).
    search_scope: Option<SearchScope>,
    /// A change touching more outputs than this renders the open pages first.
    defer_over: usize,
    /// The outputs of the site as it was last rendered, kept for edits that cannot change
    /// them (a page's body): listing them takes longer than rendering the page.
    plan: Option<OutputPlan>,
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
            pending: BTreeMap::new(),
            pending_cards: render::cards::Cards::default(),
            open: BTreeSet::new(),
            search_scope: None,
            defer_over: DEFER_OVER,
            plan: None,
        };
        session.prints = Fingerprints::of(&session.snapshot());
        let mut update = session.render(None, SearchScope::Rebuild, Listing::Anew)?;
        update.written += session.update_search()?.0;
        update.took = started.elapsed();
        Ok((session, update))
    }

    pub fn output(&self) -> &std::path::Path {
        self.writer.root()
    }

    /// Applies a batch of changed files (relative to the site root), rendering every output
    /// it touches. On error the last good output stays as it is.
    pub fn apply(&mut self, changed: &[String]) -> Result<Update, Vec<Diagnostic>> {
        self.open.clear();
        let mut update = self.apply_batch(changed)?;
        debug_assert!(self.pending.is_empty());
        let (written, removed) = self.update_search()?;
        update.written += written;
        update.removed += removed;
        Ok(update)
    }

    /// `apply`, but when the batch touches many outputs only those of the `open` output
    /// paths (`tin-tuc/a/index.html`) are rendered now, and the rest are left pending
    /// (`Update::deferred`) for `render_pending`; the search index is left for
    /// `update_search`, so that the pages are written first.
    pub fn apply_deferring(
        &mut self,
        changed: &[String],
        open: BTreeSet<String>,
    ) -> Result<Update, Vec<Diagnostic>> {
        self.open = open;
        self.apply_batch(changed)
    }

    /// How many outputs a change may touch before `apply_deferring` leaves all but the open
    /// pages for later (tests make a small site defer).
    pub fn defer_over(&mut self, outputs: usize) {
        self.defer_over = outputs;
    }

    /// The outputs left to render.
    pub fn pending_paths(&self) -> impl Iterator<Item = &str> {
        self.pending.keys().map(String::as_str)
    }

    /// Renders up to `chunk` pending outputs, those of `wanted` first, and writes them.
    /// Returns the paths rendered with what was written.
    pub fn render_pending(
        &mut self,
        wanted: &[String],
        chunk: usize,
    ) -> Result<(Vec<String>, Update), Vec<Diagnostic>> {
        let started = Instant::now();
        let mut jobs: Vec<(String, Job)> = wanted
            .iter()
            .filter_map(|path| self.pending.remove_entry(path))
            .collect();
        while jobs.len() < chunk {
            let Some(next) = self.pending.pop_first() else {
                break;
            };
            jobs.push(next);
        }
        let result = self.render_jobs(&jobs);
        if result.is_err() {
            self.pending.clear();
            self.needs_full = true;
        }
        let written = result?;
        let paths = jobs.into_iter().map(|(path, _)| path).collect();
        Ok((
            paths,
            Update {
                rendered: written.0,
                written: written.1,
                took: started.elapsed(),
                ..Update::default()
            },
        ))
    }

    fn apply_batch(&mut self, changed: &[String]) -> Result<Update, Vec<Diagnostic>> {
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
        let mut search = SearchScope::Unchanged;
        let changed = if shape_changed {
            self.prepare_again()?;
            search = SearchScope::Compare;
            self.changed_prints()
        } else {
            let mut changed = BTreeSet::new();
            if !edited.is_empty() {
                let touched = self.prepared.edit_bodies(&edited)?;
                search = SearchScope::Pages(touched.clone());
                let mut prints = std::mem::take(&mut self.prints);
                changed = prints.update_pages(&self.snapshot(), &touched);
                self.prints = prints;
            }
            if templates_changed {
                let found = self.prepared.reload_templates();
                if found.iter().any(Diagnostic::is_error) {
                    return Err(found);
                }
                // A template changes no page, input or the site's shape.
                let templates = &self.prepared.sources.templates;
                changed.extend(self.prints.update_templates(templates));
            }
            changed
        };
        // Bodies alone leave every output where it was.
        let listing = if shape_changed || templates_changed || edited.len() < changes.len() {
            Listing::Anew
        } else {
            Listing::Kept
        };
        let mut update = self.render(Some(&changed), search, listing)?;
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
        self.render(None, SearchScope::Rebuild, Listing::Anew)
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
    fn render(
        &mut self,
        changed: Option<&BTreeSet<Dep>>,
        search: SearchScope,
        listing: Listing,
    ) -> Result<Update, Vec<Diagnostic>> {
        let input = self.prepared.render_input();
        let kept = self.plan.take().filter(|_| listing == Listing::Kept);
        let plan_kept = kept.is_some();
        let plan = match kept {
            Some(plan) => plan,
            None => {
                let (plan, diagnostics) = render::plan_outputs(&input);
                if diagnostics.iter().any(Diagnostic::is_error) {
                    return Err(diagnostics);
                }
                plan
            }
        };
        // Share cards are drawn when asked for: a preview is for reading pages, and a card
        // takes as long to draw as many pages take to render.
        // Outputs still pending from an earlier change are rendered with this one's.
        let mut dirty: Vec<(String, Job)> = plan
            .jobs
            .iter()
            .filter(|(path, job)| {
                !matches!(job, Job::Card(_))
                    && (self.graph.is_stale(path, changed) || self.pending.contains_key(path))
            })
            .cloned()
            .collect();
        self.pending.clear();
        let mut deferred = BTreeMap::new();
        if !self.open.is_empty() && dirty.len() > self.defer_over {
            let (now, later): (Vec<_>, Vec<_>) = dirty
                .into_iter()
                .partition(|(path, _)| self.open.contains(path));
            dirty = now;
            deferred = later.into_iter().collect();
        }
        let mut outputs = render_outputs(&mut self.graph, &input, &plan.cards, &dirty)?;
        // A kept list has its copies written and its cards served already.
        if !plan_kept {
            for (path, bytes) in &plan.copies {
                self.graph.record(path.clone(), BTreeSet::new());
                outputs.push(Output::copy(path.clone(), bytes.clone()));
            }
            self.cards = plan.cards.files();
            self.pending_cards = plan.cards.clone();
        }
        self.search_scope = Some(match self.search_scope.take() {
            Some(earlier) => earlier.and(search),
            None => search,
        });
        let mut update = Update {
            rendered: dirty.len(),
            written: self.writer.write(&outputs).map_err(|d| vec![d])?,
            deferred: deferred.len(),
            ..Update::default()
        };
        self.pending = deferred;
        if !plan_kept {
            for path in &self.graph.retain(&plan.paths()) {
                self.writer.remove(path);
                update.removed += 1;
            }
        }
        self.plan = Some(plan);
        Ok(update)
    }

    /// Brings the search index in line with the pages, after a change has written them:
    /// (files written, files removed).
    pub fn update_search(&mut self) -> Result<(usize, usize), Vec<Diagnostic>> {
        let site = &self.prepared.site;
        let changes = match self.search_scope.take() {
            None | Some(SearchScope::Unchanged) => return Ok((0, 0)),
            Some(SearchScope::Rebuild) => self.search.refresh(site, true),
            Some(SearchScope::Compare) => self.search.refresh(site, false),
            Some(SearchScope::Pages(pages)) => self.search.refresh_pages(site, &pages),
        };
        let outputs: Vec<Output> = changes
            .write
            .into_iter()
            .map(|(path, bytes)| Output::made(path, bytes))
            .collect();
        let written = self.writer.write(&outputs).map_err(|d| vec![d])?;
        for path in &changes.remove {
            self.writer.remove(path);
        }
        Ok((written, changes.remove.len()))
    }

    /// Renders and writes pending `jobs`: (rendered, written).
    fn render_jobs(&mut self, jobs: &[(String, Job)]) -> Result<(usize, usize), Vec<Diagnostic>> {
        let input = self.prepared.render_input();
        let outputs = render_outputs(&mut self.graph, &input, &self.pending_cards, jobs)?;
        let written = self.writer.write(&outputs).map_err(|d| vec![d])?;
        Ok((jobs.len(), written))
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

/// Whether a change lists the site's outputs again or keeps the last list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Listing {
    Anew,
    Kept,
}

/// Which pages' search documents a change may have changed.
#[derive(Clone)]
enum SearchScope {
    /// Everything may have: every index is built again.
    Rebuild,
    /// Pages came, went or moved: every document is compared with the index's.
    Compare,
    /// Only the bodies of these pages changed.
    Pages(Vec<usize>),
    /// No content changed (templates, static files).
    Unchanged,
}

impl SearchScope {
    /// The scope of two changes in a row.
    fn and(self, later: SearchScope) -> SearchScope {
        use SearchScope::*;
        match (self, later) {
            (Rebuild, _) | (_, Rebuild) => Rebuild,
            (Compare, _) | (_, Compare) => Compare,
            (Pages(mut a), Pages(b)) => {
                a.extend(b);
                a.sort_unstable();
                a.dedup();
                Pages(a)
            }
            (Pages(a), Unchanged) | (Unchanged, Pages(a)) => Pages(a),
            (Unchanged, Unchanged) => Unchanged,
        }
    }
}

/// Renders `jobs`, records in `graph` what each read, and returns their outputs; nothing
/// is written when one fails.
fn render_outputs(
    graph: &mut Graph,
    input: &render::RenderInput<'_>,
    cards: &render::cards::Cards,
    jobs: &[(String, Job)],
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let made = std::sync::Mutex::new(Vec::new());
    let sink = |path: &str, bytes, deps| {
        let mut made = made.lock().unwrap_or_else(|e| e.into_inner());
        made.push((path.to_string(), bytes, deps));
    };
    let failed = render::render_jobs(input, cards, jobs, render::JobSink::Recorded(&sink));
    if failed.iter().any(Diagnostic::is_error) {
        return Err(failed);
    }
    let mut outputs = Vec::new();
    for (path, bytes, deps) in made.into_inner().unwrap_or_else(|e| e.into_inner()) {
        graph.record(path.clone(), deps);
        outputs.push(Output::made(path, bytes));
    }
    Ok(outputs)
}

/// What the preview publishes: what the build would, with banners on drafts and pages dated
/// after today.
fn preview(options: &BuildOptions) -> crate::content::Publish {
    crate::content::Publish {
        banners: true,
        ..options.publish()
    }
}
