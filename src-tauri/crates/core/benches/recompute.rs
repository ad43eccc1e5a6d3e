//! Recompute a plan of 1,000 lines × 52 weeks: the UI recomputes on every keystroke, so this
//! must stay well under a frame (target < 2 ms).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use flightplan_core::Dec;
use flightplan_core::{compute, compute_as_of, parse_plan, sample_plan};
use std::hint::black_box;

fn big_plan() -> flightplan_core::Plan {
    let mut plan = sample_plan();
    plan.start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    plan.end = chrono::NaiveDate::from_ymd_opt(2028, 1, 2).unwrap();
    let template = plan.lines.clone();
    plan.lines = (0..1000)
        .map(|i| {
            let mut l = template[i % template.len()].clone();
            l.id = format!("line-{i}");
            l.start = plan.start;
            l.end = plan.end;
            l.weights = None;
            l.budget = None;
            l.share = Some(Dec(rust_decimal::Decimal::new(1, 1))); // 0.1% each: 1,000 lines = 100%
            l
        })
        .collect();
    plan.scenarios.clear(); // they name the sample's own line ids
    plan
}

fn bench(c: &mut Criterion) {
    let plan = big_plan();
    assert_eq!(compute(&plan).unwrap().lines[0].weeks.len(), 52);
    c.bench_function("recompute 1000 lines x 52 weeks", |b| b.iter(|| compute(black_box(&plan)).unwrap()));

    // What one edit in the app costs besides the recompute: the plan read from the JSON the UI
    // sends (with every rule checked), and the view written back as JSON for the IPC.
    let today = NaiveDate::from_ymd_opt(2027, 3, 1);
    let text = serde_json::to_string(&plan).unwrap();
    let view = compute_as_of(&plan, today).unwrap();
    let json = serde_json::to_string(&view).unwrap();
    eprintln!("1000-line plan: {} bytes of plan JSON, {} bytes of view JSON", text.len(), json.len());
    c.bench_function("read and check the 1000-line plan JSON", |b| b.iter(|| parse_plan(black_box(&text)).unwrap()));
    c.bench_function("compute the 1000-line plan as of a day", |b| b.iter(|| compute_as_of(black_box(&plan), today).unwrap()));
    c.bench_function("write the 1000-line view as JSON", |b| b.iter(|| serde_json::to_string(black_box(&view)).unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
