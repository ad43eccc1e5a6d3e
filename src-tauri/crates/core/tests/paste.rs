//! Paste from a spreadsheet: a header row in any order, dates read by the date order and
//! refused when ambiguous, pasted lines starting from their channel's rate card entry, pasting
//! over a row replacing it, a partial block setting only its columns, and fill-down.

use flightplan_core::paste::{fill_down, fill_right, place, read_block, DateOrder, LineField, PasteOptions};
use flightplan_core::plan::{Buying, Funnel, NumberStyle, Pricing};
use flightplan_core::rate_card::default_rate_card;
use flightplan_core::Dec;
use flightplan_core::{compute, sample_plan};
use std::str::FromStr;

fn d(s: &str) -> Dec {
    Dec::from_str(s).unwrap()
}

fn options(dates: DateOrder) -> PasteOptions {
    PasteOptions { dates, numbers: NumberStyle::CommaDot, first_column: 0 }
}

/// A block as Excel puts it on the clipboard: a header row in the spreadsheet's own order.
const BLOCK: &str = "Start\tChannel\tNet media\tLine\tEnd\r\n5/17/2027\tMeta\t$12,000.00\tProspecting\t6/30/2027\r\n5/3/2027\tRadio\t\"2,400,000.00\"\tDrive time spots\t6/27/2027\r\n";

#[test]
fn a_header_row_in_any_order_maps_columns_by_name() {
    let plan = sample_plan();
    let p = read_block(BLOCK, &options(DateOrder::MonthFirst), &plan, &default_rate_card());
    assert!(p.header && p.whole_lines, "{p:?}");
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let fields: Vec<Option<LineField>> = p.columns.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Some(LineField::Start), Some(LineField::Channel), Some(LineField::Budget), Some(LineField::Name), Some(LineField::End)]);
    let meta = p.rows[0].line.as_ref().unwrap();
    assert_eq!(p.rows[0].entry.as_deref(), Some("Meta — Prospecting"));
    assert_eq!((meta.buying, meta.role, meta.pricing, meta.rate), (Some(Buying::Auction), Some(Funnel::Consideration), Pricing::Cpm, Some(d("9.50"))));
    assert_eq!((meta.budget, meta.share, meta.start.to_string(), meta.end.to_string()), (Some(d("12000.00")), None, "2027-05-17".into(), "2027-06-30".into()));
    // The radio line is an offline buy priced per point, from its rate card entry ("Drive time
    // spots — CPP"): its typical $14.00 CPM on the plan's universe of 125,000,000 is a $17,500.00
    // point.
    assert_eq!(p.rows[1].entry.as_deref(), Some("Radio — Drive time spots — CPP"));
    let radio = p.rows[1].line.as_ref().unwrap();
    assert_eq!((radio.buying, radio.pricing, radio.rate, radio.budget), (Some(Buying::Offline), Pricing::Cpp, Some(d("17500.00")), Some(d("2400000.00"))));
    assert_eq!((radio.spot_length, radio.dayparts.len()), (Some(30), 2), "with the entry's spot length and dayparts");
    assert_eq!(radio.start.to_string(), "2027-05-03", "month first: May 3");
}

#[test]
fn dates_are_read_by_the_date_order_and_ambiguous_ones_refused() {
    let plan = sample_plan();
    let card = default_rate_card();
    // Day first: 5/17/2027 has no month 17; 5/3/2027 is 5 March.
    let p = read_block(BLOCK, &options(DateOrder::DayFirst), &plan, &card);
    let messages: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("Row 2, Start: \"5/17/2027\" is not a date day first: 17 is not a month; if it means 17 May 2027"), "{}", messages[0]);
    assert_eq!((p.problems[0].row, p.problems[0].column), (2, Some(1)));
    assert_eq!(p.rows[1].line.as_ref().unwrap().start.to_string(), "2027-03-05");
    // Unknown order: 5/3/2027 could be either, so it is refused, saying both.
    let p = read_block(BLOCK, &options(DateOrder::Unknown), &plan, &card);
    let start = p.problems.iter().find(|x| x.row == 3 && x.field == Some(LineField::Start)).unwrap();
    assert_eq!(start.message, "Row 3, Start: \"5/3/2027\" could be 3 May 2027 (month first, as in the US) or 5 March 2027 (day first): choose the date order, or write it as 2027-05-03 or 2027-03-05");
    // Nothing is placed while any problem remains.
    let e = place(&plan, &p, 0).unwrap_err();
    assert_eq!(e.code, "paste_problems");
    assert!(e.message.starts_with("nothing was pasted: Row 3, Start"), "{}", e.message);
    // ISO dates read the same under every order.
    let iso = "Channel\tLine\tBudget\tStart\tEnd\nMeta\tRetargeting\t1000\t2027-05-03\t2027-06-27\n";
    for order in [DateOrder::MonthFirst, DateOrder::DayFirst, DateOrder::YearFirst, DateOrder::Unknown] {
        let p = read_block(iso, &options(order), &plan, &card);
        assert!(p.problems.is_empty(), "{order:?}: {:?}", p.problems);
        assert_eq!(p.rows[0].line.as_ref().unwrap().start.to_string(), "2027-05-03");
    }
}

#[test]
fn pasting_over_a_row_replaces_it_and_keeps_its_id() {
    let plan = sample_plan();
    let block = "Drive time spots\tRadio\tCPP\t\t2400000.00\n";
    // No header: the grid's columns from the first: line, channel, pricing, rate, budget.
    let opts = options(DateOrder::MonthFirst);
    let p = read_block(block, &opts, &plan, &default_rate_card());
    assert!(!p.header && p.whole_lines && p.problems.is_empty(), "{:?}", p.problems);
    let next = place(&plan, &p, 1).unwrap();
    let l = &next.lines[1];
    // google-generic was a conversion / capture / auction CPC line with a CTR and a curve: none of that stays.
    assert_eq!(l.id, "google-generic");
    assert_eq!(
        (l.channel.as_str(), l.name.as_str(), l.buying, l.role, l.pricing),
        ("Radio", "Drive time spots", Some(Buying::Offline), Some(Funnel::Awareness), Pricing::Cpp)
    );
    assert_eq!((l.ctr, l.cvr, l.response.is_none(), l.rate), (None, None, true, Some(d("17500.00"))));
    assert_eq!((l.start, l.end), (plan.start, plan.end));
    assert_eq!(next.lines.len(), plan.lines.len());
    compute(&next).unwrap();
}

#[test]
fn a_paste_that_would_take_the_plan_past_the_most_lines_is_refused() {
    use flightplan_core::limits::MAX_LINES;
    let mut plan = sample_plan();
    plan.scenarios.clear();
    let card = default_rate_card();
    let rows = |n: usize| (0..n).map(|i| format!("Meta\tLine {i}\t100\n")).collect::<String>();
    // (lines pasted after the plan's 9, whether it is placed)
    for (n, fits) in [(MAX_LINES - 9, true), (MAX_LINES - 8, false)] {
        let block = format!("Channel\tLine\tBudget\n{}", rows(n));
        let p = read_block(&block, &options(DateOrder::MonthFirst), &plan, &card);
        assert!(p.problems.is_empty(), "{:?}", &p.problems[..1]);
        match place(&plan, &p, plan.lines.len()) {
            Ok(next) => {
                assert!(fits, "{n} rows were placed");
                assert_eq!(next.lines.len(), MAX_LINES);
                assert!(flightplan_core::validate(&next).iter().all(|e| e.code != "too_large"));
            }
            Err(e) => {
                assert!(!fits, "{n} rows: {e:?}");
                assert_eq!((e.code.as_str(), e.path.as_deref()), ("too_large", Some("lines")));
                assert!(e.message.contains(&format!("would have {} lines", MAX_LINES + 1)) && e.message.contains(&MAX_LINES.to_string()), "{}", e.message);
            }
        }
    }
}

#[test]
fn a_partial_block_sets_only_its_columns_and_new_rows_need_channels() {
    let plan = sample_plan();
    let opts = PasteOptions { first_column: 3, ..options(DateOrder::MonthFirst) }; // Rate, Budget
    let p = read_block("1.35\t\"20,000.00\"\n2.50\t\n", &opts, &plan, &default_rate_card());
    assert!(!p.whole_lines && p.problems.is_empty(), "{:?}", p.problems);
    let next = place(&plan, &p, 0).unwrap();
    assert_eq!((next.lines[0].rate, next.lines[0].budget), (Some(d("1.35")), Some(d("20000.00"))));
    assert_eq!((next.lines[1].rate, next.lines[1].budget), (Some(d("2.50")), plan.lines[1].budget));
    assert_eq!(next.lines[1].channel, plan.lines[1].channel);
    let e = place(&plan, &p, 8).unwrap_err();
    assert!(e.message.contains("row 2 has no line to land on"), "{}", e.message);
}

#[test]
fn a_channel_missing_from_the_rate_card_says_so_and_its_rules_are_checked() {
    let plan = sample_plan();
    let block = "Channel\tLine\tPricing\tBudget\tReach est.\nPodcasts\tHost reads\tCPM\t5000\t12%\nLinear TV\tPrime\tCPP\t2,400,000.00\t\n";
    let p = read_block(block, &options(DateOrder::MonthFirst), &plan, &default_rate_card());
    assert_eq!(p.columns[4].field, None, "an unknown heading is left out");
    assert!(p.rows[0].notes[0].starts_with("\u{201c}Podcasts\u{201d} is not in the rate card"), "{:?}", p.rows[0].notes);
    let messages: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(messages, ["Row 2: a CPM line needs a rate"]);
    // Linear TV is on the card: its CPP is its typical $30.00 CPM on the plan's universe.
    assert_eq!(p.rows[1].line.as_ref().unwrap().rate, Some(d("37500.00")));
    // Without a universe a CPP line cannot be priced from a CPM, and needs a rate.
    let mut no_universe = plan.clone();
    no_universe.universe = None;
    let p = read_block(block, &options(DateOrder::MonthFirst), &no_universe, &default_rate_card());
    let messages: Vec<&str> = p.problems.iter().map(|x| x.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Row 2: a CPM line needs a rate",
            "Row 3: a CPP line needs a rate (its rate card entry prices a point from the plan's universe: give the plan a universe in stage 2)"
        ]
    );
}

#[test]
fn numbers_in_the_plans_style_and_percent_rates() {
    let plan = sample_plan();
    let block = "Channel\tLine\tBudget\tCTR\tShare %\nMeta\tRetargeting\t1.234,50\t1,2%\t\n";
    let opts = PasteOptions { dates: DateOrder::DayFirst, numbers: NumberStyle::DotComma, first_column: 0 };
    let p = read_block(block, &opts, &plan, &default_rate_card());
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let l = p.rows[0].line.as_ref().unwrap();
    assert_eq!((l.budget, l.ctr), (Some(d("1234.50")), Some(d("0.012"))));
    // In the comma-dot style, "1.234,50" is refused rather than read as 1.23450.
    let p = read_block(block, &options(DateOrder::DayFirst), &plan, &default_rate_card());
    assert!(p.problems[0].message.contains("is not a number in the 1,234.56 style"), "{:?}", p.problems);
}

#[test]
fn fill_down_copies_one_field_as_held() {
    let plan = sample_plan();
    let next = fill_down(&plan, LineField::Start, 3, &[4, 5]).unwrap();
    assert_eq!((next.lines[4].start, next.lines[5].start), (plan.lines[3].start, plan.lines[3].start));
    assert_eq!(next.lines[4].end, plan.lines[4].end);
    let next = fill_down(&plan, LineField::Budget, 0, &[1]).unwrap();
    assert_eq!(next.lines[1].budget, plan.lines[0].budget);
    assert_eq!(fill_down(&plan, LineField::Rate, 0, &[42]).unwrap_err().code, "unknown_line");
}

/// Fill right on the sample plan: (rows, from, to) and either the filled fields of each row as
/// the plan file then holds them, or the refusal's code, path and words.
#[test]
fn fill_right_copies_into_cells_of_the_same_kind_and_refuses_the_rest() {
    use serde_json::{json, Value};
    use LineField::*;
    let mut plan = sample_plan();
    plan.lines[5].rate = Some(d("0.035")); // a CPV of 3.5 cents
    let fields = |p: &flightplan_core::Plan, rows: &[usize], to: &[LineField]| -> Value {
        let v = serde_json::to_value(p).unwrap();
        let name = |f: LineField| match f {
            KpiTarget => "/kpi/target".to_string(),
            other => format!("/{}", serde_json::to_value(other).unwrap().as_str().unwrap()),
        };
        rows.iter().map(|r| to.iter().map(|f| v["lines"][*r].pointer(&name(*f)).cloned().unwrap_or(Value::Null)).collect::<Value>()).collect()
    };
    type Case = (&'static str, &'static [usize], LineField, &'static [LineField], Value);
    let cases: [Case; 9] = [
        ("a start date into the end, two rows", &[3, 8], Start, &[End], json!([["2027-01-11"], ["2027-02-01"]])),
        ("a line's name into its channel and vendor", &[0], Name, &[Channel, Vendor], json!([["Search — Brand", "Search — Brand"]])),
        ("a rate into the budget and the KPI target (amounts)", &[2], Rate, &[Budget, KpiTarget], json!([["9.50", "9.50"]])),
        (
            "a rate with more decimal places than the currency refused as a budget",
            &[5],
            Rate,
            &[Budget],
            json!({ "code": "invalid_field", "path": "lines[5].budget", "line": "youtube-instream", "says": "has more decimal places than USD allows" }),
        ),
        (
            "a date into a rate column",
            &[0],
            Start,
            &[Rate],
            json!({ "code": "fill_refused", "path": null, "line": null, "says": "Start (a date) only into cells of the same kind, and Rate holds an amount" }),
        ),
        (
            "an amount into a share",
            &[0],
            Budget,
            &[Share],
            json!({ "code": "fill_refused", "path": null, "line": null, "says": "Share % holds a share of the budget" }),
        ),
        (
            "an empty rate",
            &[7],
            Rate,
            &[Budget],
            json!({ "code": "fill_refused", "path": "lines[7].rate", "line": "morningbrew-direct", "says": "Rate is empty" }),
        ),
        ("a line past the end", &[0, 42], Start, &[End], json!({ "code": "unknown_line", "path": null, "line": null, "says": "no line 43" })),
        ("never the id", &[0], Name, &[Id], json!({ "code": "fill_refused", "path": null, "line": null, "says": "does not change a line's id" })),
    ];
    for (name, rows, from, to, want) in cases {
        match fill_right(&plan, rows, from, to) {
            Ok(next) => {
                assert_eq!(fields(&next, rows, to), want, "{name}");
                // Nothing but the filled cells changed.
                let mut back = next.clone();
                for r in rows.iter() {
                    back.lines[*r] = plan.lines[*r].clone();
                }
                assert_eq!(back, plan, "{name}");
            }
            Err(e) => {
                assert!(want.is_object(), "{name}: refused {e:?}");
                assert_eq!((json!(e.code), json!(e.path), json!(e.line)), (want["code"].clone(), want["path"].clone(), want["line"].clone()), "{name}");
                assert!(e.message.contains(want["says"].as_str().unwrap()), "{name}: {}", e.message);
            }
        }
    }
}
