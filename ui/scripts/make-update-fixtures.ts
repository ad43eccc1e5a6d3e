// Regenerates src/test/update-fixtures.json: the real core's answers to "Update from file…" for
// the sample plan, from the CLI (`flightplan update PLAN FILE --preview`, the same PlanUpdate the
// desktop's preview_plan_update returns):
//   applied  the plan's CSV sent back with the first line's rate 1.20 → 1.35 and its third line
//            deleted;
//   refused  a plan file picked instead of a spreadsheet;
// and, for the browser tests' save_plan, the core's view of the updated plan (`flightplan compute`).
// Run: cargo build -p flightplan-cli && npx vite-node scripts/make-update-fixtures.ts

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { PlanUpdate } from "../src/bindings";
import { canonical } from "../src/test/canonical";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-update-fixtures-"));
const plan = join(work, "plan.json");
writeFileSync(plan, execFileSync(cli, ["demo"], { encoding: "utf8" }));

const csv = join(work, "Cold Brew lines.csv");
execFileSync(cli, ["export", plan, "-o", csv, "--date", "2026-11-20"], { encoding: "utf8" });
const rows = readFileSync(csv, "utf8").split("\n");
if (!rows[1].includes(",1.20,")) throw new Error(`the first line's rate is not 1.20: ${rows[1]}`);
rows[1] = rows[1].replace(",1.20,", ",1.35,");
rows.splice(3, 1);
writeFileSync(csv, rows.join("\n"));

const update = (file: string): PlanUpdate => JSON.parse(execFileSync(cli, ["update", plan, file, "--preview"], { encoding: "utf8" }));
const applied = update(csv);
const refused = update(plan);
if (!applied.ready || refused.ready) throw new Error("the applied update must be ready and the refused one not");

const updated = join(work, "updated.json");
writeFileSync(updated, JSON.stringify(applied.plan));
const view = JSON.parse(execFileSync(cli, ["compute", updated, "--as-written"], { encoding: "utf8" }));
const scenarios = [{ name: "update.applied", key: canonical(applied.plan), plan: applied.plan, view }];

writeFileSync(
  resolve(import.meta.dirname, "../src/test/update-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-update-fixtures.ts from `flightplan update --preview`", applied, refused, scenarios }, null, 1) + "\n",
);
console.log(`applied: ${applied.changes?.changes.length} figures, ${applied.changes?.lines_removed.length} removed; refused: ${refused.problems.map((p) => p.code).join(", ")}`);
