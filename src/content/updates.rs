//! "What changed" news entries made from progress data (pure): whenever a plan's data has
//! readings for a new reporting date, the site's news section gets an entry saying which
//! indicators have new readings and whose status changed — written from the data, never by
//! hand, so it is in the news list, the feed and search like any other article.
//!
//! - Readings are the overall ones (no breakdown) of periods after each indicator's
//!   baseline period, grouped by the day their period ends: the month 2025-09 and the
//!   quarter 2025-Q3 both report on 30/9/2025 and make one entry.
//! - The entry is dated that day (or `as_of`, if the period ends after it), so a build never
//!   depends on the clock. A status change compares the indicator's status with and without
//!   the new readings, both judged on that day.
//! - The entries go into the news section (`kind = "news"`, the shortest folder first) in
//!   each language the section is written in; `[extra] data_updates = false` in its
//!   `_index.md` turns them off.
//! - Addresses are stable: `tin-tuc/cap-nhat-so-lieu-PLAN-2025-09-30/`, and in other
//!   languages `…/progress-data-PLAN-2025-09-30/`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::config::Config;
use crate::content::plan::indicators::Indicator;
use crate::content::plan::period::Period;
use crate::content::plan::readings::Reading;
use crate::content::plan::status::{self, Point, Status};
use crate::content::plan::{Plan, pages::INDICATORS_SEGMENT};
use crate::content::{ContentPage, FrontMatter, SECTION_STEM};
use crate::format;
use crate::i18n::I18n;
use crate::values::DateValue;

/// Marks a generated entry in its `[extra]` (`page.extra.data_update` in templates).
pub const EXTRA_KEY: &str = "data_update";
/// How many indicators a generated entry reports, in its `[extra]`.
pub const EXTRA_COUNT_KEY: &str = "data_update_indicators";

/// One indicator's part in an update.
#[derive(Clone, Debug)]
pub struct Change<'a> {
    pub indicator: &'a Indicator,
    pub reading: &'a Reading,
    pub previous: Option<&'a Reading>,
    pub before: Status,
    pub after: Status,
}

/// The readings of one reporting date of one plan.
#[derive(Clone, Debug)]
pub struct Update<'a> {
    pub plan: &'a Plan,
    /// The day the readings' periods end.
    pub ends: NaiveDate,
    /// The entry's date: `ends`, or `as_of` when the period ends after it.
    pub date: NaiveDate,
    /// The distinct periods of the readings, in order.
    pub periods: Vec<Period>,
    /// In the order of the plan's indicators.
    pub changes: Vec<Change<'a>>,
}

/// Every update of a plan's data, oldest first.
pub fn updates(plan: &Plan, as_of: Option<NaiveDate>) -> Vec<Update<'_>> {
    let mut by_day: BTreeMap<NaiveDate, Vec<&Reading>> = BTreeMap::new();
    for reading in plan.readings.iter().filter(|r| r.breakdown.is_none()) {
        let Some(indicator) = plan.indicator(&reading.indicator) else {
            continue;
        };
        if reading.period > indicator.baseline.period {
            by_day
                .entry(reading.period.end())
                .or_default()
                .push(reading);
        }
    }
    by_day
        .into_iter()
        .map(|(ends, readings)| {
            let mut periods: Vec<Period> = readings.iter().map(|r| r.period).collect();
            periods.sort();
            periods.dedup();
            let changes = plan
                .indicators
                .iter()
                .filter_map(|indicator| {
                    // A month and a quarter of one indicator may end on the same day: the
                    // longer period is the one reported.
                    let reading = readings
                        .iter()
                        .filter(|r| r.indicator == indicator.id)
                        .max_by(|a, b| a.period.cmp(&b.period))?;
                    Some(change(plan, indicator, reading, ends))
                })
                .collect();
            Update {
                plan,
                ends,
                date: as_of.map_or(ends, |as_of| ends.min(as_of)),
                periods,
                changes,
            }
        })
        .collect()
}

fn change<'a>(
    plan: &'a Plan,
    indicator: &'a Indicator,
    reading: &'a Reading,
    ends: NaiveDate,
) -> Change<'a> {
    let totals = plan.totals(&indicator.id);
    let points = |keep: &dyn Fn(&Reading) -> bool| -> Vec<Point> {
        totals
            .iter()
            .filter(|r| keep(r))
            .map(|r| Point {
                period: r.period,
                value: r.value,
            })
            .collect()
    };
    let goal = indicator.goal();
    let before = status::assess(&goal, &points(&|r| r.period.end() < ends), Some(ends));
    let after = status::assess(&goal, &points(&|r| r.period.end() <= ends), Some(ends));
    let previous = totals
        .iter()
        .copied()
        .filter(|r| r.period.end() < ends)
        .max_by(|a, b| a.period.cmp(&b.period));
    Change {
        indicator,
        reading,
        previous,
        before: before.status,
        after: after.status,
    }
}

/// The folder of the news section that gets the entries, if the site has one that wants them.
pub fn news_folder(pages: &[ContentPage], config: &Config) -> Option<String> {
    let mut found: Vec<&ContentPage> = pages
        .iter()
        .filter(|p| p.is_section() && p.lang == config.default_language)
        .filter(|p| {
            let kind = p.front.extra.get("kind").and_then(|v| v.as_str());
            kind == Some("news") || (kind.is_none() && p.dir.rsplit('/').next() == Some("news"))
        })
        .collect();
    found.sort_by_key(|p| (p.dir.matches('/').count(), p.dir.clone()));
    let section = found.first()?;
    let wanted = section
        .front
        .extra
        .get("data_updates")
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    wanted.then(|| section.dir.clone())
}

/// The entries for every plan's updates, in each language the news section is written in.
pub fn pages(
    plans: &[Plan],
    pages: &[ContentPage],
    config: &Config,
    i18n: &I18n,
) -> Vec<ContentPage> {
    let Some(dir) = news_folder(pages, config) else {
        return Vec::new();
    };
    let languages: Vec<&String> = config
        .languages
        .iter()
        .filter(|lang| pages.iter().any(|p| p.dir == dir && p.lang == **lang))
        .collect();
    let as_of = config.as_of.map(|d| d.date());
    let mut out = Vec::new();
    for plan in plans {
        for update in updates(plan, as_of) {
            for lang in &languages {
                out.push(entry(&update, &dir, lang, config, i18n));
            }
        }
    }
    out
}

fn entry(update: &Update<'_>, dir: &str, lang: &str, config: &Config, i18n: &I18n) -> ContentPage {
    let default = config.default_language.as_str();
    let plan = update.plan;
    let day = update.ends.format("%Y-%m-%d");
    let id = crate::slug::slugify(&plan.document.id);
    let stem = format!("cap-nhat-so-lieu-{id}-{day}");
    let key = format!("{dir}/{stem}.md");
    let content_path = if lang == default {
        key.clone()
    } else {
        format!("{dir}/{stem}.{lang}.md")
    };
    let t = |key: &str| i18n.get(lang, key).unwrap_or(key).to_string();
    let count = format::number(update.changes.len() as f64, 0, lang);
    let periods = update
        .periods
        .iter()
        .map(|p| p.label_in_sentence(lang))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", t("data_update_and")));
    let plan_title = plan.document.title.get(lang, default).to_string();
    let title = i18n.format(
        lang,
        "data_update_title",
        &[("count", &count), ("period", &periods)],
    );
    let summary = i18n.format(
        lang,
        "data_update_summary",
        &[
            ("count", &count),
            ("plan", &plan_title),
            ("period", &periods),
        ],
    );
    let mut extra = toml::Table::new();
    extra.insert(EXTRA_KEY.into(), toml::Value::Boolean(true));
    extra.insert(
        EXTRA_COUNT_KEY.into(),
        toml::Value::Integer(update.changes.len() as i64),
    );
    let file = update.changes.first().map_or_else(
        || format!("content/{}/", plan.dir),
        |c| c.reading.file.clone(),
    );
    ContentPage {
        file,
        content_path,
        key,
        dir: dir.to_string(),
        stem: stem.clone(),
        lang: lang.to_string(),
        front: FrontMatter {
            title: Some(title),
            date: Some(DateValue::from_date(update.date)),
            summary: Some(summary),
            slug: (lang != default).then(|| format!("progress-data-{id}-{day}")),
            tags: vec![t("data_update_tag")],
            extra,
            ..FrontMatter::default()
        },
        text: body(update, lang, config, i18n),
        body_offset: 0,
        body_line: 1,
        plan_page: None,
    }
}

/// The entry's text, in Markdown: what was updated, status changes, and a table of the new
/// readings with the previous ones, each indicator linked to its page.
pub fn body(update: &Update<'_>, lang: &str, config: &Config, i18n: &I18n) -> String {
    let default = config.default_language.as_str();
    let plan = update.plan;
    let t = |key: &str| i18n.get(lang, key).unwrap_or(key).to_string();
    let plan_link = format!(
        "[{}](@/{}{SECTION_STEM}.md)",
        escape(plan.document.title.get(lang, default)),
        if plan.dir.is_empty() {
            String::new()
        } else {
            format!("{}/", plan.dir)
        }
    );
    let indicator_link = |indicator: &Indicator| {
        let path = if plan.dir.is_empty() {
            format!("{INDICATORS_SEGMENT}/{}", indicator.id)
        } else {
            format!("{}/{INDICATORS_SEGMENT}/{}", plan.dir, indicator.id)
        };
        format!("[{}](@/{path})", escape(indicator.name.get(lang, default)))
    };
    let figure = |indicator: &Indicator, value: f64| {
        format::measured(value, indicator.measure.is_percent(), lang)
    };
    let status = |s: Status| t(&format!("status_{}", s.key()));
    let count = format::number(update.changes.len() as f64, 0, lang);
    let periods = update
        .periods
        .iter()
        .map(|p| p.label_in_sentence(lang))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", t("data_update_and")));

    let mut out = String::new();
    let intro = i18n.format(
        lang,
        "data_update_intro",
        &[
            ("plan", &plan_link),
            ("count", &count),
            ("period", &escape(&periods)),
        ],
    );
    let _ = writeln!(out, "{intro}\n");
    let changed: Vec<&Change<'_>> = update
        .changes
        .iter()
        .filter(|c| c.before != c.after)
        .collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "## {}\n", t("data_update_status_changes"));
        for change in changed {
            let words = i18n.format(
                lang,
                "data_update_status_change",
                &[
                    ("from", &status(change.before)),
                    ("to", &status(change.after)),
                ],
            );
            let _ = writeln!(
                out,
                "- {}: {}",
                indicator_link(change.indicator),
                escape(&words)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", t("data_update_readings"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|--:|--:|---|",
        t("indicator_name"),
        t("period"),
        t("value"),
        t("data_update_previous"),
        t("status"),
    );
    for change in &update.changes {
        let previous = match change.previous {
            Some(previous) => format!(
                "{} ({})",
                figure(change.indicator, previous.value),
                previous.period.label_in_sentence(lang)
            ),
            None => t("data_update_first"),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            indicator_link(change.indicator),
            escape(&change.reading.period.label(lang)),
            escape(&figure(change.indicator, change.reading.value)),
            escape(&previous),
            escape(&status(change.after)),
        );
    }
    let _ = writeln!(out, "\n*{}*", escape(&t("data_update_generated")));
    out
}

/// Text as Markdown shows it literally: every ASCII punctuation mark that Markdown could
/// read as syntax is escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '!'
                | '|'
                | '<'
                | '>'
                | '&'
                | '~'
                | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_in_names_is_escaped() {
        assert_eq!(
            escape("Số [a] | b_c (1-2)"),
            "Số \\[a\\] \\| b\\_c \\(1\\-2\\)"
        );
    }
}
