// The files browser tests' plans (see ../scenarios.ts): each one's core answers are generated
// into core-fixtures.json by scripts/make-fixtures.ts.

import type { Plan } from "../../bindings";

export function filesScenarios(_sample: Plan): Record<string, Plan> {
  return {};
}
