//! The UI's TypeScript bindings, checked against every type the commands send or receive.
//!
//! The UI compiles against `ui/src/bindings/`, generated from the Rust types by ts-rs so the IPC
//! shapes are declared once. This is the one place that sees all of them (core, store, the plan
//! import's and this shell's own), so it owns the whole folder: it also writes `index.ts` and fails on a file no
//! type generates any more. `UPDATE_BINDINGS=1 cargo test --workspace bindings` regenerates.

use crate::commands::approval::Signoff;
use crate::commands::buying::WrittenOrder;
use crate::commands::export::Exported;
use crate::commands::monitoring::{ActualsPreview, ChosenReport, NextPlan};
use crate::commands::opening::OpenedFile;
use crate::commands::plan_import::ChosenPlanImport;
use crate::commands::print::PrintablePage;
use crate::commands::PlanDocument;
use crate::shown_views::SavedView;
use flightplan_core::bindings::{core, ui_dir};
use flightplan_exchange::{ImportChoices, ImportPreview, PlanUpdate};
use flightplan_store::{Approved, PlanSummary, SavedRateCard, VersionSummary};

#[test]
fn bindings_are_fresh() {
    let bindings = core()
        .add::<PlanDocument>()
        .add::<PlanSummary>()
        .add::<VersionSummary>()
        .add::<Exported>()
        .add::<PrintablePage>()
        .add::<SavedRateCard>()
        .add::<Approved>()
        .add::<WrittenOrder>()
        .add::<ActualsPreview>()
        .add::<ChosenReport>()
        .add::<OpenedFile>()
        .add::<NextPlan>()
        .add::<ChosenPlanImport>()
        .add::<ImportPreview>()
        .add::<ImportChoices>()
        .add::<PlanUpdate>()
        .add::<Signoff>()
        .add::<SavedView>();
    let doc = &bindings.files()["PlanDocument.ts"];
    assert!(doc.contains("id: number,"), "{doc}");
    assert!(doc.contains("plan: Plan,"), "{doc}");
    assert!(doc.contains("view: PlanView,"), "{doc}");
    assert!(bindings.index().contains("export type { PlanSummary } from \"./PlanSummary\";"));
    if let Err(e) = bindings.sync(&ui_dir(env!("CARGO_MANIFEST_DIR")), true) {
        panic!("{e}");
    }
}
