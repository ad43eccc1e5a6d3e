//! The one-page, client-ready media plan PDF: the document the whole product exists to hand over.
//!
//! This is a ring around the pure core: it takes the core's [`Report`] (the presented scenario
//! costed as of a day, with its line and channel rows: `flightplan_core::report`), lays the page
//! out with measured text from the embedded font, and draws it with printpdf. It does no
//! arithmetic on figures: when the lines do not fit at a readable size it shows the core's
//! channel rows instead, never type below [`MIN_TYPE_PT`]. What is left off the page (notes,
//! creative rows, lines summed into channels, shortened labels) is listed in the warnings. File
//! I/O here is limited to finding system fonts for scripts the bundled Noto Sans lacks.
//!
//! ```no_run
//! let plan = flightplan_core::sample_plan();
//! let report = flightplan_core::report(&plan, chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()).unwrap();
//! let out = flightplan_pdf::render(&report, &flightplan_pdf::PdfOptions::default()).unwrap();
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
mod shaping;
mod system_fonts;

use flightplan_core::money::Currency;
use flightplan_core::plan::Paper;
use flightplan_core::{Error, Report, Result};

pub use insertion_order::{insertion_orders, io_file_names, render_insertion_order, render_insertion_orders, InsertionOrder, IoOptions};
pub use layout::{Columns, Detail, Layout, Rect, TextBox, MIN_TYPE_PT};

/// How to render. `paper: None` uses the plan's own `settings.paper`. The date printed as
/// "Prepared on" and stored as the PDF's creation date is the report's `today`: the renderer
/// never reads the clock, so the same plan and day give the same bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfOptions {
    pub paper: Option<Paper>,
}

/// A rendered plan: the PDF, anything the planner should know about it, and the page's boxes.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// What the page leaves off or changes (lines shown by channel, notes or creative rows that
    /// did not fit, shortened labels) and characters no available font could print.
    pub warnings: Vec<String>,
    pub layout: Layout,
    /// An insertion order's pages after the first (placements that did not fit it, with their
    /// schedules); none for the plan's one page.
    pub continued: Vec<Layout>,
}

/// Lay out the page only (no PDF), e.g. to check fitting.
pub fn lay_out(report: &Report, opts: &PdfOptions) -> Result<(Layout, Vec<String>)> {
    let mut fonts = fonts::Fonts::new().map_err(|m| Error::new("font_unavailable", m))?;
    let layout = lay_out_with(report, opts, &mut fonts)?;
    let warnings = warnings(&fonts, [&layout]);
    Ok((layout, warnings))
}

fn lay_out_with(report: &Report, opts: &PdfOptions, fonts: &mut fonts::Fonts) -> Result<Layout> {
    let view = &report.view;
    let currency =
        Currency::from_code(&view.currency).ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
    if report.plan.lines.len() != view.lines.len() || report.lines.len() != view.lines.len() {
        return Err(Error::new("stale_view", "the costed plan does not match the plan: recompute it before exporting"));
    }
    let fmt = labels::Formats { currency, style: report.plan.settings.number_style };
    let paper = opts.paper.unwrap_or(report.plan.settings.paper);
    layout::lay_out(report, fmt, paper, fonts)
}

/// Render the report to a one-page PDF.
pub fn render(report: &Report, opts: &PdfOptions) -> Result<Rendered> {
    let mut fonts = fonts::Fonts::new().map_err(|m| Error::new("font_unavailable", m))?;
    let layout = lay_out_with(report, opts, &mut fonts)?;
    let plan = &report.plan;
    let meta = draw::Meta {
        title: format!("{} — {}", plan.client, plan.name),
        author: if plan.prepared_by.is_empty() { plan.client.clone() } else { plan.prepared_by.clone() },
        subject: format!("Media plan v{} for {}", plan.version, plan.client),
        created: report.today,
    };
    let bytes = draw::pdf(std::slice::from_ref(&layout), &mut fonts, &meta);
    let warnings = warnings(&fonts, [&layout]);
    Ok(Rendered { bytes, warnings, layout, continued: Vec::new() })
}

/// Render on a worker thread, so a desktop shell can await it without blocking its UI thread.
/// The report is cloned into the worker.
pub fn render_in_background(report: &Report, opts: &PdfOptions) -> std::thread::JoinHandle<Result<Rendered>> {
    let (report, opts) = (report.clone(), opts.clone());
    std::thread::spawn(move || render(&report, &opts))
}

/// What the planner should know of the pages laid out: characters no font has, what was left
/// off, and labels shortened (each named once).
fn warnings<'a>(fonts: &fonts::Fonts, pages: impl IntoIterator<Item = &'a Layout> + Clone) -> Vec<String> {
    let mut out = Vec::new();
    if !fonts.missing().is_empty() {
        let list: Vec<String> = fonts.missing().iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        out.push(format!(
            "no installed font can print {}; they appear as a replacement mark on the page. Install a font for that script (e.g. Noto Sans CJK) and export again.",
            list.join(", ")
        ));
    }
    out.extend(pages.clone().into_iter().flat_map(|p| p.left_off.iter().cloned()));
    let shortened: Vec<&String> = pages.into_iter().flat_map(|p| &p.shortened).collect();
    if !shortened.is_empty() {
        let mut list: Vec<String> = Vec::new();
        for s in shortened {
            let q = format!("\u{201c}{s}\u{201d}");
            if !list.contains(&q) {
                list.push(q);
            }
        }
        out.push(format!(
            "{} label{} did not fit {} column and {} shortened on the page (ending in \u{2026}): {}.",
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            if list.len() == 1 { "its" } else { "their" },
            if list.len() == 1 { "is" } else { "are" },
            list.join(", ")
        ));
    }
    out
}
