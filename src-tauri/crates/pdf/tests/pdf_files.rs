//! The rendered PDFs of the sample and fixture plans, checked with the same tools a client's
//! IT would use: one page, a clean file, every font embedded and subset, and every figure and
//! name present as `flightplan compute` formats it.

mod common;

use common::*;
use flightplan_core::money::{format_money, Currency};
use flightplan_core::plan::Plan;
use flightplan_pdf::{render, Detail, PdfOptions};

fn check_plan(label: &str, plan: &Plan, paper: Option<flightplan_core::plan::Paper>) {
    let report = report_of(plan);
    let view = &report.view;
    let out = render(&report, &PdfOptions { paper }).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{label}.pdf"));
    std::fs::write(&path, &out.bytes).unwrap();
    let p = path.to_str().unwrap();

    let info = tool("pdfinfo", &[p]);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "{label}: {info}");
    assert!(info.contains("Title:") && info.contains(&plan.client), "{label}: title metadata: {info}");
    assert!(info.lines().any(|l| l.starts_with("CreationDate:") && l.contains("2026")), "{label}: {info}");
    assert!(!info.contains("PDF subtype"), "{label}: claims a PDF/X or PDF/A subtype: {info}");

    let check = tool("qpdf", &["--check", p]);
    assert!(check.contains("No syntax or stream encoding errors"), "{label}: {check}");

    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{label}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "{label}: font not subset: {row}");
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{label}: font not embedded/subset/unicode: {row}");
    }

    let text = squash(&tool("pdftotext", &["-layout", p, "-"]));
    // A name cut with an ellipsis at a measured width must show its printed prefix.
    // Where no installed font has a script (CJK on a machine without Noto Sans CJK), the export
    // prints the replacement mark and says so in its warnings; the name is there, so marked.
    let missing_font = out.warnings.iter().any(|w| w.contains("no installed font"));
    let has = |needle: &str| {
        let full = squash(needle);
        text.contains(&full) || truncated_prefix(&full, &text).is_some() || (missing_font && printed_with_replacements(&full, &text))
    };
    assert!(has(&plan.client), "{label}: client {:?} missing", plan.client);
    assert!(has(&plan.name), "{label}: plan name {:?} missing", plan.name);
    if out.layout.detail == Detail::Lines {
        for l in &view.lines {
            assert!(has(&l.name), "{label}: line {:?} missing", l.name);
        }
    }
    for c in &report.channels {
        assert!(has(&c.channel), "{label}: channel {:?} missing", c.channel);
    }
    let c = Currency::from_code(&view.currency).unwrap();
    let style = plan.settings.number_style;
    let t = &view.totals;
    for (what, v) in
        [("net", t.net_media), ("commission", t.agency_commission), ("ad serving", t.ad_serving), ("tech", t.tech_fee), ("fees", t.fees), ("gross", t.gross)]
    {
        let s = squash(&format_money(v.0, c, style));
        assert!(text.contains(&s), "{label}: {what} total {s} missing");
    }
}

/// `needle` printed in `text` with some of its characters as the replacement mark (U+FFFD or
/// `?`), as the page prints a character no installed font has.
fn printed_with_replacements(needle: &str, text: &str) -> bool {
    let n: Vec<char> = needle.chars().collect();
    let t: Vec<char> = text.chars().collect();
    !n.is_empty() && t.windows(n.len()).any(|w| w.iter().zip(&n).all(|(a, b)| a == b || *a == '\u{FFFD}' || *a == '?'))
}

/// The longest prefix of `full` (at least 6 characters) printed in `text` followed by "…".
fn truncated_prefix(full: &str, text: &str) -> Option<String> {
    let chars: Vec<char> = full.chars().collect();
    (6..chars.len()).rev().map(|n| chars[..n].iter().collect::<String>()).find(|p| text.contains(&format!("{p}…")))
}

#[test]
fn sample_plan() {
    check_plan("sample", &flightplan_core::sample_plan(), None);
}

#[test]
fn sample_plan_on_letter() {
    check_plan("sample-letter", &flightplan_core::sample_plan(), Some(flightplan_core::plan::Paper::Letter));
}

#[test]
fn fixtures() {
    for name in ["tiny", "typical", "large-300x53", "unicode-long", "jpy", "eur-comma"] {
        check_plan(name, &fixture(name), None);
    }
}

#[test]
fn large_plan_shows_its_channels() {
    let plan = fixture("large-300x53");
    let report = report_of(&plan);
    let out = render(&report, &PdfOptions::default()).unwrap();
    assert_eq!(out.layout.detail, Detail::Channels);
    assert_eq!(out.layout.columns, flightplan_pdf::Columns::Months);
    assert!(out.warnings.iter().any(|w| w.contains(&format!("The 300 lines are shown as {} channel rows", report.channels.len()))), "{:?}", out.warnings);
}

#[test]
fn unicode_names_render_without_replacement_when_fonts_exist() {
    let plan = fixture("unicode-long");
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let text = tool_text(&out.bytes);
    for word in ["Zürich", "Łódź", "Ελλάδα", "Москва", "€"] {
        assert!(text.contains(word), "{word} missing");
    }
    // CJK needs a system font; without one the page shows a replacement and says so.
    let cjk_font = out.warnings.iter().all(|w| !w.contains("no installed font"));
    assert!(cjk_font == text.contains("東京"), "warnings: {:?}", out.warnings);
}

/// A plan's name is printed whole: smaller on one line, else on two lines, and only a name two
/// lines cannot hold is shortened, with the whole name in the warnings.
#[test]
fn a_long_plan_name_is_printed_whole() {
    let mut plan = fixture("unicode-long");
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let texts: Vec<&str> = out.layout.texts.iter().map(|t| t.text.as_str()).collect();
    let first = texts.iter().position(|t| t.len() > 20 && plan.name.starts_with(*t)).expect("the name's first line");
    assert_eq!(format!("{} {}", texts[first], texts[first + 1]), plan.name);
    assert!(!out.layout.shortened.contains(&plan.name));
    // As a reader copies it off the page (the footer's small line may still shorten it).
    let text = tool_text(&out.bytes);
    assert!(text.contains(texts[first]) && text.contains(texts[first + 1]), "{text}");

    // A little long: one line, a size down.
    plan.name = "Spring launch 2027 — always-on performance for the UK market".into();
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let line = out.layout.texts.iter().find(|t| t.text == plan.name).expect("the name on one line");
    assert!(line.size < 16.0 && line.size >= 12.5, "{}", line.size);

    plan.name = "A plan name far too long for any header ".repeat(8);
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    assert!(out.layout.shortened.contains(&plan.name), "a name cut is listed whole");
}

/// Bold text in a script the bundled font lacks (a Japanese client's name over the title, the
/// title itself) prints in the bold of the script's installed font, beside its regular.
#[test]
fn bold_japanese_prints_in_the_bold_cjk_face() {
    let mut plan = flightplan_core::sample_plan();
    plan.client = "東京ガス株式会社".into();
    plan.name = "春のキャンペーン 2027".into();
    plan.lines[0].name = "検索 — ブランド".into();
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, &out.bytes).unwrap();
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    let cjk = std::path::Path::new("/usr/share/fonts/opentype/noto");
    if cjk.join("NotoSansCJK-Bold.ttc").is_file() {
        assert!(fonts.contains("NotoSansCJKjp-Bold") && fonts.contains("NotoSansCJKjp-Regular"), "{fonts}");
    } else if cjk.join("NotoSansCJK-Regular.ttc").is_file() {
        assert!(fonts.contains("NotoSansCJKjp-Regular"), "without a bold CJK file the regular stands in: {fonts}");
    }
    assert!(tool_text(&out.bytes).contains("東京ガス株式会社"));
}

fn tool_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, bytes).unwrap();
    tool("pdftotext", &[path.to_str().unwrap(), "-"])
}

/// Notes print as written, line by line, and those left off for room are counted on the page as
/// well as in the warnings.
#[test]
fn notes_keep_their_lines_and_say_how_many_are_left_off() {
    let mut plan = flightplan_core::sample_plan();
    plan.notes = vec!["Assumptions:\n• Rates are Q4 2026 actuals\n• Reach is modelled".into()];
    plan.notes.extend((1..=12).map(|i| format!("Note {i}: rates hold until the end of the quarter.")));
    let out = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let text = tool_text(&out.bytes);
    let at = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} missing:\n{text}"));
    assert_eq!(at("• Rates are Q4 2026 actuals"), at("Assumptions:") + 1, "the list stays a list");
    assert_eq!(at("• Reach is modelled"), at("Assumptions:") + 2);
    let warning = out.warnings.iter().find(|w| w.contains("notes did not fit")).expect("notes left off");
    let left: usize = warning.split(' ').next().unwrap().parse().unwrap();
    assert!(text.contains(&format!("+ {left} more notes, all in the XLSX export")), "{text}");
}
