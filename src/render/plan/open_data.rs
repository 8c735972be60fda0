//! The open-data page: each target's data files, the task list and the plan's sources.

use tera::Value;

use super::{PlanView, archive_name, list, map};

impl PlanView<'_> {
    /// What the open-data page lists.
    pub fn open_data(&self) -> Value {
        let datasets = list(&self.plan.indicators, |indicator| {
            let readings = self.plan.readings_of(&indicator.id);
            let count = readings.len();
            let last = readings.iter().map(|r| r.period).max();
            map([
                self.indicator_heading(indicator),
                vec![
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
                ],
            ]
            .concat())
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
            (
                "license",
                Value::from(self.site.config.data.license.as_deref()),
            ),
            (
                "license_url",
                Value::from(self.site.config.data.license_url()),
            ),
            ("sources", sources),
        ])
    }
}
