//! The crash test: a writer process is killed with SIGKILL at random moments, again and again,
//! and every save it reported committed must still be in the library, which must open clean.
//!
//! The writer is this test binary itself, re-run with an environment variable naming the library
//! and `--exact crash_writer`; without the variable `crash_writer` returns at once. After each
//! commit the writer prints `@@commit <kind> <ids…> <seq>`; a line is only trusted when complete
//! (ends with a newline). Each save stores its sequence number both in the plan's name and its
//! budget, so a torn save (name from one save, budget from another) would show.
#![cfg(unix)]

use chrono::{DateTime, TimeZone, Utc};
use flightplan_core::Dec;
use flightplan_core::{sample_plan, Plan};
use flightplan_store::{Library, PlanId};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const LIBRARY_ENV: &str = "FLIGHTPLAN_STORE_CRASH_LIBRARY";
const START_ENV: &str = "FLIGHTPLAN_STORE_CRASH_START";
const ROUNDS: u64 = 40;
/// Each round's sequence numbers start at `(round + 1) * ROUND_SPAN`.
const ROUND_SPAN: u64 = 1_000_000;
/// The writer keeps at most this many plans, so the file stays small and saves overwrite.
const MAX_PLANS: usize = 6;
const MARKER: &str = "@@commit ";

fn now(seq: u64) -> DateTime<Utc> {
    let secs = 1_700_000_000 + (seq % ROUND_SPAN) as i64 + (seq / ROUND_SPAN) as i64 * 100_000;
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}

fn plan_for(seq: u64) -> Plan {
    let mut plan = sample_plan();
    plan.name = format!("crash {seq}");
    plan.budget = Dec(Decimal::from(seq));
    plan
}

/// The sequence number a stored plan carries, checking name and budget agree.
fn seq_of(plan: &Plan, what: &str) -> u64 {
    let by_budget: u64 = plan.budget.to_string().parse().unwrap_or_else(|_| {
        panic!("{what}: budget {} is not a sequence number", plan.budget);
    });
    assert_eq!(plan.name, format!("crash {by_budget}"), "{what}: torn save");
    by_budget
}

/// The writer: saves plans in a loop, one transaction each, and reports each commit.
#[test]
fn crash_writer() {
    let Some(path) = std::env::var_os(LIBRARY_ENV) else { return };
    let start: u64 = std::env::var(START_ENV).ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut lib = Library::open(Path::new(&path)).unwrap();
    let mut ids: Vec<PlanId> = lib.list().unwrap().iter().map(|s| s.id).collect();
    let mut out = std::io::stdout().lock();
    for seq in start..start + ROUND_SPAN {
        let plan = plan_for(seq);
        let line = if ids.len() < MAX_PLANS && (ids.is_empty() || seq % 3 == 0) {
            let id = lib.import(&plan, now(seq)).unwrap();
            ids.push(id);
            format!("{MARKER}import {id} {seq}\n")
        } else if seq % 5 == 0 {
            let id = ids[(seq as usize / 5) % ids.len()];
            lib.save(id, &plan, now(seq)).unwrap();
            let version = lib.snapshot(id, &format!("v{seq}"), now(seq)).unwrap();
            format!("{MARKER}snapshot {id} {version} {seq}\n")
        } else {
            let id = ids[seq as usize % ids.len()];
            lib.save(id, &plan, now(seq)).unwrap();
            format!("{MARKER}save {id} {seq}\n")
        };
        out.write_all(line.as_bytes()).unwrap();
        out.flush().unwrap();
    }
}

/// What the writers reported committed, across all rounds.
#[derive(Default)]
struct Committed {
    /// Per plan, the sequence number of its last reported save.
    plans: BTreeMap<PlanId, u64>,
    /// Per version, the sequence number of the save it froze.
    versions: BTreeMap<i64, u64>,
    count: usize,
}

impl Committed {
    fn record(&mut self, line: &str) {
        let fields: Vec<u64> = line.split(' ').skip(1).map(|f| f.parse().unwrap()).collect();
        let seq = *fields.last().unwrap();
        if let Some(before) = self.plans.get(&(fields[0] as PlanId)) {
            assert!(seq > *before, "sequence went backwards in {line:?}");
        }
        self.plans.insert(fields[0] as PlanId, seq);
        if line.starts_with("snapshot") {
            self.versions.insert(fields[1] as i64, seq);
        }
        self.count += 1;
    }

    /// Every reported commit is in the library, whole; anything newer is from this round.
    fn check(&self, lib: &Library, round_end: u64) {
        for (&id, &seq) in &self.plans {
            let what = format!("plan {id}");
            let plan = lib.get(id).unwrap_or_else(|e| panic!("{what} reported saved: {e}"));
            let stored = seq_of(&plan, &what);
            assert!(stored >= seq, "{what}: save {seq} was reported committed, found {stored}");
            assert!(stored < round_end, "{what}: save {stored} from the future");
        }
        for summary in lib.list().unwrap() {
            let plan = lib.get(summary.id).unwrap();
            let seq = seq_of(&plan, "listed plan");
            assert_eq!(summary.name, plan.name, "summary and document agree");
            assert_eq!(summary.budget, seq.to_string(), "summary and document agree");
        }
        for (&version, &seq) in &self.versions {
            let plan = lib.get_version(version).unwrap_or_else(|e| panic!("version {version}: {e}"));
            assert_eq!(seq_of(&plan, "version"), seq, "version {version}");
        }
    }
}

/// A small deterministic generator; the seed is printed so a failing run can be replayed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Read complete lines from the writer until its stdout closes.
fn spawn_reader(stdout: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) if buf.ends_with(b"\n") => {
                    let line = String::from_utf8_lossy(&buf);
                    if let Some(at) = line.find(MARKER) {
                        let commit = line[at + MARKER.len()..].trim_end().to_string();
                        if tx.send(commit).is_err() {
                            break;
                        }
                    }
                }
                Ok(_) => break, // a line cut off by the kill: not reported, not trusted
            }
        }
    });
    rx
}

#[test]
fn killed_writers_never_lose_a_committed_save() {
    if std::env::var_os(LIBRARY_ENV).is_some() {
        return; // inside a writer process
    }
    let seed = std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        nanos ^ u64::from(std::process::id())
    } | 1);
    eprintln!("crash test seed: {seed} (set CRASH_SEED to replay the kill timings)");
    let mut rng = Rng(seed);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.flightplan-library");
    let exe = std::env::current_exe().unwrap();
    let mut committed = Committed::default();

    for round in 0..ROUNDS {
        let start = (round + 1) * ROUND_SPAN;
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_writer", "--nocapture", "--test-threads=1"])
            .env(LIBRARY_ENV, &path)
            .env(START_ENV, start.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let lines = spawn_reader(child.stdout.take().unwrap());

        // Most rounds kill mid-save: wait for the first commit, then a random few ms more.
        // Every fifth round kills at a random moment from the start, which may be while the
        // writer opens (or, the first time, creates and migrates) the library.
        let mut early = Vec::new();
        if round % 5 == 0 {
            std::thread::sleep(Duration::from_millis(rng.below(30)));
        } else {
            match lines.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => early.push(line),
                Err(e) => panic!("round {round}: the writer reported no commit ({e})"),
            }
            std::thread::sleep(Duration::from_millis(rng.below(40)));
        }
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "round {round}: the writer stopped on its own ({status}), see its output above");
        for line in early.into_iter().chain(lines.iter()) {
            committed.record(&line);
        }

        let lib = Library::open(&path).unwrap_or_else(|e| panic!("round {round}: the library does not open after a kill: {e}"));
        lib.integrity_check().unwrap_or_else(|e| panic!("round {round}: integrity check failed: {e}"));
        committed.check(&lib, start + ROUND_SPAN);
        lib.close().unwrap();
    }

    let waited = ROUNDS - ROUNDS.div_ceil(5);
    assert!(committed.count as u64 >= waited, "every round that waited saw a commit: {} commits", committed.count);
    eprintln!(
        "crash test: {ROUNDS} kills, {} reported commits on {} plans and {} versions, all intact",
        committed.count,
        committed.plans.len(),
        committed.versions.len()
    );
}
