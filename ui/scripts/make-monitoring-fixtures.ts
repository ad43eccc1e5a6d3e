// Regenerates src/test/monitoring-fixtures.json: the real core's stage 6 answers the browser-test
// mock gives for the monitoring scenarios (src/test/scenarios/monitoring.ts), from the CLI:
//   previews  `flightplan actuals import PLAN FILE --write OUT` per plan and report: the preview,
//             with `actuals` = OUT's actuals (what the app's preview_actuals returns) and `file`
//             as the file's own name (the app names it so); a refused report keeps the CLI's
//             {code, message} error; a report without dates is previewed again with the period
//             the planner gives (`--period START..END`, the app's `period`), stored with the
//             entry as `period`; any other report is previewed through a column mapping
//             (`--mapping M`, the JSON the app sends as preview_actuals' `mapping`), stored with
//             the entry as `mapping`; a UK report whose dates read two ways is previewed as
//             the core reads it and again in the order the planner picks (`--dates mdy`, the
//             app's `dates`), stored with the entry as `dates`;
//   reviews   `flightplan pacing PLAN --as-of DAY` for as-of days the planner picks;
//   next      `flightplan roll-forward PLAN -o NEXT --as-of D` with D the app's default as-of day
//             (the last day the actuals cover, as of the fixtures' "today"), and
//             `flightplan compute NEXT` for the new plan's view. `parent` names the plan file the
//             CLI read, where the app names the library plan.
// Runs before scripts/make-fixtures.ts (see the `fixtures` npm script): the imported plan of the
// scenarios is built from this file's preview.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { cliError } from "./cli-errors";
import type { DateOrder, Plan } from "../src/bindings";
import { ADSET_REPORT, ALL_TIME_REPORT, assignedPlan, brazilAssignedPlan, brazilPlan, GOOGLE_REPORT, monitoredPlan, PT_REPORT } from "../src/test/scenarios/monitoring";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-monitoring-"));
const TODAY = "2026-11-21";
// The shared sample exports, beside the repository like every other test that reads them.
const EXPORTS = resolve(root, "../shared/platform-exports");
/** Exports people really downloaded (each with a .source.txt giving its origin and totals). */
const REAL = join(EXPORTS, "real");
/** Fixtures name each report by where a planner would pick it, not by where this machine keeps
 * it, so they come out the same on every checkout. */
const PICKED = "/home/planner/Downloads/";
const picked = (path: string) => PICKED + basename(path);

/** A real report with one cell broken, at a fixed path so the fixture stays the same run to run. */
const BROKEN_REPORT = join(tmpdir(), "fp-monitoring-fixtures", "google_ads_campaign_report_broken.csv");
mkdirSync(join(tmpdir(), "fp-monitoring-fixtures"), { recursive: true });
{
  const lines = readFileSync(join(EXPORTS, basename(GOOGLE_REPORT)), "utf8").split("\n");
  lines[9] = lines[9].replace(",89.84,", ",8x9.84,"); // file line 10: the Cost cell
  writeFileSync(BROKEN_REPORT, lines.join("\n"));
}
const REPORTS = [
  join(EXPORTS, basename(GOOGLE_REPORT)),
  join(EXPORTS, "meta_ads_campaigns_daily_USD.csv"),
  join(EXPORTS, "tiktok_ads_campaigns_by_day.csv"),
  BROKEN_REPORT,
];
/** An agency's own report, read through a column mapping: one that fits it and one naming a
 * spend column the file does not have (the core refuses it). */
const AGENCY_REPORT = resolve(import.meta.dirname, "../src/test/files/agency-report.csv");
const AGENCY_COLUMNS = { date: "Day", campaign: "Campaign", spend: "Cost", impressions: "Impr", clicks: "Clicks", conversions: "Orders", revenue: "Sales" };
const MAPPINGS = [
  { ...AGENCY_COLUMNS, currency: "USD" },
  { date: "Day", campaign: "Campaign", spend: "Spend", currency: "USD" },
];
const AS_OF_DAYS = ["2027-01-10", "2027-01-17"];
/** The period the import preview offers for a report without dates in the monitored plan: the
 * plan's first day to its review day. */
const MONITORED_PERIOD = "2027-01-04..2027-01-24";
const ADSETS = resolve(import.meta.dirname, "../src/test/files", basename(ADSET_REPORT));
/** The Google Ads sample as a UK account writes it (01/09/2025 .. 07/09/2025), without its
 * title's range: only the dates' own run says they are day first. */
const UK_REPORT = resolve(import.meta.dirname, "../src/test/files/google-ads-uk-daily.csv");
const ALL_TIME = join(REAL, basename(ALL_TIME_REPORT));
const PORTUGUESE = join(REAL, basename(PT_REPORT));

const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" })) as Plan;

function write(name: string, plan: unknown): string {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

function run(args: string[]): { ok: true; out: Record<string, unknown> } | { ok: false; error: unknown } {
  const r = spawnSync(cli, args, { encoding: "utf8" });
  return r.status === 0 ? { ok: true, out: JSON.parse(r.stdout) } : { ok: false, error: cliError(r.stderr) };
}

type Preview = { scenario: string; path: string; mapping?: unknown; period?: string; dates?: DateOrder; preview?: Record<string, unknown>; error?: unknown };
const previews: Preview[] = [];
/** How one report is read: as detected, with the period the planner gives, through a mapping, or
 * with its dates in the order the planner picks. */
type Read = { path: string; period?: string; mapping?: Record<string, string>; dates?: DateOrder };
function previewOne(scenario: string, file: string, { path, period, mapping, dates }: Read): void {
  const out = join(work, `${scenario}-merged.json`);
  const args = ["actuals", "import", file, path, "--write", out];
  if (mapping) args.push("--mapping", write(`${scenario}-mapping`, mapping));
  if (period) args.push("--period", period);
  if (dates) args.push("--dates", dates === "day_first" ? "dmy" : "mdy");
  const r = run(args);
  const entry = { scenario, path: picked(path), ...(mapping ? { mapping } : {}), ...(period ? { period } : {}), ...(dates ? { dates } : {}) };
  if (!r.ok) {
    previews.push({ ...entry, error: r.error });
    return;
  }
  const merged = JSON.parse(readFileSync(out, "utf8")) as Plan;
  previews.push({ ...entry, preview: { ...r.out, file: basename(path), actuals: merged.actuals ?? [] } });
}
function preview(scenario: string, plan: Plan, reads: Read[]): void {
  const file = write(scenario, plan);
  for (const read of reads) previewOne(scenario, file, read);
}

const monitored = monitoredPlan(sample);
const assigned = assignedPlan(sample);
const samples: Read[] = REPORTS.map((path) => ({ path }));
preview("monitored", monitored, [
  ...samples,
  { path: ADSETS },
  { path: ALL_TIME },
  { path: ALL_TIME, period: MONITORED_PERIOD },
  ...MAPPINGS.map((mapping) => ({ path: AGENCY_REPORT, mapping })),
  { path: UK_REPORT },
  { path: UK_REPORT, dates: "month_first" },
]);
preview("monitorAssigned", assigned, samples);
preview("brazil", brazilPlan(sample), [{ path: PORTUGUESE }]);
preview("brazilAssigned", brazilAssignedPlan(sample), [{ path: PORTUGUESE }]);
const accepted = previews.find((p) => p.scenario === "monitorAssigned" && p.path === GOOGLE_REPORT)?.preview;
if (!accepted) throw new Error("the assigned plan's preview of the Google Ads report failed");
const imported: Plan = { ...assigned, actuals: accepted.actuals as Plan["actuals"] };
for (const p of previews.filter((x) => x.path === picked(PORTUGUESE) || x.path === picked(ALL_TIME))) {
  if (!p.preview && !(p.path === picked(ALL_TIME) && !p.period)) throw new Error(`${p.scenario} reading ${p.path}: ${JSON.stringify(p.error)}`);
}

const reviews: { scenario: string; as_of: string; monitor: unknown }[] = [];
const next: Record<string, unknown>[] = [];
for (const [scenario, plan] of Object.entries({ monitored, monitorAssigned: assigned, monitorImported: imported })) {
  const file = write(scenario, plan);
  for (const day of AS_OF_DAYS) {
    const r = run(["pacing", file, "--as-of", day]);
    if (!r.ok) throw new Error(`pacing ${scenario} as of ${day}: ${JSON.stringify(r.error)}`);
    const { unmatched: _unmatched, ...monitor } = r.out;
    reviews.push({ scenario, as_of: day, monitor });
  }
  const asOf = run(["pacing", file, "--today", TODAY]);
  if (!asOf.ok) throw new Error(`pacing ${scenario}: ${JSON.stringify(asOf.error)}`);
  const nextFile = join(work, `${scenario}-next.json`);
  const rolled = run(["roll-forward", file, "-o", nextFile, "--as-of", asOf.out.as_of as string]);
  if (!rolled.ok) throw new Error(`roll-forward ${scenario}: ${JSON.stringify(rolled.error)}`);
  const nextPlan = JSON.parse(readFileSync(nextFile, "utf8")) as Plan;
  const view = run(["compute", nextFile, "--as-written"]);
  if (!view.ok) throw new Error(`compute the next plan of ${scenario}: ${JSON.stringify(view.error)}`);
  next.push({
    scenario,
    as_of: asOf.out.as_of,
    name: nextPlan.name,
    start: nextPlan.start,
    end: nextPlan.end,
    rebased: rolled.out.rebased,
    plan: nextPlan,
    view: view.out,
  });
}

writeFileSync(
  resolve(import.meta.dirname, "../src/test/monitoring-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-monitoring-fixtures.ts from the flightplan CLI", broken_report: picked(BROKEN_REPORT), previews, reviews, next }, null, 1) + "\n",
);
console.log(
  [
    ...previews.map((p) => `preview ${p.scenario} ${basename(p.path)}${p.mapping ? " (mapped)" : ""}${p.period ? ` (${p.period})` : ""}: ${p.error ? `error ${JSON.stringify(p.error)}` : "ok"}`),
    ...reviews.map((r) => `review ${r.scenario} as of ${r.as_of}`),
    ...next.map((n) => `next ${n.scenario}: ${n.name} (${(n.rebased as unknown[]).length} rebased)`),
  ].join("\n"),
);
