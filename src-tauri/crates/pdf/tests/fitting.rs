//! The one-page rule as a property: for random plans (1–400 lines, 1–60 weeks, random names in
//! several scripts) the layout's own boxes never leave the page or their cells, and no two
//! printed strings overlap.

mod common;

use flightplan_pdf::{lay_out, Layout, PdfOptions};
use proptest::prelude::*;
use serde_json::json;

fn check(layout: &Layout) -> Result<(), String> {
    let page = layout.page;
    for t in &layout.texts {
        let ink = t.ink_rect();
        if !page.contains(&t.cell) {
            return Err(format!("cell of {:?} leaves the page: {:?}", t.text, t.cell));
        }
        if !t.cell.contains(&ink) && t.width > t.cell.w + 0.01 {
            return Err(format!("{:?} ({} pt) overflows its cell {:?}", t.text, t.width, t.cell));
        }
        if t.size < flightplan_pdf::MIN_TYPE_PT {
            return Err(format!("{:?} at {} pt is below the minimum {} pt", t.text, t.size, flightplan_pdf::MIN_TYPE_PT));
        }
        if t.size > t.cell.h + 0.01 {
            return Err(format!("{:?} at {} pt is taller than its cell {:?}", t.text, t.size, t.cell));
        }
    }
    for f in &layout.fills {
        if !page.contains(&f.rect) {
            return Err(format!("fill leaves the page: {:?}", f.rect));
        }
    }
    let inks: Vec<_> = layout.texts.iter().map(|t| (t.ink_rect(), &t.text)).collect();
    for (i, (a, ta)) in inks.iter().enumerate() {
        for (b, tb) in &inks[i + 1..] {
            let overlap_w = a.right().min(b.right()) - a.x.max(b.x);
            let overlap_h = a.bottom().min(b.bottom()) - a.y.max(b.y);
            if overlap_w > 0.3 && overlap_h > 0.3 {
                return Err(format!("{ta:?} {a:?} overlaps {tb:?} {b:?}"));
            }
        }
    }
    Ok(())
}

const WORDS: &[&str] = &["Search", "Zürich", "Łódź", "Ελλάδα", "Москва", "Prospecting", "Retargeting", "CTV", "€", "—", "Always-on", "Brand", "X"];

fn name(seed: u64, len: usize) -> String {
    (0..len).map(|i| WORDS[((seed >> (i % 16)) as usize + i * 7) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

fn plan_json(lines: usize, weeks: i64, seed: u64, paper: &str) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let end = start + chrono::Duration::days(7 * weeks - 1);
    let ls: Vec<_> = (0..lines)
        .map(|i| {
            let s = seed.wrapping_mul(6364136223846793005).wrapping_add((i as u64).wrapping_mul(1442695040888963407));
            let len_w = ((s >> 33) % weeks as u64) as i64;
            let ls = start + chrono::Duration::days(7 * ((s >> 20) % (weeks as u64 - len_w as u64).max(1)) as i64);
            let le = (ls + chrono::Duration::days(7 * len_w + 6)).min(end);
            let pricing = ["cpm", "cpc", "cpv", "flat"][(s % 4) as usize];
            json!({
                "id": format!("l{i}"), "channel": name(s, 1 + (s % 3) as usize), "name": name(s >> 7, 1 + (s % 9) as usize),
                "pricing": pricing, "rate": "3.25",
                "budget": if seed % 4 == 2 { format!("{}", (s >> 12) % 9_000_000) } else { format!("{}.{:02}", (s >> 12) % 9_000_000, s % 100) },
                "start": ls.to_string(), "end": le.to_string(), "ctr": "0.01",
                "pattern": if s.is_multiple_of(5) { json!({"kind": "flighting", "on": 2, "off": 1}) } else { json!({"kind": "continuous"}) },
                "creative": [{"format": name(s >> 3, 3), "count": 2, "due": "2026-12-01"}]
            })
        })
        .collect();
    let currency = ["USD", "EUR", "JPY", "GBP"][(seed % 4) as usize];
    let style = ["1,234.56", "1.234,56", "1 234,56"][(seed % 3) as usize];
    json!({
        "format": "flightplan/1", "name": name(seed, 1 + (seed % 14) as usize), "client": name(seed >> 5, 1 + (seed % 6) as usize),
        "currency": currency, "start": start.to_string(), "end": end.to_string(),
        "budget": "1000000", "lines": ls, "notes": [name(seed >> 9, 40)],
        "fees": {"agency_commission_pct": "15", "ad_serving_cpm": "0.1", "tech_fee_pct": "2"},
        "settings": {"paper": paper, "number_style": style}
    })
    .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn every_plan_fits_one_page(lines in 1usize..=400, weeks in 1i64..=60, seed in any::<u64>(), letter in any::<bool>()) {
        let text = plan_json(lines, weeks, seed, if letter { "letter" } else { "a4" });
        let plan = flightplan_core::parse_plan(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let report = flightplan_core::report(&plan, common::prepared_on()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (layout, _) = lay_out(&report, &PdfOptions::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        check(&layout).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn sample_and_fixtures_keep_inside_their_boxes() {
    let mut plans = vec![flightplan_core::sample_plan()];
    for f in ["tiny", "typical", "large-300x53", "unicode-long", "jpy", "eur-comma"] {
        plans.push(common::fixture(f));
    }
    for plan in plans {
        let (layout, _) = lay_out(&common::report_of(&plan), &PdfOptions::default()).unwrap();
        check(&layout).unwrap_or_else(|e| panic!("{}: {e}", plan.name));
    }
}
