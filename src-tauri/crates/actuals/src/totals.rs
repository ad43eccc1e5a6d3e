//! Totals: what a report's data rows add up to, and the rows a platform adds that are totals,
//! not data (Google's `Total: Campaigns`, `Total: Account`, TikTok's `Total of 14 results`,
//! Microsoft's `Total - filtered`, Meta's summary row).
//!
//! A planner compares Flightplan's reading of a file with the platform's own total, so the sum
//! of every data row read (matched to a line or not) is reported, and when the file's first
//! total row disagrees with it a warning says so (Google's `Total: Account` may rightly be more
//! than the rows: removed campaigns count only there, so only the first total row is compared).

use crate::cells::{number, Decimals};
use flightplan_core::Dec;
use flightplan_core::Error;
use rust_decimal::Decimal;
use serde::Serialize;

/// The sums of every data row read, matched or not. A measure the file has no column for is
/// `null`, not 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub spend: Dec,
    pub impressions: Option<Dec>,
    pub clicks: Option<Dec>,
    pub conversions: Option<Dec>,
}

fn plus(a: Decimal, b: Decimal) -> Result<Decimal, Error> {
    a.checked_add(b).ok_or_else(|| Error::overflow("the report's totals"))
}

impl Totals {
    /// Start with the measures the file has columns for.
    pub fn with(impressions: bool, clicks: bool, conversions: bool) -> Totals {
        let z = |has: bool| has.then_some(Decimal::ZERO);
        Totals { spend: Dec(Decimal::ZERO), impressions: z(impressions).map(Dec), clicks: z(clicks).map(Dec), conversions: z(conversions).map(Dec) }
    }

    /// Add a data row's figures (checked: an overflow is an error, never a panic).
    pub fn add(&mut self, spend: Decimal, impressions: Option<Decimal>, clicks: Option<Decimal>, conversions: Option<Decimal>) -> Result<(), Error> {
        self.spend = Dec(plus(self.spend.0, spend)?);
        for (acc, v) in [(&mut self.impressions, impressions), (&mut self.clicks, clicks), (&mut self.conversions, conversions)] {
            if let (Some(a), Some(v)) = (acc.as_mut(), v) {
                *a = Dec(plus(a.0, v)?);
            }
        }
        Ok(())
    }
}

/// Words that open a total row, in the catalogue's languages: the platforms' own (`Total`,
/// `Gesamt`, `合計`), the spreadsheets' pivot totals (`Grand Total`, `Total geral`, `Total
/// général`, `Totale complessivo`, `Gesamtsumme`, `Eindtotaal`) and their plurals (`Totales`,
/// `Totaux`, `Summen`). A phrase must end where a word ends: `Totally` opens no total.
const TOTAL_WORDS: &[&str] = &[
    "grand total", "totals", "total geral", "total general", "total général", "totales", "totaux", "totale complessivo", "totale generale", "totale",
    "totaal", "eindtotaal", "total", "gesamtergebnis", "gesamtsumme", "gesamt", "insgesamt", "summen", "summe", "jumlah", "合計", "総計", "総合計",
    "summary",
];

/// Whether a cell opens a platform total row: `Total`, `Total: Campaigns` (and the French
/// `Total : Campagnes`), `Total - filtered`, `Total of 14 results`, `Gesamt`, `Insgesamt 14
/// Ergebnisse`, `合計14件`. A campaign named `Total Wine` is not one.
pub fn is_total(cell: &str) -> bool {
    let c = cell.trim();
    if !c.starts_with(['t', 'T', 'g', 'G', 's', 'S', 'j', 'J', 'i', 'I', 'e', 'E', '合', '総']) {
        return false;
    }
    let lower = c.to_lowercase();
    TOTAL_WORDS.iter().any(|w| match lower.strip_prefix(w) {
        Some(rest) => {
            let spaced = rest.trim_start();
            rest.is_empty()
                || spaced.starts_with(':')
                || spaced.starts_with('：')
                || [" -", " –", " —", " (", " of ", " de ", " des ", " di ", " van ", " von ", " dari "].iter().any(|p| rest.starts_with(p))
                || ((rest.starts_with(' ') || !w.is_ascii()) && spaced.starts_with(|ch: char| ch.is_ascii_digit()))
        }
        None => false,
    })
}

/// A platform total row kept for comparison: its line, label and figures as written.
#[derive(Debug, Clone)]
pub struct TotalRow {
    pub line: usize,
    pub label: String,
    pub cells: [Option<String>; 4],
}

/// Compare the file's total row with the sum of its rows; a message for each measure that
/// differs (a figure the total row does not give, or cannot be read, is not compared).
pub fn compare(row: &TotalRow, sums: &Totals, decimals: Decimals) -> Option<String> {
    let ours = [Some(sums.spend), sums.impressions, sums.clicks, sums.conversions];
    let names = ["spend", "impressions", "clicks", "conversions"];
    let mut diffs = Vec::new();
    for k in 0..4 {
        let theirs = row.cells[k].as_deref().and_then(|c| number(c, decimals).ok().flatten()).map(|a| a.value);
        if let (Some(t), Some(o)) = (theirs, ours[k]) {
            if t != o {
                diffs.push(format!("{} {} (the rows sum to {})", names[k], t, o));
            }
        }
    }
    if diffs.is_empty() {
        return None;
    }
    Some(format!(
        "the file's own total row (\"{}\") differs from the sum of its data rows: {}; rows the export hides (removed campaigns, filters) or rows that could not be read explain this",
        crate::cells::shorten(&row.label),
        diffs.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_rows_of_every_kind() {
        for c in [
            "Total", "Total: Campaigns", "Total: Conta", "Total - filtered", "Total of 14 results", "Totale", "Gesamt", "合計", "TOTAL", "Total (3 campaigns)",
            "Total 14 results", "Total geral", "Total général", "Total general", "Totale complessivo", "Gesamtsumme", "Totales", "Totaux", "Summen",
            "Insgesamt 14 Ergebnisse", "合計14件", "Total : Campagnes", "Grand Total", "Total de 14 resultados", "Eindtotaal",
        ] {
            assert!(is_total(c), "{c}");
        }
        for c in ["Total Wine - Search", "Totally Awesome", "Campaign total", "Totalement", "Gesamtkunstwerk", "Insgesamtheit", ""] {
            assert!(!is_total(c), "{c}");
        }
    }

    #[test]
    fn sums_are_checked() {
        let mut t = Totals::with(true, false, true);
        t.add(Decimal::MAX, None, None, None).unwrap();
        assert_eq!(t.add(Decimal::ONE, None, None, None).unwrap_err().code, "overflow");
        assert_eq!(t.clicks, None);
    }
}
