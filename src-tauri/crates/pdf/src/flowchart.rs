//! The flowchart (blocking chart): weeks across in month bands, lines down, a bar per flight
//! with hiatus weeks shaded, and the net spend per week underneath.
//!
//! Clients often read the flowchart as "the plan", so it must agree with the mix to the cent:
//! the spend row prints the core's weekly totals, which add up to net media. Long plans (or
//! weekly figures too wide for their columns) roll up to months.

use crate::fonts::Weight;
use crate::layout::{Align, Canvas, Columns, Ctx, Ink, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, HIATUS, INK, MUTED, RULE, WHITE, ZEBRA};
use crate::mix::{Row, Rows};
use chrono::{Datelike, NaiveDate};
use flightplan_core::costing::LineView;
use rust_decimal::Decimal;

/// One flowchart column: a week, or a month of weeks (indices into `view.weeks`).
struct Col {
    top: String,
    label: String,
    weeks: std::ops::Range<usize>,
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
                Col { top: band.map(|b| b.label.clone()).unwrap_or_default(), label: d.day().to_string(), weeks: i..i + 1 }
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
                    Col { top, label: short, weeks: b.first_week..b.first_week + b.weeks }
                })
                .collect()
        }
    }
}

/// A cell of a row: spend in the column's weeks, and whether the row is in flight there.
#[derive(Clone, Copy)]
struct Cell {
    net: Decimal,
    in_flight: bool,
}

fn row_cells(week_dates: &[NaiveDate], lines: &[&LineView], cols: &[Col]) -> Vec<Cell> {
    let mut per_week = vec![Cell { net: Decimal::ZERO, in_flight: false }; week_dates.len()];
    for l in lines {
        for w in &l.weeks {
            if let Ok(i) = week_dates.binary_search(&w.week_start) {
                per_week[i].net += w.net;
                per_week[i].in_flight = true;
            }
        }
    }
    cols.iter()
        .map(|c| {
            let ws = &per_week[c.weeks.clone()];
            Cell { net: ws.iter().map(|w| w.net).sum(), in_flight: ws.iter().any(|w| w.in_flight) }
        })
        .collect()
}

fn lines_of<'a>(row: &Row<'a>) -> Vec<&'a LineView> {
    match row {
        Row::Line { view, .. } => vec![*view],
        Row::Other { lines } => lines.clone(),
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

/// Draw the flowchart; `None` (nothing drawn) if it does not fit in `area` at this size.
pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, mode: Columns, area: Rect) -> Option<f32> {
    if height(ctx, rows.len()) > area.h {
        return None;
    }
    let view = ctx.view;
    let cols = columns(ctx, mode);
    let (b, s) = (ctx.body, ctx.small());
    let spend: Vec<String> = cols
        .iter()
        .map(|col| ctx.fmt.money(view.totals.weeks[col.weeks.clone()].iter().map(|w| w.net).sum()))
        .collect();
    let total_text = ctx.fmt.money(view.totals.net_media);
    let pad = b * 0.9;
    let total_w = c.width(&total_text, s, Weight::Bold).max(c.width("Net media", s, Weight::Bold));
    let label_w = (area.w * 0.2).clamp(60.0, 170.0);
    let grid_x = area.x + label_w + pad;
    let grid_w = area.right() - total_w - pad - grid_x;
    let n = cols.len().max(1) as f32;
    let col_w = grid_w / n;
    if col_w <= 0.0 {
        return None;
    }
    // Weekly spend must print in full; if not, a monthly flowchart is tried instead.
    let mut spend_size = s;
    let widest = |c: &mut Canvas, size: f32| spend.iter().map(|t| c.width(t, size, Weight::Regular)).fold(0.0_f32, f32::max);
    while widest(c, spend_size) > col_w - 1.0 && spend_size > 4.0 {
        spend_size -= 0.25;
    }
    if widest(c, spend_size) > col_w - 1.0 && mode == Columns::Weeks {
        return None;
    }

    let title = match mode {
        Columns::Weeks => "FLOWCHART — NET MEDIA BY WEEK (WEEKS START MONDAY)",
        Columns::Months => "FLOWCHART — NET MEDIA BY MONTH",
    };
    let any_units = rows.rows.iter().any(|r| matches!(r, Row::Line { view, .. } if units_shown(view)));
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
    let label_size = (s - 0.5).max(4.0);
    for (k, col) in cols.iter().enumerate() {
        let x = grid_x + col_w * k as f32;
        c.text(Rect::new(x, y, col_w, hh), &col.label, label_size, Weight::Regular, MUTED, Align::Center);
    }
    c.text(Rect::new(total_x, y, total_w, hh), "Net media", s, Weight::Bold, MUTED, Align::Right);
    y += hh;
    c.hline(area.x, area.right(), y, 0.8, RULE);

    let row_h = ctx.row();
    let bar_h = row_h * 0.56;
    for (r, row) in rows.rows.iter().enumerate() {
        if r % 2 == 1 {
            c.fill(Rect::new(area.x, y, area.w, row_h), ZEBRA);
        }
        let (channel, name) = row.label();
        let label = match row {
            Row::Other { .. } => channel.clone(),
            Row::Line { view, .. } => match (view.unit, units_shown(view)) {
                (Some(u), true) => format!("{channel} · {name} ({})", u.label()),
                _ => format!("{channel} · {name}"),
            },
        };
        c.text(Rect::new(area.x, y, label_w, row_h), &label, b, Weight::Regular, INK, Align::Left);
        let lines = lines_of(row);
        let cells = row_cells(&view.weeks, &lines, &cols);
        let max = cells.iter().map(|c| c.net).max().unwrap_or(Decimal::ZERO);
        let bar_y = y + (row_h - bar_h) / 2.0;
        let units = row_units(row, &view.weeks, &cols);
        for (k, cell) in cells.iter().enumerate() {
            let x = grid_x + col_w * k as f32;
            let rect = Rect::new(x + 0.4, bar_y, col_w - 0.8, bar_h);
            if cell.net > Decimal::ZERO {
                let t = if max.is_zero() { 1.0 } else { ratio(cell.net, max) };
                c.fill(rect, shade(t));
                // A traditional line's spots, faces or insertions that week, in its bar.
                if let Some(n) = units.get(k).copied().flatten().filter(|n| *n > 0) {
                    let ink = if t > 0.45 { WHITE } else { INK };
                    c.text(rect, &n.to_string(), (bar_h * 0.8).min(s - 0.5).max(3.5), Weight::Bold, ink, Align::Center);
                }
            } else if cell.in_flight {
                c.fill(rect, HIATUS);
            }
        }
        c.text(Rect::new(total_x, y, total_w, row_h), &ctx.fmt.money(row.net()), s, Weight::Regular, INK, Align::Right);
        y += row_h;
    }
    c.hline(area.x, area.right(), y, 0.8, RULE);
    c.text(Rect::new(area.x, y, label_w, row_h), "Net spend", b, Weight::Bold, INK, Align::Left);
    for (k, text) in spend.iter().enumerate() {
        let x = grid_x + col_w * k as f32;
        c.text(Rect::new(x + 0.5, y, col_w - 1.0, row_h), text, spend_size, Weight::Regular, INK, Align::Center);
    }
    c.text(Rect::new(total_x, y, total_w, row_h), &total_text, s, Weight::Bold, INK, Align::Right);
    y += row_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    Some(y)
}

fn units_shown(view: &LineView) -> bool {
    view.weeks.iter().any(|w| w.units.is_some())
}

/// Per column, a traditional line's units: weeks add up, faces show the most up at once.
fn row_units(row: &Row, week_dates: &[NaiveDate], cols: &[Col]) -> Vec<Option<u64>> {
    let Row::Line { view, .. } = row else { return Vec::new() };
    if !units_shown(view) {
        return Vec::new();
    }
    let faces = view.unit == Some(flightplan_core::plan::BuyUnit::Faces);
    let mut per_week: Vec<Option<u64>> = vec![None; week_dates.len()];
    for w in &view.weeks {
        if let (Ok(i), Some(n)) = (week_dates.binary_search(&w.week_start), w.units) {
            per_week[i] = Some(u64::from(n));
        }
    }
    cols.iter()
        .map(|c| {
            let v: Vec<u64> = per_week[c.weeks.clone()].iter().flatten().copied().collect();
            match (v.is_empty(), faces) {
                (true, _) => None,
                (false, true) => v.iter().max().copied(),
                (false, false) => Some(v.iter().sum()),
            }
        })
        .collect()
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
