//! A campaign's dates (pure): `[extra.campaign]` with `start` and `end`, each a TOML date
//! or a `"YYYY-MM-DD"` text, checked for presence, form and order. No disk.

use std::ops::Range;

use chrono::NaiveDate;

use super::Campaign;
use super::check::Check;
use crate::content::front_matter::{PlacedTable, PlacedValue};
use crate::t;

impl Check<'_> {
    pub(super) fn campaign(&mut self, extra: &PlacedTable) -> Option<Campaign> {
        let (key, value) = extra.get_key_value("campaign")?;
        let Some(table) = value.get_ref().as_table() else {
            self.error(
                "awareness-campaign",
                t!("awareness-campaign-not-a-table"),
                value.span(),
                t!("awareness-campaign-not-a-table-hint"),
            );
            return None;
        };
        self.unknown_keys(table, &["start", "end"], "extra.campaign");
        let start = self.date(table, "start", key.span());
        let end = self.date(table, "end", key.span());
        let (start, end) = (start?, end?);
        if end < start {
            let span = table.get("end").map_or(key.span(), |v| v.span());
            self.error(
                "awareness-campaign",
                t!(
                    "awareness-campaign-ends-first",
                    end = end.to_string(),
                    start = start.to_string()
                ),
                span,
                t!("awareness-campaign-ends-first-hint"),
            );
            return None;
        }
        Some(Campaign { start, end })
    }

    fn date(&mut self, table: &PlacedTable, key: &str, owner: Range<usize>) -> Option<NaiveDate> {
        let Some(value) = table.get(key) else {
            self.error(
                "awareness-campaign",
                t!("awareness-campaign-no-date", key = key),
                owner,
                t!("awareness-campaign-no-date-hint", key = key),
            );
            return None;
        };
        let parsed = match value.get_ref() {
            PlacedValue::Datetime(at) => at.date.and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
            }),
            PlacedValue::Text(text) => NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                "awareness-campaign",
                t!("awareness-campaign-not-a-date", key = key),
                value.span(),
                t!("awareness-campaign-not-a-date-hint", key = key),
            );
        }
        parsed
    }
}
