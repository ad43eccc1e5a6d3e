// The reach-led fixtures (reach-fixtures.json, the real core's answers) typed for the unit tests.

import reach from "./reach-fixtures.json";
import type { Catalogue, Plan } from "../bindings";
import type { PlanView } from "../types";

export function reachScenario(name: string): { plan: Plan; view: PlanView | undefined; error: unknown } {
  const s = (reach.scenarios as { name: string; plan: unknown; view?: unknown; error?: unknown }[]).find((x) => x.name === name);
  if (!s) throw new Error(`no reach fixture "${name}": add it to src/test/scenarios/reach.ts and run npm run fixtures`);
  return { plan: s.plan as Plan, view: s.view as PlanView | undefined, error: s.error };
}

/** `flightplan catalogue [--universe N]`, by the universe as the plan writes it ("" for none). */
export function catalogueFor(universe: string | null | undefined): Catalogue {
  const c = (reach.catalogues as Record<string, unknown>)[universe ?? ""];
  if (!c) throw new Error(`no catalogue fixture for the universe "${universe}"`);
  return c as Catalogue;
}
