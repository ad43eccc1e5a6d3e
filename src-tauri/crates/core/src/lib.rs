//! Flightplan's planning core: the model of a media plan through its six stages, and the exact
//! costing, flowchart and checks on it.
//!
//! The core is pure: no Tauri, no SQLite, no PDF, no file I/O and no clock (any "today" is passed
//! in). Everything around it (the library store, the PDF, import/export, the CLI, the desktop
//! shell) is a thin ring that calls in here, so every figure comes from one place.

pub mod actuals;
pub mod allocate;
pub mod approval;
pub mod allocation;
#[cfg(feature = "ts")]
pub mod bindings;
pub mod catalogue;
pub mod changes;
pub mod comments;
pub mod costing;
pub mod date;
pub mod dec;
pub mod delivery;
pub mod error;
mod funded_set;
pub mod fees;
pub mod finding_groups;
pub mod finding;
pub mod findings;
pub mod flight;
pub mod weights;
mod flowchart;
pub mod format;
pub mod launch;
pub mod learning;
pub mod limits;
pub mod money;
pub mod monitoring;
pub mod naming;
pub mod pacing;
pub mod performance;
pub mod phasing;
mod plausibility;
pub mod optimise;
pub mod paste;
pub mod plan;
pub mod rate_card;
pub mod reach;
pub mod reach_goal;
pub mod recommend;
pub mod reconcile;
pub mod report;
pub mod response;
pub mod response_fit;
pub mod rollforward;
pub mod scenario;
pub mod scenario_budget;
mod scenario_rules;
pub mod stages;
pub mod timeline;
pub mod view;
pub mod week_row;
pub mod sample;
pub mod schedule;

pub use costing::{compute, compute_as_of, LineView, MonthTotal, PlanView, Totals};
pub use report::{report, Report};
pub use error::{Error, Result};
pub use findings::{Finding, Severity};
pub use format::{parse_plan, plan_from_value, read_plan, validate, write_plan};
pub use plan::Plan;
pub use sample::{blank_plan, sample_plan, SAMPLE_PLAN_JSON};
