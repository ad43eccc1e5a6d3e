// Display formatting of the exact strings the core returns. Nothing here does arithmetic on
// money: digits are grouped as text, so "1234567.50" can never become 1234567.4999….

import type { NumberStyle, Pricing } from "./types";
import { CURRENCY_SIGNS } from "./bindings/rules";

const SEPARATORS: Record<NumberStyle, [group: string, point: string]> = {
  "1,234.56": [",", "."],
  "1.234,56": [".", ","],
  "1 234,56": ["\u202f", ","],
  "1,23,456.78": [",", "."],
};

/** Group the integer digits of an exact decimal string: "1234567.50" → "1,234,567.50". */
export function groupDigits(value: string, style: NumberStyle = "1,234.56"): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const [, sign, int, frac] = m;
  const [group, point] = SEPARATORS[style] ?? SEPARATORS["1,234.56"];
  // Indian grouping: the last three digits, then twos (lakhs, crores).
  const every = style === "1,23,456.78" ? /\B(?=(\d{2})*\d{3}(?!\d))/g : /\B(?=(\d{3})+(?!\d))/g;
  const grouped = int.replace(every, group);
  return sign + grouped + (frac !== undefined ? point + frac : "");
}

/** A plain decimal as a planner types it in the plan's style, without grouping: "0.015" is
 * "0,015" where the plan writes 1.234,56. The grid edits and copies cells this way, so what is
 * typed or pasted back reads the same. */
export function decimalInStyle(value: string, style: NumberStyle = "1,234.56"): string {
  return SEPARATORS[style]?.[1] === "," ? value.replace(".", ",") : value;
}

/** A decimal string or an em dash when the core has no figure (e.g. clicks on a radio line). */
export function num(value: string | null | undefined, style?: NumberStyle): string {
  return value === null || value === undefined ? "—" : groupDigits(value, style);
}

/** The currency's sign as the core writes it on the PDF and the workbook ("$", "€", or its code
 * and a non-breaking space: "CHF 1,200.00"), from the core's generated table. */
export function currencySymbol(code: string): string {
  const sign = CURRENCY_SIGNS[code];
  return sign === undefined ? `${code}\u00a0` : sign.replace(/ $/, "\u00a0");
}

/** Money as the core gave it, grouped, with the currency symbol: "-$1,234.56". */
export function money(value: string, currency: string, style?: NumberStyle): string {
  const grouped = groupDigits(value, style);
  const sym = currencySymbol(currency);
  return grouped.startsWith("-") ? `-${sym}${grouped.slice(1)}` : `${sym}${grouped}`;
}

/** True when an exact decimal string is not zero (checks digits, no number conversion). */
export function isNonZero(value: string): boolean {
  return /[1-9]/.test(value);
}

/** True when an exact decimal string is negative and not zero. */
export function isNegative(value: string): boolean {
  return value.trim().startsWith("-") && isNonZero(value);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "2027-01-04" → "4 Jan 2027". */
export function day(date: string): string {
  const p = parts(date);
  return p ? `${p[2]} ${MONTHS[p[1] - 1]} ${p[0]}` : date;
}

/** A plan period, the year said once when both ends share it: "4 Jan – 28 Mar 2027". */
export function period(start: string, end: string): string {
  const a = parts(start);
  const b = parts(end);
  if (!a || !b) return `${start} – ${end}`;
  if (a[0] === b[0]) return `${a[2]} ${MONTHS[a[1] - 1]} – ${day(end)}`;
  return `${day(start)} – ${day(end)}`;
}

/** The day of month of a week's Monday, for the flowchart's week row. */
export function dayOfMonth(date: string): string {
  const p = parts(date);
  return p ? String(p[2]) : date;
}

/** An RFC 3339 timestamp in the planner's local time: "21 Nov 2026, 14:05". */
export function timestamp(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const hh = String(d.getHours()).padStart(2, "0");
  const mm = String(d.getMinutes()).padStart(2, "0");
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}

const PRICING: Record<Pricing, string> = {
  cpm: "CPM",
  cpc: "CPC",
  cpa: "CPA",
  cpv: "CPV",
  cpp: "CPP",
  flat: "Flat",
  per_face_week: "Per face/week",
  per_insertion: "Per insertion",
};

export function pricingLabel(p: Pricing | string): string {
  return PRICING[p as Pricing] ?? p.toUpperCase();
}

/** "proposed" → "Proposed". */
export function titleCase(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1).replace(/_/g, " ") : s;
}

/** A percent the core computed: "33.95" → "33.95%"; an em dash when there is none. */
export function pct(value: string | null | undefined, style?: NumberStyle): string {
  return value === null || value === undefined ? "—" : `${groupDigits(value, style)}%`;
}

const UNIT_ONE: Record<string, string> = { spots: "spot", faces: "face", insertions: "insertion" };

/** A count of a traditional line's units as a planner says it: "32 spots", "1 face". */
export function units(count: string | number, unit: string, style?: NumberStyle): string {
  const text = String(count);
  const word = text === "1" ? UNIT_ONE[unit] ?? unit : unit;
  return `${groupDigits(text, style)} ${word}`;
}
