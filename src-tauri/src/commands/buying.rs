//! Stage 5, buy and launch: each line's checklist and campaign name, the status moves with the
//! core's gate on going live, and the insertion orders for the direct and offline vendors.
//!
//! A move returns the changed plan instead of saving it: the UI commits it like any other edit,
//! so it autosaves, and Ctrl+Z takes a line back off air by mistake. The day of an override is
//! the shell's clock, passed into the core.

use super::guarded;
use super::plan_from_json;
use crate::commands::export::ExportedFiles;
use crate::dialogs::{AppDialogs, Ask};
use crate::library::PlanLibrary;
use crate::today::Today;
use flightplan_core::launch::{board, transition, LaunchLine};
use flightplan_core::plan::LineStatus;
use flightplan_core::{compute, Error, Plan, Result};
use flightplan_pdf::{io_file_names, render_insertion_orders, IoOptions};
use serde::{Deserialize, Serialize};
use tauri::State;

/// Every line's launch state, in plan order.
#[tauri::command]
pub async fn launch_board(plan: serde_json::Value) -> Result<Vec<LaunchLine>> {
    guarded(async move { board(&plan_from_json(&plan)?) }).await
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
pub async fn move_line(today: State<'_, Today>, plan: serde_json::Value, line: String, to: LineStatus, override_by: Option<Override>) -> Result<Plan> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let today = today.get();
        let by = override_by.as_ref().map(|o| (o.by.as_str(), o.reason.as_str()));
        transition(&plan, &line, to, today, by)
    })
    .await
}

/// One insertion order written to disk.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WrittenOrder {
    /// The number `open_export` takes to open this order.
    pub export: u32,
    pub vendor: String,
    pub number: String,
    pub path: String,
    pub placements: usize,
    /// Net and gross, formatted in the plan currency.
    pub net: String,
    pub gross: String,
}

/// Ask for a folder, then write one insertion-order PDF per direct or offline vendor of stored
/// plan `id` into it: every order is rendered first, then the set is written all or nothing,
/// each vendor under its own file name. `None` when the planner cancels.
#[tauri::command]
pub async fn export_insertion_orders(
    library: State<'_, PlanLibrary>,
    exports: State<'_, ExportedFiles>,
    dialogs: State<'_, AppDialogs>,
    today: State<'_, Today>,
    id: i64,
) -> Result<Option<Vec<WrittenOrder>>> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let view = compute(&plan)?;
        let issued_on = today.get();
        let orders = tauri::async_runtime::spawn_blocking({
            let (plan, view) = (plan.clone(), view.clone());
            move || render_insertion_orders(&plan, &view, &IoOptions { paper: None, issued_on })
        })
        .await
        .map_err(|e| Error::new("export_failed", format!("the insertion orders stopped unexpectedly ({e})")))??;
        if orders.is_empty() {
            return Err(Error::new("no_insertion_orders", "this plan has no direct or offline lines, so there is nothing to put on an insertion order"));
        }
        let Some(dir) = dialogs.ask(Ask::Folder { title: "Choose a folder for the insertion orders".into() }).await else {
            return Ok(None);
        };
        let currency = flightplan_core::money::Currency::from_code(&view.currency)
            .ok_or_else(|| Error::at("unknown_currency", "currency", format!("\"{}\" is not a currency", view.currency)))?;
        let names = io_file_names(orders.iter().map(|(o, _)| o.vendor.as_str()));
        let files: Vec<(String, Vec<u8>)> = names.into_iter().zip(&orders).map(|(n, (_, r))| (n, r.bytes.clone())).collect();
        let paths = tauri::async_runtime::spawn_blocking(move || flightplan_files::write_set(&dir, &files, flightplan_files::Replace::RegularOnly))
            .await
            .map_err(|e| Error::new("export_failed", format!("writing the insertion orders stopped unexpectedly ({e})")))??;
        let fmt = |v| flightplan_core::money::format_money(v, currency, plan.settings.number_style);
        Ok(Some(
            orders
                .iter()
                .zip(paths)
                .map(|((order, _), path)| {
                    let export = exports.register(&path);
                    WrittenOrder {
                        export,
                        vendor: order.vendor.clone(),
                        number: order.number.clone(),
                        path: path.display().to_string(),
                        placements: order.lines.len(),
                        net: fmt(order.net),
                        gross: fmt(order.gross),
                    }
                })
                .collect(),
        ))
    })
    .await
}
