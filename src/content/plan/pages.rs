//! The pages a plan adds to the site (pure): its group pages (from `groups/*.md`), task pages
//! (from `tasks/ID.md`), and pages made from its data — the list of targets, a page per
//! target, the task tracker with one page per group, status and lead unit (so filtering
//! works without JavaScript), the open-data page and the year-end evaluation. They become
//! ordinary pages of the site, so addresses, breadcrumbs, the sitemap and `@/` links treat
//! them like any other; `PlanPage` tells the renderer which plan data to show.
//!
//! Addresses inside a plan's folder use fixed Vietnamese segments in every language:
//! `chi-tieu/ID/` (targets, with `chi-tieu/trang-thai-STATUS/` listing those of one status
//! as the tracker's `nhiem-vu/trang-thai-STATUS/` does tasks), `nhiem-vu/` (tasks), `du-lieu-mo/` (open data),
//! `danh-gia-YEAR/` (evaluation), `phuong-phap/` (how statuses are worked out). A data page is linked as `@/PLAN/chi-tieu/ID`.

use serde::Deserialize;

use crate::config::Config;
use crate::content::plan::status::{Status, TaskStatus};
use crate::content::{ContentPage, FrontMatter, PathParts, front_matter};
use crate::diag::{Diagnostic, Source};
use crate::i18n::I18n;
use crate::slug::slugify;
use crate::source::TextFile;
use crate::t;
use crate::toml_input::{self, struct_fields};

use super::Plan;
use super::period::Period;

pub const INDICATORS_SEGMENT: &str = "chi-tieu";
pub const TASKS_SEGMENT: &str = "nhiem-vu";
pub const DATA_SEGMENT: &str = "du-lieu-mo";
pub const EVALUATION_SEGMENT: &str = "danh-gia";
pub const METHODOLOGY_SEGMENT: &str = "phuong-phap";
pub const GROUPS_DIR: &str = "groups";
pub const TASK_PAGES_DIR: &str = "tasks";

/// Which plan data a page shows; `usize` is the plan's index in the site's plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanPage {
    Plan(usize),
    Group {
        plan: usize,
        group: String,
    },
    Indicators(usize),
    /// The targets of one status (`chi-tieu/trang-thai-on-track/`).
    Targets {
        plan: usize,
        status: Status,
    },
    Indicator {
        plan: usize,
        id: String,
    },
    Tasks {
        plan: usize,
        filter: TaskFilter,
    },
    Task {
        plan: usize,
        id: String,
    },
    OpenData(usize),
    Evaluation {
        plan: usize,
        year: i32,
    },
    Methodology(usize),
}

impl PlanPage {
    pub fn plan(&self) -> usize {
        match *self {
            PlanPage::Plan(plan)
            | PlanPage::Indicators(plan)
            | PlanPage::OpenData(plan)
            | PlanPage::Methodology(plan) => plan,
            PlanPage::Group { plan, .. }
            | PlanPage::Indicator { plan, .. }
            | PlanPage::Targets { plan, .. }
            | PlanPage::Tasks { plan, .. }
            | PlanPage::Task { plan, .. }
            | PlanPage::Evaluation { plan, .. } => plan,
        }
    }

    /// The template that shows this kind of page.
    pub fn template(&self) -> &'static str {
        match self {
            PlanPage::Plan(_) => "plan.html",
            PlanPage::Group { .. } => "group.html",
            PlanPage::Indicators(_) | PlanPage::Targets { .. } => "indicators.html",
            PlanPage::Indicator { .. } => "indicator.html",
            PlanPage::Tasks { .. } => "tasks.html",
            PlanPage::Task { .. } => "task.html",
            PlanPage::OpenData(_) => "open_data.html",
            PlanPage::Evaluation { .. } => "evaluation.html",
            PlanPage::Methodology(_) => "methodology.html",
        }
    }
}

/// Which tasks a tracker page lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaskFilter {
    All,
    Group(String),
    Status(TaskStatus),
    Lead(String),
}

/// A task group's front matter (`groups/NN-name.md`).
#[derive(Clone, Debug, Deserialize)]
pub struct GroupFront {
    pub id: String,
    pub order: u32,
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
}

fn group_keys(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(struct_fields::<GroupFront>()),
        _ => None,
    }
}

/// Parses a group file into its front matter and its page (in the plan's own section,
/// addressed by the group's id).
pub fn parse_group(
    content_path: &str,
    plan_dir: &str,
    file: TextFile,
    config: &Config,
) -> (Option<(GroupFront, ContentPage)>, Vec<Diagnostic>) {
    let TextFile { file, text } = file;
    let split = match front_matter::split(&file, &text) {
        Ok(split) => split,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    if split.front_matter.trim().is_empty() {
        let diagnostic = Diagnostic::error("group-front-matter", t!("plan-group-front-matter"))
            .in_file(&file)
            .with_hint(t!("plan-group-front-matter-hint"));
        return (None, vec![diagnostic]);
    }
    let source = Source::fragment(&file, split.front_matter, split.front_matter_line);
    let (front, mut diagnostics) =
        toml_input::parse::<GroupFront>(&source, &t!("plan-group-front-matter-what"), &group_keys);
    let Some(front) = front else {
        return (None, diagnostics);
    };
    let parts = PathParts::new(content_path, &file, config, &mut diagnostics);
    let lang = parts
        .suffix_lang
        .clone()
        .unwrap_or_else(|| config.default_language.clone());
    let (body_offset, body_line) = (split.body_offset, split.body_line);
    let page = ContentPage {
        file,
        content_path: content_path.to_string(),
        key: parts.key(),
        dir: plan_dir.to_string(),
        stem: parts.stem,
        lang,
        front: FrontMatter {
            title: Some(front.title.clone()),
            summary: front.summary.clone(),
            weight: Some(i64::from(front.order)),
            slug: Some(front.id.clone()),
            template: Some("group.html".into()),
            ..FrontMatter::default()
        },
        text,
        body_offset,
        body_line,
        plan_page: None,
    };
    (Some((front, page)), diagnostics)
}

/// The pages made from a plan's data, in every language of the site.
pub fn data_pages(plan: &Plan, index: usize, config: &Config, i18n: &I18n) -> Vec<ContentPage> {
    let mut pages = Vec::new();
    for lang in &config.languages {
        let made = DataPages {
            plan,
            index,
            lang,
            config,
            i18n,
        };
        let in_lang = made
            .indicator_pages()
            .into_iter()
            .chain(made.appendix_group_pages())
            .chain(made.task_pages())
            .chain(made.plan_wide_pages());
        pages.extend(in_lang.map(|page| synthetic(&plan.dir, lang, config, page)));
    }
    pages
}

/// The data pages of one plan (`plans[index]`) in one language.
struct DataPages<'a> {
    plan: &'a Plan,
    index: usize,
    lang: &'a str,
    config: &'a Config,
    i18n: &'a I18n,
}

/// A page made from data, before it is given its place: `path` is relative to the plan's
/// folder, without `.md` (a path ending in `_index` is a section); `source` is the file of
/// the plan's folder it is made from, named in messages about it.
struct DataPage {
    path: String,
    source: &'static str,
    title: String,
    weight: i64,
    plan_page: PlanPage,
}

impl DataPages<'_> {
    fn t(&self, key: &str) -> String {
        self.i18n.get(self.lang, key).unwrap_or(key).to_string()
    }

    /// The list of targets, a list per status, and a page per target.
    fn indicator_pages(&self) -> Vec<DataPage> {
        let (plan, index) = (self.plan, self.index);
        let mut pages = vec![DataPage {
            path: format!("{INDICATORS_SEGMENT}/_index"),
            source: super::indicators::INDICATORS_FILE,
            title: self.t("plan_indicators"),
            weight: 10,
            plan_page: PlanPage::Indicators(index),
        }];
        for (i, status) in Status::ALL.iter().enumerate() {
            pages.push(DataPage {
                path: target_status_path(*status),
                source: super::indicators::INDICATORS_FILE,
                title: self.i18n.format(
                    self.lang,
                    "targets_with_status",
                    &[("status", &self.t(&format!("status_{}", status.key())))],
                ),
                weight: 1000 + i as i64,
                plan_page: PlanPage::Targets {
                    plan: index,
                    status: *status,
                },
            });
        }
        for (i, indicator) in plan.indicators.iter().enumerate() {
            pages.push(DataPage {
                path: format!("{INDICATORS_SEGMENT}/{}", indicator.id),
                source: super::indicators::INDICATORS_FILE,
                title: indicator
                    .name
                    .get(self.lang, &self.config.default_language)
                    .to_string(),
                weight: i as i64,
                plan_page: PlanPage::Indicator {
                    plan: index,
                    id: indicator.id.clone(),
                },
            });
        }
        pages
    }

    /// A page for each group made from a heading row of the task appendix (the others are
    /// `groups/*.md`), addressed by the group's id like those.
    fn appendix_group_pages(&self) -> Vec<DataPage> {
        self.plan
            .groups
            .iter()
            .filter(|g| g.from_appendix)
            .map(|group| DataPage {
                path: group.id.clone(),
                source: self.plan.tasks_file,
                title: group
                    .title(self.lang, &self.config.default_language)
                    .to_string(),
                weight: i64::from(group.order),
                plan_page: PlanPage::Group {
                    plan: self.index,
                    group: group.id.clone(),
                },
            })
            .collect()
    }

    /// The task tracker, and its pages filtered by status, group and lead unit.
    fn task_pages(&self) -> Vec<DataPage> {
        let (plan, index, lang, i18n) = (self.plan, self.index, self.lang, self.i18n);
        let tasks_page = |path: String, title: String, weight: i64, filter: TaskFilter| DataPage {
            path,
            source: plan.tasks_file,
            title,
            weight,
            plan_page: PlanPage::Tasks {
                plan: index,
                filter,
            },
        };
        let mut pages = vec![tasks_page(
            format!("{TASKS_SEGMENT}/_index"),
            self.t("plan_tasks"),
            20,
            TaskFilter::All,
        )];
        for (i, status) in TaskStatus::ALL.iter().enumerate() {
            let title = i18n.format(
                lang,
                "tasks_with_status",
                &[("status", &self.t(&format!("task_{}", status.key())))],
            );
            pages.push(tasks_page(
                task_status_path(*status),
                title,
                i as i64,
                TaskFilter::Status(*status),
            ));
        }
        for group in &plan.groups {
            let name = group.title(lang, &self.config.default_language);
            pages.push(tasks_page(
                format!("{TASKS_SEGMENT}/nhom-{}", group.id),
                i18n.format(lang, "tasks_of_group", &[("group", name)]),
                100 + i64::from(group.order),
                TaskFilter::Group(group.id.clone()),
            ));
        }
        for lead in plan.lead_units() {
            let name = plan.unit_name(lead, lang, &self.config.default_language);
            pages.push(tasks_page(
                format!("{TASKS_SEGMENT}/{}", lead_segment(lead)),
                i18n.format(lang, "tasks_led_by", &[("unit", &name)]),
                200,
                TaskFilter::Lead(lead.to_string()),
            ));
        }
        pages
    }

    /// The open-data page, the methodology and the year-end evaluation.
    fn plan_wide_pages(&self) -> Vec<DataPage> {
        let index = self.index;
        let mut pages = vec![
            DataPage {
                path: format!("{DATA_SEGMENT}/_index"),
                source: super::document::PLAN_FILE,
                title: self.t("plan_open_data"),
                weight: 30,
                plan_page: PlanPage::OpenData(index),
            },
            DataPage {
                path: METHODOLOGY_SEGMENT.to_string(),
                source: super::indicators::INDICATORS_FILE,
                title: self.t("plan_methodology"),
                weight: 50,
                plan_page: PlanPage::Methodology(index),
            },
        ];
        // A year without targets would make an empty page.
        if let Some(year) = self.plan.evaluation_year().filter(|&year| {
            self.plan
                .indicators
                .iter()
                .any(|i| i.target_in_year(year).is_some())
        }) {
            pages.push(DataPage {
                path: format!("{EVALUATION_SEGMENT}-{year}"),
                source: super::document::PLAN_FILE,
                title: self.i18n.format(
                    self.lang,
                    "plan_evaluation",
                    &[("year", &year.to_string())],
                ),
                weight: 40,
                plan_page: PlanPage::Evaluation { plan: index, year },
            });
        }
        pages
    }
}

/// A page made from data, placed in the plan's folder in `lang`. Its content path has no
/// `.md`, so `@/` links to it are written `@/PLAN/chi-tieu/ID`.
fn synthetic(plan_dir: &str, lang: &str, config: &Config, page: DataPage) -> ContentPage {
    let DataPage {
        path,
        source,
        title,
        weight,
        plan_page,
    } = page;
    let full = if plan_dir.is_empty() {
        path
    } else {
        format!("{plan_dir}/{path}")
    };
    let (dir, stem) = full
        .rsplit_once('/')
        .map_or((String::new(), full.clone()), |(d, s)| {
            (d.to_string(), s.to_string())
        });
    let is_section = stem == crate::content::SECTION_STEM;
    let key = if is_section {
        format!("{full}.md")
    } else {
        full.clone()
    };
    let content_path = match (lang == config.default_language, is_section) {
        (true, _) => key.clone(),
        (false, true) => format!("{full}.{lang}.md"),
        (false, false) => format!("{full}.{lang}"),
    };
    ContentPage {
        file: format!("content/{plan_dir}/{source}"),
        content_path,
        key,
        dir,
        stem,
        lang: lang.to_string(),
        front: FrontMatter {
            title: Some(title),
            weight: Some(weight),
            template: Some(plan_page.template().to_string()),
            // Plan pages show their own lists (all targets, filtered tasks), not their
            // children page by page.
            paginate_by: Some(0),
            ..FrontMatter::default()
        },
        text: String::new(),
        body_offset: 0,
        body_line: 1,
        plan_page: Some(plan_page),
    }
}

/// The plan's own section page, for a language whose `_index.md` is not written.
pub fn plan_section(
    plan: &Plan,
    index: usize,
    lang: &str,
    config: &Config,
    title: String,
) -> ContentPage {
    let page = DataPage {
        path: crate::content::SECTION_STEM.to_string(),
        source: super::document::PLAN_FILE,
        title,
        weight: 0,
        plan_page: PlanPage::Plan(index),
    };
    synthetic(&plan.dir, lang, config, page)
}

/// The path inside a plan's folder of the list of targets of one status
/// (`chi-tieu/trang-thai-on-track`), named like the tracker's status pages.
pub fn target_status_path(status: Status) -> String {
    format!("{INDICATORS_SEGMENT}/trang-thai-{}", slugify(status.key()))
}

/// The path inside a plan's folder of the tracker page of one status
/// (`nhiem-vu/trang-thai-overdue`).
pub fn task_status_path(status: TaskStatus) -> String {
    format!("{TASKS_SEGMENT}/trang-thai-{}", slugify(status.key()))
}

/// The segment of the tracker page of the tasks a unit leads: `don-vi-ID`, or the slug of
/// a lead written as a name (`Sở Tài chính` is `don-vi-so-tai-chinh`).
pub fn lead_segment(lead: &str) -> String {
    let plain = lead
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if plain && !lead.is_empty() {
        format!("don-vi-{lead}")
    } else {
        format!("don-vi-{}", slugify(lead))
    }
}

/// The evaluation year of a plan for `period` ("2025" evaluates 2024).
pub fn evaluation_year(period: &str) -> Option<i32> {
    let first = period.split(['-', '–']).next()?.trim();
    Period::parse(first).map(|p| p.year() - 1)
}
