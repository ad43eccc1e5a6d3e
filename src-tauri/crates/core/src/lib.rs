//! Flightplan's planning core: the model of a media plan through its six stages, and the exact
//! costing, flowchart and checks on it.
//!
//! The core is pure: no Tauri, no SQLite, no PDF, no file I/O and no clock (any "today" is passed
//! in). Everything around it (the library store, the PDF, import/export, the CLI, the desktop
//! shell) is a thin ring that calls in here, so every figure comes from one place.

pub mod plan;
pub mod costing;
pub mod intelligence;
pub mod buying;
pub mod monitoring;

// Every module also under its own name at the root, as the rings and the tests name them.
pub use plan::{format, dec, date, limits, sample, paste, weights, comments};
pub(crate) use plan::{scenario_rules};
pub use costing::{view, week_row, flight, fees, money, schedule, delivery, reach, reach_goal, report, scenario, scenario_budget};
pub(crate) use costing::{flowchart};
pub use intelligence::{finding, findings, finding_groups, timeline, stages, learning, catalogue, rate_card, response, response_fit, allocate, allocation, optimise};
pub(crate) use intelligence::{plausibility, funded_set, split_problem};
pub use buying::{launch, approval, changes, naming};
pub use monitoring::{actuals, phasing, pacing, performance, recommend, reconcile, rollforward};

#[cfg(feature = "ts")]
pub mod bindings;
pub mod error;

pub use costing::{compute, compute_as_of, LineView, MonthTotal, PlanView, Totals};
pub use report::{report, Report};
pub use dec::Dec;
pub use error::{Error, Result};
pub use findings::{Finding, Severity};
pub use format::{parse_plan, plan_from_sent_text, plan_from_value, read_plan, validate, write_plan};
pub use plan::sent::plan_from_sent_changes;
pub use plan::Plan;
pub use sample::{blank_plan, sample_plan, SAMPLE_PLAN_JSON};
