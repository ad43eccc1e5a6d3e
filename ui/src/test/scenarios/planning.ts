// The planning browser tests' plans (see ../scenarios.ts): each one's core answers are generated
// into core-fixtures.json by scripts/make-fixtures.ts.
//
// Stage 3's edits: accepting the optimised split of the sample, marking a scenario as the one the
// PDF presents, and adding a scenario. The scenario edits use the UI's own functions; accepting is
// the core's (`optimise::accept`), rebuilt here from the CLI's allocation, so the mock's answers
// are the real core's for the same documents.

import type { Plan } from "../../bindings";
import { addScenario, presentScenario } from "../../stages/ScenarioCompare";

/**
 * The sample's optimised split, as printed by
 *   flightplan allocate "$(flightplan demo > /tmp/s.json; echo /tmp/s.json)" --curves
 * (allocation.lines[].budget of the lines that are not `fixed`, and allocation.budget).
 * Literals, because scenario functions must be pure; planning.test.mjs asserts they still equal
 * the fixtures' `sample.optimised`, which make-fixtures regenerates from the core every run.
 */
export const SAMPLE_OPTIMISED: { budget: string; lines: Record<string, string> } = {
  budget: "250000.00",
  lines: {
    "google-brand": "23792.43",
    "google-generic": "39863.26",
    "meta-pros": "59330.95",
    "meta-rtg": "9925.63",
    "tiktok-spark": "35087.73",
    "youtube-instream": "0.00",
  },
};

/** The plan with a split accepted: what the core's `accept_split` returns (see optimise.rs). */
export function acceptSplit(plan: Plan, split: { budget: string; lines: Record<string, string> }): Plan {
  return {
    ...plan,
    budget: split.budget,
    lines: plan.lines.map((l) => {
      const budget = split.lines[l.id];
      if (budget === undefined) return l;
      const next = { ...l, budget };
      delete next.share;
      return next;
    }),
  };
}

/** The scenario the browser test adds from the comparison's "Add scenario" form (as typed). */
export const ADDED_SCENARIO = { name: "Stretch", budget: "320,000" };

export function planningScenarios(sample: Plan): Record<string, Plan> {
  const aggressive = (sample.scenarios ?? []).findIndex((s) => s.name === "Aggressive");
  return {
    "planning.splitAccepted": acceptSplit(sample, SAMPLE_OPTIMISED),
    "planning.aggressivePresented": presentScenario(sample, aggressive),
    "planning.scenarioAdded": addScenario(sample, ADDED_SCENARIO.name, ADDED_SCENARIO.budget),
    // The sample's lines (250,000 of amounts) under a 400,000 budget: a line's share of net media
    // and its share of the budget differ, as they do in any plan with money unallocated.
    "planning.unallocated": { ...sample, budget: "400000.00", scenarios: undefined },
  };
}
