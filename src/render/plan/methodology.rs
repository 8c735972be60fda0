//! The methodology page: the numbers the status rules use, as the code applies them.

use tera::Value;

use super::{PlanView, map};
use crate::format;

impl PlanView<'_> {
    /// The numbers the methodology page states, taken from the code that applies them.
    pub fn methodology(&self) -> Value {
        map(vec![
            (
                "on_track",
                Value::from(format::number(
                    crate::content::plan::status::ON_TRACK_RATIO,
                    2,
                    self.lang,
                )),
            ),
            (
                "at_risk",
                Value::from(format::number(
                    crate::content::plan::status::AT_RISK_RATIO,
                    2,
                    self.lang,
                )),
            ),
            (
                "tolerance",
                Value::from(format::share(
                    crate::content::plan::status::MAINTAIN_TOLERANCE,
                    self.lang,
                )),
            ),
            (
                "growth_years",
                Value::from(crate::content::plan::status::COMPOUND_GROWTH_YEARS),
            ),
            (
                "as_of_label",
                Value::from(
                    self.site
                        .config
                        .as_of
                        .map(|d| format::date(d.date(), self.lang)),
                ),
            ),
        ])
    }
}
