//! The plan library: the planner's plans, kept in one file that survives crashes.
//!
//! Each plan is stored whole, as its `flightplan/1` text, so the library never holds a plan the
//! file format could not express and money stays exact decimal text. Every change is one
//! transaction. Deleting only moves a plan to the trash (the UI offers undo); purging removes it
//! and its versions for good. The clock is never read here: every timestamp is passed in.

use crate::errors;
use crate::schema;
use chrono::{DateTime, SecondsFormat, Utc};
use flightplan_core::approval::check_edit;
use flightplan_core::plan::NumberStyle;
use flightplan_core::{read_plan, write_plan, Error, Plan, Result};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A plan's id in its library. Ids are never reused, even after a purge.
pub type PlanId = i64;

/// How long a write waits for another Flightplan window holding the file before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open plan library.
pub struct Library {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    pub(crate) label: String,
}

/// One plan as the library list shows it. Money and dates are the plan file's own text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanSummary {
    pub id: PlanId,
    pub name: String,
    pub client: String,
    pub brand: String,
    /// `draft`, `proposed`, `approved`, `live` or `closed`.
    pub status: String,
    pub currency: String,
    /// `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
    /// The plan's net media budget, exact, e.g. `30000.00`.
    pub budget: String,
    /// How the plan writes its numbers, so the list writes its budget the same way.
    pub number_style: NumberStyle,
    /// RFC 3339, UTC, millisecond precision.
    pub created_at: String,
    pub updated_at: String,
    /// When the plan was moved to the trash; only set in [`Library::trash`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub deleted_at: Option<String>,
}

/// The summary columns of a plan, written together with its document.
struct Columns {
    name: String,
    client: String,
    brand: String,
    status: String,
    currency: String,
    start: String,
    end: String,
    budget: String,
    number_style: String,
    document: String,
}

/// A plan enum as the plan file writes it (`"proposed"`, `"1.234,56"`).
fn word(value: impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

impl Columns {
    fn of(plan: &Plan) -> Columns {
        Columns {
            name: plan.name.clone(),
            client: plan.client.clone(),
            brand: plan.brand.clone(),
            status: word(plan.status),
            currency: plan.currency.clone(),
            start: plan.start.format("%Y-%m-%d").to_string(),
            end: plan.end.format("%Y-%m-%d").to_string(),
            budget: plan.budget.to_string(),
            number_style: word(plan.settings.number_style),
            document: write_plan(plan),
        }
    }
}

/// Timestamps are stored as fixed-width RFC 3339 UTC text, so text order is time order.
pub(crate) fn stamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Millis, true)
}

const SUMMARY_COLUMNS: &str = "id, name, client, brand, status, currency, start_date, end_date, \
                               budget, created_at, updated_at, deleted_at, number_style";

fn summary(row: &Row<'_>) -> rusqlite::Result<PlanSummary> {
    Ok(PlanSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        client: row.get(2)?,
        brand: row.get(3)?,
        status: row.get(4)?,
        currency: row.get(5)?,
        start: row.get(6)?,
        end: row.get(7)?,
        budget: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        deleted_at: row.get(11)?,
        // A style this build does not know reads as the default rather than hiding the plan.
        number_style: serde_json::from_value(serde_json::Value::String(row.get(12)?)).unwrap_or_default(),
    })
}

impl Library {
    /// Open the library file at `path`, creating it (and its folder) if missing. An older library
    /// is backed up to `<path>.backup-v<old>` and upgraded; a newer one is refused
    /// (`library_too_new`) without being changed; a damaged one is `library_corrupt`.
    pub fn open(path: &Path) -> Result<Library> {
        let label = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::new(errors::IO, format!("could not create the folder for the plan library ({e})")).in_file(&label))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| errors::sqlite(&label, e))?;
        Library::prepare(conn, Some(path.to_path_buf()), label)
    }

    /// A library that lives only as long as this value (tests, previews).
    pub fn open_in_memory() -> Result<Library> {
        let label = errors::MEMORY.to_string();
        let conn = Connection::open_in_memory().map_err(|e| errors::sqlite(&label, e))?;
        Library::prepare(conn, None, label)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>, label: String) -> Result<Library> {
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| errors::sqlite(&label, e))?;
        // Writers take the write lock up front: a deferred transaction that reads and then
        // writes can fail at once with SQLITE_BUSY when another window wrote in between.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        schema::prepare(&mut conn, path.as_deref(), &label)?;
        Ok(Library { conn, path, label })
    }

    /// The library file, or `None` for an in-memory library.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Close the library, reporting any error SQLite has while finishing the file.
    pub fn close(self) -> Result<()> {
        let label = self.label;
        self.conn.close().map_err(|(_, e)| errors::sqlite(&label, e))
    }

    pub(crate) fn db(&self, e: rusqlite::Error) -> Error {
        errors::sqlite(&self.label, e)
    }

    /// Add a new plan to the library.
    pub fn import(&mut self, plan: &Plan, now: DateTime<Utc>) -> Result<PlanId> {
        let c = Columns::of(plan);
        let at = stamp(now);
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        tx.execute(
            "INSERT INTO plans (name, client, brand, status, currency, start_date, end_date,
                 budget, document, created_at, updated_at, number_style)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
            rusqlite::params![c.name, c.client, c.brand, c.status, c.currency, c.start, c.end, c.budget, c.document, at, c.number_style],
        )
        .map_err(|e| errors::sqlite(&self.label, e))?;
        let id = tx.last_insert_rowid();
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))?;
        Ok(id)
    }

    /// Replace a plan's document and summary in one transaction. An approved, live or closed
    /// plan is locked: an edit that changes what was approved is refused with `plan_locked`,
    /// naming what it changes, unless it starts a revision (`flightplan_core::approval`).
    pub fn save(&mut self, id: PlanId, plan: &Plan, now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let stored: Option<(String, Option<String>)> = tx
            .query_row("SELECT status, deleted_at FROM plans WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| errors::sqlite(&self.label, e))?;
        let Some((status, None)) = stored else {
            return Err(state_error(&tx, &self.label, id));
        };
        // Only a locked plan's document is read back to check the edit.
        if matches!(status.as_str(), "approved" | "live" | "closed") {
            let doc: String = tx.query_row("SELECT document FROM plans WHERE id = ?1", [id], |r| r.get(0)).map_err(|e| errors::sqlite(&self.label, e))?;
            let saved = read_plan(&doc).map_err(|e| errors::unreadable(&self.label, &format!("plan {id}"), e))?;
            check_edit(&saved, plan)?;
        }
        write_plan_row(&tx, &self.label, id, plan, now)?;
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// A plan as last saved. A plan in the trash is `plan_deleted`.
    ///
    /// The stored document is read for its structure only (not re-validated): a draft saved
    /// half-finished, or a plan saved before a rule was tightened, must still open so the planner
    /// can fix it.
    pub fn get(&self, id: PlanId) -> Result<Plan> {
        let doc = self.live_document(id)?;
        read_plan(&doc).map_err(|e| errors::unreadable(&self.label, &format!("plan {id}"), e))
    }

    /// The stored `flightplan/1` text of a plan not in the trash.
    pub(crate) fn live_document(&self, id: PlanId) -> Result<String> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row("SELECT document, deleted_at FROM plans WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| self.db(e))?;
        match row {
            None => Err(errors::plan_not_found(&self.label, id)),
            Some((_, Some(_))) => Err(errors::plan_deleted(id)),
            Some((doc, None)) => Ok(doc),
        }
    }

    /// The plans not in the trash, most recently updated first.
    pub fn list(&self) -> Result<Vec<PlanSummary>> {
        self.summaries(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM plans WHERE deleted_at IS NULL
             ORDER BY updated_at DESC, id DESC"
        ))
    }

    /// The plans in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<PlanSummary>> {
        self.summaries(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM plans WHERE deleted_at IS NOT NULL
             ORDER BY deleted_at DESC, id DESC"
        ))
    }

    fn summaries(&self, sql: &str) -> Result<Vec<PlanSummary>> {
        let mut st = self.conn.prepare(sql).map_err(|e| self.db(e))?;
        let rows = st.query_map([], summary).map_err(|e| self.db(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.db(e))
    }

    /// Move a plan to the trash. Deleting a plan already in the trash changes nothing.
    pub fn delete(&mut self, id: PlanId, now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let changed = tx
            .execute("UPDATE plans SET deleted_at = coalesce(deleted_at, ?2) WHERE id = ?1", rusqlite::params![id, stamp(now)])
            .map_err(|e| errors::sqlite(&self.label, e))?;
        if changed == 0 {
            return Err(errors::plan_not_found(&self.label, id));
        }
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// Take a plan out of the trash (the undo of [`Library::delete`]). Restoring a plan that is
    /// not in the trash changes nothing.
    pub fn restore(&mut self, id: PlanId) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let changed = tx.execute("UPDATE plans SET deleted_at = NULL WHERE id = ?1", [id]).map_err(|e| errors::sqlite(&self.label, e))?;
        if changed == 0 {
            return Err(errors::plan_not_found(&self.label, id));
        }
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// Remove a plan and all its versions for good, whether or not it is in the trash.
    pub fn purge(&mut self, id: PlanId) -> Result<()> {
        let tx = self.conn.transaction().map_err(|e| errors::sqlite(&self.label, e))?;
        let changed = tx.execute("DELETE FROM plans WHERE id = ?1", [id]).map_err(|e| errors::sqlite(&self.label, e))?;
        if changed == 0 {
            return Err(errors::plan_not_found(&self.label, id));
        }
        tx.commit().map_err(|e| errors::sqlite(&self.label, e))
    }

    /// Copy a plan as a new plan named "<name> (copy)". Its versions are not copied, and the
    /// copy is a draft: an approval belongs to the plan that was approved, not to its copies.
    pub fn duplicate(&mut self, id: PlanId, now: DateTime<Utc>) -> Result<PlanId> {
        let mut plan = self.get(id)?;
        plan.name = format!("{} (copy)", plan.name);
        plan.status = flightplan_core::plan::PlanStatus::Draft;
        plan.approval = None;
        plan.revises = None;
        self.import(&plan, now)
    }

    /// Full `PRAGMA integrity_check` of the file; any problem is `library_corrupt`.
    pub fn integrity_check(&self) -> Result<()> {
        schema::check(&self.conn, &self.label, "integrity_check")
    }

    /// Write a consistent copy of the whole library to `dest` (SQLite's online backup API),
    /// replacing any file there. The copy is a library file in its own right.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        crate::backup::backup_to(&self.conn, dest, &self.label)
    }
}

/// Write a plan's document and summary columns (the plan must exist and not be in the trash).
pub(crate) fn write_plan_row(tx: &Connection, label: &str, id: PlanId, plan: &Plan, now: DateTime<Utc>) -> Result<()> {
    let c = Columns::of(plan);
    let changed = tx
        .execute(
            "UPDATE plans SET name = ?2, client = ?3, brand = ?4, status = ?5, currency = ?6,
                 start_date = ?7, end_date = ?8, budget = ?9, document = ?10, updated_at = ?11,
                 number_style = ?12
             WHERE id = ?1 AND deleted_at IS NULL",
            rusqlite::params![id, c.name, c.client, c.brand, c.status, c.currency, c.start, c.end, c.budget, c.document, stamp(now), c.number_style],
        )
        .map_err(|e| errors::sqlite(label, e))?;
    if changed == 0 {
        return Err(state_error(tx, label, id));
    }
    Ok(())
}

/// Why a write to plan `id` changed nothing: it is missing, or it is in the trash.
pub(crate) fn state_error(conn: &Connection, label: &str, id: PlanId) -> Error {
    let deleted: rusqlite::Result<Option<Option<String>>> = conn.query_row("SELECT deleted_at FROM plans WHERE id = ?1", [id], |r| r.get(0)).optional();
    match deleted {
        Ok(Some(Some(_))) => errors::plan_deleted(id),
        Ok(_) => errors::plan_not_found(label, id),
        Err(e) => errors::sqlite(label, e),
    }
}
