//! The UI's TypeScript bindings for the library's list types are committed in
//! `ui/src/bindings/`; this fails when they no longer match. `UPDATE_BINDINGS=1` rewrites them.
#![cfg(feature = "ts")]

use flightplan_core::bindings::{ui_dir, Bindings};
use flightplan_store::{Approved, PlanSummary, SavedRateCard, VersionSummary};

#[test]
fn bindings_are_fresh() {
    let bindings = Bindings::new().add::<PlanSummary>().add::<VersionSummary>().add::<SavedRateCard>().add::<Approved>();
    let summary = &bindings.files()["PlanSummary.ts"];
    assert!(summary.contains("id: number,"), "{summary}");
    assert!(summary.contains("deleted_at?: string,"), "{summary}");
    if let Err(e) = bindings.sync(&ui_dir(env!("CARGO_MANIFEST_DIR")), false) {
        panic!("{e}");
    }
}
