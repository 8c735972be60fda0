//! `minhbach new task`: a task added to a plan as one more row of its task table
//! (`tasks.csv`), where the rest of the appendix is and where a spreadsheet opens it.
//!
//! The row is written in the table's own layout: its columns in its order (English or
//! Vietnamese names), its separator and line ends, right after the last task of the task's
//! group (so a table laid out with group rows keeps the task under its group), with the
//! next id or number of that group. What the user did not say is filled in so that the
//! site builds — the lead of the group's last task, the end of the plan's period as the
//! deadline, "not started", no start date — and printed to be checked. Before the
//! file is written the plan is read again with the new row, and a row the plan would not
//! accept is reported instead. Task tables kept as `.xlsx` are edited in the spreadsheet.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::config::Config;
use crate::content::plan::table::{self, Table};
use crate::content::plan::tasks::{self, Field, field_of, name_key};
use crate::content::plan::{self, Plan, PlanInputs, plan_dirs, take_plan_pages};
use crate::diag::Diagnostic;
use crate::i18n::I18n;
use crate::slug::fold_ascii;
use crate::source::{CONTENT_DIR, SiteSources, nfc};
use crate::t;

use super::Created;

/// What `new task` is told; everything but the plan has a default.
#[derive(Clone, Debug, Default)]
pub struct TaskRequest {
    pub title: Option<String>,
    /// The plan's folder inside `content/`; the most recently issued plan by default.
    pub plan: Option<String>,
    /// The group, by id, order or title; the group of the table's last task by default.
    pub group: Option<String>,
    /// The lead unit, as the table would name it.
    pub lead: Option<String>,
    /// The deadline, as the table would write it.
    pub due: Option<String>,
}

/// The task written, for the user to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedTask {
    pub id: String,
    /// The line of the task table the row is on.
    pub line: usize,
    pub group: String,
    pub lead: String,
    pub due: String,
}

pub(super) fn add(
    root: &Path,
    config: &Config,
    sources: &SiteSources,
    request: &TaskRequest,
    today: NaiveDate,
) -> Result<Created, Vec<Diagnostic>> {
    let (i18n, _) = I18n::parse(&sources.i18n, config);
    let dirs = plan_dirs(&sources.data);
    let (plans, found) = load_plans(sources, &sources.data, config, &i18n, &dirs);
    let (plan, others) = choose_plan(request.plan.as_deref(), &dirs, &plans, &found)?;
    let tasks_path = plan_file(&plan.dir, tasks::TASKS_FILE);
    if plan.tasks_file != tasks::TASKS_FILE
        && sources
            .data
            .contains_key(&plan_file(&plan.dir, plan.tasks_file))
    {
        let file = format!("{CONTENT_DIR}/{}", plan_file(&plan.dir, plan.tasks_file));
        return Err(vec![
            Diagnostic::usage(
                "usage-new-task-table",
                t!("new-task-spreadsheet", file = &file),
            )
            .in_file(&file)
            .with_hint(t!("new-task-spreadsheet-hint")),
        ]);
    }
    let file = format!("{CONTENT_DIR}/{tasks_path}");
    let group = choose_group(plan, request.group.as_deref())?;
    let row = NewRow::fill(plan, group.as_deref(), request, config, today)?;

    let (bytes, line) = match sources.data.get(&tasks_path) {
        Some(bytes) => {
            let (table, problems) = table::read_csv_with(&file, bytes, tasks::HEADER_RULE);
            let Some(table) = table else {
                return Err(problems);
            };
            insert_row(bytes, &table, plan, &row).ok_or_else(|| vec![unwritable(&file)])?
        }
        None => new_table(&row),
    };

    // Read the plan again with the new row: a row it would not accept is not written.
    let mut data = sources.data.clone();
    data.insert(tasks_path.clone(), bytes.clone());
    let (again, found) = load_plans(sources, &data, config, &i18n, &dirs);
    let problems: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| d.file == file && d.line == line)
        .map(|d| d.with_note(t!("new-task-not-accepted", file = &file)))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let added = again
        .iter()
        .find(|p| p.dir == plan.dir)
        .and_then(|p| p.tasks.iter().find(|t| t.line == line));
    let Some(added) = added else {
        return Err(vec![unwritable(&file)]);
    };
    if group.as_ref().is_some_and(|g| *g != added.group) {
        return Err(vec![
            Diagnostic::usage(
                "usage-new-task-group",
                t!(
                    "new-task-group-without-tasks",
                    group = group.unwrap_or_default()
                ),
            )
            .in_file(&file)
            .with_hint(t!("new-task-group-without-tasks-hint")),
        ]);
    }
    super::super::write_replacing(&root.join(&file), &bytes).map_err(|d| vec![d])?;
    Ok(Created {
        file,
        others,
        task: Some(AddedTask {
            id: added.id.clone(),
            line,
            group: added.group.clone(),
            lead: row.lead,
            due: row.due,
        }),
    })
}

/// Every plan of the site, read from `data` (the site's data files, perhaps with a task
/// table changed), with the problems found.
fn load_plans(
    sources: &SiteSources,
    data: &BTreeMap<String, Vec<u8>>,
    config: &Config,
    i18n: &I18n,
    dirs: &[String],
) -> (Vec<Plan>, Vec<Diagnostic>) {
    let mut pages = sources.pages.clone();
    let plan_pages = take_plan_pages(&mut pages, dirs);
    let inputs = PlanInputs {
        data,
        pages: plan_pages,
        config,
        i18n,
    };
    let (plans, _, found) = plan::load(inputs);
    (plans, found)
}

/// The plan asked for, else the most recently issued one; with the others the site has.
fn choose_plan<'p>(
    asked: Option<&str>,
    dirs: &[String],
    plans: &'p [Plan],
    found: &[Diagnostic],
) -> Result<(&'p Plan, Vec<String>), Vec<Diagnostic>> {
    if dirs.is_empty() {
        return Err(vec![
            Diagnostic::usage("usage-new-plan", t!("new-no-plan"))
                .with_hint(t!("new-no-plan-hint")),
        ]);
    }
    let dir = match asked {
        Some(asked) => {
            let dir = super::content_relative(asked);
            let dir = dir.strip_suffix("plan.toml").unwrap_or(&dir);
            let dir = dir.trim_matches('/').to_string();
            if !dirs.contains(&dir) {
                return Err(vec![
                    Diagnostic::usage(
                        "usage-new-plan",
                        t!("new-not-a-plan", dir = &dir, plans = dirs.join(", ")),
                    )
                    .with_hint(t!("new-not-a-plan-hint")),
                ]);
            }
            dir
        }
        None => {
            let latest = plans
                .iter()
                .max_by(|a, b| (a.document.issued, &b.dir).cmp(&(b.document.issued, &a.dir)));
            match latest {
                Some(plan) => plan.dir.clone(),
                None => dirs[0].clone(),
            }
        }
    };
    let Some(plan) = plans.iter().find(|p| p.dir == dir) else {
        // The plan could not be read: what is wrong with it comes first.
        let prefix = format!("{CONTENT_DIR}/{dir}/");
        let own: Vec<Diagnostic> = found
            .iter()
            .filter(|d| dir.is_empty() || d.file.starts_with(&prefix))
            .cloned()
            .collect();
        return Err(if own.is_empty() { found.to_vec() } else { own });
    };
    let others = if asked.is_some() {
        Vec::new()
    } else {
        dirs.iter().filter(|d| **d != dir).cloned().collect()
    };
    Ok((plan, others))
}

/// The group asked for (by id, order or title), else the group of the last task, else the
/// first group; `None` for a plan without groups.
fn choose_group(plan: &Plan, asked: Option<&str>) -> Result<Option<String>, Vec<Diagnostic>> {
    let Some(asked) = asked else {
        let last = plan
            .tasks
            .iter()
            .max_by_key(|t| t.line)
            .map(|t| t.group.clone());
        let first = plan
            .groups
            .iter()
            .min_by_key(|g| g.order)
            .map(|g| g.id.clone());
        return Ok(last.or(first));
    };
    let folded = fold_ascii(asked.trim());
    let found = plan.groups.iter().find(|g| {
        g.id == asked.trim()
            || asked.trim().parse::<u32>().is_ok_and(|n| n == g.order)
            || g.titles.values().any(|t| fold_ascii(t) == folded)
    });
    match found {
        Some(group) => Ok(Some(group.id.clone())),
        None => {
            let ids: Vec<&str> = plan.groups.iter().map(|g| g.id.as_str()).collect();
            Err(vec![
                Diagnostic::usage(
                    "usage-new-task-group",
                    t!("new-task-no-group", group = asked, groups = ids.join(", ")),
                )
                .with_hint(t!("new-task-no-group-hint")),
            ])
        }
    }
}

/// The values of the new row, by field.
struct NewRow {
    title: String,
    group: String,
    lead: String,
    due: String,
    /// The group's tasks, by line, to number the new one after.
    after: Vec<(usize, String)>,
}

impl NewRow {
    fn fill(
        plan: &Plan,
        group: Option<&str>,
        request: &TaskRequest,
        config: &Config,
        today: NaiveDate,
    ) -> Result<NewRow, Vec<Diagnostic>> {
        let group = group.unwrap_or_default().to_string();
        let in_group: Vec<&tasks::Task> = plan.tasks.iter().filter(|t| t.group == group).collect();
        let last = in_group
            .iter()
            .copied()
            .max_by_key(|t| t.line)
            .or_else(|| plan.tasks.iter().max_by_key(|t| t.line));
        let lead = match (&request.lead, last) {
            (Some(lead), _) => lead.trim().to_string(),
            (None, Some(task)) => task.lead.clone(),
            (None, None) => match plan.registry.units.first() {
                Some(unit) => unit.id().to_string(),
                None => {
                    return Err(vec![
                        Diagnostic::usage("usage-new-task-lead", t!("new-task-lead"))
                            .with_hint(t!("new-task-lead-hint")),
                    ]);
                }
            },
        };
        let title = match &request.title {
            Some(title) => super::checked_title(title)?.to_string(),
            None if config.default_language == "vi" => "Nhiệm vụ mới".to_string(),
            None => "New task".to_string(),
        };
        let year = period_end_year(&plan.document.period).unwrap_or(today.year());
        let due = match &request.due {
            Some(due) => due.trim().to_string(),
            None => format!("31/12/{year}"),
        };
        Ok(NewRow {
            title: nfc(&title),
            group,
            lead: nfc(&lead),
            due: nfc(&due),
            after: in_group.iter().map(|t| (t.line, t.id.clone())).collect(),
        })
    }

    /// The cell of the new row for the column named `name`.
    fn cell(&self, name: &str, table: &Table, plan: &Plan) -> String {
        let Some(field) = field_of(name) else {
            return String::new();
        };
        match field {
            Field::Id => self.next_id(plan),
            Field::Stt => self.next_number(table).to_string(),
            Field::Group => self.group.clone(),
            Field::Title => self.title.clone(),
            Field::Lead => self.lead.clone(),
            Field::Due => self.due.clone(),
            // A header in English takes the English word; else the appendix's Vietnamese.
            Field::Status if name_key(name) == name_key(Field::Status.key()) => {
                "not_started".to_string()
            }
            Field::Status => "Chưa thực hiện".to_string(),
            Field::Percent => "0".to_string(),
            Field::Start | Field::TitleEn | Field::Partners | Field::Budget | Field::Output => {
                String::new()
            }
        }
    }

    /// The id after the group's last task's (`NV-1.09` -> `NV-1.10`), not used elsewhere.
    fn next_id(&self, plan: &Plan) -> String {
        let base = self
            .after
            .iter()
            .max_by_key(|(line, _)| *line)
            .map(|(_, id)| id.clone())
            .or_else(|| {
                plan.tasks
                    .iter()
                    .max_by_key(|t| t.line)
                    .map(|t| t.id.clone())
            })
            .unwrap_or_else(|| "NV-00".to_string());
        let taken = |id: &str| plan.tasks.iter().any(|t| t.id.eq_ignore_ascii_case(id));
        let mut id = increment(&base);
        while taken(&id) {
            id = increment(&id);
        }
        id
    }

    /// The `STT` after the group's last task's.
    fn next_number(&self, table: &Table) -> u64 {
        let Some(column) = table
            .header
            .iter()
            .position(|c| field_of(&c.text) == Some(Field::Stt))
        else {
            return 1;
        };
        let numbers = table.rows.iter().filter_map(|row| {
            self.after
                .iter()
                .any(|(line, _)| *line == row.line)
                .then(|| {
                    let text = row.cells.get(column).map_or("", |c| c.text.as_str());
                    let last = text.trim_end_matches('.').rsplit('.').next().unwrap_or("");
                    last.trim().parse::<u64>().ok()
                })?
        });
        numbers.max().map_or(1, |n| n + 1)
    }
}

/// `NV-1.09` -> `NV-1.10`, `NV-99` -> `NV-100`, `A` -> `A-1`.
fn increment(id: &str) -> String {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return format!("{id}-1");
    }
    let (stem, number) = id.split_at(id.len() - digits);
    let next = number.parse::<u64>().map_or(1, |n| n + 1);
    format!("{stem}{next:0digits$}")
}

/// The last year a plan's period names: `2026` -> 2026, `2021-2025` -> 2025.
fn period_end_year(period: &str) -> Option<i32> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse().ok())
        .next_back()
}

fn plan_file(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

fn unwritable(file: &str) -> Diagnostic {
    Diagnostic::usage(
        "usage-new-task-table",
        t!("new-task-unwritable", file = file),
    )
    .in_file(file)
    .with_hint(t!("new-task-unwritable-hint"))
}

/// A new task table holding the header of the content format and the one row.
fn new_table(row: &NewRow) -> (Vec<u8>, usize) {
    let header = [
        "id", "group", "title", "lead", "partners", "start", "due", "status", "percent", "budget",
        "output",
    ];
    let cells = [
        "NV-01",
        row.group.as_str(),
        row.title.as_str(),
        row.lead.as_str(),
        "",
        "",
        row.due.as_str(),
        "not_started",
        "0",
        "",
        "",
    ];
    let text = format!(
        "{}\n{}\n",
        header.join(","),
        cells
            .iter()
            .map(|c| quoted(c, b','))
            .collect::<Vec<_>>()
            .join(",")
    );
    (text.into_bytes(), 2)
}

/// The table's bytes with the new row after the last task of its group (else after the
/// last task, else at the end), and the line the row starts on. `None` when the file's
/// text cannot be followed line by line.
fn insert_row(bytes: &[u8], table: &Table, plan: &Plan, row: &NewRow) -> Option<(Vec<u8>, usize)> {
    let text = std::str::from_utf8(bytes).ok()?;
    let starts = line_starts(text);
    let after = row
        .after
        .iter()
        .map(|(line, _)| *line)
        .max()
        .or_else(|| plan.tasks.iter().map(|t| t.line).max());
    // Insert before the first record after that task (or at the end), then step back over
    // the line ends (blank lines between records stay below the new row).
    let next = after.and_then(|after| {
        table
            .rows
            .iter()
            .map(|r| r.line)
            .filter(|line| *line > after)
            .min()
    });
    let at = match next {
        Some(line) => *starts.get(line - 1)?,
        None => text.len(),
    };
    let at = text[..at].trim_end_matches(['\r', '\n']).len();
    let eol = if text.contains("\r\n") {
        "\r\n"
    } else if text.contains('\r') {
        "\r"
    } else {
        "\n"
    };
    let delimiter = table.delimiter;
    let record = table
        .header
        .iter()
        .map(|name| quoted(&row.cell(&name.text, table, plan), delimiter))
        .collect::<Vec<_>>()
        .join(&char::from(delimiter).to_string());
    let line = line_starts(&text[..at]).len() + 1;
    let mut out = String::with_capacity(text.len() + record.len() + 2);
    out.push_str(&text[..at]);
    out.push_str(eol);
    out.push_str(&record);
    out.push_str(&text[at..]);
    Some((out.into_bytes(), line))
}

/// Where each line of `text` starts; a line ends at LF, CRLF or a lone CR, as the table
/// reader counts them.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// A cell as CSV writes it: in double quotes when it holds the separator, a quote or a
/// line break.
fn quoted(cell: &str, delimiter: u8) -> String {
    if cell.contains(['"', '\n', '\r', char::from(delimiter)]) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_count_on_in_their_own_width() {
        assert_eq!(increment("NV-1.09"), "NV-1.10");
        assert_eq!(increment("NV-05"), "NV-06");
        assert_eq!(increment("NV-99"), "NV-100");
        assert_eq!(increment("NV-II.3"), "NV-II.4");
        assert_eq!(increment("A"), "A-1");
    }

    #[test]
    fn a_period_ends_in_its_last_year() {
        assert_eq!(period_end_year("2026"), Some(2026));
        assert_eq!(period_end_year("2021-2025"), Some(2025));
        assert_eq!(period_end_year("giai đoạn 2021 – 2025"), Some(2025));
        assert_eq!(period_end_year("dài hạn"), None);
    }

    #[test]
    fn lines_end_as_the_table_reader_counts_them() {
        assert_eq!(line_starts("a\nb\r\nc\rd"), [0, 2, 5, 7]);
        assert_eq!(line_starts(""), [0]);
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(quoted("Sở Y tế", b','), "Sở Y tế");
        assert_eq!(quoted("a, b", b','), "\"a, b\"");
        assert_eq!(quoted("a, b", b';'), "a, b");
        assert_eq!(quoted("say \"hi\"", b','), "\"say \"\"hi\"\"\"");
    }
}
