//! Shared helpers for the PDF tests: fixture plans and the poppler/qpdf command-line tools.
#![allow(dead_code)]

use chrono::NaiveDate;
use flightplan_core::plan::Plan;
use flightplan_core::Report;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures")
}

pub fn fixture(name: &str) -> Plan {
    let path = fixtures_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    flightplan_core::parse_plan(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn prepared_on() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

/// Run a tool on a file and return its stdout; panics with stderr on failure.
pub fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd} is not installed: {e}"));
    assert!(out.status.success(), "{cmd} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text without any whitespace, so words split across runs or lines still match.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The report every ring prints: the plan on the test day.
pub fn report_of(plan: &Plan) -> Report {
    flightplan_core::report(plan, prepared_on()).unwrap_or_else(|e| panic!("{}: {e}", plan.name))
}

/// The channels of the generated plans: (channel, pricing, rate, buying, vendor).
const CHANNELS: &[(&str, &str, &str, &str, &str)] = &[
    ("Google Ads", "cpc", "1.45", "auction", "Google"),
    ("Meta", "cpm", "7.80", "auction", "Meta"),
    ("YouTube", "cpv", "0.035", "auction", "Google"),
    ("TikTok", "cpm", "6.20", "auction", "TikTok"),
    ("LinkedIn", "cpc", "6.90", "auction", "LinkedIn"),
    ("Connected TV", "cpm", "32.00", "programmatic", "The Trade Desk"),
    ("Programmatic display", "cpm", "3.10", "programmatic", "DV360"),
    ("Podcasts", "cpm", "24.00", "direct", "Acast"),
    ("Out of home", "flat", "", "direct", "JCDecaux"),
    ("Newsletter sponsorship", "flat", "", "direct", "Morning Brew"),
    ("Pinterest", "cpm", "5.40", "auction", "Pinterest"),
    ("Retail media", "cpc", "0.95", "programmatic", "Amazon Ads"),
];

/// A believable plan of `lines` lines over 12 channels (fewer when it has fewer lines): uneven
/// budgets (a few large lines, a long tail), flights over a year for long plans, one note per
/// seven or so lines and creative on every third line. Deterministic.
pub fn generated_plan(lines: usize) -> Plan {
    generated_plan_over(lines, CHANNELS.len())
}

/// [`generated_plan`] over `channels` channel names: beyond the twelve, regional variants
/// ("Meta — Region 14").
pub fn generated_plan_over(lines: usize, channels: usize) -> Plan {
    let weeks: i64 = if lines <= 9 { 13 } else { 52 };
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let end = start + chrono::Duration::days(7 * weeks - 1);
    let mut total = rust_decimal::Decimal::ZERO;
    let ls: Vec<_> = (0..lines)
        .map(|i| {
            let k = (i * 5 + i / 12) % channels.max(1);
            let (base, pricing, rate, buying, vendor) = CHANNELS[k % CHANNELS.len()];
            let owned = if k < CHANNELS.len() { base.to_string() } else { format!("{base} — Region {}", k + 1) };
            let channel = owned.as_str();
            let tactic = ["Prospecting", "Retargeting", "Brand", "Always-on", "Launch burst", "Lookalikes", "Seasonal push"][i % 7];
            let big = if i % 17 == 0 { 25 } else { 1 };
            let cents = (100_000 + ((i as u64 * 7919) % 97) * 52_317) * big;
            let budget = rust_decimal::Decimal::new(cents as i64, 2);
            total += budget;
            let span = weeks / 2 + (i as i64 % (weeks / 2));
            let first = (i as i64 * 3) % (weeks - span + 1);
            let ls = start + chrono::Duration::days(7 * first);
            let le = (ls + chrono::Duration::days(7 * span - 1)).min(end);
            let mut line = json!({
                "id": format!("l{i}"), "channel": channel, "name": format!("{channel} — {tactic} {}", i + 1),
                "vendor": vendor, "buying": buying, "pricing": pricing,
                "budget": budget.to_string(), "start": ls.to_string(), "end": le.to_string(), "ctr": "0.012",
                "role": (["awareness", "consideration", "conversion"][i % 3]),
                "pattern": if i % 5 == 0 { json!({"kind": "flighting", "on": 2, "off": 1}) } else { json!({"kind": "continuous"}) },
            });
            if !rate.is_empty() {
                line["rate"] = json!(rate);
            }
            if i % 3 == 0 {
                line["creative"] = json!([{"format": (["1080×1920 video 15s", "Static 1200×628", "Carousel ×5", "Audio 30s"][i % 4]), "count": 2 + i % 4, "due": (ls - chrono::Duration::days(14)).to_string()}]);
            }
            line
        })
        .collect();
    let notes: Vec<String> = (0..(lines / 7).max(2))
        .map(|k| {
            format!(
                "Assumption {}: rates are the agency's negotiated {} rates for the period, excluding VAT, and are held until the client approves the plan.",
                k + 1,
                CHANNELS[k % CHANNELS.len()].0
            )
        })
        .collect();
    let text = json!({
        "format": "flightplan/1", "name": format!("Generated plan — {lines} lines"), "client": "Harbour & Finch Ltd",
        "brand": "Finch Outdoor", "currency": "EUR", "start": start.to_string(), "end": end.to_string(),
        "budget": total.to_string(), "prepared_by": "Jordan Lee, Media Planning",
        "goal": {"objective": "conversion", "description": "Drive first online orders of the new range", "kpi": "cpa", "target": "28.00"},
        "audience": {"summary": "Urban adults 25–44 who buy premium outdoor gear"},
        "lines": ls, "notes": notes,
        "fees": {"agency_commission_pct": "15", "ad_serving_cpm": "0.10", "tech_fee_pct": "2"},
        "settings": {"paper": "a4", "number_style": "1.234,56"}
    })
    .to_string();
    flightplan_core::parse_plan(&text).unwrap_or_else(|e| panic!("generated {lines}: {e}"))
}

/// Every `Tf` size in the page's content streams, uncompressed with qpdf.
pub fn font_sizes(pdf: &Path) -> Vec<f32> {
    let dir = tempfile::tempdir().unwrap();
    let qdf = dir.path().join("q.pdf");
    tool("qpdf", &["--qdf", "--object-streams=disable", pdf.to_str().unwrap(), qdf.to_str().unwrap()]);
    let bytes = std::fs::read(&qdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let mut sizes = Vec::new();
    for line in text.lines() {
        let toks: Vec<&str> = line.split_whitespace().collect();
        for (k, t) in toks.iter().enumerate() {
            if *t == "Tf" && k >= 2 && toks[k - 2].starts_with('/') {
                if let Ok(v) = toks[k - 1].parse::<f32>() {
                    sizes.push(v);
                }
            }
        }
    }
    sizes
}
