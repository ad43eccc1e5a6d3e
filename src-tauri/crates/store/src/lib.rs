//! Flightplan's plan library: every plan a planner keeps, in one local SQLite file that survives
//! crashes, power cuts and upgrades.
//!
//! A planner's plans are months of work and the figures sent to clients, so the library is built
//! to never lose a saved plan: each save is one transaction committed to a write-ahead log with
//! `synchronous=FULL`; a killed app leaves the file consistent (the crash test kills a writer
//! with SIGKILL dozens of times and checks every reported save); the file is checked on open; an
//! older file is backed up before it is upgraded; and a file from a newer Flightplan is refused
//! untouched. The clock is never read here, so callers pass `now` and tests are deterministic.
//!
//! # Schema (`PRAGMA user_version` = 3, `PRAGMA application_id` = 0x464C5054 "FLPT")
//!
//! ```text
//! plans                                   -- STRICT table, one row per plan
//!   id          INTEGER PRIMARY KEY AUTOINCREMENT   -- never reused, even after a purge
//!   name        TEXT NOT NULL             -- summary columns, copied from the document on
//!   client      TEXT NOT NULL             --   every save for listing without parsing
//!   brand       TEXT NOT NULL DEFAULT ''  --   (added in v2)
//!   status      TEXT NOT NULL             -- draft | proposed | approved | live | closed
//!   currency    TEXT NOT NULL             -- ISO 4217
//!   start_date  TEXT NOT NULL             -- YYYY-MM-DD
//!   end_date    TEXT NOT NULL             -- YYYY-MM-DD
//!   budget      TEXT NOT NULL             -- exact decimal text, never REAL
//!   document    TEXT NOT NULL             -- the whole plan as `flightplan/1` JSON
//!   created_at  TEXT NOT NULL             -- RFC 3339 UTC, millisecond precision, fixed width
//!   updated_at  TEXT NOT NULL             --   so text order is time order
//!   deleted_at  TEXT                      -- set while the plan is in the trash
//!   INDEX plans_by_update (deleted_at, updated_at)
//!
//! plan_versions                           -- STRICT table, named snapshots of a plan
//!   id          INTEGER PRIMARY KEY AUTOINCREMENT
//!   plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE
//!   name        TEXT NOT NULL
//!   document    TEXT NOT NULL             -- the plan's `flightplan/1` JSON when taken
//!   created_at  TEXT NOT NULL
//!   kind        TEXT NOT NULL DEFAULT 'named'  -- named | approved (added in v3)
//!   INDEX plan_versions_by_plan (plan_id, created_at)
//!
//! rate_card                               -- STRICT table, at most one row (added in v3)
//!   id          INTEGER PRIMARY KEY CHECK (id = 1)
//!   card        TEXT NOT NULL             -- the planner's rate card, `flightplan-rates/1`
//!   updated_at  TEXT NOT NULL             -- no row: the built-in card
//! ```
//!
//! Migrations live in `schema.rs` (v1: both tables; v2: the `brand` column, filled from each
//! document; v3: the rate card and approval versions). All pending migrations run in one
//! transaction; an existing file is first copied to `<file>.backup-v<old version>`.
//!
//! An approved, live or closed plan is locked: [`Library::save`] refuses an edit that changes
//! what was approved (`plan_locked`, from `flightplan_core::approval::check_edit`) unless it
//! starts a revision. [`Library::set_status`] moves a plan and, on approval, records who and
//! when and takes an `approved` version in the same transaction.
//!
//! Errors are `flightplan_core::Error` with codes `library_io`, `library_corrupt`,
//! `library_busy`, `library_too_new`, `library_foreign`, `plan_not_found`, `plan_deleted`,
//! `version_not_found`, `invalid_version_name`, `plan_locked`, `not_approved` and the core's
//! `invalid_status_move`, `not_approvable` and rate card errors; messages name the library file.

mod backup;
pub mod errors;
mod library;
mod rates;
mod schema;
mod versions;

pub use library::{Library, PlanId, PlanSummary};
pub use rates::SavedRateCard;
pub use schema::{backup_path, LATEST as SCHEMA_VERSION};
pub use versions::{Approved, VersionSummary};
