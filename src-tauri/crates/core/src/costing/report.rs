//! The report: what any ring shows of a plan on a given day, from one call.
//!
//! The client PDF, the insertion orders, the XLSX and CSV exports, the CLI and the desktop all
//! show the same thing: the scenario marked "presented" applied (or the base plan), costed as of
//! today (so the dated findings, `plan_not_revisited` and `period_ended`, are raised), and the
//! summaries a page prints — every line as a row, every channel as a row (its line count and
//! totals), and each row's net by week and by month of the flowchart. Every summary figure is an
//! exact sum of the core's already-exact line figures (the flowchart's cells add up to the week
//! and month totals, so a channel's cells do too); channel shares are split from 100.00 by the
//! largest remainder so they add up. The rings lay these out and compute nothing of their own.
//! Time is passed in: the core has no clock.

use crate::catalogue::medium_label;
use crate::costing::compute_as_of;
use crate::error::{Error, Result};
use crate::money::{add, split_largest_remainder};
use crate::naming::normalise;
use crate::plan::{BuyUnit, Buying, Funnel, KpiTarget, Plan, Pricing};
use crate::scenario::{presented_index, presented_plan};
use crate::view::{LineView, PlanView};
use crate::Dec;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What every output of a plan shows, on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The day the report is made for: the dated findings are judged on it, and the PDF prints
    /// it as "Prepared on".
    pub today: NaiveDate,
    /// The name of the presented scenario, when the report shows one instead of the base plan.
    pub presented: Option<String>,
    /// The plan as shown: the presented scenario applied (with a note saying so), else the plan
    /// as written without its scenarios.
    pub plan: Plan,
    /// The costed plan as of `today`.
    pub view: PlanView,
    /// One row per line, in plan order.
    pub lines: Vec<Row>,
    /// One row per channel (lines grouped by their channel name), largest net media first
    /// (ties: the channel that appears first in the plan). Every line sits in exactly one.
    pub channels: Vec<Row>,
    /// One row per medium (the lines' media: social, search, TV, radio, …; "Unclassified"
    /// where none is known), largest first: the summary of a plan with too many channels for a
    /// page. Every line sits in exactly one.
    pub media: Vec<Row>,
}

/// A row of a summary: one line, one channel's lines or one medium's lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line's or row's channel; on a medium row, the medium ("Social", "Radio").
    pub channel: String,
    /// The line's name; empty on a channel or medium row.
    pub name: String,
    /// How many channels the row holds (1 for a line or a channel).
    pub channels: usize,
    /// Indices into the plan's lines (and the view's), in plan order.
    pub lines: Vec<usize>,
    /// The funnel role, buying method and pricing model, when every line of the row shares it.
    pub role: Option<Funnel>,
    pub buying: Option<Buying>,
    pub pricing: Option<Pricing>,
    /// The line's rate (a line row only).
    pub rate: Option<Decimal>,
    /// The line's KPI target (a line row only).
    pub kpi: Option<KpiTarget>,
    /// The line's bought units and what they count (a line row only).
    pub units: Option<(BuyUnit, Decimal)>,
    pub net: Decimal,
    /// Share of net media, percent to 2 places: a line's as costed; a channel's split from
    /// 100.00 over the channels' net by the largest remainder, so the channels add up to 100.00.
    pub share_pct: Decimal,
    /// Delivery sums over the row's lines; `None` when no line of the row has the figure.
    pub impressions: Option<Decimal>,
    pub clicks: Option<Decimal>,
    pub conversions: Option<Decimal>,
    pub views: Option<Decimal>,
    pub grps: Option<Decimal>,
    pub trps: Option<Decimal>,
    /// Reach and frequency do not add across lines: a line row's own, none on a channel row.
    pub reach_pct: Option<Decimal>,
    pub frequency: Option<Decimal>,
    pub agency_commission: Decimal,
    pub ad_serving: Decimal,
    pub tech_fee: Decimal,
    pub fees: Decimal,
    pub gross: Decimal,
    /// Net media per flowchart week (`PlanView::weeks`, in order).
    pub weeks: Vec<Cell>,
    /// Net media per month band (`PlanView::months`, in order).
    pub months: Vec<Cell>,
}

/// A row's flowchart cell: the net spend in a week or month, and whether the row is in flight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub net: Decimal,
    /// Some line of the row is in flight then.
    pub in_flight: bool,
    /// Some line of the row is in a hiatus then: in flight, and dark on purpose (its flighting or
    /// weights). A line with no budget is in flight without being in a hiatus.
    pub hiatus: bool,
    /// A line row's spots or insertions in the period (faces: the most up at once).
    pub units: Option<u64>,
}

/// The net cost (and, for the agency's records, the gross) of one vendor's insertion order.
#[derive(Debug, Clone, PartialEq)]
pub struct VendorTotals {
    pub vendor: String,
    /// The lines on the order, in plan order.
    pub lines: Vec<usize>,
    pub net: Decimal,
    pub gross: Decimal,
}

/// Whether a line is bought on an insertion order: direct or offline buys.
pub fn needs_io(buying: Option<Buying>) -> bool {
    matches!(buying, Some(Buying::Direct) | Some(Buying::Offline))
}

/// The report of `plan` on `today`: the presented scenario applied, costed as of today, with
/// its line, channel and medium rows (and, on demand, the vendors' order totals).
pub fn report(plan: &Plan, today: NaiveDate) -> Result<Report> {
    let presented = presented_index(plan)?.map(|i| plan.scenarios[i].name.clone());
    let shown = presented_plan(plan)?;
    let view = compute_as_of(&shown, Some(today))?;
    summarise(shown, view, today, presented)
}

/// The summaries of an already costed plan (e.g. a plan the caller costed itself); `report`
/// is the entry point the rings use.
pub fn summarise(plan: Plan, view: PlanView, today: NaiveDate, presented: Option<String>) -> Result<Report> {
    let lines = line_rows(&plan, &view)?;
    let channels = group_rows(&plan, &view, &lines, |lv| lv.channel.clone())?;
    let media = group_rows(&plan, &view, &lines, |lv| lv.medium.map_or("Unclassified", medium_label).to_string())?;
    Ok(Report { today, presented, plan, view, lines, channels, media })
}

/// One row per line of a costed plan, in plan order (the insertion orders' schedules use them).
pub fn line_rows(plan: &Plan, view: &PlanView) -> Result<Vec<Row>> {
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it first"));
    }
    plan.lines.iter().zip(&view.lines).enumerate().map(|(i, (line, lv))| line_row(i, line, lv, view)).collect()
}

fn line_row(i: usize, line: &crate::plan::Line, lv: &LineView, view: &PlanView) -> Result<Row> {
    let mut weeks = vec![Cell { net: Decimal::ZERO, in_flight: false, hiatus: false, units: None }; view.weeks.len()];
    for w in &lv.weeks {
        if let Ok(k) = view.weeks.binary_search(&w.week_start) {
            weeks[k] = Cell { net: w.net.0, in_flight: true, hiatus: w.hiatus, units: w.units.map(u64::from) };
        }
    }
    let faces = lv.unit == Some(BuyUnit::Faces);
    let months = month_cells(&weeks, view, faces)?;
    Ok(Row {
        channel: lv.channel.clone(),
        name: lv.name.clone(),
        channels: 1,
        lines: vec![i],
        role: line.role,
        buying: line.buying,
        pricing: Some(lv.pricing),
        rate: lv.rate.map(Dec::get),
        kpi: line.kpi.clone(),
        units: lv.unit.zip(lv.units.map(Dec::get)),
        net: lv.net.0,
        share_pct: lv.share_pct.0,
        impressions: lv.impressions.map(Dec::get),
        clicks: lv.clicks.map(Dec::get),
        conversions: lv.conversions.map(Dec::get),
        views: lv.views.map(Dec::get),
        grps: lv.grps.map(Dec::get),
        trps: lv.trps.map(Dec::get),
        reach_pct: lv.reach_pct.map(Dec::get),
        frequency: lv.frequency.map(Dec::get),
        agency_commission: lv.agency_commission.0,
        ad_serving: lv.ad_serving.0,
        tech_fee: lv.tech_fee.0,
        fees: lv.fees.0,
        gross: lv.gross.0,
        weeks,
        months,
    })
}

/// A row's weeks gathered into the month bands: net summed, in flight if any week is, units
/// summed (faces: the most up at once).
fn month_cells(weeks: &[Cell], view: &PlanView, faces: bool) -> Result<Vec<Cell>> {
    view.months
        .iter()
        .map(|b| {
            let part = weeks.get(b.first_week..b.first_week + b.weeks).unwrap_or(&[]);
            let mut cell = Cell { net: Decimal::ZERO, in_flight: false, hiatus: false, units: None };
            for w in part {
                cell.net = add(cell.net, w.net, "month net")?;
                cell.in_flight |= w.in_flight;
                cell.hiatus |= w.hiatus;
                cell.units = match (cell.units, w.units) {
                    (a, None) => a,
                    (None, b) => b,
                    (Some(a), Some(b)) if faces => Some(a.max(b)),
                    (Some(a), Some(b)) => Some(a.saturating_add(b)),
                };
            }
            Ok(cell)
        })
        .collect()
}

fn opt_add(a: Option<Decimal>, b: Option<Decimal>, what: &str) -> Result<Option<Decimal>> {
    Ok(match (a, b) {
        (Some(x), Some(y)) => Some(add(x, y, what)?),
        (x, None) => x,
        (None, y) => y,
    })
}

fn shared<T: PartialEq + Copy>(mut items: impl Iterator<Item = Option<T>>) -> Option<T> {
    let first = items.next()??;
    items.all(|x| x == Some(first)).then_some(first)
}

/// The lines grouped by `key` (their channel, their medium), each group a row of exact sums.
fn group_rows(plan: &Plan, view: &PlanView, lines: &[Row], key: impl Fn(&LineView) -> String) -> Result<Vec<Row>> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, lv) in view.lines.iter().enumerate() {
        let k = key(lv);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    let mut rows = Vec::with_capacity(groups.len());
    for (channel, members) in groups {
        let mut names: Vec<&str> = members.iter().map(|i| view.lines[*i].channel.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mut row = Row {
            channel,
            name: String::new(),
            channels: names.len(),
            lines: members.clone(),
            role: shared(members.iter().map(|i| plan.lines[*i].role)),
            buying: shared(members.iter().map(|i| plan.lines[*i].buying)),
            pricing: shared(members.iter().map(|i| Some(view.lines[*i].pricing))),
            rate: None,
            kpi: None,
            units: None,
            net: Decimal::ZERO,
            share_pct: Decimal::ZERO,
            impressions: None,
            clicks: None,
            conversions: None,
            views: None,
            grps: None,
            trps: None,
            reach_pct: None,
            frequency: None,
            agency_commission: Decimal::ZERO,
            ad_serving: Decimal::ZERO,
            tech_fee: Decimal::ZERO,
            fees: Decimal::ZERO,
            gross: Decimal::ZERO,
            weeks: vec![Cell { net: Decimal::ZERO, in_flight: false, hiatus: false, units: None }; view.weeks.len()],
            months: vec![Cell { net: Decimal::ZERO, in_flight: false, hiatus: false, units: None }; view.months.len()],
        };
        for i in &members {
            let l = &lines[*i];
            row.net = add(row.net, l.net, "channel net")?;
            row.impressions = opt_add(row.impressions, l.impressions, "channel impressions")?;
            row.clicks = opt_add(row.clicks, l.clicks, "channel clicks")?;
            row.conversions = opt_add(row.conversions, l.conversions, "channel conversions")?;
            row.views = opt_add(row.views, l.views, "channel views")?;
            row.grps = opt_add(row.grps, l.grps, "channel GRPs")?;
            row.trps = opt_add(row.trps, l.trps, "channel TRPs")?;
            row.agency_commission = add(row.agency_commission, l.agency_commission, "channel commission")?;
            row.ad_serving = add(row.ad_serving, l.ad_serving, "channel ad serving")?;
            row.tech_fee = add(row.tech_fee, l.tech_fee, "channel tech fee")?;
            row.fees = add(row.fees, l.fees, "channel fees")?;
            row.gross = add(row.gross, l.gross, "channel gross")?;
            for (cells, theirs) in [(&mut row.weeks, &l.weeks), (&mut row.months, &l.months)] {
                for (c, t) in cells.iter_mut().zip(theirs) {
                    c.net = add(c.net, t.net, "channel flowchart")?;
                    c.in_flight |= t.in_flight;
                    c.hiatus |= t.hiatus;
                }
            }
        }
        rows.push(row);
    }
    if !view.totals.net_media.is_zero() {
        let nets: Vec<Decimal> = rows.iter().map(|r| r.net).collect();
        for (r, s) in rows.iter_mut().zip(split_largest_remainder(Decimal::ONE_HUNDRED, &nets, 2)?) {
            r.share_pct = s;
        }
    } else {
        for r in &mut rows {
            r.share_pct = crate::money::round_dp(Decimal::ZERO, 2);
        }
    }
    // Largest first; a stable sort keeps plan order between equals.
    rows.sort_by_key(|r| std::cmp::Reverse(r.net));
    Ok(rows)
}

impl Report {
    /// The channel rows with all but the `keep` largest summed into one row, labelled
    /// "Other (N channels)", for a page too small for one row per channel. The folded row's
    /// figures are exact sums (its share too, so the rows still add up to 100.00); reach,
    /// frequency and the shared role or pricing are left out. `keep` at or above the channel
    /// count returns the channel rows unchanged.
    pub fn channels_folded(&self, keep: usize) -> Result<Vec<Row>> {
        fold(&self.channels, keep, "channels")
    }

    /// [`Report::channels_folded`] on the medium rows: "Other (N media)".
    pub fn media_folded(&self, keep: usize) -> Result<Vec<Row>> {
        fold(&self.media, keep, "media")
    }
}

/// `rows_in` with all but the first `keep` summed into one "Other (N {what})" row.
fn fold(rows_in: &[Row], keep: usize, what: &str) -> Result<Vec<Row>> {
    if keep >= rows_in.len() {
        return Ok(rows_in.to_vec());
    }
    let mut rows: Vec<Row> = rows_in[..keep].to_vec();
    let rest = &rows_in[keep..];
    let mut other = rest[0].clone();
    other.channel = format!("Other ({} {what})", rest.len());
    for r in &rest[1..] {
        other.channels += r.channels;
        other.lines.extend(r.lines.iter().copied());
        other.role = if other.role == r.role { other.role } else { None };
        other.buying = if other.buying == r.buying { other.buying } else { None };
        other.pricing = if other.pricing == r.pricing { other.pricing } else { None };
        other.net = add(other.net, r.net, "folded net")?;
        other.share_pct = add(other.share_pct, r.share_pct, "folded share")?;
        other.impressions = opt_add(other.impressions, r.impressions, "folded impressions")?;
        other.clicks = opt_add(other.clicks, r.clicks, "folded clicks")?;
        other.conversions = opt_add(other.conversions, r.conversions, "folded conversions")?;
        other.views = opt_add(other.views, r.views, "folded views")?;
        other.grps = opt_add(other.grps, r.grps, "folded GRPs")?;
        other.trps = opt_add(other.trps, r.trps, "folded TRPs")?;
        other.agency_commission = add(other.agency_commission, r.agency_commission, "folded commission")?;
        other.ad_serving = add(other.ad_serving, r.ad_serving, "folded ad serving")?;
        other.tech_fee = add(other.tech_fee, r.tech_fee, "folded tech fee")?;
        other.fees = add(other.fees, r.fees, "folded fees")?;
        other.gross = add(other.gross, r.gross, "folded gross")?;
        for (cells, theirs) in [(&mut other.weeks, &r.weeks), (&mut other.months, &r.months)] {
            for (c, t) in cells.iter_mut().zip(theirs) {
                c.net = add(c.net, t.net, "folded flowchart")?;
                c.in_flight |= t.in_flight;
                c.hiatus |= t.hiatus;
            }
        }
    }
    other.lines.sort_unstable();
    rows.push(other);
    Ok(rows)
}

impl Report {
    /// The insertion orders the plan needs: one per vendor of its direct and offline lines, in
    /// the order the vendors first appear, with their net (what the vendor is paid) and gross
    /// (for the agency's records). Vendor names match loosely (case, spacing, dash style). A
    /// direct or offline line without a vendor is an error naming it: an order binds a vendor.
    pub fn vendor_orders(&self) -> Result<Vec<VendorTotals>> {
        vendor_orders(&self.plan, &self.view)
    }
}

/// [`Report::vendor_orders`] on a plan and its costed view.
pub fn vendor_orders(plan: &Plan, view: &PlanView) -> Result<Vec<VendorTotals>> {
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before writing insertion orders"));
    }
    let mut out: Vec<(String, VendorTotals)> = Vec::new();
    for (i, (line, lv)) in plan.lines.iter().zip(&view.lines).enumerate() {
        if !needs_io(line.buying) {
            continue;
        }
        let vendor = line.vendor.trim();
        if vendor.is_empty() {
            return Err(Error::at(
                "missing_field",
                format!("lines[{i}].vendor"),
                format!("\"{}\" is bought on an insertion order but names no vendor: enter the media owner before issuing the order", line.name),
            )
            .on_line(&line.id));
        }
        let key = normalise(vendor);
        let at = match out.iter().position(|(k, _)| *k == key) {
            Some(k) => k,
            None => {
                let v = VendorTotals { vendor: vendor.to_string(), lines: Vec::new(), net: Decimal::ZERO, gross: Decimal::ZERO };
                out.push((key, v));
                out.len() - 1
            }
        };
        let v = &mut out[at].1;
        v.lines.push(i);
        v.net = add(v.net, lv.net.0, "insertion order net")?;
        v.gross = add(v.gross, lv.gross.0, "insertion order gross")?;
    }
    Ok(out.into_iter().map(|(_, v)| v).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    }

    #[test]
    fn channels_hold_every_line_and_add_up_to_the_totals() {
        let plan = crate::sample_plan();
        let r = report(&plan, day()).unwrap();
        let t = &r.view.totals;
        let mut seen: Vec<usize> = r.channels.iter().flat_map(|c| c.lines.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..r.view.lines.len()).collect::<Vec<_>>());
        let sum = |f: fn(&Row) -> Decimal| r.channels.iter().map(f).sum::<Decimal>();
        assert_eq!(sum(|c| c.net), t.net_media);
        assert_eq!(sum(|c| c.gross), t.gross);
        assert_eq!(sum(|c| c.fees), t.fees);
        assert_eq!(sum(|c| c.agency_commission), t.agency_commission);
        assert_eq!(sum(|c| c.share_pct), Decimal::ONE_HUNDRED);
        for (k, m) in t.months.iter().enumerate() {
            assert_eq!(r.channels.iter().map(|c| c.months[k].net).sum::<Decimal>(), m.net, "{}", m.label);
        }
        for (k, w) in t.weeks.iter().enumerate() {
            assert_eq!(r.channels.iter().map(|c| c.weeks[k].net).sum::<Decimal>(), w.net);
        }
        assert!(r.channels.windows(2).all(|w| w[0].net >= w[1].net));
        let folded = r.channels_folded(2).unwrap();
        assert_eq!(folded.len(), 3);
        assert_eq!(folded[2].channel, format!("Other ({} channels)", r.channels.len() - 2));
        assert_eq!(folded.iter().map(|c| c.net).sum::<Decimal>(), t.net_media);
        assert_eq!(folded.iter().map(|c| c.share_pct).sum::<Decimal>(), Decimal::ONE_HUNDRED);
        assert_eq!(folded.iter().map(|c| c.lines.len()).sum::<usize>(), r.lines.len());
        assert_eq!(folded.iter().map(|c| c.channels).sum::<usize>(), r.channels.len());
        // By medium: every line once, the sums are the totals, shares add up to 100.
        let mut seen: Vec<usize> = r.media.iter().flat_map(|m| m.lines.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..r.lines.len()).collect::<Vec<_>>());
        assert_eq!(r.media.iter().map(|m| m.net).sum::<Decimal>(), t.net_media);
        assert_eq!(r.media.iter().map(|m| m.gross).sum::<Decimal>(), t.gross);
        assert_eq!(r.media.iter().map(|m| m.share_pct).sum::<Decimal>(), Decimal::ONE_HUNDRED);
        let social = r.media.iter().find(|m| m.channel == "Social").expect("the sample's social lines");
        assert_eq!(social.channels, 2, "Meta and TikTok");
        assert_eq!(social.lines.len(), 3);
    }

    /// A hiatus is a week in flight left dark on purpose; a line with no budget is in flight in
    /// every week without one. The page shades hiatus weeks only.
    #[test]
    fn hiatus_weeks_are_told_from_unfunded_ones() {
        let mut plan = crate::sample_plan();
        plan.scenarios.clear();
        let flighted = plan.lines.iter().position(|l| l.budget.is_some()).unwrap();
        plan.lines[flighted].pattern = Some(crate::plan::Pattern::Flighting { on: 1, off: 1 });
        let unfunded = plan.lines.iter().rposition(|l| l.budget.is_some()).unwrap();
        plan.lines[unfunded].budget = Some(crate::Dec(Decimal::ZERO));
        let r = report(&plan, day()).unwrap();
        let view = &r.view.lines[flighted];
        let dark: Vec<_> = view.weeks.iter().filter(|w| w.hiatus).map(|w| w.week_start).collect();
        assert!(!dark.is_empty());
        let row = &r.lines[flighted];
        let shaded: Vec<_> = r.view.weeks.iter().zip(&row.weeks).filter(|(_, c)| c.hiatus).map(|(w, _)| *w).collect();
        assert_eq!(shaded, dark);
        assert!(row.weeks.iter().all(|c| !c.hiatus || (c.in_flight && c.net.is_zero())));
        let zero = &r.lines[unfunded];
        assert!(zero.weeks.iter().any(|c| c.in_flight), "the unfunded line is in flight");
        assert!(zero.weeks.iter().chain(&zero.months).all(|c| !c.hiatus), "and never in a hiatus");
        // A channel row is in a hiatus where one of its lines is.
        let channel = r.channels.iter().find(|c| c.lines.contains(&flighted)).unwrap();
        assert!(channel.weeks.iter().zip(&row.weeks).all(|(c, l)| c.hiatus >= l.hiatus));
    }
}
