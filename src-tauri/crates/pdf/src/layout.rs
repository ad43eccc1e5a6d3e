//! The page as positioned boxes, and the search for the largest type that fits on one page.
//!
//! Layout is pure and separate from drawing: every string is measured with the embedded font
//! and placed in a cell, so tests can check from these boxes alone that nothing leaves its cell
//! or the page. Fitting summarises as a planner would: every line at the comfortable body size,
//! then smaller sizes down to the readable floor (weekly, then monthly flowchart); if the lines
//! do not fit, one row per channel (the core's channel rows, with their line counts and totals,
//! by week and then by month); then one row per medium; and only if even those do not fit, the
//! smallest summed by the core into "Other (N …)". No text is ever smaller than [`MIN_TYPE_PT`].

use crate::fonts::{Fonts, Weight};
use crate::labels::Formats;
use crate::mix::Rows;
use crate::{bands, flowchart, header, mix};
use chrono::NaiveDate;
use flightplan_core::plan::{Paper, Plan};
use flightplan_core::report::Row;
use flightplan_core::{PlanView, Report, Result};

/// The smallest type on the page, in points: legible on a printed A4 or Letter page held at
/// reading distance. Every string the plan page draws is at least this size.
pub const MIN_TYPE_PT: f32 = 6.5;

/// Body sizes tried in order; the last is the readable floor (its small labels are
/// [`MIN_TYPE_PT`]).
pub const BODY_SIZES: [f32; 4] = [8.5, 8.0, 7.5, 7.0];
/// Plans longer than this many weeks show the flowchart by month.
pub const MAX_WEEKLY_COLUMNS: usize = 26;
pub const MARGIN: f32 = 28.0;
pub const GAP: f32 = 9.0;

/// A rectangle in points, measured from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// Whether `other` lies inside this rectangle (with a hair of float tolerance).
    pub fn contains(&self, other: &Rect) -> bool {
        const EPS: f32 = 0.01;
        other.x >= self.x - EPS && other.y >= self.y - EPS && other.right() <= self.right() + EPS && other.bottom() <= self.bottom() + EPS
    }
}

/// Colours, as 0–255 RGB. A restrained palette: ink, a muted grey, hairlines, one accent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink(pub u8, pub u8, pub u8);

pub const INK: Ink = Ink(0x1b, 0x23, 0x30);
pub const MUTED: Ink = Ink(0x67, 0x70, 0x7e);
pub const HAIRLINE: Ink = Ink(0xd5, 0xda, 0xe1);
pub const RULE: Ink = Ink(0x1b, 0x23, 0x30);
pub const ACCENT: Ink = Ink(0x1f, 0x4e, 0x79);
pub const ACCENT_SOFT: Ink = Ink(0xe8, 0xef, 0xf6);
pub const ZEBRA: Ink = Ink(0xf6, 0xf7, 0xf9);
pub const HIATUS: Ink = Ink(0xdd, 0xe1, 0xe6);
pub const WHITE: Ink = Ink(0xff, 0xff, 0xff);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// A string placed in a cell. `width` is its measured printed width; the text has already been
/// truncated with an ellipsis if the cell is narrower than it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub cell: Rect,
    pub text: String,
    pub size: f32,
    pub weight: Weight,
    pub ink: Ink,
    pub align: Align,
    pub width: f32,
}

impl TextBox {
    /// Where the glyphs actually print: the measured width, aligned in the cell, one em tall,
    /// centred vertically.
    pub fn ink_rect(&self) -> Rect {
        let x = match self.align {
            Align::Left => self.cell.x,
            Align::Right => self.cell.right() - self.width,
            Align::Center => self.cell.x + (self.cell.w - self.width) / 2.0,
        };
        Rect::new(x, self.cell.y + (self.cell.h - self.size) / 2.0, self.width, self.size)
    }

    /// The baseline for drawing: cap height (≈0.714 em in Noto Sans) centred in the cell.
    pub fn baseline(&self) -> f32 {
        self.cell.y + (self.cell.h + 0.714 * self.size) / 2.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    pub rect: Rect,
    pub ink: Ink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub width: f32,
    pub ink: Ink,
}

/// How the flowchart columns are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    Weeks,
    Months,
}

/// What one row of the mix and the flowchart stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// One row per line.
    Lines,
    /// One row per channel, with its line count and totals.
    Channels,
    /// One row per medium (social, search, TV, …), with its channel and line counts and totals:
    /// for a plan with more channels than the page has rows.
    Media,
    /// The largest channels (or media, when there are fewer media), and the rest summed by the
    /// core into "Other (N channels)" ("Other (N media)").
    Folded { kept: usize },
}

/// The whole page, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub page: Rect,
    pub texts: Vec<TextBox>,
    pub fills: Vec<Fill>,
    pub rules: Vec<Rule>,
    /// The body type size the page settled on.
    pub body_size: f32,
    pub columns: Columns,
    pub detail: Detail,
    /// On an insertion order's page 1, how many placements follow on later pages (a "+ N
    /// more" row says so).
    pub folded: usize,
    /// What the page leaves off or shows summed, one planner's sentence each (the export's
    /// warnings).
    pub left_off: Vec<String>,
    /// Texts printed shortened with an ellipsis, in full.
    pub shortened: Vec<String>,
}

/// The inputs every section needs.
pub struct Ctx<'a> {
    pub report: &'a Report,
    pub plan: &'a Plan,
    pub view: &'a PlanView,
    pub fmt: Formats,
    pub prepared_on: NaiveDate,
    pub body: f32,
}

impl Ctx<'_> {
    /// Row height for body text.
    pub fn row(&self) -> f32 {
        (self.body * 1.42).max(self.body + 2.8)
    }
    /// Small labels (column heads, captions): never below [`MIN_TYPE_PT`].
    pub fn small(&self) -> f32 {
        (self.body - 1.0).max(MIN_TYPE_PT)
    }
}

/// Collects boxes; every text goes through here so it is measured and fitted to its cell.
pub struct Canvas<'f> {
    pub fonts: &'f mut Fonts,
    pub layout: Layout,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f mut Fonts, page: Rect, body_size: f32, columns: Columns) -> Self {
        let layout = Layout {
            page,
            texts: Vec::new(),
            fills: Vec::new(),
            rules: Vec::new(),
            body_size,
            columns,
            detail: Detail::Lines,
            folded: 0,
            left_off: Vec::new(),
            shortened: Vec::new(),
        };
        Canvas { fonts, layout }
    }

    /// Place `text` in `cell`, cut with an ellipsis at the cell's width if needed (the cut is
    /// recorded in `shortened`, for the export's warnings).
    pub fn text(&mut self, cell: Rect, text: &str, size: f32, weight: Weight, ink: Ink, align: Align) {
        if text.is_empty() || cell.w <= 0.0 {
            return;
        }
        let fitted = self.fonts.fit(text, size, weight, cell.w);
        if fitted != text {
            self.layout.shortened.push(text.to_string());
        }
        if fitted.is_empty() {
            return;
        }
        let width = self.fonts.width(&fitted, size, weight);
        self.layout.texts.push(TextBox { cell, text: fitted, size, weight, ink, align, width });
    }

    /// Place the first of `texts` that fits `cell` whole (a label, then shorter forms of it);
    /// if none does, the last, cut as [`Canvas::text`] cuts.
    pub fn text_first_fitting(&mut self, cell: Rect, texts: &[String], size: f32, weight: Weight, ink: Ink, align: Align) {
        let pick = texts.iter().find(|t| self.fonts.width(t, size, weight) <= cell.w).or(texts.last());
        if let Some(text) = pick {
            self.text(cell, &text.clone(), size, weight, ink, align);
        }
    }

    pub fn fill(&mut self, rect: Rect, ink: Ink) {
        if rect.w > 0.0 && rect.h > 0.0 {
            self.layout.fills.push(Fill { rect, ink });
        }
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, ink: Ink) {
        self.layout.rules.push(Rule { from: (x1, y), to: (x2, y), width, ink });
    }

    pub fn vline(&mut self, x: f32, y1: f32, y2: f32, width: f32, ink: Ink) {
        self.layout.rules.push(Rule { from: (x, y1), to: (x, y2), width, ink });
    }

    pub fn width(&mut self, text: &str, size: f32, weight: Weight) -> f32 {
        self.fonts.width(text, size, weight)
    }
}

/// Page size in points, landscape.
pub fn page_size(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::A4 => (841.89, 595.28),
        Paper::Letter => (792.0, 612.0),
    }
}

/// One attempt at a page: the body size, the flowchart columns and what a row stands for.
#[derive(Debug, Clone, Copy)]
struct Attempt {
    body: f32,
    columns: Columns,
    detail: Detail,
    /// How tall the bottom band may grow for its notes and creative.
    band: Band,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    /// Tall enough for every note and creative item, or the attempt fails (tried first).
    Whole,
    /// As tall as the tables leave room for.
    Room,
    /// Its base height.
    Base,
}

/// Whether the page groups by medium when the channels do not fit: when there are fewer media
/// than channels (else the media say no more than the channels).
fn by_media(report: &Report) -> bool {
    report.media.len() < report.channels.len()
}

/// Lay out the page: every line at the largest size that fits, else one row per channel, else
/// one row per medium, else the largest of those with the rest summed (by the core).
pub fn lay_out(report: &Report, fmt: Formats, paper: Paper, fonts: &mut Fonts) -> Result<Layout> {
    let weekly_ok = report.view.weeks.len() <= MAX_WEEKLY_COLUMNS;
    let channel_rows: Vec<&Row> = report.channels.iter().collect();
    let media_rows: Vec<&Row> = report.media.iter().collect();
    let line_rows: Vec<&Row> = report.lines.iter().collect();
    // A summary with as many rows as the level above says no more: skip it.
    let mut details = vec![Detail::Lines];
    if report.channels.len() < report.lines.len() {
        details.push(Detail::Channels);
    }
    if by_media(report) {
        details.push(Detail::Media);
    }
    // Notes and creative printed whole beat a larger body size; lines beat both.
    for detail in &details {
        let rows = match detail {
            Detail::Lines => &line_rows,
            Detail::Media => &media_rows,
            _ => &channel_rows,
        };
        for band in [Band::Whole, Band::Room, Band::Base] {
            for body in BODY_SIZES {
                for columns in [Columns::Weeks, Columns::Months] {
                    if columns == Columns::Weeks && !weekly_ok {
                        continue;
                    }
                    let a = Attempt { body, columns, detail: *detail, band };
                    if let (layout, true) = build(report, rows, fmt, paper, fonts, a) {
                        return Ok(layout);
                    }
                }
            }
        }
    }
    // Too many rows even so: the most that fit, the rest summed by the core.
    let floor = BODY_SIZES[BODY_SIZES.len() - 1];
    let summary = if by_media(report) { &report.media } else { &report.channels };
    let fold = |keep: usize| if by_media(report) { report.media_folded(keep) } else { report.channels_folded(keep) };
    let (mut lo, mut hi) = (1usize, summary.len().saturating_sub(1));
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        let folded = fold(mid)?;
        let rows: Vec<&Row> = folded.iter().collect();
        let a = Attempt { body: floor, columns: Columns::Months, detail: Detail::Folded { kept: mid }, band: Band::Room };
        match build(report, &rows, fmt, paper, fonts, a) {
            (layout, true) => {
                best = Some(layout);
                lo = mid + 1;
            }
            _ => hi = mid - 1,
        }
    }
    Ok(match best {
        Some(l) => l,
        // Nothing fits even then: draw the smallest page anyway; the sections clip their own
        // contents to their boxes.
        None => {
            let folded = fold(1)?;
            let rows: Vec<&Row> = folded.iter().collect();
            build(report, &rows, fmt, paper, fonts, Attempt { body: floor, columns: Columns::Months, detail: Detail::Folded { kept: 1 }, band: Band::Base }).0
        }
    })
}

/// Build the page for one attempt; `true` if the middle sections fit between header and band.
fn build(report: &Report, rows: &[&Row], fmt: Formats, paper: Paper, fonts: &mut Fonts, a: Attempt) -> (Layout, bool) {
    let (w, h) = page_size(paper);
    let page = Rect::new(0.0, 0.0, w, h);
    let ctx = Ctx { report, plan: &report.plan, view: &report.view, fmt, prepared_on: report.today, body: a.body };
    let rows = Rows { rows: rows.to_vec(), detail: a.detail };
    let mut canvas = Canvas::new(fonts, page, a.body, a.columns);
    canvas.layout.detail = a.detail;
    let content = Rect::new(MARGIN, MARGIN - 6.0, w - 2.0 * MARGIN, h - 2.0 * MARGIN + 8.0);

    let mut y = header::draw(&mut canvas, &ctx, content);
    let footer_h = 10.0;
    let Some(mix_h) = mix::height(&mut canvas, &ctx, &rows, content.w, content.h) else { return (canvas.layout, false) };
    let need = mix_h + GAP + flowchart::height(&ctx, rows.len());
    // A grown band takes what the notes and creative need, within what the tables leave.
    let room = content.bottom() - footer_h - (y + GAP) - need - GAP - ctx.row();
    let (band_h, whole) = bands::height(&mut canvas, &ctx, &rows, content.w, if a.band == Band::Base { 0.0 } else { room });
    if a.band == Band::Whole && !whole {
        return (canvas.layout, false);
    }
    let band_top = content.bottom() - footer_h - band_h;
    bands::draw(&mut canvas, &ctx, &rows, Rect::new(content.x, band_top, content.w, band_h));
    bands::footer(&mut canvas, &ctx, Rect::new(content.x, content.bottom() - footer_h + 1.0, content.w, footer_h - 1.0));

    // Spread spare height into the gaps, so a short plan does not leave a hole above the band.
    let spare = (band_top - GAP - (y + GAP) - need).max(0.0);
    let extra = (spare / 3.0).min(14.0);
    y += GAP + extra;
    let mix_fit = mix::draw(&mut canvas, &ctx, &rows, Rect::new(content.x, y, content.w, band_top - y));
    let Some(mix_bottom) = mix_fit else { return (canvas.layout, false) };
    y = mix_bottom + GAP + extra;
    let chart = flowchart::draw(&mut canvas, &ctx, &rows, a.columns, Rect::new(content.x, y, content.w, band_top - GAP - y));
    let fits = matches!(chart, Some(bottom) if bottom <= band_top - GAP + 0.01);
    if fits {
        summarised(&mut canvas.layout, report, &rows);
    }
    (canvas.layout, fits)
}

/// The warning for lines shown by channel, or channels summed.
fn summarised(layout: &mut Layout, report: &Report, rows: &Rows) {
    let n = report.lines.len();
    match rows.detail {
        Detail::Lines => {}
        Detail::Channels => layout.left_off.insert(
            0,
            format!(
                "The {n} lines are shown as {} channel rows (each with its line count and totals) so the page reads at {MIN_TYPE_PT} pt or larger; every line is in the XLSX and CSV exports.",
                report.channels.len()
            ),
        ),
        Detail::Media => layout.left_off.insert(
            0,
            format!(
                "The {n} lines in {} channels are shown as {} media rows (each with its channel and line counts and totals) so the page reads at {MIN_TYPE_PT} pt or larger; every channel is in the XLSX export's Channels sheet, every line in its Mix sheet and the CSV.",
                report.channels.len(),
                report.media.len()
            ),
        ),
        Detail::Folded { kept } => {
            let (summary, what) = if by_media(report) { (&report.media, "media") } else { (&report.channels, "channels") };
            let rest: Vec<String> = summary[kept.min(summary.len())..].iter().map(|c| format!("\u{201c}{}\u{201d}", c.channel)).collect();
            layout.left_off.insert(
                0,
                format!(
                    "The {n} lines are shown by {}, and the {} smallest of {} {what} are summed into \u{201c}Other ({} {what})\u{201d} to fit one page: {}. Every line is in the XLSX and CSV exports.",
                    if what == "media" { "medium" } else { "channel" },
                    rest.len(),
                    summary.len(),
                    rest.len(),
                    rest.join(", ")
                ),
            );
        }
    }
}
