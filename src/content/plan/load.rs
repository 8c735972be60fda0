//! Loading every plan of the site from the files `source` read (pure): a plan is a folder of
//! `content/` holding `plan.toml`; beside it `indicators.toml`, `tasks.csv`, `groups/*.md`,
//! `tasks/ID.md` and progress data in `data/` (the plan's own, and `content/data/` for the
//! whole site).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::ContentPage;
use crate::content::plan::status::{self, Point, TaskStatus};
use crate::diag::{Diagnostic, did_you_mean};
use crate::i18n::I18n;
use crate::source::{Inputs, TextFile};
use crate::t;

use super::boundaries::{self, BOUNDARY_FILES, Boundaries, MapData};
use super::document::{self, PLAN_FILE, PlanDocument};
use super::indicators::{self, INDICATORS_FILE, Indicator, IndicatorList};
use super::pages::{self, GROUPS_DIR, GroupFront, PlanPage, TASK_PAGES_DIR};
use super::readings::{self, Reading};
use super::registry::{Kind, PLACES_FILE, Registry, UNITS_FILE};
use super::table::{self, Table};
use super::tasks::{self, TASKS_FILE, TASKS_FILES, Task};

/// A task group, with its title in each language it is written in.
#[derive(Clone, Debug)]
pub struct Group {
    pub id: String,
    pub order: u32,
    pub titles: BTreeMap<String, String>,
    pub summaries: BTreeMap<String, String>,
    /// Made from a heading row of the task appendix: the group has no `groups/*.md`, so
    /// its page is made from data.
    pub from_appendix: bool,
}

impl Group {
    pub fn title<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        self.titles
            .get(lang)
            .or_else(|| self.titles.get(default_lang))
            .or_else(|| self.titles.values().next())
            .map_or(self.id.as_str(), String::as_str)
    }
}

/// A plan with its data, checked, and where it stands.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The plan's folder inside `content/` (`ke-hoach-2025`).
    pub dir: String,
    pub document: PlanDocument,
    pub groups: Vec<Group>,
    pub indicators: Vec<Indicator>,
    /// Indicators written with a mistake (reported once): known by id, so that their
    /// readings are passed over instead of reported as unknown.
    pub broken_indicators: BTreeSet<String>,
    /// Data files named in the `[data]` table of `indicators.toml`: file name -> id.
    pub data_files: BTreeMap<String, String>,
    pub tasks: Vec<Task>,
    /// The file of the plan's folder the tasks are read from (`tasks.xlsx`, `tasks.csv`).
    pub tasks_file: &'static str,
    /// Every task id the task table holds, rows with mistakes included; `None` when the
    /// table could not be read (then no task page is reported as naming no task).
    pub task_ids: Option<BTreeSet<String>>,
    /// What `minhbach check` alone reports about the plan: units named in the task table
    /// that are in no registry.
    pub warnings: Vec<Diagnostic>,
    /// Readings of this plan's indicators, by indicator, period and breakdown.
    pub readings: Vec<Reading>,
    /// Where each indicator's readings are in `readings`, by indicator id: pages, charts
    /// and downloads look up one indicator at a time, and a national plan has 100,000
    /// readings to scan otherwise.
    reading_ranges: BTreeMap<String, Range<usize>>,
    /// Where each indicator stands, by indicator id.
    pub assessments: BTreeMap<String, status::Assessment>,
    /// The status of each task, in the order of `tasks`.
    pub task_statuses: Vec<TaskStatus>,
    /// Tasks that have a page of their own (`tasks/ID.md`).
    pub task_pages: Vec<String>,
    /// The site's units and places, for names.
    pub registry: Registry,
    /// The places' shapes, from `content/data/places.geojson`, for maps.
    pub boundaries: Option<Arc<Boundaries>>,
    /// The data files the plan was read from, by path inside `content/`.
    pub sources: Vec<String>,
    /// Every file the plan was made from — its data, its group and task pages, the site's
    /// registries — with a fingerprint of each: what `serve` watches for this plan.
    pub inputs: Inputs,
}

impl Plan {
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Every reading of an indicator, by period and breakdown (the overall figure first).
    pub fn readings_of(&self, indicator: &str) -> &[Reading] {
        self.reading_ranges
            .get(indicator)
            .map_or(&[], |range| &self.readings[range.clone()])
    }

    /// The overall readings (no breakdown) of an indicator, in time order.
    pub fn totals(&self, indicator: &str) -> Vec<&Reading> {
        self.readings_of(indicator)
            .iter()
            .filter(|r| r.breakdown.is_none())
            .collect()
    }

    /// Lead units of the plan's tasks, each once, sorted.
    pub fn lead_units(&self) -> Vec<&str> {
        let mut leads: Vec<&str> = self.tasks.iter().map(|t| t.lead.as_str()).collect();
        leads.sort_unstable();
        leads.dedup();
        leads
    }

    /// A unit's current name in `lang`, or its id when it is not registered.
    pub fn unit_name(&self, id: &str, lang: &str, default_lang: &str) -> String {
        self.registry.find(Kind::Unit, id).map_or_else(
            || id.to_string(),
            |u| u.name.get(lang, default_lang).to_string(),
        )
    }

    pub fn evaluation_year(&self) -> Option<i32> {
        pages::evaluation_year(&self.document.period)
    }

    /// What the map of an indicator shows, when it has one: its latest readings broken down
    /// by place, on the places' shapes.
    pub fn map(&self, indicator: &Indicator) -> Option<MapData<'_>> {
        boundaries::map_data(
            indicator,
            self.readings_of(&indicator.id),
            &self.registry,
            self.boundaries.as_deref()?,
        )
    }
}

/// The folders of `content/` that hold a `plan.toml`, from the paths of its data files.
pub fn plan_dirs(data: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    data.keys()
        .filter_map(|path| match path.rsplit_once('/') {
            Some((dir, PLAN_FILE)) => Some(dir.to_string()),
            None if path == PLAN_FILE => Some(String::new()),
            _ => None,
        })
        .collect()
}

/// Takes the Markdown files that belong to plans (`groups/*.md`, `tasks/*.md`) out of the
/// site's pages: they have their own front matter.
pub fn take_plan_pages(
    pages: &mut BTreeMap<String, TextFile>,
    dirs: &[String],
) -> BTreeMap<String, TextFile> {
    let belongs = |path: &str| {
        dirs.iter().any(|dir| {
            let inside = if dir.is_empty() {
                Some(path)
            } else {
                path.strip_prefix(dir.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            inside.is_some_and(|rest| {
                [GROUPS_DIR, TASK_PAGES_DIR].iter().any(|sub| {
                    rest.strip_prefix(sub)
                        .is_some_and(|r| r.starts_with('/') && !r[1..].contains('/'))
                })
            })
        })
    };
    let taken: Vec<String> = pages.keys().filter(|p| belongs(p)).cloned().collect();
    taken
        .into_iter()
        .filter_map(|path| pages.remove_entry(&path))
        .collect()
}

/// Everything `load` reads.
pub struct PlanInputs<'a> {
    /// The `.toml`, `.csv` and `.xlsx` files of `content/`, by path inside it.
    pub data: &'a BTreeMap<String, Vec<u8>>,
    /// The plan pages taken out by `take_plan_pages`.
    pub pages: BTreeMap<String, TextFile>,
    pub config: &'a Config,
    pub i18n: &'a I18n,
}

/// Loads every plan and makes its pages. All problems of all files are returned together.
pub fn load(inputs: PlanInputs<'_>) -> (Vec<Plan>, Vec<ContentPage>, Vec<Diagnostic>) {
    let PlanInputs {
        data,
        pages,
        config,
        i18n,
    } = inputs;
    let mut loader = Loader {
        data,
        config,
        pages,
        plan_pages: Vec::new(),
        diagnostics: Vec::new(),
        inputs: BTreeMap::new(),
    };
    let dirs = plan_dirs(data);
    let registry = loader.registry();
    let shapes = loader.boundaries(&registry);
    let mut plans = Vec::new();
    for dir in &dirs {
        if let Some(mut plan) = loader.plan(dir, plans.len(), &registry) {
            plan.boundaries = shapes.clone();
            plans.push(plan);
        }
    }
    loader.diagnostics.extend(duplicate_indicators(&plans));
    let limits = table::Limits::from_config(&config.data);
    let found = read_all_readings(&mut plans, data, &dirs, &registry, &limits);
    loader.diagnostics.extend(found);
    if let Some(shapes) = &shapes {
        let found = unshaped_places(&plans, shapes, data, &config.default_language);
        loader.diagnostics.extend(found);
    }
    for (index, plan) in plans.iter_mut().enumerate() {
        loader.task_pages(plan, index);
    }
    let Loader {
        pages,
        mut plan_pages,
        mut diagnostics,
        mut inputs,
        ..
    } = loader;
    diagnostics.extend(unread_pages(pages));
    for (index, plan) in plans.iter_mut().enumerate() {
        let mut read = inputs.remove(&Some(index)).unwrap_or_default();
        read.merge(inputs.get(&None).cloned().unwrap_or_default());
        for path in &plan.sources {
            if let Some(bytes) = data.get(path) {
                read.read(path, bytes);
            }
        }
        plan.inputs = read;
    }

    let as_of = config.as_of.map(|d| d.date());
    for plan in &mut plans {
        assess(plan, as_of);
    }
    for (index, plan) in plans.iter().enumerate() {
        plan_pages.extend(pages::data_pages(plan, index, config, i18n));
    }
    (plans, plan_pages, diagnostics)
}

/// What `load` reads from, and the pages and problems it has found so far.
struct Loader<'a> {
    data: &'a BTreeMap<String, Vec<u8>>,
    config: &'a Config,
    /// The plan pages not read yet.
    pages: BTreeMap<String, TextFile>,
    plan_pages: Vec<ContentPage>,
    diagnostics: Vec<Diagnostic>,
    /// The pages each plan read (by its index), and the files every plan read (`None`).
    inputs: BTreeMap<Option<usize>, Inputs>,
}

impl Loader<'_> {
    /// How much a workbook may inflate to, from `[data]` in the config.
    fn limits(&self) -> table::Limits {
        table::Limits::from_config(&self.config.data)
    }

    /// Notes that the plan `plans[index]` (every plan, for `None`) was made from `path`.
    fn note_read(&mut self, index: Option<usize>, path: &str, bytes: &[u8]) {
        self.inputs.entry(index).or_default().read(path, bytes);
    }

    /// A data file as text; `None` when there is no such file or it is not UTF-8 (reported).
    fn text(&mut self, path: &str) -> Option<String> {
        let bytes = self.data.get(path)?;
        match crate::source::decode(bytes, &format!("content/{path}")) {
            Ok(text) => Some(text),
            Err(diagnostic) => {
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// The site's units and places.
    fn registry(&mut self) -> Registry {
        for path in [UNITS_FILE, PLACES_FILE] {
            if let Some(bytes) = self.data.get(path) {
                self.note_read(None, path, bytes);
            }
        }
        let units = self.text(UNITS_FILE);
        let places = self.text(PLACES_FILE);
        let (registry, found) = Registry::parse(units.as_deref(), places.as_deref());
        self.diagnostics.extend(found);
        registry
    }

    /// The places' shapes (`data/places.geojson`, else `data/places.topojson`), matched with
    /// the registry's places; `None` when the site has neither or the file is not JSON.
    fn boundaries(&mut self, registry: &Registry) -> Option<Arc<Boundaries>> {
        let present: Vec<&str> = BOUNDARY_FILES
            .into_iter()
            .filter(|path| self.data.contains_key(*path))
            .collect();
        if let [first, second] = present[..] {
            self.diagnostics.push(
                Diagnostic::warning(
                    "map-file",
                    t!("map-two-files", first = first, second = second),
                )
                .in_file(format!("content/{second}"))
                .with_hint(t!(
                    "map-two-files-hint",
                    first = first,
                    second = second
                )),
            );
        }
        let path = *present.first()?;
        let bytes = self.data.get(path)?;
        self.note_read(None, path, bytes);
        let text = self.text(path)?;
        let (shapes, found) = Boundaries::parse(&format!("content/{path}"), &text, registry);
        let failed = found.iter().any(Diagnostic::is_error);
        self.diagnostics.extend(found);
        (!failed).then(|| Arc::new(shapes))
    }

    /// The plan of `dir`, which will be `plans[index]`, with its groups, indicators and
    /// tasks; `None` when its `plan.toml` cannot be read.
    fn plan(&mut self, dir: &str, index: usize, registry: &Registry) -> Option<Plan> {
        let folder_files = self.folder_files(dir);
        let plan_path = in_dir(dir, PLAN_FILE);
        let plan_text = self.text(&plan_path)?;
        let (document, found) =
            document::parse(&format!("content/{plan_path}"), &plan_text, &folder_files);
        self.diagnostics.extend(found);
        let document = document?;

        let mut groups = self.groups(dir, index);
        let tasks_file = self.tasks_file(dir);
        let tasks_path = in_dir(dir, tasks_file);
        let parsed = self.tasks(&tasks_path, &groups, registry);
        groups.extend(parsed.groups);
        groups.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        let group_ids: Vec<String> = groups.iter().map(|g| g.id.clone()).collect();
        let indicators_path = in_dir(dir, INDICATORS_FILE);
        let indicator_list = self.indicators(&indicators_path, &group_ids, registry);
        let tasks = parsed.tasks;

        let mut sources: Vec<String> = [plan_path, indicators_path, tasks_path]
            .into_iter()
            .filter(|p| self.data.contains_key(p))
            .collect();
        sources.extend(data_files(self.data, &in_dir(dir, "data/")));
        Some(Plan {
            dir: dir.to_string(),
            document,
            groups,
            indicators: indicator_list.indicators,
            broken_indicators: indicator_list.broken,
            data_files: indicator_list.data_files,
            tasks,
            tasks_file,
            task_ids: parsed.ids,
            warnings: parsed.warnings,
            readings: Vec::new(),
            reading_ranges: BTreeMap::new(),
            assessments: BTreeMap::new(),
            task_statuses: Vec::new(),
            task_pages: Vec::new(),
            registry: registry.clone(),
            boundaries: None,
            sources,
            inputs: Inputs::default(),
        })
    }

    /// The names of the files directly in `dir`, data and pages alike.
    fn folder_files(&self, dir: &str) -> Vec<String> {
        let prefix = in_dir(dir, "");
        self.data
            .keys()
            .chain(self.pages.keys())
            .filter_map(|p| {
                p.strip_prefix(&prefix)
                    .filter(|rest| !rest.contains('/'))
                    .map(str::to_string)
            })
            .collect()
    }

    /// The task groups of the plan `plans[index]`, from its `groups/*.md` pages (which
    /// become pages of the plan), by order and then id.
    fn groups(&mut self, dir: &str, index: usize) -> Vec<Group> {
        let prefix = in_dir(dir, &format!("{GROUPS_DIR}/"));
        let paths: Vec<String> = self
            .pages
            .keys()
            .filter(|p| p.starts_with(&prefix))
            .cloned()
            .collect();
        let mut groups: Vec<Group> = Vec::new();
        for path in paths {
            let Some(file) = self.pages.remove(&path) else {
                continue;
            };
            self.note_read(Some(index), &path, file.text.as_bytes());
            let (parsed, found) = pages::parse_group(&path, dir, file, self.config);
            self.diagnostics.extend(found);
            let Some((front, mut page)) = parsed else {
                continue;
            };
            page.plan_page = Some(PlanPage::Group {
                plan: index,
                group: front.id.clone(),
            });
            add_group_page(&mut groups, &front, &page.lang);
            self.plan_pages.push(page);
        }
        groups.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
        groups
    }

    fn indicators(
        &mut self,
        path: &str,
        group_ids: &[String],
        registry: &Registry,
    ) -> IndicatorList {
        let Some(text) = self.text(path) else {
            return IndicatorList::default();
        };
        let (list, found) =
            indicators::parse_list(&format!("content/{path}"), &text, group_ids, registry);
        self.diagnostics.extend(found);
        list
    }

    /// The name of the plan's task table: the first of `tasks.xlsx` and `tasks.csv` that
    /// is there; both at once is an error (which is the plan's appendix?).
    fn tasks_file(&mut self, dir: &str) -> &'static str {
        let present: Vec<&'static str> = TASKS_FILES
            .into_iter()
            .filter(|name| self.data.contains_key(&in_dir(dir, name)))
            .collect();
        if let [first, second, ..] = present.as_slice() {
            self.diagnostics.push(
                Diagnostic::error(
                    "tasks-file",
                    t!("plan-two-task-files", first = *first, second = *second),
                )
                .in_file(format!("content/{}", in_dir(dir, second)))
                .with_hint(t!(
                    "plan-two-task-files-hint",
                    first = *first,
                    second = *second
                )),
            );
        }
        present.first().copied().unwrap_or(TASKS_FILE)
    }

    fn tasks(&mut self, path: &str, groups: &[Group], registry: &Registry) -> tasks::Parsed {
        let data = self.data;
        let Some(bytes) = data.get(path) else {
            return tasks::Parsed {
                ids: Some(BTreeSet::new()),
                ..tasks::Parsed::default()
            };
        };
        let file = format!("content/{path}");
        let (tables, found) = if table_kind(path) == Some(TableKind::Xlsx) {
            table::read_xlsx_with(&file, bytes, tasks::HEADER_RULE, &self.limits())
        } else {
            let (table, found) = table::read_csv_with(&file, bytes, tasks::HEADER_RULE);
            (table.into_iter().collect(), found)
        };
        self.diagnostics.extend(found);
        let mut parsed = tasks::parse(&tables, groups, registry);
        self.diagnostics.append(&mut parsed.diagnostics);
        parsed
    }

    /// Reads the `tasks/ID.md` pages of the plan `plans[index]`, once its tasks are known.
    fn task_pages(&mut self, plan: &mut Plan, index: usize) {
        let prefix = if plan.dir.is_empty() {
            format!("{TASK_PAGES_DIR}/")
        } else {
            format!("{}/{TASK_PAGES_DIR}/", plan.dir)
        };
        let paths: Vec<String> = self
            .pages
            .keys()
            .filter(|p| p.starts_with(&prefix))
            .cloned()
            .collect();
        for path in paths {
            let Some(file) = self.pages.remove(&path) else {
                continue;
            };
            self.note_read(Some(index), &path, file.text.as_bytes());
            let (page, found) = crate::content::parse_page(path.clone(), file, self.config);
            self.diagnostics.extend(found);
            if let Some(page) = page {
                self.task_page(plan, index, page);
            }
        }
        plan.task_pages.sort();
        plan.task_pages.dedup();
    }

    /// Makes `page` the page of the task it is named after, or reports that no task has
    /// that id.
    fn task_page(&mut self, plan: &mut Plan, index: usize, mut page: ContentPage) {
        let id = page.stem.clone();
        let Some(task) = plan
            .tasks
            .iter()
            .find(|t| crate::slug::slugify(&t.id) == crate::slug::slugify(&id))
        else {
            // A task whose row has a mistake (reported) is known all the same.
            let known = plan.task_ids.as_ref().is_none_or(|ids| {
                ids.iter()
                    .any(|t| crate::slug::slugify(t) == crate::slug::slugify(&id))
            });
            if !known {
                self.diagnostics
                    .push(unknown_task_page(plan, &id, &page.file));
            }
            return;
        };
        page.dir = format!(
            "{}{}",
            if plan.dir.is_empty() {
                String::new()
            } else {
                format!("{}/", plan.dir)
            },
            pages::TASKS_SEGMENT
        );
        page.front
            .template
            .get_or_insert_with(|| "task.html".into());
        if page
            .front
            .title
            .as_deref()
            .is_none_or(|t| t == crate::content::humanise(&id))
        {
            page.front.title = Some(format!("{}: {}", task.id, task.title));
        }
        page.plan_page = Some(PlanPage::Task {
            plan: index,
            id: task.id.clone(),
        });
        plan.task_pages.push(task.id.clone());
        self.plan_pages.push(page);
    }
}

/// `name` inside the plan folder `dir` (`dir` is empty for a plan at the top of `content/`).
fn in_dir(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Adds a group page's title and summary in its language, to the group of its id or to a
/// new group.
fn add_group_page(groups: &mut Vec<Group>, front: &GroupFront, lang: &str) {
    match groups.iter_mut().find(|g| g.id == front.id) {
        Some(group) => {
            group.titles.insert(lang.to_string(), front.title.clone());
            if let Some(summary) = &front.summary {
                group.summaries.insert(lang.to_string(), summary.clone());
            }
        }
        None => groups.push(Group {
            id: front.id.clone(),
            order: front.order,
            titles: BTreeMap::from([(lang.to_string(), front.title.clone())]),
            summaries: front
                .summary
                .iter()
                .map(|s| (lang.to_string(), s.clone()))
                .collect(),
            from_appendix: false,
        }),
    }
}

fn unknown_task_page(plan: &Plan, id: &str, file: &str) -> Diagnostic {
    let hint = match did_you_mean(id, plan.tasks.iter().map(|t| t.id.as_str())) {
        Some(task) => t!("plan-task-page-did-you-mean", file = format!("{task}.md")),
        None => t!("plan-task-page-hint", file = plan.tasks_file),
    };
    Diagnostic::error("unknown-id", t!("plan-task-page-unknown", id = id))
        .in_file(file)
        .with_hint(hint)
}

/// A warning for each page of a plan's `groups/` or `tasks/` folder that no plan read.
fn unread_pages(pages: BTreeMap<String, TextFile>) -> Vec<Diagnostic> {
    pages
        .into_values()
        .map(|file| Diagnostic::warning("plan-page", t!("plan-page-unread")).in_file(file.file))
        .collect()
}

/// Data files (`.csv`, `.xlsx`) under `prefix`, sorted; hidden files and the lock files
/// a spreadsheet program leaves beside an open file (`~$tien-do.xlsx`) are not data.
fn data_files(data: &BTreeMap<String, Vec<u8>>, prefix: &str) -> Vec<String> {
    data.keys()
        .filter(|p| p.starts_with(prefix) && !p[prefix.len()..].contains('/'))
        .filter(|p| !p[prefix.len()..].starts_with(['.', '~']))
        .filter(|p| table_kind(p).is_some())
        .cloned()
        .collect()
}

/// How a data file is read, by its extension in any case; `None` for files that are not
/// tables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TableKind {
    Csv,
    Xlsx,
    /// A spreadsheet format the plan does not read (`.xls`, `.ods`): reported, not ignored.
    Unread,
}

fn table_kind(path: &str) -> Option<TableKind> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(TableKind::Csv),
        "xlsx" => Some(TableKind::Xlsx),
        "xls" | "ods" => Some(TableKind::Unread),
        _ => None,
    }
}

/// A data file in a spreadsheet format that is not read.
fn unread_format(file: &str) -> Diagnostic {
    Diagnostic::error("data-format", t!("plan-data-format", file = file))
        .in_file(file)
        .with_hint(t!("plan-data-format-hint"))
}

fn duplicate_indicators(plans: &[Plan]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Plan> = BTreeMap::new();
    let mut out = Vec::new();
    for plan in plans {
        for indicator in &plan.indicators {
            if let Some(other) = seen.insert(&indicator.id, plan)
                && !std::ptr::eq(other, plan)
            {
                out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        t!("plan-indicator-in-two-plans", id = &indicator.id),
                    )
                    .in_file(format!("content/{}/{INDICATORS_FILE}", plan.dir))
                    .with_hint(t!("plan-indicator-in-two-plans-hint", dir = &other.dir)),
                );
            }
        }
    }
    out
}

/// Reads the site's `content/data/` and each plan's `data/`, giving each plan the readings
/// of its own indicators.
fn read_all_readings(
    plans: &mut [Plan],
    data: &BTreeMap<String, Vec<u8>>,
    dirs: &[String],
    registry: &Registry,
    limits: &table::Limits,
) -> Vec<Diagnostic> {
    let files = readings_files(data, dirs);
    let (readings, diagnostics) = read_readings(plans, data, &files, registry, limits);
    share_readings(plans, readings, &files);
    diagnostics
}

/// The data files of the site's `data/` and of each plan's, sorted, each once.
fn readings_files(data: &BTreeMap<String, Vec<u8>>, dirs: &[String]) -> Vec<String> {
    let mut files = data_files(data, "data/");
    for dir in dirs {
        files.extend(data_files(
            data,
            &if dir.is_empty() {
                "data/".to_string()
            } else {
                format!("{dir}/data/")
            },
        ));
    }
    files.sort();
    files.dedup();
    files
}

/// The readings of every table of `files`, checked against the indicators of all plans.
fn read_readings(
    plans: &[Plan],
    data: &BTreeMap<String, Vec<u8>>,
    files: &[String],
    registry: &Registry,
    limits: &table::Limits,
) -> (Vec<Reading>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let known = readings::Known {
        indicators: plans
            .iter()
            .flat_map(|p| p.indicators.iter())
            .map(|i| (i.id.as_str(), i))
            .collect(),
        broken: plans
            .iter()
            .flat_map(|p| p.broken_indicators.iter().map(String::as_str))
            .collect(),
        data_files: plans
            .iter()
            .flat_map(|p| p.data_files.iter().map(|(f, i)| (f.as_str(), i.as_str())))
            .collect(),
    };
    let mut readings: Vec<Reading> = Vec::new();
    for path in files {
        let file = format!("content/{path}");
        let bytes = &data[path];
        let tables: Vec<Table> = match table_kind(path) {
            Some(TableKind::Xlsx) => {
                let (tables, found) = table::read_xlsx_with(&file, bytes, &|_| true, limits);
                diagnostics.extend(found);
                tables
            }
            Some(TableKind::Unread) => {
                diagnostics.push(unread_format(&file));
                continue;
            }
            _ => {
                let (table, found) = table::read_csv(&file, bytes);
                diagnostics.extend(found);
                table.into_iter().collect()
            }
        };
        let name = path.rsplit('/').next().unwrap_or(path);
        for table in &tables {
            let (found_readings, found) = readings::parse(table, name, &known, registry);
            diagnostics.extend(found);
            readings.extend(found_readings);
        }
    }
    (readings, diagnostics)
}

/// Gives each plan the readings of its indicators, by indicator, period and breakdown, and
/// adds the site-wide data files it read from to its sources.
fn share_readings(plans: &mut [Plan], readings: Vec<Reading>, files: &[String]) {
    // Ids are unique across the site; a duplicate keeps the readings in every plan that
    // has it.
    let mut owners: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, plan) in plans.iter().enumerate() {
        for indicator in &plan.indicators {
            owners.entry(indicator.id.as_str()).or_default().push(index);
        }
    }
    // Gathering readings by indicator first leaves short runs to sort, without comparing
    // ids.
    let mut shares: Vec<BTreeMap<String, Vec<Reading>>> = vec![BTreeMap::new(); plans.len()];
    for reading in readings {
        if let Some((last, others)) = owners
            .get(reading.indicator.as_str())
            .and_then(|o| o.split_last())
        {
            for &index in others {
                push_reading(&mut shares[index], reading.clone());
            }
            push_reading(&mut shares[*last], reading);
        }
    }
    for (plan, by_indicator) in plans.iter_mut().zip(shares) {
        let mut share = Vec::with_capacity(by_indicator.values().map(Vec::len).sum());
        for (id, mut list) in by_indicator {
            list.sort_by(|a, b| (a.period, &a.breakdown).cmp(&(b.period, &b.breakdown)));
            plan.reading_ranges
                .insert(id, share.len()..share.len() + list.len());
            share.extend(list);
        }
        let read_from: BTreeSet<&str> = share.iter().map(|r| r.file.as_str()).collect();
        let site_wide: Vec<String> = files
            .iter()
            .filter(|f| {
                f.starts_with("data/") && read_from.contains(format!("content/{f}").as_str())
            })
            .cloned()
            .collect();
        plan.readings = share;
        plan.sources.extend(site_wide);
        plan.sources.sort();
        plan.sources.dedup();
    }
}

/// Warnings for places whose readings a map would show but that have no shape.
fn unshaped_places(
    plans: &[Plan],
    shapes: &Boundaries,
    data: &BTreeMap<String, Vec<u8>>,
    default_lang: &str,
) -> Vec<Diagnostic> {
    let maps = plans.iter().flat_map(|plan| {
        plan.indicators
            .iter()
            .filter_map(move |indicator| Some((indicator, plan.map(indicator)?)))
    });
    // Data files are quoted from their text; a workbook's sheet has none to quote.
    let lines = |file: &str| {
        let path = file.strip_prefix("content/")?;
        let bytes = data.get(path)?;
        (table_kind(path) == Some(TableKind::Csv))
            .then(|| crate::source::decode(bytes, file).ok())
            .flatten()
    };
    boundaries::unshaped_warnings(maps, shapes, default_lang, &lines)
}

fn push_reading(by_indicator: &mut BTreeMap<String, Vec<Reading>>, reading: Reading) {
    match by_indicator.get_mut(&reading.indicator) {
        Some(list) => list.push(reading),
        None => {
            by_indicator.insert(reading.indicator.clone(), vec![reading]);
        }
    }
}

/// Works out where every indicator and task of a plan stands.
fn assess(plan: &mut Plan, as_of: Option<NaiveDate>) {
    for indicator in &plan.indicators {
        let points: Vec<Point> = plan
            .totals(&indicator.id)
            .iter()
            .map(|r| Point {
                period: r.period,
                value: r.value,
            })
            .collect();
        plan.assessments.insert(
            indicator.id.clone(),
            status::assess(&indicator.goal(), &points, as_of),
        );
    }
    plan.task_statuses = plan
        .tasks
        .iter()
        .map(|t| status::task_status(t.state, t.due_date(), as_of))
        .collect();
}

/// Gives each plan's own page (`PLAN/_index.md`) its template and data, and makes one,
/// titled after the plan, in every language that has none.
pub fn attach(plans: &[Plan], pages: &mut Vec<ContentPage>, config: &Config) {
    for page in pages.iter_mut().filter(|p| p.is_section()) {
        if let Some(index) = plans.iter().position(|plan| plan.dir == page.dir) {
            page.front
                .template
                .get_or_insert_with(|| "plan.html".into());
            // The plan page lists its groups from the plan's data, never page by page.
            page.front.paginate_by.get_or_insert(0);
            page.plan_page = Some(PlanPage::Plan(index));
        }
    }
    for (index, plan) in plans.iter().enumerate() {
        for lang in &config.languages {
            let has_page = pages
                .iter()
                .any(|p| p.is_section() && p.dir == plan.dir && p.lang == *lang);
            if !has_page {
                let title = plan
                    .document
                    .title
                    .get(lang, &config.default_language)
                    .to_string();
                pages.push(pages::plan_section(plan, index, lang, config, title));
            }
        }
    }
}
