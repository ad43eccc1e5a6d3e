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
    "grand total",
    "totals",
    "total geral",
    "total general",
    "total général",
    "totales",
    "totaux",
    "totale complessivo",
    "totale generale",
    "totale",
    "totaal",
    "eindtotaal",
    "total",
    "gesamtergebnis",
    "gesamtsumme",
    "gesamt",
    "insgesamt",
    "summen",
    "summe",
    "jumlah",
    "合計",
    "総計",
    "総合計",
    "summary",
];

/// Words that count what a total row sums: `14 results`, `14 Ergebnisse`, `3 campaigns`.
const COUNT_NOUNS: &[&str] = &[
    "result",
    "results",
    "row",
    "rows",
    "campaign",
    "campaigns",
    "ad",
    "ads",
    "item",
    "items",
    "record",
    "records",
    "resultado",
    "resultados",
    "campanha",
    "campanhas",
    "campaña",
    "campañas",
    "linha",
    "linhas",
    "fila",
    "filas",
    "résultat",
    "résultats",
    "campagne",
    "campagnes",
    "ligne",
    "lignes",
    "ergebnis",
    "ergebnisse",
    "kampagne",
    "kampagnen",
    "zeile",
    "zeilen",
    "risultato",
    "risultati",
    "campagna",
    "riga",
    "righe",
    "resultaat",
    "resultaten",
    "rij",
    "rijen",
    "hasil",
    "kampanye",
    "baris",
];

/// `Results from 14 campaigns`, as Ads Manager labels its summary row, in its languages.
const RESULTS_FROM: &[&str] =
    &["results from", "resultados de", "résultats de", "ergebnisse von", "ergebnisse aus", "risultati da", "risultati di", "resultaten van", "hasil dari"];

/// What a label cell says about its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Not a total word, or a name that starts with one (`Total Wine`, `Total 360 – Autumn`).
    Name,
    /// A platform's total row: `Total`, `Total: Account`, `Total – 14 results`.
    Total,
    /// A total word, a dash and more (`Total - filtered`, or a campaign `Total – Autumn`): the
    /// row's other cells decide.
    Perhaps,
}

/// `14 results`, `1,234 Ergebnisse`, `14件`: a number and what it counts.
fn is_count(s: &str) -> bool {
    let s = s.trim_start();
    let digits = s.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'))).unwrap_or(s.len());
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let rest = s[digits..].trim_start();
    if rest.starts_with(['件', '行', '個', '条', '개']) {
        return true;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    COUNT_NOUNS.contains(&word.as_str())
}

/// What a label cell says: `Total`, `Total: Campaigns` (and the French `Total : Campagnes`),
/// `Total of 14 results`, `Total (3 campaigns)`, `Insgesamt 14 Ergebnisse`, `合計14件`,
/// `Results from 14 campaigns` are totals; `Total - filtered` perhaps; `Total Wine`, `Total 360
/// – Autumn Blend` and `Summary 2025 - Launch` are names (a number that counts nothing is part
/// of a name).
pub fn label(cell: &str) -> Label {
    let c = cell.trim();
    if !c.starts_with(['t', 'T', 'g', 'G', 's', 'S', 'j', 'J', 'i', 'I', 'e', 'E', 'r', 'R', 'h', 'H', '合', '総']) {
        return Label::Name;
    }
    let lower = c.to_lowercase();
    if RESULTS_FROM.iter().any(|p| lower.strip_prefix(p).is_some_and(|rest| rest.starts_with(' ') && is_count(rest))) {
        return Label::Total;
    }
    let mut said = Label::Name;
    for w in TOTAL_WORDS {
        let Some(rest) = lower.strip_prefix(w) else { continue };
        let spaced = rest.trim_start();
        let connector = [" of ", " de ", " des ", " di ", " van ", " von ", " dari "].iter().find_map(|p| rest.strip_prefix(p));
        let dashed = ["-", "–", "—"].iter().find_map(|d| spaced.strip_prefix(d)).filter(|_| rest.starts_with(' ') || rest.starts_with(['-', '–', '—']));
        if rest.is_empty()
            || spaced.starts_with([':', '：'])
            || rest.starts_with(" (")
            || connector.is_some_and(is_count)
            || ((rest.starts_with(' ') || !w.is_ascii()) && is_count(rest))
            || dashed.is_some_and(is_count)
        {
            return Label::Total;
        }
        if dashed.is_some() {
            said = Label::Perhaps;
        }
    }
    said
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
            "Total",
            "Total: Campaigns",
            "Total: Conta",
            "Total of 14 results",
            "Totale",
            "Gesamt",
            "合計",
            "TOTAL",
            "Total (3 campaigns)",
            "Total 14 results",
            "Total geral",
            "Total général",
            "Total general",
            "Totale complessivo",
            "Gesamtsumme",
            "Totales",
            "Totaux",
            "Summen",
            "Insgesamt 14 Ergebnisse",
            "合計14件",
            "Total : Campagnes",
            "Grand Total",
            "Total de 14 resultados",
            "Eindtotaal",
            "Total – 14 results",
            "Total - 1,234 rows",
            "Results from 14 campaigns",
            "Resultados de 3 campanhas",
        ] {
            assert_eq!(label(c), Label::Total, "{c}");
        }
        for c in ["Total - filtered", "Total – Autumn Blend", "Gesamt - gefiltert"] {
            assert_eq!(label(c), Label::Perhaps, "{c}");
        }
        for c in [
            "Total Wine - Search",
            "Totally Awesome",
            "Campaign total",
            "Totalement",
            "Gesamtkunstwerk",
            "Insgesamtheit",
            "",
            "Total 360 – Autumn Blend",
            "Summary 2025 - Autumn Blend",
            "Total de Marca",
            "Results from search",
            "Total 2025",
        ] {
            assert_eq!(label(c), Label::Name, "{c}");
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
