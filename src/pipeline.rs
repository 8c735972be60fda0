//! The build as a list of stages: load -> parse -> link -> Markdown -> templates -> render
//! -> write. Each stage reports all its problems; the driver stops between stages when one
//! of them is an error, and only the last stage touches the output folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::check::external;
use crate::config::{self, Config};
use crate::content::awareness::{self, AwarenessInputs};
use crate::content::plan::{self, PlanInputs};
use crate::content::{self, Publish};
use crate::deps::Dep;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::i18n::I18n;
use crate::output::{self, Staging, WriteStats};
use crate::progress::Progress;
use crate::render::{self, Body, Output, RenderInput};
use crate::site::{self, Site};
use crate::source::{self, Bytes, Inputs, SiteSources, TextFile};
use crate::t;
use crate::templates::{Lookups, Templates};

/// What a run of `build` or `check` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// The output folder; `public/` in the site folder when not given.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Publish pages dated after today too.
    pub future: bool,
    /// Ask for every external link of the content, and how (`check --external`,
    /// `build --check-links-external`); without it nothing touches the network.
    pub external_links: Option<external::Settings>,
    /// Show a one-line progress display on standard error (a terminal, not `--quiet`).
    pub progress: bool,
}

impl BuildOptions {
    /// Which pages this run publishes.
    pub fn publish(&self) -> Publish {
        Publish {
            drafts: self.drafts,
            future: self.future,
            today: content::today(),
            banners: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful run did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Warnings (no errors, or the build would have failed).
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub files: usize,
    pub stats: WriteStats,
    pub elapsed: Duration,
    pub timings: Timings,
    /// What the external links came to, when they were asked for.
    pub external_links: Option<external::Summary>,
}

/// A site loaded, linked and ready to render, with what rendering needs.
pub struct Prepared {
    pub site: Arc<Site>,
    pub sources: SiteSources,
    pub templates: Templates,
    pub values: Arc<Vec<tera::Value>>,
    pub i18n: Arc<I18n>,
    pub diagnostics: Diagnostics,
    pub timings: Timings,
    /// The documents of the search index of each language, when the caller asked for them
    /// (`build` indexes them while the pages render; `serve` keeps indexes of its own, and
    /// needs the pages' texts to update them).
    pub search_documents: Vec<(String, Vec<crate::search::Document>)>,
    /// The files each loader read, by what its results feed (for `serve`).
    pub inputs: BTreeMap<Dep, Inputs>,
    /// In a build, the pages' HTML held apart from the site (`render::HtmlStore`).
    pub html: Option<render::HtmlStore>,
}

/// Reads the config: `site-config.toml` with the command line's overrides.
pub fn load_config(options: &BuildOptions) -> Result<Config, Vec<Diagnostic>> {
    let mut config = config::load(&options.root)?;
    if let Some(base_url) = &options.base_url {
        if !config::is_web_address(base_url) {
            return Err(vec![
                Diagnostic::usage("usage-base-url", t!("pipeline-base-url", url = base_url))
                    .with_hint(t!("pipeline-base-url-hint")),
            ]);
        }
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    Ok(config)
}

/// Every stage up to (not including) rendering the pages.
pub fn prepare(options: &BuildOptions) -> Result<Prepared, Vec<Diagnostic>> {
    let read = read(options)?;
    prepare_with(
        read.config,
        read.sources,
        read.found,
        options.publish(),
        read.timings,
        true,
    )
}

/// The config and the site folder in memory, with the problems met reading them.
struct Read {
    config: Config,
    sources: SiteSources,
    found: Vec<Diagnostic>,
    timings: Timings,
}

fn read(options: &BuildOptions) -> Result<Read, Vec<Diagnostic>> {
    let mut timings = Timings {
        progress: options.progress.then(|| Arc::new(Progress::start())),
        ..Timings::default()
    };
    let config = load_config(options)?;
    let (sources, found) = timings.time("read", || source::load(&options.root, &config.theme));
    Ok(Read {
        config,
        sources,
        found,
        timings,
    })
}

/// The external links of the content as written (`--external`): the pages' Markdown and
/// front matter, the `.toml` data of `content/` and `site-config.toml`.
fn external_links(
    options: &BuildOptions,
    config: &Config,
    sources: &SiteSources,
) -> Vec<external::Occurrence> {
    let config_file =
        source::read_text(&options.root.join(config::CONFIG_FILE), config::CONFIG_FILE)
            .ok()
            .map(|text| TextFile {
                file: config::CONFIG_FILE.to_string(),
                text,
            });
    external::collect(&external::LinkSources {
        pages: &sources.pages,
        data: &sources.data,
        config_file: config_file.as_ref(),
        config,
        drafts: options.drafts,
    })
}

/// Every stage after reading, from sources already in memory (`serve` keeps them and
/// re-reads only changed files). `found` are the problems met while reading.
pub fn prepare_from(
    config: Config,
    sources: SiteSources,
    found: Vec<Diagnostic>,
    publish: Publish,
    timings: Timings,
) -> Result<Prepared, Vec<Diagnostic>> {
    prepare_with(config, sources, found, publish, timings, false)
}

/// Every stage after reading; with `index_search`, the search index's documents too, which
/// take the pages' texts (`build` indexes them while the pages render).
fn prepare_with(
    config: Config,
    mut sources: SiteSources,
    found: Vec<Diagnostic>,
    publish: Publish,
    mut timings: Timings,
    index_search: bool,
) -> Result<Prepared, Vec<Diagnostic>> {
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(found);
    let mut pages = std::mem::take(&mut sources.pages);
    let plan_pages = plan::take_plan_pages(&mut pages, &plan::plan_dirs(&sources.data));
    let (mut pages, found) = timings.time("parse", || content::parse_pages(pages, &config));
    diagnostics.extend(found);
    let (i18n, found) = I18n::parse(&sources.i18n, &config);
    diagnostics.extend(found);
    let search_pages = content::search_page::missing(&pages, &config, &i18n);
    pages.extend(search_pages);
    let inputs = PlanInputs {
        data: &sources.data,
        pages: plan_pages,
        config: &config,
        i18n: &i18n,
    };
    let (plans, made, found) = timings.time("plans", || plan::load(inputs));
    diagnostics.extend(found);
    let loader_inputs: BTreeMap<Dep, Inputs> = plans
        .iter()
        .map(|plan| (Dep::Plan(plan.dir.clone()), plan.inputs.clone()))
        .collect();
    pages.extend(made);
    let updates = content::updates::pages(&plans, &pages, &config, &i18n);
    pages.extend(updates);
    plan::attach(&plans, &mut pages, &config);
    // A plan's working files are not published, so a link to one is a broken link.
    let assets: BTreeSet<String> = sources
        .content_files
        .keys()
        .filter(|path| {
            let plans = plans
                .iter()
                .map(|p| (p.dir.as_str(), p.sources.as_slice(), &p.document));
            !plan::document::is_working_file(plans, path)
        })
        .cloned()
        .collect();
    let file_size = |path: &str| sources.content_files.get(path).and_then(file_size);
    let inputs = AwarenessInputs {
        config: &config,
        i18n: &i18n,
        publish,
        assets: &assets,
        file_size: &file_size,
    };
    let (awareness, found) = timings.time("awareness", || awareness::prepare(&mut pages, &inputs));
    diagnostics.extend(found);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }

    let (mut site, found) = timings.time("link", || site::link(config, pages, assets, publish));
    diagnostics.extend(found);
    diagnostics.extend(crate::menu::check(&site));
    site.plans = plans;
    site.awareness = awareness;
    diagnostics.extend(timings.time("markdown", || render::render_markdown(&mut site, &i18n)));
    diagnostics.extend(render::awareness::finish(&mut site, &i18n));
    let search_documents = if index_search {
        timings.time("search documents", || {
            render::take_search_documents(&mut site)
        })
    } else {
        Vec::new()
    };

    // A build renders each page once: its HTML is held apart, to be freed once rendered.
    let html = index_search.then(|| render::HtmlStore::take_from(&mut site));
    let site = Arc::new(site);
    let values = Arc::new(timings.time("page values", || render::page_values(&site)));
    let i18n = Arc::new(i18n);
    let lookups = Lookups {
        site: Arc::clone(&site),
        page_values: Arc::clone(&values),
        i18n: Arc::clone(&i18n),
    };
    let (templates, found) =
        timings.time("templates", || Templates::load(&sources.templates, lookups));
    diagnostics.extend(found);
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    Ok(Prepared {
        site,
        sources,
        templates,
        values,
        i18n,
        diagnostics,
        timings,
        search_documents,
        html,
        inputs: loader_inputs,
    })
}

impl Prepared {
    /// Renders the Markdown of edited pages again, in place (their front matter, and so the
    /// site's shape, is unchanged); returns the pages touched. The templates are made again
    /// over the new site.
    pub fn edit_bodies(
        &mut self,
        edited: &BTreeMap<String, TextFile>,
    ) -> Result<Vec<usize>, Vec<Diagnostic>> {
        // The templates' functions hold the site; they are made again afterwards, from the
        // same files.
        let template_files =
            std::mem::replace(&mut self.templates, Templates::empty()).into_files();
        let in_use = || {
            vec![Diagnostic::internal(
                "internal-serve",
                t!("pipeline-site-in-use"),
            )]
        };
        let site = Arc::get_mut(&mut self.site).ok_or_else(in_use)?;
        let mut diagnostics = Vec::new();
        let mut touched = Vec::new();
        for (rel, file) in edited {
            let Some(id) = site
                .pages
                .iter()
                .position(|p| p.content.content_path == *rel)
            else {
                continue;
            };
            site.pages[id].content.text = file.text.clone();
            let options = render::markdown_options(site, &self.i18n, site.pages[id].lang());
            let mut rendered = render::render_page_markdown(site, &self.i18n, &options, id);
            diagnostics.append(&mut rendered.diagnostics);
            site.pages[id].rendered = rendered;
            site.pages[id].content.release_body();
            touched.push(id);
        }
        diagnostics.extend(site.check_anchors());
        let values = Arc::get_mut(&mut self.values).ok_or_else(in_use)?;
        for &id in &touched {
            values[id] = render::page::page_value(site, &site.pages[id]);
        }
        match Templates::relink(template_files, self.lookups()) {
            Some(templates) => self.templates = templates,
            None => diagnostics.extend(self.reload_templates()),
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok(touched)
    }

    /// Makes the templates again from their sources, over the same site; returns what the
    /// templates hold that is wrong.
    pub fn reload_templates(&mut self) -> Vec<Diagnostic> {
        // The old templates' functions hold the site; drop them first.
        self.templates = Templates::empty();
        let (templates, found) = Templates::load(&self.sources.templates, self.lookups());
        self.templates = templates;
        found
    }

    fn lookups(&self) -> Lookups {
        Lookups {
            site: Arc::clone(&self.site),
            page_values: Arc::clone(&self.values),
            i18n: Arc::clone(&self.i18n),
        }
    }

    /// What rendering reads.
    pub fn render_input(&self) -> RenderInput<'_> {
        RenderInput {
            site: &self.site,
            templates: &self.templates,
            values: &self.values,
            i18n: &self.i18n,
            static_files: &self.sources.static_files,
            content_files: &self.sources.content_files,
            data: &self.sources.data,
            html: self.html.as_ref(),
        }
    }
}

/// The size of a file of `content/` (read from the disk for files not built in).
fn file_size(bytes: &Bytes) -> Option<u64> {
    match bytes {
        Bytes::Disk(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        Bytes::Embedded(bytes) => Some(bytes.len() as u64),
    }
}

/// How long each stage took, in the order they ran (printed by `build --timings`).
#[derive(Clone, Debug, Default)]
pub struct Timings {
    pub stages: Vec<Stage>,
    /// The progress display, told of each stage as it begins.
    progress: Option<Arc<Progress>>,
}

impl Timings {
    /// The run is done: the progress line goes, before the summary is printed.
    fn finish(&mut self) {
        self.progress = None;
    }

    fn time<T>(&mut self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        if let Some(progress) = &self.progress {
            progress.stage(stage);
        }
        let started = Instant::now();
        let value = work();
        self.stages.push(Stage {
            name: stage,
            took: started.elapsed(),
            resident_bytes: resident_bytes(),
        });
        value
    }
}

/// One stage of a run, as `build --timings` prints it.
#[derive(Clone, Debug)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// The process's resident memory when the stage ended, where the system tells it: what
    /// a stage keeps shows here, which a profile of time does not.
    pub resident_bytes: Option<u64>,
}

/// Resident memory of this process (Linux: the second field of `/proc/self/statm`, in
/// pages of 4 KiB on the machines minhbach runs on).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Renders a prepared site into `sink`; returns all diagnostics of the run.
pub fn render(prepared: &Prepared, sink: render::Sink<'_>) -> Diagnostics {
    let mut diagnostics = prepared.diagnostics.clone();
    diagnostics.extend(render::render_site(&prepared.render_input(), sink));
    diagnostics
}

/// `minhbach build`: the whole pipeline, ending in an atomic swap of the output folder.
/// Fails with every diagnostic of the run; `diag::exit_code` tells a site's errors (1) from
/// a failure of the run (2).
pub fn build(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let output_dir = options.output_dir();
    output::check_output_dir(&options.root, &output_dir).map_err(|d| vec![d])?;
    let mut read = read(options)?;
    // Found before the pages' texts are freed; asked for once the site is written.
    let links = options.external_links.map(|settings| {
        let links = read.timings.time("find links", || {
            external_links(options, &read.config, &read.sources)
        });
        (settings, links)
    });
    let mut prepared = prepare_with(
        read.config,
        read.sources,
        read.found,
        options.publish(),
        read.timings,
        true,
    )?;
    let staging = Staging::begin(&output_dir).map_err(|d| vec![d])?;
    let files = std::sync::atomic::AtomicUsize::new(0);
    let mut timings = std::mem::take(&mut prepared.timings);
    let search_documents = std::mem::take(&mut prepared.search_documents);
    let progress = timings.progress.clone();
    let diagnostics = timings.time("render and write", || {
        let write = |output: Output| {
            files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            staging.write(output);
            if let Some(progress) = &progress {
                progress.file_done();
            }
        };
        // The index is made while the pages render: its steps that run on one core leave the
        // other to the pages, and its files are written as soon as they are made.
        let (diagnostics, ()) = rayon::join(
            || render(&prepared, &write),
            || {
                for (lang, documents) in search_documents {
                    crate::search::build(documents, &lang, |path, bytes| {
                        write(Output {
                            path,
                            body: Body::Made(bytes),
                        })
                    });
                }
            },
        );
        diagnostics
    });
    if diagnostics.has_errors() {
        staging.abort();
        return Err(diagnostics.sorted());
    }
    let stats = timings
        .time("swap in", || staging.commit())
        .map_err(|d| vec![d])?;
    let mut diagnostics = diagnostics;
    diagnostics.extend(
        stats
            .foreign
            .iter()
            .map(|path| foreign_file(&output_dir, path)),
    );
    // In a build a dead link is a warning: the site is written all the same.
    let external_links = links.map(|(settings, links)| {
        let (found, summary) = timings.time("ask links", || {
            external::check(&links, &settings, Severity::Warning)
        });
        diagnostics.extend(found);
        summary
    });
    let pages = prepared.site.pages.len();
    // Freeing a large site takes a noticeable moment on one core; nothing waits for it, and
    // a command that is about to exit need not wait at all.
    std::thread::spawn(move || drop(prepared));
    drop(progress);
    timings.finish();
    Ok(BuildReport {
        diagnostics: diagnostics.sorted(),
        pages,
        files: files.into_inner(),
        stats,
        elapsed: started.elapsed(),
        timings,
        external_links,
    })
}

/// A file someone put into the output folder by hand, which the new site leaves out.
fn foreign_file(output_dir: &Path, path: &str) -> Diagnostic {
    Diagnostic::warning(
        "output-foreign-file",
        t!(
            "pipeline-foreign-file",
            path = output_dir.join(path).display().to_string()
        ),
    )
    .with_hint(t!("pipeline-foreign-file-hint", file = path))
}

/// `minhbach check`: every stage but writing, and the content rules of `check` (images
/// without alt text, skipped headings, …) over the Markdown as written; nothing on disk
/// changes.
pub fn check(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut read = read(options)?;
    let mut findings = read.timings.time("content rules", || {
        crate::check::run(&read.sources.pages, &read.config, options.drafts)
    });
    // In `check` a dead link is an error: checking is what was asked for.
    let external_links = options.external_links.map(|settings| {
        let (found, summary) = read.timings.time("external links", || {
            let links = external_links(options, &read.config, &read.sources);
            external::check(&links, &settings, Severity::Error)
        });
        findings.extend(found);
        summary
    });
    let Read {
        config,
        sources,
        found,
        timings,
    } = read;
    let mut prepared = prepare_from(config, sources, found, options.publish(), timings).map_err(
        |mut errors| {
            errors.extend(findings.iter().cloned());
            errors.into_iter().collect::<Diagnostics>().sorted()
        },
    )?;
    let files = std::sync::atomic::AtomicUsize::new(0);
    let mut timings = std::mem::take(&mut prepared.timings);
    let progress = timings.progress.clone();
    let mut diagnostics = timings.time("render", || {
        render(&prepared, &|_| {
            files.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let Some(progress) = &progress {
                progress.file_done();
            }
        })
    });
    drop(progress);
    diagnostics.extend(findings);
    // Units named in task tables that are in no registry are shown as written; only
    // `check` points them out.
    diagnostics.extend(
        prepared
            .site
            .plans
            .iter()
            .flat_map(|plan| plan.warnings.iter().cloned()),
    );
    timings.finish();
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    Ok(BuildReport {
        diagnostics: diagnostics.sorted(),
        pages: prepared.site.pages.len(),
        files: files.into_inner(),
        stats: WriteStats::default(),
        elapsed: started.elapsed(),
        timings,
        external_links,
    })
}

/// The site root given on the command line, or the current folder; it must hold a config.
pub fn find_root(root: Option<&Path>) -> Result<PathBuf, Diagnostic> {
    let root = match root {
        Some(root) => root.to_path_buf(),
        None => std::env::current_dir().map_err(|e| {
            Diagnostic::error(
                "site-root",
                t!("pipeline-current-folder", error = e.to_string()),
            )
        })?,
    };
    if root.join(config::CONFIG_FILE).is_file() {
        Ok(root)
    } else {
        Err(Diagnostic::error(
            "site-root",
            t!(
                "pipeline-not-a-site",
                folder = root.display().to_string(),
                config = config::CONFIG_FILE
            ),
        )
        .with_hint(t!("pipeline-not-a-site-hint")))
    }
}
