//! Where the plan stands (pure): the status of an indicator from its readings, and of a task
//! from its deadline and the site's `as_of` date — never the clock, so a build reproduces.
//!
//! One method, also written on the site's methodology page:
//! - **Progress** is the share of the way from the baseline to the target that the latest
//!   reading has covered: `(latest − baseline) / (target − baseline)`; the same formula
//!   serves falling targets (`direction = "decrease"`), where both differences are negative.
//! - A target met by the latest reading is **achieved**, early or not. A target whose period
//!   has ended unmet is **off track**.
//! - Otherwise progress is compared with where the target's path should be by the latest
//!   reading. For targets within a year or two, and for monthly or quarterly readings, the
//!   path is a **straight line** from baseline to target over time (expected share = time
//!   elapsed / time allowed). For targets three or more years from the baseline read once a
//!   year, it is Open SDG's **compound growth**: the actual yearly growth rate since the
//!   baseline divided by the yearly rate the target requires.
//! - The ratio (actual / expected) gives the status with Open SDG's thresholds: 0.95 or more
//!   is **on track**, from 0.5 to 0.95 **at risk**, below 0.5 (or moving away from the
//!   target) **off track**.
//! - `direction = "maintain"` targets are on track while the latest reading is within 1% of
//!   the target level, achieved when the target period ends with it held, off track otherwise.
//! - No reading after the baseline period: **no data**.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::content::plan::period::Period;

/// Thresholds of the ratio between actual and expected progress (Open SDG's).
pub const ON_TRACK_RATIO: f64 = 0.95;
pub const AT_RISK_RATIO: f64 = 0.5;
/// How close a `maintain` target's reading must stay, as a share of the target.
pub const MAINTAIN_TOLERANCE: f64 = 0.01;
/// Targets at least this many years after their baseline, read yearly, use compound growth.
pub const COMPOUND_GROWTH_YEARS: i32 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Increase,
    Decrease,
    Maintain,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NoData,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
            Status::NoData => "no_data",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Linear,
    CompoundGrowth,
    Level,
}

/// Why an indicator has its status; the theme turns it into a sentence with the numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No reading at all.
    NoReadings,
    /// Readings exist, but none after the baseline period.
    OnlyBaseline,
    TargetMet,
    /// Progress keeps up with the path to the target.
    OnPath,
    /// Behind the path, but more than half way along it.
    Behind,
    /// Less than half the expected progress.
    FarBehind,
    /// Moving away from the target since the baseline.
    WrongWay,
    /// The target's period has ended and the target was not met.
    DeadlinePassed,
    LevelHeld,
    LevelMissed,
}

impl Reason {
    pub fn key(self) -> &'static str {
        match self {
            Reason::NoReadings => "no_readings",
            Reason::OnlyBaseline => "only_baseline",
            Reason::TargetMet => "target_met",
            Reason::OnPath => "on_path",
            Reason::Behind => "behind",
            Reason::FarBehind => "far_behind",
            Reason::WrongWay => "wrong_way",
            Reason::DeadlinePassed => "deadline_passed",
            Reason::LevelHeld => "level_held",
            Reason::LevelMissed => "level_missed",
        }
    }
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Method::Linear => "linear",
            Method::CompoundGrowth => "compound_growth",
            Method::Level => "level",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub period: Period,
    pub value: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub reason: Reason,
    pub method: Option<Method>,
    pub latest: Option<Point>,
    /// Share of the way from baseline to target covered by the latest reading (1 = there).
    pub progress: Option<f64>,
    /// Share a target on its path would have covered by the latest reading.
    pub expected: Option<f64>,
    /// Actual against expected progress (or growth rate), which sets the status.
    pub ratio: Option<f64>,
}

impl Assessment {
    /// An indicator with no readings.
    pub fn no_data() -> Assessment {
        Assessment {
            status: Status::NoData,
            reason: Reason::NoReadings,
            method: None,
            latest: None,
            progress: None,
            expected: None,
            ratio: None,
        }
    }
}

/// What an indicator aims for, as `assess` needs it.
#[derive(Clone, Copy, Debug)]
pub struct Goal {
    pub direction: Direction,
    pub baseline: Point,
    pub target: Point,
}

/// The status of an indicator with `goal` from its overall readings (not breakdowns), in
/// any order; `as_of` is the date the site reports.
pub fn assess(goal: &Goal, readings: &[Point], as_of: Option<NaiveDate>) -> Assessment {
    let mut assessment = Assessment::no_data();
    let Some(latest) = readings
        .iter()
        .copied()
        .max_by(|a, b| a.period.cmp(&b.period))
    else {
        return assessment;
    };
    assessment.latest = Some(latest);
    if latest.period <= goal.baseline.period {
        assessment.reason = Reason::OnlyBaseline;
        return assessment;
    }
    let target_ended = latest.period.end() >= goal.target.period.end()
        || as_of.is_some_and(|as_of| as_of > goal.target.period.end());

    if goal.direction == Direction::Maintain {
        let held = (latest.value - goal.target.value).abs()
            <= goal.target.value.abs() * MAINTAIN_TOLERANCE;
        assessment.method = Some(Method::Level);
        (assessment.status, assessment.reason) = match (held, target_ended) {
            (true, true) => (Status::Achieved, Reason::LevelHeld),
            (true, false) => (Status::OnTrack, Reason::LevelHeld),
            (false, _) => (Status::OffTrack, Reason::LevelMissed),
        };
        return assessment;
    }

    let gap = goal.target.value - goal.baseline.value;
    if gap != 0.0 {
        assessment.progress = Some((latest.value - goal.baseline.value) / gap);
    }
    let met = match goal.direction {
        Direction::Increase => latest.value >= goal.target.value,
        _ => latest.value <= goal.target.value,
    };
    if met {
        (assessment.status, assessment.reason) = (Status::Achieved, Reason::TargetMet);
        return assessment;
    }
    if target_ended {
        (assessment.status, assessment.reason) = (Status::OffTrack, Reason::DeadlinePassed);
        return assessment;
    }
    let moving_away = match goal.direction {
        Direction::Increase => latest.value < goal.baseline.value,
        _ => latest.value > goal.baseline.value,
    };
    if gap == 0.0 || moving_away {
        (assessment.status, assessment.reason) = (Status::OffTrack, Reason::WrongWay);
        assessment.ratio = assessment.progress.map(|p| p.min(0.0));
        return assessment;
    }

    let (method, ratio, expected) = match compound_growth(goal, &latest) {
        Some(ratio) => (Method::CompoundGrowth, ratio, None),
        None => {
            let expected = linear_expectation(goal, &latest);
            let progress = assessment.progress.unwrap_or(0.0);
            (
                Method::Linear,
                if expected > 0.0 {
                    progress / expected
                } else {
                    1.0
                },
                Some(expected),
            )
        }
    };
    assessment.method = Some(method);
    assessment.expected = expected;
    assessment.ratio = Some(ratio);
    (assessment.status, assessment.reason) = if ratio >= ON_TRACK_RATIO {
        (Status::OnTrack, Reason::OnPath)
    } else if ratio >= AT_RISK_RATIO {
        (Status::AtRisk, Reason::Behind)
    } else {
        (Status::OffTrack, Reason::FarBehind)
    };
    assessment
}

/// Time elapsed from the baseline's end to the latest reading's end, as a share of the time
/// from the baseline's end to the target's end.
fn linear_expectation(goal: &Goal, latest: &Point) -> f64 {
    let allowed = (goal.target.period.end() - goal.baseline.period.end()).num_days();
    let elapsed = (latest.period.end() - goal.baseline.period.end()).num_days();
    if allowed <= 0 {
        return 1.0;
    }
    (elapsed as f64 / allowed as f64).clamp(0.0, 1.0)
}

/// Open SDG's ratio of actual to required compound yearly growth, for multi-year targets
/// read yearly with positive values; none where the method does not apply.
fn compound_growth(goal: &Goal, latest: &Point) -> Option<f64> {
    let yearly = |p: &Period| matches!(p, Period::Year(_));
    if !(yearly(&goal.baseline.period) && yearly(&latest.period) && yearly(&goal.target.period)) {
        return None;
    }
    let allowed = goal.target.period.year() - goal.baseline.period.year();
    let elapsed = latest.period.year() - goal.baseline.period.year();
    if allowed < COMPOUND_GROWTH_YEARS || elapsed <= 0 {
        return None;
    }
    if goal.baseline.value <= 0.0 || goal.target.value <= 0.0 || latest.value <= 0.0 {
        return None;
    }
    let actual = (latest.value / goal.baseline.value).powf(1.0 / f64::from(elapsed)) - 1.0;
    let required = (goal.target.value / goal.baseline.value).powf(1.0 / f64::from(allowed)) - 1.0;
    (required != 0.0).then(|| actual / required)
}

/// A task's state as written in the plan's appendix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}

/// A task's status on the site: its state, with unfinished work past its deadline overdue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Done,
    InProgress,
    NotStarted,
    Overdue,
    Cancelled,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 5] = [
        TaskStatus::Done,
        TaskStatus::InProgress,
        TaskStatus::NotStarted,
        TaskStatus::Overdue,
        TaskStatus::Cancelled,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::Done => "done",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::NotStarted => "not_started",
            TaskStatus::Overdue => "overdue",
            TaskStatus::Cancelled => "cancelled",
        }
    }
}

/// Unfinished work is overdue once `as_of` is past its due date (due on the day itself is
/// not late). Without `as_of`, nothing is overdue: the clock is never consulted.
pub fn task_status(
    state: TaskState,
    due: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
) -> TaskStatus {
    let late = matches!((due, as_of), (Some(due), Some(as_of)) if as_of > due);
    match state {
        TaskState::Done => TaskStatus::Done,
        TaskState::Cancelled => TaskStatus::Cancelled,
        TaskState::NotStarted | TaskState::InProgress if late => TaskStatus::Overdue,
        TaskState::NotStarted => TaskStatus::NotStarted,
        TaskState::InProgress => TaskStatus::InProgress,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    fn point(period: &str, value: f64) -> Point {
        Point {
            period: p(period),
            value,
        }
    }

    fn goal(direction: Direction, baseline: (&str, f64), target: (&str, f64)) -> Goal {
        Goal {
            direction,
            baseline: point(baseline.0, baseline.1),
            target: point(target.0, target.1),
        }
    }

    fn date(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test]
    fn statuses_follow_the_documented_method() {
        use Direction::*;
        let rising = goal(Increase, ("2024", 70.0), ("2025", 90.0));
        let falling = goal(Decrease, ("2024", 10.0), ("2025", 4.0));
        type Case<'a> = (&'a str, Goal, Vec<(&'a str, f64)>, &'a str, Status, Reason);
        let cases: Vec<Case<'_>> = vec![
            (
                "no readings",
                rising,
                vec![],
                "2025-09-30",
                Status::NoData,
                Reason::NoReadings,
            ),
            (
                "only the baseline",
                rising,
                vec![("2024", 70.0)],
                "2025-09-30",
                Status::NoData,
                Reason::OnlyBaseline,
            ),
            (
                "single reading on the path",
                rising,
                vec![("2025-06", 80.0)],
                "2025-09-30",
                Status::OnTrack,
                Reason::OnPath,
            ),
            (
                "behind the path",
                rising,
                vec![("2025-09", 82.0)],
                "2025-09-30",
                Status::AtRisk,
                Reason::Behind,
            ),
            (
                "far behind",
                rising,
                vec![("2025-09", 75.0)],
                "2025-09-30",
                Status::OffTrack,
                Reason::FarBehind,
            ),
            (
                "wrong way",
                rising,
                vec![("2025-06", 65.0)],
                "2025-09-30",
                Status::OffTrack,
                Reason::WrongWay,
            ),
            (
                "achieved early",
                rising,
                vec![("2025-03", 91.0), ("2025-02", 85.0)],
                "2025-09-30",
                Status::Achieved,
                Reason::TargetMet,
            ),
            (
                "target already past",
                rising,
                vec![("2025-12", 85.0)],
                "2026-03-31",
                Status::OffTrack,
                Reason::DeadlinePassed,
            ),
            (
                "past by as_of only",
                rising,
                vec![("2025-09", 89.0)],
                "2026-01-31",
                Status::OffTrack,
                Reason::DeadlinePassed,
            ),
            (
                "falling target on path",
                falling,
                vec![("2025-06", 7.0)],
                "2025-09-30",
                Status::OnTrack,
                Reason::OnPath,
            ),
            (
                "falling target at risk",
                falling,
                vec![("2025-09", 7.0)],
                "2025-09-30",
                Status::AtRisk,
                Reason::Behind,
            ),
            (
                "falling target the wrong way",
                falling,
                vec![("2025-09", 11.0)],
                "2025-09-30",
                Status::OffTrack,
                Reason::WrongWay,
            ),
            (
                "falling target achieved",
                falling,
                vec![("2025-09", 3.5)],
                "2025-09-30",
                Status::Achieved,
                Reason::TargetMet,
            ),
        ];
        for (name, goal, readings, as_of, status, reason) in cases {
            let readings: Vec<Point> = readings
                .iter()
                .map(|(period, value)| point(period, *value))
                .collect();
            let assessment = assess(&goal, &readings, date(as_of));
            assert_eq!(
                (assessment.status, assessment.reason),
                (status, reason),
                "{name}: {assessment:?}"
            );
        }
    }

    #[test]
    fn progress_and_expectation_are_shares_of_the_way() {
        let rising = goal(Direction::Increase, ("2024", 70.0), ("2025", 90.0));
        let assessment = assess(&rising, &[point("2025-Q2", 80.0)], date("2025-09-30"));
        assert_eq!(assessment.progress, Some(0.5));
        let expected = assessment.expected.unwrap();
        assert!((expected - 181.0 / 365.0).abs() < 1e-9, "{expected}");
        assert_eq!(assessment.method, Some(Method::Linear));
    }

    #[test]
    fn multi_year_yearly_targets_use_compound_growth() {
        let long = goal(Direction::Increase, ("2020", 100.0), ("2030", 200.0));
        let on_track = assess(&long, &[point("2025", 142.0)], date("2025-12-31"));
        assert_eq!(on_track.method, Some(Method::CompoundGrowth));
        assert_eq!(on_track.status, Status::OnTrack, "{on_track:?}");
        let slow = assess(&long, &[point("2025", 115.0)], date("2025-12-31"));
        assert_eq!(slow.status, Status::OffTrack, "{slow:?}");
        // Monthly readings of the same target fall back to the straight path.
        let monthly = assess(&long, &[point("2025-06", 142.0)], date("2025-12-31"));
        assert_eq!(monthly.method, Some(Method::Linear));
    }

    #[test]
    fn maintained_levels_are_held_or_missed() {
        let keep = goal(Direction::Maintain, ("2024", 100.0), ("2025", 100.0));
        assert_eq!(
            assess(&keep, &[point("2025-06", 99.5)], date("2025-09-30")).status,
            Status::OnTrack
        );
        assert_eq!(
            assess(&keep, &[point("2025-06", 97.0)], date("2025-09-30")).status,
            Status::OffTrack
        );
        assert_eq!(
            assess(&keep, &[point("2025-12", 100.0)], date("2026-01-15")).status,
            Status::Achieved
        );
    }

    #[test]
    fn tasks_are_overdue_only_against_as_of() {
        let due = date("2025-06-30");
        assert_eq!(
            task_status(TaskState::InProgress, due, date("2025-07-01")),
            TaskStatus::Overdue
        );
        assert_eq!(
            task_status(TaskState::NotStarted, due, date("2025-07-01")),
            TaskStatus::Overdue
        );
        assert_eq!(
            task_status(TaskState::InProgress, due, date("2025-06-30")),
            TaskStatus::InProgress
        );
        assert_eq!(
            task_status(TaskState::Done, due, date("2025-12-01")),
            TaskStatus::Done
        );
        assert_eq!(
            task_status(TaskState::Cancelled, due, date("2025-12-01")),
            TaskStatus::Cancelled
        );
        assert_eq!(
            task_status(TaskState::InProgress, None, date("2030-01-01")),
            TaskStatus::InProgress
        );
        assert_eq!(
            task_status(TaskState::InProgress, due, None),
            TaskStatus::InProgress
        );
    }
}
