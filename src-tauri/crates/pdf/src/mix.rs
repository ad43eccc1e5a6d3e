//! The channel mix: one row per line (or the "Other (N lines)" fold) with its role, buying
//! method, price, net media, share, estimated delivery and KPI target, closed by a totals row.
//!
//! When the page is too full, the smallest lines by net media fold into one "Other" row whose
//! figures are the sums of the folded lines' printed figures, so every column still adds up to
//! the totals row exactly.

use crate::fonts::Weight;
use crate::labels::{buying, funnel};
use crate::layout::{Align, Canvas, Ctx, Rect, ACCENT, HAIRLINE, INK, MUTED, RULE, ZEBRA};
use flightplan_core::costing::{LineView, PlanView};
use flightplan_core::plan::Plan;
use rust_decimal::Decimal;

/// A row of the mix and the flowchart: a line, or the fold of the smallest lines.
pub enum Row<'a> {
    Line { index: usize, view: &'a LineView },
    Other { lines: Vec<&'a LineView> },
}

/// The rows shown, in plan order, with the fold last.
pub struct Rows<'a> {
    pub rows: Vec<Row<'a>>,
    pub folded: usize,
}

impl<'a> Rows<'a> {
    /// Keep the `keep` largest lines by net media (ties: earlier line first); fold the rest.
    pub fn new(view: &'a PlanView, keep: usize) -> Rows<'a> {
        let n = view.lines.len();
        if keep >= n {
            let rows = view.lines.iter().enumerate().map(|(index, view)| Row::Line { index, view }).collect();
            return Rows { rows, folded: 0 };
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|a, b| view.lines[*b].net.cmp(&view.lines[*a].net).then(a.cmp(b)));
        let mut kept: Vec<usize> = order[..keep].to_vec();
        kept.sort_unstable();
        let mut folded: Vec<usize> = order[keep..].to_vec();
        folded.sort_unstable();
        let mut rows: Vec<Row> = kept.into_iter().map(|index| Row::Line { index, view: &view.lines[index] }).collect();
        rows.push(Row::Other { lines: folded.iter().map(|i| &view.lines[*i]).collect() });
        Rows { rows, folded: n - keep }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

impl Row<'_> {
    pub fn label(&self) -> (String, String) {
        match self {
            Row::Line { view, .. } => (view.channel.clone(), view.name.clone()),
            Row::Other { lines } => (format!("Other ({} lines)", lines.len()), "Smallest lines, folded*".to_string()),
        }
    }

    fn lines(&self) -> Vec<&LineView> {
        match self {
            Row::Line { view, .. } => vec![*view],
            Row::Other { lines } => lines.clone(),
        }
    }

    pub fn net(&self) -> Decimal {
        self.lines().iter().map(|l| l.net).sum()
    }

    pub fn share(&self) -> Decimal {
        self.lines().iter().map(|l| l.share_pct).sum()
    }

    /// The sum of a delivery column over the row's lines; unknown only if unknown on all.
    pub fn count(&self, f: fn(&LineView) -> Option<Decimal>) -> Option<Decimal> {
        let known: Vec<Decimal> = self.lines().iter().filter_map(|l| f(l)).collect();
        (!known.is_empty()).then(|| known.into_iter().sum())
    }
}

type Getter = fn(&LineView) -> Option<Decimal>;

/// How a delivery column prints and totals.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Whole counts, summed.
    Count,
    /// Points to 2 places, summed.
    Points,
    /// Reach, percent: the total is the plan's combined reach, and a fold of lines has none.
    Reach,
    /// Average frequency: the plan's for the total, none for a fold.
    Frequency,
}

/// The delivery columns that have a figure on at least one line. TRPs show only where they
/// differ from GRPs somewhere (a line on its own universe or partly off target).
fn delivery_columns(view: &PlanView) -> Vec<(&'static str, Getter, Kind)> {
    let all: [(&'static str, Getter, Kind); 8] = [
        ("Impressions", |l| l.impressions, Kind::Count),
        ("Clicks", |l| l.clicks, Kind::Count),
        ("Conversions", |l| l.conversions, Kind::Count),
        ("Views", |l| l.views, Kind::Count),
        ("GRPs", |l| l.grps, Kind::Points),
        ("TRPs", |l| l.trps, Kind::Points),
        ("Reach", |l| l.reach_pct, Kind::Reach),
        ("Freq.", |l| l.frequency, Kind::Frequency),
    ];
    let trps_differ = view.lines.iter().any(|l| l.trps.is_some() && l.trps != l.grps);
    all.into_iter()
        .filter(|(name, g, _)| view.lines.iter().any(|l| g(l).is_some()) && (*name != "TRPs" || trps_differ))
        .collect()
}

/// The units column: "120 spots", "20 faces", "4 insertions".
fn units_cell(view: &LineView, f: &crate::labels::Formats) -> String {
    match (view.unit, view.units) {
        (Some(u), Some(n)) => format!("{} {}", f.plain(n.normalize()), u.label()),
        _ => "—".to_string(),
    }
}

/// The cells of one row, column by column.
fn cells(ctx: &Ctx, plan: &Plan, row: &Row, cols: &[(&'static str, Getter, Kind)], with_units: bool) -> Vec<String> {
    let f = &ctx.fmt;
    let (channel, name) = row.label();
    let mut out = vec![channel, name];
    match row {
        Row::Line { index, view } => {
            let line = &plan.lines[*index];
            out.push(funnel(line.role).to_string());
            out.push(buying(line.buying).to_string());
            out.push(match view.rate {
                Some(r) => format!("{} {}", view.pricing.label(), f.rate(r)),
                None => view.pricing.label().to_string(),
            });
        }
        Row::Other { .. } => out.extend(["—".to_string(), "—".to_string(), "Mixed".to_string()]),
    }
    out.push(f.money(row.net()));
    out.push(f.pct(row.share()));
    if with_units {
        out.push(match row {
            Row::Line { view, .. } => units_cell(view, f),
            Row::Other { .. } => "—".to_string(),
        });
    }
    for (_, get, kind) in cols {
        out.push(match (kind, row) {
            (Kind::Count, _) => f.count(row.count(*get)),
            (Kind::Points, _) => f.grps(row.count(*get)),
            (Kind::Reach, Row::Line { view, .. }) => get(view).map(|v| f.pct(v)).unwrap_or_else(|| "—".into()),
            (Kind::Frequency, Row::Line { view, .. }) => f.grps(get(view)),
            (_, Row::Other { .. }) => "—".to_string(),
        });
    }
    out.push(match row {
        Row::Line { index, .. } => plan.lines[*index].kpi.as_ref().map(|k| kpi_target(ctx, k)).unwrap_or_else(|| "—".into()),
        Row::Other { .. } => "—".to_string(),
    });
    out
}

/// A line's KPI target; reach at N+ names its N.
fn kpi_target(ctx: &Ctx, k: &flightplan_core::plan::KpiTarget) -> String {
    match (k.kpi, k.target) {
        (flightplan_core::plan::Kpi::EffectiveReach, Some(t)) => {
            format!("Reach {}+ {}", ctx.view.totals.effective_frequency, ctx.fmt.kpi_value(k.kpi, t))
        }
        _ => ctx.fmt.kpi_target(k),
    }
}

fn totals_cells(ctx: &Ctx, cols: &[(&'static str, Getter, Kind)], with_units: bool) -> Vec<String> {
    let t = &ctx.view.totals;
    let f = &ctx.fmt;
    let mut out = vec!["Total".to_string(), format!("{} lines", ctx.view.lines.len()), String::new(), String::new(), String::new()];
    out.push(f.money(t.net_media));
    out.push(f.pct(t.share_pct));
    if with_units {
        out.push(String::new());
    }
    for (name, _, kind) in cols {
        let v = match *name {
            "Impressions" => t.impressions,
            "Clicks" => t.clicks,
            "Conversions" => t.conversions,
            "Views" => t.views,
            "TRPs" => t.trps,
            "Reach" => t.reach_pct,
            "Freq." => t.frequency,
            _ => t.grps,
        };
        out.push(match kind {
            Kind::Count => f.count(v),
            Kind::Reach => v.map(|x| f.pct(x)).unwrap_or_else(|| "—".into()),
            Kind::Points | Kind::Frequency => f.grps(v),
        });
    }
    out.push(String::new());
    out
}

/// Height the table needs for `rows` at this body size.
pub fn height(ctx: &Ctx, rows: usize) -> f32 {
    ctx.small() * 2.2 + ctx.row() * (rows as f32 + 1.0) + 14.0
}

/// Draw the mix in `area`; `None` (nothing drawn) if it does not fit at this size.
pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) -> Option<f32> {
    let need = height(ctx, rows.len());
    if need > area.h {
        return None;
    }
    let cols = delivery_columns(ctx.view);
    let with_units = ctx.view.lines.iter().any(|l| l.unit.is_some() && l.units.is_some());
    let mut heads: Vec<&str> = vec!["Channel", "Line", "Role", "Buying", "Pricing", "Net media", "Share"];
    if with_units {
        heads.push("Units");
    }
    heads.extend(cols.iter().map(|c| c.0));
    heads.push("KPI target");
    let body: Vec<Vec<String>> = rows.rows.iter().map(|r| cells(ctx, ctx.plan, r, &cols, with_units)).collect();
    let totals = totals_cells(ctx, &cols, with_units);

    // Measure every column: the widest of its head, cells and total.
    let (b, s) = (ctx.body, ctx.small());
    let pad = b * 1.1;
    let mut widths: Vec<f32> = heads.iter().map(|h| c.width(h, s, Weight::Bold)).collect();
    for row in body.iter().chain(std::iter::once(&totals)) {
        for (i, cell) in row.iter().enumerate() {
            let weight = if i == 0 || std::ptr::eq(row, &totals) { Weight::Bold } else { Weight::Regular };
            widths[i] = widths[i].max(c.width(cell, b, weight));
        }
    }
    // Channel and line names share what is left; they truncate with an ellipsis.
    let fixed: f32 = widths[2..].iter().sum::<f32>() + pad * (widths.len() as f32 - 1.0);
    let left = area.w - fixed;
    let min_names = 70.0_f32.min(widths[0] + widths[1]);
    if left < min_names {
        return None;
    }
    let natural = widths[0] + widths[1];
    if natural > left {
        let channel = (widths[0]).min(left * 0.42);
        widths[0] = channel;
        widths[1] = left - channel;
    } else {
        // Give the spare room to the line name, so figures stay to the right.
        widths[1] += left - natural;
    }
    let mut xs = Vec::with_capacity(widths.len());
    let mut x = area.x;
    for w in &widths {
        xs.push(x);
        x += w + pad;
    }

    let title_h = 14.0;
    c.text(Rect::new(area.x, area.y, area.w * 0.5, title_h - 4.0), "CHANNEL MIX", s + 0.5, Weight::Bold, ACCENT, Align::Left);
    let mut y = area.y + title_h;
    let head_h = s * 2.2;
    for (i, h) in heads.iter().enumerate() {
        let align = if i >= 5 && i < heads.len() - 1 { Align::Right } else { Align::Left };
        c.text(Rect::new(xs[i], y, widths[i], head_h), h, s, Weight::Bold, MUTED, align);
    }
    y += head_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    let row_h = ctx.row();
    for (r, cellrow) in body.iter().enumerate() {
        if r % 2 == 1 {
            c.fill(Rect::new(area.x, y, area.w, row_h), ZEBRA);
        }
        for (i, cell) in cellrow.iter().enumerate() {
            let align = if i >= 5 && i < cellrow.len() - 1 { Align::Right } else { Align::Left };
            let weight = if i == 0 { Weight::Bold } else { Weight::Regular };
            let ink = if cell == "—" { MUTED } else { INK };
            c.text(Rect::new(xs[i], y, widths[i], row_h), cell, b, weight, ink, align);
        }
        y += row_h;
        c.hline(area.x, area.right(), y, 0.3, HAIRLINE);
    }
    c.hline(area.x, area.right(), y, 0.8, RULE);
    for (i, cell) in totals.iter().enumerate() {
        let align = if i >= 5 && i < totals.len() - 1 { Align::Right } else { Align::Left };
        let weight = if i == 1 { Weight::Regular } else { Weight::Bold };
        let ink = if i == 1 { MUTED } else { INK };
        c.text(Rect::new(xs[i], y, widths[i], row_h), cell, b, weight, ink, align);
    }
    y += row_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    Some(y)
}
