//! Paste from a spreadsheet onto the line grid through the core, never wrong: the block is read
//! whole (header row recognised, columns mapped by name, dates by the planner's date order and
//! refused when ambiguous, new lines from the library's rate card) and shown as a preview; the
//! planner then places it, all or nothing. Fill-down (Ctrl+D) copies a field as the core holds it;
//! fill-right (Ctrl+R) copies a cell into the cells to its right of the same kind, or is refused.
//!
//! Placing returns the changed plan instead of saving it, so it lands in the UI's history like
//! any edit: autosaved, and undone with Ctrl+Z.

use super::{guarded, plan_from_json};
use crate::library::PlanLibrary;
use flightplan_core::paste::{fill_down as fill, fill_right as fill_cells_right, place, read_block, LineField, PasteOptions, PastedRows};
use flightplan_core::{Plan, Result};
use tauri::State;

/// What pasting clipboard `text` onto `plan` would do under `options` (the planner's date order
/// and number style, the grid column it lands at): its header row, each column's field, the rows
/// read (whole lines from the rate card when the block names channels) and every problem.
#[tauri::command]
pub async fn read_paste(library: State<'_, PlanLibrary>, plan: serde_json::Value, text: String, options: PasteOptions) -> Result<PastedRows> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let card = library.with(|lib| lib.rate_card())?.card;
        Ok(read_block(&text, &options, &plan, &card))
    })
    .await
}

/// `plan` with clipboard `text` placed from grid row `at` on (read again exactly as the preview
/// read it): whole lines replace the rows they land on, rows past the end become new lines.
/// Refused with `paste_problems`, changing nothing, while the block has any problem.
#[tauri::command]
pub async fn place_paste(library: State<'_, PlanLibrary>, plan: serde_json::Value, text: String, options: PasteOptions, at: usize) -> Result<Plan> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        let card = library.with(|lib| lib.rate_card())?.card;
        place(&plan, &read_block(&text, &options, &plan, &card), at)
    })
    .await
}

/// `plan` with `field` of line `from` copied to lines `to` (indexes into the plan's lines).
#[tauri::command]
pub async fn fill_down(plan: serde_json::Value, field: LineField, from: usize, to: Vec<usize>) -> Result<Plan> {
    guarded(async move { fill(&plan_from_json(&plan)?, field, from, &to) }).await
}

/// `plan` with field `from` of each line in `rows` copied into fields `to` of the same line
/// (Ctrl+R). Refused, changing nothing, when a target holds another kind of value (a date into a
/// rate), the source cell is empty, or the target's rules refuse the value.
#[tauri::command]
pub async fn fill_right(plan: serde_json::Value, rows: Vec<usize>, from: LineField, to: Vec<LineField>) -> Result<Plan> {
    guarded(async move { fill_cells_right(&plan_from_json(&plan)?, &rows, from, &to) }).await
}
