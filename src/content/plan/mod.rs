//! Plans as content (pure): `plan.toml`, task groups, indicators, tasks, progress data.

pub mod boundaries;
pub mod document;
pub mod indicators;
mod load;
pub mod pages;
pub mod period;
pub mod readings;
pub mod registry;
pub mod status;
pub mod table;
pub mod tasks;

pub use load::{Group, Plan, PlanInputs, attach, load, plan_dirs, take_plan_pages};
pub use pages::{PlanPage, TaskFilter};
