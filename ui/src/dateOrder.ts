// How the planner's locale writes dates with numbers only, for the core's paste: the US (and a
// few others) month first, ISO-style locales year first, most of the world day first. The core
// reads by this order and refuses a date it cannot be sure of; the planner can change it in the
// paste preview.

import type { DateOrder } from "./bindings";

const MONTH_FIRST = ["en-us", "en-ph", "en-as", "en-gu", "en-mp", "en-pr", "en-um", "en-vi", "es-us", "en-fm", "en-mh"];
const YEAR_FIRST = ["zh", "ja", "ko", "hu", "lt", "mn", "sv", "fr-ca", "en-ca", "eu", "si"];

/** The date order for a BCP 47 locale ("en-US" → month first, "en-GB" → day first, "ja" → year first). */
export function dateOrderFor(locale: string | undefined): DateOrder {
  const l = (locale ?? "").toLowerCase();
  if (!l) return "unknown";
  if (MONTH_FIRST.some((m) => l === m || l.startsWith(`${m}-`))) return "month_first";
  if (YEAR_FIRST.some((y) => l === y || l.startsWith(`${y}-`))) return "year_first";
  return "day_first";
}

export const DATE_ORDER_LABEL: Record<DateOrder, string> = {
  month_first: "Month first (US: 5/17/2027)",
  day_first: "Day first (UK, Europe: 17/05/2027)",
  year_first: "Year first (ISO: 2027-05-17)",
  unknown: "Not sure (refuse any date that could be read both ways)",
};
