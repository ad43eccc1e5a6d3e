//! Solve allocation problems read from stdin, for `bench/allocator-vs-scipy.sh`.
//!
//! Input: a JSON list of `{"curves": [[max, shape, half_saturation], …], "lo": […],
//! "hi": [… or null], "budget": B}`. Output: per problem the spends, the total response and the
//! wall time of one solve (the median of repeated solves). Timing lives here, never in tests.

use flightplan_core::allocate::{solve, Problem};
use flightplan_core::response::Curve;
use serde_json::{json, Value};
use std::io::Read;
use std::time::Instant;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("could not read stdin");
        std::process::exit(2);
    }
    let problems: Vec<Value> = serde_json::from_str(&text).unwrap_or_else(|e| {
        eprintln!("bad input: {e}");
        std::process::exit(2)
    });
    let f = |v: &Value| v.as_f64().unwrap_or(f64::INFINITY);
    let mut out = Vec::new();
    for pj in &problems {
        let curves = pj["curves"].as_array().map(|a| a.iter().map(|c| Curve::hill(f(&c[0]), f(&c[1]), f(&c[2]))).collect()).unwrap_or_default();
        let lo = pj["lo"].as_array().map(|a| a.iter().map(f).collect()).unwrap_or_default();
        let hi = pj["hi"].as_array().map(|a| a.iter().map(f).collect()).unwrap_or_default();
        let p = Problem { curves, lo, hi, budget: f(&pj["budget"]) };
        match solve(&p) {
            Ok(sol) => {
                let mut times = Vec::new();
                for _ in 0..21 {
                    let t = Instant::now();
                    let s = solve(&p);
                    times.push(t.elapsed().as_secs_f64());
                    std::hint::black_box(s.ok());
                }
                times.sort_by(f64::total_cmp);
                out.push(json!({ "spend": sol.spend, "total": sol.total_response, "seconds": times[times.len() / 2] }));
            }
            Err(e) => out.push(json!({ "error": e.message })),
        }
    }
    println!("{}", Value::Array(out));
}
