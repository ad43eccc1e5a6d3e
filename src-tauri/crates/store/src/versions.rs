//! Named versions of a plan: what was sent to the client, what was approved.
//!
//! A planner revisits a plan every quarter and sends several rounds to a client; a version is a
//! frozen copy of the plan's document under a name ("Sent to client 12 March"), taken in one
//! transaction with the plan as it stands, and readable later as a plan of its own. Approving a
//! plan takes an `approved` version in the same transaction as the status change, so "what
//! changed since approval" always has the approved plan to compare with.

use crate::errors;
use crate::library::{stamp, state_error, write_plan_row, Library, PlanId};
use chrono::{DateTime, Utc};
use flightplan_core::approval::{set_status, start_revision};
use flightplan_core::changes::{changes, Changes};
use flightplan_core::plan::PlanStatus;
use flightplan_core::{read_plan, Error, Plan, Result};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// One saved version of a plan, as the versions list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VersionSummary {
    pub id: i64,
    pub plan_id: PlanId,
    pub name: String,
    /// RFC 3339, UTC, millisecond precision.
    pub created_at: String,
    /// `named` (taken by the planner) or `approved` (taken when the plan was approved).
    pub kind: String,
}

/// A plan just approved, and the version that keeps it as approved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Approved {
    pub plan: Plan,
    pub version: VersionSummary,
}

impl Library {
    /// Save the plan as it stands now as a version called `name`; returns the version's id.
    pub fn snapshot(&mut self, id: PlanId, name: &str, now: DateTime<Utc>) -> Result<i64> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::new(errors::VERSION_NAME, "a version needs a name"));
        }
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let version = insert_version(&tx, &self.label, id, name, "named", now)?;
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))?;
        Ok(version)
    }

    /// Move plan `id` to `to` (`flightplan_core::approval::can_move`). Approving records `by`
    /// and `now` in the plan and, in the same transaction, takes an `approved` version named
    /// "Approved v<version> by <by>"; the plan is then locked against edits (see
    /// [`Library::save`]). Returns the plan as saved.
    pub fn set_status(&mut self, id: PlanId, to: PlanStatus, by: &str, now: DateTime<Utc>) -> Result<Plan> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let doc = live_document_in(&tx, &self.label, id)?;
        let plan = read_plan(&doc).map_err(|e| errors::unreadable(&self.label, &format!("plan {id}"), e))?;
        let next = set_status(&plan, to, by, now)?;
        write_plan_row(&tx, &self.label, id, &next, now)?;
        if to == PlanStatus::Approved && plan.status != PlanStatus::Approved {
            let name = format!("Approved v{} by {}", next.version, by.trim());
            insert_version(&tx, &self.label, id, &name, "approved", now)?;
        }
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))?;
        Ok(next)
    }

    /// [`Library::set_status`] to approved, with the version it took.
    pub fn approve(&mut self, id: PlanId, by: &str, now: DateTime<Utc>) -> Result<Approved> {
        let plan = self.set_status(id, PlanStatus::Approved, by, now)?;
        let version =
            self.approved_version(id)?.map(|(v, _)| v).ok_or_else(|| Error::new(errors::NOT_APPROVED, format!("plan {id} has no approved version")))?;
        Ok(Approved { plan, version })
    }

    /// Start a revision of approved (or live) plan `id`: it becomes a draft with the next
    /// version number that records the version it revises. The approved version stays in the
    /// plan's versions. Returns the plan as saved.
    pub fn start_revision(&mut self, id: PlanId, now: DateTime<Utc>) -> Result<Plan> {
        let plan = self.get(id)?;
        let next = start_revision(&plan)?;
        self.save(id, &next, now)?;
        Ok(next)
    }

    /// The latest `approved` version of plan `id`, with the plan as approved.
    pub fn approved_version(&self, id: PlanId) -> Result<Option<(VersionSummary, Plan)>> {
        self.live_document(id)?;
        let row: Option<(VersionSummary, String)> = self
            .conn
            .query_row(
                "SELECT id, plan_id, name, created_at, kind, document FROM plan_versions
                 WHERE plan_id = ?1 AND kind = 'approved' ORDER BY created_at DESC, id DESC LIMIT 1",
                [id],
                |r| Ok((summary(r)?, r.get(5)?)),
            )
            .optional()
            .map_err(|e| self.db(e))?;
        match row {
            None => Ok(None),
            Some((v, doc)) => {
                let plan = read_plan(&doc).map_err(|e| errors::unreadable(&self.label, &format!("version {}", v.id), e))?;
                Ok(Some((v, plan)))
            }
        }
    }

    /// What changed in plan `id` since it was last approved: every figure, per line and per
    /// total, and the lines added and removed (`flightplan_core::changes`). `not_approved` if
    /// it never was.
    pub fn changes_since_approval(&self, id: PlanId) -> Result<Changes> {
        let (_, approved) = self.approved_version(id)?.ok_or_else(|| Error::new(errors::NOT_APPROVED, format!("plan {id} has not been approved yet")))?;
        changes(&approved, &self.get(id)?)
    }

    /// The saved versions of a plan, newest first.
    pub fn versions(&self, id: PlanId) -> Result<Vec<VersionSummary>> {
        self.live_document(id)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, plan_id, name, created_at, kind FROM plan_versions WHERE plan_id = ?1
                 ORDER BY created_at DESC, id DESC",
            )
            .map_err(|e| self.db(e))?;
        let rows = st.query_map([id], summary).map_err(|e| self.db(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db(e))
    }

    /// The plan as it was when version `version_id` was taken.
    pub fn get_version(&self, version_id: i64) -> Result<Plan> {
        let doc: Option<String> =
            self.conn.query_row("SELECT document FROM plan_versions WHERE id = ?1", [version_id], |r| r.get(0)).optional().map_err(|e| self.db(e))?;
        let doc = doc.ok_or_else(|| errors::version_not_found(&self.label, version_id))?;
        read_plan(&doc).map_err(|e| errors::unreadable(&self.label, &format!("version {version_id}"), e))
    }
}

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<VersionSummary> {
    Ok(VersionSummary { id: r.get(0)?, plan_id: r.get(1)?, name: r.get(2)?, created_at: r.get(3)?, kind: r.get(4)? })
}

/// Copy plan `id`'s document as it stands into a version; the plan must not be in the trash.
fn insert_version(tx: &rusqlite::Transaction<'_>, label: &str, id: PlanId, name: &str, kind: &str, now: DateTime<Utc>) -> Result<i64> {
    let added = tx
        .execute(
            "INSERT INTO plan_versions (plan_id, name, document, created_at, kind)
             SELECT id, ?2, document, ?3, ?4 FROM plans WHERE id = ?1 AND deleted_at IS NULL",
            rusqlite::params![id, name, stamp(now), kind],
        )
        .map_err(|e| errors::sqlite(label, e))?;
    if added == 0 {
        return Err(state_error(tx, label, id));
    }
    Ok(tx.last_insert_rowid())
}

/// The document of plan `id` inside a transaction (not in the trash).
fn live_document_in(tx: &rusqlite::Transaction<'_>, label: &str, id: PlanId) -> Result<String> {
    let row: Option<(String, Option<String>)> = tx
        .query_row("SELECT document, deleted_at FROM plans WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(|e| errors::sqlite(label, e))?;
    match row {
        None => Err(errors::plan_not_found(label, id)),
        Some((_, Some(_))) => Err(errors::plan_deleted(id)),
        Some((doc, None)) => Ok(doc),
    }
}
