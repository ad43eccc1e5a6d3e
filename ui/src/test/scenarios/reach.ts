// The reach-led browser tests' plans (see ../../../scripts/make-reach-fixtures.ts, which asks the
// real core for each one's answer into reach-fixtures.json): the road-safety brief of issue 15
// (tests/fixtures/road-safety.json: $8M over 21 days, men 18–34, TV and radio, NBD k 0.5, goal
// "reach 25% at 8+") and the edits the tests make to it, made with the UI's own functions.

import type { Catalogue, Plan } from "../../bindings";
import { lineFromEntry } from "../../stages/ChannelCatalogue";
import { chooseModel, setEffectiveFrequency } from "../../stages/ReachModelPanel";
import { setCount } from "../../stages/lineUnits";

/** The road-safety plan's name, as the library lists it. */
export const ROAD_SAFETY = "Buckle Up — May mobilisation";

/** The catalogue entry the stage 3 test adds. */
export const BILLBOARDS = { channel: "Out of home", name: "Billboards — per face per week" };

const line = (plan: Plan, id: string, change: (l: Plan["lines"][number]) => Plan["lines"][number]): Plan => ({
  ...plan,
  lines: plan.lines.map((l) => (l.id === id ? change(l) : l)),
});

/** `roadSafety` as read from its file; `catalogue` the core's for its universe (37,500,000). */
export function reachScenarios(roadSafety: Plan, catalogue: Catalogue): Record<string, Plan> {
  const billboards = catalogue.channels.find((e) => e.channel === BILLBOARDS.channel && e.name === BILLBOARDS.name);
  if (!billboards) throw new Error("the catalogue has no billboards entry");
  return {
    "reach.roadSafety": roadSafety,
    // Stage 1: reach at 10+ instead of 8+ (short of the goal), a 40% target, NBD k 1, Poisson.
    "reach.atTen": setEffectiveFrequency(roadSafety, "10"),
    "reach.target40": { ...roadSafety, goal: { ...roadSafety.goal!, target: "40" } },
    "reach.kOne": { ...roadSafety, reach_model: { kind: "nbd", k: "1" } },
    "reach.poisson": chooseModel(roadSafety, { kind: "poisson" }),
    // Stage 2: network radio's impressions only 80% on target.
    "reach.radioOnTarget": line(roadSafety, "radio-network", (l) => ({ ...l, target_pct: "80" })),
    // Stage 3: billboards added from the core's catalogue at its default rate and faces.
    "reach.billboards": { ...roadSafety, lines: [...roadSafety.lines, lineFromEntry(roadSafety, billboards, billboards.rate ?? "")] },
    // Stage 4: network TV books 120 spots; its prime daypart share typed as 60 (the shares then
    // sum to 110, which the core refuses).
    "reach.tvSpots": line(roadSafety, "tv-network", (l) => setCount(l, "spots", "120")),
    "reach.primeSixty": line(roadSafety, "tv-network", (l) => ({
      ...l,
      dayparts: (l.dayparts ?? []).map((d) => (d.name === "Prime" ? { ...d, share: "60" } : d)),
    })),
  };
}
