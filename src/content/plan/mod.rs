//! Plans as content (pure): `plan.toml`, task groups, indicators, tasks, progress data.

pub mod indicators;
pub mod period;
pub mod registry;
