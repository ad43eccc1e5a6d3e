//! The bottom band of the page: totals with each fee, the budget split by channel, creative
//! requirements with due dates, assumptions and footnotes, and the client's sign-off block.
//!
//! Each panel has a fixed box; what does not fit is cut with a visible "+N more" or an ellipsis
//! rather than running into its neighbour.

use crate::fonts::Weight;
use crate::labels::{date, Formats};
use crate::layout::{Align, Canvas, Ctx, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, INK, MUTED, RULE};
use crate::mix::Rows;
use flightplan_core::plan::CommissionBasis;
use flightplan_core::reach::ReachModel;
use rust_decimal::Decimal;

const TITLE_H: f32 = 13.0;
const GUTTER: f32 = 16.0;

pub fn height(ctx: &Ctx) -> f32 {
    TITLE_H + ctx.row() * 7.5 + 4.0
}

fn title(c: &mut Canvas, ctx: &Ctx, area: Rect, text: &str) {
    c.text(Rect::new(area.x, area.y, area.w, 9.0), text, ctx.small() + 0.5, Weight::Bold, ACCENT, Align::Left);
    c.hline(area.x, area.right(), area.y + TITLE_H - 2.0, 0.5, HAIRLINE);
}

pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) {
    let fracs = [0.235, 0.17, 0.25, 0.215, 0.13];
    let usable = area.w - GUTTER * (fracs.len() as f32 - 1.0);
    let mut x = area.x;
    let mut boxes = Vec::new();
    for f in fracs {
        let w = usable * f;
        boxes.push(Rect::new(x, area.y, w, area.h));
        x += w + GUTTER;
    }
    totals(c, ctx, boxes[0]);
    split(c, ctx, boxes[1]);
    creative(c, ctx, boxes[2]);
    notes(c, ctx, rows, boxes[3]);
    sign_off(c, ctx, boxes[4]);
}

fn pct_label(fmt: &Formats, v: Decimal) -> String {
    fmt.plain(v.normalize())
}

fn totals(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    title(c, ctx, area, "TOTALS");
    let t = &ctx.view.totals;
    let fees = &ctx.plan.fees;
    let f = &ctx.fmt;
    let basis = match fees.agency_commission_basis {
        CommissionBasis::Gross => "of gross",
        CommissionBasis::Net => "on net",
    };
    let rows: Vec<(String, String, bool)> = vec![
        ("Net media".into(), f.money(t.net_media), true),
        (format!("Commission ({}% {basis})", pct_label(f, fees.agency_commission_pct)), f.money(t.agency_commission), false),
        (format!("Ad serving ({} CPM)", f.rate(fees.ad_serving_cpm)), f.money(t.ad_serving), false),
        (format!("Tech & data ({}% of net)", pct_label(f, fees.tech_fee_pct)), f.money(t.tech_fee), false),
        ("Total fees".into(), f.money(t.fees), false),
    ];
    let row_h = ctx.row();
    let mut y = area.y + TITLE_H;
    let gross_w = c.width(&f.money(t.gross), ctx.body + 1.0, Weight::Bold);
    let value_w = rows.iter().map(|r| c.width(&r.1, ctx.body, Weight::Bold)).fold(gross_w, f32::max);
    let value_w = value_w.min(area.w * 0.55);
    let label_w = area.w - value_w - 4.0;
    for (label, value, strong) in &rows {
        let weight = if *strong { Weight::Bold } else { Weight::Regular };
        c.text(Rect::new(area.x, y, label_w, row_h), label, ctx.body, weight, if *strong { INK } else { MUTED }, Align::Left);
        c.text(Rect::new(area.right() - value_w, y, value_w, row_h), value, ctx.body, weight, INK, Align::Right);
        y += row_h;
    }
    c.hline(area.x, area.right(), y + 1.0, 1.0, RULE);
    y += 2.0;
    let gross_h = row_h * 1.25;
    c.fill(Rect::new(area.x, y, area.w, gross_h), ACCENT_SOFT);
    c.text(Rect::new(area.x + 3.0, y, label_w - 3.0, gross_h), "Gross total", ctx.body + 1.0, Weight::Bold, INK, Align::Left);
    c.text(Rect::new(area.right() - value_w - 3.0, y, value_w, gross_h), &f.money(t.gross), ctx.body + 1.0, Weight::Bold, INK, Align::Right);
    y += gross_h;
    if !t.unallocated.is_zero() {
        let what = if t.unallocated.is_sign_negative() { "over budget" } else { "unallocated" };
        let text = format!("Plan budget {}  ·  {} {what}", f.money(t.budget), f.money(t.unallocated.abs()));
        c.text(Rect::new(area.x, y, area.w, row_h), &text, ctx.small(), Weight::Regular, MUTED, Align::Left);
    }
}

/// Net media by channel: share of the total as printed in the mix, so the split adds to 100.
fn split(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    title(c, ctx, area, "BUDGET SPLIT BY CHANNEL");
    let mut by: Vec<(String, Decimal, Decimal)> = Vec::new();
    for l in &ctx.view.lines {
        match by.iter_mut().find(|(ch, _, _)| *ch == l.channel) {
            Some(e) => {
                e.1 += l.net;
                e.2 += l.share_pct;
            }
            None => by.push((l.channel.clone(), l.net, l.share_pct)),
        }
    }
    by.sort_by(|a, b| b.1.cmp(&a.1));
    let row_h = ctx.row();
    let slots = (((area.h - TITLE_H) / row_h).floor() as usize).max(1);
    if by.len() > slots {
        let rest: Vec<_> = by.split_off(slots - 1);
        let net = rest.iter().map(|r| r.1).sum();
        let share = rest.iter().map(|r| r.2).sum();
        by.push((format!("Other ({} channels)", rest.len()), net, share));
    }
    let max = by.iter().map(|r| r.2).max().unwrap_or(Decimal::ONE);
    let pct_w = c.width(&ctx.fmt.pct(Decimal::ONE_HUNDRED), ctx.small(), Weight::Regular);
    let label_w = area.w * 0.42;
    let bar_x = area.x + label_w + 3.0;
    let bar_max = area.right() - pct_w - 3.0 - bar_x;
    let mut y = area.y + TITLE_H;
    for (channel, _, share) in &by {
        c.text(Rect::new(area.x, y, label_w, row_h), channel, ctx.small(), Weight::Regular, INK, Align::Left);
        let t = if max.is_zero() { 0.0 } else { ratio(*share, max) };
        let bh = row_h * 0.5;
        c.fill(Rect::new(bar_x, y + (row_h - bh) / 2.0, (bar_max * t).max(0.0), bh), ACCENT);
        c.text(Rect::new(area.right() - pct_w, y, pct_w, row_h), &ctx.fmt.pct(*share), ctx.small(), Weight::Regular, INK, Align::Right);
        y += row_h;
    }
}

fn creative(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    title(c, ctx, area, "CREATIVE REQUIRED — DUE DATES");
    let mut items: Vec<(Option<chrono::NaiveDate>, String)> = Vec::new();
    for line in &ctx.plan.lines {
        for cr in &line.creative {
            items.push((cr.due, format!("{} × {} — {}", cr.count, cr.format, line.name)));
        }
    }
    items.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let row_h = ctx.row() * 0.9;
    let s = ctx.small();
    let slots = (((area.h - TITLE_H) / row_h).floor() as usize).max(1);
    let dates: Vec<String> = items.iter().map(|(d, _)| d.map(date).unwrap_or_else(|| "No date".into())).collect();
    let date_w = dates.iter().map(|d| c.width(d, s, Weight::Bold)).fold(0.0_f32, f32::max).min(area.w * 0.4);
    let mut y = area.y + TITLE_H;
    if items.is_empty() {
        c.text(Rect::new(area.x, y, area.w, row_h), "No creative listed on the lines yet.", s, Weight::Regular, MUTED, Align::Left);
        return;
    }
    let shown = if items.len() > slots { slots - 1 } else { items.len() };
    for ((_, text), d) in items.iter().zip(&dates).take(shown) {
        c.text(Rect::new(area.x, y, date_w, row_h), d, s, Weight::Bold, INK, Align::Left);
        c.text(Rect::new(area.x + date_w + 3.0, y, area.w - date_w - 3.0, row_h), text, s, Weight::Regular, INK, Align::Left);
        y += row_h;
    }
    if items.len() > shown {
        let more = format!("+ {} more item(s), all listed in the XLSX export", items.len() - shown);
        c.text(Rect::new(area.x, y, area.w, row_h), &more, s, Weight::Regular, MUTED, Align::Left);
    }
}

fn notes(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) {
    title(c, ctx, area, "ASSUMPTIONS & NOTES");
    let s = ctx.small();
    let mut notes: Vec<String> = ctx.plan.notes.clone();
    if rows.folded > 0 {
        notes.push(format!(
            "* Other ({} lines): the {} smallest lines by net media, summed to fit one page; every line is in the XLSX and CSV export.",
            rows.folded, rows.folded
        ));
    }
    if let Some(model) = reach_note(ctx) {
        notes.insert(0, model);
    }
    notes.push("Delivery figures are estimates from the planned rates; net media is paid to media owners, gross adds the fees.".into());
    let line_h = s * 1.28;
    let max_lines = ((area.h - TITLE_H) / line_h).floor().max(1.0) as usize;
    // The fold footnote must print whole, so reserve its lines first.
    let mut wrapped: Vec<Vec<String>> = notes.iter().map(|n| c.fonts.wrap(n, s, Weight::Regular, area.w - 6.0)).collect();
    let mut out: Vec<(bool, String)> = Vec::new();
    for note in wrapped.iter_mut() {
        for (i, l) in note.drain(..).enumerate() {
            out.push((i == 0, l));
        }
    }
    if out.len() > max_lines {
        out.truncate(max_lines);
        if let Some(last) = out.last_mut() {
            last.1 = format!("{}…", last.1.trim_end_matches('…'));
        }
    }
    let mut y = area.y + TITLE_H;
    for (first, l) in &out {
        if *first {
            c.fill(Rect::new(area.x, y + line_h / 2.0 - 0.8, 1.6, 1.6), MUTED);
        }
        c.text(Rect::new(area.x + 6.0, y, area.w - 6.0, line_h), l, s, Weight::Regular, INK, Align::Left);
        y += line_h;
    }
}

/// The reach model in words, for the assumptions, when the page shows reach.
fn reach_note(ctx: &Ctx) -> Option<String> {
    let plan = ctx.plan;
    let t = &ctx.view.totals;
    t.reach_pct?;
    let f = &ctx.fmt;
    let model = match &plan.reach_model {
        Some(ReachModel::Poisson) => "Poisson (random exposure)".to_string(),
        Some(ReachModel::Nbd { k }) => format!("negative binomial (NBD, k = {})", f.plain(k.normalize())),
        Some(ReachModel::Curve { max, k }) => format!("the planner's reach curve (max {}%, k = {})", f.plain(max.normalize()), f.plain(k.normalize())),
        None => "the planner's reach estimates per line".to_string(),
    };
    let audience = match (plan.target_audience.trim(), plan.universe) {
        ("", Some(u)) => format!(" against a universe of {}", f.count(Some(u))),
        (a, Some(u)) => format!(" against {a} ({})", f.count(Some(u))),
        _ => String::new(),
    };
    let dup = match plan.duplication_factor {
        Some(d) if d != Decimal::ONE => format!(" × {}", f.plain(d.normalize())),
        _ => String::new(),
    };
    Some(format!(
        "Reach model: {model} on TRPs{audience}; lines combined at random (Sainsbury){dup}; effective reach is reach at {}+ exposures.",
        t.effective_frequency
    ))
}

fn sign_off(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    title(c, ctx, area, "CLIENT APPROVAL");
    let s = ctx.small();
    let mut y = area.y + TITLE_H;
    c.text(Rect::new(area.x, y, area.w, ctx.row()), "Approved for", s, Weight::Regular, MUTED, Align::Left);
    y += ctx.row() * 0.8;
    c.text(Rect::new(area.x, y, area.w, ctx.row()), &ctx.plan.client, s, Weight::Bold, INK, Align::Left);
    let space = area.bottom() - y - ctx.row();
    let step = (space / 3.0).max(ctx.row());
    for label in ["Name", "Signature", "Date"] {
        y += step;
        c.hline(area.x, area.right(), y, 0.6, INK);
        c.text(Rect::new(area.x, y + 0.5, area.w, s * 1.3), label, s - 0.5, Weight::Regular, MUTED, Align::Left);
    }
}

/// The small print under the band.
pub fn footer(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    let s = 5.5;
    let left = format!("{}  ·  {}  ·  v{}", ctx.plan.client, ctx.plan.name, ctx.plan.version);
    c.text(Rect::new(area.x, area.y, area.w * 0.7, area.h), &left, s, Weight::Regular, MUTED, Align::Left);
    c.text(Rect::new(area.x + area.w * 0.7, area.y, area.w * 0.3, area.h), "Prepared with Flightplan  ·  Page 1 of 1", s, Weight::Regular, MUTED, Align::Right);
}

fn ratio(a: Decimal, b: Decimal) -> f32 {
    use rust_decimal::prelude::ToPrimitive;
    (a / b).to_f32().unwrap_or(0.0)
}
