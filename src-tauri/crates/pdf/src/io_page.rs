//! The insertion order's pages: header, parties, placements, totals, terms and signatures, laid
//! out as measured boxes on portrait pages.
//!
//! Like the plan page it is pure layout (drawing is `draw`). The order is one page when it can
//! be: the placements table and the terms shrink together from a comfortable size to a readable
//! floor (nothing below `MIN_TYPE_PT`). A vendor booked for more placements than the floor holds
//! gets every one of them all the same, since the order is all the vendor receives: page 1 keeps
//! the most that fit with the total of all, the terms and the signatures, and the rest follow,
//! with their schedules, on pages of their own ("Page 2 of 3"). Below the placements, the
//! schedule sets out each placement's spots, faces or insertions week by week. The vendor's order
//! prints net cost only: the agency's commission and fees are on the client's plan, never here.

use crate::fonts::{Fonts, Weight};
use crate::insertion_order::{IoDoc, Placement, Slot, IO_TERMS};
use crate::layout::{page_size, Align, Canvas, Columns, Layout, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, INK, MIN_TYPE_PT, MUTED, RULE, ZEBRA};
use flightplan_core::plan::Paper;
use std::ops::Range;

/// Body sizes tried in order; the last is the readable floor (its small type is
/// [`MIN_TYPE_PT`], as on the plan page).
const BODY_SIZES: [f32; 5] = [9.0, 8.5, 8.0, 7.5, 7.0];
const MARGIN: f32 = 40.0;
const GAP: f32 = 14.0;
const TITLE_H: f32 = 14.0;
const FOOTER_H: f32 = 12.0;

fn row_h(body: f32) -> f32 {
    (body * 1.6).max(body + 3.0)
}

fn small(body: f32) -> f32 {
    (body - 1.0).max(MIN_TYPE_PT)
}

/// Where a page stands in the order: its number and how many there are.
#[derive(Debug, Clone, Copy)]
struct PageNo {
    this: usize,
    of: usize,
}

/// Lay out the order: one page at the largest body size at which everything fits; else, at the
/// floor, page 1 with the most placements that fit and continuation pages for the rest.
pub fn lay_out(doc: &IoDoc, paper: Paper, fonts: &mut Fonts) -> Vec<Layout> {
    let n = doc.placements.len();
    let one = PageNo { this: 1, of: 1 };
    for body in BODY_SIZES {
        let (layout, fits) = build(doc, paper, fonts, body, n, one);
        if fits {
            return vec![layout];
        }
    }
    let floor = BODY_SIZES[BODY_SIZES.len() - 1];
    let keep = most_that_fit(0, n, |k| build(doc, paper, fonts, floor, k, PageNo { this: 1, of: 2 }).1);
    let mut ranges = Vec::new();
    let mut start = keep;
    while start < n {
        let take = most_that_fit(1, n - start, |m| continued(doc, paper, fonts, floor, start..start + m, PageNo { this: 2, of: 2 }).1).max(1);
        ranges.push(start..start + take);
        start += take;
    }
    let of = 1 + ranges.len();
    let mut pages = vec![build(doc, paper, fonts, floor, keep, PageNo { this: 1, of }).0];
    for (k, range) in ranges.into_iter().enumerate() {
        pages.push(continued(doc, paper, fonts, floor, range, PageNo { this: k + 2, of }).0);
    }
    pages
}

/// The largest count in `least..=most` for which `fits` holds (it holds for every smaller one),
/// or `least` if none does.
fn most_that_fit(least: usize, most: usize, mut fits: impl FnMut(usize) -> bool) -> usize {
    let (mut lo, mut hi, mut best) = (least, most, least);
    while lo <= hi {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            best = mid;
            lo = mid + 1;
        } else if mid == 0 {
            break;
        } else {
            hi = mid - 1;
        }
    }
    best
}

/// The usable area of a portrait page, with the page itself.
fn portrait(paper: Paper) -> (Rect, Rect) {
    let (long, short) = page_size(paper);
    let (w, h) = (short, long);
    (Rect::new(0.0, 0.0, w, h), Rect::new(MARGIN, MARGIN - 6.0, w - 2.0 * MARGIN, h - 2.0 * MARGIN + 6.0))
}

/// Page 1: everything, with the first `keep` placements.
fn build(doc: &IoDoc, paper: Paper, fonts: &mut Fonts, body: f32, keep: usize, page: PageNo) -> (Layout, bool) {
    let (sheet, area) = portrait(paper);
    let mut c = Canvas::new(fonts, sheet, body, Columns::Weeks);
    c.layout.folded = doc.placements.len() - keep.min(doc.placements.len());

    let mut y = header(&mut c, doc, area, false);
    y = parties(&mut c, doc, Rect::new(area.x, y + 10.0, area.w, 0.0));
    let footer_top = area.bottom() - FOOTER_H;
    footer(&mut c, doc, Rect::new(area.x, footer_top + 2.0, area.w, FOOTER_H - 2.0), page);
    // The signatures follow the terms (what is signed sits right above the signatures), and
    // must end above the footer.
    let sign_h = 104.0;
    let sign_limit = footer_top - sign_h - 6.0;

    let shown = 0..keep.min(doc.placements.len());
    y = placements(&mut c, doc, body, shown.clone(), page, Rect::new(area.x, y + GAP, area.w, 0.0));
    y = summary(&mut c, doc, body, Rect::new(area.x, y + 8.0, area.w, 0.0));
    y = schedule(&mut c, doc, body, shown, page, Rect::new(area.x, y + GAP, area.w, 0.0));
    let space = Rect::new(area.x, y + GAP, area.w, (sign_limit - GAP - y - GAP).max(0.0));
    let Some(terms_bottom) = terms(&mut c, body, space) else { return (c.layout, false) };
    let sign_top = (terms_bottom + 2.0 * GAP).min(sign_limit);
    signatures(&mut c, doc, Rect::new(area.x, sign_top, area.w, sign_h));
    (c.layout, true)
}

/// A continuation page: the placements in `shown`, with their schedules.
fn continued(doc: &IoDoc, paper: Paper, fonts: &mut Fonts, body: f32, shown: Range<usize>, page: PageNo) -> (Layout, bool) {
    let (sheet, area) = portrait(paper);
    let mut c = Canvas::new(fonts, sheet, body, Columns::Weeks);
    let y = header(&mut c, doc, area, true);
    let footer_top = area.bottom() - FOOTER_H;
    footer(&mut c, doc, Rect::new(area.x, footer_top + 2.0, area.w, FOOTER_H - 2.0), page);
    let y = placements(&mut c, doc, body, shown.clone(), page, Rect::new(area.x, y + GAP, area.w, 0.0));
    let y = schedule(&mut c, doc, body, shown, page, Rect::new(area.x, y + GAP, area.w, 0.0));
    let fits = y <= footer_top - 4.0;
    (c.layout, fits)
}

/// Title, vendor and the order's particulars; returns the y below the rule.
fn header(c: &mut Canvas, doc: &IoDoc, area: Rect, continued: bool) -> f32 {
    let plan = doc.plan;
    let right_w = 196.0_f32.min(area.w * 0.4);
    let left_w = area.w - right_w - 16.0;
    let kicker = if continued { "INSERTION ORDER  ·  CONTINUED" } else { "INSERTION ORDER" };
    c.text(Rect::new(area.x, area.y, left_w, 11.0), kicker, 8.0, Weight::Bold, ACCENT, Align::Left);
    c.text(Rect::new(area.x, area.y + 12.0, left_w, 24.0), &doc.order.vendor, 18.0, Weight::Bold, INK, Align::Left);
    let sub = format!("{}  ·  {}", plan.name, doc.period);
    c.text(Rect::new(area.x, area.y + 37.0, left_w, 11.0), &sub, 8.0, Weight::Regular, MUTED, Align::Left);

    let pairs = [
        ("IO number", doc.order.number.clone(), Weight::Bold),
        ("Issued", doc.issued.clone(), Weight::Regular),
        ("Plan version", format!("v{}  ·  {}", plan.version, crate::labels::status(plan.status)), Weight::Regular),
        ("Currency", doc.fmt.currency.code().to_string(), Weight::Regular),
    ];
    let label_w = 58.0;
    let rx = area.right() - right_w;
    for (i, (k, v, weight)) in pairs.iter().enumerate() {
        let y = area.y + 1.0 + 12.0 * i as f32;
        c.text(Rect::new(rx, y, label_w, 11.0), k, 7.0, Weight::Regular, MUTED, Align::Left);
        c.text(Rect::new(rx + label_w, y, right_w - label_w, 11.0), v, 8.0, *weight, INK, Align::Left);
    }
    let y = area.y + 53.0;
    c.hline(area.x, area.right(), y, 1.4, ACCENT);
    y
}

/// Advertiser, agency, vendor and campaign on a tinted strip.
fn parties(c: &mut Canvas, doc: &IoDoc, area: Rect) -> f32 {
    let plan = doc.plan;
    let dash = || "—".to_string();
    let or_dash = |s: &str| if s.trim().is_empty() { dash() } else { s.trim().to_string() };
    let cells: [(&str, String, String); 4] = [
        ("ADVERTISER", or_dash(&plan.client), or_dash(&plan.brand)),
        ("AGENCY / PREPARED BY", or_dash(&plan.prepared_by), format!("on behalf of {}", or_dash(&plan.client))),
        ("VENDOR", doc.order.vendor.clone(), or_dash(&doc.channels)),
        ("CAMPAIGN", or_dash(&plan.name), format!("Flight {}", doc.period)),
    ];
    let strip_h = 40.0;
    c.fill(Rect::new(area.x, area.y, area.w, strip_h), ACCENT_SOFT);
    let inner = area.w - 16.0;
    let col = inner / cells.len() as f32;
    let mut x = area.x + 8.0;
    for (i, (label, first, second)) in cells.iter().enumerate() {
        let w = col - 10.0;
        c.text(Rect::new(x, area.y + 4.0, w, 9.0), label, MIN_TYPE_PT, Weight::Bold, MUTED, Align::Left);
        c.text(Rect::new(x, area.y + 14.0, w, 11.0), first, 8.0, Weight::Bold, INK, Align::Left);
        c.text(Rect::new(x, area.y + 25.0, w, 10.0), second, 7.0, Weight::Regular, INK, Align::Left);
        x += col;
        if i < cells.len() - 1 {
            c.vline(x - 5.0, area.y + 5.0, area.y + strip_h - 5.0, 0.5, HAIRLINE);
        }
    }
    area.y + strip_h
}

fn section_title(c: &mut Canvas, area: Rect, text: &str, body: f32) {
    c.text(Rect::new(area.x, area.y, area.w, 10.0), text, (body - 0.5).max(MIN_TYPE_PT), Weight::Bold, ACCENT, Align::Left);
}

/// The placements in `range`, numbered in the order; on page 1 a row for those that follow on
/// later pages and the totals row of all. Returns its bottom.
fn placements(c: &mut Canvas, doc: &IoDoc, body: f32, range: Range<usize>, page: PageNo, area: Rect) -> f32 {
    let first_page = page.this == 1;
    section_title(c, area, if first_page { "PLACEMENTS" } else { "PLACEMENTS (CONTINUED)" }, body);
    let s = small(body);
    let rh = row_h(body);
    let detail_line = s * 1.3;
    let shown: Vec<&Placement> = doc.placements.get(range.clone()).unwrap_or_default().iter().collect();
    let rest = doc.placements.len().saturating_sub(range.end);
    let fold = (first_page && rest > 0).then(|| {
        let label = format!("+ {rest} more placement{}, included in the total", if rest == 1 { "" } else { "s" });
        (label, String::new())
    });

    let heads = ["#", "Placement", "Flight", "Units", "Rate", "Net cost"];
    let total_label = format!("Total  ·  {} placement{}", doc.placements.len(), if doc.placements.len() == 1 { "" } else { "s" });
    let mut rows: Vec<[String; 6]> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| [(range.start + i + 1).to_string(), p.name.clone(), p.flight.clone(), p.units.clone(), p.rate.clone(), p.net.clone()])
        .collect();
    if let Some((label, net)) = &fold {
        rows.push([String::new(), label.clone(), String::new(), String::new(), String::new(), net.clone()]);
    }
    let totals = [String::new(), total_label, String::new(), String::new(), String::new(), doc.net.clone()];

    // Measure: every column but the placement name takes its widest cell.
    let pad = body * 1.2;
    let mut widths: Vec<f32> = heads.iter().map(|h| c.width(h, s, Weight::Bold)).collect();
    for row in rows.iter().chain(std::iter::once(&totals)) {
        for (i, cell) in row.iter().enumerate() {
            if i != 1 {
                widths[i] = widths[i].max(c.width(cell, body, Weight::Bold));
            }
        }
    }
    let fixed: f32 = widths.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, w)| w).sum::<f32>() + pad * 5.0;
    widths[1] = (area.w - fixed).max(40.0);
    let mut xs = Vec::with_capacity(6);
    let mut x = area.x;
    for w in &widths {
        xs.push(x);
        x += w + pad;
    }
    let right_aligned = |i: usize| i >= 5;

    let mut y = area.y + TITLE_H;
    let head_h = s * 2.2;
    for (i, h) in heads.iter().enumerate() {
        let align = if right_aligned(i) { Align::Right } else { Align::Left };
        c.text(Rect::new(xs[i], y, widths[i], head_h), h, s, Weight::Bold, MUTED, align);
    }
    y += head_h;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    let detail_x = xs[1];
    let detail_w = area.right() - detail_x;
    for (r, row) in rows.iter().enumerate() {
        let detail: Vec<String> = match shown.get(r) {
            Some(p) => two_lines(c, &p.detail, s, Weight::Regular, detail_w),
            None => vec![format!("Listed, with their schedules, on pages 2–{} of this order.", page.of)],
        };
        // A long placement name wraps to a second line rather than losing its end.
        let name = two_lines(c, &row[1], body, Weight::Bold, widths[1]);
        let name_line = body * 1.3;
        let main = rh + name_line * (name.len().max(1) - 1) as f32;
        let block = main + detail_line * detail.len() as f32 + 3.0;
        if r % 2 == 1 {
            c.fill(Rect::new(area.x, y, area.w, block), ZEBRA);
        }
        for (i, cell) in row.iter().enumerate() {
            let align = if right_aligned(i) { Align::Right } else { Align::Left };
            let ink = if i == 0 || cell == "—" { MUTED } else { INK };
            if i == 1 {
                for (k, l) in name.iter().enumerate() {
                    let ly = y + name_line * k as f32;
                    c.text(Rect::new(xs[i], ly, widths[i], rh), l, body, Weight::Bold, ink, align);
                }
            } else {
                c.text(Rect::new(xs[i], y, widths[i], rh), cell, body, Weight::Regular, ink, align);
            }
        }
        let mut dy = y + main - 2.0;
        for l in &detail {
            c.text(Rect::new(detail_x, dy, detail_w, detail_line), l, s, Weight::Regular, MUTED, Align::Left);
            dy += detail_line;
        }
        y += block;
        c.hline(area.x, area.right(), y, 0.3, HAIRLINE);
    }
    c.hline(area.x, area.right(), y, 0.8, RULE);
    if !first_page {
        return y;
    }
    for (i, cell) in totals.iter().enumerate() {
        let align = if right_aligned(i) { Align::Right } else { Align::Left };
        c.text(Rect::new(xs[i], y, widths[i], rh), cell, body, Weight::Bold, INK, align);
    }
    y += rh;
    c.hline(area.x, area.right(), y, 0.8, RULE);
    y
}

/// Wrap `text` to at most two lines of `width`, the second cut with an ellipsis if needed.
fn two_lines(c: &mut Canvas, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
    let mut lines = c.fonts.wrap(text, size, weight, width);
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(c.fonts.fit(&rest, size, weight, width));
    }
    lines
}

/// Billing instructions on the left; the net cost payable to the vendor on the right.
fn summary(c: &mut Canvas, doc: &IoDoc, body: f32, area: Rect) -> f32 {
    let rh = row_h(body);
    let s = small(body);
    let box_w = (area.w * 0.42).max(180.0).min(area.w);
    let bx = area.right() - box_w;
    let gh = rh * 1.3;
    c.fill(Rect::new(bx, area.y, box_w, gh), ACCENT_SOFT);
    c.text(Rect::new(bx + 4.0, area.y, box_w * 0.55, gh), "Net cost to vendor", body + 0.5, Weight::Bold, INK, Align::Left);
    c.text(Rect::new(bx + box_w * 0.55, area.y, box_w * 0.45 - 4.0, gh), &doc.net, body + 1.5, Weight::Bold, INK, Align::Right);
    let bottom = area.y + gh;

    let lw = (bx - area.x - GAP).max(0.0);
    let who = if doc.plan.prepared_by.trim().is_empty() { doc.plan.client.clone() } else { doc.plan.prepared_by.trim().to_string() };
    let notes = [
        ("Invoice to", format!("{who}, on behalf of {}", doc.plan.client)),
        ("Quote", format!("IO {} on every invoice", doc.order.number)),
        ("Basis", "Net cost: the amount payable to the vendor for the units ordered, at the rates above.".to_string()),
    ];
    let mut ly = area.y;
    let label_w = c.width("Invoice to", s, Weight::Bold) + 6.0;
    for (label, text) in &notes {
        let lines = two_lines(c, text, s, Weight::Regular, lw - label_w);
        c.text(Rect::new(area.x, ly, label_w, s * 1.4), label, s, Weight::Bold, MUTED, Align::Left);
        for l in lines {
            c.text(Rect::new(area.x + label_w, ly, lw - label_w, s * 1.4), &l, s, Weight::Regular, INK, Align::Left);
            ly += s * 1.4;
        }
    }
    bottom.max(ly)
}

/// Weeks shown side by side on the schedule before it groups them by month.
const MAX_SCHEDULE_WEEKS: usize = 16;

/// The schedule by week (or, for a long order, by the plan's months): each placement's spots,
/// faces or insertions (or net cost, for a placement without units) in each column; hiatus
/// shows "—". When the columns are too narrow for their figures, they run in blocks one under
/// the other rather than being cut. Returns its bottom (unchanged when there is nothing to
/// schedule).
fn schedule(c: &mut Canvas, doc: &IoDoc, body: f32, range: Range<usize>, page: PageNo, area: Rect) -> f32 {
    let shown: Vec<&Placement> = doc.placements.get(range.clone()).unwrap_or_default().iter().collect();
    if doc.weeks.is_empty() || shown.is_empty() {
        return area.y - GAP;
    }
    let s = small(body);
    let rh = row_h(body) * 0.9;
    // Long orders show the plan's months, as the core adds their weeks up; nothing is summed here.
    let monthly = doc.weeks.len() > MAX_SCHEDULE_WEEKS;
    let title = if monthly { "SCHEDULE BY MONTH" } else { "SCHEDULE BY WEEK (WEEK COMMENCING MONDAY)" };
    let title = if page.this == 1 { title.to_string() } else { format!("{title}, CONTINUED") };
    section_title(c, area, &title, body);
    let cols: Vec<String> = if monthly { doc.months.clone() } else { doc.weeks.iter().map(|w| w.format("%-d %b").to_string()).collect() };
    let texts: Vec<Vec<String>> = shown
        .iter()
        .map(|p| (0..cols.len()).map(|k| cell(doc, p, (if monthly { p.months.get(k) } else { p.schedule.get(k) }).copied().unwrap_or(Slot::Off))).collect())
        .collect();
    // Placement names print whole where the schedule's columns leave room.
    let labels: Vec<String> = shown.iter().map(|p| format!("{}  ({})", p.name, p.unit)).collect();
    let widest = labels.iter().map(|l| c.width(l, s, Weight::Regular)).fold(0.0_f32, f32::max);
    let label_w = (widest + 6.0).clamp((area.w * 0.3).min(170.0), area.w * 0.45);
    let mut widest_cell = 0.0_f32;
    for t in texts.iter().flatten() {
        widest_cell = widest_cell.max(c.width(t, s, Weight::Regular));
    }
    for h in &cols {
        widest_cell = widest_cell.max(c.width(h, s, Weight::Bold));
    }
    let widest_cell = widest_cell + 4.0;
    let per_block = (((area.w - label_w) / widest_cell).floor() as usize).clamp(1, cols.len().max(1));
    let blocks = cols.len().div_ceil(per_block).max(1);
    let per_block = cols.len().div_ceil(blocks).max(1);
    let col_w = (area.w - label_w) / per_block as f32;
    let mut y = area.y + TITLE_H;
    for b in 0..blocks {
        let range = b * per_block..((b + 1) * per_block).min(cols.len());
        for (k, label) in cols[range.clone()].iter().enumerate() {
            let x = area.x + label_w + col_w * k as f32;
            c.text(Rect::new(x, y, col_w, s * 1.8), label, s, Weight::Bold, MUTED, Align::Center);
        }
        y += s * 1.8;
        c.hline(area.x, area.right(), y, 0.8, RULE);
        for (r, (row, label)) in texts.iter().zip(&labels).enumerate() {
            if r % 2 == 1 {
                c.fill(Rect::new(area.x, y, area.w, rh), ZEBRA);
            }
            c.text(Rect::new(area.x, y, label_w - 4.0, rh), label, s, Weight::Regular, INK, Align::Left);
            for (k, text) in row[range.clone()].iter().enumerate() {
                let x = area.x + label_w + col_w * k as f32;
                let ink = if text == "—" { MUTED } else { INK };
                c.text(Rect::new(x, y, col_w, rh), text, s, Weight::Regular, ink, Align::Center);
            }
            y += rh;
            c.hline(area.x, area.right(), y, 0.3, HAIRLINE);
        }
        if b + 1 < blocks {
            y += 4.0;
        }
    }
    if page.this == 1 && range.end < doc.placements.len() {
        let more = format!("+ {} more placements: their schedules follow on pages 2–{}", doc.placements.len() - range.end, page.of);
        c.text(Rect::new(area.x, y, area.w, rh), &more, s, Weight::Regular, MUTED, Align::Left);
        y += rh;
    }
    y
}

/// One column of a placement's schedule: the units (or net) in that week or month as the core
/// gives them; a hiatus shows "—".
fn cell(doc: &IoDoc, p: &Placement, slot: Slot) -> String {
    match (slot, p.unit) {
        (Slot::Off, _) => String::new(),
        (Slot::Hiatus, _) => "—".to_string(),
        (Slot::Value(v), "net") => doc.fmt.money(v),
        (Slot::Value(v), _) => doc.fmt.plain(v),
    }
}

/// The numbered terms, wrapped into `area`; their bottom, or `None` if they do not fit.
fn terms(c: &mut Canvas, body: f32, area: Rect) -> Option<f32> {
    if area.h < TITLE_H {
        return None;
    }
    section_title(c, area, "TERMS AND CONDITIONS", body);
    c.hline(area.x, area.right(), area.y + TITLE_H - 3.0, 0.5, HAIRLINE);
    let s = small(body);
    let line_h = s * 1.35;
    let mut y = area.y + TITLE_H;
    let num_w = c.width("5.", s, Weight::Bold) + 4.0;
    let head_w = IO_TERMS.iter().map(|(h, _)| c.width(h, s, Weight::Bold)).fold(0.0_f32, f32::max) + 8.0;
    let text_x = area.x + num_w + head_w;
    let text_w = area.right() - text_x;
    for (i, (head, text)) in IO_TERMS.iter().enumerate() {
        let lines = c.fonts.wrap(text, s, Weight::Regular, text_w);
        let need = line_h * lines.len() as f32 + s * 0.5;
        if y + need > area.bottom() + 0.01 {
            return None;
        }
        c.text(Rect::new(area.x, y, num_w, line_h), &format!("{}.", i + 1), s, Weight::Bold, MUTED, Align::Left);
        c.text(Rect::new(area.x + num_w, y, head_w, line_h), head, s, Weight::Bold, INK, Align::Left);
        for l in &lines {
            c.text(Rect::new(text_x, y, text_w, line_h), l, s, Weight::Regular, INK, Align::Left);
            y += line_h;
        }
        y += s * 0.5;
    }
    Some(y)
}

/// Signature blocks for the vendor and the agency: name, title, signature and date.
fn signatures(c: &mut Canvas, doc: &IoDoc, area: Rect) {
    let gutter = 28.0;
    let bw = (area.w - gutter) / 2.0;
    let (agent_name, agent_title) = match doc.plan.prepared_by.split_once(',') {
        Some((n, t)) => (n.trim().to_string(), t.trim().to_string()),
        None => (doc.plan.prepared_by.trim().to_string(), String::new()),
    };
    let blocks = [
        ("ACCEPTED FOR THE VENDOR", doc.order.vendor.clone(), String::new(), String::new()),
        ("AUTHORISED FOR THE AGENCY", format!("on behalf of {}", doc.plan.client), agent_name, agent_title),
    ];
    for (k, (title, party, name, role)) in blocks.iter().enumerate() {
        let x = area.x + k as f32 * (bw + gutter);
        c.text(Rect::new(x, area.y, bw, 10.0), title, 7.0, Weight::Bold, ACCENT, Align::Left);
        c.hline(x, x + bw, area.y + 12.0, 0.5, HAIRLINE);
        c.text(Rect::new(x, area.y + 15.0, bw, 11.0), party, 8.0, Weight::Bold, INK, Align::Left);
        let wide = bw * 0.62;
        let narrow = bw - wide - 12.0;
        let fields = [[("Name", name.as_str()), ("Title", role.as_str())], [("Signature", ""), ("Date", "")]];
        let mut y = area.y + 52.0;
        for pair in fields {
            for (j, (label, value)) in pair.iter().enumerate() {
                let (fx, fw) = if j == 0 { (x, wide) } else { (x + wide + 12.0, narrow) };
                c.text(Rect::new(fx, y - 11.0, fw, 10.0), value, 8.0, Weight::Regular, INK, Align::Left);
                c.hline(fx, fx + fw, y, 0.6, INK);
                c.text(Rect::new(fx, y + 1.0, fw, 8.0), label, MIN_TYPE_PT, Weight::Regular, MUTED, Align::Left);
            }
            y += 30.0;
        }
    }
}

fn footer(c: &mut Canvas, doc: &IoDoc, area: Rect, page: PageNo) {
    let left = format!("IO {}  ·  {}  ·  {} v{}", doc.order.number, doc.plan.client, doc.plan.name, doc.plan.version);
    c.hline(area.x, area.right(), area.y - 2.0, 0.3, HAIRLINE);
    c.text(Rect::new(area.x, area.y, area.w * 0.7, area.h), &left, MIN_TYPE_PT, Weight::Regular, MUTED, Align::Left);
    c.text(
        Rect::new(area.x + area.w * 0.7, area.y, area.w * 0.3, area.h),
        &format!("Prepared with Flightplan  ·  Page {} of {}", page.this, page.of),
        MIN_TYPE_PT,
        Weight::Regular,
        MUTED,
        Align::Right,
    );
}
