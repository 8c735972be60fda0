//! What is rendered and running it (pure): every output of the site as a job, checked for
//! clashes and missing templates, rendered in parallel with rayon into a sink, with the
//! inputs each job used recorded for `serve`. The top of `render`: it calls every page
//! family and none calls it.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use tera::Value;

use super::cards::{self, CardFile, Cards};
use super::context::{self, Pager, pager_count, pager_path};
use super::input::{Body, HtmlStore, Output, RenderInput, Sink, output_path};
use super::page::{self, page_context};
use super::{awareness, downloads, news, plan, search_documents, special};
use crate::content::plan::PlanPage;
use crate::deps::{Dep, record};
use crate::diag::{Diagnostic, Source};
use crate::site::{Kind, PageId, Site};
use crate::source::Bytes;
use crate::t;
use crate::templates::Templates;

/// The list form of every page, by page id (built once, shared by every list).
pub fn page_values(site: &Site) -> Vec<Value> {
    site.pages
        .par_iter()
        .map(|page| page::page_value(site, page))
        .collect()
}

/// One output to make.
#[derive(Clone, Debug)]
pub enum Job {
    Page(PageId),
    Pager(PageId, Pager),
    NotFound(String),
    Alias(usize),
    Sitemap,
    Robots,
    Download(usize, downloads::File),
    News(news::NewsJob),
    /// A share card's PNG.
    Card(Arc<CardFile>),
}

/// Every output of the site: what to render (by output path) and what to copy, and the
/// share card of every page (its PNG is among the jobs).
pub struct OutputPlan {
    pub jobs: Vec<(String, Job)>,
    pub copies: BTreeMap<String, Bytes>,
    pub cards: Cards,
}

impl OutputPlan {
    /// The path of every output, rendered or copied.
    pub fn paths(&self) -> HashSet<&str> {
        let rendered = self.jobs.iter().map(|(path, _)| path.as_str());
        rendered
            .chain(self.copies.keys().map(String::as_str))
            .collect()
    }
}

/// Lists every output and checks that no two share a path and every template exists.
pub fn plan_outputs(input: &RenderInput<'_>) -> (OutputPlan, Vec<Diagnostic>) {
    let site = input.site;
    let mut diagnostics = check_templates(site, input.templates);
    let mut jobs: Vec<(String, Job)> = Vec::with_capacity(site.pages.len() + 8);
    for page in &site.pages {
        match page.kind {
            Kind::Page => jobs.push((output_path(&page.path), Job::Page(page.id))),
            Kind::Section => {
                let count = pager_count(page);
                for index in 1..=count {
                    jobs.push((
                        output_path(&pager_path(&page.path, index)),
                        Job::Pager(page.id, Pager { index, count }),
                    ));
                }
            }
        }
    }
    for lang in &site.config.languages {
        let path = if *lang == site.config.default_language {
            "404.html".to_string()
        } else {
            format!("{lang}/404.html")
        };
        jobs.push((path, Job::NotFound(lang.clone())));
    }
    for (i, alias) in site.aliases.iter().enumerate() {
        jobs.push((output_path(&alias.from), Job::Alias(i)));
    }
    let copies = copy_outputs(site, input);
    // The site's own robots.txt, if it has one in static/, replaces the generated one.
    if !copies.contains_key("robots.txt") {
        jobs.push(("robots.txt".into(), Job::Robots));
    }
    jobs.push(("sitemap.xml".into(), Job::Sitemap));
    jobs.extend(
        news::jobs(site)
            .into_iter()
            .map(|(path, job)| (path, Job::News(job))),
    );
    for (index, plan) in site.plans.iter().enumerate() {
        jobs.extend(
            downloads::files(site, plan)
                .into_iter()
                .map(|(path, file)| (path, Job::Download(index, file))),
        );
    }
    let cards = Cards::of(input);
    jobs.extend(
        cards
            .files()
            .into_iter()
            .map(|(path, file)| (path, Job::Card(file))),
    );

    let index_folders = search_folders(site);
    for path in jobs.iter().map(|(p, _)| p).chain(copies.keys()) {
        if let Some(folder) = index_folders.iter().find(|f| path.starts_with(f.as_str())) {
            diagnostics.push(
                Diagnostic::error(
                    "output-collision",
                    t!("render-search-collision", path = path, folder = folder),
                )
                .with_hint(t!("render-search-collision-hint")),
            );
        }
    }

    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (path, _) in &jobs {
        if !seen.insert(path) {
            diagnostics.push(Diagnostic::error(
                "output-collision",
                t!("render-output-twice", path = path),
            ));
        }
    }
    for path in copies.keys() {
        if seen.contains(path.as_str()) {
            diagnostics.push(
                Diagnostic::error(
                    "output-collision",
                    t!("render-static-and-page", path = path),
                )
                .with_hint(t!("render-static-and-page-hint")),
            );
        }
    }
    (
        OutputPlan {
            jobs,
            copies,
            cards,
        },
        diagnostics,
    )
}

/// Renders every file of the site into `sink`. Returns the problems found; a page that
/// fails to render is left out and its error reported.
pub fn render_site(input: &RenderInput<'_>, sink: Sink<'_>) -> Vec<Diagnostic> {
    let (outputs, mut diagnostics) = plan_outputs(input);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return diagnostics;
    }
    let jobs = &outputs.jobs;
    if let Some(store) = input.html {
        let mut uses = vec![0; input.site.pages.len()];
        for (_, job) in jobs {
            if let Job::Page(id) | Job::Pager(id, _) = job {
                uses[*id] += 1;
            }
        }
        for (id, outputs) in uses.into_iter().enumerate() {
            store.set_uses(id, outputs);
        }
    }
    diagnostics.extend(render_jobs(
        input,
        &outputs.cards,
        jobs,
        JobSink::Bare(&|path, bytes| {
            sink(Output {
                path: path.to_string(),
                body: Body::Made(bytes),
            })
        }),
    ));
    for (path, bytes) in outputs.copies {
        sink(Output {
            path,
            body: Body::Copy(bytes),
        });
    }
    diagnostics
}

/// The folders the search index of each language is written to (`search/vi/`), when the
/// site has search.
pub fn search_folders(site: &Site) -> Vec<String> {
    if !site.config.search.enabled {
        return Vec::new();
    }
    site.config
        .languages
        .iter()
        .map(|lang| format!("search/{lang}/"))
        .collect()
}

/// The search documents of each of the site's languages (none when search is off), to be
/// indexed by `search::build` while the pages render. Pages' plain texts are needed for
/// nothing else, so the documents take them (rather than copies).
pub fn take_search_documents(site: &mut Site) -> Vec<(String, Vec<crate::search::Document>)> {
    if !site.config.search.enabled {
        return Vec::new();
    }
    let mut all = Vec::new();
    for lang in site.config.languages.clone() {
        let texts = site
            .pages
            .iter_mut()
            .map(|page| (page.lang() == lang).then(|| std::mem::take(&mut page.rendered.text)))
            .collect();
        let documents = search_documents::documents_with(site, &lang, texts);
        all.push((lang, documents));
    }
    all
}

/// Where a rendered job goes: with the inputs it was made from (`serve`, which rebuilds by
/// them), or bare (a build, which then skips noting every page a list shows).
#[derive(Clone, Copy)]
pub enum JobSink<'a> {
    Bare(&'a (dyn Fn(&str, Vec<u8>) + Sync)),
    Recorded(&'a RecordedSink<'a>),
}

/// Takes a rendered job's path, bytes and the inputs it was made from.
pub type RecordedSink<'a> = dyn Fn(&str, Vec<u8>, BTreeSet<Dep>) + Sync + 'a;

/// Renders `jobs` in parallel, recording what each depends on when `sink` takes it; `cards`
/// are the share cards of the pages (`OutputPlan::cards`).
pub fn render_jobs(
    input: &RenderInput<'_>,
    cards: &Cards,
    jobs: &[(String, Job)],
    sink: JobSink<'_>,
) -> Vec<Diagnostic> {
    let shared = Shared::new(input, cards);
    let failed: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|(path, job)| match sink {
            JobSink::Bare(sink) => render_job(input, &shared, job)
                .map(|bytes| sink(path, bytes))
                .err(),
            JobSink::Recorded(sink) => {
                let (made, deps) = crate::deps::recording(|| render_job(input, &shared, job));
                made.map(|bytes| sink(path, bytes, deps)).err()
            }
        })
        .collect();
    collapse_repeats(failed)
}

/// What every page of a language shares, made once before the pages render.
struct Shared<'a> {
    /// The site context of each language.
    bases: BTreeMap<&'a str, tera::Context>,
    /// Each plan as a whole, by plan index and language.
    plans: BTreeMap<(usize, &'a str), Value>,
    /// Each plan's task rows, by plan index and language, made when a tracker page first
    /// needs them (a rebuild that shows no tracker page makes none).
    task_rows: BTreeMap<(usize, &'a str), OnceLock<plan::TaskRows>>,
    cards: &'a Cards,
}

impl<'a> Shared<'a> {
    fn new(input: &RenderInput<'a>, cards: &'a Cards) -> Self {
        let site = input.site;
        let languages = &site.config.languages;
        let bases = languages
            .iter()
            .map(|lang| (lang.as_str(), page::site_context(site, lang)))
            .collect();
        let keys: Vec<(usize, &str)> = (0..site.plans.len())
            .flat_map(|i| languages.iter().map(move |l| (i, l.as_str())))
            .collect();
        let task_rows = keys.iter().map(|&key| (key, OnceLock::new())).collect();
        let plans = keys
            .into_par_iter()
            .map(|key| (key, view(input, key.0, key.1).plan()))
            .collect();
        Shared {
            bases,
            plans,
            task_rows,
            cards,
        }
    }

    /// The site's plans in one language, for the home page.
    fn plan_list(&self, site: &Site, lang: &str) -> Value {
        let list: Vec<Value> = (0..site.plans.len())
            .filter_map(|i| {
                record(Dep::Plan(site.plans[i].dir.clone()));
                self.plans.get(&(i, lang)).cloned()
            })
            .collect();
        Value::from(list)
    }
}

fn view<'a>(input: &RenderInput<'a>, index: usize, lang: &'a str) -> plan::PlanView<'a> {
    plan::PlanView {
        site: input.site,
        plan: &input.site.plans[index],
        index,
        lang,
        i18n: input.i18n,
    }
}

fn render_job(
    input: &RenderInput<'_>,
    shared: &Shared<'_>,
    job: &Job,
) -> Result<Vec<u8>, Diagnostic> {
    let site = input.site;
    let page_job = |id: PageId, pager: Option<Pager>| {
        let page = site.page(id);
        let lang = page.lang();
        let mut context = HtmlStore::with(input.html, site, id, |content| {
            page_context(site, input.values, &shared.bases[lang], id, pager, content)
        });
        if page.is_section() && page.parent.is_none() {
            context.insert_value("plans", shared.plan_list(site, lang));
            if let Some(news) = news::home_news(site, input.values, lang) {
                context.insert_value("news", news);
            }
            context.insert_value("home_more", home_more(site, input.values, id));
        }
        if let Some(plan_page) = &page.content.plan_page {
            add_plan_data(&mut context, input, shared, plan_page, lang);
        }
        if let Some(value) = awareness::context(site, input.values, id) {
            context.insert_value("awareness", value);
        }
        if let Some(card) = shared.cards.of_page(site, page) {
            context.insert_value("og_image", cards::value(site, card));
        }
        context.insert("summary_text", &cards::summary_text(page));
        let template = template_name(site, id);
        record(Dep::Template(template.clone()));
        input
            .templates
            .render(&template, &context, || describe(site, id))
    };
    let page_job = |id: PageId, pager: Option<Pager>| {
        let made = page_job(id, pager);
        if let Some(store) = input.html {
            store.used(id);
        }
        made
    };
    match job {
        Job::Page(id) => page_job(*id, None),
        Job::Pager(id, pager) => page_job(*id, Some(*pager)),
        Job::NotFound(lang) => {
            let path = if *lang == site.config.default_language {
                "/404.html".to_string()
            } else {
                format!("/{lang}/404.html")
            };
            let mut context = context::bare_context(site, &shared.bases[lang.as_str()], &path);
            if let Some(card) = shared.cards.of_language(lang) {
                context.insert_value("og_image", cards::value(site, card));
            }
            record(Dep::Template("404.html".into()));
            input
                .templates
                .render("404.html", &context, || t!("render-not-found-page"))
        }
        Job::Alias(i) => {
            let alias = &site.aliases[*i];
            record(Dep::Page(site.page(alias.to).content.content_path.clone()));
            Ok(special::redirect(site, alias).into_bytes())
        }
        Job::Sitemap => {
            record(Dep::AllPages);
            Ok(special::sitemap(site).into_bytes())
        }
        Job::Robots => Ok(special::robots(site).into_bytes()),
        Job::News(job) => news::render(input, &shared.bases[news::language(site, job)], job),
        Job::Download(index, file) => {
            let plan = &site.plans[*index];
            record(Dep::Plan(plan.dir.clone()));
            Ok(downloads::make(site, plan, file, input.data))
        }
        Job::Card(file) => cards::draw(file),
    }
}

/// What the home page lists besides its plans, news and awareness material: its sections
/// the header does not link (none unless `[[menu]]` leaves some out) and its pages other
/// than the search page and the accessibility statement (linked from every header and
/// footer), so that nothing is shown twice.
fn home_more(site: &Site, values: &[Value], home: PageId) -> Value {
    let page = site.page(home);
    let linked: BTreeSet<String> = crate::menu::items(site, page.lang())
        .into_iter()
        .filter_map(|item| item.path)
        .collect();
    let elsewhere = [
        search_documents::SEARCH_TEMPLATE,
        news::ACCESSIBILITY_TEMPLATE,
    ];
    let sections = page
        .subsections
        .iter()
        .filter(|&&id| !linked.contains(&site.page(id).path));
    let pages = page.pages.iter().filter(|&&id| {
        let template = site.page(id).front().template.as_deref();
        !template.is_some_and(|t| elsewhere.contains(&t))
    });
    let ids: Vec<PageId> = sections.chain(pages).copied().collect();
    crate::deps::record_pages(site, ids.iter().copied());
    Value::from(ids.iter().map(|&id| values[id].clone()).collect::<Vec<_>>())
}

/// The plan data a plan's page shows: `plan` always, and `group`, `indicator`, `tasks`,
/// `task`, `evaluation` or `open_data` by the kind of page.
fn add_plan_data(
    context: &mut tera::Context,
    input: &RenderInput<'_>,
    shared: &Shared<'_>,
    plan_page: &PlanPage,
    lang: &str,
) {
    let index = plan_page.plan();
    record(Dep::Plan(input.site.plans[index].dir.clone()));
    if let Some(value) = shared.plans.get(&(index, lang)) {
        context.insert_value("plan", value.clone());
    }
    let view = view(input, index, lang);
    match plan_page {
        PlanPage::Plan(_) | PlanPage::Indicators(_) => {}
        PlanPage::Targets { status, .. } => context.insert_value("targets", view.targets(*status)),
        PlanPage::Group { group, .. } => context.insert_value("group", view.group(group)),
        PlanPage::Indicator { id, .. } => context.insert_value("indicator", view.indicator(id)),
        PlanPage::Tasks { filter, .. } => {
            // `task_rows` uses no rayon: a worker that stole another tracker page while
            // filling the cell would wait on the cell it is filling.
            let made;
            let rows = match shared.task_rows.get(&(index, lang)) {
                Some(cell) => cell.get_or_init(|| view.task_rows()),
                None => {
                    made = view.task_rows();
                    &made
                }
            };
            context.insert_value("tasks", view.tasks(filter, rows))
        }
        PlanPage::Task { id, .. } => {
            let plan = view.plan;
            if let Some(position) = plan.tasks.iter().position(|t| t.id == *id) {
                context.insert_value(
                    "task",
                    view.task(&plan.tasks[position], plan.task_statuses[position]),
                );
            }
        }
        PlanPage::OpenData(_) => context.insert_value("open_data", view.open_data()),
        PlanPage::Evaluation { year, .. } => {
            context.insert_value("evaluation", view.evaluation(*year))
        }
        PlanPage::Methodology(_) => context.insert_value("methodology", view.methodology()),
    }
}

/// One template mistake fails every page that uses it: report it once, saying how many
/// pages it stopped.
fn collapse_repeats(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<(Diagnostic, usize)> = Vec::new();
    for diagnostic in diagnostics {
        let same = |d: &Diagnostic| {
            (&d.file, d.line, d.column, &d.message)
                == (
                    &diagnostic.file,
                    diagnostic.line,
                    diagnostic.column,
                    &diagnostic.message,
                )
        };
        match out.iter_mut().find(|(d, _)| same(d)) {
            Some((_, count)) => *count += 1,
            None => out.push((diagnostic, 0)),
        }
    }
    out.into_iter()
        .map(|(d, others)| {
            if others > 0 {
                d.with_note(t!("render-same-error", others = others))
            } else {
                d
            }
        })
        .collect()
}

/// The template of a page: its own `template`, else `index.html` for a home page,
/// `section.html` for a section and `page.html` for a page.
pub fn template_name(site: &Site, id: PageId) -> String {
    let page = site.page(id);
    if let Some(name) = &page.front().template {
        return name.clone();
    }
    match page.kind {
        Kind::Section if page.parent.is_none() => "index.html".into(),
        Kind::Section => "section.html".into(),
        Kind::Page => "page.html".into(),
    }
}

fn describe(site: &Site, id: PageId) -> String {
    let page = site.page(id);
    if page.content.file.is_empty() {
        t!("render-section", path = &page.path)
    } else {
        format!("{} ({})", page.content.file, page.path)
    }
}

/// Every template a page asks for must exist. A template the author named is reported at
/// its `template` line; one the theme must provide (for sections, pages and plan pages) once.
fn check_templates(site: &Site, templates: &Templates) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for page in &site.pages {
        let name = template_name(site, page.id);
        if templates.has(&name) {
            continue;
        }
        let written = page
            .front()
            .template
            .as_ref()
            .filter(|t| page.content.text.contains(&format!("\"{t}\"")));
        match written {
            Some(written) => {
                let text = &page.content.text;
                let at = text
                    .find(&format!("\"{written}\""))
                    .map_or(0..0, |i| i + 1..i + 1 + written.len());
                out.push(
                    Diagnostic::error(
                        "template-missing",
                        t!("render-page-template-missing", name = written),
                    )
                    .at(&Source::new(&page.content.file, text), at)
                    .with_hint(t!("render-page-template-missing-hint", name = written)),
                );
            }
            None if reported.insert(name.clone()) => out.push(
                Diagnostic::error(
                    "template-missing",
                    t!("render-theme-template-missing", name = &name),
                )
                .with_hint(t!("render-theme-template-missing-hint", name = &name)),
            ),
            None => {}
        }
    }
    if !templates.has("404.html") {
        out.push(
            Diagnostic::error(
                "template-missing",
                t!("render-theme-template-missing", name = "404.html"),
            )
            .with_hint(t!("render-theme-template-missing-hint", name = "404.html")),
        );
    }
    out
}

/// Static files (theme and site) and the non-Markdown files of `content/`, each by its
/// output path. A file in `content/tin-tuc/` goes beside the section's pages. A plan's
/// working files (spreadsheets it neither reads nor attaches) are not published.
fn copy_outputs(site: &Site, assets: &RenderInput<'_>) -> BTreeMap<String, Bytes> {
    let mut out: BTreeMap<String, Bytes> = BTreeMap::new();
    let plans = || {
        site.plans
            .iter()
            .map(|p| (p.dir.as_str(), p.sources.as_slice(), &p.document))
    };
    for (path, bytes) in assets.content_files {
        if crate::content::plan::document::is_working_file(plans(), path) {
            continue;
        }
        out.insert(
            site.asset_path(path).trim_start_matches('/').to_string(),
            bytes.clone(),
        );
    }
    for (path, bytes) in assets.static_files {
        out.insert(path.clone(), bytes.clone());
    }
    out
}
