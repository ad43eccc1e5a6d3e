//! Printing the one-page plan: the planner presses Ctrl+P, sees the page and prints it through
//! the system's print dialog.
//!
//! There is one layout of the client page, the PDF's (`flightplan_pdf`). Printing does not lay
//! the page out again in HTML: this command hands the UI the very bytes `export_pdf` writes (the
//! core's report of the stored plan as of the shell's today, on the paper asked for), and the
//! print view draws that page (pdf.js) and prints it. So the page on paper is the page in the
//! PDF, and what the export leaves off (its warnings) is what the print leaves off.
//!
//! The paper of the page handed out is remembered ([`PrintedPaper`]), so the system print dialog
//! opens on that paper, landscape, without margins of its own (`crate::print_dialog`).

use super::export::one_page_pdf;
use super::guarded;
use crate::library::PlanLibrary;
use crate::today::Today;
use base64::Engine;
use flightplan_core::plan::Paper;
use flightplan_core::{Error, Result};
use serde::Serialize;
use std::sync::{Arc, Mutex};
use tauri::State;

/// The paper of the page the print view drew last: the one the print dialog starts on.
#[derive(Clone, Default)]
pub struct PrintedPaper(Arc<Mutex<Paper>>);

impl PrintedPaper {
    pub fn get(&self) -> Paper {
        self.0.lock().map(|p| *p).unwrap_or_default()
    }

    fn set(&self, paper: Paper) {
        if let Ok(mut p) = self.0.lock() {
            *p = paper;
        }
    }
}

/// The one-page plan, ready to draw and print.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PrintablePage {
    /// The PDF's bytes, base64 (standard alphabet, padded): byte for byte the file `export_pdf`
    /// writes for the same plan, day and paper.
    pub pdf: String,
    /// The paper the page is laid out on (the one asked for, else the plan's own setting).
    pub paper: Paper,
    /// What the page leaves off or changes, as the export's notice lists it.
    pub warnings: Vec<String>,
}

/// Stored plan `id` as the one-page PDF, for printing: the same bytes as `export_pdf` makes
/// today. `paper` is `a4` or `letter`; none uses the plan's own setting. Nothing is written.
#[tauri::command]
pub async fn print_pdf(
    library: State<'_, PlanLibrary>,
    today: State<'_, Today>,
    printed: State<'_, PrintedPaper>,
    id: i64,
    paper: Option<Paper>,
) -> Result<PrintablePage> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let paper = paper.unwrap_or(plan.settings.paper);
        let report = flightplan_core::report(&plan, today.get())?;
        let rendered = tauri::async_runtime::spawn_blocking(move || one_page_pdf(&report, Some(paper)))
            .await
            .map_err(|e| Error::new("export_failed", format!("the page for printing stopped unexpectedly ({e})")))??;
        let pdf = base64::engine::general_purpose::STANDARD.encode(&rendered.0);
        printed.set(paper);
        Ok(PrintablePage { pdf, paper, warnings: rendered.1 })
    })
    .await
}
