//! What a spreadsheet states only as figures, recovered so that Flightplan's own exports import
//! back to the same costed plan: the delivery a row states (as the line's stated counts where its
//! pricing does not fix them), the plan's fee rates from the per-line fees, the universe from
//! GRPs, and each line's weekly spread from the Flowchart sheet.
//!
//! Every recovered value is checked by costing the plan in the core; where the figures cannot be
//! reproduced the preview says which rows differ rather than guessing on.

use crate::columns::LineField;
use crate::derive::{half_unit, intersect, simplest_in};
use crate::line_rows::RowLine;
use crate::preview::{ImportPreview, Problem, SourceRef};
use chrono::NaiveDate;
use flightplan_actuals::Record;
use flightplan_core::costing::line_nets;
use flightplan_core::delivery::{deliver, Delivery};
use flightplan_core::flight::{flight_weeks, monday};
use flightplan_core::money::{round_dp, Currency};
use flightplan_core::plan::{CommissionBasis, Line, Plan};
use flightplan_core::Dec;
use rust_decimal::Decimal;

fn count_of(d: &Delivery, f: LineField) -> Option<Decimal> {
    match f {
        LineField::Impressions => d.impressions,
        LineField::Clicks => d.clicks,
        LineField::Conversions => d.conversions,
        LineField::Views => d.views,
        LineField::Grps => d.grps,
        _ => None,
    }
}

fn nets(plan: &Plan) -> Option<Vec<Decimal>> {
    let c = Currency::from_code(&plan.currency)?;
    line_nets(plan, c).ok()
}

/// Whether a stated count and the one pricing gives differ by more than rounding could explain
/// (half a percent, or one unit).
pub(crate) fn differs(stated: Decimal, derived: Decimal) -> bool {
    let tolerance = stated.abs().checked_div(Decimal::from(200)).unwrap_or_default().max(Decimal::ONE);
    stated.checked_sub(derived).is_none_or(|d| d.abs() > tolerance)
}

/// Whether a line's faces or insertions fund it, or its stated cost does. A row that states both
/// (Flightplan's exports write each line's cost and units) is funded by its units when they cost
/// exactly the stated amount, as a unit-booked line is written; otherwise the stated cost stands
/// and the units are dropped, with a warning naming both figures. A line funded by a share keeps
/// its share.
pub fn settle_units(plan: &mut Plan, read: &mut [RowLine]) {
    let Some(c) = Currency::from_code(&plan.currency) else { return };
    for (line, r) in plan.lines.iter_mut().zip(read.iter_mut()) {
        let Some(units) = line.booked_units() else { continue };
        let by_units = flightplan_core::schedule::unit_net(&Line { budget: None, share: None, ..line.clone() }, c.minor_units()).ok().flatten();
        let keep_units = match (line.budget, line.share, by_units) {
            (None, None, _) => true,
            (Some(b), _, Some(n)) => round_dp(b.0, c.minor_units()) == n,
            _ => false,
        };
        if keep_units {
            line.budget = None;
            line.share = None;
            r.line = line.clone();
            continue;
        }
        if let (Some(b), Some(n)) = (line.budget, by_units) {
            let what = line.pricing.unit().map(|u| u.label()).unwrap_or("units");
            r.problems.push(Problem::warning(
                "units_differ",
                r.at.clone(),
                format!("{units} {what} at the rate cost {n}, not the stated {b}: the stated cost is kept and the {what} are not"),
            ));
        }
        line.faces = None;
        line.insertions = None;
        r.line = line.clone();
    }
}

/// Each row's stated delivery: kept as the line's stated count where its pricing and rates do
/// not derive that count, checked against them where they do. Infers the universe first when
/// the rows state GRPs and impressions but the file does not say it.
pub fn settle_delivery(plan: &mut Plan, read: &mut [RowLine]) {
    let Some(nets) = nets(plan) else { return };
    if plan.universe.is_none() {
        // Rows that state their universe (Flightplan's CSV states each line's): the plan's is
        // the one most lines share (ties: the first).
        let mut seen: Vec<(Decimal, usize)> = Vec::new();
        for u in plan.lines.iter().filter_map(|l| l.universe) {
            match seen.iter_mut().find(|(v, _)| *v == u) {
                Some((_, n)) => *n += 1,
                None => seen.push((u.0, 1)),
            }
        }
        let most = seen.iter().map(|(_, n)| *n).max().unwrap_or(0);
        plan.universe = seen.iter().find(|(_, n)| *n == most).map(|(u, _)| *u).map(Dec);
    }
    if plan.universe.is_none() {
        infer_universe(plan, read, &nets);
    }
    // A row's universe that is the plan's is the plan's, not a vehicle's own audience.
    for line in &mut plan.lines {
        if line.universe.is_some() && line.universe == plan.universe {
            line.universe = None;
        }
    }
    for ((line, r), net) in plan.lines.iter_mut().zip(read.iter_mut()).zip(&nets) {
        let Ok(d) = deliver(line, *net, plan.universe.map(Dec::get)) else { continue };
        for (f, v) in r.stated {
            let Some(v) = v else { continue };
            if count_of(&d, f).is_none() {
                match f {
                    LineField::Impressions => line.impressions = Some(Dec(v)),
                    LineField::Clicks => line.clicks = Some(Dec(v)),
                    LineField::Conversions => line.conversions = Some(Dec(v)),
                    LineField::Views => line.views = Some(Dec(v)),
                    LineField::Grps => line.grps = Some(Dec(v)),
                    _ => {}
                }
            }
        }
        let Ok(d) = deliver(line, *net, plan.universe.map(Dec::get)) else { continue };
        for (f, v) in r.stated {
            let (Some(stated), Some(derived)) = (v, count_of(&d, f)) else { continue };
            let dp = if f == LineField::Grps { 2 } else { 0 };
            let (a, b) = (round_dp(stated, dp), round_dp(derived, dp));
            if differs(a, b) {
                r.problems.push(Problem::warning(
                    "figures_disagree",
                    r.at.clone(),
                    format!("the row states {a} {} but its cost and rates give {b}: Flightplan uses {b}", f.label()),
                ));
            }
        }
        r.line = line.clone();
    }
}

/// The universe that turns the rows' impressions into their GRPs, when one number does for all.
fn infer_universe(plan: &mut Plan, read: &[RowLine], nets: &[Decimal]) {
    let half = half_unit(2);
    let mut span: Option<(Decimal, Decimal)> = None;
    for ((line, r), net) in plan.lines.iter().zip(read).zip(nets) {
        if line.universe.is_some() {
            continue; // measured against its own audience, not the plan's
        }
        let stated = |f: LineField| r.stated.iter().find(|(g, _)| *g == f).and_then(|(_, v)| *v);
        let Ok(d) = deliver(line, *net, None) else { continue };
        let part = match (d.grps, stated(LineField::Grps), d.impressions, stated(LineField::Impressions)) {
            // CPP: GRPs are bought, impressions = GRPs × U / 100, rounded to whole.
            (Some(g), _, None, Some(i)) if g > Decimal::ZERO => {
                let half_one = Decimal::new(5, 1);
                let lo = i.checked_sub(half_one).and_then(|x| x.checked_mul(Decimal::ONE_HUNDRED)).and_then(|x| x.checked_div(g));
                let hi = i.checked_add(half_one).and_then(|x| x.checked_mul(Decimal::ONE_HUNDRED)).and_then(|x| x.checked_div(g));
                lo.zip(hi)
            }
            // GRPs = impressions / U × 100, rounded to 2 places.
            (None, Some(g), Some(i), _) | (None, Some(g), None, Some(i)) if g > half => {
                let hi = i.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(g.checked_sub(half)?));
                let lo = i.checked_mul(Decimal::ONE_HUNDRED).and_then(|x| x.checked_div(g.checked_add(half)?));
                lo.zip(hi)
            }
            _ => None,
        };
        if let Some(p) = part {
            span = Some(span.map_or(p, |s| intersect(s, p)));
        }
    }
    if let Some((lo, hi)) = span {
        plan.universe = hi.floor().checked_add(Decimal::ONE).and_then(|top| simplest_in(lo.ceil(), top)).or_else(|| simplest_in(lo, hi)).map(Dec);
    }
}

/// The plan's fee rates from the fees each row states (Flightplan's exports carry commission,
/// ad serving and tech fee per line): the simplest rate within a minor unit of every row (the
/// core splits each fee total to the lines, so a line's fee is its exact fee's floor or
/// ceiling), then checked by costing. Rows whose ad serving shows the line is (not) ad-served say so.
pub fn fees_from_lines(plan: &mut Plan, read: &[RowLine], problems: &mut Vec<Problem>) {
    if !read.iter().any(|r| r.commission.is_some() || r.ad_serving.is_some() || r.tech_fee.is_some()) {
        return;
    }
    let Some(currency) = Currency::from_code(&plan.currency) else { return };
    let Some(nets) = nets(plan) else { return };
    // Each fee is computed on its total and split to the lines, so a line's fee is its exact fee
    // rounded down or up: within one minor unit of it.
    let h = Decimal::new(1, currency.minor_units());
    let pct_of_net = |pairs: &[(Decimal, Decimal)]| -> Option<Decimal> {
        let mut span = (Decimal::ZERO, Decimal::ONE_HUNDRED);
        for (net, fee) in pairs.iter().filter(|(n, _)| *n > Decimal::ZERO) {
            let lo = fee.checked_sub(h)?.max(Decimal::ZERO).checked_mul(Decimal::ONE_HUNDRED)?.checked_div(*net)?;
            let hi = fee.checked_add(h)?.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(*net)?;
            span = intersect(span, (lo, hi));
        }
        simplest_in(span.0, span.1)
    };
    let pct_of_gross = |pairs: &[(Decimal, Decimal)]| -> Option<Decimal> {
        // commission = net / (1 − p) − net, so p = 1 − net / (net + commission).
        let mut span = (Decimal::ZERO, Decimal::ONE_HUNDRED);
        for (net, fee) in pairs.iter().filter(|(n, _)| *n > Decimal::ZERO) {
            let p = |c: Decimal| -> Option<Decimal> { Decimal::ONE.checked_sub(net.checked_div(net.checked_add(c)?)?)?.checked_mul(Decimal::ONE_HUNDRED) };
            span = intersect(span, (p(fee.checked_sub(h)?.max(Decimal::ZERO))?, p(fee.checked_add(h)?)?));
        }
        simplest_in(span.0, span.1)
    };
    let pairs =
        |get: fn(&RowLine) -> Option<Decimal>| -> Vec<(Decimal, Decimal)> { read.iter().zip(&nets).filter_map(|(r, n)| get(r).map(|f| (*n, f))).collect() };
    let tech = pairs(|r| r.tech_fee);
    if !tech.is_empty() {
        match pct_of_net(&tech) {
            Some(p) => plan.fees.tech_fee_pct = Dec(p),
            None => problems.push(Problem::warning(
                "fees_differ",
                SourceRef::default(),
                "the lines' tech fees are not one percentage of net media: no tech fee is set",
            )),
        }
    }
    let commission = pairs(|r| r.commission);
    if !commission.is_empty() {
        let gross = pct_of_gross(&commission);
        let net = pct_of_net(&commission);
        let simpler = |a: Decimal, b: Decimal| a.normalize().scale() < b.normalize().scale();
        match (gross, net) {
            (Some(g), Some(n)) if simpler(n, g) => (plan.fees.agency_commission_pct, plan.fees.agency_commission_basis) = (Dec(n), CommissionBasis::Net),
            (Some(g), _) => (plan.fees.agency_commission_pct, plan.fees.agency_commission_basis) = (Dec(g), CommissionBasis::Gross),
            (None, Some(n)) => (plan.fees.agency_commission_pct, plan.fees.agency_commission_basis) = (Dec(n), CommissionBasis::Net),
            (None, None) => problems.push(Problem::warning(
                "fees_differ",
                SourceRef::default(),
                "the lines' agency commissions are not one percentage of gross or of net: no commission is set",
            )),
        }
    }
    // Ad serving: a CPM on the impressions of ad-served lines.
    let mut span: Option<(Decimal, Decimal)> = None;
    for ((line, r), net) in plan.lines.iter().zip(read).zip(&nets) {
        let (Some(fee), Ok(d)) = (r.ad_serving, deliver(line, *net, plan.universe.map(Dec::get))) else { continue };
        let Some(imps) = d.impressions.filter(|x| *x > Decimal::ZERO) else { continue };
        if fee > Decimal::ZERO {
            let k = Decimal::ONE_THOUSAND;
            let lo = fee.checked_sub(h).map(|x| x.max(Decimal::ZERO)).and_then(|x| x.checked_mul(k)).and_then(|x| x.checked_div(imps));
            let hi = fee.checked_add(h).and_then(|x| x.checked_mul(k)).and_then(|x| x.checked_div(imps));
            if let Some(p) = lo.zip(hi) {
                span = Some(span.map_or(p, |s| intersect(s, p)));
            }
        }
    }
    if let Some((lo, hi)) = span {
        match simplest_in(lo, hi) {
            Some(cpm) => plan.fees.ad_serving_cpm = Dec(cpm),
            None => problems.push(Problem::warning(
                "fees_differ",
                SourceRef::default(),
                "the lines' ad serving is not one CPM on their impressions: no ad serving fee is set",
            )),
        }
    }
    ad_served_from_lines(plan, read);
    check_fees(plan, read, problems);
}

/// Which lines are ad-served, from the ad serving each row states: none on a line whose
/// impressions would cost some is "not ad-served"; some on a line not ad-served by default is.
pub fn ad_served_from_lines(plan: &mut Plan, read: &[RowLine]) {
    let (Some(currency), Some(nets)) = (Currency::from_code(&plan.currency), nets(plan)) else { return };
    let cpm = plan.fees.ad_serving_cpm;
    let universe = plan.universe;
    for ((line, r), net) in plan.lines.iter_mut().zip(read).zip(&nets) {
        let (Some(fee), Ok(d)) = (r.ad_serving, deliver(line, *net, universe.map(Dec::get))) else { continue };
        let Some(imps) = d.impressions.filter(|x| *x > Decimal::ZERO) else { continue };
        let would = imps.checked_mul(cpm.0).and_then(|x| x.checked_div(Decimal::ONE_THOUSAND)).map(|x| currency.round(x)).unwrap_or_default();
        if fee.is_zero() && !would.is_zero() && line.is_ad_served() {
            line.ad_served = Some(false);
        } else if fee > Decimal::ZERO && !line.is_ad_served() {
            line.ad_served = Some(true);
        }
    }
}

/// A row whose fees the plan's rates do not reproduce is named.
pub fn check_fees(plan: &Plan, read: &[RowLine], problems: &mut Vec<Problem>) {
    if let Ok(view) = flightplan_core::compute(plan) {
        for (r, v) in read.iter().zip(&view.lines) {
            let differs =
                [(r.commission, v.agency_commission), (r.ad_serving, v.ad_serving), (r.tech_fee, v.tech_fee)].iter().any(|(s, c)| s.is_some_and(|s| s != *c));
            if differs {
                problems.push(Problem::warning("fees_differ", r.at.clone(), "the row's fees differ from the plan's fee rates applied to it"));
            }
        }
    }
}

/// Weekly spreads from Flightplan's Flowchart sheet: a line whose weeks are not the even spread
/// of its net gets those weeks as its weights (hiatus weeks at 0).
pub fn weights_from_flowchart(preview: &mut ImportPreview, grid: &[Record]) {
    let Some(header) = grid.first() else { return };
    let weeks: Vec<(usize, NaiveDate)> =
        header.cells.iter().enumerate().filter_map(|(i, c)| NaiveDate::parse_from_str(c.trim(), "%Y-%m-%d").ok().map(|d| (i, d))).collect();
    if weeks.is_empty() || !preview.ready() {
        return;
    }
    let Ok(view) = flightplan_core::compute(&preview.plan) else { return };
    let sheet = Some("Flowchart".to_string());
    let mut changed = Vec::new();
    for (i, (line, v)) in preview.plan.lines.iter_mut().zip(&view.lines).enumerate() {
        let Some(row) = grid.get(i + 1) else { break };
        let same = row.cells.first().map(|c| c.trim()) == Some(line.channel.as_str()) && row.cells.get(1).map(|c| c.trim()) == Some(line.name.as_str());
        if !same {
            preview.problems.push(Problem::warning(
                "flowchart_mismatch",
                SourceRef::row(sheet.as_deref(), row.line),
                format!("the Flowchart's row {} is not line \"{}\": its weeks are not read", row.line, line.name),
            ));
            continue;
        }
        let amount = |week: NaiveDate| -> Decimal {
            weeks
                .iter()
                .find(|(_, d)| *d == week)
                .and_then(|(c, _)| row.cells.get(*c))
                .and_then(|c| crate::cells::number(c, false).ok().flatten())
                .unwrap_or_default()
        };
        let on_sheet: Vec<Decimal> = v.weeks.iter().map(|w| amount(w.week_start)).collect();
        let computed: Vec<Decimal> = v.weeks.iter().map(|w| w.net.0).collect();
        if on_sheet == computed || on_sheet.iter().all(|x| x.is_zero()) {
            continue;
        }
        // A week's spend is its weight × its active days: weight = amount × 420 / days is exact.
        let fw = flight_weeks(line);
        let weights: Option<Vec<Decimal>> = fw
            .iter()
            .map(|w| {
                let days = Decimal::from(w.days.max(1));
                amount(monday(w.week_start)).checked_mul(Decimal::from(420))?.checked_div(days).map(|x| x.normalize())
            })
            .collect();
        if let Some(w) = weights.filter(|w| w.iter().any(|x| !x.is_zero())) {
            line.weights = Some(w.into_iter().map(Dec).collect());
            line.pattern = None;
            changed.push((i, on_sheet, row.line));
        }
    }
    if changed.is_empty() {
        return;
    }
    match flightplan_core::compute(&preview.plan) {
        Ok(view) => {
            for (i, on_sheet, row) in changed {
                let got: Vec<Decimal> = view.lines[i].weeks.iter().map(|w| w.net.0).collect();
                if got != on_sheet {
                    preview.problems.push(Problem::warning(
                        "flowchart_differs",
                        SourceRef::row(sheet.as_deref(), row),
                        "the weekly amounts do not add up to the line's net media: the line's weeks are spread from its net instead",
                    ));
                    preview.plan.lines[i].weights = None;
                }
            }
        }
        Err(_) => {
            for (i, _, _) in changed {
                preview.plan.lines[i].weights = None;
            }
        }
    }
}
