//! Commands on a plan file: read it (with the file named in any error), cost it, check it.

use crate::print_json;
use flightplan_core::{compute as cost, read_plan, validate as check_rules, Error, Plan};
use std::path::Path;

/// Read a plan file as text (at most [`flightplan_files::PLAN_FILE_LIMIT`]), with a clear error
/// naming it.
pub fn read_text(path: &Path) -> Result<String, Error> {
    flightplan_files::read_text_bounded(path, flightplan_files::PLAN_FILE_LIMIT, "plan file")
}

/// Read and validate a plan file; every problem is returned.
pub fn load(path: &Path) -> Result<Plan, Vec<Error>> {
    let file = path.display().to_string();
    let text = read_text(path).map_err(|e| vec![e])?;
    let plan = read_plan(&text).map_err(|e| vec![e.in_file(&file)])?;
    let errors = check_rules(&plan);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors.into_iter().map(|e| e.in_file(&file)).collect())
    }
}

/// `compute`: the costed plan as of `--now` (default today) with the presented scenario applied,
/// the view the client's outputs are laid out from; `--as-written`, the plan as the file has it
/// (the desktop's editing view), dated checks only with `--now`.
pub fn compute(path: &Path, day: &crate::check::Day) -> Result<(), Vec<Error>> {
    let now = day.now.as_deref().map(|d| crate::check::as_of(Some(d))).transpose().map_err(|e| vec![e])?;
    let plan = load(path)?;
    let view = if day.as_written {
        flightplan_core::costing::compute_as_of(&plan, now).map_err(|e| vec![e])?
    } else {
        let today = now.unwrap_or_else(|| chrono::Local::now().date_naive());
        crate::check::costed(&plan, today, false).map_err(|e| vec![e])?.0
    };
    print_json(&view)
}

pub fn validate(path: &Path) -> Result<(), Vec<Error>> {
    let plan = load(path)?;
    // Costing can still fail on absurd numbers (overflow): that is a validation failure too.
    let view = cost(&plan).map_err(|e| vec![e])?;
    print_json(&serde_json::json!({
        "valid": true,
        "lines": plan.lines.len(),
        "findings": view.findings,
    }))
}

/// Write a file so that a crash leaves either the old file or the whole new one, never half
/// and never a stray temporary file; a symlink or read-only file is replaced only with `--force`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    flightplan_files::write_file(path, bytes, crate::replace())
}
