// The UI as built for the app, with Tauri's IPC answered by @tauri-apps/api/mocks from the real
// core's output (src/test/core-fixtures.json, made by scripts/make-fixtures.ts). A plan the
// fixtures do not hold is answered with an error that names it, so a test can never pass on
// invented figures.

import { mockIPC } from "@tauri-apps/api/mocks";
import fixtures from "../src/test/core-fixtures.json";
import reachFixtures from "../src/test/reach-fixtures.json";
import trustFixtures from "../src/test/trust-fixtures.json";
import updateFixtures from "../src/test/update-fixtures.json";
import { canonical } from "../src/test/canonical";

import { handlers } from "./mocks";
import { keptLines } from "./keptLines.mjs";
import type { Entry, MockContext, Stored } from "./mocks/context";

// The core's answers for the plans the tests send: core-fixtures.json's, the reach-led ones
// (the road-safety plan and its edits, reach-fixtures.json), and the everyday-trust ones (pasted
// blocks placed by the core, the approved plan's refused edit: trust-fixtures.json), and the
// sample updated from its CSV sent back (update-fixtures.json).
const scenarios = [
  ...(fixtures as { scenarios: Entry[] }).scenarios,
  ...(reachFixtures as { scenarios: Entry[] }).scenarios,
  ...(trustFixtures as { scenarios: Entry[] }).scenarios,
  ...(updateFixtures as unknown as { scenarios: Entry[] }).scenarios,
];
const byName = (n: string) => scenarios.find((s) => s.name === n)!;
const byPlan = (plan: unknown): Entry => {
  const hit = scenarios.find((s) => s.key === canonical(plan));
  if (!hit) throw { code: "mock_no_fixture", message: "the browser-test mock has no core answer for this plan" };
  return hit;
};
const plans: Stored[] = [
  { id: 1, plan: byName("sample").plan as Record<string, unknown>, view: byName("sample").view, updated_at: "2026-11-21T09:30:00.000Z" },
  { id: 2, plan: byName("blank").plan as Record<string, unknown>, view: byName("blank").view, updated_at: "2026-11-20T16:05:00.000Z" },
];
// The monitoring tests' plans, the sample three weeks into its flight and a search plan in reais:
// in the library when the page is opened with ?monitored (so the other tests' library stays as it
// was).
if (new URLSearchParams(location.search).has("monitored")) {
  plans.push({ id: 3, plan: byName("monitored").plan as Record<string, unknown>, view: byName("monitored").view, updated_at: "2026-11-19T08:00:00.000Z" });
  plans.push({ id: 4, plan: byName("brazil").plan as Record<string, unknown>, view: byName("brazil").view, updated_at: "2026-11-18T17:40:00.000Z" });
}
// The reach-led tests' plan (tests/fixtures/road-safety.json), with ?reach.
if (new URLSearchParams(location.search).has("reach")) {
  const rs = byName("reach.roadSafety");
  plans.push({ id: 4, plan: rs.plan as Record<string, unknown>, view: rs.view, updated_at: "2026-11-18T15:20:00.000Z" });
}
// The long plan the grid and flowchart draw a window of (trust-fixtures.json), with ?long.
if (new URLSearchParams(location.search).has("long")) {
  const long = byName("trust.long");
  plans.push({ id: 5, plan: long.plan as Record<string, unknown>, view: long.view, updated_at: "2026-11-18T12:00:00.000Z" });
}
const versions: { id: number; plan_id: number; name: string; created_at: string }[] = [];
const calls: { cmd: string; args: unknown }[] = [];
(window as unknown as { __ipcCalls: typeof calls }).__ipcCalls = calls;

function summary(p: Stored) {
  const d = p.plan as Record<string, string>;
  return {
    id: p.id,
    name: d.name,
    client: d.client,
    brand: d.brand ?? "",
    status: d.status ?? "draft",
    currency: d.currency,
    start: d.start,
    end: d.end,
    budget: (p.view as { totals: { budget: string } }).totals.budget,
    number_style: (p.plan as { settings?: { number_style?: string } }).settings?.number_style ?? "1,234.56",
    created_at: p.updated_at,
    updated_at: p.updated_at,
  };
}

function find(id: number): Stored {
  const p = plans.find((x) => x.id === id && !x.deleted);
  if (!p) throw { code: "plan_not_found", message: `there is no plan ${id} in the library` };
  return p;
}



// The views handed out, by the number the shell gives them, with their plans
// (src-tauri/src/shown_views.rs): a save sent as its changes to the plan held is put back
// together from it, and a save naming the view held is answered with only the lines that
// changed, as the app does.
type Line = { id: string };
const held = new Map<number, { viewId: number; plan: { lines: unknown[] }; lines: Line[] }>();
let lastViewId = 0;
function numbered(planId: number, plan: unknown, view: unknown): number {
  held.set(planId, { viewId: ++lastViewId, plan: plan as { lines: unknown[] }, lines: (view as { lines: Line[] }).lines });
  return lastViewId;
}
function answer(planId: number, viewId: unknown, plan: unknown, view: unknown) {
  const before = held.get(planId);
  const newId = numbered(planId, plan, view);
  if (!before || before.viewId !== viewId) return { view_id: newId, view, kept: null };
  const { kept, view: changed } = keptLines(before, view as { lines: Line[] });
  return { view_id: newId, view: changed, kept: { from: before.viewId, lines: kept } };
}

/** A save's text body (`ID [VIEW [changes]]` on the first line, then the plan whole or as its
 * changes) as the `{id, view_id?, plan}` the handlers and the tests read. */
function sentArgs(payload: unknown): Record<string, unknown> {
  if (!(payload instanceof Uint8Array)) return (payload ?? {}) as Record<string, unknown>;
  const text = new TextDecoder().decode(payload);
  const nl = text.indexOf("\n");
  const [id, viewId, changes] = text.slice(0, nl).trim().split(/\s+/);
  const body = text.slice(nl + 1);
  const args = { id: Number(id), ...(viewId === undefined ? {} : { view_id: Number(viewId) }) };
  if (changes !== "changes") return { ...args, plan: JSON.parse(body) };
  const h = held.get(args.id);
  if (!h || h.viewId !== Number(viewId)) throw { code: "view_not_held", message: `view ${viewId} is not held` };
  const [head, kept, changed] = body.split("\n").map((part) => JSON.parse(part));
  const sent = (changed as unknown[]).values();
  const lines = (kept as (number | null)[]).map((k) => (k === null ? sent.next().value : h.plan.lines[k]));
  return { ...args, plan: { ...head, lines } };
}

const ctx: MockContext = { plans, scenarios, byName, byPlan, find, numbered };

mockIPC((cmd, payload) => {
  const args = sentArgs(payload);
  calls.push({ cmd, args: JSON.parse(JSON.stringify(args)) });
  switch (cmd) {
    case "list_plans":
      return plans.filter((p) => !p.deleted).map(summary);
    case "open_plan": {
      const p = find(args.id as number);
      return { id: p.id, plan: p.plan, view: p.view, view_id: numbered(p.id, p.plan, p.view) };
    }
    case "save_plan": {
      const p = find(args.id as number);
      const hit = scenarios.find((s) => s.key === canonical(args.plan));
      if (!hit) throw { code: "mock_no_fixture", message: "the browser-test mock has no core answer for this plan" };
      if (hit.error) throw hit.error;
      p.plan = hit.plan as Record<string, unknown>;
      p.view = hit.view;
      return answer(p.id, args.view_id, args.plan, hit.view);
    }
    case "list_versions":
      find(args.id as number);
      return versions.filter((v) => v.plan_id === args.id);
    case "snapshot_plan": {
      find(args.id as number);
      const name = String(args.name ?? "").trim();
      if (!name) throw { code: "version_name", message: "a version needs a name" };
      versions.unshift({ id: versions.length + 1, plan_id: args.id as number, name, created_at: "2026-11-21T10:00:00.000Z" });
      return versions.filter((v) => v.plan_id === args.id);
    }
    case "create_plan": {
      const from = byName(args.from === "sample" ? "sample" : "blank");
      const id = Math.max(...plans.map((x) => x.id)) + 1;
      plans.push({ id, plan: from.plan as Record<string, unknown>, view: from.view, updated_at: "2026-11-21T11:00:00.000Z" });
      return id;
    }
    case "duplicate_plan": {
      const p = find(args.id as number);
      const id = Math.max(...plans.map((x) => x.id)) + 1;
      plans.push({ ...p, id, plan: { ...p.plan, name: `${p.plan.name as string} (copy)` } });
      return id;
    }
    case "delete_plan":
      find(args.id as number).deleted = true;
      return null;
    case "restore_plan": {
      const p = plans.find((x) => x.id === args.id);
      if (p) p.deleted = false;
      return null;
    }
    default:
      if (handlers[cmd]) return handlers[cmd](args, ctx);
      throw { code: "mock_unknown_command", message: `the browser-test mock does not answer ${cmd}` };
  }
}, { shouldMockEvents: true }); // events (the native menu's "menu") through the mock's listen/emit

await import("../src/main");
