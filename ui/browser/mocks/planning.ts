// The browser-test mock's answers for the planning commands (stage 3: the channel catalogue,
// "Optimise split" and the scenario comparison), from the real core's fixtures. A plan the fixtures hold no answer for is
// refused with the error the core gave (or the mock's own "no fixture" error), never invented.

import reachFixtures from "../../src/test/reach-fixtures.json";
import type { Entry, Handlers, MockContext } from "./context";

/** `flightplan catalogue [--universe N]`, by the universe as the plan writes it ("" for none). */
const catalogues = (reachFixtures as { catalogues: Record<string, unknown> }).catalogues;

/** The fixture's answer to one command, or the core's refusal of the plan or of that command. */
function answer(entry: Entry, field: "optimised" | "optimisedBudget" | "comparison"): unknown {
  if (entry.error) throw entry.error;
  const refused = entry.errors?.[field];
  if (refused) throw refused;
  if (entry[field] === undefined) throw { code: "mock_no_fixture", message: `the fixtures hold no ${field} answer for this plan` };
  return entry[field];
}

/**
 * Plans whose accepted split is in the fixtures: accepting is the core's `optimise::accept`,
 * which the CLI does not print, so scenarios/planning.ts builds it from the CLI's allocation.
 */
const ACCEPTED: Record<string, string> = { sample: "planning.splitAccepted" };

export const handlers: Handlers = {
  catalogue: (args) => {
    const universe = typeof args.universe === "string" ? args.universe.trim() : "";
    const answer = catalogues[universe];
    if (answer === undefined) throw { code: "mock_no_fixture", message: `the fixtures hold no catalogue for the universe "${universe}"` };
    return answer;
  },
  // The allocated money by default; the whole budget once the planner says "allocate the rest too"
  // (`flightplan allocate --curves --basis budget`).
  optimise_split: (args, ctx: MockContext) => answer(ctx.byPlan(args.plan), args.basis === "budget" ? "optimisedBudget" : "optimised"),
  accept_split: (args, ctx: MockContext) => {
    const entry = ctx.byPlan(args.plan);
    if (args.basis === "budget") throw { code: "mock_no_fixture", message: "the fixtures hold no accepted split of a whole budget" };
    answer(entry, "optimised");
    const accepted = ACCEPTED[entry.name];
    if (!accepted) throw { code: "mock_no_fixture", message: `the fixtures hold no accepted split for "${entry.name}"` };
    return ctx.byName(accepted).plan;
  },
  compare_scenarios: (args, ctx: MockContext) => answer(ctx.byPlan(args.plan), "comparison"),
};
