// The edits the browser tests make, as plan documents. Shared by the fixture generator (which
// asks the real core for each one's answer) and the tests (which make the same edits in the UI),
// so the mock answers with the core's own figures, never hand-written ones.

import type { Plan } from "../bindings";
import { buyingScenarios } from "./scenarios/buying";
import { filesScenarios } from "./scenarios/files";
import { monitoringScenarios } from "./scenarios/monitoring";
import { planningScenarios } from "./scenarios/planning";

/** Three lines as copied from a spreadsheet, in the grid's column order. */
export const PASTED_TSV = [
  "Search — Brand\tGoogle Ads\tCPC\t1.20\t8000\t\t2027-01-04\t2027-03-28\tCPA\t25",
  "Prospecting\tMeta\tCPM\t9.50\t12000\t\t2027-01-04\t2027-03-28\tCPA\t30",
  "Newsletter sponsor\tMorning Brew\tFlat\t\t5000\t\t2027-02-01\t2027-02-28\t\t",
].join("\r\n");

/** An empty plan like the one "New plan → Blank" makes, with a fixed period. */
export function blankPlan(): Plan {
  return {
    format: "flightplan/1",
    name: "Untitled plan",
    client: "New client",
    currency: "USD",
    start: "2027-01-04",
    end: "2027-04-04",
    budget: "25000",
    status: "draft",
    version: 1,
    fees: { agency_commission_pct: "0", agency_commission_basis: "gross", ad_serving_cpm: "0", tech_fee_pct: "0" },
    lines: [],
    settings: { calendar: "standard", learning_events_per_week: 50, paper: "a4", number_style: "1,234.56" },
  } as Plan;
}

export function scenarios(sample: Plan): Record<string, Plan> {
  const budget = { ...sample, budget: "300000.00" };
  const badRate = { ...sample, lines: sample.lines.map((l, i) => (i === 1 ? { ...l, rate: "-2.40" } : l)) };
  const blank = blankPlan();
  // The first line's end dragged on the flowchart from the last week back to the week of 8 March.
  const dragged = { ...sample, lines: sample.lines.map((l, i) => (i === 0 ? { ...l, end: "2027-03-14" } : l)) };
  return {
    sample,
    budget,
    badRate,
    blank,
    dragged,
    ...planningScenarios(sample),
    ...buyingScenarios(sample),
    ...monitoringScenarios(sample),
    ...filesScenarios(sample),
  };
}
