//! The site's pages as search sees them (pure): one `search::Document` per page of a
//! language, with its kind, task group, breadcrumb and words — for plan pages, the data the
//! page shows too, so that a task code or an indicator id finds its page.

use rayon::prelude::*;

use crate::content::SectionKind;
use crate::content::plan::indicators::Measure;
use crate::content::plan::{Plan, PlanPage, TaskFilter};
use crate::search::{Document, Kind};
use crate::site::{Page, PageId, Site};

/// The template of the search page, which is left out of its own results.
pub use crate::content::search_page::SEARCH_TEMPLATE;

/// Every searchable page of `lang`, in page order, then the tasks that have no page of their
/// own, as rows of their plan's task tracker.
pub fn documents(site: &Site, lang: &str) -> Vec<Document> {
    let texts = site
        .pages
        .iter()
        .map(|page| (page.lang() == lang).then(|| page.rendered.text.clone()))
        .collect();
    documents_with(site, lang, texts)
}

/// `documents`, with each page's plain text given (by page, `None` for other languages'),
/// so that a build moves the texts rather than copying them.
pub fn documents_with(site: &Site, lang: &str, texts: Vec<Option<String>>) -> Vec<Document> {
    let mut documents: Vec<Document> = texts
        .into_par_iter()
        .enumerate()
        .filter_map(|(i, text)| document_with(site, site.pages[i].id, text?))
        .collect();
    for page in site.pages.iter().filter(|p| p.lang() == lang) {
        if let Some(PlanPage::Tasks {
            plan,
            filter: TaskFilter::All,
        }) = &page.content.plan_page
        {
            documents.extend(tracker_rows(site, page, &site.plans[*plan]));
        }
    }
    documents
}

/// A task without a page of its own is found as its row of the tracker (`#task-nv-3-12`).
fn tracker_rows<'a>(
    site: &'a Site,
    tracker: &'a Page,
    plan: &'a Plan,
) -> impl Iterator<Item = Document> + 'a {
    let lang = tracker.lang();
    let default_lang = site.config.default_language.as_str();
    let breadcrumb: Vec<String> = tracker
        .ancestors
        .iter()
        .skip(1)
        .map(|&a| site.page(a).title.clone())
        .chain(std::iter::once(tracker.title.clone()))
        .collect();
    plan.tasks
        .iter()
        .filter(|task| !plan.task_pages.contains(&task.id))
        .map(move |task| Document {
            url: format!(
                "{}#task-{}",
                site.url(&tracker.path),
                crate::slug::slugify(&task.id)
            ),
            title: format!("{} {}", task.id, task.title_in(lang)),
            kind: Kind::Task,
            group: Some(task.group.clone()),
            breadcrumb: breadcrumb.clone(),
            weight: 0,
            text: task_words(plan, task, lang, default_lang),
        })
}

fn task_words(
    plan: &Plan,
    task: &crate::content::plan::tasks::Task,
    lang: &str,
    default_lang: &str,
) -> String {
    let mut data = vec![
        task.id.clone(),
        task.title_in(lang).to_string(),
        plan.unit_name(&task.lead, lang, default_lang),
    ];
    data.extend(
        task.partners
            .iter()
            .map(|p| plan.unit_name(p, lang, default_lang)),
    );
    data.push(task.output.clone());
    data.push(task.due_text.clone());
    lines(data)
}

/// The document of one page, or `None` for a page that is no search result (the search
/// page itself, and the filtered lists of tasks and targets, which repeat their own pages).
pub fn document(site: &Site, id: PageId) -> Option<Document> {
    document_with(site, id, site.page(id).rendered.text.clone())
}

/// `document`, with the page's plain text given.
fn document_with(site: &Site, id: PageId, body_text: String) -> Option<Document> {
    let page = site.page(id);
    if page.front().template.as_deref() == Some(SEARCH_TEMPLATE) {
        return None;
    }
    let (kind, group, data) = match &page.content.plan_page {
        Some(plan_page) => plan_facts(site, page, plan_page)?,
        None => (kind_of_section(site.section_kind(id)), None, String::new()),
    };
    let summary = page.front().summary.as_deref();
    let text = if summary.is_none() && data.is_empty() {
        body_text
    } else {
        let mut text = String::with_capacity(body_text.len() + data.len() + 64);
        if let Some(summary) = summary {
            text.push_str(summary);
            text.push('\n');
        }
        text.push_str(&data);
        text.push_str(&body_text);
        text
    };
    let breadcrumb = page
        .ancestors
        .iter()
        .skip(1)
        .map(|&a| site.page(a).title.clone())
        .collect();
    Some(Document {
        url: site.url(&page.path),
        title: page.title.clone(),
        kind,
        group,
        breadcrumb,
        weight: weight_of(page),
        text,
    })
}

/// A plan's own page is the best answer to the words of its title; a section or a list is
/// a better answer than any one of the pages under it that repeat its words.
fn weight_of(page: &Page) -> u8 {
    match &page.content.plan_page {
        Some(PlanPage::Plan(_)) => 2,
        Some(PlanPage::Indicator { .. } | PlanPage::Task { .. }) => 0,
        Some(_) => 1,
        None => u8::from(page.is_section()),
    }
}

fn kind_of_section(kind: SectionKind) -> Kind {
    match kind {
        SectionKind::Pages => Kind::Page,
        SectionKind::News => Kind::News,
        SectionKind::Awareness => Kind::Awareness,
        SectionKind::Documents => Kind::Document,
    }
}

/// A plan page's kind, task group and the words of the data it shows.
fn plan_facts(
    site: &Site,
    page: &Page,
    plan_page: &PlanPage,
) -> Option<(Kind, Option<String>, String)> {
    let plan = &site.plans[plan_page.plan()];
    let lang = page.lang();
    let default_lang = site.config.default_language.as_str();
    Some(match plan_page {
        PlanPage::Indicator { id, .. } => {
            let indicator = plan.indicator(id)?;
            let mut data = vec![
                indicator.id.clone(),
                indicator.name.get(lang, default_lang).to_string(),
            ];
            if let Some(description) = &indicator.description {
                data.push(description.get(lang, default_lang).to_string());
            }
            data.push(indicator.method.get(lang, default_lang).to_string());
            data.push(indicator.source.get(lang, default_lang).to_string());
            data.push(plan.unit_name(&indicator.responsible, lang, default_lang));
            // The agency's own unit is words a reader may search for (`hồ sơ`).
            if let Measure::Custom(unit) = &indicator.measure {
                data.push(unit.get(lang, default_lang).to_string());
            }
            (Kind::Indicator, Some(indicator.group.clone()), lines(data))
        }
        PlanPage::Task { id, .. } => {
            let task = plan.tasks.iter().find(|t| t.id == *id)?;
            let words = task_words(plan, task, lang, default_lang);
            (Kind::Task, Some(task.group.clone()), words)
        }
        PlanPage::Group { group, .. } => (
            Kind::Group,
            Some(group.clone()),
            group_summary(plan, group, lang, default_lang),
        ),
        PlanPage::Tasks { filter, .. } if *filter != TaskFilter::All => return None,
        PlanPage::Targets { .. } => return None,
        _ => (Kind::Page, None, String::new()),
    })
}

fn group_summary(plan: &Plan, group: &str, lang: &str, default_lang: &str) -> String {
    let Some(group) = plan.group(group) else {
        return String::new();
    };
    let pick = |map: &std::collections::BTreeMap<String, String>| {
        map.get(lang)
            .or_else(|| map.get(default_lang))
            .cloned()
            .unwrap_or_default()
    };
    lines(vec![pick(&group.titles), pick(&group.summaries)])
}

fn lines(parts: Vec<String>) -> String {
    let mut text = String::new();
    for part in parts.iter().filter(|p| !p.trim().is_empty()) {
        text.push_str(part);
        text.push('\n');
    }
    text
}
