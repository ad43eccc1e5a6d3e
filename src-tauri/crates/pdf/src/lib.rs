//! The one-page, client-ready media plan PDF: the document the whole product exists to hand over.
//!
//! This is a ring around the pure core: it takes a plan and the core's `PlanView` (every figure
//! printed comes from `flightplan_core::compute`), lays the page out with measured text from the
//! embedded font, shrinks, rolls up and folds until it fits exactly one landscape page, and draws
//! it with printpdf. File I/O here is limited to finding system fonts for scripts the bundled
//! Noto Sans lacks.
//!
//! ```no_run
//! let plan = flightplan_core::sample_plan();
//! let view = flightplan_core::compute(&plan).unwrap();
//! let opts = flightplan_pdf::PdfOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
//! let out = flightplan_pdf::render(&plan, &view, &opts).unwrap();
//! std::fs::write("plan.pdf", out.bytes).unwrap();
//! ```

mod bands;
mod draw;
mod flowchart;
pub mod fonts;
mod header;
pub mod insertion_order;
mod io_page;
pub mod labels;
pub mod layout;
mod mix;

use chrono::NaiveDate;
use flightplan_core::money::Currency;
use flightplan_core::plan::{Paper, Plan};
use flightplan_core::{Error, PlanView, Result};

pub use insertion_order::{insertion_orders, io_file_names, render_insertion_order, render_insertion_orders, InsertionOrder, IoOptions};
pub use layout::{Columns, Layout, Rect, TextBox};

/// How to render. `paper: None` uses the plan's own `settings.paper`.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    pub paper: Option<Paper>,
    /// The date printed as "Prepared on" and stored as the PDF's creation date. Passed in: the
    /// renderer never reads the clock, so the same plan and date give the same bytes.
    pub prepared_on: NaiveDate,
}

impl PdfOptions {
    pub fn new(prepared_on: NaiveDate) -> PdfOptions {
        PdfOptions { paper: None, prepared_on }
    }
}

/// A rendered plan: the PDF, anything the planner should know about it, and the page's boxes.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// e.g. characters no available font could print (they show as a visible replacement).
    pub warnings: Vec<String>,
    pub layout: Layout,
}

/// Lay out the page only (no PDF), e.g. to check fitting.
pub fn lay_out(plan: &Plan, view: &PlanView, opts: &PdfOptions) -> Result<(Layout, Vec<String>)> {
    let mut fonts = fonts::Fonts::new().map_err(|m| Error::new("font_unavailable", m))?;
    let layout = lay_out_with(plan, view, opts, &mut fonts)?;
    let warnings = warnings(&fonts, &layout);
    Ok((layout, warnings))
}

fn lay_out_with(plan: &Plan, view: &PlanView, opts: &PdfOptions, fonts: &mut fonts::Fonts) -> Result<Layout> {
    let currency = Currency::from_code(&view.currency)
        .ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
    if plan.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before exporting"));
    }
    let fmt = labels::Formats { currency, style: plan.settings.number_style };
    let paper = opts.paper.unwrap_or(plan.settings.paper);
    Ok(layout::lay_out(plan, view, fmt, paper, opts.prepared_on, fonts))
}

/// Render the plan to a one-page PDF.
pub fn render(plan: &Plan, view: &PlanView, opts: &PdfOptions) -> Result<Rendered> {
    let mut fonts = fonts::Fonts::new().map_err(|m| Error::new("font_unavailable", m))?;
    let layout = lay_out_with(plan, view, opts, &mut fonts)?;
    let meta = draw::Meta {
        title: format!("{} — {}", plan.client, plan.name),
        author: if plan.prepared_by.is_empty() { plan.client.clone() } else { plan.prepared_by.clone() },
        subject: format!("Media plan v{} for {}", plan.version, plan.client),
        created: opts.prepared_on,
    };
    let bytes = draw::pdf(&layout, &mut fonts, &meta);
    let warnings = warnings(&fonts, &layout);
    Ok(Rendered { bytes, warnings, layout })
}

/// Render on a worker thread, so a desktop shell can await it without blocking its UI thread.
/// The plan and view are cloned into the worker.
pub fn render_in_background(plan: &Plan, view: &PlanView, opts: &PdfOptions) -> std::thread::JoinHandle<Result<Rendered>> {
    let (plan, view, opts) = (plan.clone(), view.clone(), opts.clone());
    std::thread::spawn(move || render(&plan, &view, &opts))
}

fn warnings(fonts: &fonts::Fonts, layout: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    if !fonts.missing().is_empty() {
        let list: Vec<String> = fonts.missing().iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        out.push(format!(
            "no installed font can print {}; they appear as a replacement mark on the page. Install a font for that script (e.g. Noto Sans CJK) and export again.",
            list.join(", ")
        ));
    }
    if layout.folded > 0 {
        out.push(format!("{} smallest lines were folded into \"Other ({} lines)\" to fit one page.", layout.folded, layout.folded));
    }
    out
}
