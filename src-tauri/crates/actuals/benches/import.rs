//! Importing a 200,000-row report: read the CSV (header and dialect, number style, every row)
//! and match its rows to a plan's lines, as `flightplan actuals import` does. Before the timed
//! runs, one import is measured for its peak memory with a counting allocator; both figures go in
//! the README's Performance table (targets: under 1 s, under 300 MB).

use criterion::{criterion_group, criterion_main, Criterion};
use flightplan_actuals::{read_report, ReadOptions};
use flightplan_core::actuals::import;
use flightplan_core::plan::Plan;
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const ROWS: usize = 200_000;

/// A Meta ad-set export by day: 100 campaigns × 4 ad sets × 500 days, with age breakdowns'
/// worth of columns a real export carries.
fn report() -> Vec<u8> {
    let mut s = String::from("\u{feff}Reporting starts,Reporting ends,Campaign name,Ad set name,Ad set delivery,Results,Result indicator,Amount spent (USD),Impressions,Reach,Frequency,Link clicks,CPC (cost per link click) (USD),CTR (link click-through rate),Purchases conversion value\n");
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for i in 0..ROWS {
        let day = start + chrono::Duration::days((i / 400) as i64);
        let (c, a) = ((i % 400) / 4, i % 4);
        let _ = writeln!(
            s,
            "{day},{day},Campaign {c:03} | Prospecting,Ad set {a} - Broad 18-65,active,{},actions:offsite_conversion.fb_pixel_purchase,{}.{:02},{},{},1.{:02},{},0.{:02},{}.{:02}%,{}.50",
            i % 7,
            10 + i % 90,
            i % 100,
            1000 + i % 5000,
            900 + i % 4000,
            i % 100,
            i % 300,
            i % 100,
            i % 3,
            i % 100,
            i % 500
        );
    }
    s.into_bytes()
}

/// The sample plan with each line answering to some of the campaigns.
fn plan() -> Plan {
    let mut p = flightplan_core::sample_plan();
    for (k, line) in p.lines.iter_mut().enumerate() {
        line.launch.campaigns = (0..100).filter(|c| c % 9 == k % 9).map(|c| format!("Campaign {c:03} | Prospecting")).collect();
    }
    p
}

fn run(bytes: &[u8], plan: &Plan) -> usize {
    let r = read_report(bytes, "bench.csv", &ReadOptions::default()).unwrap();
    let i = import(plan, &r.rows, r.platform.name(), &BTreeMap::new()).unwrap();
    r.rows.len() + i.added.len()
}

/// This thread's time on the CPU (Linux), which a machine shared with other work inflates less
/// than the wall clock.
fn cpu_time() -> Option<std::time::Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok().map(std::time::Duration::from_nanos)
}

fn bench(c: &mut Criterion) {
    let bytes = report();
    let plan = plan();
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let (t, cpu) = (std::time::Instant::now(), cpu_time());
    let n = run(&bytes, &plan);
    let (took, on_cpu) = (t.elapsed(), cpu_time().zip(cpu).map(|(b, a)| b - a));
    let peak = PEAK.load(Ordering::Relaxed) - base;
    eprintln!(
        "import of {ROWS} rows ({:.1} MB file): {took:?} wall, {on_cpu:?} on the CPU, peak {:.1} MB beyond the file itself ({n} rows and actuals)",
        bytes.len() as f64 / 1e6,
        peak as f64 / 1e6
    );
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("200k-row Meta export, read and matched", |b| b.iter(|| run(&bytes, &plan)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
