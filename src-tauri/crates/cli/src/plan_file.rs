//! Commands on a plan file: read it (with the file named in any error), cost it, check it.

use crate::print_json;
use flightplan_core::{compute as cost, read_plan, validate as check_rules, Error, Plan};
use std::path::{Path, PathBuf};

/// Read a file as text, with a clear error naming it.
pub fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound { "file_not_found" } else { "file_unreadable" };
        Error::new(code, format!("{}: {e}", path.display()))
    })
}

/// Read and validate a plan file; every problem is returned.
pub fn load(path: &Path) -> Result<Plan, Vec<Error>> {
    let text = read_text(path).map_err(|e| vec![e])?;
    let plan = read_plan(&text).map_err(|e| vec![e])?;
    let errors = check_rules(&plan);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

pub fn compute(path: &Path, as_of: Option<&str>) -> Result<(), Vec<Error>> {
    let today = as_of
        .map(|d| flightplan_core::date::parse(d).map_err(|m| vec![Error::at("invalid_field", "--as-of", m)]))
        .transpose()?;
    let plan = load(path)?;
    let view = flightplan_core::costing::compute_as_of(&plan, today).map_err(|e| vec![e])?;
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

/// The temporary name a file is written under before it is renamed into place.
pub fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

/// Write a file so that a crash leaves either the old file or the whole new one, never half:
/// to a temporary file beside the target, then renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::new("file_unwritable", format!("{}: {e}", path.display()));
    let tmp = partial_path(path);
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}
