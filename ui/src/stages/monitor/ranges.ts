// The days an actual covers. Every actual is a range `{start, end}` (both inclusive): a day's row
// has start = end, a week's runs Monday to Sunday, an imported row may cover a month or whatever
// period the platform's report covered. The grid, the new-row form and the import preview say
// which in words and offer the usual choices; the calendar arithmetic here is on ISO dates only
// (no money), and the core checks every range it is given.

import { day, period } from "../../format";

const DAY = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function toUtc(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 31 February over into March: such a day is not a date.
  return new Date(t).toISOString().slice(0, 10) === iso ? t : null;
}

const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `iso` moved by `n` days; an unreadable date comes back as it was. */
export function addDays(iso: string, n: number): string {
  const t = toUtc(iso);
  return t === null ? iso : fromUtc(t + n * DAY);
}

/** The Monday of the week (Monday to Sunday) holding `iso`. */
export function mondayOf(iso: string): string {
  const t = toUtc(iso);
  if (t === null) return iso;
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return fromUtc(t - weekday * DAY);
}

/** The week, Monday to Sunday, holding `iso`. */
export function weekOf(iso: string): { start: string; end: string } {
  const start = mondayOf(iso);
  return { start, end: addDays(start, 6) };
}

/** Days from `start` to `end`, both counted; null when either is not a date or end is first. */
export function dayCount(start: string, end: string): number | null {
  const a = toUtc(start);
  const b = toUtc(end);
  if (a === null || b === null || b < a) return null;
  return Math.round((b - a) / DAY) + 1;
}

/** How a row's days are usually chosen: one day, a week Monday to Sunday, or any range. */
export type Cover = "day" | "week" | "range";

/** Which of the usual choices a range is. */
export function coverOf(start: string, end: string): Cover {
  if (start === end) return "day";
  return dayCount(start, end) === 7 && mondayOf(start) === start ? "week" : "range";
}

/** What a row covers, in a word or two: "Day", "Week" (Monday to Sunday), "Jan 2027" (a whole
 * month), else "12 days". */
export function coverLabel(start: string, end: string): string {
  const n = dayCount(start, end);
  if (n === null) return "";
  const cover = coverOf(start, end);
  if (cover === "day") return "Day";
  if (cover === "week") return "Week";
  if (start.endsWith("-01") && addDays(end, 1).endsWith("-01") && start.slice(0, 7) === end.slice(0, 7)) {
    return `${MONTHS[Number(start.slice(5, 7)) - 1]} ${start.slice(0, 4)}`;
  }
  return `${n} days`;
}

/** A range as text: "4 Jan 2027" for a day, "4 Jan – 10 Jan 2027" for more. */
export function rangeText(start: string, end: string): string {
  return start === end ? day(start) : period(start, end);
}
