//! The plans a planner starts from: the bundled sample (a realistic quarter to open, cost and
//! export at once) and a blank plan.
//!
//! The sample is compiled in (no file I/O in the core) and is what `flightplan demo` prints and
//! the app opens on first start. A blank plan carries nothing the planner did not choose: no
//! fees (the plan format's absent fees are zero) unless their rate card saves default fees.

use crate::format::parse_plan;
use crate::money::{round_dp, Currency};
use crate::plan::{Plan, PlanStatus, FORMAT};
use crate::rate_card::RateCard;
use crate::Dec;
use chrono::{Datelike, Duration, NaiveDate};

/// The sample plan's file text, `flightplan/1`.
pub const SAMPLE_PLAN_JSON: &str = include_str!("sample-plan.json");

/// The sample plan, parsed. It is checked by the test suite, so parsing cannot fail.
pub fn sample_plan() -> Plan {
    parse_plan(SAMPLE_PLAN_JSON).expect("the bundled sample plan is valid (checked by tests)")
}

/// A new, empty plan: a draft called "Untitled plan" with no lines, no goal and a zero budget,
/// over the 13-week quarter from the Monday after `today`, in the rate card's currency and with
/// its default fees (none saved: no fees). It passes the plan file's rules, so it can be edited
/// and saved at once. `today` is passed in: the core has no clock.
pub fn blank_plan(today: NaiveDate, card: &RateCard) -> Plan {
    let start = today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let end = start + Duration::weeks(13) - Duration::days(1);
    let currency = Currency::from_code(&card.currency).map_or_else(|| "USD".to_string(), |c| c.code().to_string());
    let dp = Currency::from_code(&currency).map_or(2, |c| c.minor_units());
    Plan {
        format: FORMAT.to_string(),
        name: "Untitled plan".into(),
        client: "New client".into(),
        brand: String::new(),
        currency,
        start,
        end,
        budget: Dec(round_dp(rust_decimal::Decimal::ZERO, dp)),
        universe: None,
        target_audience: String::new(),
        status: PlanStatus::Draft,
        version: 1,
        prepared_by: String::new(),
        last_reviewed: None,
        parent: None,
        goal: None,
        audience: Default::default(),
        competitors: Vec::new(),
        fees: card.fees.clone().unwrap_or_default(),
        lines: Vec::new(),
        actuals: Vec::new(),
        invoices: Vec::new(),
        learnings: Vec::new(),
        notes: Vec::new(),
        settings: Default::default(),
        reach_model: None,
        duplication_factor: None,
        effective_frequency: None,
        scenarios: Vec::new(),
        monitoring: Default::default(),
        extensions: Default::default(),
        approval: None,
        revises: None,
        comments: Vec::new(),
    }
}
