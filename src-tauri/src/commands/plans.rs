//! Plans as whole documents in the library: starting one (blank, or from the sample to learn
//! from), copying one as the start of next quarter's, and deleting one with an undo, because a
//! planner tidying the library must never lose a plan to a stray click.

use super::guarded;
use crate::library::PlanLibrary;
use crate::shown_views::ShownViews;
use chrono::Utc;
use flightplan_core::{sample_plan, Error, Result};
use tauri::State;

/// Add a new plan to the library: `from` is `"blank"` or `"sample"`. Returns its id.
#[tauri::command]
pub async fn create_plan(library: State<'_, PlanLibrary>, from: String) -> Result<i64> {
    guarded(async move {
        let now = Utc::now();
        let plan = match from.as_str() {
            // No fees unless the planner's rate card saves default fees (`flightplan_core::blank_plan`).
            "blank" => library.with(|lib| Ok(flightplan_core::blank_plan(now.date_naive(), &lib.rate_card()?.card)))?,
            "sample" => sample_plan(),
            other => return Err(Error::at("invalid_field", "from", format!("\"{other}\" is not a plan template (use \"blank\" or \"sample\")"))),
        };
        library.with(|lib| lib.import(&plan, now))
    })
    .await
}

/// Copy plan `id` as a new plan "<name> (copy)"; returns the copy's id.
#[tauri::command]
pub async fn duplicate_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<i64> {
    guarded(async move { library.with(|lib| lib.duplicate(id, Utc::now())) }).await
}

/// Move plan `id` to the trash (undone by `restore_plan`), and let go of the view held for it.
#[tauri::command]
pub async fn delete_plan(library: State<'_, PlanLibrary>, shown: State<'_, ShownViews>, id: i64) -> Result<()> {
    guarded(async move {
        library.with(|lib| lib.delete(id, Utc::now()))?;
        shown.forget(id);
        Ok(())
    })
    .await
}

/// Take plan `id` out of the trash: the undo of `delete_plan`.
#[tauri::command]
pub async fn restore_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<()> {
    guarded(async move { library.with(|lib| lib.restore(id)) }).await
}
