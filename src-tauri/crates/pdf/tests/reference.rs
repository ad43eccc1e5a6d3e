//! Render tests in the spirit of typst's: two fixture plans rendered to small PNGs and compared
//! with stored references within a tolerance. Set `UPDATE_REFERENCES=1` to rewrite them after a
//! deliberate design change (and look at them before committing).

mod common;

use common::*;
use flightplan_pdf::{render, PdfOptions};
use std::path::Path;

const DPI: &str = "40";

fn png_of(plan_name: &str) -> image::RgbImage {
    let plan = fixture(plan_name);
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("p.pdf");
    std::fs::write(&pdf, &out.bytes).unwrap();
    let stem = dir.path().join("p");
    tool("pdftoppm", &["-png", "-r", DPI, "-singlefile", pdf.to_str().unwrap(), stem.to_str().unwrap()]);
    image::open(dir.path().join("p.png")).unwrap().to_rgb8()
}

fn compare(plan_name: &str) {
    let actual = png_of(plan_name);
    let reference = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference").join(format!("{plan_name}.png"));
    if std::env::var_os("UPDATE_REFERENCES").is_some() || !reference.exists() {
        actual.save(&reference).unwrap();
    }
    let expected = image::open(&reference).unwrap().to_rgb8();
    assert_eq!(actual.dimensions(), expected.dimensions(), "{plan_name}: page size changed");
    let mut total = 0u64;
    let mut differing = 0u64;
    for (a, e) in actual.pixels().zip(expected.pixels()) {
        let d: u64 = a.0.iter().zip(e.0.iter()).map(|(x, y)| (i32::from(*x) - i32::from(*y)).unsigned_abs() as u64).sum();
        total += d;
        if d > 96 {
            differing += 1;
        }
    }
    let pixels = u64::from(actual.width()) * u64::from(actual.height());
    let mean = total as f64 / (pixels as f64 * 3.0);
    let share = differing as f64 / pixels as f64;
    assert!(mean < 1.5 && share < 0.005, "{plan_name}: differs from its reference (mean {mean:.3}, {:.3}% pixels)", share * 100.0);
}

#[test]
fn tiny_matches_reference() {
    compare("tiny");
}

#[test]
fn eur_comma_matches_reference() {
    compare("eur-comma");
}
