//! Flightplan's planning core: the model of a media plan through its six stages, and the exact
//! costing, flowchart and checks on it.
//!
//! The core is pure: no Tauri, no SQLite, no PDF, no file I/O and no clock (any "today" is passed
//! in). Everything around it (the library store, the PDF, import/export, the CLI, the desktop
//! shell) is a thin ring that calls in here, so every figure comes from one place.

pub mod buying;
pub mod costing;
pub mod intelligence;
pub mod monitoring;
pub mod plan;

// Every module also under its own name at the root, as the rings and the tests name them.
pub use buying::{approval, changes, launch, naming};
pub(crate) use costing::flowchart;
pub use costing::{delivery, fees, flight, money, reach, reach_goal, report, scenario, scenario_budget, schedule, view, week_row};
pub use intelligence::{
    allocate, allocation, catalogue, finding, finding_groups, findings, learning, optimise, rate_card, response, response_fit, stages, timeline,
};
pub(crate) use intelligence::{funded_set, plausibility, split_problem};
pub use monitoring::{actuals, pacing, performance, phasing, recommend, reconcile, rollforward};
pub(crate) use plan::scenario_rules;
pub use plan::{comments, date, dec, format, limits, paste, sample, weights};

#[cfg(feature = "ts")]
pub mod bindings;
pub mod error;

pub use costing::{compute, compute_as_of, LineView, MonthTotal, PlanView, Totals};
pub use dec::Dec;
pub use error::{Error, Result};
pub use findings::{Finding, Severity};
pub use format::{parse_plan, plan_from_sent_text, plan_from_value, read_plan, validate, write_plan};
pub use plan::sent::plan_from_sent_changes;
pub use plan::Plan;
pub use report::{report, Report};
pub use sample::{blank_plan, sample_plan, SAMPLE_PLAN_JSON};
