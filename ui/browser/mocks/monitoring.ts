// The browser-test mock's answers for the monitoring commands, from the real core's fixtures:
// review_plan from each plan's `monitor` (core-fixtures.json, `flightplan pacing`) or, for an
// as-of day the planner picked, from monitoring-fixtures.json; preview_actuals and
// roll_forward_plan from monitoring-fixtures.json (the CLI's answers, made by
// scripts/make-monitoring-fixtures.ts); a report read through a column mapping is found by its
// path and the exact mapping the UI sent, a report without dates by its path and the period, and a report read with the date order the planner
// picked by that order. A plan, day or file the fixtures do not hold is answered
// with an error that names it, so a test can never pass on invented figures.

import fixtures from "../../src/test/monitoring-fixtures.json";
import type { Handlers } from "./context";
import { canonical } from "../../src/test/canonical";
import { ask, baseName } from "./dialogs";

/** Reports the planner picked in the shell's open dialog, by number (as monitoring.rs). */
const chosen: string[] = [];

type Preview = { scenario: string; path: string; mapping?: unknown; period?: string; dates?: string; preview?: unknown; error?: unknown };
type Review = { scenario: string; as_of: string; monitor: unknown };
type Next = { scenario: string; name: string; start: string; end: string; rebased: unknown; plan: unknown; view: unknown };
const fx = fixtures as unknown as { previews: Preview[]; reviews: Review[]; next: Next[] };

const noFixture = (what: string) => ({ code: "mock_no_fixture", message: `the browser-test mock has no core answer for ${what}` });

export const handlers: Handlers = {
  review_plan: (args, ctx) => {
    const entry = ctx.byPlan(args.plan);
    if (entry.errors?.monitor) throw entry.errors.monitor;
    const { unmatched: _unmatched, ...monitor } = entry.monitor as Record<string, unknown>;
    const asOf = args.asOf as string | null;
    if (!asOf || asOf === monitor.as_of) return monitor;
    const hit = fx.reviews.find((r) => r.scenario === entry.name && r.as_of === asOf);
    if (!hit) throw noFixture(`${entry.name} as of ${asOf}`);
    return hit.monitor;
  },
  choose_report: () => {
    const path = ask({ kind: "open", title: "Import a platform report", filters: [{ name: "Platform reports (CSV, XLSX)", extensions: ["csv", "xlsx"] }] });
    if (path === null) return null;
    chosen.push(path);
    return { report: chosen.length - 1, file: baseName(path) };
  },
  preview_actuals: (args, ctx) => {
    const path = chosen[Number(args.report)];
    if (path === undefined) throw { code: "unknown_report", message: "report: no report was chosen under this number", path: "report" };
    const entry = ctx.byPlan(args.plan);
    const platform = (args.platform as string | null) ?? "auto";
    const mapping = args.mapping ?? null;
    const period = (args.period as string | null) ?? null;
    const dates = (args.dates as string | null) ?? null;
    const hit = fx.previews.find(
      (p) =>
        p.scenario === entry.name &&
        p.path === path &&
        canonical(p.mapping ?? null) === canonical(mapping) &&
        (p.period ?? null) === period &&
        (p.dates ?? null) === dates,
    );
    const expected = mapping ? "mapped" : "auto";
    if (!hit || platform !== expected) {
      throw noFixture(`${entry.name} reading ${path} (${platform}${mapping ? ` with mapping ${canonical(mapping)}` : ""}${period ? ` for ${period}` : ""}${dates ? ` dates ${dates}` : ""})`);
    }
    if (hit.error) throw hit.error;
    return hit.preview;
  },
  roll_forward_plan: (args, ctx) => {
    const stored = ctx.find(args.id as number);
    const entry = ctx.byPlan(stored.plan);
    const next = fx.next.find((n) => n.scenario === entry.name);
    if (!next) throw noFixture(`rolling ${entry.name} forward`);
    const id = Math.max(...ctx.plans.map((p) => p.id)) + 1;
    ctx.plans.push({ id, plan: next.plan as Record<string, unknown>, view: next.view, updated_at: "2026-11-21T12:30:00.000Z" });
    return { id, name: next.name, start: next.start, end: next.end, rebased: next.rebased };
  },
};
