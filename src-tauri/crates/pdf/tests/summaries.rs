//! The one-page plan at every size a planner meets: 1, 9, 40, 300 and 3,000 lines. Each is one
//! page, names every channel, prints nothing below the minimum type size (measured from the
//! PDF's own `Tf` operators), shows lines while they fit and channel rows when they do not, and
//! lists in its warnings whatever it leaves off. Set `FLIGHTPLAN_PDF_OUT=DIR` to keep the files.

mod common;

use common::*;
use flightplan_core::money::{format_money, Currency};
use flightplan_pdf::{render, Detail, PdfOptions, MIN_TYPE_PT};

/// (lines, what a row stands for, whether some notes are left off)
const CASES: &[(usize, Detail, bool)] =
    &[(1, Detail::Lines, false), (9, Detail::Lines, false), (40, Detail::Channels, true), (300, Detail::Channels, true), (3000, Detail::Channels, true)];

#[test]
fn every_size_reads_on_one_page() {
    let keep = std::env::var_os("FLIGHTPLAN_PDF_OUT");
    let dir = tempfile::tempdir().unwrap();
    for (n, detail, notes_left_off) in CASES {
        let plan = generated_plan(*n);
        let report = report_of(&plan);
        let out = render(&report, &PdfOptions::default()).unwrap();
        let label = format!("{n} lines");
        let path = match &keep {
            Some(d) => std::path::Path::new(d).join(format!("generated-{n}.pdf")),
            None => dir.path().join(format!("generated-{n}.pdf")),
        };
        std::fs::write(&path, &out.bytes).unwrap();
        let p = path.to_str().unwrap();

        let info = tool("pdfinfo", &[p]);
        assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "{label}: {info}");
        assert!(!info.contains("PDF subtype"), "{label}: {info}");
        let check = tool("qpdf", &["--check", p]);
        assert!(check.contains("No syntax or stream encoding errors"), "{label}: {check}");

        // What each row stands for.
        assert_eq!(out.layout.detail, *detail, "{label}");
        let text = squash(&tool("pdftotext", &["-raw", p, "-"]));
        // Every channel is named on the page, in full.
        for c in &report.channels {
            assert!(text.contains(&squash(&c.channel)), "{label}: channel {:?} missing", c.channel);
        }
        // The totals, as the core gives them.
        let fmt = |v| squash(&format_money(v, Currency::from_code("EUR").unwrap(), plan.settings.number_style));
        let t = &report.view.totals;
        for v in [t.net_media, t.fees, t.gross] {
            assert!(text.contains(&fmt(v.0)), "{label}: total {} missing", fmt(v.0));
        }
        match detail {
            Detail::Lines => {
                for l in &report.view.lines {
                    assert!(text.contains(&squash(&l.name)), "{label}: line {:?} missing", l.name);
                }
            }
            _ => {
                // Each channel row: its net and its line count; no row holds most of the budget
                // unless a single channel does.
                for c in &report.channels {
                    assert!(text.contains(&fmt(c.net)), "{label}: {} net {} missing", c.channel, fmt(c.net));
                    let count = format!("{}line{}", c.lines.len(), if c.lines.len() == 1 { "" } else { "s" });
                    assert!(text.contains(&count), "{label}: {} line count missing", c.channel);
                }
                assert!(
                    out.warnings.iter().any(|w| w.contains(&format!("The {n} lines are shown as {} channel rows", report.channels.len()))),
                    "{label}: {:?}",
                    out.warnings
                );
                assert!(text.contains("Other") == report.channels.iter().any(|c| c.channel.contains("Other")), "{label}: an Other row appeared");
            }
        }
        // No text below the minimum: from the layout, and from the PDF's own operators.
        let smallest = out.layout.texts.iter().map(|t| t.size).fold(f32::MAX, f32::min);
        assert!(smallest >= MIN_TYPE_PT, "{label}: layout uses {smallest} pt");
        let sizes = font_sizes(&path);
        assert!(!sizes.is_empty(), "{label}: no Tf operators found");
        let smallest = sizes.iter().copied().fold(f32::MAX, f32::min);
        assert!(smallest >= MIN_TYPE_PT - 0.001, "{label}: the PDF sets {smallest} pt type");

        // Whatever is left off is in the warnings, and nothing is cut with "…" unannounced.
        let shortened = out.layout.texts.iter().filter(|t| t.text.ends_with('…')).count();
        assert_eq!(shortened > 0, out.warnings.iter().any(|w| w.contains("shortened")), "{label}: {:?}", out.warnings);
        let notes_warning = out.warnings.iter().find(|w| w.contains("notes did not fit"));
        assert_eq!(notes_warning.is_some(), *notes_left_off, "{label}: {:?}", out.warnings);
        if let Some(w) = notes_warning {
            // "D of N notes …": the D left off are quoted in full (the first 25) or counted in
            // "and K more"; a note is printed whole or listed, never both, and every planner's
            // note not printed is accounted for.
            let nums: Vec<usize> = w.split(' ').take(3).filter_map(|t| t.parse().ok()).collect();
            let (dropped, total) = (nums[0], nums[1]);
            let quotes = w.matches('\u{201c}').count();
            let counted =
                if quotes == 25 { w.rsplit("and ").next().and_then(|t| t.split(' ').next()).and_then(|n| n.parse::<usize>().ok()).unwrap_or(0) } else { 0 };
            assert_eq!(quotes + counted, dropped, "{label}: {w}");
            let mut printed = 0;
            for note in &report.plan.notes {
                let (p, q) = (text.contains(&squash(note)), w.contains(note.as_str()));
                assert!(!(p && q), "{label}: note {note:?} printed and listed");
                assert!(p || q || counted > 0, "{label}: note {note:?} neither printed nor listed");
                printed += usize::from(p);
            }
            assert!(printed <= total - dropped, "{label}: {printed} notes printed, {} kept", total - dropped);
        }
        let creative: usize = report.plan.lines.iter().map(|l| l.creative.len()).sum();
        if text.contains("allintheXLSXexport") {
            assert!(out.warnings.iter().any(|w| w.contains(&format!("of {creative} creative items did not fit"))), "{label}: {:?}", out.warnings);
        }
    }
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let plan = generated_plan(40);
    let a = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    let b = render(&report_of(&plan), &PdfOptions::default()).unwrap();
    assert!(a.bytes == b.bytes, "two renders of one report differ");
    let later = flightplan_core::report(&plan, chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()).unwrap();
    assert!(render(&later, &PdfOptions::default()).unwrap().bytes != a.bytes, "the day is printed and dated");
}

/// A plan over more channels than one page has rows for (90 channels, 400 lines): one row per
/// medium, each with its channel and line counts and its totals, so every unit of money sits
/// under a named row and nothing is folded into "Other"; the warning says so.
#[test]
fn too_many_channels_are_summed_by_medium() {
    let plan = generated_plan_over(400, 90);
    let report = report_of(&plan);
    assert_eq!(report.channels.len(), 90);
    let out = render(&report, &PdfOptions::default()).unwrap();
    assert_eq!(out.layout.detail, Detail::Media);
    let keep = std::env::var_os("FLIGHTPLAN_PDF_OUT");
    let dir = tempfile::tempdir().unwrap();
    let path = match &keep {
        Some(d) => std::path::Path::new(d).join("generated-400x90.pdf"),
        None => dir.path().join("many.pdf"),
    };
    std::fs::write(&path, &out.bytes).unwrap();
    let text = squash(&tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]));
    let fmt = |v| squash(&format_money(v, Currency::from_code("EUR").unwrap(), plan.settings.number_style));
    for m in &report.media {
        assert!(text.contains(&squash(&m.channel)), "{} missing", m.channel);
        assert!(text.contains(&fmt(m.net)), "{} net missing", m.channel);
        assert!(text.contains(&squash(&format!("{} channels · {} lines", m.channels, m.lines.len()))), "{} counts missing", m.channel);
    }
    assert!(!text.contains("Other("), "nothing is folded");
    assert!(
        out.warnings.iter().any(|w| w.contains(&format!("The 400 lines in 90 channels are shown as {} media rows", report.media.len()))),
        "{:?}",
        out.warnings
    );
    assert!(font_sizes(&path).iter().all(|s| *s >= MIN_TYPE_PT - 0.001));
}

/// On a narrow panel (Letter, a three-place currency written by its code, a large budget) the
/// totals' labels drop their basis, then their rate, before anything is cut: no figure's label
/// ends in "…".
#[test]
fn totals_labels_shorten_before_they_are_cut() {
    let mut plan = flightplan_core::sample_plan();
    plan.currency = "KWD".into();
    plan.budget = flightplan_core::Dec("9999999999.999".parse().unwrap());
    plan.settings.paper = flightplan_core::plan::Paper::Letter;
    let out = flightplan_pdf::render(&report_of(&plan), &flightplan_pdf::PdfOptions::default()).unwrap();
    let cut: Vec<&String> =
        out.layout.shortened.iter().filter(|s| ["Commission", "Ad serving", "Tech & data", "Plan budget"].iter().any(|w| s.starts_with(w))).collect();
    assert!(cut.is_empty(), "{cut:?}");
    let texts: Vec<&str> = out.layout.texts.iter().map(|t| t.text.as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with("Commission (15%")), "{texts:?}");
    assert!(texts.iter().any(|t| t.ends_with("unallocated")), "{texts:?}");
}
