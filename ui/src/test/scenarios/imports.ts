// The plan imports the browser and unit tests make (Import plan…), shared with the fixture
// generator (scripts/make-import-fixtures.ts), which asks the real CLI for each preview under
// exactly the choices the UI sends, so the mocks answer with the core's own previews.
//
// Files, as a planner would pick them from Downloads:
// - agency-plan.xlsx: a messy agency workbook (tests/fixtures/imports, built by the desktop
//   tests): title block, sections, subtotals, a cost column headed "Spend allocation" that no
//   guess knows. The planner maps it to net media; that mapping is saved and applied next time.
// - example_mediaplan_v2.0.json: the shared mediaplanschema 2.0 example.
// - lines-no-currency.csv: amounts without a currency anywhere; the planner chooses EUR.
// - broken-rate.csv: a rate typed "8,5x" on row 3; the import stays blocked.
// - cold-brew-agency-v3.json / spring-refresh.json: flightplan/1 plan files (see files.ts), the
//   second with a rate typed as a word (refused as soon as it is read).

import type { ImportChoices, ImportPreview, ImportField } from "../../bindings";
export { withColumn } from "../../importMappings";

export const PICKED = "/home/planner/Downloads/";

/** The correction the planner makes in the agency workbook. */
export const AGENCY_CORRECTION: { header: string; field: ImportField } = { header: "Spend allocation", field: "budget" };
/** The currency chosen for the CSV that states none. */
export const CHOSEN_CURRENCY = "EUR";

/** One fixture: the file, the choices sent, and the core's answers. */
export interface ImportFixture {
  file: string;
  /** Where the planner picks it (the mock's dialog answer). */
  path: string;
  choices: ImportChoices;
  /** `flightplan import FILE --preview` under the choices; absent when the file cannot be read. */
  preview?: ImportPreview;
  /** The file could not be read at all (choose_plan_import's error). */
  read_error?: { code: string; message: string; path?: string; line?: string };
  /** `flightplan import FILE -o PLAN` under the choices: the plan and its view, or every error. */
  commit?: { plan: unknown; view: unknown } | { errors: { code: string; message: string; path?: string; line?: string }[] };
}
