// Regenerates src/test/core-fixtures.json: the real core's answer (`flightplan compute`) for each
// plan the browser tests send. Run after the core changes:
//   cargo build -p flightplan-cli && npx vite-node scripts/make-fixtures.ts

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PASTED_TSV, scenarios } from "../src/test/scenarios";
import { cliError } from "./cli-errors";
import { canonical } from "../src/test/canonical";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-fixtures-"));

const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" }));
// The fixed "today" of the fixtures, so they do not change with the calendar.
const TODAY = "2026-11-21";
// Besides `compute`, each plan's answer to the commands stages 3, 5 and 6 call, from the CLI
// commands that print the same shapes (errors kept by command name).
const extra: [string, (file: string) => string[]][] = [
  ["launch", (f) => ["launch", f]],
  ["monitor", (f) => ["pacing", f, "--today", TODAY]],
  ["optimised", (f) => ["allocate", f, "--curves"]],
  ["optimisedBudget", (f) => ["allocate", f, "--curves", "--basis", "budget"]],
  ["comparison", (f) => ["compare", f]],
];
type Out = { name: string; key: string; plan: unknown; view?: unknown; error?: unknown; errors?: Record<string, unknown> } & Record<string, unknown>;
const out: Out[] = [];
for (const [name, plan] of Object.entries(scenarios(sample))) {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  const run = spawnSync(cli, ["compute", file, "--as-written"], { encoding: "utf8" });
  const entry: Out = { name, key: canonical(plan), plan };
  if (run.status !== 0) {
    out.push({ ...entry, error: cliError(run.stderr) });
    continue;
  }
  entry.view = JSON.parse(run.stdout);
  for (const [field, args] of extra) {
    const r = spawnSync(cli, args(file), { encoding: "utf8" });
    if (r.status === 0) entry[field] = JSON.parse(r.stdout);
    else (entry.errors ??= {})[field] = cliError(r.stderr);
  }
  out.push(entry);
}
writeFileSync(
  resolve(import.meta.dirname, "../src/test/core-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-fixtures.ts from `flightplan compute`", pasted_tsv: PASTED_TSV, scenarios: out }, null, 1) + "\n",
);
console.log(out.map((o) => `${o.name}: ${o.view ? "view" : `error ${JSON.stringify(o.error)}`}`).join("\n"));
