// Regenerates src/test/reach-fixtures.json: the real core's answers the browser-test mock gives
// for reach-led planning, from the CLI:
//   catalogues  `flightplan catalogue [--universe N]` for each universe the tests' plans carry
//               (none: the blank plan; the sample's; the road-safety plan's), keyed by the
//               universe as the plan writes it ("" for none): the app's `catalogue` command;
//   scenarios   `flightplan compute` of the road-safety plan (tests/fixtures/road-safety.json)
//               and of each edit in src/test/scenarios/reach.ts, like core-fixtures.json.
// Run after the core changes (part of `npm run fixtures`).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Catalogue, Plan } from "../src/bindings";
import { cliError } from "./cli-errors";
import { canonical } from "../src/test/canonical";
import { reachScenarios } from "../src/test/scenarios/reach";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-reach-"));

const roadSafety = JSON.parse(readFileSync(join(root, "tests/fixtures/road-safety.json"), "utf8")) as Plan;
const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" })) as Plan;

const catalogues: Record<string, Catalogue> = {};
for (const universe of ["", sample.universe ?? "", roadSafety.universe ?? ""]) {
  const args = universe ? ["catalogue", "--universe", universe] : ["catalogue"];
  catalogues[universe] = JSON.parse(execFileSync(cli, args, { encoding: "utf8" }));
}

type Out = { name: string; key: string; plan: unknown; view?: unknown; error?: unknown };
const scenarios: Out[] = [];
for (const [name, plan] of Object.entries(reachScenarios(roadSafety, catalogues[roadSafety.universe ?? ""]))) {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  const run = spawnSync(cli, ["compute", file, "--as-written"], { encoding: "utf8" });
  const entry: Out = { name, key: canonical(plan), plan };
  if (run.status === 0) entry.view = JSON.parse(run.stdout);
  else entry.error = cliError(run.stderr);
  scenarios.push(entry);
}
writeFileSync(
  resolve(import.meta.dirname, "../src/test/reach-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-reach-fixtures.ts from `flightplan catalogue` and `flightplan compute`", catalogues, scenarios }, null, 1) + "\n",
);
console.log(
  [`catalogues: ${Object.keys(catalogues).map((u) => u || "(none)").join(", ")}`]
    .concat(scenarios.map((o) => `${o.name}: ${o.view ? "view" : `error ${JSON.stringify(o.error)}`}`))
    .join("\n"),
);
