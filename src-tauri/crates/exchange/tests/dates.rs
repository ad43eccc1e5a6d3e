//! Dates as agency spreadsheets write them: short years (`4/5/27`) are the 2000s, a year before
//! 1900 is refused at its cell, and a date that stretches the plan past ten years is named at the
//! row and cell it came from, not at a good row the core happens to find furthest.

use flightplan_exchange::{preview_import, read_plan_source, ImportChoices, ImportPreview, ProblemLevel};

fn preview(csv: &str) -> ImportPreview {
    let source = read_plan_source(csv.as_bytes(), "plan.csv", None).unwrap();
    preview_import(&source, &ImportChoices::default())
}

/// The audit's `us_short.csv`: a US plan with two-digit years.
const US_SHORT: &str = "Advertiser:,Acme Corp,,,,,
Media,Vendor,Tactic,Pricing,Rate,Flight start,Flight end,Investment
Social,Meta,Prospecting,CPM,$9.50,4/5/27,6/1/27,\"$47,500.00\"
Search,Google,Brand,CPC,$1.20,4/5/27,5/2/27,\"$9,600.00\"
";

#[test]
fn two_digit_years_are_this_century_and_the_warning_says_what_they_became() {
    let p = preview(US_SHORT);
    assert!(p.ready(), "{:?}", p.problems);
    let flights: Vec<(String, String)> = p.plan.lines.iter().map(|l| (l.start.to_string(), l.end.to_string())).collect();
    assert_eq!(flights, [("2027-04-05".to_string(), "2027-06-01".to_string()), ("2027-04-05".into(), "2027-05-02".into())]);
    assert_eq!((p.plan.start.to_string(), p.plan.end.to_string()), ("2027-04-05".into(), "2027-06-01".into()));
    let warning = p.problems.iter().find(|x| x.code == "ambiguous_dates").expect("the order is a guess");
    assert!(warning.message.contains("month first (US), so \"4/5/27\" is 5 April 2027"), "{}", warning.message);
}

/// Rows of a US plan whose third line's start is `start`; the header is row 1.
fn with_third_start(start: &str) -> String {
    format!(
        "Advertiser:,Acme Corp,,,,,,
Media,Vendor,Tactic,Pricing,Rate,Flight start,Flight end,Investment
Social,Meta,Prospecting,CPM,$9.50,04/05/2027,06/27/2027,\"$47,500.00\"
Social,TikTok,Spark,CPM,$6.00,04/05/2027,06/27/2027,\"$12,000.00\"
Search,Google,Brand,CPC,$1.20,{start},06/27/2027,\"$9,600.00\"
Video,YouTube,TrueView,CPV,$0.03,2027-04-05,2027-06-27,\"$1,250.50\"
"
    )
}

#[test]
fn a_date_the_plan_cannot_hold_is_refused_at_its_own_cell() {
    // (the third line's start, the error's code, its cell)
    let cases = [("4/5/0027", "bad_date", "F5"), ("0004-05-27", "bad_date", "F5"), ("04/05/1990", "period_too_long", "F5"), ("04/05/27", "", "")];
    for (start, code, cell) in cases {
        let p = preview(&with_third_start(start));
        let errors: Vec<_> = p.problems.iter().filter(|x| x.level == ProblemLevel::Error).collect();
        if code.is_empty() {
            assert!(errors.is_empty(), "{start}: {errors:?}");
            assert_eq!(p.plan.lines[2].start.to_string(), "2027-04-05");
            continue;
        }
        assert_eq!(errors.len(), 1, "{start}: {errors:?}");
        assert_eq!((errors[0].code.as_str(), errors[0].at.error_path().as_deref()), (code, Some(cell)), "{start}: {}", errors[0].message);
        assert_eq!(errors[0].at.column.as_deref(), Some("Flight start"), "{start}");
        assert_eq!(errors[0].line.as_deref(), Some("brand"), "{start}");
    }
}
