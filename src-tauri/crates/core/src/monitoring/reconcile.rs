//! Reconciliation: planned, delivered and invoiced money per vendor and month.
//!
//! Vendors invoice by calendar month; the plan spends by week; platforms report by day. This
//! puts all three on the same vendor × month grid so finance can see where an invoice does not
//! match delivery, flagging differences above the plan's tolerance (a percent of delivered and
//! an amount, both exceeded).

use crate::costing::compute;
use crate::error::Result;
use crate::flight::{flight_weeks, spread};
use crate::money::{add, div, mul, round_dp, sub, Currency};
use crate::performance::line_phasing;
use crate::phasing::Phasing;
use crate::plan::Plan;
use crate::Dec;
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VendorMonth {
    pub vendor: String,
    /// `YYYY-MM`.
    pub month: String,
    pub planned: Dec,
    pub delivered: Dec,
    pub invoiced: Dec,
    /// invoiced − delivered.
    pub difference: Dec,
    pub flagged: bool,
}

/// The last day of the month holding `d`.
fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|f| f.pred_opt()).unwrap_or(d)
}

fn month(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The vendor of a line: its vendor, else its channel.
fn vendor_of(plan: &Plan, line: &str) -> Option<String> {
    plan.lines.iter().find(|l| l.id == line).map(|l| if l.vendor.is_empty() { l.channel.clone() } else { l.vendor.clone() })
}

pub fn reconcile(plan: &Plan) -> Result<Vec<VendorMonth>> {
    let dp = Currency::from_code(&plan.currency).map(|c| c.minor_units()).unwrap_or(2);
    let view = compute(plan)?;
    let mut grid: BTreeMap<(String, String), [Decimal; 3]> = BTreeMap::new();
    for (line, lv) in plan.lines.iter().zip(&view.lines) {
        let vendor = vendor_of(plan, &line.id).unwrap_or_default();
        let weeks = flight_weeks(line);
        for (w, wn) in weeks.iter().zip(spread(lv.net.0, dp, &weeks)?) {
            if w.days == 0 {
                continue;
            }
            // A week's planned money falls into months by its on-air days.
            for k in 0..7 {
                let day = w.week_start + Duration::days(k);
                if day < line.start || day > line.end {
                    continue;
                }
                let part = div(wn.net.0, Decimal::from(w.days), "planned per day")?;
                let cell = grid.entry((vendor.clone(), month(day))).or_default();
                cell[0] = add(cell[0], part, "planned")?;
            }
        }
    }
    // Delivered money falls into months by its days; a row spanning months is phased by its
    // line's flight, and its parts sum exactly to it.
    let mut phasings: HashMap<&str, Phasing> = HashMap::new();
    for a in &plan.actuals {
        let vendor = vendor_of(plan, &a.line).unwrap_or_else(|| a.line.clone());
        if !phasings.contains_key(a.line.as_str()) {
            let p = match plan.lines.iter().find(|l| l.id == a.line) {
                Some(l) => line_phasing(l)?,
                None => Phasing::even(),
            };
            phasings.insert(a.line.as_str(), p);
        }
        let phasing = phasings.get(a.line.as_str()).cloned().unwrap_or_else(Phasing::even);
        let mut from = a.start;
        let mut before = Decimal::ZERO;
        loop {
            let last = last_of_month(from).min(a.end);
            let upto = phasing.share(a.spend.0, a.start, a.end, last)?;
            let cell = grid.entry((vendor.clone(), month(from))).or_default();
            cell[1] = add(cell[1], sub(upto, before, "delivered")?, "delivered")?;
            before = upto;
            match last.succ_opt() {
                Some(next) if last < a.end => from = next,
                _ => break,
            }
        }
    }
    for i in &plan.invoices {
        let cell = grid.entry((i.vendor.clone(), i.month.clone())).or_default();
        cell[2] = add(cell[2], i.amount.0, "invoiced")?;
    }
    let s = &plan.monitoring;
    grid.into_iter()
        .map(|((vendor, month), [p, d, inv])| {
            let diff = sub(inv, d, "invoice difference")?;
            let pct_limit = mul(d.abs(), div(s.reconcile_tolerance_pct.0, Decimal::ONE_HUNDRED, "tolerance")?, "tolerance")?;
            let flagged = diff.abs() > pct_limit && diff.abs() > s.reconcile_tolerance_amount;
            Ok(VendorMonth {
                vendor,
                month,
                planned: Dec(round_dp(p, dp)),
                delivered: Dec(round_dp(d, dp)),
                invoiced: Dec(round_dp(inv, dp)),
                difference: Dec(round_dp(diff, dp)),
                flagged,
            })
        })
        .collect()
}
