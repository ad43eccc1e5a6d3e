//! `flightplan fit PLAN --point 1000:40 --point 4000:100 [--max M]`: a Hill response curve fitted
//! to two or three points a planner knows (spend → result), worded in the plan's currency and
//! result unit, as the desktop's curve form shows it.

use crate::plan_file::load;
use crate::print_json;
use clap::Args;
use flightplan_core::response::result_unit;
use flightplan_core::response_fit::{fit_hill, KnownPoint};
use flightplan_core::Dec;
use flightplan_core::{dec, Error};
use std::path::PathBuf;

#[derive(Args)]
pub struct FitArgs {
    plan: PathBuf,
    /// SPEND:RESULT, e.g. 1000:40 (two to twelve of them).
    #[arg(long = "point", value_name = "SPEND:RESULT")]
    points: Vec<String>,
    /// The most the line can return, when known (kept as given).
    #[arg(long)]
    max: Option<String>,
}

pub fn run(a: FitArgs) -> Result<(), Vec<Error>> {
    let plan = load(&a.plan)?;
    let bad = |p: &str, m: String| vec![Error::at("invalid_field", "--point", format!("\"{p}\": {m}"))];
    let mut points = Vec::new();
    for p in &a.points {
        let (spend, result) = p.split_once(':').ok_or_else(|| bad(p, "write it as SPEND:RESULT".into()))?;
        points.push(KnownPoint { spend: Dec(dec::parse(spend).map_err(|m| bad(p, m))?), result: Dec(dec::parse(result).map_err(|m| bad(p, m))?) });
    }
    let max = a.max.as_deref().map(dec::parse).transpose().map_err(|m| vec![Error::at("invalid_field", "--max", m)])?;
    print_json(&fit_hill(&points, max, &plan.currency, &result_unit(&plan)).map_err(|e| vec![e])?)
}
