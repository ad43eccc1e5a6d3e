//! `flightplan reconcile PLAN.json [--actuals FILE...]`: planned, delivered and invoiced money per
//! vendor and month, with differences beyond the plan's tolerance flagged, so finance sees
//! which invoices to query before paying them.

use crate::actuals::{load_with_actuals, SourceArgs};
use crate::print_json;
use flightplan_core::reconcile::reconcile;
use flightplan_core::Error;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ReconcileArgs {
    /// The plan file (flightplan/1 JSON); its `invoices` are the invoiced side.
    plan: PathBuf,
    /// Report files to import first (any known platform's export, or a mapped CSV/XLSX).
    #[arg(long, num_args = 1..)]
    actuals: Vec<PathBuf>,
    #[command(flatten)]
    source: SourceArgs,
}

pub fn run(a: ReconcileArgs) -> Result<(), Vec<Error>> {
    let loaded = load_with_actuals(&a.plan, &a.actuals, &a.source)?;
    let plan = &loaded.plan;
    let rows = reconcile(plan).map_err(|e| vec![e])?;
    let flagged = rows.iter().filter(|r| r.flagged).count();
    let s = &plan.monitoring;
    let mut out = serde_json::json!({
        "currency": plan.currency,
        "tolerance": { "pct": s.reconcile_tolerance_pct.to_string(), "amount": s.reconcile_tolerance_amount.to_string() },
        "flagged": flagged,
        "rows": rows,
    });
    loaded.add_reports(&mut out);
    print_json(&out)
}
