//! Plans as whole documents in the library: starting one (blank, or from the sample to learn
//! from), copying one as the start of next quarter's, and deleting one with an undo, because a
//! planner tidying the library must never lose a plan to a stray click.

use super::guarded;
use super::plan_from_json;
use crate::library::PlanLibrary;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use flightplan_core::{sample_plan, Error, Plan, Result};
use tauri::State;

/// A new, empty plan: draft, no lines, no goal or audience yet (no universe, so no target
/// audience either), a 13-week quarter from the Monday after `today`, in the sample's currency,
/// fees and reach settings. It passes the plan file's rules, so the UI can edit it straight away.
pub fn blank_plan(today: NaiveDate) -> Result<Plan> {
    let start = today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let end = start + Duration::weeks(13) - Duration::days(1);
    let mut v = serde_json::to_value(sample_plan())
        .map_err(|e| Error::new("internal", format!("the blank plan could not be made ({e})")))?;
    if let Some(obj) = v.as_object_mut() {
        for key in [
            "brand", "universe", "target_audience", "prepared_by", "last_reviewed", "parent", "goal", "audience",
            "competitors", "actuals", "invoices", "learnings", "notes", "scenarios",
        ] {
            obj.remove(key);
        }
        obj.insert("name".into(), "Untitled plan".into());
        obj.insert("client".into(), "New client".into());
        obj.insert("status".into(), "draft".into());
        obj.insert("version".into(), 1.into());
        obj.insert("budget".into(), "0.00".into());
        obj.insert("start".into(), start.to_string().into());
        obj.insert("end".into(), end.to_string().into());
        obj.insert("lines".into(), serde_json::Value::Array(Vec::new()));
    }
    plan_from_json(&v)
}

/// Add a new plan to the library: `from` is `"blank"` or `"sample"`. Returns its id.
#[tauri::command]
pub async fn create_plan(library: State<'_, PlanLibrary>, from: String) -> Result<i64> {
    guarded(async move {
        let now = Utc::now();
        let plan = match from.as_str() {
            "blank" => blank_plan(now.date_naive())?,
            "sample" => sample_plan(),
            other => {
                return Err(Error::at(
                    "invalid_field",
                    "from",
                    format!("\"{other}\" is not a plan template (use \"blank\" or \"sample\")"),
                ))
            }
        };
        library.with(|lib| lib.import(&plan, now))
    })
    .await
}

/// Copy plan `id` as a new plan "<name> (copy)"; returns the copy's id.
#[tauri::command]
pub async fn duplicate_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<i64> {
    guarded(async move {
        library.with(|lib| lib.duplicate(id, Utc::now()))
    })
    .await
}

/// Move plan `id` to the trash (undone by `restore_plan`).
#[tauri::command]
pub async fn delete_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<()> {
    guarded(async move {
        library.with(|lib| lib.delete(id, Utc::now()))
    })
    .await
}

/// Take plan `id` out of the trash: the undo of `delete_plan`.
#[tauri::command]
pub async fn restore_plan(library: State<'_, PlanLibrary>, id: i64) -> Result<()> {
    guarded(async move {
        library.with(|lib| lib.restore(id))
    })
    .await
}
