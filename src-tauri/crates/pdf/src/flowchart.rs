//! The flowchart (blocking chart): weeks across in month bands, lines down, a bar per flight
//! with hiatus weeks shaded, and the net spend per week underneath.
//!
//! Clients often read the flowchart as "the plan", so it must agree with the mix to the cent:
//! each row's cells are the core's (`flightplan_core::report::Row::weeks` and `months`) and the
//! spend row prints the core's weekly or monthly totals, which add up to net media. Long plans
//! (or weekly figures too wide for their columns) show months. Nothing is summed here.

use crate::fonts::Weight;
use crate::layout::{Align, Canvas, Columns, Ctx, Ink, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, HIATUS, INK, MUTED, RULE, WHITE, ZEBRA};
use crate::layout::{Detail, MIN_TYPE_PT};
use crate::mix::{channels_label, lines_label, Rows};
use chrono::Datelike;
use flightplan_core::report::{Cell, Row};
use rust_decimal::Decimal;

/// One flowchart column: a week, or a month (its index into the row's cells).
struct Col {
    top: String,
    label: String,
}

fn columns(ctx: &Ctx, mode: Columns) -> Vec<Col> {
    let v = ctx.view;
    match mode {
        Columns::Weeks => v
            .weeks
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let band = v.months.iter().find(|b| b.first_week == i);
                Col { top: band.map(|b| b.label.clone()).unwrap_or_default(), label: d.day().to_string() }
            })
            .collect(),
        Columns::Months => {
            let mut last_year = None;
            v.months
                .iter()
                .map(|b| {
                    let top = if last_year != Some(b.year) { b.year.to_string() } else { String::new() };
                    last_year = Some(b.year);
                    let short = b.label.split(' ').next().unwrap_or_default().to_string();
                    Col { top, label: short }
                })
                .collect()
        }
    }
}

/// Blend from the soft tint to the accent by `t` in 0..=1 (heavier weeks print darker).
fn shade(t: f32) -> Ink {
    let t = 0.45 + 0.55 * t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Ink(mix(ACCENT_SOFT.0, ACCENT.0), mix(ACCENT_SOFT.1, ACCENT.1), mix(ACCENT_SOFT.2, ACCENT.2))
}

pub fn height(ctx: &Ctx, rows: usize) -> f32 {
    14.0 + ctx.small() * 3.6 + ctx.row() * (rows as f32 + 1.0)
}

/// A row's cells for the columns shown.
fn cells_of(row: &Row, mode: Columns) -> &[Cell] {
    match mode {
        Columns::Weeks => &row.weeks,
        Columns::Months => &row.months,
    }
}

/// A row's label down the side: the line's name (its channel is beside it in the mix above),
/// or the channel with its line count.
fn row_label(rows: &Rows, row: &Row) -> String {
    match rows.detail {
        Detail::Lines => match row.units {
            Some((u, _)) if row.weeks.iter().any(|w| w.units.is_some()) => format!("{} ({})", row.name, u.label()),
            _ => row.name.clone(),
        },
        Detail::Channels => format!("{} ({})", row.channel, lines_label(row.lines.len())),
        _ if row.channels > 1 => format!("{} ({}, {})", row.channel, channels_label(row.channels), lines_label(row.lines.len())),
        _ => format!("{} ({})", row.channel, lines_label(row.lines.len())),
    }
}

/// Draw the flowchart; `None` (nothing drawn) if it does not fit in `area` at this size.
pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, mode: Columns, area: Rect) -> Option<f32> {
    if height(ctx, rows.len()) > area.h {
        return None;
    }
    let view = ctx.view;
    let cols = columns(ctx, mode);
    let (b, s) = (ctx.body, ctx.small());
    let spend: Vec<String> = match mode {
        Columns::Weeks => view.totals.weeks.iter().map(|w| ctx.fmt.money(w.net.0)).collect(),
        Columns::Months => view.totals.months.iter().map(|m| ctx.fmt.money(m.net.0)).collect(),
    };
    let total_text = ctx.fmt.money(view.totals.net_media.0);
    let pad = b * 0.9;
    let head_w = c.width(&total_text, s, Weight::Bold).max(c.width("Net media", s, Weight::Bold));
    let total_w = rows.rows.iter().map(|r| c.width(&ctx.fmt.money(r.net), s, Weight::Regular)).fold(head_w, f32::max);
    let labels: Vec<String> = rows.rows.iter().map(|r| row_label(rows, r)).collect();
    let spend_w = c.width("Net spend", b, Weight::Bold);
    let widest_label = labels.iter().map(|l| c.width(l, b, Weight::Regular)).fold(spend_w, f32::max);
    let label_w = (widest_label + 2.0).clamp(60.0, (area.w * 0.3).max(60.0));
    let grid_x = area.x + label_w + pad;
    let grid_w = area.right() - total_w - pad - grid_x;
    let n = cols.len().max(1) as f32;
    let col_w = grid_w / n;
    if col_w <= 0.0 {
        return None;
    }
    // The spend under each column prints in full at the small size: on one line, or staggered
    // over two (every other column a line lower, each figure centred over its own column with
    // its neighbours' room). If even that does not fit, a weekly chart gives way to months.
    let widest = spend.iter().map(|t| c.width(t, s, Weight::Regular)).fold(0.0_f32, f32::max);
    let stagger = widest > col_w - 1.0;
    if stagger && widest > 2.0 * col_w - 2.0 && mode == Columns::Weeks {
        return None;
    }

    let title = match mode {
        Columns::Weeks => "FLOWCHART — NET MEDIA BY WEEK (WEEKS START MONDAY)",
        Columns::Months => "FLOWCHART — NET MEDIA BY MONTH",
    };
    let any_units = rows.rows.iter().any(|r| units_shown(rows, r));
    let legend_w = if any_units { 0.55 } else { 0.4 };
    c.text(Rect::new(area.x, area.y, area.w * (1.0 - legend_w), 10.0), title, s + 0.5, Weight::Bold, ACCENT, Align::Left);
    legend(c, s, Rect::new(area.x + area.w * (1.0 - legend_w), area.y, area.w * legend_w, 10.0), any_units);
    let mut y = area.y + 14.0;
    let hh = s * 1.8;
    let total_x = area.right() - total_w;
    // Band row: months (weekly) or years (monthly), spanning their columns.
    let mut i = 0;
    while i < cols.len() {
        let mut j = i + 1;
        while j < cols.len() && cols[j].top.is_empty() {
            j += 1;
        }
        let x = grid_x + col_w * i as f32;
        let w = col_w * (j - i) as f32;
        let full = &cols[i].top;
        let short = full.split(' ').next().unwrap_or_default().to_string();
        let text = if c.width(full, s, Weight::Bold) <= w - 2.0 { full.clone() } else { short };
        c.text(Rect::new(x + 2.0, y, w - 2.0, hh), &text, s, Weight::Bold, INK, Align::Left);
        if i > 0 {
            c.vline(x, y, y + hh * 2.0 + ctx.row() * (rows.len() as f32 + 1.0), 0.5, HAIRLINE);
        }
        i = j;
    }
    y += hh;
    let label_size = s;
    for (k, col) in cols.iter().enumerate() {
        let x = grid_x + col_w * k as f32;
        c.text(Rect::new(x, y, col_w, hh), &col.label, label_size, Weight::Regular, MUTED, Align::Center);
    }
    c.text(Rect::new(total_x, y, total_w, hh), "Net media", s, Weight::Bold, MUTED, Align::Right);
    y += hh;
    c.hline(area.x, area.right(), y, 0.8, RULE);

    let row_h = ctx.row();
    let any_figures = rows.rows.iter().any(|r| units_shown(rows, r));
    // Bars tall enough for a figure at the smallest type when they carry one.
    let bar_h = if any_figures { (MIN_TYPE_PT + 1.0).max(row_h * 0.56).min(row_h - 1.0) } else { row_h * 0.56 };
    for (r, (row, label)) in rows.rows.iter().zip(&labels).enumerate() {
        if r % 2 == 1 {
            c.fill(Rect::new(area.x, y, area.w, row_h), ZEBRA);
        }
        c.text(Rect::new(area.x, y, label_w, row_h), label, b, Weight::Regular, INK, Align::Left);
        let cells = cells_of(row, mode);
        let max = cells.iter().map(|c| c.net).max().unwrap_or(Decimal::ZERO);
        let bar_y = y + (row_h - bar_h) / 2.0;
        let figures = units_shown(rows, row);
        for (k, cell) in cells.iter().enumerate() {
            let x = grid_x + col_w * k as f32;
            let rect = Rect::new(x + 0.4, bar_y, col_w - 0.8, bar_h);
            if cell.net > Decimal::ZERO {
                let t = if max.is_zero() { 1.0 } else { ratio(cell.net, max) };
                c.fill(rect, shade(t));
                // A traditional line's spots, faces or insertions that week, in its bar.
                if let Some(n) = cell.units.filter(|n| figures && *n > 0) {
                    let ink = if t > 0.45 { WHITE } else { INK };
                    c.text(rect, &n.to_string(), MIN_TYPE_PT, Weight::Bold, ink, Align::Center);
                }
            } else if cell.hiatus {
                c.fill(rect, HIATUS);
            }
        }
        c.text(Rect::new(total_x, y, total_w, row_h), &ctx.fmt.money(row.net), s, Weight::Regular, INK, Align::Right);
        y += row_h;
    }
    c.hline(area.x, area.right(), y, 0.8, RULE);
    let spend_h = if stagger { row_h * 1.7 } else { row_h };
    c.text(Rect::new(area.x, y, label_w, row_h), "Net spend", b, Weight::Bold, INK, Align::Left);
    for (k, text) in spend.iter().enumerate() {
        let x = grid_x + col_w * k as f32;
        if stagger {
            // Centred over its column, with half of each neighbour's room.
            let dy = if k % 2 == 0 { 0.0 } else { row_h * 0.7 };
            let half = col_w - 0.5;
            let cx = x + col_w / 2.0;
            let left = (cx - half).max(grid_x);
            let right = (cx + half).min(total_x - 1.0);
            c.text(Rect::new(left, y + dy, right - left, row_h), text, s, Weight::Regular, INK, Align::Center);
        } else {
            c.text(Rect::new(x + 0.5, y, col_w - 1.0, row_h), text, s, Weight::Regular, INK, Align::Center);
        }
    }
    c.text(Rect::new(total_x, y, total_w, row_h), &total_text, s, Weight::Bold, INK, Align::Right);
    y += spend_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    Some(y)
}

/// Whether a row prints its spots, faces or insertions in its bars: a line row of a
/// traditional line with whole counts by week.
fn units_shown(rows: &Rows, row: &Row) -> bool {
    rows.detail == Detail::Lines && row.weeks.iter().any(|w| w.units.is_some())
}

/// The key: spend shading (darker is a heavier week) and the hiatus tint.
fn legend(c: &mut Canvas, s: f32, area: Rect, units: bool) {
    let spend = if units { "Spend (darker = heavier); figures: spots, faces or insertions" } else { "Spend (darker = heavier week)" };
    let items = [(shade(1.0), spend), (HIATUS, "Hiatus (in flight, no spend)")];
    let mut x = area.right();
    for (ink, label) in items.iter().rev() {
        let w = c.width(label, s, Weight::Regular);
        x -= w;
        c.text(Rect::new(x, area.y, w, area.h), label, s, Weight::Regular, MUTED, Align::Left);
        x -= s * 1.6 + 3.0;
        c.fill(Rect::new(x, area.y + (area.h - s) / 2.0, s * 1.6, s), *ink);
        x -= 10.0;
    }
}

fn ratio(a: Decimal, b: Decimal) -> f32 {
    use rust_decimal::prelude::ToPrimitive;
    (a / b).to_f32().unwrap_or(1.0)
}
