//! Stage 5, buy and launch: each line's checklist and campaign name, the status moves with the
//! core's gate on going live, and the insertion orders for the direct and offline vendors.
//!
//! A move returns the changed plan instead of saving it: the UI commits it like any other edit,
//! so it autosaves, and Ctrl+Z takes a line back off air by mistake. The day of an override is
//! the shell's clock, passed into the core.

use super::plan_from_json;
use crate::commands::export::{absolute, register_export, write_atomically, ExportedFiles};
use crate::library::PlanLibrary;
use flightplan_core::launch::{board, transition, LaunchLine};
use flightplan_core::plan::LineStatus;
use flightplan_core::{compute, Error, Plan, Result};
use flightplan_pdf::{io_file_names, render_insertion_orders, IoOptions};
use serde::{Deserialize, Serialize};
use tauri::State;

/// Every line's launch state, in plan order.
#[tauri::command]
pub async fn launch_board(plan: serde_json::Value) -> Result<Vec<LaunchLine>> {
    board(&plan_from_json(&plan)?)
}

/// Who takes a line live with its checklist unfinished, and why.
#[derive(Debug, Clone, Deserialize)]
pub struct Override {
    pub by: String,
    pub reason: String,
}

/// Move line `line` to `to` (planned, booked, live, paused, ended); returns the changed plan.
/// Going live with items open needs `override_by` with a name and a reason.
#[tauri::command]
pub async fn move_line(
    plan: serde_json::Value,
    line: String,
    to: LineStatus,
    override_by: Option<Override>,
) -> Result<Plan> {
    let plan = plan_from_json(&plan)?;
    let today = chrono::Local::now().date_naive();
    let by = override_by.as_ref().map(|o| (o.by.as_str(), o.reason.as_str()));
    transition(&plan, &line, to, today, by)
}

/// One insertion order written to disk.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WrittenOrder {
    pub vendor: String,
    pub number: String,
    pub path: String,
    pub placements: usize,
    /// Net and gross, formatted in the plan currency.
    pub net: String,
    pub gross: String,
}

/// Write one insertion-order PDF per direct or offline vendor of stored plan `id` into the
/// folder `dir` (from the native folder dialog). Every order is rendered before any is written.
#[tauri::command]
pub async fn export_insertion_orders(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    id: i64,
    dir: String,
) -> Result<Vec<WrittenOrder>> {
    let dir = absolute(&dir, "dir", "choose a folder for the insertion orders")?;
    let plan = library.with(|lib| lib.get(id))?;
    let view = compute(&plan)?;
    let issued_on = chrono::Local::now().date_naive();
    let written = tauri::async_runtime::spawn_blocking(move || {
        let orders = render_insertion_orders(&plan, &view, &IoOptions { paper: None, issued_on })?;
        if orders.is_empty() {
            return Err(Error::new(
                "no_insertion_orders",
                "this plan has no direct or offline lines, so there is nothing to put on an insertion order",
            ));
        }
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::at("export_io", "dir", format!("could not create {} ({e})", dir.display())))?;
        let names = io_file_names(orders.iter().map(|(o, _)| o.vendor.as_str()));
        let currency = flightplan_core::money::Currency::from_code(&view.currency)
            .ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
        let fmt = |v| flightplan_core::money::format_money(v, currency, plan.settings.number_style);
        let mut written = Vec::new();
        for ((order, rendered), name) in orders.iter().zip(names) {
            let path = dir.join(name);
            write_atomically(&path, &rendered.bytes)?;
            written.push(WrittenOrder {
                vendor: order.vendor.clone(),
                number: order.number.clone(),
                path: path.display().to_string(),
                placements: order.lines.len(),
                net: fmt(order.net),
                gross: fmt(order.gross),
            });
        }
        Ok(written)
    })
    .await
    .map_err(|e| Error::new("export_failed", format!("the insertion orders stopped unexpectedly ({e})")))??;
    for w in &written {
        register_export(&exports, &w.path);
    }
    Ok(written)
}
