//! Plausibility: delivery no market sells and reach no audience gives, caught before a client
//! sees it; and the reach goal, met or short with the money that would close it.
//!
//! A plan can add up to the cent and still promise the impossible: 2,222 radio GRPs for $1M, 99.5%
//! reach at a frequency of 43 in three weeks. Each check compares a line's figures with its
//! medium's market norms (`catalogue.rs`) or with its own rate, and says the numbers behind the
//! doubt. Thresholds are in `docs/findings.md`; every check has a trigger and a near miss in
//! `tests/cases/findings.json`.

use crate::catalogue::{medium_label, norms};
use crate::finding::{finding, Finding, Severity};
use crate::flight::on_air_days;
use crate::money::{format_number, MoneyFormat};
use crate::plan::{BuyUnit, Buying, Kpi, Line, Plan, Pricing};
use crate::reach::ReachModel;
use crate::reach_goal::ReachGoal;
use crate::view::{LineView, Totals};
use crate::Dec;
use rust_decimal::Decimal;

/// What the checks need, borrowed from the findings' context.
pub(crate) struct Check<'a> {
    pub plan: &'a Plan,
    pub lines: &'a [LineView],
    pub totals: &'a Totals,
    pub money: &'a MoneyFormat,
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const THOUSAND: Decimal = Decimal::ONE_THOUSAND;

impl Check<'_> {
    fn num(&self, v: Decimal, dp: u32) -> String {
        format_number(v, dp, self.plan.settings.number_style)
    }

    /// A figure with no more places than it needs, up to `dp`.
    fn plain(&self, v: Decimal, dp: u32) -> String {
        let v = crate::money::round_dp(v, dp).normalize();
        format_number(v, v.scale(), self.plan.settings.number_style)
    }

    fn audience(&self, universe: Decimal, line: &Line) -> String {
        let name =
            if !line.target_audience.trim().is_empty() && line.universe.is_some() { line.target_audience.trim() } else { self.plan.target_audience.trim() };
        if name.is_empty() {
            format!("a universe of {}", self.num(universe, 0))
        } else {
            format!("{name} ({})", self.num(universe, 0))
        }
    }

    pub fn run(&self, out: &mut Vec<Finding>) {
        for (line, v) in self.plan.lines.iter().zip(self.lines) {
            self.grps(line, v, out);
            self.frequency(line, v, out);
            self.line_reach(line, v, out);
            self.rate_misses_kpi(line, v, out);
            self.vendor(line, out);
        }
        self.plan_reach(out);
        if let Some(goal) = &self.totals.reach_goal {
            self.goal(goal, out);
        }
    }

    /// GRPs that no buy of this size delivers at the medium's market prices.
    fn grps(&self, line: &Line, v: &LineView, out: &mut Vec<Finding>) {
        let (Some(medium), Some(grps), Some(u)) = (v.medium, v.grps, v.universe) else { return };
        let n = norms(medium);
        let Some(low) = n.cpm_low else { return };
        if v.net <= Decimal::ZERO || grps <= Decimal::ZERO || u <= Decimal::ZERO {
            return;
        }
        // Thousands of people in one point of the universe: a point costs CPM × this.
        let point_k = u / HUNDRED / THOUSAND;
        let implied_cpm = match (line.pricing, line.rate) {
            (Pricing::Cpp, Some(r)) => r.checked_div(point_k),
            (Pricing::Cpm, Some(r)) => Some(r.get()),
            _ => v.impressions.filter(|i| !i.is_zero()).and_then(|i| v.net.checked_mul(THOUSAND)?.checked_div(i.0)),
        };
        let Some(cpm) = implied_cpm else { return };
        if cpm >= low {
            return;
        }
        let cpp = cpm.saturating_mul(point_k);
        let (cpp_low, cpp_high) = (low.saturating_mul(point_k), n.cpm_high.unwrap_or(low).saturating_mul(point_k));
        let max = v.net.checked_div(cpp_low).unwrap_or_default();
        out.push(finding(
            "grps_implausible",
            Severity::Warning,
            4,
            Some(&line.id),
            format!(
                "{} GRPs on {} for {} is a CPP of {} (a CPM of {}); {} sells a point of this universe for {} to {} (a CPM of {} to {}), so that money buys at most {} GRPs.",
                self.num(grps.0, 2),
                self.audience(u.0, line),
                self.money.format(v.net.0),
                self.money.format(cpp),
                self.money.format(cpm),
                medium_label(medium),
                self.money.format(cpp_low),
                self.money.format(cpp_high),
                self.money.format(low),
                self.money.format(n.cpm_high.unwrap_or(low)),
                self.num(max, 2)
            ),
            "Check the rate and the universe the points are counted on: a CPP is the price of one point (1%) of that universe.",
        ));
    }

    /// More exposures per person than the flight's weeks and the medium allow.
    fn frequency(&self, line: &Line, v: &LineView, out: &mut Vec<Finding>) {
        let (Some(medium), Some(freq)) = (v.medium, v.frequency) else { return };
        let Some(weekly) = norms(medium).max_weekly_frequency else { return };
        let days = on_air_days(line);
        if days == 0 {
            return;
        }
        let weeks = Decimal::from(days) / Decimal::from(7);
        let mut limit = weekly * weeks;
        let mut by_insertions = false;
        if let (Some(BuyUnit::Insertions), Some(n)) = (v.unit, v.units) {
            if n < limit {
                limit = n.0;
                by_insertions = true;
            }
        }
        if freq <= limit {
            return;
        }
        let why = if by_insertions {
            format!("each of its {} insertions is read at most once by a reader", self.plain(limit, 2))
        } else {
            format!("{} rarely gives more than {} a week", medium_label(medium), self.plain(weekly, 2))
        };
        out.push(finding(
            "frequency_implausible",
            Severity::Warning,
            4,
            Some(&line.id),
            format!(
                "The line gives the people it reaches {} exposures on average over {} week{} on air ({} a week), but {}: at most {} over this flight.",
                self.num(freq.0, 2),
                self.plain(weeks, 1),
                if weeks == Decimal::ONE { "" } else { "s" },
                self.num(freq / weeks, 2),
                why,
                self.plain(limit, 2)
            ),
            "Check the points (rate, universe) and the reach model: frequency this high usually means the GRPs are overstated, or the flight is too short for them.",
        ));
    }

    /// The most of the target a line can reach: its medium's ceiling (or a lower curve maximum),
    /// on the part of the target its universe covers. Numbers only: the words are made only
    /// for a finding ([`Check::ceiling_words`]).
    fn line_ceiling(&self, line: &Line, v: &LineView) -> Option<Ceiling> {
        let medium = v.medium?;
        let mut pct = norms(medium).reach_ceiling_pct?;
        let mut curve = false;
        if let Some(ReachModel::Curve { max, .. }) = &self.plan.reach_model {
            if *max < pct {
                pct = max.0;
                curve = true;
            }
        }
        let coverage = line.coverage(self.plan.universe.map(Dec::get));
        let c = Decimal::from_f64_retain(coverage).unwrap_or(Decimal::ONE);
        Some(Ceiling { medium, pct, curve, coverage: c, of_target: crate::money::round_dp(pct * c, 2) })
    }

    fn ceiling_words(&self, c: &Ceiling) -> String {
        let mut what = if c.curve {
            format!("the plan's reach curve tops out at {}%", self.plain(c.pct, 2))
        } else {
            format!("{} reaches at most {}% of an audience in a campaign", medium_label(c.medium), self.plain(c.pct, 2))
        };
        if c.coverage < Decimal::ONE {
            what = format!("{what}, of the {}% of the target its universe covers", self.plain(c.coverage * HUNDRED, 2));
        }
        what
    }

    fn line_reach(&self, line: &Line, v: &LineView, out: &mut Vec<Finding>) {
        let Some(reach) = v.reach_pct else { return };
        // Reach can never pass the exposures: a frequency under 1 is impossible.
        if let Some(trps) = v.trps.filter(|t| reach > *t) {
            out.push(finding(
                "reach_above_ceiling",
                Severity::Warning,
                4,
                Some(&line.id),
                format!(
                    "The line reaches {}% of the target with {} TRPs: more people than it has exposures (a frequency under 1).",
                    self.num(reach.0, 2),
                    self.num(trps.0, 2)
                ),
                "Lower the line's reach estimate to what its points can deliver, or check its points.",
            ));
            return;
        }
        let Some(ceiling) = self.line_ceiling(line, v) else { return };
        if reach > ceiling.of_target {
            out.push(finding(
                "reach_above_ceiling",
                Severity::Warning,
                4,
                Some(&line.id),
                format!("The line reaches {}% of the target, but {}: {}%.", self.num(reach.0, 2), self.ceiling_words(&ceiling), self.num(ceiling.of_target, 2)),
                "Check the reach model (a higher NBD k or Poisson spreads exposure more evenly than real audiences) and the line's reach estimate.",
            ));
        }
    }

    /// The plan's combined reach above what its media together reach at random duplication.
    fn plan_reach(&self, out: &mut Vec<Finding>) {
        let Some(reach) = self.totals.reach_pct else { return };
        let mut miss = Decimal::ONE;
        let mut ceilings: Vec<Ceiling> = Vec::new();
        for (line, v) in self.plan.lines.iter().zip(self.lines) {
            if v.reach_pct.is_none_or(|r| r.is_zero()) {
                continue;
            }
            let Some(c) = self.line_ceiling(line, v) else { return };
            miss = miss.saturating_mul(Decimal::ONE - c.of_target / HUNDRED);
            if !ceilings.iter().any(|x| x.medium == c.medium && x.of_target == c.of_target) {
                ceilings.push(c);
            }
        }
        if ceilings.is_empty() {
            return;
        }
        let dup = self.plan.duplication_factor.unwrap_or(Dec(Decimal::ONE));
        let ceiling = crate::money::round_dp((Decimal::ONE - miss) * HUNDRED * dup, 2);
        if reach <= ceiling {
            return;
        }
        let media: Vec<String> = ceilings.iter().map(|c| format!("{} {}%", medium_label(c.medium), self.plain(c.of_target, 2))).collect();
        let freq = self.totals.frequency.map(|f| format!(" at an average frequency of {}", self.num(f.0, 2))).unwrap_or_default();
        out.push(finding(
            "reach_above_ceiling",
            Severity::Warning,
            4,
            None,
            format!(
                "The plan reaches {}% of the target{freq}, above the {}% its lines' media can reach together ({}, combined at random).",
                self.num(reach.0, 2),
                self.num(ceiling, 2),
                media.join(", ")
            ),
            "Check the reach model and the lines' points and reach estimates: no real schedule reaches everyone.",
        ));
    }

    /// A CPM, CPC, CPV or CPP target the line's own rate already misses.
    fn rate_misses_kpi(&self, line: &Line, v: &LineView, out: &mut Vec<Finding>) {
        let Some(k) = &line.kpi else { return };
        let (Some(target), Some(rate)) = (k.target, line.rate.filter(|r| *r > Decimal::ZERO)) else { return };
        if target <= Decimal::ZERO || !matches!(k.kpi, Kpi::Cpm | Kpi::Cpc | Kpi::Cpv | Kpi::Cpp) {
            return;
        }
        let Some((cost, same)) = unit_cost(line.pricing, rate.0, k.kpi, line, v.universe.map(Dec::get)) else { return };
        if cost <= target {
            return;
        }
        let name = k.kpi.in_sentence();
        let how =
            if same { format!("at its {} rate", line.pricing.label()) } else { format!("at its {} rate of {}", line.pricing.label(), self.money.rate(rate.0)) };
        out.push(finding(
            "line_rate_misses_kpi",
            Severity::Warning,
            4,
            Some(&line.id),
            format!(
                "The line's {name} target is {}, but {how} it costs {} per {}: the rate alone misses the target by {}.",
                self.money.rate(target.0),
                self.money.rate(cost),
                unit_name(k.kpi),
                self.money.rate(cost - target)
            ),
            "Negotiate the rate down to the target, or set a target the rate can meet.",
        ));
    }

    fn vendor(&self, line: &Line, out: &mut Vec<Finding>) {
        if matches!(line.buying, Some(Buying::Direct | Buying::Offline)) && line.vendor.trim().is_empty() {
            out.push(finding(
                "io_vendor_missing",
                Severity::Warning,
                5,
                Some(&line.id),
                format!(
                    "The line is bought on an insertion order but names no vendor; the order for \"{}\" cannot be issued without the media owner's name.",
                    line.name
                ),
                "Enter the vendor (the station group, publisher or media owner) on the line.",
            ));
        }
    }

    fn goal(&self, goal: &ReachGoal, out: &mut Vec<Finding>) {
        let what = if goal.frequency == 1 { "reach".to_string() } else { format!("reach at {}+", goal.frequency) };
        let audience = match self.plan.target_audience.trim() {
            "" => "the target".to_string(),
            a => a.to_string(),
        };
        match (goal.reach_pct, goal.met) {
            (None, _) => out.push(finding(
                "reach_goal_unchecked",
                Severity::Info,
                2,
                None,
                format!(
                    "The primary KPI is {what} of {}% but the plan's {what} cannot be worked out: {}.",
                    self.plain(goal.target_pct.0, 2),
                    self.unmeasured(goal)
                ),
                "Set the target audience's universe (stage 2) and the reach model, so the lines' impressions become TRPs and reach.",
            )),
            (Some(reached), Some(false)) => {
                let gap = goal.gap_pct.unwrap_or_default();
                let names: Vec<&str> = goal.extra_lines.iter().filter_map(|id| self.plan.lines.iter().find(|l| &l.id == id).map(|l| l.name.as_str())).collect();
                let close = match (goal.extra_spend, goal.limit_pct) {
                    (Some(x), _) => format!(
                        "{} more net media on the lines' current rates, added to {} in proportion to their net media, would close it.",
                        self.money.format(x.0),
                        names.join(", ")
                    ),
                    (None, Some(limit)) => format!(
                        "No spend on the current lines closes it: at 1,000 times their spend they reach {}% at {}+.",
                        self.num(limit.0, 2),
                        goal.frequency
                    ),
                    (None, None) => "No line's reach grows with spend (each is a flat fee, a booked number of units or a reach estimate), so more money on them does not close it.".to_string(),
                };
                out.push(finding(
                    "reach_goal_short",
                    Severity::Warning,
                    3,
                    None,
                    format!(
                        "The plan reaches {}% of {audience} at {}+ against a target of {}%: {} points short. {close}",
                        self.num(reached.0, 2),
                        goal.frequency,
                        self.plain(goal.target_pct.0, 2),
                        self.num(gap.0, 2)
                    ),
                    "Add the extra spend to the lines that build reach, or move budget to lines with cheaper points, or revisit the target.",
                ));
            }
            _ => {}
        }
    }

    fn unmeasured(&self, goal: &ReachGoal) -> String {
        let plan = self.plan;
        let any_estimate = plan.lines.iter().any(|l| l.reach_pct.is_some());
        let any_points = self.lines.iter().any(|v| v.trps.is_some());
        if plan.reach_model.is_none() && !any_estimate {
            "the plan has no reach model (Poisson, NBD or a reach curve)".into()
        } else if !any_points && !any_estimate {
            "no line has points: set the target audience's universe so impressions count as TRPs".into()
        } else if goal.frequency > 1 {
            "some lines have a reach estimate but no points, so how often people are reached is not known".into()
        } else {
            "no line's reach is known".into()
        }
    }
}

/// A line's reach ceiling in the target, and where it comes from.
struct Ceiling {
    medium: crate::plan::Medium,
    /// The medium's (or the curve's) ceiling, percent of the audience it covers.
    pct: Decimal,
    curve: bool,
    /// The share of the target the line's universe covers, 0–1.
    coverage: Decimal,
    /// `pct` × `coverage`: the ceiling in the target, 2 places.
    of_target: Decimal,
}

/// The price of one unit of `kpi` at the line's rate: its own pricing unit directly (`true`), or
/// through its stated click-through or view rate and universe.
fn unit_cost(pricing: Pricing, rate: Decimal, kpi: Kpi, line: &Line, universe: Option<Decimal>) -> Option<(Decimal, bool)> {
    // Cost of one impression at the rate.
    let point = universe.and_then(|u| u.checked_div(HUNDRED)).filter(|p| !p.is_zero());
    let nz = |v: Option<Decimal>| v.filter(|x| !x.is_zero());
    let per_impression = match pricing {
        Pricing::Cpm => rate.checked_div(THOUSAND)?,
        Pricing::Cpp => rate.checked_div(point?)?,
        Pricing::Cpc => rate.checked_mul(nz(line.ctr.map(Dec::get))?)?,
        Pricing::Cpv => rate.checked_mul(nz(line.vtr.map(Dec::get))?)?,
        _ => return None,
    };
    let same = matches!((pricing, kpi), (Pricing::Cpm, Kpi::Cpm) | (Pricing::Cpc, Kpi::Cpc) | (Pricing::Cpv, Kpi::Cpv) | (Pricing::Cpp, Kpi::Cpp));
    if same {
        return Some((rate, true));
    }
    let cost = match kpi {
        Kpi::Cpm => per_impression.checked_mul(THOUSAND)?,
        Kpi::Cpc => per_impression.checked_div(nz(line.ctr.map(Dec::get))?)?,
        Kpi::Cpv => per_impression.checked_div(nz(line.vtr.map(Dec::get))?)?,
        Kpi::Cpp => per_impression.checked_mul(point?)?,
        _ => return None,
    };
    Some((cost, false))
}

fn unit_name(kpi: Kpi) -> &'static str {
    match kpi {
        Kpi::Cpm => "thousand impressions",
        Kpi::Cpc => "click",
        Kpi::Cpv => "view",
        _ => "rating point",
    }
}
