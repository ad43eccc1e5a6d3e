//! The library file's schema and how an older file is brought up to date without losing it.
//!
//! A library file outlives any one build of Flightplan, so opening one is careful: a file from a
//! newer build is refused before anything is written to it; a damaged file is reported, not
//! migrated; an existing older file is copied aside with SQLite's online backup API before its
//! schema changes; and all pending migrations run in one transaction (rusqlite_migration runs
//! every pending `up` and the `user_version` bump inside a single transaction, rolled back on any
//! error), so a crash mid-upgrade leaves the old schema intact.

use crate::backup::backup_to;
use crate::errors;
use flightplan_core::{Error, Result};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of a Flightplan library: "FLPT" in ASCII.
pub const APPLICATION_ID: i64 = 0x464C_5054;

/// The migrations, in order; migration `n` (1-based) brings the file to `user_version = n`.
/// Never edit a released migration: append a new one.
const MIGRATION_LIST: &[M<'static>] = &[
    // v1: plans with their summary columns, and named versions (snapshots) of a plan.
    M::up(
        "PRAGMA application_id = 1179406420;
         CREATE TABLE plans (
             id          INTEGER PRIMARY KEY AUTOINCREMENT,
             name        TEXT NOT NULL,
             client      TEXT NOT NULL,
             status      TEXT NOT NULL,
             currency    TEXT NOT NULL,
             start_date  TEXT NOT NULL,
             end_date    TEXT NOT NULL,
             budget      TEXT NOT NULL,
             document    TEXT NOT NULL,
             created_at  TEXT NOT NULL,
             updated_at  TEXT NOT NULL,
             deleted_at  TEXT
         ) STRICT;
         CREATE INDEX plans_by_update ON plans (deleted_at, updated_at);
         CREATE TABLE plan_versions (
             id          INTEGER PRIMARY KEY AUTOINCREMENT,
             plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
             name        TEXT NOT NULL,
             document    TEXT NOT NULL,
             created_at  TEXT NOT NULL
         ) STRICT;
         CREATE INDEX plan_versions_by_plan ON plan_versions (plan_id, created_at);",
    )
    .foreign_key_check(),
    // v2: the brand as a summary column (the library list shows client and brand), filled in
    // from each stored plan document.
    M::up(
        "ALTER TABLE plans ADD COLUMN brand TEXT NOT NULL DEFAULT '';
         UPDATE plans SET brand = coalesce(json_extract(document, '$.brand'), '');",
    ),
    // v3: the planner's rate card (channel catalogue, default rates and fees for new plans),
    // one row, kept across plans; and which versions are approvals (taken when a plan is
    // approved, the baseline of "what changed since approval").
    M::up(
        "CREATE TABLE rate_card (
             id          INTEGER PRIMARY KEY CHECK (id = 1),
             card        TEXT NOT NULL,
             updated_at  TEXT NOT NULL
         ) STRICT;
         ALTER TABLE plan_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'named'
             CHECK (kind IN ('named', 'approved'));",
    ),
    // v4: the plan's number style as a summary column (the library list writes each plan's
    // budget the way its plan does: €250.000,00), filled in from each stored plan document.
    M::up(
        "ALTER TABLE plans ADD COLUMN number_style TEXT NOT NULL DEFAULT '1,234.56';
         UPDATE plans SET number_style = coalesce(json_extract(document, '$.settings.number_style'), '1,234.56');",
    ),
];

const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes and understands.
pub const LATEST: i64 = MIGRATION_LIST.len() as i64;

/// Bring a freshly opened connection into a usable library: refuse files it must not touch, set
/// the pragmas, check the file, back up and migrate. `path` is `None` for an in-memory library.
pub fn prepare(conn: &mut Connection, path: Option<&Path>, label: &str) -> Result<()> {
    let err = |e| errors::sqlite(label, e);
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
    let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(err)?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(err)?;
    if (app_id != 0 && app_id != APPLICATION_ID) || version < 0 || (version == 0 && objects > 0) {
        let message = "the file is an SQLite file but not a Flightplan plan library; it was not changed";
        return Err(errors::in_library(Error::new(errors::FOREIGN, message), label));
    }
    if version > LATEST {
        return Err(errors::too_new(label, Some(version)));
    }

    // WAL: readers never block the writer and a killed writer leaves the file consistent.
    // synchronous=FULL: a commit reported to the planner is on disk, even after power loss.
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)).map_err(err)?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        let message = format!("the plan library cannot use write-ahead logging (journal mode {mode})");
        return Err(errors::in_library(Error::new(errors::IO, message), label));
    }
    conn.pragma_update(None, "synchronous", "FULL").map_err(err)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(err)?;
    check(conn, label, "quick_check")?;

    if version < LATEST {
        if let (Some(path), true) = (path, version > 0) {
            backup_to(conn, &backup_path(path, version), label)?;
        }
        if let Err(e) = MIGRATIONS.to_latest(conn) {
            // Another Flightplan may have upgraded the file between our read and our write.
            let now: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
            if now != LATEST {
                return Err(errors::migration(label, e));
            }
        }
    }
    Ok(())
}

/// Where the copy of a library at schema `version` is kept before it is upgraded.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".backup-v{version}"));
    PathBuf::from(name)
}

/// Run `PRAGMA quick_check` or `PRAGMA integrity_check`; anything but "ok" is `library_corrupt`.
pub fn check(conn: &Connection, label: &str, pragma: &str) -> Result<()> {
    let rows: Vec<String> = conn
        .prepare(&format!("PRAGMA {pragma}(20)"))
        .and_then(|mut st| st.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| errors::sqlite(label, e))?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(());
    }
    let problems: Vec<&str> = rows.iter().flat_map(|r| r.lines()).map(str::trim).filter(|p| !p.is_empty() && !p.starts_with("***")).collect();
    Err(errors::in_library(Error::new(errors::CORRUPT, format!("the plan library is damaged: {}", problems.join("; "))), label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Library;
    use flightplan_core::{sample_plan, write_plan};

    fn user_version(path: &Path) -> i64 {
        let conn = Connection::open(path).unwrap();
        conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
    }

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
        assert_eq!(LATEST, 4);
    }

    /// A library written by the first release (schema v1) is copied aside before it is upgraded,
    /// the copy opens as the old library, and the upgrade fills the new brand column.
    #[test]
    fn version_1_library_is_backed_up_then_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plans.flightplan-library");
        let mut plan = sample_plan();
        plan.brand = "Northwind Outdoor".into();
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            MIGRATIONS.to_version(&mut conn, 1).unwrap();
            conn.execute(
                "INSERT INTO plans (name, client, status, currency, start_date, end_date, budget,
                     document, created_at, updated_at)
                 VALUES (?1, ?2, 'draft', 'USD', '2025-01-06', '2025-03-30', '30000.00', ?3,
                     '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:00.000Z')",
                (&plan.name, &plan.client, write_plan(&plan)),
            )
            .unwrap();
        }
        assert_eq!(user_version(&path), 1);

        let lib = Library::open(&path).unwrap();
        assert_eq!(user_version(&path), LATEST);
        let list = lib.list().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].brand, "Northwind Outdoor");
        assert_eq!(lib.get(list[0].id).unwrap(), plan);
        drop(lib);

        let backup = dir.path().join("plans.flightplan-library.backup-v1");
        assert_eq!(backup, backup_path(&path, 1));
        assert_eq!(user_version(&backup), 1);
        let conn = Connection::open(&backup).unwrap();
        let (name, doc): (String, String) = conn.query_row("SELECT name, document FROM plans", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!(name, plan.name);
        assert_eq!(doc, write_plan(&plan));
        drop(conn);
        // The backup is itself a library this build can open (and would upgrade).
        let copy = dir.path().join("restored.flightplan-library");
        std::fs::copy(&backup, &copy).unwrap();
        let restored = Library::open(&copy).unwrap();
        assert_eq!(restored.list().unwrap()[0].name, plan.name);
    }

    /// A version 2 library (named versions, no rate card) is copied aside, then upgraded: its
    /// versions are named ones, it has the built-in rate card, and a saved card persists.
    #[test]
    fn version_2_library_is_backed_up_then_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plans.flightplan-library");
        let plan = sample_plan();
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            MIGRATIONS.to_version(&mut conn, 2).unwrap();
            conn.execute(
                "INSERT INTO plans (name, client, status, currency, start_date, end_date, budget,
                     document, created_at, updated_at)
                 VALUES (?1, ?2, 'draft', 'USD', '2027-01-04', '2027-03-28', '250000.00', ?3,
                     '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')",
                (&plan.name, &plan.client, write_plan(&plan)),
            )
            .unwrap();
            conn.execute(
                "INSERT INTO plan_versions (plan_id, name, document, created_at)
                 VALUES (1, 'Sent to client', ?1, '2026-12-02T09:00:00.000Z')",
                [write_plan(&plan)],
            )
            .unwrap();
        }
        assert_eq!(user_version(&path), 2);
        let mut lib = Library::open(&path).unwrap();
        assert_eq!(user_version(&path), LATEST);
        let versions = lib.versions(1).unwrap();
        assert_eq!((versions[0].name.as_str(), versions[0].kind.as_str()), ("Sent to client", "named"));
        assert!(lib.approved_version(1).unwrap().is_none());
        let saved = lib.rate_card().unwrap();
        assert_eq!(saved.updated_at, None);
        assert_eq!(saved.card, flightplan_core::rate_card::default_rate_card());
        let mut card = saved.card;
        card.currency = "EUR".into();
        lib.set_rate_card(&card, chrono::DateTime::parse_from_rfc3339("2027-01-02T10:00:00Z").unwrap().into()).unwrap();
        drop(lib);
        let lib = Library::open(&path).unwrap();
        assert_eq!(lib.rate_card().unwrap().card.currency, "EUR");
        assert_eq!(lib.rate_card().unwrap().updated_at.as_deref(), Some("2027-01-02T10:00:00.000Z"));
        // The backup is the version 2 file as it was.
        let backup = backup_path(&path, 2);
        assert_eq!(user_version(&backup), 2);
        let conn = Connection::open(&backup).unwrap();
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'rate_card'", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 0);
    }

    /// A version 3 library is upgraded with each plan's number style read from its document, so
    /// the library list writes a 1.234,56 plan's budget its way.
    #[test]
    fn version_3_library_gets_each_plans_number_style() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plans.flightplan-library");
        let mut euro = sample_plan();
        euro.settings.number_style = flightplan_core::plan::NumberStyle::DotComma;
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            MIGRATIONS.to_version(&mut conn, 3).unwrap();
            for plan in [&sample_plan(), &euro] {
                conn.execute(
                    "INSERT INTO plans (name, client, status, currency, start_date, end_date, budget,
                         document, created_at, updated_at)
                     VALUES (?1, ?2, 'draft', 'EUR', '2027-01-04', '2027-03-28', '250000.00', ?3,
                         '2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z')",
                    (&plan.name, &plan.client, write_plan(plan)),
                )
                .unwrap();
            }
        }
        let lib = Library::open(&path).unwrap();
        let mut styles: Vec<_> = lib.list().unwrap().into_iter().map(|s| (s.id, s.number_style)).collect();
        styles.sort_by_key(|s| s.0);
        assert_eq!(styles, [(1, flightplan_core::plan::NumberStyle::CommaDot), (2, flightplan_core::plan::NumberStyle::DotComma)]);
    }

    /// A brand-new file has nothing to lose, so no backup is written.
    #[test]
    fn new_library_gets_no_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.flightplan-library");
        Library::open(&path).unwrap();
        assert_eq!(user_version(&path), LATEST);
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.contains("backup")).collect();
        assert!(names.is_empty(), "unexpected backups: {names:?}");
    }

    /// A failing migration rolls back every step, including the earlier ones in the same run.
    #[test]
    fn failed_migration_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.db");
        let mut conn = Connection::open(&path).unwrap();
        let broken = Migrations::new(vec![M::up("CREATE TABLE a (x TEXT);"), M::up("CREATE TABLE b (x TEXT); THIS IS NOT SQL;")]);
        assert!(broken.to_latest(&mut conn).is_err());
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 0);
        drop(conn);
        assert_eq!(user_version(&path), 0);
    }
}
