//! The KPI rules every ring takes from the core (labels, units, which funnel stage each judges)
//! and the display rounding of fractions, data-driven.

use flightplan_core::catalogue::kpis;
use flightplan_core::performance::percent_shown;
use flightplan_core::plan::{Funnel, Kpi};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn a_fraction_is_shown_as_a_percent_to_2_places_half_away_from_zero() {
    let cases = [
        ("0.119413", "11.94"),
        ("0.11945", "11.95"),
        ("0.119449", "11.94"),
        ("0.0125", "1.25"),
        ("1", "100.00"),
        ("0", "0.00"),
        ("-0.00005", "-0.01"),
        ("0.00004999", "0.00"),
    ];
    for (fraction, shown) in cases {
        assert_eq!(percent_shown(d(fraction)).unwrap().to_string(), shown, "{fraction}");
    }
    assert_eq!(Kpi::Ctr.shown(d("0.119413")).unwrap().to_string(), "11.94");
    assert_eq!(Kpi::Cpa.shown(d("12.345")).unwrap().to_string(), "12.345", "money is shown as costed");
}

#[test]
fn every_kpi_has_its_label_unit_and_funnel_stages() {
    use Funnel::*;
    let json = |v: &serde_json::Value| v.clone();
    let got = serde_json::to_value(kpis()).unwrap();
    let want = serde_json::json!([
        {"kpi": "reach", "label": "Reach", "unit": "percent", "fits": ["awareness"], "on_audience": true},
        {"kpi": "frequency", "label": "Frequency", "unit": "count", "fits": ["awareness"], "on_audience": true},
        {"kpi": "cpm", "label": "CPM", "unit": "money", "fits": ["awareness"], "on_audience": false},
        {"kpi": "video_views", "label": "Video views", "unit": "count", "fits": ["awareness", "consideration"], "on_audience": false},
        {"kpi": "cpv", "label": "CPV", "unit": "money", "fits": ["awareness", "consideration"], "on_audience": false},
        {"kpi": "ctr", "label": "CTR", "unit": "fraction", "fits": ["consideration"], "on_audience": false},
        {"kpi": "cpc", "label": "CPC", "unit": "money", "fits": ["consideration"], "on_audience": false},
        {"kpi": "engagement", "label": "Engagement", "unit": "count", "fits": ["consideration"], "on_audience": false},
        {"kpi": "cpa", "label": "CPA", "unit": "money", "fits": ["conversion"], "on_audience": false},
        {"kpi": "roas", "label": "ROAS", "unit": "multiple", "fits": ["conversion", "retention"], "on_audience": false},
        {"kpi": "cpi", "label": "CPI", "unit": "money", "fits": ["conversion"], "on_audience": false},
        {"kpi": "cac", "label": "CAC", "unit": "money", "fits": ["conversion"], "on_audience": false},
        {"kpi": "repeat_rate", "label": "Repeat rate", "unit": "fraction", "fits": ["retention"], "on_audience": false},
        {"kpi": "ltv", "label": "LTV", "unit": "money", "fits": ["retention"], "on_audience": false},
        {"kpi": "grps", "label": "GRPs", "unit": "count", "fits": ["awareness"], "on_audience": true},
        {"kpi": "cpp", "label": "CPP", "unit": "money", "fits": ["awareness"], "on_audience": true},
        {"kpi": "effective_reach", "label": "Reach at N+", "unit": "percent", "fits": ["awareness"], "on_audience": true},
    ]);
    assert_eq!(json(&got), want);
    // The table is Kpi::fits, the rule the findings use.
    for k in kpis() {
        for stage in [Awareness, Consideration, Conversion, Retention] {
            assert_eq!(k.fits.contains(&stage), k.kpi.fits(stage), "{:?} {stage:?}", k.kpi);
        }
    }
}
