// The files browser tests' plans (see ../scenarios.ts): each one's core answers are generated
// into core-fixtures.json by scripts/make-fixtures.ts.
//
// - filesImported: the plan file a colleague sends back, the sample under a new name; it is
//   previewed and imported through Import plan… (its preview and imported plan are the CLI's, in
//   import-fixtures.json, made by scripts/make-import-fixtures.ts from this plan).
// - filesBroken: the same file with a rate typed as a word. Its `error` is the core's own refusal
//   of the file as written by the fixture generator (`flightplan compute` reads it with the plan
//   file's rules, as choose_plan_import does), so the line and column in the message are real.

import type { Plan } from "../../bindings";

/** The imported plan's name, as the library shows it. */
export const IMPORTED_NAME = "Q1 2027 Cold Brew Launch — agency v3";

export function filesScenarios(sample: Plan): Record<string, Plan> {
  const filesImported = { ...sample, name: IMPORTED_NAME };
  const filesBroken = {
    ...sample,
    lines: sample.lines.map((l, i) => (i === 1 ? { ...l, rate: "twelve" } : l)),
  } as unknown as Plan;
  return { filesImported, filesBroken };
}
