//! The commands the UI invokes: the only door between the webview and the planning core.
//!
//! The UI computes nothing about money. It sends plans (the `flightplan/1` JSON) and renders the
//! costed view the core returns, decimals as strings. Every failure is a
//! `flightplan_core::Error` serialised as `{code, message, path?, line?}`, never a panic, so the
//! UI can show it next to the field it names.

/// The command names, shared with build.rs for the access-control list.
mod names;

pub mod approval;
pub mod buying;
pub mod comments;
pub mod export;
pub mod files;
pub mod monitoring;
pub mod opening;
pub mod paste;
pub mod plan_import;
pub mod planning;
pub mod plans;
pub mod print;
pub mod rates;
pub mod versions;
pub mod weights;

pub use names::COMMANDS;

use crate::library::PlanLibrary;
use crate::shown_views::{SavedView, ShownViews};
use crate::today::Today;
use chrono::Utc;
use flightplan_core::{compute_as_of, Error, Plan, PlanView, Result};
use flightplan_store::PlanSummary;
use futures_util::FutureExt;
use serde::Serialize;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

/// A plan as the plan screen opens it: the stored document and its costed view.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PlanDocument {
    pub id: i64,
    /// The plan in the `flightplan/1` file format.
    pub plan: Plan,
    pub view: PlanView,
    /// The view's number: the first save names it, to be answered with only the lines that change.
    pub view_id: u32,
}

impl PlanDocument {
    /// Plan `id` and its view as the plan screen will hold it, the view numbered in `shown`.
    pub fn shown(shown: &ShownViews, id: i64, plan: Plan, view: PlanView) -> Result<PlanDocument> {
        let view_id = shown.whole(id, &plan, &view)?;
        Ok(PlanDocument { id, plan, view, view_id })
    }
}

/// The plans in the library, for the library screen.
#[tauri::command]
pub async fn list_plans(library: State<'_, PlanLibrary>) -> Result<Vec<PlanSummary>> {
    guarded(async move { library.with(|lib| lib.list()) }).await
}

/// Open a stored plan with its costed view, as of today (so the dated findings show).
#[tauri::command]
pub async fn open_plan(library: State<'_, PlanLibrary>, today: State<'_, Today>, shown: State<'_, ShownViews>, id: i64) -> Result<PlanDocument> {
    guarded(async move {
        let plan = library.with(|lib| lib.get(id))?;
        let view = compute_as_of(&plan, Some(today.get()))?;
        PlanDocument::shown(&shown, id, plan, view)
    })
    .await
}

/// Cost a plan without storing it (the UI's recompute while editing), as of today.
#[tauri::command]
pub async fn compute_plan(today: State<'_, Today>, plan: serde_json::Value) -> Result<PlanView> {
    guarded(async move {
        let plan = plan_from_json(&plan)?;
        compute_as_of(&plan, Some(today.get()))
    })
    .await
}

/// Check, cost and save a plan over the stored plan; answers with the costed view as saved, as
/// of today, numbered. The plan store sends it as text, read straight into the model (on a
/// 1,000-line plan that skips building a JSON tree of the plan on every edit):
/// - `ID` newline `PLAN`: the whole `flightplan/1` document; the answer is the whole view;
/// - `ID VIEW` newline `PLAN`: the same, from a screen holding view `VIEW`: the answer sends only
///   the lines whose figures changed since it;
/// - `ID VIEW changes` newline `PLAN` newline `KEPT` newline `LINES`: the plan as its changes to
///   the plan of view `VIEW` (see `flightplan_core::plan_from_sent_changes`). When that is no
///   longer the view held, the save is refused as `view_not_held` and the store sends it whole.
///
/// Scripts and tests may send `{id, plan, view_id?}` as JSON arguments instead; every form reads
/// by the same rules.
#[tauri::command]
pub async fn save_plan(library: State<'_, PlanLibrary>, today: State<'_, Today>, shown: State<'_, ShownViews>, request: Request<'_>) -> Result<SavedView> {
    guarded(async move {
        let (id, held, plan) = plan_sent(request.body(), &shown)?;
        let view = compute_as_of(&plan, Some(today.get()))?;
        library.with(|lib| lib.save(id, &plan, Utc::now()))?;
        shown.answer(id, held, plan, view)
    })
    .await
}

/// The id, the view held and the plan a save sends, in one of `save_plan`'s forms. The text
/// comes as the request's bytes, or as a JSON array of them when the webview's IPC has fallen
/// back from its custom protocol to `postMessage` (which carries JSON only).
fn plan_sent(body: &InvokeBody, shown: &ShownViews) -> Result<(i64, Option<u32>, Plan)> {
    let refused = |what: &str| Error::new("invalid_request", format!("the plan to save {what}"));
    let from_text = |bytes: &[u8]| -> Result<(i64, Option<u32>, Plan)> {
        let text = std::str::from_utf8(bytes).map_err(|_| refused("is not UTF-8 text"))?;
        let (head, plan) = text.split_once('\n').ok_or_else(|| refused("has no id line"))?;
        let mut head = head.split_whitespace();
        let id = head.next().and_then(|id| id.parse().ok()).ok_or_else(|| refused("names no plan id"))?;
        let held: Option<u32> = head.next().map(|v| v.parse().map_err(|_| refused("names a view that is not a number"))).transpose()?;
        let changes = head.next();
        if head.next().is_some() || changes.is_some_and(|w| w != "changes") {
            return Err(refused("has more on its first line than a plan id, a view number and `changes`"));
        }
        let Some(view_id) = held.filter(|_| changes.is_some()) else {
            return Ok((id, held, flightplan_core::plan_from_sent_text(plan)?));
        };
        let mut parts = plan.splitn(3, '\n');
        let (Some(plan), Some(kept), Some(lines)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(refused("sends changes without the plan, the lines kept and the lines changed"));
        };
        let plan = shown.with_plan(id, view_id, |held| flightplan_core::plan_from_sent_changes(plan, kept, lines, held)).ok_or_else(|| {
            Error::new(
                "view_not_held",
                format!("the changes are to view {view_id} of plan {id}, which is no longer the view held (the plan was opened or saved again since)"),
            )
        })??;
        Ok((id, held, plan))
    };
    match body {
        InvokeBody::Raw(bytes) => from_text(bytes),
        InvokeBody::Json(serde_json::Value::Array(items)) => {
            let bytes: Option<Vec<u8>> = items.iter().map(|v| v.as_u64().and_then(|b| u8::try_from(b).ok())).collect();
            from_text(&bytes.ok_or_else(|| refused("is neither text nor {id, plan}"))?)
        }
        InvokeBody::Json(args) => {
            let id = args.get("id").and_then(serde_json::Value::as_i64).ok_or_else(|| refused("names no plan id"))?;
            let held = match args.get("view_id") {
                None | Some(serde_json::Value::Null) => None,
                Some(v) => Some(v.as_u64().and_then(|v| u32::try_from(v).ok()).ok_or_else(|| refused("names a view that is not a number"))?),
            };
            let plan = args.get("plan").ok_or_else(|| refused("is missing"))?;
            Ok((id, held, plan_from_json(plan)?))
        }
    }
}

/// Read a plan sent by the UI with the same rules as a plan file: the first broken rule is the
/// error, naming its JSON path and line id. Read straight from the JSON the IPC already parsed:
/// on every edit of a 1,000-line plan, writing it out and reading it back cost milliseconds.
pub fn plan_from_json(value: &serde_json::Value) -> Result<Plan> {
    flightplan_core::plan_from_value(value)
}

/// The backstop around every command: a bug that panics still answers the UI with
/// `{code: "internal", message}` (the promise never hangs), and the app lives on. Every write is
/// staged and renamed and every save is one transaction, so a panic changes nothing on disk.
pub async fn guarded<T>(work: impl Future<Output = Result<T>>) -> Result<T> {
    match AssertUnwindSafe(work).catch_unwind().await {
        Ok(result) => result,
        Err(panic) => {
            let what =
                panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_else(|| "no detail".into());
            Err(Error::new(
                "internal",
                format!("Flightplan hit an internal error ({what}); nothing was changed. Please report it with the plan or file you were using."),
            ))
        }
    }
}
