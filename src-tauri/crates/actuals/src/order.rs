//! Whether a file's numeric dates put the day or the month first, when no date part above 12
//! says (`01/09/2025` .. `07/09/2025`).
//!
//! Read the wrong way such a file imports without a single error: a UK export for 1–7 September
//! becomes 9 January to 9 July, and the spend lands on days the plan never ran. So the order is
//! taken from the strongest evidence there is, in this order:
//! 1. the order the planner gave (`--dates`, the preview's option);
//! 2. a date part over 12 (`13/09/2025` is day first);
//! 3. the dates' own shape: a daily or weekly report's dates read the right way are consecutive
//!    days, read the wrong way the same day of months apart, so the reading whose dates span
//!    far less wins; a week column's dates all fall on one weekday and a month column's on the
//!    1st only when read the right way. A day column whose dates are all the 1st of a month one
//!    way and consecutive days the other (`1/1 .. 5/1`: a monthly report, or a daily one?) says
//!    nothing here;
//! 4. the range in the title lines (or file name): the reading whose dates lie within it, and
//!    fill it best;
//! 5. the file's number style (a decimal comma or a `;` delimiter is a day-first locale) or a
//!    header language other than English;
//! 6. the language's default (English month first).
//!
//! Evidence 5 and 6 are habits, not proof: when they decide and some date really reads two ways,
//! the import goes on with a warning naming the order chosen and how to give the other.

use crate::dates::{self, DateStyle, Order};
use crate::layout::DateKind;
use crate::title::Title;
use crate::{DateOrder, DatesBasis, DatesRead};
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// Distinct date cells kept to weigh the two readings: ten years of days, with room.
const MAX_DISTINCT: usize = 4096;

/// What a file's date cells say about their order, gathered while its data is first walked.
#[derive(Default)]
pub struct DateCells {
    /// Cells with a part over 12 that say day first, and month first.
    day_first: usize,
    month_first: usize,
    /// Distinct numeric date cells that read two ways, in file order.
    either: Vec<String>,
    seen: HashSet<String>,
    /// Every distinct date cell (ambiguous or not), for the span of the whole file.
    all: Vec<String>,
}

impl DateCells {
    /// Look at one text date cell.
    pub fn see(&mut self, cell: &str) {
        match dates::order_evidence(cell) {
            Some(Order::DayMonth) => self.day_first += 1,
            Some(Order::MonthDay) => self.month_first += 1,
            None => {}
        }
        if self.seen.len() >= MAX_DISTINCT || self.seen.contains(cell) {
            return;
        }
        self.seen.insert(cell.to_string());
        if dates::is_ambiguous(cell) {
            self.either.push(cell.to_string());
        }
        self.all.push(cell.to_string());
    }

    /// Whether the order is settled (a part over 12 said, or no cell reads two ways so far).
    pub fn settled(&self) -> bool {
        self.day_first + self.month_first > 0 || self.either.is_empty()
    }
}

/// The date columns the cells came from.
#[derive(Debug, Clone, Copy)]
pub struct DateColumns {
    /// How the date column covers days (none: the report has no date column).
    pub kind: Option<DateKind>,
    /// An end column gives each row's last day (Meta's Reporting ends).
    pub ranged: bool,
}

/// The file-wide signals evidence 5 and 6 read.
pub struct Habits<'a> {
    /// The header's language (`en`, `pt`, …).
    pub language: &'a str,
    pub semicolons: bool,
    /// The number cells showed a decimal comma.
    pub decimal_comma: bool,
}

/// The date style a file is read in, a warning when it rests on a habit alone, and what the
/// preview shows of it when some date reads two ways.
pub struct Decision {
    pub style: DateStyle,
    pub warning: Option<String>,
    pub read: Option<DatesRead>,
}

/// Decide the file's date order from the strongest evidence there is (see the module comment).
pub fn decide(given: Option<Order>, cells: &DateCells, columns: DateColumns, title: &Title, file: &str, habits: &Habits) -> Decision {
    // A date that reads as two different days: without one, the order changes nothing.
    let example = cells.either.iter().find(|c| dates::parse(c, style(Order::DayMonth)) != dates::parse(c, style(Order::MonthDay)));
    let decision =
        |style: DateStyle, basis: DatesBasis, warning: Option<String>| Decision { style, warning, read: example.and_then(|e| read(e, style.order, basis)) };
    if let Some(order) = given {
        return decision(DateStyle::given(order), DatesBasis::Given, None);
    }
    let default = DateStyle::for_language(habits.language);
    if cells.day_first != cells.month_first {
        let order = if cells.day_first > cells.month_first { Order::DayMonth } else { Order::MonthDay };
        return decision(style(order), DatesBasis::Proven, None);
    }
    let Some(example) = example else {
        // Every date reads the same either way (`05/05/2025`, ISO dates): nothing to decide.
        return Decision { style: default, warning: None, read: None };
    };
    let (dm, md) = (Reading::of(cells, Order::DayMonth), Reading::of(cells, Order::MonthDay));
    if let Some(order) = shape(&dm, &md, columns) {
        return decision(style(order), DatesBasis::Shape, None);
    }
    if let Some(order) = in_title(&dm, &md, title, file) {
        return decision(style(order), DatesBasis::Title, None);
    }
    let (order, why) = if habits.semicolons {
        (Order::DayMonth, "as semicolon-separated exports are written".to_string())
    } else if habits.decimal_comma {
        (Order::DayMonth, "as files with decimal commas are written".to_string())
    } else if habits.language != "en" {
        (Order::DayMonth, format!("as reports in the header's language ({}) are written", habits.language))
    } else {
        (default.order, "as US English reports are written".to_string())
    };
    decision(style(order), DatesBasis::Habit, Some(warning(example, order, &why)))
}

/// What the preview shows of the order used: the example read that way and the other.
fn read(example: &str, order: Order, basis: DatesBasis) -> Option<DatesRead> {
    Some(DatesRead {
        order: match order {
            Order::DayMonth => DateOrder::DayFirst,
            Order::MonthDay => DateOrder::MonthFirst,
        },
        example: crate::cells::shorten(example).to_string(),
        read_as: dates::parse(example, style(order)).ok()?,
        otherwise: dates::parse(example, style(other(order))).ok()?,
        basis,
    })
}

fn other(order: Order) -> Order {
    match order {
        Order::DayMonth => Order::MonthDay,
        Order::MonthDay => Order::DayMonth,
    }
}

fn style(order: Order) -> DateStyle {
    DateStyle { order, forced: false }
}

/// The file's dates read one way.
struct Reading {
    order: Order,
    min: Option<NaiveDate>,
    max: Option<NaiveDate>,
    /// Distinct dates read.
    count: usize,
    all_firsts: bool,
    one_weekday: bool,
}

impl Reading {
    fn of(cells: &DateCells, order: Order) -> Reading {
        let mut r = Reading { order, min: None, max: None, count: 0, all_firsts: true, one_weekday: true };
        let mut weekday = None;
        for c in &cells.all {
            let Ok(d) = dates::parse(c, style(order)) else { continue };
            r.count += 1;
            r.min = Some(r.min.map_or(d, |m| m.min(d)));
            r.max = Some(r.max.map_or(d, |m| m.max(d)));
            r.all_firsts &= d.day() == 1;
            r.one_weekday &= *weekday.get_or_insert(d.weekday()) == d.weekday();
        }
        r
    }

    fn span(&self) -> Option<i64> {
        Some((self.max? - self.min?).num_days())
    }
}

/// Evidence 3: the dates' own shape.
fn shape(dm: &Reading, md: &Reading, columns: DateColumns) -> Option<Order> {
    let one_of = |a: bool, b: bool| match (a, b) {
        (true, false) => Some(dm.order),
        (false, true) => Some(md.order),
        _ => None,
    };
    match columns.kind {
        Some(DateKind::Month) => return one_of(dm.all_firsts, md.all_firsts),
        Some(DateKind::Week) if dm.count >= 2 => {
            if let Some(o) = one_of(dm.one_weekday, md.one_weekday) {
                return Some(o);
            }
        }
        _ => {}
    }
    if dm.count < 2 || (!columns.ranged && dm.all_firsts != md.all_firsts) {
        // One date, or a monthly report one way and a daily one the other (rows with their own
        // last day say which they are: this is only a day column's doubt).
        return None;
    }
    let (a, b) = (dm.span()?, md.span()?);
    // Far more compact, not merely a little: the wrong reading spreads a week over months.
    if b > 2 * a {
        Some(dm.order)
    } else if a > 2 * b {
        Some(md.order)
    } else {
        None
    }
}

/// Evidence 4: the reading whose dates lie within the title's range (read the same way), and
/// of two that do, the one that fills it better.
fn in_title(dm: &Reading, md: &Reading, title: &Title, file: &str) -> Option<Order> {
    let fit = |r: &Reading| -> Option<i64> {
        let (start, end) = title.read(file, style(r.order)).range?;
        let (min, max) = (r.min?, r.max?);
        (min >= start && max <= end).then(|| (min - start).num_days() + (end - max).num_days())
    };
    match (fit(dm), fit(md)) {
        (Some(_), None) => Some(dm.order),
        (None, Some(_)) => Some(md.order),
        (Some(a), Some(b)) if a < b => Some(dm.order),
        (Some(a), Some(b)) if b < a => Some(md.order),
        _ => None,
    }
}

fn warning(example: &str, chosen: Order, why: &str) -> String {
    let show = |o: Order| dates::parse(example, style(o)).map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_default();
    let (chosen_name, other_name, other_flag) = match chosen {
        Order::DayMonth => ("day first", "month first", "mdy"),
        Order::MonthDay => ("month first", "day first", "dmy"),
    };
    format!(
        "the dates could be read day or month first (\"{}\" is {} read {chosen_name}, {} read {other_name}) and nothing in the file settles it: they were read {chosen_name}, {why}; if the file writes them {other_name}, import it again with the date order set to {other_name} (--dates {other_flag})",
        crate::cells::shorten(example),
        show(chosen),
        show(other(chosen)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[&str]) -> DateCells {
        let mut c = DateCells::default();
        for s in list {
            c.see(s);
        }
        c
    }

    const EN: Habits = Habits { language: "en", semicolons: false, decimal_comma: false };

    fn order_of(list: &[&str], kind: DateKind, title_line: &str, habits: &Habits) -> (Order, bool) {
        let mut t = Title::default();
        t.add(title_line);
        let d = decide(None, &cells(list), DateColumns { kind: Some(kind), ranged: false }, &t, "report.csv", habits);
        (d.style.order, d.warning.is_some())
    }

    #[test]
    fn a_week_of_days_is_read_the_way_that_keeps_it_a_week() {
        let uk: Vec<String> = (1..=7).map(|d| format!("0{d}/09/2025")).collect();
        let uk: Vec<&str> = uk.iter().map(String::as_str).collect();
        assert_eq!(order_of(&uk, DateKind::Day, "", &EN), (Order::DayMonth, false));
        let us: Vec<String> = (1..=7).map(|d| format!("9/{d}/2025")).collect();
        let us: Vec<&str> = us.iter().map(String::as_str).collect();
        assert_eq!(order_of(&us, DateKind::Day, "", &Habits { language: "pt", semicolons: true, decimal_comma: true }), (Order::MonthDay, false));
    }

    #[test]
    fn weeks_fall_on_one_weekday_and_months_on_the_first() {
        // Mondays 1 and 8 September 2025 written day first.
        assert_eq!(order_of(&["01/09/2025", "08/09/2025"], DateKind::Week, "", &EN), (Order::DayMonth, false));
        assert_eq!(order_of(&["01/09/2025"], DateKind::Month, "", &EN), (Order::DayMonth, false));
    }

    #[test]
    fn months_or_days_is_left_to_the_title_then_to_habit() {
        // 1 Jan .. 1 May month first, or 1 .. 5 January day first.
        let firsts = ["1/1/2023", "2/1/2023", "3/1/2023", "4/1/2023", "5/1/2023"];
        assert_eq!(order_of(&firsts, DateKind::Day, "Report Time: January 1, 2023 to May 31, 2023", &EN), (Order::MonthDay, false));
        assert_eq!(order_of(&firsts, DateKind::Day, "", &EN), (Order::MonthDay, true));
        // Rows that give their own last day (start = end) are days: 1 .. 5 January.
        let d = decide(None, &cells(&firsts), DateColumns { kind: Some(DateKind::Day), ranged: true }, &Title::default(), "r.csv", &EN);
        assert_eq!((d.style.order, d.warning), (Order::DayMonth, None));
    }

    #[test]
    fn one_date_takes_the_title_then_the_habit_with_a_warning() {
        assert_eq!(order_of(&["05/06/2025"], DateKind::Day, "1 June 2025 - 7 June 2025", &EN), (Order::DayMonth, false));
        assert_eq!(order_of(&["05/06/2025"], DateKind::Day, "", &EN), (Order::MonthDay, true));
        assert_eq!(order_of(&["05/06/2025"], DateKind::Day, "", &Habits { language: "en", semicolons: false, decimal_comma: true }), (Order::DayMonth, true));
        assert_eq!(order_of(&["05/05/2025", "2025-09-01"], DateKind::Day, "", &EN), (Order::MonthDay, false), "reads the same either way");
        assert_eq!(order_of(&["13/06/2025", "05/06/2025"], DateKind::Day, "", &EN), (Order::DayMonth, false), "a part over 12 decides");
    }

    #[test]
    fn the_warning_names_both_readings_and_the_way_out() {
        let d = decide(None, &cells(&["05/06/2025"]), DateColumns { kind: Some(DateKind::Day), ranged: false }, &Title::default(), "r.csv", &EN);
        let w = d.warning.unwrap();
        assert!(w.contains("6 May 2025 read month first") && w.contains("5 June 2025 read day first") && w.contains("--dates dmy"), "{w}");
    }

    #[test]
    fn the_preview_is_told_the_order_used_with_an_example_read_both_ways_and_its_evidence() {
        let day = DateColumns { kind: Some(DateKind::Day), ranged: false };
        let read = |given: Option<Order>, list: &[&str], title_line: &str, habits: &Habits| {
            let mut t = Title::default();
            t.add(title_line);
            decide(given, &cells(list), day, &t, "r.csv", habits).read.map(|r| (r.order, r.example, r.read_as.to_string(), r.otherwise.to_string(), r.basis))
        };
        let week = ["01/09/2025", "02/09/2025", "03/09/2025"];
        let expect = |order, basis| {
            Some((
                order,
                "01/09/2025".to_string(),
                if order == DateOrder::DayFirst { "2025-09-01" } else { "2025-01-09" }.to_string(),
                if order == DateOrder::DayFirst { "2025-01-09" } else { "2025-09-01" }.to_string(),
                basis,
            ))
        };
        assert_eq!(read(None, &week, "", &EN), expect(DateOrder::DayFirst, DatesBasis::Shape));
        assert_eq!(read(Some(Order::MonthDay), &week, "", &EN), expect(DateOrder::MonthFirst, DatesBasis::Given));
        assert_eq!(read(None, &["01/09/2025"], "1 September 2025 - 7 September 2025", &EN), expect(DateOrder::DayFirst, DatesBasis::Title));
        assert_eq!(read(None, &["01/09/2025"], "", &EN), expect(DateOrder::MonthFirst, DatesBasis::Habit));
        assert_eq!(read(None, &["01/09/2025", "13/09/2025"], "", &EN), expect(DateOrder::DayFirst, DatesBasis::Proven));
        assert_eq!(read(None, &["05/05/2025", "2025-09-01"], "", &EN), None, "every date reads one way");
    }
}
