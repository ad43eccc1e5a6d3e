//! The channel mix: one row per line (or per channel, when the lines do not fit at a readable
//! size) with its role, buying method, price, net media, share, estimated delivery and KPI
//! target, closed by a totals row.
//!
//! Every figure is the core's (`flightplan_core::report`): a channel row's figures are the
//! core's exact sums of its lines, so every column still adds up to the totals row exactly.

use crate::fonts::Weight;
use crate::labels::{buying, funnel};
use crate::layout::{Align, Canvas, Ctx, Detail, Rect, ACCENT, HAIRLINE, INK, MUTED, RULE, ZEBRA};
use flightplan_core::costing::PlanView;
use flightplan_core::report::Row;
use flightplan_core::Dec;
use rust_decimal::Decimal;

/// The rows shown: the core's line rows, channel rows, or folded channel rows.
pub struct Rows<'a> {
    pub rows: Vec<&'a Row>,
    pub detail: Detail,
}

impl Rows<'_> {
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

/// "1 line", "12 lines".
pub fn lines_label(n: usize) -> String {
    format!("{n} line{}", if n == 1 { "" } else { "s" })
}

/// "1 channel", "12 channels".
pub fn channels_label(n: usize) -> String {
    format!("{n} channel{}", if n == 1 { "" } else { "s" })
}

/// A row's two label cells: channel and line name, a channel and its line count, or a medium
/// (or a fold) and its channel and line counts.
pub fn label(rows: &Rows, row: &Row) -> (String, String) {
    match rows.detail {
        Detail::Lines => (row.channel.clone(), row.name.clone()),
        Detail::Channels => (row.channel.clone(), lines_label(row.lines.len())),
        _ if row.channels > 1 => (row.channel.clone(), format!("{} · {}", channels_label(row.channels), lines_label(row.lines.len()))),
        _ => (row.channel.clone(), lines_label(row.lines.len())),
    }
}

type Getter = fn(&Row) -> Option<Decimal>;

/// How a delivery column prints and totals.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Whole counts, summed.
    Count,
    /// Points to 2 places, summed.
    Points,
    /// Reach, percent: the total is the plan's combined reach; a channel row has none.
    Reach,
    /// Average frequency: the plan's for the total, none on a channel row.
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
    let present = |name: &str| {
        view.lines.iter().any(|l| match name {
            "Impressions" => l.impressions.is_some(),
            "Clicks" => l.clicks.is_some(),
            "Conversions" => l.conversions.is_some(),
            "Views" => l.views.is_some(),
            "GRPs" => l.grps.is_some(),
            "TRPs" => l.trps.is_some(),
            "Reach" => l.reach_pct.is_some(),
            _ => l.frequency.is_some(),
        })
    };
    let trps_differ = view.lines.iter().any(|l| l.trps.is_some() && l.trps != l.grps);
    all.into_iter().filter(|(name, _, _)| present(name) && (*name != "TRPs" || trps_differ)).collect()
}

/// The units column: "120 spots", "20 faces", "4 insertions".
fn units_cell(row: &Row, f: &crate::labels::Formats) -> String {
    match row.units {
        Some((u, n)) => format!("{} {}", f.plain(n.normalize()), u.label()),
        None => "—".to_string(),
    }
}

/// The cells of one row, column by column.
fn cells(ctx: &Ctx, rows: &Rows, row: &Row, cols: &[(&'static str, Getter, Kind)], with_units: bool) -> Vec<String> {
    let f = &ctx.fmt;
    let (channel, name) = label(rows, row);
    let mixed = |known: &'static str| if rows.detail == Detail::Lines { known } else { "Mixed" };
    let mut out = vec![channel, name];
    out.push(match row.role {
        Some(r) => funnel(Some(r)).to_string(),
        None => mixed("—").to_string(),
    });
    out.push(match row.buying {
        Some(b) => buying(Some(b)).to_string(),
        None => mixed("—").to_string(),
    });
    out.push(match (row.pricing, row.rate) {
        (Some(p), Some(r)) => format!("{} {}", p.label(), f.rate(r)),
        (Some(p), None) => p.label().to_string(),
        (None, _) => "Mixed".to_string(),
    });
    out.push(f.money(row.net));
    out.push(f.pct(row.share_pct));
    if with_units {
        out.push(units_cell(row, f));
    }
    for (_, get, kind) in cols {
        out.push(match kind {
            Kind::Count => f.count(get(row)),
            Kind::Points | Kind::Frequency => f.grps(get(row)),
            Kind::Reach => get(row).map(|v| f.pct(v)).unwrap_or_else(|| "—".into()),
        });
    }
    out.push(row.kpi.as_ref().map(|k| kpi_target(ctx, k)).unwrap_or_else(|| "—".into()));
    out
}

/// A line's KPI target; reach at N+ names its N.
fn kpi_target(ctx: &Ctx, k: &flightplan_core::plan::KpiTarget) -> String {
    match (k.kpi, k.target) {
        (flightplan_core::plan::Kpi::EffectiveReach, Some(t)) => {
            format!("Reach {}+ {}", ctx.view.totals.effective_frequency, ctx.fmt.kpi_value(k.kpi, t.0))
        }
        _ => ctx.fmt.kpi_target(k),
    }
}

fn totals_cells(ctx: &Ctx, cols: &[(&'static str, Getter, Kind)], with_units: bool) -> Vec<String> {
    let t = &ctx.view.totals;
    let f = &ctx.fmt;
    let mut out = vec!["Total".to_string(), lines_label(ctx.view.lines.len()), String::new(), String::new(), String::new()];
    out.push(f.money(t.net_media.0));
    out.push(f.pct(t.share_pct.0));
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
            Kind::Count => f.count(v.map(Dec::get)),
            Kind::Reach => v.map(|x| f.pct(x.0)).unwrap_or_else(|| "—".into()),
            Kind::Points | Kind::Frequency => f.grps(v.map(Dec::get)),
        });
    }
    out.push(String::new());
    out
}

/// The most lines a channel or line name wraps onto in the mix.
const NAME_LINES: usize = 2;

/// The table measured for a width: its cells, column widths and the height of each row (names
/// wrap onto a second line rather than being cut, where the page has the height).
struct Table {
    heads: Vec<&'static str>,
    /// Per row: every cell, with the channel and line names as wrapped lines.
    body: Vec<Vec<Vec<String>>>,
    totals: Vec<String>,
    widths: Vec<f32>,
    heights: Vec<f32>,
    figure_cols: Vec<bool>,
}

const TITLE_H: f32 = 14.0;

fn head_h(ctx: &Ctx) -> f32 {
    ctx.small() * 2.2
}

/// A quick lower bound on the height, one line per row, to reject a size without measuring.
fn estimate(ctx: &Ctx, rows: usize) -> f32 {
    head_h(ctx) + ctx.row() * (rows as f32 + 1.0) + TITLE_H
}

/// Height the table needs for `rows` at this body size and `width`; `None` if it cannot fit.
pub fn height(c: &mut Canvas, ctx: &Ctx, rows: &Rows, width: f32, limit: f32) -> Option<f32> {
    if estimate(ctx, rows.len()) > limit {
        return None;
    }
    let t = measure(c, ctx, rows, width)?;
    Some(TITLE_H + head_h(ctx) + t.heights.iter().sum::<f32>() + ctx.row())
}

fn measure(c: &mut Canvas, ctx: &Ctx, rows: &Rows, width: f32) -> Option<Table> {
    let cols = delivery_columns(ctx.view);
    let with_units = rows.rows.iter().any(|r| r.units.is_some());
    let second = if rows.detail == Detail::Lines { "Line" } else { "Lines" };
    let first = if rows.detail == Detail::Media { "Medium" } else { "Channel" };
    let mut heads: Vec<&'static str> = vec![first, second, "Role", "Buying", "Pricing", "Net media", "Share"];
    if with_units {
        heads.push("Units");
    }
    heads.extend(cols.iter().map(|c| c.0));
    heads.push("KPI target");
    let mut body: Vec<Vec<String>> = rows.rows.iter().map(|r| cells(ctx, rows, r, &cols, with_units)).collect();
    let mut totals = totals_cells(ctx, &cols, with_units);
    // A channel has no KPI target of its own: the column goes.
    let kpi_col = rows.detail == Detail::Lines;
    if !kpi_col {
        heads.pop();
        totals.pop();
        for r in &mut body {
            r.pop();
        }
    }
    let n = heads.len();
    let figure_cols: Vec<bool> = (0..n).map(|i| i >= 5 && (i < n - 1 || !kpi_col)).collect();

    // Measure every column: the widest of its head, cells and total.
    let (b, s) = (ctx.body, ctx.small());
    let pad = b * 1.1;
    let mut widths: Vec<f32> = heads.iter().map(|h| c.width(h, s, Weight::Bold)).collect();
    for (k, row) in body.iter().chain(std::iter::once(&totals)).enumerate() {
        let is_total = k == body.len();
        for (i, cell) in row.iter().enumerate() {
            let weight = if i == 0 || is_total { Weight::Bold } else { Weight::Regular };
            widths[i] = widths[i].max(c.width(cell, b, weight));
        }
    }
    // Channel and line names share what is left, and wrap when they need more.
    let fixed: f32 = widths[2..].iter().sum::<f32>() + pad * (widths.len() as f32 - 1.0);
    let left = width - fixed;
    let min_names = 90.0_f32.min(widths[0] + widths[1]);
    if left < min_names {
        return None;
    }
    let natural = widths[0] + widths[1];
    if natural > left {
        let channel = (widths[0]).min(left * 0.4);
        widths[0] = channel;
        widths[1] = left - channel;
    } else {
        // Give the spare room to the line name, so figures stay to the right.
        widths[1] += left - natural;
    }
    let row_h = ctx.row();
    let line = b * 1.2;
    let mut heights = Vec::with_capacity(body.len());
    let body: Vec<Vec<Vec<String>>> = body
        .into_iter()
        .map(|row| {
            let cells: Vec<Vec<String>> = row
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i > 1 {
                        return vec![cell];
                    }
                    let weight = if i == 0 { Weight::Bold } else { Weight::Regular };
                    let mut lines = c.fonts.wrap(&cell, b, weight, widths[i]);
                    if lines.len() > NAME_LINES {
                        // The rest joins the last line, which is then shortened (and warned of).
                        let rest = lines.split_off(NAME_LINES - 1).join(" ");
                        lines.push(rest);
                    }
                    if lines.is_empty() {
                        lines.push(String::new());
                    }
                    lines
                })
                .collect();
            let most = cells.iter().take(2).map(|c| c.len()).max().unwrap_or(1);
            heights.push(row_h + line * (most as f32 - 1.0));
            cells
        })
        .collect();
    Some(Table { heads, body, totals, widths, heights, figure_cols })
}

/// Draw the mix in `area`; `None` (nothing drawn) if it does not fit at this size.
pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) -> Option<f32> {
    let need = height(c, ctx, rows, area.w, area.h)?;
    if need > area.h {
        return None;
    }
    let t = measure(c, ctx, rows, area.w)?;
    let (b, s) = (ctx.body, ctx.small());
    let pad = b * 1.1;
    let mut xs = Vec::with_capacity(t.widths.len());
    let mut x = area.x;
    for w in &t.widths {
        xs.push(x);
        x += w + pad;
    }
    let align = |i: usize| if t.figure_cols.get(i).copied().unwrap_or(false) { Align::Right } else { Align::Left };

    let n = ctx.view.lines.len();
    let title = match rows.detail {
        Detail::Lines => "CHANNEL MIX".to_string(),
        Detail::Media => format!(
            "MEDIA MIX — {n} LINES IN {} CHANNELS SUMMED BY MEDIUM TO FIT ONE PAGE (EVERY CHANNEL AND LINE IS IN THE XLSX EXPORT)",
            ctx.report.channels.len()
        ),
        _ => format!("CHANNEL MIX — {n} LINES SUMMED BY CHANNEL TO FIT ONE PAGE (EVERY LINE IS IN THE XLSX EXPORT)"),
    };
    c.text(Rect::new(area.x, area.y, area.w, TITLE_H - 4.0), &title, s + 0.5, Weight::Bold, ACCENT, Align::Left);
    let mut y = area.y + TITLE_H;
    let hh = head_h(ctx);
    for (i, h) in t.heads.iter().enumerate() {
        c.text(Rect::new(xs[i], y, t.widths[i], hh), h, s, Weight::Bold, MUTED, align(i));
    }
    y += hh;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    let row_h = ctx.row();
    let line = b * 1.2;
    for (r, (cellrow, h)) in t.body.iter().zip(&t.heights).enumerate() {
        if r % 2 == 1 {
            c.fill(Rect::new(area.x, y, area.w, *h), ZEBRA);
        }
        for (i, lines) in cellrow.iter().enumerate() {
            let weight = if i == 0 { Weight::Bold } else { Weight::Regular };
            for (k, text) in lines.iter().enumerate() {
                let ink = if text == "—" { MUTED } else { INK };
                // Figures sit on the row's first line, beside the names' first line.
                let cell = Rect::new(xs[i], y + line * k as f32, t.widths[i], row_h);
                c.text(cell, text, b, weight, ink, align(i));
            }
        }
        y += h;
        c.hline(area.x, area.right(), y, 0.3, HAIRLINE);
    }
    c.hline(area.x, area.right(), y, 0.8, RULE);
    for (i, cell) in t.totals.iter().enumerate() {
        let weight = if i == 1 { Weight::Regular } else { Weight::Bold };
        let ink = if i == 1 { MUTED } else { INK };
        c.text(Rect::new(xs[i], y, t.widths[i], row_h), cell, b, weight, ink, align(i));
    }
    y += row_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    Some(y)
}
