//! A plan's open data (pure): each indicator's readings as CSV and JSON, the task table as
//! CSV and JSON, one archive of the plan's source files, and a machine-readable catalogue
//! (DCAT vocabulary, JSON-LD). The CSV files hold exactly the readings of the sources, in
//! minhbach's layout, whatever layout or format they were written in.

use std::collections::BTreeMap;
use std::io::Write as _;

use serde_json::{Value as Json, json};

use crate::content::plan::Plan;
use crate::content::plan::readings::{READINGS_HEADER, Reading};
use crate::content::plan::tasks::Budget;
use crate::site::Site;

use super::plan::{archive_name, data_folder};

/// One file a plan publishes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum File {
    ReadingsCsv(String),
    ReadingsJson(String),
    TasksCsv,
    TasksJson,
    Archive,
    Catalog,
}

/// Every file a plan publishes, with its path in the output folder.
pub fn files(site: &Site, plan: &Plan) -> Vec<(String, File)> {
    let folder = data_folder(site, plan);
    let path = |name: &str| format!("{}{name}", folder.trim_start_matches('/'));
    let mut out = Vec::with_capacity(plan.indicators.len() * 2 + 4);
    for indicator in &plan.indicators {
        out.push((
            path(&format!("{}.csv", indicator.id)),
            File::ReadingsCsv(indicator.id.clone()),
        ));
        out.push((
            path(&format!("{}.json", indicator.id)),
            File::ReadingsJson(indicator.id.clone()),
        ));
    }
    out.push((path("nhiem-vu.csv"), File::TasksCsv));
    out.push((path("nhiem-vu.json"), File::TasksJson));
    out.push((path(&archive_name(plan)), File::Archive));
    out.push((path("catalog.json"), File::Catalog));
    out
}

/// The bytes of one file of a plan. `data` holds the source files by their path inside
/// `content/`.
pub fn make(site: &Site, plan: &Plan, file: &File, data: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let readings = |id: &str| -> Vec<&Reading> { plan.readings_of(id).iter().collect() };
    match file {
        File::ReadingsCsv(id) => {
            let unit = plan.indicator(id).map_or_else(String::new, |i| {
                i.measure.written(&site.config.default_language)
            });
            csv_file(&site.config.data, readings_csv(&readings(id), &unit))
        }
        File::ReadingsJson(id) => pretty(&indicator_json(site, plan, id, &readings(id))),
        File::TasksCsv => csv_file(&site.config.data, tasks_csv(plan)),
        File::TasksJson => pretty(&tasks_json(site, plan)),
        File::Archive => archive(site, plan, data),
        File::Catalog => pretty(&catalog(site, plan, &data_folder(site, plan))),
    }
}

/// A CSV download as published: with a UTF-8 byte-order mark unless `[data] csv_bom = false`
/// (Excel reads a CSV without one in the computer's legacy encoding, and Vietnamese turns to
/// mojibake).
fn csv_file(data: &crate::config::DataConfig, rows: Vec<u8>) -> Vec<u8> {
    if data.csv_bom {
        [b"\xEF\xBB\xBF".as_slice(), &rows].concat()
    } else {
        rows
    }
}

/// A cell as written into a CSV download: text that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, a tab or CR first, and not a number) gets a `'` in front.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The readings in minhbach's layout, with the unit they are counted in as a last column
/// (a known unit's id, or the agency's words as written).
fn readings_csv(readings: &[&Reading], unit: &str) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(READINGS_HEADER.iter().chain(&["unit"]));
    for r in readings {
        let value = number(r.value);
        let period = r.period.to_string();
        let _ = writer.write_record(
            [
                r.indicator.as_str(),
                &period,
                &value,
                r.breakdown.as_deref().unwrap_or(""),
                &r.note,
                &r.source,
                unit,
            ]
            .map(|text| cell(text).into_owned()),
        );
    }
    writer.into_inner().unwrap_or_default()
}

/// A number as data files write it: `78.5`, `90` (no exponent, no trailing zeros).
fn number(value: f64) -> String {
    let text = format!("{value}");
    if text.contains('e') {
        format!("{value:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        text
    }
}

fn indicator_json(site: &Site, plan: &Plan, id: &str, readings: &[&Reading]) -> Json {
    let default = site.config.default_language.as_str();
    let Some(indicator) = plan.indicator(id) else {
        return Json::Null;
    };
    let texts = |t: &crate::values::LocalText| -> Json {
        site.config
            .languages
            .iter()
            .map(|l| (l.clone(), json!(t.get(l, default))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let assessment = plan.assessments.get(id);
    json!({
        "id": indicator.id,
        "plan": plan.document.id,
        "group": indicator.group,
        "name": texts(&indicator.name),
        "unit": indicator.measure.written(default),
        "direction": indicator.direction.key(),
        "baseline": { "period": indicator.baseline.period.to_string(), "value": indicator.baseline.value },
        "target": { "period": indicator.target.period.to_string(), "value": indicator.target.value },
        "milestones": indicator.milestones.iter().map(|m| json!({ "period": m.period.to_string(), "value": m.value })).collect::<Vec<_>>(),
        "method": texts(&indicator.method),
        "source": texts(&indicator.source),
        "frequency": indicator.frequency,
        "responsible": indicator.responsible,
        "breakdown": indicator.breakdown.as_ref().map(|b| b.name.as_str()),
        "status": assessment.map(|a| a.status.key()),
        "as_of": site.config.as_of.map(|d| d.iso()),
        "readings": readings.iter().map(|r| json!({
            "period": r.period.to_string(),
            "value": r.value,
            "breakdown": r.breakdown,
            "note": r.note,
            "source": r.source,
        })).collect::<Vec<_>>(),
    })
}

/// The column order of a plan's `tasks.csv`.
const TASKS_HEADER: [&str; 11] = [
    "id", "group", "title", "lead", "partners", "start", "due", "status", "percent", "budget",
    "output",
];

fn tasks_csv(plan: &Plan) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(TASKS_HEADER);
    for task in &plan.tasks {
        let state = serde_json::to_value(task.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writer.write_record(
            [
                task.id.as_str(),
                &task.group,
                &task.title,
                &task.lead,
                &task.partners.join(";"),
                &task.start_text,
                &task.due_text,
                &state,
                &task.percent.map(number).unwrap_or_default(),
                &match &task.budget {
                    Some(Budget::Amount(amount)) => number(*amount),
                    Some(Budget::Note(note)) => note.clone(),
                    None => String::new(),
                },
                &task.output,
            ]
            .map(|text| cell(text).into_owned()),
        );
    }
    writer.into_inner().unwrap_or_default()
}

fn tasks_json(site: &Site, plan: &Plan) -> Json {
    json!({
        "plan": plan.document.id,
        "as_of": site.config.as_of.map(|d| d.iso()),
        "tasks": plan.tasks.iter().zip(&plan.task_statuses).map(|(t, status)| task_json(t, *status)).collect::<Vec<_>>(),
    })
}

/// A task in the JSON download; a budget that is a funding note is `budget_note`, and
/// English titles are `title_en`.
fn task_json(
    t: &crate::content::plan::tasks::Task,
    status: crate::content::plan::status::TaskStatus,
) -> Json {
    let mut task = json!({
            "id": t.id,
            "group": t.group,
            "title": t.title,
            "lead": t.lead,
            "partners": t.partners,
            "start": t.start_text,
            "due": t.due_text,
            "due_date": t.due_date().map(|d| d.format("%Y-%m-%d").to_string()),
            "state": t.state,
            "status": status.key(),
            "percent": t.percent,
            "budget_million_vnd": t.amount(),
            "output": t.output,
    });
    if let Some(object) = task.as_object_mut() {
        if let Some(note) = t.budget.as_ref().and_then(Budget::note) {
            object.insert("budget_note".into(), Json::from(note));
        }
        for (lang, title) in &t.translations {
            object.insert(format!("title_{lang}"), Json::from(title.as_str()));
        }
    }
    task
}

/// A zip of the plan's source files as they are. Entries carry the site's `as_of` date (or
/// the plan's date) instead of file times, so the same sources make the same archive.
fn archive(site: &Site, plan: &Plan, data: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let date = site
        .config
        .as_of
        .map_or(plan.document.issued.date(), |d| d.date());
    let stamp = {
        use chrono::Datelike;
        zip::DateTime::from_date_and_time(
            date.year().clamp(1980, 2107) as u16,
            date.month() as u8,
            date.day() as u8,
            0,
            0,
            0,
        )
        .unwrap_or_default()
    };
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for path in &plan.sources {
        let Some(bytes) = data.get(path) else {
            continue;
        };
        if writer.start_file(path.as_str(), options).is_ok() {
            let _ = writer.write_all(bytes);
        }
    }
    writer
        .finish()
        .map(|cursor| cursor.into_inner())
        .unwrap_or_default()
}

/// The plan's datasets described with the DCAT vocabulary, so portals can harvest them.
fn catalog(site: &Site, plan: &Plan, folder: &str) -> Json {
    let default = site.config.default_language.as_str();
    let url = |name: &str| site.permalink(&format!("{folder}{name}"));
    let publisher = site
        .config
        .agency
        .name
        .as_ref()
        .map(|n| n.get(default, default).to_string());
    let datasets: Vec<Json> = plan
        .indicators
        .iter()
        .map(|indicator| {
            let periods: Vec<_> = plan.readings_of(&indicator.id).iter().map(|r| r.period).collect();
            let first = periods.iter().min().map(|p| p.start().format("%Y-%m-%d").to_string());
            let last = periods.iter().max().map(|p| p.end().format("%Y-%m-%d").to_string());
            json!({
                "@type": "dcat:Dataset",
                "dct:identifier": indicator.id,
                "dct:title": indicator.name.get(default, default),
                "dct:description": indicator.method.get(default, default),
                "dcat:theme": indicator.group,
                "dct:temporal": { "@type": "dct:PeriodOfTime", "dcat:startDate": first, "dcat:endDate": last },
                "dct:accrualPeriodicity": indicator.frequency,
                "dcat:distribution": [
                    { "@type": "dcat:Distribution", "dcat:mediaType": "text/csv", "dcat:downloadURL": url(&format!("{}.csv", indicator.id)) },
                    { "@type": "dcat:Distribution", "dcat:mediaType": "application/json", "dcat:downloadURL": url(&format!("{}.json", indicator.id)) },
                ],
            })
        })
        .collect();
    json!({
        "@context": { "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/" },
        "@type": "dcat:Catalog",
        "dct:title": plan.document.title.get(default, default),
        "dct:publisher": publisher,
        "dct:issued": plan.document.issued.iso(),
        "dct:modified": site.config.as_of.map(|d| d.iso()),
        "dct:language": site.config.languages,
        "dct:license": site.config.data.license_url(),
        "dcat:dataset": datasets,
        "dcat:distribution": [
            { "@type": "dcat:Distribution", "dcat:mediaType": "text/csv", "dct:title": "tasks", "dcat:downloadURL": url("nhiem-vu.csv") },
            { "@type": "dcat:Distribution", "dcat:mediaType": "application/zip", "dct:title": "archive", "dcat:downloadURL": url(&archive_name(plan)) },
        ],
    })
}

fn pretty(value: &Json) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::{cell, number};

    #[test]
    fn cells_that_would_run_as_formulas_are_neutralised() {
        for (written, published) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+84 912", "'+84 912"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("-5", "-5"),
            ("+3.5", "+3.5"),
            ("Sở Khoa học", "Sở Khoa học"),
        ] {
            assert_eq!(cell(written), published, "{written}");
        }
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(number(78.5), "78.5");
        assert_eq!(number(90.0), "90");
        assert_eq!(number(-3.25), "-3.25");
    }
}
