//! Recommendations: scale, hold, cut, fix tracking, or "not enough data", each with its reason
//! in numbers.
//!
//! Buying is judged on the line's KPI against its target, and only once there are enough events
//! to judge (a CPA on 4 conversions is noise). The rules and their thresholds are plan settings
//! (`plan.monitoring`), documented in docs/monitoring.md; they run in a fixed order so the same
//! numbers always give the same advice:
//! 1. fix tracking: a conversion line with many clicks and no conversions, or conversions but
//!    no revenue on a ROAS line;
//! 2. hold: no KPI or target, or a KPI platform reports cannot measure;
//! 3. not enough data: fewer events than the KPI needs;
//! 4. cut: the KPI is worse than target by more than `cut_over_target_pct`;
//! 5. scale: the KPI beats target by at least `scale_under_target_pct` and the line is not
//!    over-pacing (there is room in its budget);
//! 6. hold otherwise.

use crate::error::Result;
use crate::learning::optimises_for_conversions;
use crate::money::{div, format_money, mul, round_dp, sub, Currency};
use crate::pacing::{pacing, LinePacing, PaceAlert, Pacing};
use crate::performance::{kpi_shown, performance, LinePerformance};
use crate::plan::{Kpi, Line, NumberStyle, Plan};
use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Action {
    Scale,
    Hold,
    Cut,
    FixTracking,
    NotEnoughData,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recommendation {
    pub line: String,
    pub action: Action,
    pub reason: String,
    pub kpi: Option<Kpi>,
    /// The KPI's actual value, when judged.
    pub actual: Option<Dec>,
    pub target: Option<Dec>,
    /// `actual` and `target` in the KPI's unit as a planner reads them (`Kpi::shown`: CTR
    /// 0.0125 → 1.25).
    pub actual_shown: Option<Dec>,
    pub target_shown: Option<Dec>,
}

/// Everything stage 6 shows for a day: pacing, KPI performance and recommendations.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Review {
    pub pacing: Pacing,
    pub performance: Vec<LinePerformance>,
    pub recommendations: Vec<Recommendation>,
}

/// Pacing, performance and recommendations as of the end of `as_of`.
pub fn review(plan: &Plan, as_of: NaiveDate) -> Result<Review> {
    let pacing = pacing(plan, as_of)?;
    let performance = performance(plan, as_of)?;
    let mut recommendations = Vec::new();
    for ((line, perf), pace) in plan.lines.iter().zip(&performance).zip(&pacing.lines) {
        let mut r = recommend(plan, line, perf, pace)?;
        r.actual_shown = kpi_shown(r.kpi, r.actual.map(Dec::get))?.map(Dec);
        r.target_shown = kpi_shown(r.kpi, r.target.map(Dec::get))?.map(Dec);
        recommendations.push(r);
    }
    Ok(Review { pacing, performance, recommendations })
}

/// Stage 6's screen for a day: the review and the reconciliation of money by vendor and month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Monitor {
    #[serde(serialize_with = "crate::date::serialize")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub review: Review,
    pub reconciliation: Vec<crate::reconcile::VendorMonth>,
}

/// Review and reconcile `plan` as of the end of `as_of`.
pub fn monitor(plan: &Plan, as_of: NaiveDate) -> Result<Monitor> {
    Ok(Monitor { as_of, review: review(plan, as_of)?, reconciliation: crate::reconcile::reconcile(plan)? })
}

fn lower_is_better(k: Kpi) -> Option<bool> {
    match k {
        Kpi::Cpa | Kpi::Cpi | Kpi::Cac | Kpi::Cpc | Kpi::Cpm => Some(true),
        Kpi::Roas | Kpi::Ctr => Some(false),
        _ => None,
    }
}

/// One line's recommendation from its performance and pacing.
pub fn recommend(plan: &Plan, line: &Line, perf: &LinePerformance, pace: &LinePacing) -> Result<Recommendation> {
    let s = &plan.monitoring;
    let d = &perf.delivered;
    let cur = Currency::from_code(&plan.currency);
    let money = |v: Decimal| match cur {
        Some(c) => format_money(v, c, NumberStyle::CommaDot),
        None => format!("{v} {}", plan.currency),
    };
    let n = |v: Decimal| v.normalize().to_string();
    let rec = |action, reason: String, actual| Recommendation {
        line: line.id.clone(),
        action,
        reason,
        kpi: perf.kpi,
        actual,
        target: perf.target,
        actual_shown: None,
        target_shown: None,
    };
    // 1. Fix tracking.
    if optimises_for_conversions(line) && d.conversions.is_zero() && d.clicks >= Decimal::from(s.fix_tracking_min_clicks) {
        return Ok(rec(
            Action::FixTracking,
            format!(
                "{} clicks and {} spent but 0 conversions recorded (fix tracking at {} clicks): check the pixel and conversion events",
                n(d.clicks.0),
                money(d.spend.0),
                s.fix_tracking_min_clicks
            ),
            None,
        ));
    }
    if perf.kpi == Some(Kpi::Roas) && d.conversions >= Decimal::from(s.min_conversions) && perf.actual.roas.is_none_or(|r| r.is_zero()) {
        return Ok(rec(
            Action::FixTracking,
            format!("{} conversions but no revenue recorded: ROAS cannot be judged until conversion values are tracked", n(d.conversions.0)),
            None,
        ));
    }
    // 2. Nothing to judge against.
    let (Some(kpi), Some(target)) = (perf.kpi, perf.target) else {
        return Ok(rec(Action::Hold, "no KPI target to judge against: set one on the line or the goal".into(), None));
    };
    let Some(lower) = lower_is_better(kpi) else {
        return Ok(rec(Action::Hold, format!("{kpi:?} is not measured from platform actuals; judge it from its own study").to_lowercase(), None));
    };
    // 3. Enough events?
    let (have, need, unit) = match kpi {
        Kpi::Cpa | Kpi::Cpi | Kpi::Cac | Kpi::Roas => (d.conversions, s.min_conversions, "conversions"),
        Kpi::Cpc | Kpi::Ctr => (d.clicks, s.min_clicks, "clicks"),
        _ => (d.impressions, s.min_impressions, "impressions"),
    };
    let label = kpi.in_sentence();
    if have < Decimal::from(need) {
        return Ok(rec(Action::NotEnoughData, format!("{} {unit} so far; {need} needed before judging {label}", n(have.0)), None));
    }
    let actual = match kpi {
        Kpi::Cpa | Kpi::Cpi | Kpi::Cac => perf.actual.cpa,
        Kpi::Cpc => perf.actual.cpc,
        Kpi::Cpm => perf.actual.cpm,
        Kpi::Roas => perf.actual.roas,
        _ => perf.actual.ctr,
    };
    let Some(actual) = actual else {
        return Ok(rec(Action::NotEnoughData, format!("{label} cannot be computed from the actuals yet"), None));
    };
    if target.is_zero() {
        return Ok(rec(Action::Hold, format!("the {label} target is 0, so nothing can be judged against it"), Some(actual)));
    }
    // Percent off target, positive = worse.
    let diff = mul(div(sub(actual.0, target.0, "KPI")?, target.0, "KPI")?, Decimal::ONE_HUNDRED, "KPI")?;
    let worse = if lower { diff } else { -diff };
    let show = |v: Decimal| match kpi {
        Kpi::Roas => format!("{}", round_dp(v, 2)),
        // Checked: a target or a ratio from a file can be absurdly large.
        Kpi::Ctr => match v.checked_mul(Decimal::ONE_HUNDRED) {
            Some(pct) => format!("{}%", round_dp(pct, 2)),
            None => format!("{v} (as a fraction)"),
        },
        _ => money(v),
    };
    let head = format!("{label} {} vs target {} on {} {unit}", show(actual.0), show(target.0), n(have.0));
    let pct = round_dp(worse.abs(), 1);
    // 4. Cut.
    if worse > s.cut_over_target_pct {
        return Ok(rec(Action::Cut, format!("{head}: {pct}% worse than target (cut above {}%)", s.cut_over_target_pct), Some(actual)));
    }
    // 5. Scale, when there is room.
    if -worse >= s.scale_under_target_pct {
        let pace_txt = pace.pace.pace_pct.map(|p| format!("{p}%")).unwrap_or_else(|| "not yet measurable".into());
        if pace.pace.alert == Some(PaceAlert::Overpacing) {
            return Ok(rec(
                Action::Hold,
                format!("{head}: {pct}% better than target, but already pacing at {pace_txt} of expected spend, so no room to scale within budget"),
                Some(actual),
            ));
        }
        return Ok(rec(Action::Scale, format!("{head}: {pct}% better than target (scale at {}%), pacing {pace_txt}", s.scale_under_target_pct), Some(actual)));
    }
    // 6. Hold.
    let side = if worse > Decimal::ZERO { "worse" } else { "better" };
    Ok(rec(
        Action::Hold,
        format!("{head}: {pct}% {side} than target, inside the cut ({}%) and scale ({}%) thresholds", s.cut_over_target_pct, s.scale_under_target_pct),
        Some(actual),
    ))
}
