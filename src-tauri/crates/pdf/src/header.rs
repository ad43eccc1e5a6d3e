//! The top of the page: who the plan is for and from, what it is called, when it runs, and the
//! goal, primary KPI and audience it is judged against.
//!
//! These are the lines a client reads first and signs under, so they keep a fixed, generous
//! size whatever the fitting does to the tables below.

use crate::fonts::Weight;
use crate::labels::{kpi_name, period, status};
use crate::layout::{Align, Canvas, Ctx, Rect, ACCENT, ACCENT_SOFT, HAIRLINE, INK, MIN_TYPE_PT, MUTED};
use flightplan_core::flight::day_label;
use flightplan_core::plan::{Funnel, Kpi};
use flightplan_core::Dec;

/// How long the plan runs: in days when under a week, else in the flowchart's weeks.
fn length(ctx: &Ctx) -> String {
    let days = (ctx.plan.end - ctx.plan.start).num_days() + 1;
    let (n, unit) = if days < 7 { (days, "day") } else { (ctx.view.weeks.len() as i64, "week") };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// Sizes the plan's name is tried at on one line, largest first.
const TITLE_SIZES: [f32; 3] = [16.0, 14.0, 12.5];

/// The plan's name, the first thing a client reads: on one line as large as it fits, else on two
/// lines of 11 pt in the same band. Only a name longer than two lines hold is shortened (and
/// listed in the warnings).
fn title(c: &mut Canvas, name: &str, band: Rect) {
    if let Some(size) = TITLE_SIZES.iter().copied().find(|s| c.width(name, *s, Weight::Bold) <= band.w) {
        c.text(band, name, size, Weight::Bold, INK, Align::Left);
        return;
    }
    let size = 11.0;
    let lines = c.fonts.wrap(name, size, Weight::Bold, band.w);
    let line_h = band.h / 2.0;
    let (first, rest) = match lines.split_first() {
        Some((first, rest)) => (first.clone(), rest.join(" ")),
        None => (name.to_string(), String::new()),
    };
    c.text(Rect::new(band.x, band.y, band.w, line_h), &first, size, Weight::Bold, INK, Align::Left);
    if rest.is_empty() {
        return;
    }
    // A second line that does not fit either is cut by `text`, which lists the whole name.
    let before = c.layout.shortened.len();
    c.text(Rect::new(band.x, band.y + line_h, band.w, line_h), &rest, size, Weight::Bold, INK, Align::Left);
    if c.layout.shortened.len() > before {
        c.layout.shortened.truncate(before);
        c.layout.shortened.push(name.to_string());
    }
}

/// Draw the header and goal strip; returns the y where the next section may start.
pub fn draw(c: &mut Canvas, ctx: &Ctx, area: Rect) -> f32 {
    let plan = ctx.plan;
    let right_w = (area.w * 0.34).min(280.0);
    let left_w = area.w - right_w - 16.0;
    // The client's name as written: capitals would change a legal name (Turkish İ, Greek
    // accents, "GmbH").
    let mut kicker = plan.client.clone();
    if !plan.brand.is_empty() {
        kicker = format!("{kicker}  ·  {}", plan.brand);
    }
    c.text(Rect::new(area.x, area.y, left_w, 11.0), &kicker, 7.5, Weight::Bold, ACCENT, Align::Left);
    title(c, &plan.name, Rect::new(area.x, area.y + 11.0, left_w, 22.0));
    let meta = format!("Media plan  ·  {}  ·  {}  ·  Budget {}", period(plan.start, plan.end), length(ctx), ctx.fmt.money(ctx.view.totals.budget.0));
    c.text(Rect::new(area.x, area.y + 33.0, left_w, 11.0), &meta, 7.5, Weight::Regular, MUTED, Align::Left);

    // Right: the document's particulars as label / value pairs.
    let pairs = [
        ("Version", format!("v{}  ·  {}", plan.version, status(plan.status))),
        ("Prepared by", if plan.prepared_by.is_empty() { "—".to_string() } else { plan.prepared_by.clone() }),
        ("Prepared on", day_label(ctx.prepared_on)),
        ("Currency", format!("{}  ·  net media excl. fees unless stated", ctx.view.currency)),
    ];
    let label_w = 50.0;
    let rx = area.right() - right_w;
    for (i, (k, v)) in pairs.iter().enumerate() {
        let y = area.y + 2.0 + 10.5 * i as f32;
        c.text(Rect::new(rx, y, label_w, 10.0), k, 6.5, Weight::Regular, MUTED, Align::Left);
        c.text(Rect::new(rx + label_w, y, right_w - label_w, 10.0), v, 7.0, Weight::Regular, INK, Align::Left);
    }
    let mut y = area.y + 47.0;
    c.hline(area.x, area.right(), y, 1.2, ACCENT);
    y += 5.0;

    // Goal strip: four cells on a soft tint.
    let strip_h = 24.0;
    let goal = plan.goal.as_ref();
    let objective = goal
        .map(|g| {
            let stage = match g.objective {
                Funnel::Awareness => "Awareness",
                Funnel::Consideration => "Consideration",
                Funnel::Conversion => "Conversion",
                Funnel::Retention => "Retention",
            };
            if g.description.is_empty() {
                stage.to_string()
            } else {
                format!("{stage} — {}", g.description)
            }
        })
        .unwrap_or_else(|| "No goal set".to_string());
    let n = ctx.view.totals.effective_frequency;
    let kpi = goal
        .and_then(|g| {
            g.kpi.map(|k| match (k, g.target) {
                (Kpi::EffectiveReach, Some(t)) => format!("Reach at {n}+ target {}", ctx.fmt.kpi_value(k, t.0)),
                (Kpi::EffectiveReach, None) => format!("Reach at {n}+ (no target set)"),
                (_, Some(t)) => format!("{} target {}", kpi_name(k), ctx.fmt.kpi_value(k, t.0)),
                (_, None) => format!("{} (no target set)", kpi_name(k)),
            })
        })
        .unwrap_or_else(|| "No primary KPI set".to_string());
    let mut audience = if plan.audience.summary.is_empty() { "—".to_string() } else { plan.audience.summary.clone() };
    if let (false, Some(u)) = (plan.target_audience.trim().is_empty(), plan.universe) {
        let target = format!("{} ({})", plan.target_audience.trim(), ctx.fmt.count(Some(u.0)));
        audience = if plan.audience.summary.is_empty() { target } else { format!("{target} — {audience}") };
    }
    let cells = [("GOAL", objective, 0.36), ("PRIMARY KPI", kpi, 0.18), ("AUDIENCE", audience, 0.46)];
    let inner = area.w - 16.0;
    // A long goal or audience wraps onto a second (or third) line rather than being cut.
    let value_h = 9.5;
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .enumerate()
        .map(|(i, (_, value, frac))| {
            let weight = if i == 1 { Weight::Bold } else { Weight::Regular };
            let mut lines = c.fonts.wrap(value, 7.5, weight, inner * frac - 10.0);
            if lines.len() > 3 {
                // Beyond three lines the rest is joined into the third, which is shortened
                // (and listed in the warnings).
                let rest = lines.split_off(2).join(" ");
                lines.push(rest);
            }
            lines
        })
        .collect();
    let extra = wrapped.iter().map(|l| l.len().max(1) - 1).max().unwrap_or(0) as f32 * value_h;
    let strip_h = strip_h + extra;
    c.fill(Rect::new(area.x, y, area.w, strip_h), ACCENT_SOFT);
    let mut x = area.x + 8.0;
    for (i, ((label, _, frac), lines)) in cells.iter().zip(&wrapped).enumerate() {
        let w = inner * frac - 10.0;
        c.text(Rect::new(x, y + 2.5, w, 8.0), label, MIN_TYPE_PT, Weight::Bold, MUTED, Align::Left);
        let weight = if i == 1 { Weight::Bold } else { Weight::Regular };
        for (k, line) in lines.iter().enumerate() {
            c.text(Rect::new(x, y + 11.0 + value_h * k as f32, w, value_h + 0.5), line, 7.5, weight, INK, Align::Left);
        }
        x += inner * frac;
        if i < cells.len() - 1 {
            c.vline(x - 5.0, y + 4.0, y + strip_h - 4.0, 0.5, HAIRLINE);
        }
    }
    reach_strip(c, ctx, area, y + strip_h)
}

/// Reach and frequency under the goal, when the plan has them: reach, average frequency, reach
/// at N+ against the goal, GRPs and TRPs. Returns the y below it (unchanged without reach).
fn reach_strip(c: &mut Canvas, ctx: &Ctx, area: Rect, top: f32) -> f32 {
    let t = &ctx.view.totals;
    if t.reach_pct.is_none() && t.trps.is_none() {
        return top;
    }
    let f = &ctx.fmt;
    let pct = |v: Option<rust_decimal::Decimal>| v.map(|x| f.pct(x)).unwrap_or_else(|| "—".to_string());
    let n = t.effective_frequency;
    let goal = match &t.reach_goal {
        Some(g) if g.frequency == n || g.frequency == 1 => match (g.met, g.gap_pct, g.extra_spend) {
            (Some(true), _, _) => format!("target {}: met", f.pct(g.target_pct.0)),
            (Some(false), Some(gap), Some(x)) => format!("{} pts short of {}: {} more closes it", f.grps(Some(gap.0)), f.pct(g.target_pct.0), f.money(x.0)),
            (Some(false), Some(gap), None) => format!("{} pts short of {}", f.grps(Some(gap.0)), f.pct(g.target_pct.0)),
            _ => format!("target {}", f.pct(g.target_pct.0)),
        },
        _ => String::new(),
    };
    let (reach_note, eff_note) = match &t.reach_goal {
        Some(g) if g.frequency == 1 => (goal, String::new()),
        _ => (String::new(), goal),
    };
    let points = match (t.grps, t.trps) {
        (Some(g), Some(tr)) if g != tr => format!("{} GRPs  ·  {} TRPs", f.grps(Some(g.0)), f.grps(Some(tr.0))),
        (_, Some(tr)) => format!("{} TRPs", f.grps(Some(tr.0))),
        (Some(g), None) => format!("{} GRPs", f.grps(Some(g.0))),
        (None, None) => "—".to_string(),
    };
    let cells: [(&str, String, String, f32); 4] = [
        ("REACH (1+)", pct(t.reach_pct.map(Dec::get)), reach_note, 0.25),
        ("AVERAGE FREQUENCY", t.frequency.map(|v| f.grps(Some(v.0))).unwrap_or_else(|| "—".into()), String::new(), 0.17),
        ("", pct(t.effective_reach_pct.map(Dec::get)), eff_note, 0.36),
        ("RATING POINTS", points, String::new(), 0.22),
    ];
    let strip_h = 22.0;
    let y = top + 3.0;
    c.fill(Rect::new(area.x, y, area.w, strip_h), ACCENT_SOFT);
    let mut x = area.x + 8.0;
    let inner = area.w - 16.0;
    let eff_label = format!("EFFECTIVE REACH ({n}+)");
    for (i, (label, value, note, frac)) in cells.iter().enumerate() {
        let w = inner * frac - 10.0;
        let label = if i == 2 { eff_label.as_str() } else { label };
        c.text(Rect::new(x, y + 2.5, w, 8.0), label, MIN_TYPE_PT, Weight::Bold, MUTED, Align::Left);
        let vw = c.width(value, 8.0, Weight::Bold).min(w);
        c.text(Rect::new(x, y + 10.0, w, 11.0), value, 8.0, Weight::Bold, INK, Align::Left);
        if !note.is_empty() {
            c.text(Rect::new(x + vw + 5.0, y + 10.0, (w - vw - 5.0).max(0.0), 11.0), note, 6.5, Weight::Regular, MUTED, Align::Left);
        }
        x += inner * frac;
        if i < cells.len() - 1 {
            c.vline(x - 5.0, y + 4.0, y + strip_h - 4.0, 0.5, HAIRLINE);
        }
    }
    y + strip_h
}
