//! Which spreadsheet column holds which part of a media line, guessed from its header and
//! corrected by the planner in a [`PlanMapping`] that is saved for the next file of the layout.
//!
//! Agencies name the same thing many ways (`Budget`, `Net cost`, `Investment`, `Cost Total`;
//! `Vendor`, `Publisher`, `Vehicle`); a header is matched whole, after dropping case,
//! punctuation and a currency in brackets, against the names each field is known by. A column
//! headed with a pricing model's rate (`CPM`, `Cost per Click`) says the model as well.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportField"))]
#[serde(rename_all = "snake_case")]
pub enum LineField {
    Id,
    Name,
    Channel,
    /// The medium (TV, radio, out of home, print…): what the line books in and how its reach
    /// is modelled. A sheet whose only such column is `Medium` files its lines under it too.
    Medium,
    Vendor,
    Role,
    Buying,
    Pricing,
    /// The rate of the line's pricing model (the model from a `pricing` column or the figures).
    Rate,
    /// A rate that names its model: CPM, CPC, CPA, CPV, CPP.
    Cpm,
    Cpc,
    Cpa,
    Cpv,
    Cpp,
    /// Net media: what the media owner is paid.
    Budget,
    /// Percent of the plan budget.
    Share,
    Start,
    End,
    /// Start and end in one cell (`4 Jan – 28 Mar 2027`).
    Flight,
    Impressions,
    Clicks,
    Conversions,
    Views,
    Grps,
    /// The audience a line's vehicle measures itself against (a station's own listeners).
    Universe,
    /// What a traditional line books: a count with its unit named in a `Unit` column
    /// (Flightplan's exports), or spots, faces or insertions by their own columns.
    Units,
    Unit,
    Spots,
    Faces,
    Insertions,
    /// A broadcast spot's length in seconds.
    SpotLength,
    Ctr,
    Cvr,
    Vtr,
    Kpi,
    KpiTarget,
    /// Each row's currency code.
    Currency,
    /// Rate converting the row's currency into the plan's.
    ExchangeRate,
    Notes,
    /// Flightplan's own exports: the line's fees and gross, read to recover the plan's fees.
    AgencyCommission,
    AdServing,
    TechFee,
    /// The planner's "not a line field": overrides a guess.
    Ignore,
}

impl LineField {
    pub fn label(self) -> &'static str {
        match self {
            LineField::Id => "line id",
            LineField::Name => "line name",
            LineField::Channel => "channel",
            LineField::Medium => "medium",
            LineField::Vendor => "vendor",
            LineField::Role => "role",
            LineField::Buying => "buying method",
            LineField::Pricing => "pricing model",
            LineField::Rate => "rate",
            LineField::Cpm => "CPM",
            LineField::Cpc => "CPC",
            LineField::Cpa => "CPA",
            LineField::Cpv => "CPV",
            LineField::Cpp => "CPP",
            LineField::Budget => "net media (cost)",
            LineField::Share => "share of budget",
            LineField::Start => "start",
            LineField::End => "end",
            LineField::Flight => "flight dates",
            LineField::Impressions => "impressions",
            LineField::Clicks => "clicks",
            LineField::Conversions => "conversions",
            LineField::Views => "views",
            LineField::Grps => "GRPs",
            LineField::Universe => "universe",
            LineField::Units => "units booked",
            LineField::Unit => "unit (spots, faces, insertions)",
            LineField::Spots => "spots",
            LineField::Faces => "faces",
            LineField::Insertions => "insertions",
            LineField::SpotLength => "spot length",
            LineField::Ctr => "CTR",
            LineField::Cvr => "CVR",
            LineField::Vtr => "view rate",
            LineField::Kpi => "KPI",
            LineField::KpiTarget => "KPI target",
            LineField::Currency => "currency",
            LineField::ExchangeRate => "exchange rate",
            LineField::Notes => "notes",
            LineField::AgencyCommission => "agency commission",
            LineField::AdServing => "ad serving",
            LineField::TechFee => "tech fee",
            LineField::Ignore => "not imported",
        }
    }

    /// The pricing model a rate column names.
    pub fn pricing(self) -> Option<flightplan_core::plan::Pricing> {
        use flightplan_core::plan::Pricing;
        match self {
            LineField::Cpm => Some(Pricing::Cpm),
            LineField::Cpc => Some(Pricing::Cpc),
            LineField::Cpa => Some(Pricing::Cpa),
            LineField::Cpv => Some(Pricing::Cpv),
            LineField::Cpp => Some(Pricing::Cpp),
            _ => None,
        }
    }
}

/// Header names per field, most telling first (an earlier name wins a field over a later one).
const NAMES: &[(LineField, &[&str])] = &[
    (LineField::Id, &["id", "line id", "line item id", "lineitem id", "placement id"]),
    (
        LineField::Name,
        &[
            "line",
            "line name",
            "line item",
            "line item name",
            "name",
            "placement",
            "placement name",
            "campaign name",
            "campaign",
            "tactic",
            "description",
            "ad set",
        ],
    ),
    (LineField::Channel, &["channel", "media type", "media", "media channel", "channel type"]),
    (LineField::Medium, &["medium"]),
    (
        LineField::Vendor,
        &["vendor", "vehicle", "publisher", "partner", "media owner", "platform", "supplier", "site", "network", "station", "vehicle custom", "partner custom"],
    ),
    (LineField::Role, &["role", "funnel", "funnel stage", "stage", "objective"]),
    (LineField::Buying, &["buying", "buying method", "buy type", "buy method", "buying type"]),
    (LineField::Pricing, &["pricing", "pricing model", "cost model", "buy model", "rate type", "cost type", "unit", "buy unit", "pricing type", "model"]),
    (LineField::Rate, &["rate", "unit cost", "unit rate", "unit price", "price", "net rate", "cost per unit", "rate card"]),
    (LineField::Cpm, &["cpm", "ecpm", "cost per 1000 impressions", "cost per thousand", "cost per mille", "cpm rate"]),
    (LineField::Cpc, &["cpc", "cost per click", "cpc rate"]),
    (LineField::Cpa, &["cpa", "cost per acquisition", "cost per conversion", "cost per conversions", "cpl", "cost per lead", "cpi", "cost per install"]),
    (LineField::Cpv, &["cpv", "cpcv", "cost per view", "cost per views", "cost per completed view"]),
    (LineField::Cpp, &["cpp", "cprp", "cost per point", "cost per rating point", "cost per grp"]),
    (
        LineField::Budget,
        &[
            "net media",
            "net",
            "net cost",
            "net budget",
            "net spend",
            "net investment",
            "budget",
            "cost total",
            "total cost",
            "cost",
            "media cost",
            "media budget",
            "media spend",
            "spend",
            "planned spend",
            "investment",
            "amount",
            "net amount",
        ],
    ),
    (LineField::Share, &["share", "share of budget", "budget share", "of budget", "split", "budget split"]),
    (LineField::Start, &["start", "start date", "flight start", "begin", "from", "starts", "launch date", "live date"]),
    (LineField::End, &["end", "end date", "flight end", "finish", "to", "until", "ends", "end on"]),
    (LineField::Flight, &["flight", "flight dates", "dates", "period", "flighting", "timing"]),
    (LineField::Impressions, &["impressions", "impr", "imps", "est impressions", "planned impressions", "estimated impressions", "impressions est"]),
    (LineField::Clicks, &["clicks", "est clicks", "planned clicks", "estimated clicks", "link clicks"]),
    (
        LineField::Conversions,
        &["conversions", "results", "est conversions", "acquisitions", "actions", "leads", "sales", "installs", "app installs", "app install"],
    ),
    (LineField::Views, &["views", "video views", "completed views", "est views"]),
    (LineField::Grps, &["grps", "grp", "trps", "trp", "rating points", "tarps"]),
    (LineField::Ctr, &["ctr", "click through rate", "clickthrough rate"]),
    (LineField::Cvr, &["cvr", "conversion rate", "cr"]),
    (LineField::Vtr, &["vtr", "view rate", "view through rate", "completion rate", "vcr"]),
    (LineField::Kpi, &["kpi", "primary kpi", "line kpi"]),
    (LineField::KpiTarget, &["kpi target", "target", "kpi value", "kpi goal", "goal"]),
    (LineField::Currency, &["currency", "cost currency", "ccy"]),
    (LineField::ExchangeRate, &["exchange rate", "fx rate", "fx", "cost currency exchange rate", "conversion rate to plan currency"]),
    (LineField::Universe, &["universe", "universe size", "audience size", "population", "target universe"]),
    (LineField::Units, &["units", "unit count", "units booked"]),
    (LineField::Unit, &["unit", "buy unit", "booking unit"]),
    (LineField::Spots, &["spots", "number of spots", "no of spots", "spot count", "# spots"]),
    (LineField::Faces, &["faces", "number of faces", "no of faces", "panels", "sites"]),
    (LineField::Insertions, &["insertions", "number of insertions", "no of insertions"]),
    (LineField::SpotLength, &["spot length", "spot length seconds", "spot duration", "spot_length"]),
    (LineField::Notes, &["notes", "comments", "remarks", "comment", "note"]),
    (LineField::AgencyCommission, &["agency commission", "commission", "agency fee"]),
    (LineField::AdServing, &["ad serving", "ad serving fee", "adserving"]),
    (LineField::TechFee, &["tech fee", "tech & data fee", "tech and data fee", "data fee"]),
];

/// A header as compared: lower case, a bracketed currency or unit dropped (`Budget (USD)`),
/// punctuation as spaces, `#`/`no.` and `%` kept as words.
pub fn normalise(header: &str) -> String {
    let mut h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    if let (Some(open), true) = (h.rfind('('), h.ends_with(')')) {
        let inside = h[open + 1..h.len() - 1].trim().to_string();
        if inside.len() <= 5 || inside.chars().all(|c| !c.is_alphanumeric()) {
            h.truncate(open);
        }
    }
    let h: String = h.chars().map(|c| if c.is_alphanumeric() || c == '&' { c } else { ' ' }).collect();
    let words: Vec<&str> = h.split_whitespace().filter(|w| !matches!(*w, "est." | "the")).collect();
    words.join(" ")
}

/// The currency a header states: `Budget (EUR)`, `Net media (€)`.
pub fn header_currency(header: &str) -> Option<String> {
    let open = header.rfind('(')?;
    let inside = header[open + 1..].strip_suffix(')')?.trim();
    match inside {
        "€" => Some("EUR".into()),
        "£" => Some("GBP".into()),
        "¥" => Some("JPY".into()),
        c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) => Some(c.to_ascii_uppercase()),
        _ => None,
    }
}

/// The field a header names, with its rank among that field's names (0 is the best).
pub fn field_of(header: &str) -> Option<(LineField, usize)> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    NAMES.iter().find_map(|(f, names)| names.iter().position(|n| *n == h).map(|rank| (*f, rank)))
}

/// A saved mapping for one spreadsheet layout: which sheet, which row is the header, and the
/// planner's field for each header (overriding the guess). Read from JSON (`--mapping M.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default)]
pub struct PlanMapping {
    /// The sheet holding the lines (default: the sheet whose header names the most fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub sheet: Option<String>,
    /// The header row, 1-based as the spreadsheet numbers it (default: found).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub header_row: Option<usize>,
    /// Header text → field, for every column the planner set; `ignore` drops a guess.
    pub columns: BTreeMap<String, LineField>,
    /// The plan's currency when the file does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub currency: Option<String>,
    /// How to read `04/01/2027` when the file does not show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub date_order: Option<crate::cells::DateOrder>,
    /// The plan's name and client when the file does not carry them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub plan_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub client: Option<String>,
}

/// One column of the header row, with what it was taken to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ColumnGuess {
    /// 0-based column index.
    pub index: usize,
    /// The spreadsheet's letter for it (`A`, `AB`).
    pub letter: String,
    pub header: String,
    /// The field the column is read as, if any.
    pub field: Option<LineField>,
    /// `guessed` from the header, `mapping` from the planner's mapping, or `none`.
    pub source: GuessSource,
    /// Why a guessed field was not used (another column took it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum GuessSource {
    Guessed,
    Mapping,
    None,
}

/// Excel's column letters for a 0-based index.
pub fn letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

/// Decide every column of a header row: the mapping's word first, then a column the sheet shows
/// over one it hides (`hidden`: 0-based inclusive ranges), then the best-ranked guess per field
/// (a field read from two columns would be ambiguous, so the other keeps no field).
pub fn resolve(header: &[String], mapping: &PlanMapping, hidden: &[(usize, usize)]) -> Vec<ColumnGuess> {
    let is_hidden = |i: usize| hidden.iter().any(|(a, b)| (*a..=*b).contains(&i));
    let mapped = |h: &str| {
        let n = normalise(h);
        mapping.columns.iter().find(|(k, _)| normalise(k) == n).map(|(_, f)| *f)
    };
    let mut out: Vec<ColumnGuess> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let (field, source) = match mapped(h) {
                Some(LineField::Ignore) => (None, GuessSource::Mapping),
                Some(f) => (Some(f), GuessSource::Mapping),
                None => match field_of(h) {
                    Some((f, _)) => (Some(f), GuessSource::Guessed),
                    None => (None, GuessSource::None),
                },
            };
            ColumnGuess { index: i, letter: letter(i), header: h.trim().to_string(), field, source, note: None }
        })
        .collect();
    // One column per field: the planner's mapping, else the best-ranked name, else the first.
    let rank = |g: &ColumnGuess| match g.source {
        GuessSource::Mapping => 0,
        _ => 1 + field_of(&g.header).map(|(_, r)| r).unwrap_or(99),
    };
    let fields: Vec<LineField> = out.iter().filter_map(|g| g.field).collect();
    for f in fields {
        let key = |g: &ColumnGuess| (g.source != GuessSource::Mapping, is_hidden(g.index), rank(g), g.index);
        let best = out.iter().filter(|g| g.field == Some(f)).min_by_key(|g| key(g)).map(|g| g.index);
        let Some(best) = best else { continue };
        let winner = out[best].header.clone();
        for g in out.iter_mut().filter(|g| g.field == Some(f) && g.index != best) {
            let hidden = if is_hidden(g.index) { "hidden in the sheet, and " } else { "" };
            g.note = Some(format!("{hidden}also looks like {}, which is read from column \"{winner}\"", f.label()));
            g.field = None;
        }
    }
    out
}

/// How many line fields a row of cells names: the header row is the one naming the most.
pub fn header_score(cells: &[String]) -> usize {
    let mut seen = Vec::new();
    for c in cells {
        if let Some((f, _)) = field_of(c) {
            if !seen.contains(&f) {
                seen.push(f);
            }
        }
    }
    let named = seen.iter().any(|f| matches!(f, LineField::Name | LineField::Channel | LineField::Vendor));
    let costed = seen.iter().any(|f| matches!(f, LineField::Budget | LineField::Share) || f.pricing().is_some());
    if named && (costed || seen.len() >= 3) {
        seen.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_are_guessed_whatever_their_case_and_currency() {
        assert_eq!(field_of("Budget (USD)").map(|f| f.0), Some(LineField::Budget));
        assert_eq!(field_of("  NET COST ").map(|f| f.0), Some(LineField::Budget));
        assert_eq!(field_of("Cost per 1000 Impressions").map(|f| f.0), Some(LineField::Cpm));
        assert_eq!(field_of("Start Date").map(|f| f.0), Some(LineField::Start));
        assert_eq!(field_of("Est. Impressions").map(|f| f.0), Some(LineField::Impressions));
        assert_eq!(field_of("Media Product"), None);
        assert_eq!(header_currency("Net media (€)").as_deref(), Some("EUR"));
        assert_eq!(header_currency("Budget (usd)").as_deref(), Some("USD"));
    }

    #[test]
    fn one_column_per_field_and_the_mapping_wins() {
        let header = row(&["Channel", "Vehicle", "Partner", "Cost Total", "Net", "Impressions"]);
        let cols = resolve(&header, &PlanMapping::default(), &[]);
        let f: Vec<Option<LineField>> = cols.iter().map(|c| c.field).collect();
        assert_eq!(f, vec![Some(LineField::Channel), Some(LineField::Vendor), None, None, Some(LineField::Budget), Some(LineField::Impressions)]);
        assert!(cols[2].note.as_deref().unwrap().contains("\"Vehicle\""));
        let mut m = PlanMapping::default();
        m.columns.insert("cost total".into(), LineField::Budget);
        m.columns.insert("Impressions".into(), LineField::Ignore);
        let cols = resolve(&header, &m, &[]);
        assert_eq!(cols[3].field, Some(LineField::Budget));
        assert_eq!(cols[4].field, None);
        assert_eq!(cols[5].field, None);
        assert_eq!(cols[5].source, GuessSource::Mapping);
    }

    #[test]
    fn the_header_row_names_a_line_and_a_cost() {
        assert_eq!(header_score(&row(&["Media plan Q1", "", ""])), 0);
        assert_eq!(header_score(&row(&["Budget:", "30000"])), 0);
        assert_eq!(header_score(&row(&["Campaign Name:", "Spring"])), 0);
        assert_eq!(header_score(&row(&["Vendor", "Tactic", "Flight dates", "Spend allocation"])), 3);
        assert_eq!(header_score(&row(&["Channel", "Placement", "Start", "End", "Budget"])), 5);
        assert_eq!(letter(27), "AB");
    }
}
