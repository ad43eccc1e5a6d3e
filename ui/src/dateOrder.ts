// How the planner's locale writes dates with numbers only, for the core's paste: the US (and a
// few others) month first, ISO-style locales year first, most of the world day first. The core
// reads by this order and refuses a date it cannot be sure of; the planner can change it in the
// paste preview.

import type { DateOrder } from "./bindings";
import { localeOrder } from "./dates";

/** The date order for a BCP 47 locale ("en-US" → month first, "en-GB" → day first, "ja" → year
 * first): the one reading dates.ts uses for typed dates, so a pasted and a typed 5/3/2027 mean the
 * same day. */
export function dateOrderFor(locale: string | undefined): DateOrder {
  return locale ? localeOrder(locale) : "unknown";
}

export const DATE_ORDER_LABEL: Record<DateOrder, string> = {
  month_first: "Month first (US: 5/17/2027)",
  day_first: "Day first (UK, Europe: 17/05/2027)",
  year_first: "Year first (ISO: 2027-05-17)",
  unknown: "Not sure (refuse any date that could be read both ways)",
};
