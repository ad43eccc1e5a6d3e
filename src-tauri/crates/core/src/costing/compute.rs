//! The costed plan: every line's net, delivery, fees, gross and weekly spend, plus totals.
//!
//! This is the single source of every figure a planner sees, in the app, the CLI and the PDF.
//! It computes on unrounded decimals and rounds only outputs (counts to whole numbers, money to
//! the currency's minor unit, GRPs to 2 places). Money totals read right with a calculator:
//! each fee total is its exact value rounded and split to the lines (`fees.rs`), and the weekly
//! flowchart is rounded so that rows, weeks and months all add up (`flowchart.rs`). Counts are
//! estimates: their totals are the sums of the rounded line figures.

use crate::catalogue::{infer_medium, line_medium};
use crate::delivery::{deliver, Delivery};
use crate::error::{Error, Result};
use crate::fees::FeeRates;
use crate::findings::check_as_of;
use crate::flight::{flight_week_count, monday, month_bands, week_grid, week_parts, SpreadBuf};
use crate::flowchart::Flowchart;
use crate::format::validate;
use crate::money::{add, div, mul, round_dp, split_largest_remainder, sum_iter, units_to_dec, Currency};
use crate::plan::{Line, Medium, Plan};
use crate::reach::{plan_reach, LineReachInput, DEFAULT_EFFECTIVE_FREQUENCY};
use crate::reach_goal::{reach_goal, GoalInputs};
use crate::schedule::{line_units, unit_net, weekly_units};
pub use crate::view::{LineView, MonthTotal, PlanView, Totals};
pub use crate::week_row::LineWeek;
use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Validate and cost a plan. Any broken rule is returned as the first error.
pub fn compute(plan: &Plan) -> Result<PlanView> {
    compute_as_of(plan, None)
}

/// [`compute`], with today's date for the findings that depend on it (plan not revisited,
/// period ended). The core has no clock: the caller passes the date in.
pub fn compute_as_of(plan: &Plan, today: Option<NaiveDate>) -> Result<PlanView> {
    if let Some(e) = validate(plan).into_iter().next() {
        return Err(e);
    }
    compute_valid_as_of(plan, today)
}

/// Cost a plan that has already passed [`validate`].
pub fn compute_valid(plan: &Plan) -> Result<PlanView> {
    compute_valid_as_of(plan, None)
}

/// [`compute_valid`] with today's date for the date-dependent findings.
pub fn compute_valid_as_of(plan: &Plan, today: Option<NaiveDate>) -> Result<PlanView> {
    let currency =
        Currency::from_code(&plan.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", plan.currency)))?;
    let dp = currency.minor_units();
    let nets = line_nets(plan, currency)?;

    let grid_start = plan.lines.iter().map(|l| l.start).chain([plan.start]).min().unwrap_or(plan.start);
    let grid_end = plan.lines.iter().map(|l| l.end).chain([plan.end]).max().unwrap_or(plan.end);
    let weeks = week_grid(grid_start, grid_end);
    let months = month_bands(&weeks, plan.settings.calendar);
    // Weekly totals in integer minor units: every line's weeks are at exactly `dp` places.
    let mut week_totals = vec![0i128; weeks.len()];
    let first_week = weeks.first().copied().unwrap_or(grid_start);

    let mut lines = Vec::with_capacity(plan.lines.len());
    let mut impressions = Vec::with_capacity(plan.lines.len());
    let mut chart = Flowchart::new(weeks.len(), months.iter().map(|b| (b.first_week, b.weeks)));
    let mut offsets = Vec::with_capacity(plan.lines.len());
    let mut total_ups: u64 = 0;
    let mut cost = LineCosting { plan, currency, spread: SpreadBuf::default(), media: Vec::new() };
    for (line, net) in plan.lines.iter().zip(&nets) {
        let offset = (((monday(line.start) - first_week).num_days() / 7).max(0) as usize).min(weeks.len());
        let (view, imps) = cost.line(line, *net, &weeks[offset..], offset, &mut chart).map_err(|e| e.on_line(&line.id))?;
        for (t, w) in week_totals.iter_mut().skip(offset).zip(&view.weeks) {
            *t = t.checked_add(w.net.mantissa()).ok_or_else(|| Error::overflow("weekly total"))?;
        }
        total_ups = total_ups.checked_add(cost.spread.ups).ok_or_else(|| Error::overflow("weekly total"))?;
        offsets.push(offset);
        impressions.push(imps);
        lines.push(view);
    }
    // Round the flowchart's columns: move single minor units between a line's weeks.
    for f in chart.settle(total_ups)? {
        let (Some(view), Some(off)) = (lines.get_mut(f.row), offsets.get(f.row)) else { continue };
        if let Some(w) = view.weeks.get_mut(f.week) {
            w.net = Dec(units_to_dec(w.net.mantissa() + f.delta, dp));
        }
        if let Some(t) = week_totals.get_mut(off + f.week) {
            *t += f.delta;
        }
    }
    // A traditional line's spots, faces or insertions by week, in proportion to its settled cells.
    for v in lines.iter_mut() {
        if let (Some(u), Some(count)) = (v.unit, v.units) {
            let cells: Vec<i128> = v.weeks.iter().map(|w| w.net.mantissa()).collect();
            let on_air: Vec<bool> = v.weeks.iter().map(|w| !w.hiatus).collect();
            for (w, n) in v.weeks.iter_mut().zip(weekly_units(u, count.0, &cells, &on_air)) {
                w.units = n;
            }
        }
    }
    // Fees on the totals they apply to, split to the lines.
    let fees = FeeRates::new(&plan.fees)?.plan_fees(&plan.lines, &nets, &impressions, currency)?;
    for (v, f) in lines.iter_mut().zip(&fees.lines) {
        v.agency_commission = Dec(f.agency_commission);
        v.ad_serving = Dec(f.ad_serving);
        v.tech_fee = Dec(f.tech_fee);
        v.fees = Dec(add(add(f.agency_commission, f.ad_serving, "fees")?, f.tech_fee, "fees")?);
        v.gross = Dec(add(v.net.0, v.fees.0, "gross")?);
    }

    // Shares of net media, rounded so they sum to exactly 100.00.
    // Money totals carry the currency's minor units even with no lines ("0.00", not "0").
    let money_sum = |total: Result<Decimal>| total.map(|v| round_dp(v, dp));
    let net_media = money_sum(sum_iter(nets.iter().copied(), "net media"))?;
    if !net_media.is_zero() {
        let shares = split_largest_remainder(Decimal::ONE_HUNDRED, &nets, 2)?;
        for (l, s) in lines.iter_mut().zip(shares) {
            l.share_pct = Dec(s);
        }
    }
    if plan.budget > Decimal::ZERO {
        for l in lines.iter_mut() {
            let pct = l.net.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(plan.budget.0));
            l.budget_share = pct.map(|p| round_dp(p, 4).normalize()).map(Dec);
        }
    }
    let reach_inputs: Vec<LineReachInput> = plan.lines.iter().zip(&lines).map(|(l, v)| reach_input(plan, l, v)).collect();
    let reach = plan_reach(&reach_inputs, plan.reach_model.as_ref(), plan.duplication_factor.map(Dec::get), plan.effective_frequency)?;
    for (v, r) in lines.iter_mut().zip(&reach.lines) {
        v.reach_pct = r.reach_pct.map(Dec);
        v.frequency = r.frequency.map(Dec);
        v.effective_reach_pct = r.effective_reach_pct.map(Dec);
    }
    let goal = reach_goal(&GoalInputs {
        plan,
        nets: &nets,
        inputs: &reach_inputs,
        currency,
        reach_pct: reach.reach_pct,
        effective_reach_pct: reach.effective_reach_pct,
    })?;
    let opt_sum = |f: fn(&LineView) -> Option<Decimal>, what: &str| -> Result<Option<Decimal>> {
        let mut known = lines.iter().filter_map(f).peekable();
        if known.peek().is_none() {
            Ok(None)
        } else {
            sum_iter(known, what).map(Some)
        }
    };
    let fee_total = money_sum(sum_iter([fees.totals.agency_commission, fees.totals.ad_serving, fees.totals.tech_fee].into_iter(), "fees"))?;
    let totals = Totals {
        budget: Dec(round_dp(plan.budget.0, dp)),
        net: Dec(net_media),
        net_media: Dec(net_media),
        share_pct: if net_media.is_zero() { Dec(round_dp(Decimal::ZERO, 2)) } else { Dec(round_dp(Decimal::ONE_HUNDRED, 2)) },
        impressions: opt_sum(|l| l.impressions.map(Dec::get), "impressions")?.map(Dec),
        clicks: opt_sum(|l| l.clicks.map(Dec::get), "clicks")?.map(Dec),
        conversions: opt_sum(|l| l.conversions.map(Dec::get), "conversions")?.map(Dec),
        views: opt_sum(|l| l.views.map(Dec::get), "views")?.map(Dec),
        grps: opt_sum(|l| l.grps.map(Dec::get), "GRPs")?.map(Dec),
        trps: opt_sum(|l| l.trps.map(Dec::get), "TRPs")?.map(Dec),
        reach_pct: reach.reach_pct.map(Dec),
        frequency: reach.frequency.map(Dec),
        effective_reach_pct: reach.effective_reach_pct.map(Dec),
        effective_frequency: plan.effective_frequency.unwrap_or(DEFAULT_EFFECTIVE_FREQUENCY),
        reach_goal: goal,
        agency_commission: Dec(fees.totals.agency_commission),
        ad_serving: Dec(fees.totals.ad_serving),
        tech_fee: Dec(fees.totals.tech_fee),
        fees: Dec(fee_total),
        gross: Dec(money_sum(add(net_media, fee_total, "gross"))?),
        unallocated: Dec(round_dp(crate::money::sub(plan.budget.0, net_media, "unallocated")?, dp)),
        weeks: weeks
            .iter()
            .zip(&week_totals)
            .map(|(ws, units)| LineWeek { week_start: *ws, net: Dec(units_to_dec(*units, dp)), hiatus: false, units: None })
            .collect(),
        months: months
            .iter()
            .map(|b| MonthTotal {
                year: b.year,
                month: b.month,
                label: b.label.clone(),
                net: Dec(units_to_dec(week_totals[b.first_week..b.first_week + b.weeks].iter().sum(), dp)),
            })
            .collect(),
    };
    let findings = check_as_of(plan, &lines, &totals, currency, today);
    let finding_groups = crate::finding_groups::group(&findings);
    let stages = crate::stages::progress(plan, totals.unallocated.0);
    Ok(PlanView {
        currency: currency.code().to_string(),
        minor_units: dp,
        months,
        weeks,
        lines,
        totals,
        findings,
        finding_groups,
        stages,
        competitors: crate::timeline::competitor_runs(plan, today),
    })
}

/// Net media per line: a stated budget as is, shares of the plan budget by largest remainder so
/// that shares summing to 100 give exactly the plan budget.
pub fn line_nets(plan: &Plan, currency: Currency) -> Result<Vec<Decimal>> {
    let dp = currency.minor_units();
    let share_idx: Vec<usize> = plan.lines.iter().enumerate().filter(|(_, l)| l.budget.is_none() && l.booked_units().is_none()).map(|(i, _)| i).collect();
    let mut nets: Vec<Decimal> = Vec::with_capacity(plan.lines.len());
    for l in &plan.lines {
        // A line booked in faces or insertions costs its units × rate.
        let booked = unit_net(l, dp).map_err(|e| e.on_line(&l.id))?;
        nets.push(booked.unwrap_or_else(|| round_dp(l.budget.unwrap_or_default().0, dp)));
    }
    if !share_idx.is_empty() {
        let shares: Vec<Decimal> = share_idx.iter().map(|i| plan.lines[*i].share.unwrap_or_default().0).collect();
        let share_sum = sum_iter(shares.iter().copied(), "shares")?;
        // The shares' exact quota of the budget, rounded once; then split by the shares.
        let quota = div(mul(plan.budget.0, share_sum, "shares of the budget")?, Decimal::ONE_HUNDRED, "shares")?;
        let total = round_dp(quota, dp);
        let parts = if share_sum.is_zero() { vec![round_dp(Decimal::ZERO, dp); shares.len()] } else { split_largest_remainder(total, &shares, dp)? };
        for (i, part) in share_idx.into_iter().zip(parts) {
            nets[i] = part;
        }
    }
    Ok(nets)
}

/// What reach needs from a costed line: its estimate, its TRPs as shown, and its coverage.
fn reach_input(plan: &Plan, line: &Line, v: &LineView) -> LineReachInput {
    LineReachInput { coverage: line.coverage(plan.universe.map(Dec::get)), ..LineReachInput::new(line.reach_pct.map(Dec::get), v.trps.map(Dec::get)) }
}

/// What costing a line needs from the plan, and buffers reused across lines.
struct LineCosting<'a> {
    plan: &'a Plan,
    currency: Currency,
    spread: SpreadBuf,
    /// The medium each channel name reads as, worked out once per channel.
    media: Vec<(String, Option<Medium>)>,
}

impl LineCosting<'_> {
    /// [`infer_medium`] for a channel name, remembered for the plan's first channels (a plan
    /// has a handful; a thousand lines share them).
    fn channel_medium(&mut self, channel: &str) -> Option<Medium> {
        if let Some((_, m)) = self.media.iter().find(|(c, _)| c == channel) {
            return *m;
        }
        let m = infer_medium(channel);
        if self.media.len() < 32 {
            self.media.push((channel.to_string(), m));
        }
        m
    }

    /// Cost one line, all but its fees; `mondays` is the flowchart grid from the line's first
    /// week, at column `offset`. Its weeks are added to `chart`, rounded along the line for now
    /// (`chart.settle` then evens out the columns). Also returns its unrounded impressions.
    fn line(&mut self, line: &Line, net: Decimal, mondays: &[NaiveDate], offset: usize, chart: &mut Flowchart) -> Result<(LineView, Option<Decimal>)> {
        let dp = self.currency.minor_units();
        let d: Delivery = deliver(line, net, self.plan.universe.map(Dec::get))?;
        let sp = &mut self.spread;
        let n = flight_week_count(line.start, line.end).min(mondays.len());
        week_parts(line, n, net, dp, sp)?;
        let ups = chart.add_row(offset, &sp.week_rems, sp.den, sp.ups, sp.exact);
        let weeks = mondays
            .iter()
            .zip(&sp.units)
            .zip(ups)
            .zip(&sp.hiatus)
            .map(|(((ws, floor), up), hiatus)| LineWeek { week_start: *ws, net: Dec(units_to_dec(floor + i128::from(*up), dp)), hiatus: *hiatus, units: None })
            .collect();
        let medium = match line_medium(line.medium, line.pricing, "") {
            Some(m) => Some(m),
            None => self.channel_medium(&line.channel),
        };
        // The weekly spots, faces or insertions follow the weekly cells, once the flowchart
        // has settled them (`compute_valid_as_of`).
        let (unit, units) = line_units(line, medium, net)?;
        let count = |v: Option<Decimal>| v.map(|x| round_dp(x, 0));
        let zero = round_dp(Decimal::ZERO, dp);
        let view = LineView {
            id: line.id.clone(),
            channel: line.channel.clone(),
            name: line.name.clone(),
            pricing: line.pricing,
            rate: line.rate,
            net: Dec(net),
            share_pct: Dec(round_dp(Decimal::ZERO, 2)),
            budget_share: None,
            impressions: count(d.impressions).map(Dec),
            clicks: count(d.clicks).map(Dec),
            conversions: count(d.conversions).map(Dec),
            views: count(d.views).map(Dec),
            grps: d.grps.map(|g| round_dp(g, 2)).map(Dec),
            trps: d.trps.map(|g| round_dp(g, 2)).map(Dec),
            reach_pct: None,
            frequency: None,
            effective_reach_pct: None,
            medium,
            universe: line.universe.or(self.plan.universe),
            unit,
            units: units.map(Dec),
            agency_commission: Dec(zero),
            ad_serving: Dec(zero),
            tech_fee: Dec(zero),
            fees: Dec(zero),
            gross: Dec(net),
            weeks,
        };
        Ok((view, d.impressions))
    }
}
