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
