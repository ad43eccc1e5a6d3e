//! The page as positioned boxes, and the search for the largest type that fits on one page.
//!
//! Layout is pure and separate from drawing: every string is measured with the embedded font
//! and placed in a cell, so tests can check from these boxes alone that nothing leaves its cell
//! or the page. Fitting tries the comfortable body size first, then smaller sizes down to a
//! readable floor, then a monthly flowchart, and finally folds the smallest lines into
//! "Other (N lines)" until the page holds.

use crate::fonts::{Fonts, Weight};
use crate::labels::Formats;
use crate::mix::Rows;
use crate::{bands, flowchart, header, mix};
use chrono::NaiveDate;
use flightplan_core::plan::{Paper, Plan};
use flightplan_core::PlanView;

/// Body sizes tried in order; the last is the readable floor.
pub const BODY_SIZES: [f32; 8] = [8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5, 5.0];
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
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
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
    /// How many lines were folded into "Other (N lines)" (0 if none).
    pub folded: usize,
}

/// The inputs every section needs.
pub struct Ctx<'a> {
    pub plan: &'a Plan,
    pub view: &'a PlanView,
    pub fmt: Formats,
    pub prepared_on: NaiveDate,
    pub body: f32,
}

impl Ctx<'_> {
    /// Row height for body text.
    pub fn row(&self) -> f32 {
        (self.body * 1.55).max(self.body + 3.0)
    }
    /// Small labels (column heads, captions).
    pub fn small(&self) -> f32 {
        (self.body - 1.0).max(4.5)
    }
}

/// Collects boxes; every text goes through here so it is measured and fitted to its cell.
pub struct Canvas<'f> {
    pub fonts: &'f mut Fonts,
    pub layout: Layout,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f mut Fonts, page: Rect, body_size: f32, columns: Columns) -> Self {
        let layout = Layout { page, texts: Vec::new(), fills: Vec::new(), rules: Vec::new(), body_size, columns, folded: 0 };
        Canvas { fonts, layout }
    }

    /// Place `text` in `cell`, cut with an ellipsis at the cell's width if needed.
    pub fn text(&mut self, cell: Rect, text: &str, size: f32, weight: Weight, ink: Ink, align: Align) {
        if text.is_empty() || cell.w <= 0.0 {
            return;
        }
        let fitted = self.fonts.fit(text, size, weight, cell.w);
        if fitted.is_empty() {
            return;
        }
        let width = self.fonts.width(&fitted, size, weight);
        self.layout.texts.push(TextBox { cell, text: fitted, size, weight, ink, align, width });
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

/// One attempt at a page: the body size, the flowchart columns and how many lines to keep.
#[derive(Debug, Clone, Copy)]
struct Attempt {
    body: f32,
    columns: Columns,
    keep: usize,
}

/// Lay out the page: the largest body size at which everything fits, else fold.
pub fn lay_out(plan: &Plan, view: &PlanView, fmt: Formats, paper: Paper, prepared_on: NaiveDate, fonts: &mut Fonts) -> Layout {
    let n = view.lines.len();
    let weekly_ok = view.weeks.len() <= MAX_WEEKLY_COLUMNS;
    let mut attempts = Vec::new();
    for body in BODY_SIZES {
        if weekly_ok {
            attempts.push(Attempt { body, columns: Columns::Weeks, keep: n });
        }
        attempts.push(Attempt { body, columns: Columns::Months, keep: n });
    }
    for a in &attempts {
        if let Some(layout) = try_page(plan, view, fmt, paper, prepared_on, fonts, *a) {
            return layout;
        }
    }
    // Fold at the floor: the most lines that still fit, by binary search.
    let floor = BODY_SIZES[BODY_SIZES.len() - 1];
    let columns_for = |keep| {
        let a = Attempt { body: floor, columns: Columns::Weeks, keep };
        if weekly_ok { vec![a, Attempt { columns: Columns::Months, ..a }] } else { vec![Attempt { columns: Columns::Months, ..a }] }
    };
    let (mut lo, mut hi) = (0usize, n.saturating_sub(1));
    let mut best = None;
    while lo <= hi {
        let mid = (lo + hi) / 2;
        let found = columns_for(mid).into_iter().find_map(|a| try_page(plan, view, fmt, paper, prepared_on, fonts, a));
        match found {
            Some(l) => {
                best = Some(l);
                lo = mid + 1;
            }
            None if mid == 0 => break,
            None => hi = mid - 1,
        }
    }
    match best {
        Some(l) => l,
        // Nothing fits even with every line folded: draw the smallest page anyway; the
        // sections clip their own contents to their boxes.
        None => build(plan, view, fmt, paper, prepared_on, fonts, Attempt { body: floor, columns: Columns::Months, keep: 0 }).0,
    }
}

fn try_page(plan: &Plan, view: &PlanView, fmt: Formats, paper: Paper, prepared_on: NaiveDate, fonts: &mut Fonts, a: Attempt) -> Option<Layout> {
    let (layout, fits) = build(plan, view, fmt, paper, prepared_on, fonts, a);
    fits.then_some(layout)
}

/// Build the page for one attempt; `true` if the middle sections fit between header and band.
fn build(plan: &Plan, view: &PlanView, fmt: Formats, paper: Paper, prepared_on: NaiveDate, fonts: &mut Fonts, a: Attempt) -> (Layout, bool) {
    let (w, h) = page_size(paper);
    let page = Rect::new(0.0, 0.0, w, h);
    let ctx = Ctx { plan, view, fmt, prepared_on, body: a.body };
    let rows = Rows::new(view, a.keep);
    let mut canvas = Canvas::new(fonts, page, a.body, a.columns);
    canvas.layout.folded = rows.folded;
    let content = Rect::new(MARGIN, MARGIN - 6.0, w - 2.0 * MARGIN, h - 2.0 * MARGIN + 8.0);

    let mut y = header::draw(&mut canvas, &ctx, content);
    let band_h = bands::height(&ctx);
    let footer_h = 10.0;
    let band_top = content.bottom() - footer_h - band_h;
    bands::draw(&mut canvas, &ctx, &rows, Rect::new(content.x, band_top, content.w, band_h));
    bands::footer(&mut canvas, &ctx, Rect::new(content.x, content.bottom() - footer_h + 2.0, content.w, footer_h - 2.0));

    // Spread spare height into the gaps, so a short plan does not leave a hole above the band.
    let need = mix::height(&ctx, rows.len()) + GAP + flowchart::height(&ctx, rows.len());
    let spare = (band_top - GAP - (y + GAP) - need).max(0.0);
    let extra = (spare / 3.0).min(14.0);
    y += GAP + extra;
    let mix_fit = mix::draw(&mut canvas, &ctx, &rows, Rect::new(content.x, y, content.w, band_top - y));
    let Some(mix_bottom) = mix_fit else { return (canvas.layout, false) };
    y = mix_bottom + GAP + extra;
    let chart = flowchart::draw(&mut canvas, &ctx, &rows, a.columns, Rect::new(content.x, y, content.w, band_top - GAP - y));
    let fits = matches!(chart, Some(bottom) if bottom <= band_top - GAP + 0.01);
    (canvas.layout, fits)
}
