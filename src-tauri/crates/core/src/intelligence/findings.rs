//! Findings: what is wrong or missing in a plan, in the planner's words, with where to fix it.
//!
//! A finding never stops a plan from computing; it is shown next to the thing it is about (the
//! stage rail, the line, the CLI's `findings`). Each one is a mistake that wastes budget (the
//! domain brief's list): buying before planning, a KPI that does not fit the goal, a budget
//! spread thin or under the learning threshold, a plan never revisited, no competitor evidence,
//! thin creative, broken guardrails, money that does not add up. Codes are stable and listed in
//! `docs/findings.md`; every message states the numbers behind it.
//!
//! Errors are reserved for money that does not add up and broken guardrails (the plan must not
//! go out like that); planning mistakes are warnings; facts a check could not judge are info.

use crate::learning::{fundable, learning_needs};
use crate::money::{format_number, Currency, MoneyFormat};
use crate::plan::{Buying, Funnel, Kpi, Plan, PlanStatus};
use crate::view::{LineView, Totals};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::finding::finding;
pub use crate::finding::{Finding, Severity};

/// Check a costed plan, without the checks that need today's date.
pub fn check(plan: &Plan, lines: &[LineView], totals: &Totals, currency: Currency) -> Vec<Finding> {
    check_as_of(plan, lines, totals, currency, None)
}

/// Check a costed plan. `today` (passed in: the core has no clock) enables the "plan not
/// revisited" and "period ended" checks.
pub fn check_as_of(plan: &Plan, lines: &[LineView], totals: &Totals, currency: Currency, today: Option<NaiveDate>) -> Vec<Finding> {
    let money = MoneyFormat::new(currency, plan.settings.number_style);
    let c = Ctx { plan, lines, totals, currency, money };
    let mut out = Vec::new();
    c.budget_integrity(&mut out);
    c.goal(&mut out);
    c.competitors(&mut out);
    c.guardrails(&mut out);
    c.learning(&mut out);
    c.line_kpis(&mut out);
    c.creative(&mut out);
    c.actuals(&mut out);
    crate::plausibility::Check { plan, lines, totals, money: &c.money }.run(&mut out);
    if let Some(today) = today {
        c.revisit(today, &mut out);
    }
    crate::timeline::check(plan, today, &mut out);
    crate::stages::placeholders(plan, &mut out);
    out
}

struct Ctx<'a> {
    plan: &'a Plan,
    lines: &'a [LineView],
    totals: &'a Totals,
    currency: Currency,
    /// The currency's symbol and the plan's number style, looked up once for every amount.
    money: MoneyFormat,
}

/// A funnel stage inside a sentence: "the awareness goal".
pub fn funnel_label(f: Funnel) -> &'static str {
    match f {
        Funnel::Awareness => "awareness",
        Funnel::Consideration => "consideration",
        Funnel::Conversion => "conversion",
        Funnel::Retention => "retention",
    }
}

/// "reach, frequency, CPM, …": the KPIs that judge a funnel stage.
fn fitting(stage: Funnel) -> String {
    Kpi::ALL.iter().filter(|k| k.fits(stage)).map(|k| k.in_sentence()).collect::<Vec<_>>().join(", ")
}

impl Ctx<'_> {
    fn money(&self, v: Decimal) -> String {
        self.money.format(v)
    }

    fn num(&self, v: Decimal, dp: u32) -> String {
        format_number(v, dp, self.plan.settings.number_style)
    }

    fn budget_integrity(&self, out: &mut Vec<Finding>) {
        let (plan, totals) = (self.plan, self.totals);
        if totals.unallocated > Decimal::ZERO {
            out.push(finding(
                "budget_unallocated",
                Severity::Warning,
                3,
                None,
                format!(
                    "{} of the {} budget is not allocated to any line (net media {}).",
                    self.money(totals.unallocated.0),
                    self.money(totals.budget.0),
                    self.money(totals.net_media.0)
                ),
                "Allocate the remainder to a line, or lower the plan budget.",
            ));
        } else if totals.unallocated < Decimal::ZERO {
            out.push(finding(
                "budget_over_allocated",
                Severity::Error,
                3,
                None,
                format!(
                    "The lines' net media of {} is {} over the {} budget.",
                    self.money(totals.net_media.0),
                    self.money((-totals.unallocated).0),
                    self.money(totals.budget.0)
                ),
                "Reduce line budgets or shares, or raise the plan budget.",
            ));
        }
        for (line, view) in plan.lines.iter().zip(self.lines) {
            if line.start < plan.start || line.end > plan.end {
                out.push(finding(
                    "flight_outside_period",
                    Severity::Warning,
                    4,
                    Some(&view.id),
                    format!("The flight {} to {} runs outside the plan period {} to {}.", line.start, line.end, plan.start, plan.end),
                    "Move the flight dates inside the plan period, or extend the period.",
                ));
            }
        }
    }

    /// Actuals dated outside the plan period: a report downloaded for a wider range than the
    /// plan. Kept (an import never drops rows silently) but flagged, because they count as spend
    /// to date in pacing and land in reconciliation months the plan never bought.
    fn actuals(&self, out: &mut Vec<Finding>) {
        let plan = self.plan;
        let outside: Vec<&crate::plan::Actual> = plan.actuals.iter().filter(|a| a.start < plan.start || a.end > plan.end).collect();
        if outside.is_empty() {
            return;
        }
        // Checked: spends come from files; a sum past what a decimal holds shows as the largest.
        let spend = outside.iter().try_fold(Decimal::ZERO, |s, a| s.checked_add(a.spend.0)).unwrap_or(Decimal::MAX);
        let (first, last) = outside.iter().fold((outside[0].start, outside[0].end), |(f, l), a| (f.min(a.start), l.max(a.end)));
        out.push(finding(
            "actuals_outside_period",
            Severity::Warning,
            6,
            None,
            format!(
                "{} row{} of actuals ({} spend, {} to {}) {} dated outside the plan period {} to {}.",
                outside.len(),
                if outside.len() == 1 { "" } else { "s" },
                self.money(spend),
                first,
                last,
                if outside.len() == 1 { "is" } else { "are" },
                plan.start,
                plan.end
            ),
            "Remove those rows, or check the report's date range before importing it.",
        ));
    }

    fn goal(&self, out: &mut Vec<Finding>) {
        let Some(goal) = &self.plan.goal else {
            out.push(finding(
                "no_goal",
                Severity::Warning,
                1,
                None,
                format!("The plan spends {} with no goal, so nothing says what the money is for or how to judge it.", self.money(self.totals.net_media.0)),
                "Set the objective (awareness, consideration, conversion or retention) and one primary KPI with a target.",
            ));
            return;
        };
        match (goal.kpi, goal.target) {
            (None, _) => out.push(finding(
                "no_kpi_target",
                Severity::Warning,
                1,
                None,
                format!("The {} goal has no primary KPI, so results cannot be judged against it.", funnel_label(goal.objective)),
                "Choose one primary KPI and give it a target number.",
            )),
            (Some(k), None) => out.push(finding(
                "no_kpi_target",
                Severity::Warning,
                1,
                None,
                format!("The primary KPI {} has no target number, so there is nothing to judge results against.", k.in_sentence()),
                "Give the primary KPI a target, e.g. \"CPA under 25\".",
            )),
            _ => {}
        }
        if let Some(k) = goal.kpi {
            if !k.fits(goal.objective) {
                out.push(finding(
                    "kpi_mismatch",
                    Severity::Warning,
                    1,
                    None,
                    format!(
                        "The goal is {} but its primary KPI is {}; {} is judged on {}.",
                        funnel_label(goal.objective),
                        k.in_sentence(),
                        funnel_label(goal.objective),
                        fitting(goal.objective)
                    ),
                    "Change the primary KPI to one that judges the objective, or change the objective.",
                ));
            }
        }
    }

    fn competitors(&self, out: &mut Vec<Finding>) {
        if self.plan.competitors.is_empty() {
            out.push(finding(
                "no_competitor_evidence",
                Severity::Warning,
                2,
                None,
                "No competitor evidence is recorded: 0 competitor ads, so the channel mix rests on a brainstorm rather than on what works in the market."
                    .into(),
                "Record what competitors run: channel, angle, and how long each ad has run (long-running ads are winners).",
            ));
        }
    }

    fn guardrails(&self, out: &mut Vec<Finding>) {
        let Some(goal) = &self.plan.goal else { return };
        let g = &goal.guardrails;
        let net_media = self.totals.net_media;
        if let (Some(max), true) = (g.max_channel_share_pct, net_media > Decimal::ZERO) {
            let mut channels: Vec<(&str, Decimal)> = Vec::new();
            for v in self.lines {
                match channels.iter_mut().find(|(c, _)| *c == v.channel) {
                    Some((_, n)) => *n = n.saturating_add(v.net.0),
                    None => channels.push((&v.channel, v.net.0)),
                }
            }
            for (channel, net) in channels {
                let Some(share) = net.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(net_media.0)) else {
                    continue;
                };
                if share > max {
                    out.push(finding(
                        "channel_over_max_share",
                        Severity::Error,
                        3,
                        None,
                        format!(
                            "{channel} takes {}% of net media ({} of {}), over the {}% maximum per channel.",
                            self.num(share, 2),
                            self.money(net),
                            self.money(net_media.0),
                            max.normalize()
                        ),
                        "Move budget from this channel to others, or raise the guardrail with approval.",
                    ));
                }
            }
        }
        let conversions = self.totals.conversions.filter(|c| *c > Decimal::ZERO);
        if let Some(max) = g.max_blended_cac {
            match conversions.and_then(|c| net_media.checked_div(c.0).map(|cac| (c, cac))) {
                Some((c, cac)) if cac > max => out.push(finding(
                    "blended_cac_over_max",
                    Severity::Error,
                    3,
                    None,
                    format!(
                        "Blended CAC is {} ({} net media over {} estimated conversions), over the {} maximum.",
                        self.money(cac),
                        self.money(net_media.0),
                        self.num(c.0, 0),
                        self.money(max.0)
                    ),
                    "Shift budget to lines with a lower cost per conversion, or raise the guardrail with approval.",
                )),
                Some(_) => {}
                None => out.push(self.unchecked("maximum blended CAC", "no line estimates conversions")),
            }
        }
        if let Some(min) = g.min_blended_roas {
            let revenue = match (conversions, goal.revenue_per_conversion) {
                (Some(c), Some(v)) => c.checked_mul(v.0),
                _ => None,
            };
            match revenue.filter(|_| net_media > Decimal::ZERO).and_then(|r| r.checked_div(net_media.0).map(|roas| (r, roas))) {
                Some((r, roas)) if roas < min => out.push(finding(
                    "blended_roas_under_min",
                    Severity::Error,
                    3,
                    None,
                    format!(
                        "Blended ROAS is {} ({} estimated revenue over {} net media), under the {} minimum.",
                        self.num(roas, 2),
                        self.money(r),
                        self.money(net_media.0),
                        min.normalize()
                    ),
                    "Shift budget to lines that return more per dollar, or lower the guardrail with approval.",
                )),
                Some(_) => {}
                None if conversions.is_none() => out.push(self.unchecked("minimum blended ROAS", "no line estimates conversions")),
                None if goal.revenue_per_conversion.is_none() => out.push(self.unchecked("minimum blended ROAS", "the goal has no revenue_per_conversion")),
                None => {}
            }
        }
    }

    fn unchecked(&self, what: &str, why: &str) -> Finding {
        finding(
            "guardrail_unchecked",
            Severity::Info,
            3,
            None,
            format!("The {what} guardrail cannot be checked: {why}."),
            "Give lines conversion estimates (a CVR or a CPA rate) and, for ROAS, the goal's revenue per conversion.",
        )
    }

    fn learning(&self, out: &mut Vec<Finding>) {
        let events = self.plan.settings.learning_events_per_week;
        let needs = learning_needs(&self.plan.lines, self.lines, events);
        let k = fundable(&needs);
        if needs.len() >= 2 && k < needs.len() {
            let weekly = needs.iter().fold(Decimal::ZERO, |a, n| a.saturating_add(n.weekly_spend));
            let minimums = needs.iter().fold(Decimal::ZERO, |a, n| a.saturating_add(n.weekly_minimum));
            let mut channels: Vec<&str> = needs.iter().map(|n| self.lines[n.line].channel.as_str()).collect();
            channels.sort_unstable();
            channels.dedup();
            out.push(finding(
                "budget_spread_thin",
                Severity::Warning,
                3,
                None,
                format!(
                    "{} a week is spread over {} auction lines ({} channels) whose learning minimums add up to {} a week; that money can take only {} of them out of the learning phase.",
                    self.money(self.currency.round(weekly)),
                    needs.len(),
                    channels.len(),
                    self.money(self.currency.round(minimums)),
                    k
                ),
                "Concentrate: fund one or two lines properly before adding more.",
            ));
        }
        // "This auction line needs about {events} conversions a week to leave the learning phase:
        // at {cost per event} per conversion that is {minimum} a week, but it spends {spend} a
        // week." Raised for every underfunded line, often hundreds: one buffer per message.
        let mut needs_events = String::with_capacity(64);
        needs_events.push_str("This auction line needs about ");
        needs_events.push_str(&events.to_string());
        needs_events.push_str(" conversions a week to leave the learning phase: at ");
        for n in needs.iter().filter(|n| n.underfunded()) {
            let v = &self.lines[n.line];
            let mut message = String::with_capacity(needs_events.len() + 96);
            message.push_str(&needs_events);
            self.money.push(&mut message, n.cost_per_event);
            message.push_str(" per conversion that is ");
            self.money.push(&mut message, n.weekly_minimum);
            message.push_str(" a week, but it spends ");
            self.money.push(&mut message, n.weekly_spend);
            message.push_str(" a week.");
            out.push(finding(
                "learning_underfunded",
                Severity::Warning,
                3,
                Some(&v.id),
                message,
                "Raise the line's weekly budget to the minimum, shorten its flight, or merge it with another line.",
            ));
        }
    }

    fn line_kpis(&self, out: &mut Vec<Finding>) {
        for line in &self.plan.lines {
            if let (Some(role), Some(k)) = (line.role, line.kpi.as_ref().map(|k| k.kpi)) {
                if !k.fits(role) {
                    out.push(finding(
                        "line_kpi_mismatch",
                        Severity::Warning,
                        4,
                        Some(&line.id),
                        format!(
                            "The line works on {} but is judged on {}; {} is judged on {}.",
                            funnel_label(role),
                            k.in_sentence(),
                            funnel_label(role),
                            fitting(role)
                        ),
                        "Give the line a KPI that fits its role, or change its role.",
                    ));
                }
            }
        }
    }

    fn creative(&self, out: &mut Vec<Finding>) {
        let min = self.plan.settings.min_creative_assets;
        for (line, view) in self.plan.lines.iter().zip(self.lines) {
            if view.net <= Decimal::ZERO {
                continue;
            }
            let assets: u32 = line.creative.iter().fold(0u32, |a, c| a.saturating_add(c.count));
            if line.creative.is_empty() {
                out.push(finding(
                    "thin_creative",
                    Severity::Warning,
                    4,
                    Some(&line.id),
                    format!("The line spends {} but lists no creative: 0 assets, no formats, no due dates.", self.money(view.net.0)),
                    "List the creative the line needs: formats, counts and due dates.",
                ));
            } else if line.buying == Some(Buying::Auction) && assets < min {
                out.push(finding(
                    "thin_creative",
                    Severity::Warning,
                    4,
                    Some(&line.id),
                    format!(
                        "The line has {assets} creative asset{} but weekly testing on an auction line needs at least {min} in rotation.",
                        if assets == 1 { "" } else { "s" }
                    ),
                    "Add assets so each week can test new ones against the winners.",
                ));
            }
            if let Some(late) = line.creative.iter().filter_map(|c| c.due.filter(|d| *d > line.start).map(|d| (c, d))).max_by_key(|(_, d)| *d) {
                out.push(finding(
                    "creative_late",
                    Severity::Warning,
                    4,
                    Some(&line.id),
                    format!("\"{}\" is due {}, {} after the line starts on {}.", late.0.format, late.1, days((late.1 - line.start).num_days()), line.start),
                    "Bring the creative's due date before the flight starts, or move the flight.",
                ));
            }
        }
    }

    fn revisit(&self, today: NaiveDate, out: &mut Vec<Finding>) {
        let plan = self.plan;
        if plan.status == PlanStatus::Closed {
            return;
        }
        if today > plan.end {
            out.push(finding(
                "period_ended",
                Severity::Warning,
                6,
                None,
                format!(
                    "The plan period ended on {}, {} ago, and the plan is still {}.",
                    plan.end,
                    days((today - plan.end).num_days()),
                    status_label(plan.status)
                ),
                "Write down what was learned and roll the plan forward into the next period, then close this one.",
            ));
            return;
        }
        let quarter_after = |d: NaiveDate| d.checked_add_months(Months::new(3)).unwrap_or(NaiveDate::MAX);
        match plan.last_reviewed {
            Some(r) if quarter_after(r) < today => out.push(finding(
                "plan_not_revisited",
                Severity::Warning,
                6,
                None,
                format!("The plan was last reviewed on {r}, {} ago; a plan is revisited at least once a quarter.", days((today - r).num_days())),
                "Review the plan against results and the market, and record the review date.",
            )),
            None if quarter_after(plan.start) < today => out.push(finding(
                "plan_not_revisited",
                Severity::Warning,
                6,
                None,
                format!(
                    "The plan started on {}, {} ago, and has no review date; a plan is revisited at least once a quarter.",
                    plan.start,
                    days((today - plan.start).num_days())
                ),
                "Review the plan against results and the market, and record the review date.",
            )),
            _ => {}
        }
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn status_label(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft => "a draft",
        PlanStatus::Proposed => "proposed",
        PlanStatus::Approved => "approved",
        PlanStatus::Live => "live",
        PlanStatus::Closed => "closed",
    }
}
