// How stage 6 writes the core's ratios and metrics: the core gives CTR, CVR and rate KPIs already
// as percents rounded for reading (`ctr_pct`, `actual_shown`, ...), ROAS as a multiple, pace as a
// percent; here they only get their sign (%, ×) or currency. Nothing is rounded here.

import type { Kpi } from "../../bindings";
import type { NumberStyle } from "../../types";
import { groupDigits, money } from "../../format";
import { KPI_LABEL, KPI_UNIT } from "../model";

/** A percent the core already gave in percent ("71.8") → "71.8%". */
export function pct(value: string | null | undefined, style?: NumberStyle): string {
  return value === null || value === undefined ? "—" : `${groupDigits(value, style)}%`;
}

/** ROAS "3.68" → "3.68×". */
export function multiple(value: string | null | undefined, style?: NumberStyle): string {
  return value === null || value === undefined ? "—" : `${groupDigits(value, style)}×`;
}

/** A KPI's value as the core shows it (`actual_shown`, `target_shown`: a rate already a percent
 * rounded by the core) in the KPI's unit from the core's table: money for costs, a percent for
 * rates and reach, × for ROAS, a plain count otherwise. */
export function kpiValue(kpi: Kpi | null, shown: string | null | undefined, currency: string, style?: NumberStyle): string {
  if (shown === null || shown === undefined) return "—";
  switch (kpi ? KPI_UNIT[kpi] : "count") {
    case "money":
      return money(shown, currency, style);
    case "fraction":
    case "percent":
      return pct(shown, style);
    case "multiple":
      return multiple(shown, style);
    default:
      return groupDigits(shown, style);
  }
}

export function kpiLabel(kpi: Kpi | null | undefined): string {
  return kpi ? KPI_LABEL[kpi] : "No KPI";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-01" → "Jan 2027". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : month;
}

/** "2027-01-18" → "18 Jan": a day in the plan's year, said short. */
export function shortDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}` : date;
}

/** Lines in a file, runs collapsed: [4, 7, 10, 11, 12] → "4, 7, 10–12". With `max`, only the
 * first `max` runs are listed and the rest counted: "4, 7, 10–12, … (120 lines in all)". */
export function fileLines(lines: number[], max?: number): string {
  const sorted = [...lines].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  if (max !== undefined && runs.length > max) return `${runs.slice(0, max).join(", ")}, … (${sorted.length} lines in all)`;
  return runs.join(", ");
}
