// The everyday-trust tests' inputs, shared by the fixture generator (scripts/make-trust-fixtures.ts,
// which asks the real core) and the tests (which make the same moves in the UI).

/** When the fixtures' library records approvals and versions. */
export const NOW = "2026-11-21T10:15:00Z";
/** Who approves the sample plan. */
export const APPROVER = "Dana Whitfield";
/** The edit made to the approved plan: this line's budget. */
export const EDITED_LINE = "meta-pros";
export const EDITED_BUDGET = "9000";

/** A block copied from a spreadsheet with a header row, its columns in the sheet's own order and
 * US dates (5/3/2027 is 3 May only when read month first). */
export const HEADER_TSV = [
  "Channel\tLine\tBudget\tStart\tEnd",
  "Meta\tProspecting\t12,000\t1/4/2027\t3/28/2027",
  "Google Ads\tSearch — Brand\t8,000\t2/1/2027\t3/28/2027",
].join("\r\n");

/** A comment left on the sample's Meta prospecting line (`flightplan comment`). */
export const COMMENT = { line: "meta-pros", author: "Sam Ortiz", text: "Is the Meta CPM net of fees?", at: "2026-11-21T11:00:00Z" };

/** A channel the planner adds to the rate card (`flightplan library rates add`, the rate card
 * screen's "Add a channel"), in the rate card file's own words. */
export const ADDED_CHANNEL = {
  channel: "Podcasts",
  name: "Host reads",
  vendor: "Acast",
  medium: "audio",
  buying: "direct",
  role: "consideration",
  demand: "creation",
  pricing: "cpm",
  rate: "25.00",
} as const;

/** A long plan: the sample's lines repeated to 125 (each 0.8% of the budget), which the grid and
 * the flowchart draw a window of; the test edits the rate of line LONG_EDIT.row, far down. */
export const LONG_LINES = 125;
export const LONG_EDIT = { row: 110, rate: "2.50" };
export function longPlan<P extends { lines: L[] }, L extends { id: string; name: string }>(sample: P): P {
  const lines = Array.from({ length: LONG_LINES }, (_, i) => {
    const l: Record<string, unknown> = { ...sample.lines[i % sample.lines.length], id: `long-${i + 1}`, name: `${sample.lines[i % sample.lines.length].name} ${i + 1}`, share: "0.8" };
    delete l.budget;
    delete l.weights;
    return l as unknown as L;
  });
  // The scenarios and actuals name the sample's own line ids.
  return { ...sample, name: "Long plan", lines, scenarios: undefined, actuals: undefined, invoices: undefined, learnings: undefined };
}
/** The long plan with line LONG_EDIT.row's rate changed, as the grid commits it. */
export function longPlanEdited<P extends { lines: L[] }, L extends { rate?: string }>(long: P): P {
  return { ...long, lines: long.lines.map((l, i) => (i === LONG_EDIT.row ? { ...l, rate: LONG_EDIT.rate } : l)) };
}
