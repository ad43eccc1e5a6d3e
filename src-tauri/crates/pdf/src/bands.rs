//! The bottom band of the page: totals with each fee, the budget split by channel, creative
//! requirements with due dates, assumptions and footnotes, and the client's sign-off block.
//!
//! Each panel has a fixed box. Notes wrap to its width; what does not fit is left off whole
//! (a visible "+ N more" for creative rows) and listed in the export's warnings, never cut
//! mid-sentence or run into a neighbour. The split by channel is the core's channel rows.

use crate::fonts::Weight;
use crate::labels::Formats;
use crate::layout::{Align, Canvas, Ctx, Detail, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, INK, MIN_TYPE_PT, MUTED, RULE};
use crate::mix::Rows;
use flightplan_core::flight::day_label;
use flightplan_core::plan::CommissionBasis;
use flightplan_core::reach::ReachModel;
use rust_decimal::Decimal;

const TITLE_H: f32 = 13.0;
const GUTTER: f32 = 16.0;

/// The band's height: room for seven rows of totals, or as much more as the creative list or
/// the notes need to print whole, up to `room` (what the tables above leave); and whether that
/// is all they need.
pub fn height(c: &mut Canvas, ctx: &Ctx, rows: &Rows, width: f32, room: f32) -> (f32, bool) {
    let base = TITLE_H + ctx.row() * 7.5 + 4.0;
    let b = boxes(Rect::new(0.0, 0.0, width, base));
    let (_, items) = creative_items(c, ctx, b[2].w);
    let creative_need = TITLE_H + items.iter().map(|i| i.lines.len() as f32 * line_h(ctx) + ITEM_GAP).sum::<f32>() + 2.0;
    let notes_need = TITLE_H
        + note_list(ctx, rows).iter().map(|(n, _)| c.fonts.wrap(n, ctx.small(), Weight::Regular, b[3].w - 6.0).len()).sum::<usize>() as f32 * line_h(ctx)
        + 2.0;
    let need = creative_need.max(notes_need);
    (need.min(room).max(base), need <= room.max(base))
}

/// A line of wrapped text in the band.
fn line_h(ctx: &Ctx) -> f32 {
    ctx.small() * 1.3
}
const ITEM_GAP: f32 = 1.5;

/// The five panels across the band.
fn boxes(area: Rect) -> Vec<Rect> {
    let fracs = [0.235, 0.17, 0.25, 0.215, 0.13];
    let usable = area.w - GUTTER * (fracs.len() as f32 - 1.0);
    let mut x = area.x;
    let mut out = Vec::new();
    for f in fracs {
        let w = usable * f;
        out.push(Rect::new(x, area.y, w, area.h));
        x += w + GUTTER;
    }
    out
}

fn title(c: &mut Canvas, ctx: &Ctx, area: Rect, text: &str) {
    c.text(Rect::new(area.x, area.y, area.w, 9.0), text, ctx.small() + 0.5, Weight::Bold, ACCENT, Align::Left);
    c.hline(area.x, area.right(), area.y + TITLE_H - 2.0, 0.5, HAIRLINE);
}

pub fn draw(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) {
    let boxes = boxes(area);
    totals(c, ctx, boxes[0]);
    split(c, ctx, rows, boxes[1]);
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
    // Each label with shorter forms for a narrow panel (Letter, a long currency code): the rate
    // stays before the basis goes.
    let (commission, ad_serving, tech) = (pct_label(f, fees.agency_commission_pct.0), f.rate(fees.ad_serving_cpm.0), pct_label(f, fees.tech_fee_pct.0));
    let rows: Vec<(Vec<String>, String, bool)> = vec![
        (vec!["Net media".into()], f.money(t.net_media.0), true),
        (
            vec![format!("Commission ({commission}% {basis})"), format!("Commission ({commission}%)"), "Commission".into()],
            f.money(t.agency_commission.0),
            false,
        ),
        (vec![format!("Ad serving ({ad_serving} CPM)"), format!("Ad serving ({ad_serving})"), "Ad serving".into()], f.money(t.ad_serving.0), false),
        (vec![format!("Tech & data ({tech}% of net)"), format!("Tech & data ({tech}%)"), "Tech & data".into()], f.money(t.tech_fee.0), false),
        (vec!["Total fees".into()], f.money(t.fees.0), false),
    ];
    let row_h = ctx.row();
    let mut y = area.y + TITLE_H;
    let gross_w = c.width(&f.money(t.gross.0), ctx.body + 1.0, Weight::Bold);
    let value_w = rows.iter().map(|r| c.width(&r.1, ctx.body, Weight::Bold)).fold(gross_w, f32::max);
    let value_w = value_w.min(area.w * 0.55);
    let label_w = area.w - value_w - 4.0;
    for (label, value, strong) in &rows {
        let weight = if *strong { Weight::Bold } else { Weight::Regular };
        // A fee's label (with its rate) is a caption to its figure: the small size.
        let size = if *strong { ctx.body } else { ctx.small() };
        c.text_first_fitting(Rect::new(area.x, y, label_w, row_h), label, size, weight, if *strong { INK } else { MUTED }, Align::Left);
        c.text(Rect::new(area.right() - value_w, y, value_w, row_h), value, ctx.body, weight, INK, Align::Right);
        y += row_h;
    }
    c.hline(area.x, area.right(), y + 1.0, 1.0, RULE);
    y += 2.0;
    let gross_h = row_h * 1.25;
    c.fill(Rect::new(area.x, y, area.w, gross_h), ACCENT_SOFT);
    c.text(Rect::new(area.x + 3.0, y, label_w - 3.0, gross_h), "Gross total", ctx.body + 1.0, Weight::Bold, INK, Align::Left);
    c.text(Rect::new(area.right() - value_w - 3.0, y, value_w, gross_h), &f.money(t.gross.0), ctx.body + 1.0, Weight::Bold, INK, Align::Right);
    y += gross_h;
    if !t.unallocated.is_zero() {
        let what = if t.unallocated.is_sign_negative() { "over budget" } else { "unallocated" };
        let (budget, gap) = (f.money(t.budget.0), f.money(t.unallocated.abs()));
        let texts = [format!("Plan budget {budget}  ·  {gap} {what}"), format!("Budget {budget} · {gap} {what}"), format!("{gap} {what}")];
        c.text_first_fitting(Rect::new(area.x, y, area.w, row_h), &texts, ctx.small(), Weight::Regular, MUTED, Align::Left);
    }
}

/// Net media by channel: the core's channel rows and shares (they add up to 100), largest first.
fn split(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) {
    title(c, ctx, area, "BUDGET SPLIT BY CHANNEL");
    let channels = &ctx.report.channels;
    let row_h = ctx.row();
    let slots = (((area.h - TITLE_H) / row_h).floor() as usize).max(1);
    let shown = if channels.len() > slots { slots - 1 } else { channels.len() };
    let max = channels.iter().map(|r| r.share_pct).max().unwrap_or(Decimal::ONE);
    let pct_w = c.width(&ctx.fmt.pct(Decimal::ONE_HUNDRED), ctx.small(), Weight::Regular);
    // The names print whole where the panel allows; the bars take what is left.
    let widest = channels.iter().take(shown).map(|ch| c.width(&ch.channel, ctx.small(), Weight::Regular)).fold(0.0_f32, f32::max);
    let label_w = (widest + 2.0).clamp(area.w * 0.3, area.w * 0.62);
    let bar_x = area.x + label_w + 3.0;
    let bar_max = area.right() - pct_w - 3.0 - bar_x;
    let mut y = area.y + TITLE_H;
    for ch in channels.iter().take(shown) {
        c.text(Rect::new(area.x, y, label_w, row_h), &ch.channel, ctx.small(), Weight::Regular, INK, Align::Left);
        let t = if max.is_zero() { 0.0 } else { ratio(ch.share_pct, max) };
        let bh = row_h * 0.5;
        c.fill(Rect::new(bar_x, y + (row_h - bh) / 2.0, (bar_max * t).max(0.0), bh), ACCENT);
        c.text(Rect::new(area.right() - pct_w, y, pct_w, row_h), &ctx.fmt.pct(ch.share_pct), ctx.small(), Weight::Regular, INK, Align::Right);
        y += row_h;
    }
    if shown < channels.len() {
        // The mix above names every channel when it shows channels; say where the rest are.
        let more = channels.len() - shown;
        let text = match rows.detail {
            Detail::Lines => format!("+ {more} more, in the mix above"),
            Detail::Channels => format!("+ {more} more, all in the mix"),
            _ => format!("+ {more} more, all in the XLSX export"),
        };
        c.text(Rect::new(area.x, y, area.w, row_h), &text, ctx.small(), Weight::Regular, MUTED, Align::Left);
    }
}

/// A creative item: its due date, its text in full, and the text wrapped beside the date.
struct Item {
    date: String,
    text: String,
    lines: Vec<String>,
}

/// The creative items of every line, soonest due first (undated last), wrapped to `w`; and the
/// width of the date column.
fn creative_items(c: &mut Canvas, ctx: &Ctx, w: f32) -> (f32, Vec<Item>) {
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
    let s = ctx.small();
    let dates: Vec<String> = items.iter().map(|(d, _)| d.map(day_label).unwrap_or_else(|| "No date".into())).collect();
    let date_w = dates.iter().map(|d| c.width(d, s, Weight::Bold)).fold(0.0_f32, f32::max).min(w * 0.4);
    let out = items
        .into_iter()
        .zip(dates)
        .map(|((_, text), date)| {
            let lines = c.fonts.wrap(&text, s, Weight::Regular, w - date_w - 3.0);
            Item { date, text, lines }
        })
        .collect();
    (date_w, out)
}

fn creative(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    title(c, ctx, area, "CREATIVE REQUIRED — DUE DATES");
    let s = ctx.small();
    let lh = line_h(ctx);
    let (date_w, items) = creative_items(c, ctx, area.w);
    let mut y = area.y + TITLE_H;
    if items.is_empty() {
        c.text(Rect::new(area.x, y, area.w, lh), "No creative listed on the lines yet.", s, Weight::Regular, MUTED, Align::Left);
        return;
    }
    // Whole items in date order while they fit, keeping a line for "+ N more" if any are left.
    let mut shown = 0;
    let mut used = 0.0;
    let room = area.bottom() - y;
    for (k, item) in items.iter().enumerate() {
        let h = item.lines.len() as f32 * lh + ITEM_GAP;
        let reserve = if k + 1 < items.len() { lh } else { 0.0 };
        if used + h + reserve > room + 0.01 {
            break;
        }
        used += h;
        shown += 1;
    }
    for item in items.iter().take(shown) {
        c.text(Rect::new(area.x, y, date_w, lh), &item.date, s, Weight::Bold, INK, Align::Left);
        for l in &item.lines {
            c.text(Rect::new(area.x + date_w + 3.0, y, area.w - date_w - 3.0, lh), l, s, Weight::Regular, INK, Align::Left);
            y += lh;
        }
        y += ITEM_GAP;
    }
    if items.len() > shown {
        let left: Vec<String> = items.iter().skip(shown).map(|i| format!("{}: {}", i.date, i.text)).collect();
        let more = format!("+ {} more item{}, all in the XLSX export", left.len(), if left.len() == 1 { "" } else { "s" });
        c.text(Rect::new(area.x, y, area.w, lh), &more, s, Weight::Regular, MUTED, Align::Left);
        c.layout.left_off.push(format!(
            "{} of {} creative items did not fit the page and are left off it (they are in the XLSX export): {}.",
            left.len(),
            items.len(),
            listed(&left, "; ")
        ));
    }
}

/// The notes in the order they print, each with whether it must print: the reach model, the
/// planner's notes, how lines are summed (must), and what the figures are.
fn note_list(ctx: &Ctx, rows: &Rows) -> Vec<(String, bool)> {
    let mut notes: Vec<(String, bool)> = Vec::new();
    if let Some(model) = reach_note(ctx) {
        notes.push((model, false));
    }
    notes.extend(ctx.plan.notes.iter().filter(|n| !n.trim().is_empty()).map(|n| (n.clone(), false)));
    let n = ctx.view.lines.len();
    match rows.detail {
        Detail::Lines => {}
        Detail::Channels => notes.push((format!("The {n} lines are summed by channel to fit one page; every line is in the XLSX and CSV export."), true)),
        Detail::Media => notes.push((
            format!(
                "The {n} lines in {} channels are summed by medium to fit one page; every channel and line is in the XLSX export.",
                ctx.report.channels.len()
            ),
            true,
        )),
        Detail::Folded { .. } => {
            let other = rows.rows.last().map(|r| r.channel.clone()).unwrap_or_default();
            notes.push((
                format!("The {n} lines are summed to fit one page, the smallest into \u{201c}{other}\u{201d}; every line is in the XLSX and CSV export."),
                true,
            ))
        }
    }
    notes.push(("Delivery figures are estimates from the planned rates; net media is paid to media owners, gross adds the fees.".into(), false));
    notes
}

fn notes(c: &mut Canvas, ctx: &Ctx, rows: &Rows, area: Rect) {
    title(c, ctx, area, "ASSUMPTIONS & NOTES");
    let s = ctx.small();
    let notes = note_list(ctx, rows);
    let line_h = line_h(ctx);
    let max_lines = ((area.h - TITLE_H) / line_h).floor().max(1.0) as usize;
    let wrapped: Vec<Vec<String>> = notes.iter().map(|(n, _)| c.fonts.wrap(n, s, Weight::Regular, area.w - 6.0)).collect();
    // Whole notes only, in order, keeping room for the ones that must print, and a line saying
    // how many are left off when any are.
    let must: usize = wrapped.iter().zip(&notes).filter(|(_, n)| n.1).map(|(w, _)| w.len()).sum();
    let mut keep = notes_kept(&wrapped, &notes, max_lines.saturating_sub(must));
    if keep.contains(&false) {
        keep = notes_kept(&wrapped, &notes, max_lines.saturating_sub(must + 1));
    }
    let mut y = area.y + TITLE_H;
    for (w, _) in wrapped.iter().zip(&keep).filter(|(_, k)| **k) {
        for (i, l) in w.iter().enumerate() {
            if y + line_h > area.bottom() + 0.01 {
                break;
            }
            if i == 0 {
                c.fill(Rect::new(area.x, y + line_h / 2.0 - 0.8, 1.6, 1.6), MUTED);
            }
            c.text(Rect::new(area.x + 6.0, y, area.w - 6.0, line_h), l, s, Weight::Regular, INK, Align::Left);
            y += line_h;
        }
    }
    let dropped: Vec<String> = notes.iter().zip(&keep).filter(|(_, k)| !**k).map(|((n, _), _)| format!("\u{201c}{n}\u{201d}")).collect();
    if !dropped.is_empty() {
        let more = format!("+ {} more note{}, all in the XLSX export", dropped.len(), if dropped.len() == 1 { "" } else { "s" });
        c.text(Rect::new(area.x + 6.0, y.min(area.bottom() - line_h), area.w - 6.0, line_h), &more, s, Weight::Regular, MUTED, Align::Left);
        c.layout.left_off.push(format!("{} of {} notes did not fit the page and are left off: {}", dropped.len(), notes.len(), listed(&dropped, " ")));
    }
}

/// Which notes print whole in `room` lines besides those that must: each in order while it fits.
fn notes_kept(wrapped: &[Vec<String>], notes: &[(String, bool)], mut room: usize) -> Vec<bool> {
    wrapped
        .iter()
        .zip(notes)
        .map(|(w, (_, must))| {
            let fits = *must || w.len() <= room;
            if fits && !*must {
                room -= w.len();
            }
            fits
        })
        .collect()
}

/// The most items a warning quotes; the rest are counted (every one is in the XLSX export).
pub const LISTED: usize = 25;

/// `items` joined, the first [`LISTED`] quoted and the rest counted.
fn listed(items: &[String], sep: &str) -> String {
    if items.len() <= LISTED {
        return items.join(sep);
    }
    format!("{}{sep}and {} more, all in the XLSX export", items[..LISTED].join(sep), items.len() - LISTED)
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
        ("", Some(u)) => format!(" against a universe of {}", f.count(Some(u.0))),
        (a, Some(u)) => format!(" against {a} ({})", f.count(Some(u.0))),
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
    // The client's name wraps (two lines at most) rather than being cut.
    let mut names = c.fonts.wrap(&ctx.plan.client, s, Weight::Bold, area.w);
    if names.len() > 2 {
        let rest = names.split_off(1).join(" ");
        names.push(rest);
    }
    for (k, name) in names.iter().enumerate() {
        if k > 0 {
            y += s * 1.25;
        }
        c.text(Rect::new(area.x, y, area.w, ctx.row()), name, s, Weight::Bold, INK, Align::Left);
    }
    let space = area.bottom() - y - ctx.row();
    let step = (space / 3.0).max(ctx.row());
    for label in ["Name", "Signature", "Date"] {
        y += step;
        c.hline(area.x, area.right(), y, 0.6, INK);
        c.text(Rect::new(area.x, y + 0.5, area.w, s * 1.3), label, s, Weight::Regular, MUTED, Align::Left);
    }
}

/// The small print under the band.
pub fn footer(c: &mut Canvas, ctx: &Ctx, area: Rect) {
    let s = MIN_TYPE_PT;
    let left = format!("{}  ·  {}  ·  v{}", ctx.plan.client, ctx.plan.name, ctx.plan.version);
    c.text(Rect::new(area.x, area.y, area.w * 0.7, area.h), &left, s, Weight::Regular, MUTED, Align::Left);
    c.text(Rect::new(area.x + area.w * 0.7, area.y, area.w * 0.3, area.h), "Prepared with Flightplan  ·  Page 1 of 1", s, Weight::Regular, MUTED, Align::Right);
}

fn ratio(a: Decimal, b: Decimal) -> f32 {
    use rust_decimal::prelude::ToPrimitive;
    (a / b).to_f32().unwrap_or(0.0)
}
