//! Insertion orders as the vendor receives them: one page per vendor, a clean file with its
//! fonts embedded and subset, and every placement and total printed as the plan costs it.

mod common;

use common::*;
use flightplan_core::money::{format_money, Currency};
use flightplan_core::plan::{Buying, NumberStyle, Paper, Plan};
use flightplan_core::Dec;
use flightplan_pdf::{insertion_orders, render_insertion_orders, IoOptions, Rendered};
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

fn opts() -> IoOptions {
    IoOptions::new(prepared_on())
}

fn money(plan: &Plan, v: Decimal) -> String {
    format_money(v, Currency::from_code(&plan.currency).unwrap(), plan.settings.number_style)
}

/// Write `r` to `dir` and check it like a client's IT would; returns the squashed text.
fn check_file(dir: &Path, label: &str, r: &Rendered) -> String {
    let path = dir.join(format!("{label}.pdf"));
    std::fs::write(&path, &r.bytes).unwrap();
    let p = path.to_str().unwrap();
    let info = tool("pdfinfo", &[p]);
    let pages = format!(" {}", 1 + r.continued.len());
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(&pages)), "{label}: {info}");
    assert!(info.contains("Insertion order"), "{label}: title metadata: {info}");
    let check = tool("qpdf", &["--check", p]);
    assert!(check.contains("No syntax or stream encoding errors"), "{label}: {check}");
    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{label}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+', "{label}: font not subset: {row}");
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{label}: font not embedded/subset/unicode: {row}");
    }
    // Nothing leaves its page, and nothing prints below the plan page's minimum type size.
    for page in std::iter::once(&r.layout).chain(&r.continued) {
        for t in &page.texts {
            assert!(page.page.contains(&t.ink_rect()), "{label}: {:?} leaves the page", t.text);
            assert!(t.size >= flightplan_pdf::MIN_TYPE_PT, "{label}: {:?} at {} pt", t.text, t.size);
        }
    }
    assert!(font_sizes(&path).iter().all(|s| *s >= flightplan_pdf::MIN_TYPE_PT - 0.001), "{label}: the PDF sets type below the minimum");
    // Content-stream order keeps a wrapped placement name together.
    squash(&tool("pdftotext", &["-raw", p, "-"]))
}

#[test]
fn sample_plan_has_one_order_per_direct_and_offline_vendor() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = render_insertion_orders(&plan, &view, &opts()).unwrap();
    let vendors: Vec<&str> = orders.iter().map(|(o, _)| o.vendor.as_str()).collect();
    assert_eq!(vendors, ["Morning Brew", "iHeartMedia"]);
    let dir = tempfile::tempdir().unwrap();
    for (o, r) in &orders {
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.layout.folded, 0);
        // Totals are the exact sums of the costed lines.
        let net: Decimal = o.lines.iter().map(|i| view.lines[*i].net).sum();
        let gross: Decimal = o.lines.iter().map(|i| view.lines[*i].gross).sum();
        assert_eq!((o.net, o.gross), (net, gross));
        for i in &o.lines {
            assert!(matches!(plan.lines[*i].buying, Some(Buying::Direct | Buying::Offline)));
        }
        let text = check_file(dir.path(), &o.number, r);
        assert!(text.contains(&squash(&o.vendor)), "{}: vendor missing", o.vendor);
        assert!(text.contains(&squash(&o.number)), "{}: IO number missing", o.vendor);
        assert!(text.contains(&squash(&plan.client)), "{}: advertiser missing", o.vendor);
        for i in &o.lines {
            let lv = &view.lines[*i];
            assert!(text.contains(&squash(&lv.name)), "{}: placement {:?} missing", o.vendor, lv.name);
            assert!(text.contains(&squash(&money(&plan, lv.net.0))), "{}: placement net missing", o.vendor);
            // The agency's commission and fees stay on the client's copy.
            assert!(!text.contains(&squash(&money(&plan, lv.gross.0))), "{}: placement gross printed", o.vendor);
        }
        assert!(text.contains(&squash(&money(&plan, o.net))), "{}: total {} missing", o.vendor, money(&plan, o.net));
        assert!(!text.contains(&squash(&money(&plan, o.gross))) && !text.contains("Gross"), "{}: gross printed", o.vendor);
        for term in ["Cancellation", "Makegoods", "Invoicing", "Payment", "Signature", "Title", "Date"] {
            assert!(text.contains(term), "{}: {term} missing", o.vendor);
        }
    }
    // The sample's figures, checked by hand: Morning Brew $16,000.00 net; iHeartMedia
    // 28,000.00 net; the radio line is bought on GRPs at a CPP of $450.00.
    assert_eq!(orders[0].0.net, Decimal::from_str("16000.00").unwrap());
    assert_eq!(orders[1].0.net, Decimal::from_str("28000.00").unwrap());
    let radio = check_file(dir.path(), "radio-again", &orders[1].1);
    assert!(radio.contains("CPP$450.00"), "rate missing");
    assert!(radio.contains("GRPs"), "GRP units missing");
    // The same plan and date give the same page and the same number.
    let again = render_insertion_orders(&plan, &view, &opts()).unwrap();
    assert!(again[0].1.layout == orders[0].1.layout && again[0].0 == orders[0].0);
}

#[test]
fn orders_group_vendors_loosely_and_skip_auction_lines() {
    let mut plan = flightplan_core::sample_plan();
    let mb = plan.lines.iter().position(|l| l.vendor == "Morning Brew").unwrap();
    let mut second = plan.lines[mb].clone();
    second.id = "morningbrew-2".into();
    second.name = "Morning Brew — Classifieds".into();
    second.vendor = "morning  brew".into();
    plan.lines.push(second);
    let mut no_vendor = plan.lines[mb].clone();
    no_vendor.id = "print-1".into();
    no_vendor.channel = "Print".into();
    no_vendor.vendor = String::new();
    no_vendor.buying = Some(Buying::Offline);
    plan.lines.push(no_vendor);
    // An order is never addressed to a channel: without the vendor's name there is no order.
    let view = flightplan_core::compute(&plan).unwrap();
    let err = insertion_orders(&plan, &view).unwrap_err();
    assert_eq!((err.code.as_str(), err.path.as_deref(), err.line.as_deref()), ("missing_field", Some("lines[10].vendor"), Some("print-1")));
    plan.lines[10].vendor = "Daily Courier".into();
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = insertion_orders(&plan, &view).unwrap();
    let got: Vec<(&str, usize)> = orders.iter().map(|o| (o.vendor.as_str(), o.lines.len())).collect();
    assert_eq!(got, [("Morning Brew", 2), ("iHeartMedia", 1), ("Daily Courier", 1)]);
    let numbers: Vec<&str> = orders.iter().map(|o| o.number.as_str()).collect();
    assert!(numbers[0].starts_with("NCC-202701-") && numbers[0].ends_with("-01-V3"), "{numbers:?}");
    assert!(numbers[2].ends_with("-03-V3"), "{numbers:?}");
    assert_eq!(orders[0].net, Decimal::from_str("32000.00").unwrap());
}

#[test]
fn every_placement_is_on_the_order_however_many_and_they_add_up() {
    let mut plan = flightplan_core::sample_plan();
    let mb = plan.lines.iter().position(|l| l.vendor == "Morning Brew").unwrap();
    let base = plan.lines[mb].clone();
    for k in 0..60 {
        let mut l = base.clone();
        l.id = format!("mb-{k}");
        l.name = format!("Morning Brew — Dedicated send number {k} with a long descriptive placement name");
        l.budget = Some(Dec(Decimal::from(1000 + k)));
        plan.lines.push(l);
    }
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = render_insertion_orders(&plan, &view, &opts()).unwrap();
    let (o, r) = &orders[0];
    assert_eq!(o.lines.len(), 61);
    assert!(r.layout.folded > 0, "61 placements should not all fit page 1");
    assert!(!r.continued.is_empty());
    let of = 1 + r.continued.len();
    assert!(r.warnings.iter().any(|w| w.contains(&format!("runs to {of} pages"))), "{:?}", r.warnings);
    let dir = tempfile::tempdir().unwrap();
    let text = check_file(dir.path(), "many", r);
    let folded = squash(&format!("+ {} more placements, included in the total", r.layout.folded));
    assert!(text.contains(&folded), "fold row missing");
    assert!(text.contains(&squash(&format!("Page {of} of {of}"))));
    // Every placement is printed, numbered in order, with its net and a schedule row: the
    // vendor gets no other list of what was booked.
    let pages: Vec<&flightplan_pdf::Layout> = std::iter::once(&r.layout).chain(&r.continued).collect();
    let printed = |needle: &str| pages.iter().flat_map(|p| &p.texts).filter(|t| t.text == needle).count();
    for (k, i) in o.lines.iter().enumerate() {
        assert_eq!(printed(&(k + 1).to_string()), 1, "placement {} numbered once", k + 1);
        let name = &plan.lines[*i].name;
        let named = pages.iter().flat_map(|p| &p.texts).filter(|t| name.starts_with(t.text.trim_end_matches('…'))).count();
        assert!(named >= 2, "{name}: in the placements and the schedule");
    }
    // The totals include the placements on later pages.
    assert_eq!(o.net, Decimal::from(16000 + 60 * 1000 + (0..60).sum::<i64>()));
    assert!(text.contains(&squash(&money(&plan, o.net))));
}

#[test]
fn euro_plan_prints_in_its_number_style_on_letter() {
    let mut plan = flightplan_core::sample_plan();
    plan.currency = "EUR".into();
    plan.settings.number_style = NumberStyle::DotComma;
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = render_insertion_orders(&plan, &view, &IoOptions { paper: Some(Paper::Letter), issued_on: prepared_on() }).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (o, r) = &orders[0];
    let text = check_file(dir.path(), "eur", r);
    let net = money(&plan, o.net);
    assert!(net.contains("16.000,00"), "{net}");
    assert!(text.contains(&squash(&net)));
    let info = tool("pdfinfo", &[dir.path().join("eur.pdf").to_str().unwrap()]);
    assert!(info.contains("612 x 792"), "portrait letter: {info}");
}

#[test]
fn a_plan_without_direct_lines_has_no_orders() {
    let mut plan = flightplan_core::sample_plan();
    plan.lines.retain(|l| !matches!(l.buying, Some(Buying::Direct | Buying::Offline)));
    plan.scenarios.clear(); // they re-budget the radio line taken out here
    let view = flightplan_core::compute(&plan).unwrap();
    assert!(render_insertion_orders(&plan, &view, &opts()).unwrap().is_empty());
}

#[test]
fn renders_to_a_png() {
    let plan = flightplan_core::sample_plan();
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = render_insertion_orders(&plan, &view, &opts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("io.pdf");
    std::fs::write(&pdf, &orders[0].1.bytes).unwrap();
    let prefix = dir.path().join("io");
    tool("pdftoppm", &["-png", "-r", "80", pdf.to_str().unwrap(), prefix.to_str().unwrap()]);
    let png = dir.path().join("io-1.png");
    let img = image::open(&png).unwrap().to_rgb8();
    // Portrait A4 at 80 dpi (595 × 842 pt), with ink on it.
    assert!((661..=662).contains(&img.width()) && (935..=936).contains(&img.height()), "{}×{}", img.width(), img.height());
    let dark = img.pixels().filter(|p| p.0.iter().all(|c| *c < 128)).count();
    assert!(dark > 2000, "{dark} dark pixels");
}

/// Vendors whose names slug alike still get one file each, unique even ignoring case.
#[test]
fn every_vendor_gets_its_own_file_name() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["Acme-03", "Acme!", "Acme?"], &["acme-03.pdf", "acme-02.pdf", "acme-03-2.pdf"]),
        (&["Morning Brew", "iHeartMedia"], &["morning-brew.pdf", "iheartmedia.pdf"]),
        (&["ACME", "acme", "Acme."], &["acme-01.pdf", "acme-02.pdf", "acme-03.pdf"]),
        (&["???", "!!!"], &["vendor-01.pdf", "vendor-02.pdf"]),
        (&["vendor-02", "", "x"], &["vendor-02.pdf", "vendor-02-2.pdf", "x.pdf"]),
    ];
    for (vendors, want) in cases {
        let names = flightplan_pdf::io_file_names(vendors.iter().copied());
        assert_eq!(&names, want, "{vendors:?}");
        let lower: std::collections::HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(lower.len(), names.len(), "{vendors:?}");
    }
}

/// An order longer than 16 weeks shows the plan's months, each cell the core's month figure
/// for the line (`flightplan_core::report::Row::months`): the page adds nothing up.
#[test]
fn a_long_order_prints_the_cores_month_figures() {
    let plan = generated_plan(40);
    let view = flightplan_core::compute(&plan).unwrap();
    let orders = render_insertion_orders(&plan, &view, &opts()).unwrap();
    let (o, r) = orders.iter().find(|(o, _)| o.vendor == "Acast").expect("the podcast vendor's order");
    let rows = flightplan_core::report::line_rows(&plan, &view).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = check_file(dir.path(), "acast", r);
    if let Some(out) = std::env::var_os("FLIGHTPLAN_PDF_OUT") {
        std::fs::write(std::path::Path::new(&out).join("io-acast.pdf"), &r.bytes).unwrap();
    }
    assert!(text.contains("SCHEDULEBYMONTH") && text.contains("Jan2027") && text.contains("Dec2027"), "month columns missing: {text}");
    assert!(!text.contains('…'), "a figure or label is cut: {text}");
    let mut checked = 0;
    for i in o.lines.iter().take(r.layout.texts.len()) {
        for m in rows[*i].months.iter().filter(|m| m.net > Decimal::ZERO) {
            assert!(text.contains(&squash(&money(&plan, m.net))), "{}: month net {} missing", plan.lines[*i].id, m.net);
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} month figures checked");
}
