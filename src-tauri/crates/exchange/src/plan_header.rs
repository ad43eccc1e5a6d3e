//! The plan's own details in a spreadsheet: the labelled cells planners put above the lines or on
//! a sheet of their own (`Client: Acme`, `Campaign Name: | Spring launch`, `Budget | $30,000`).
//!
//! A label is a cell whose text (without a trailing colon) is one of the names below; its value is
//! the next non-empty cell to its right (unless that is another label), or the text after the
//! colon in the same cell. A row may hold several pairs (`Start date | 2027-04-01 | End date |
//! 2027-06-27`): each is read, the scan going on after each value. The first sheet scanned wins a
//! field; within a sheet the more telling label wins (`Campaign Name` over `Media Plan Name`).

use crate::preview::SourceRef;
use flightplan_actuals::Record;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeaderField {
    Name,
    Client,
    Brand,
    Currency,
    Budget,
    Start,
    End,
    Period,
    PreparedBy,
    Objective,
    Universe,
    CommissionPct,
    CommissionBasis,
    AdServingCpm,
    TechFeePct,
    FunnelStage,
    PrimaryKpi,
    KpiTarget,
    TargetAudience,
    AudienceSummary,
    Status,
    Version,
    EffectiveFrequency,
}

const LABELS: &[(HeaderField, &[&str])] = &[
    (HeaderField::Name, &["plan name", "campaign name", "campaign", "media plan name", "plan", "media plan", "campaign title", "plan title"]),
    (HeaderField::Client, &["client", "advertiser", "advertiser name", "client name", "account", "kunde", "cliente", "annonceur"]),
    (HeaderField::Brand, &["brand", "product", "product name", "brand name"]),
    (HeaderField::Currency, &["currency", "budget currency", "plan currency"]),
    (HeaderField::Budget, &["budget", "plan budget", "total budget", "budget total", "campaign budget", "media budget", "net budget"]),
    (HeaderField::Start, &["start date", "start", "campaign start", "plan start", "campaign start date"]),
    (HeaderField::End, &["end date", "end", "campaign end", "plan end", "campaign end date"]),
    (HeaderField::Period, &["period", "campaign period", "flight", "flight dates", "campaign dates", "plan period"]),
    (HeaderField::PreparedBy, &["prepared by", "planner", "created by name", "created by", "author"]),
    (HeaderField::Objective, &["objective", "campaign objective", "business objective"]),
    (HeaderField::Universe, &["universe", "target universe"]),
    (HeaderField::CommissionPct, &["agency commission %", "commission %", "agency commission (%)"]),
    (HeaderField::CommissionBasis, &["commission basis", "agency commission basis"]),
    (HeaderField::AdServingCpm, &["ad serving cpm"]),
    (HeaderField::TechFeePct, &["tech fee %", "tech & data fee %", "tech fee (%)"]),
    (HeaderField::FunnelStage, &["funnel stage", "goal stage", "funnel"]),
    (HeaderField::PrimaryKpi, &["primary kpi", "main kpi"]),
    (HeaderField::KpiTarget, &["primary kpi target", "main kpi target"]),
    (HeaderField::TargetAudience, &["target audience", "primary audience"]),
    (HeaderField::AudienceSummary, &["audience in one line", "audience summary", "audience description"]),
    (HeaderField::Status, &["plan status"]),
    (HeaderField::Version, &["plan version", "version"]),
    (HeaderField::EffectiveFrequency, &["effective frequency"]),
];

fn label_of(text: &str) -> Option<(HeaderField, usize)> {
    let t = text.trim().trim_end_matches(':').trim().to_lowercase();
    let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    LABELS.iter().find_map(|(f, names)| names.iter().position(|n| *n == t).map(|rank| (*f, rank)))
}

/// A labelled value found in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderValue {
    pub field: HeaderField,
    pub value: String,
    pub at: SourceRef,
    rank: usize,
}

/// The labelled values of some rows of a sheet, best label per field (over every sheet scanned:
/// a better label wins, an equal one found earlier stays).
pub fn scan(records: &[Record], sheet: Option<&str>, found: &mut Vec<HeaderValue>) {
    let here = found;
    for r in records {
        let mut i = 0;
        while let Some(cell) = r.cells.get(i) {
            i += 1;
            let (label, inline) = match cell.split_once(':') {
                Some((l, v)) if !v.trim().is_empty() && label_of(l).is_some() => (l, Some(v.trim().to_string())),
                _ => (cell.as_str(), None),
            };
            let Some((field, rank)) = label_of(label) else { continue };
            let value = match inline {
                Some(v) => Some(v),
                None => {
                    // The next non-empty cell, within three, unless it is the next label.
                    let next = r.cells.iter().enumerate().skip(i).take(3).find(|(_, c)| !c.trim().is_empty());
                    match next {
                        Some((j, c)) if !is_label(c) => {
                            i = j + 1;
                            Some(c.trim().to_string())
                        }
                        _ => None,
                    }
                }
            };
            let Some(value) = value else { continue };
            let mut at = SourceRef::row(sheet, r.line);
            at.column = Some(cell.trim().trim_end_matches(':').to_string());
            match here.iter_mut().find(|h| h.field == field) {
                Some(h) if h.rank <= rank => {}
                Some(h) => *h = HeaderValue { field, value, at, rank },
                None => here.push(HeaderValue { field, value, at, rank }),
            }
        }
    }
}

/// Whether a cell is a label (so a lone title row is not mistaken for one).
pub fn is_label(text: &str) -> bool {
    label_of(text.split(':').next().unwrap_or(text)).is_some()
}

pub fn get(found: &[HeaderValue], field: HeaderField) -> Option<&HeaderValue> {
    found.iter().find(|h| h.field == field)
}

#[cfg(test)]
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;

    fn rec(line: usize, cells: &[&str]) -> Record {
        Record { line, cells: cells.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn labels_beside_or_inside_their_cell() {
        let rows = vec![
            rec(1, &["Media Plan Name:", "Q1 draft", "", "Human-readable name"]),
            rec(2, &["Campaign Name:", "Spring launch"]),
            rec(3, &["Client: Harbour & Finch"]),
            rec(4, &["", "Budget", "", "$250,000"]),
            rec(5, &["Notes", "Budget is net"]),
        ];
        let mut found = Vec::new();
        scan(&rows, Some("Campaign"), &mut found);
        assert_eq!(get(&found, HeaderField::Name).unwrap().value, "Spring launch");
        assert_eq!(get(&found, HeaderField::Client).unwrap().value, "Harbour & Finch");
        let budget = get(&found, HeaderField::Budget).unwrap();
        assert_eq!((budget.value.as_str(), budget.at.row), ("$250,000", Some(4)));
        assert!(get(&found, HeaderField::Currency).is_none());
    }

    #[test]
    fn every_label_and_value_pair_on_a_row_is_read() {
        // (the row, every field found with its value)
        let cases: [(&[&str], &[(HeaderField, &str)]); 5] = [
            (&["Client", "Acme", "", "Currency", "EUR"], &[(HeaderField::Client, "Acme"), (HeaderField::Currency, "EUR")]),
            (&["Start date", "2027-01-04", "", "End date", "2027-06-27"], &[(HeaderField::Start, "2027-01-04"), (HeaderField::End, "2027-06-27")]),
            (&["Budget", "100000", "", "Agency commission %", "15"], &[(HeaderField::Budget, "100000"), (HeaderField::CommissionPct, "15")]),
            (&["Client: Acme", "Brand: Finch", "Plan", "Q2"], &[(HeaderField::Client, "Acme"), (HeaderField::Brand, "Finch"), (HeaderField::Name, "Q2")]),
            // A label with its value left blank does not take the next label as its value.
            (&["Start date", "", "End date", "2027-06-27"], &[(HeaderField::End, "2027-06-27")]),
        ];
        for (cells, want) in cases {
            let mut found = Vec::new();
            scan(&[rec(3, cells)], None, &mut found);
            let got: Vec<(HeaderField, &str)> = found.iter().map(|h| (h.field, h.value.as_str())).collect();
            assert_eq!(got, want.to_vec(), "{cells:?}");
        }
    }
}
