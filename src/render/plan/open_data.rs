//! The open-data page: each target's data files, the task list and the plan's sources.

use tera::Value;

use super::{PlanView, archive_name, list, map};
use crate::content::plan::pages::INDICATORS_SEGMENT;

impl PlanView<'_> {
    /// What the open-data page lists.
    pub fn open_data(&self) -> Value {
        let datasets = list(&self.plan.indicators, |indicator| {
            let readings = self.plan.readings_of(&indicator.id);
            let count = readings.len();
            let last = readings.iter().map(|r| r.period).max();
            map(vec![
                ("id", Value::from(indicator.id.as_str())),
                (
                    "name",
                    Value::from(indicator.name.get(self.lang, self.default_lang())),
                ),
                (
                    "url",
                    Value::from(self.url(&format!("{INDICATORS_SEGMENT}/{}", indicator.id))),
                ),
                (
                    "csv_url",
                    Value::from(self.data_url(&format!("{}.csv", indicator.id))),
                ),
                (
                    "json_url",
                    Value::from(self.data_url(&format!("{}.json", indicator.id))),
                ),
                ("readings", Value::from(count)),
                ("last_label", Value::from(last.map(|p| p.label(self.lang)))),
            ])
        });
        let sources = list(&self.plan.sources, |path| {
            map(vec![
                ("file", Value::from(path.as_str())),
                (
                    "url",
                    Value::from(self.site.url(&self.site.asset_path(path))),
                ),
            ])
        });
        map(vec![
            ("datasets", datasets),
            ("tasks_csv_url", Value::from(self.data_url("nhiem-vu.csv"))),
            (
                "tasks_json_url",
                Value::from(self.data_url("nhiem-vu.json")),
            ),
            (
                "archive_url",
                Value::from(self.data_url(&archive_name(self.plan))),
            ),
            ("catalog_url", Value::from(self.data_url("catalog.json"))),
            ("sources", sources),
        ])
    }
}
