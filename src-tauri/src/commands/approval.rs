//! Sign-off in the app: the plan's status control (Draft → Proposed → Approved → Live → Closed,
//! the core's allowed moves), approving with who and when (the shell's clock), the lock on an
//! approved plan, starting a revision, and "what changed since approval".
//!
//! Status moves and revisions are saved by the library itself (approving takes the approved
//! version in the same transaction), so these commands return the plan as saved and the UI opens
//! it afresh: a sign-off is not an edit to undo.

use super::{guarded, plan_from_json, PlanDocument};
use crate::library::PlanLibrary;
use crate::shown_views::ShownViews;
use chrono::Utc;
use flightplan_core::approval::{is_locked, moves, start_revision as revision_of, StatusMove};
use flightplan_core::changes::Changes;
use flightplan_core::plan::PlanStatus;
use flightplan_core::{compute, Error, Result};
use flightplan_store::VersionSummary;
use serde::Serialize;
use tauri::State;

/// Where a stored plan stands in its sign-off, for the status control.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Signoff {
    pub status: PlanStatus,
    /// Approved, live or closed: edits to what was approved are refused until a revision starts.
    pub locked: bool,
    /// The moves open from here, in the order a planner takes them (the core's labels).
    pub moves: Vec<StatusMove>,
    /// The version the library took when the plan was last approved, if it ever was.
    pub approved_version: Option<VersionSummary>,
}

/// The sign-off state of stored plan `id`.
#[tauri::command]
pub async fn plan_signoff(library: State<'_, PlanLibrary>, id: i64) -> Result<Signoff> {
    guarded(async move {
        library.with(|lib| {
            let plan = lib.get(id)?;
            let approved_version = lib.approved_version(id)?.map(|(v, _)| v);
            Ok(Signoff { status: plan.status, locked: is_locked(plan.status), moves: moves(plan.status), approved_version })
        })
    })
    .await
}

/// Move stored plan `id` to `to`. Approving needs `by` (who approves); the shell records now as
/// when, and the library takes the approved version and locks the plan. Returns the plan as
/// saved, with its costed view.
#[tauri::command]
pub async fn set_plan_status(
    library: State<'_, PlanLibrary>,
    shown: State<'_, ShownViews>,
    id: i64,
    to: PlanStatus,
    by: Option<String>,
) -> Result<PlanDocument> {
    guarded(async move {
        let plan = library.with(|lib| {
            if to == PlanStatus::Approved {
                Ok(lib.approve(id, by.as_deref().unwrap_or(""), Utc::now())?.plan)
            } else {
                lib.set_status(id, to, "", Utc::now())
            }
        })?;
        let view = compute(&plan)?;
        PlanDocument::shown(&shown, id, plan, view)
    })
    .await
}

/// Start a revision of approved (or live) plan `id`: a draft with the next version number that
/// remembers the approved version. `plan` is the plan as the planner edited it after the lock
/// refused the edit (the revision keeps the edit); none revises the plan as stored. Returns the
/// revision as saved.
#[tauri::command]
pub async fn start_revision(library: State<'_, PlanLibrary>, shown: State<'_, ShownViews>, id: i64, plan: Option<serde_json::Value>) -> Result<PlanDocument> {
    guarded(async move {
        let edited = plan.as_ref().map(plan_from_json).transpose()?;
        let plan = library.with(|lib| {
            let stored = lib.get(id)?;
            let base = match edited {
                None => stored,
                Some(p) => {
                    // The edit must be of this plan as approved, not another plan or version.
                    if p.version != stored.version || p.approval != stored.approval {
                        return Err(Error::new(
                            "not_this_plan",
                            format!("the edited plan is not version {} of this plan as approved; open the plan again", stored.version),
                        ));
                    }
                    p
                }
            };
            let next = revision_of(&base)?;
            lib.save(id, &next, Utc::now())?;
            Ok(next)
        })?;
        let view = compute(&plan)?;
        PlanDocument::shown(&shown, id, plan, view)
    })
    .await
}

/// Every figure of stored plan `id` that differs from the version last approved, per line and
/// per total, and the lines added and removed; `not_approved` if it never was.
#[tauri::command]
pub async fn changes_since_approval(library: State<'_, PlanLibrary>, id: i64) -> Result<Changes> {
    guarded(async move { library.with(|lib| lib.changes_since_approval(id)) }).await
}
