//! What the exchange tests share: the plans every round trip is run on.

use flightplan_core::plan::Plan;
use std::path::PathBuf;

/// The sample plan and every plan file in `tests/fixtures`, by name, as written.
pub fn fixture_plans() -> Vec<(String, Plan)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures");
    let mut out = vec![("sample".to_string(), flightplan_core::sample_plan())];
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    paths.sort();
    for p in paths {
        let plan = flightplan_core::parse_plan(&std::fs::read_to_string(&p).unwrap()).unwrap();
        out.push((p.file_stem().unwrap().to_string_lossy().to_string(), plan));
    }
    assert!(out.len() >= 7, "fixtures missing: {}", out.len());
    out
}
