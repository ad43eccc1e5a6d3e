// The plan edits stage 6 makes, as pure functions from plan to plan: assigning a report's
// campaign to a line, hand-entered actuals, invoices and learnings. The stage commits each one
// through `edit` (saved and checked by the core, undoable); the browser tests' scenarios build
// their plans with the same functions, so the fixtures hold exactly what the UI sends.

import type { Actual, Invoice, Learning, Line, Plan } from "../../bindings";

/** Save `campaign` (a campaign's or an ad set's name) on the line, so the platform report's rows
 * of that campaign or ad set match it. */
export function assignCampaign(plan: Plan, lineId: string, campaign: string): Plan {
  return {
    ...plan,
    lines: plan.lines.map((l): Line => {
      if (l.id !== lineId) return l;
      const launch = l.launch ?? { status: "planned" };
      const campaigns = launch.campaigns ?? [];
      if (campaigns.includes(campaign)) return l;
      return { ...l, launch: { ...launch, campaigns: [...campaigns, campaign] } };
    }),
  };
}

/** The fields of an actual the grid edits; an empty measure is removed from the document. */
export type ActualField = "line" | "start" | "end" | "spend" | "impressions" | "clicks" | "conversions" | "revenue";

const OPTIONAL: ActualField[] = ["impressions", "clicks", "conversions", "revenue"];

/** Set one field of actual `index`. A day's row (start = end) stays a day's row when its start
 * moves; a longer range keeps its end, and the core refuses an end before the start. */
export function setActual(plan: Plan, index: number, field: ActualField, value: string): Plan {
  const actuals = (plan.actuals ?? []).slice();
  const old = actuals[index];
  const next: Record<string, unknown> = { ...old };
  if (OPTIONAL.includes(field) && value === "") delete next[field];
  else next[field] = value;
  if (field === "start" && old && old.start === old.end) next.end = value;
  actuals[index] = next as Actual;
  return { ...plan, actuals };
}

/** A new hand-entered row (no `source`), covering `start` to `end`. */
export function addActual(plan: Plan, actual: Actual): Plan {
  return { ...plan, actuals: [...(plan.actuals ?? []), actual] };
}

export function removeActual(plan: Plan, index: number): Plan {
  const actuals = (plan.actuals ?? []).filter((_, i) => i !== index);
  return withList(plan, "actuals", actuals);
}

export function addInvoice(plan: Plan, invoice: Invoice): Plan {
  return { ...plan, invoices: [...(plan.invoices ?? []), invoice] };
}

export type InvoiceField = "vendor" | "month" | "amount" | "number" | "line";

export function setInvoice(plan: Plan, index: number, field: InvoiceField, value: string): Plan {
  const invoices = (plan.invoices ?? []).slice();
  const next: Record<string, unknown> = { ...invoices[index] };
  if ((field === "number" || field === "line") && value === "") delete next[field];
  else next[field] = value;
  invoices[index] = next as Invoice;
  return { ...plan, invoices };
}

export function removeInvoice(plan: Plan, index: number): Plan {
  return withList(plan, "invoices", (plan.invoices ?? []).filter((_, i) => i !== index));
}

export function addLearning(plan: Plan, learning: Learning): Plan {
  return { ...plan, learnings: [...(plan.learnings ?? []), learning] };
}

export function removeLearning(plan: Plan, index: number): Plan {
  return withList(plan, "learnings", (plan.learnings ?? []).filter((_, i) => i !== index));
}

/** An emptied list leaves the document, as the core writes it (it skips empty lists). */
function withList<K extends "actuals" | "invoices" | "learnings">(plan: Plan, key: K, list: NonNullable<Plan[K]>): Plan {
  const next = { ...plan };
  if (list.length === 0) delete next[key];
  else next[key] = list;
  return next;
}

/** Who sends the invoice for a line: its vendor, else its channel (as the core reconciles). */
export function vendorOf(line: Line): string {
  return line.vendor ?? line.channel;
}

/** The plan's vendors, in line order, each once. */
export function vendors(plan: Plan): string[] {
  return [...new Set(plan.lines.map(vendorOf))];
}
