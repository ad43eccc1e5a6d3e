// One rule for every date the planner sees or types, so a plan never shows "12/07/2026" in one
// place, "2026-12-07" in another and "7 Dec 2026" in a third.
//
// Shown: day, short month name, year ("7 Dec 2026"). It reads the same to a US and a UK client,
// which no all-number form does, and it is what the flowchart and the PDF already print.
// Typed: that same form, ISO ("2026-12-07"), or numbers in the order this computer's locale writes
// dates (the OS locale decides whether 5/3/2027 is 5 March or May 3). A date that does not exist
// in that order (13/5/2027 on a US machine) is refused with the order named, never swapped.
// The plan file keeps ISO dates; this module only converts at the edge of the screen.

import { day } from "./format";

/** How this computer's locale writes a date in numbers only. */
export type NumericOrder = "day_first" | "month_first" | "year_first";

/** The locale's own order of day, month and year, read from how it formats a known date. */
export function localeOrder(locale: string | undefined = typeof navigator === "undefined" ? undefined : navigator.language): NumericOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2027, 0, 4))
      .map((p) => p.type)
      .filter((t) => t === "day" || t === "month" || t === "year");
    if (parts[0] === "year") return "year_first";
    if (parts[0] === "month") return "month_first";
    return "day_first";
  } catch {
    return "day_first";
  }
}

const ORDER_WORDS: Record<NumericOrder, string> = {
  day_first: "day/month/year",
  month_first: "month/day/year",
  year_first: "year/month/day",
};

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** An ISO date as the planner sees it: "7 Dec 2026" (empty stays empty). */
export function showDate(iso: string | null | undefined): string {
  return iso ? day(iso) : "";
}

function iso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // Date.UTC maps years 0..99 to 1900..1999; a typed two-digit year is 20yy before it gets here.
  if (d > last) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(w));
  return i >= 0 ? i + 1 : null;
}

const year = (text: string): number => (text.length <= 2 ? 2000 + Number(text) : Number(text));

export type ReadDate = { date: string } | { error: string };

/** What the planner typed, as an ISO date, or why it is not one. Empty text reads as empty. */
export function readDate(text: string, order: NumericOrder = localeOrder()): ReadDate {
  const t = text.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  if (t === "") return { date: "" };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { date: d } : { error: `"${text.trim()}" is not a date (year-month-day)` };
  }
  // "7 Dec 2026", "7 December 2026", "Dec 7 2026".
  m = /^(\d{1,2}) ([A-Za-z]+\.?) (\d{2}|\d{4})$/.exec(t);
  const named = m ? { d: m[1], mon: m[2], y: m[3] } : null;
  const m2 = named ? null : /^([A-Za-z]+\.?) (\d{1,2}) (\d{2}|\d{4})$/.exec(t);
  const words = named ?? (m2 ? { d: m2[2], mon: m2[1], y: m2[3] } : null);
  if (words) {
    const month = monthOf(words.mon);
    const d = month ? iso(year(words.y), month, Number(words.d)) : null;
    return d ? { date: d } : { error: `"${text.trim()}" is not a date` };
  }
  m = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/.exec(t);
  if (m) {
    const [a, b, c] = [m[1], m[2], m[3]];
    const d =
      order === "year_first" || a.length === 4
        ? iso(year(a), Number(b), Number(c))
        : order === "month_first"
          ? iso(year(c), Number(a), Number(b))
          : iso(year(c), Number(b), Number(a));
    const as = a.length === 4 ? "year/month/day" : ORDER_WORDS[order];
    return d ? { date: d } : { error: `"${text.trim()}" is not a date read as ${as}, this computer's date order` };
  }
  return { error: `"${text.trim()}" is not a date: write it like ${showDate("2027-01-04")} or 2027-01-04` };
}
