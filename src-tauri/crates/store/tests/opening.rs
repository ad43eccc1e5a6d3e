//! Opening a library file that is new, from a newer Flightplan, damaged, or not a library.

use chrono::{TimeZone, Utc};
use flightplan_core::sample_plan;
use flightplan_store::{Library, SCHEMA_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn user_version(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap()
}

/// A closed library file holding several plans (enough pages to damage the middle of).
fn library_with_plans(dir: &Path) -> PathBuf {
    let path = dir.join("plans.flightplan-library");
    let mut lib = Library::open(&path).unwrap();
    let now = Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap();
    for i in 0..20 {
        let mut plan = sample_plan();
        plan.name = format!("Plan {i}");
        let id = lib.import(&plan, now).unwrap();
        lib.snapshot(id, "first", now).unwrap();
    }
    lib.close().unwrap();
    assert!(!dir.join("plans.flightplan-library-wal").exists(), "closing checkpoints the log");
    path
}

#[test]
fn a_new_library_is_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.flightplan-library");
    assert!(!path.exists());
    let lib = Library::open(&path).unwrap();
    assert!(lib.list().unwrap().is_empty());
    lib.integrity_check().unwrap();
    drop(lib);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 4);
    // Opening again migrates nothing and backs nothing up.
    Library::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    assert!(!flightplan_store::backup_path(&path, SCHEMA_VERSION).exists());
}

#[test]
fn a_library_from_a_newer_flightplan_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = library_with_plans(dir.path());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Library::open(&path).err().expect("a newer library must be refused");
    assert_eq!(err.code, "library_too_new");
    assert_eq!(err.file.as_deref(), Some(path.display().to_string().as_str()));
    assert!(!err.message.contains(&path.display().to_string()), "{}", err.message);
    assert!(err.message.contains("newer version of Flightplan"), "{}", err.message);
    assert!(err.message.contains(&format!("library version {}", SCHEMA_VERSION + 1)));

    assert_eq!(std::fs::read(&path).unwrap(), before, "the file must not change");
    assert_eq!(user_version(&path), SCHEMA_VERSION + 1);
    let backups: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().contains("backup")).collect();
    assert!(backups.is_empty());
}

fn damaged_copy(dir: &Path, original: &Path, name: &str, damage: impl Fn(&mut Vec<u8>)) -> PathBuf {
    let mut bytes = std::fs::read(original).unwrap();
    damage(&mut bytes);
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Deterministic "garbage": a simple generator, so a failure is reproducible.
fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn damaged_files_are_clear_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let original = library_with_plans(dir.path());
    let len = std::fs::metadata(&original).unwrap().len() as usize;
    assert!(len >= 8 * 4096, "the library has enough pages to damage: {len}");

    let cases: Vec<(&str, PathBuf)> = vec![
        (
            "all garbage",
            damaged_copy(dir.path(), &original, "garbage.db", |b| {
                *b = garbage(b.len(), 7);
            }),
        ),
        (
            "garbage header",
            damaged_copy(dir.path(), &original, "header.db", |b| {
                b[..100].copy_from_slice(&garbage(100, 11));
            }),
        ),
        (
            "garbage over the schema page",
            damaged_copy(dir.path(), &original, "schema.db", |b| {
                b[100..4096].copy_from_slice(&garbage(3996, 13));
            }),
        ),
        (
            "garbage over the middle pages",
            damaged_copy(dir.path(), &original, "middle.db", |b| {
                let g = garbage(4 * 4096, 17);
                b[2 * 4096..6 * 4096].copy_from_slice(&g);
            }),
        ),
        (
            "truncated",
            damaged_copy(dir.path(), &original, "truncated.db", |b| {
                b.truncate(3 * 4096 + 100);
            }),
        ),
    ];
    for (what, path) in cases {
        let err = Library::open(&path).err().unwrap_or_else(|| panic!("{what}: opened"));
        assert_eq!(err.code, "library_corrupt", "{what}: {err}");
        eprintln!("{what}: {err}");
        assert_eq!(err.file.as_deref(), Some(path.display().to_string().as_str()), "{what}");
        assert!(!err.message.contains(&path.display().to_string()), "{what}: {}", err.message);
    }
    // The undamaged original still opens.
    Library::open(&original).unwrap().integrity_check().unwrap();
}

#[test]
fn a_plain_text_file_is_not_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let notes = "these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &notes).unwrap();
    let err = Library::open(&path).err().unwrap();
    assert_eq!(err.code, "library_corrupt");
    eprintln!("{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), notes);
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Library::open(&path).err().unwrap();
    assert_eq!(err.code, "library_foreign");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_folder_is_a_clear_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = Library::open(dir.path()).err().unwrap();
    assert_eq!(err.code, "library_io");
    assert_eq!(err.file.as_deref(), Some(dir.path().display().to_string().as_str()));
    assert!(err.message.starts_with("could not"), "{}", err.message);
}
