// Regenerates src/test/core-fixtures.json: the real core's answer (`flightplan compute`) for each
// plan the browser tests send. Run after the core changes:
//   cargo build -p flightplan-cli && npx vite-node scripts/make-fixtures.ts

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PASTED_TSV, scenarios } from "../src/test/scenarios";
import { canonical } from "../src/test/canonical";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-fixtures-"));

const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" }));
const out: { name: string; key: string; plan: unknown; view?: unknown; error?: unknown }[] = [];
for (const [name, plan] of Object.entries(scenarios(sample))) {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan, null, 2));
  const run = spawnSync(cli, ["compute", file], { encoding: "utf8" });
  const entry = { name, key: canonical(plan), plan };
  if (run.status === 0) out.push({ ...entry, view: JSON.parse(run.stdout) });
  else out.push({ ...entry, error: JSON.parse(run.stderr) });
}
writeFileSync(
  resolve(import.meta.dirname, "../src/test/core-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-fixtures.ts from `flightplan compute`", pasted_tsv: PASTED_TSV, scenarios: out }, null, 1) + "\n",
);
console.log(out.map((o) => `${o.name}: ${o.view ? "view" : `error ${JSON.stringify(o.error)}`}`).join("\n"));
