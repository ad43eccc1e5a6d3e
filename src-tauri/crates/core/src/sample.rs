//! The bundled sample plan: a realistic quarter a planner can open, cost and export at once.
//!
//! It is compiled in (no file I/O in the core) and is what `flightplan demo` prints and the app
//! opens on first start.

use crate::format::parse_plan;
use crate::plan::Plan;

/// The sample plan's file text, `flightplan/1`.
pub const SAMPLE_PLAN_JSON: &str = include_str!("sample-plan.json");

/// The sample plan, parsed. It is checked by the test suite, so parsing cannot fail.
pub fn sample_plan() -> Plan {
    parse_plan(SAMPLE_PLAN_JSON).expect("the bundled sample plan is valid (checked by tests)")
}
