//! Named versions of a plan: what was sent to the client, what was approved.
//!
//! A planner revisits a plan every quarter and sends several rounds to a client; a version is a
//! frozen copy of the plan's document under a name ("Sent to client 12 March"), taken in one
//! transaction with the plan as it stands, and readable later as a plan of its own.

use crate::errors;
use crate::library::{stamp, state_error, Library, PlanId};
use chrono::{DateTime, Utc};
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
}

impl Library {
    /// Save the plan as it stands now as a version called `name`; returns the version's id.
    pub fn snapshot(&mut self, id: PlanId, name: &str, now: DateTime<Utc>) -> Result<i64> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::new(errors::VERSION_NAME, "a version needs a name"));
        }
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let added = tx
            .execute(
                "INSERT INTO plan_versions (plan_id, name, document, created_at)
                 SELECT id, ?2, document, ?3 FROM plans WHERE id = ?1 AND deleted_at IS NULL",
                rusqlite::params![id, name, stamp(now)],
            )
            .map_err(|e| errors::sqlite(&self.label, e))?;
        if added == 0 {
            return Err(state_error(&tx, &self.label, id));
        }
        let version = tx.last_insert_rowid();
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))?;
        Ok(version)
    }

    /// The saved versions of a plan, newest first.
    pub fn versions(&self, id: PlanId) -> Result<Vec<VersionSummary>> {
        self.live_document(id)?;
        let mut st = self
            .conn
            .prepare(
                "SELECT id, plan_id, name, created_at FROM plan_versions WHERE plan_id = ?1
                 ORDER BY created_at DESC, id DESC",
            )
            .map_err(|e| self.db(e))?;
        let rows = st
            .query_map([id], |r| {
                Ok(VersionSummary {
                    id: r.get(0)?,
                    plan_id: r.get(1)?,
                    name: r.get(2)?,
                    created_at: r.get(3)?,
                })
            })
            .map_err(|e| self.db(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db(e))
    }

    /// The plan as it was when version `version_id` was taken.
    pub fn get_version(&self, version_id: i64) -> Result<Plan> {
        let doc: Option<String> = self
            .conn
            .query_row("SELECT document FROM plan_versions WHERE id = ?1", [version_id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.db(e))?;
        let doc = doc.ok_or_else(|| errors::version_not_found(&self.label, version_id))?;
        read_plan(&doc)
            .map_err(|e| errors::unreadable(&self.label, &format!("version {version_id}"), e))
    }
}
