//! Report parsing under attack, on stable Rust inside `cargo test`: a fixed, seeded set of
//! inputs (random bytes, and mutations of every real and sample export, of near-valid CSV, and
//! of the XML inside near-valid workbooks) must each give a report or a clean `{code, message}`
//! error, never a panic, within a generous memory bound (counted by this binary's allocator)
//! and time bound (a hang detector, not a timing test). Same seed, same inputs, every run.

mod common;

use common::{number_cell, peak_during, sheet, text_cell, xlsx, Counting, Rng};
use flightplan_actuals::{read_report, DateRange, ReadOptions};
use flightplan_core::Dec;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

const CASES_PER_SEED: usize = 60;
const RANDOM_CASES: usize = 300;
const MEMORY_BOUND: usize = 256 << 20;
const TIME_BOUND: Duration = Duration::from_secs(60);

/// Tokens that break parsers: quotes, separators, line ends, totals, blanks, Excel quoting,
/// multibyte characters, numbers too large or too precise, impossible dates, XML specials.
const TOKENS: &[&str] = &[
    "\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "=\"",
    "Total",
    "Total: ",
    "--",
    "-",
    " ",
    "é",
    "2025-09-0é",
    "\u{feff}",
    "\u{0}",
    "99999999999999999999999999999999",
    "1e999",
    "1E-400",
    "(",
    ")",
    "%",
    "R$",
    "Rs.",
    "€",
    "1.234,5",
    "1,2,3",
    "2025-13-45",
    "2/30/2025",
    "31.02.2025",
    "ter., 5 de mai. de 2026",
    "<",
    ">",
    "&",
    "&amp;",
    "<row/>",
    "<c r=\"XFD1048576\"><v>1</v></c>",
    "<f>SUM(A1)</f>",
    "<v>",
    "</v>",
    "t=\"s\"",
    "<v>999999999</v>",
    "No data available.",
    "Reporting starts",
    "Amount spent (USD)",
    "Campaign",
    "Cost",
    "Impr.",
    "\u{202e}",
    "𝟘",
];

fn exports() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../../../../shared/platform-exports");
    assert!(shared.is_dir(), "{} is missing", shared.display());
    let mut out = Vec::new();
    for dir in [root.join("tests/data"), shared.clone(), shared.join("real")] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        names.sort();
        for p in names {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".json") || name.ends_with(".txt") {
                continue;
            }
            let mut bytes = std::fs::read(&p).unwrap();
            // Big files are cut to keep the work fixed and small.
            bytes.truncate(16 << 10);
            out.push((name, bytes));
        }
    }
    out
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            2 if !b.is_empty() => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 => b.truncate(at),
            4 if !b.is_empty() => {
                let from = rng.below(b.len());
                let end = (from + rng.below(256)).min(b.len());
                let chunk: Vec<u8> = b[from..end].to_vec();
                b.splice(at..at, chunk);
            }
            5 => {
                let n = rng.below(16);
                let noise: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                b.splice(at..at, noise);
            }
            _ => {
                // Replace a cell-sized run with a token.
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let end = (at + rng.below(12)).min(b.len());
                b.splice(at..end, t.iter().copied());
            }
        }
    }
    b
}

/// A near-valid workbook's sheet XML and shared strings.
fn workbook_parts() -> (String, String) {
    let rows = format!(
        r#"<row r="1">{}{}{}{}</row><row r="2"><c r="A2" t="s"><v>0</v></c>{}{}{}</row><row r="3">{}{}{}{}</row>"#,
        text_cell("A1", "Day"),
        text_cell("B1", "Campaign name"),
        text_cell("C1", "Amount spent (USD)"),
        text_cell("D1", "Impressions"),
        text_cell("B2", "LC"),
        number_cell("C2", "12.5"),
        number_cell("D2", "100"),
        text_cell("A3", "Total"),
        text_cell("B3", ""),
        number_cell("C3", "12.5"),
        number_cell("D3", "100")
    );
    let sheet = String::from_utf8(sheet(&rows)).unwrap();
    let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>2025-09-01</t></si></sst>"#.to_string();
    (sheet, shared)
}

fn check(label: &str, input: &[u8], opts: &ReadOptions) {
    let started = Instant::now();
    let (outcome, peak) = peak_during(|| catch_unwind(AssertUnwindSafe(|| read_report(input, "fuzz.csv", opts))));
    let shown = String::from_utf8_lossy(&input[..input.len().min(300)]).into_owned();
    match outcome {
        Err(_) => panic!("{label}: parsing panicked on {shown:?}"),
        Ok(Err(e)) => {
            assert!(!e.code.is_empty() && !e.message.is_empty(), "{label}: an error without code or message: {e:?}");
            assert!(e.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{label}: code {:?}", e.code);
        }
        Ok(Ok(r)) => {
            // A report's rows are real ranges, and its totals are their sums.
            assert!(r.rows.iter().all(|x| x.start <= x.end), "{label}");
            let spend = r.rows.iter().try_fold(rust_decimal::Decimal::ZERO, |s, x| s.checked_add(x.spend.0));
            assert_eq!(spend, Some(Dec::get(r.totals.spend)), "{label}: totals");
        }
    }
    assert!(peak < MEMORY_BOUND, "{label}: held {} MiB on {shown:?}", peak >> 20);
    assert!(started.elapsed() < TIME_BOUND, "{label}: took {:?} on {shown:?}", started.elapsed());
}

#[test]
fn any_bytes_give_a_report_or_a_clean_error() {
    let mut rng = Rng(0x5EED_F11E_2025_0001);
    let period = ReadOptions { period: Some(DateRange::parse("2025-01-01..2025-12-31").unwrap()), ..ReadOptions::default() };
    let plain = ReadOptions::default();
    let mut cases = 0usize;
    for k in 0..RANDOM_CASES {
        let n = rng.below(512);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        check(&format!("random {k}"), &bytes, &plain);
        cases += 1;
    }
    for (name, bytes) in exports() {
        for k in 0..CASES_PER_SEED {
            let m = mutate(&mut rng, &bytes);
            check(&format!("{name} mutation {k}"), &m, if k % 2 == 0 { &plain } else { &period });
            cases += 1;
        }
    }
    // Workbooks: mutate the XML inside, then zip it, so the archive is sound and the parts are not.
    let (sheet_xml, shared_xml) = workbook_parts();
    check("workbook as built", &xlsx(sheet_xml.as_bytes(), Some(shared_xml.as_bytes())), &plain);
    for k in 0..400 {
        let s = if k % 3 == 2 { sheet_xml.as_bytes().to_vec() } else { mutate(&mut rng, sheet_xml.as_bytes()) };
        let t = if k % 3 == 0 { shared_xml.as_bytes().to_vec() } else { mutate(&mut rng, shared_xml.as_bytes()) };
        let book = xlsx(&s, Some(&t));
        check(&format!("workbook {k}"), &book, &plain);
        // And the archive itself, damaged.
        check(&format!("workbook bytes {k}"), &mutate(&mut rng, &book), &plain);
        cases += 2;
    }
    assert!(cases > 2_000, "{cases} cases");
}
