//! Render a plan file (or the sample plan) to a PDF as of 20 Nov 2026:
//! `cargo run -p flightplan-pdf --example render -- [PLAN.json] OUT.pdf`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (plan, out) = match args.as_slice() {
        [out] => (flightplan_core::sample_plan(), out.clone()),
        [path, out] => (flightplan_core::parse_plan(&std::fs::read_to_string(path).expect("read plan")).expect("valid plan"), out.clone()),
        _ => panic!("usage: render [PLAN.json] OUT.pdf"),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let report = flightplan_core::report(&plan, today).expect("report");
    let r = flightplan_pdf::render(&report, &flightplan_pdf::PdfOptions::default()).expect("render");
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    eprintln!("body {} columns {:?} rows {:?}", r.layout.body_size, r.layout.columns, r.layout.detail);
    std::fs::write(out, r.bytes).expect("write");
}
