// Regenerates src/test/print-fixtures.json: the one-page PDF the print view draws, as the CLI
// exports it (`flightplan export PLAN -o OUT.pdf --paper a4|letter --date DAY`: the bytes the
// app's print_pdf and export_pdf hand out for the same plan, day and paper), base64 with its
// warnings, for the sample plan on each paper. Run after the core or the PDF changes (part of
// `npm run fixtures`).

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { canonical } from "../src/test/canonical";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-print-"));
// The fixed "today" of the fixtures (as make-fixtures.ts), printed as "Prepared on".
const TODAY = "2026-11-21";

const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" }));
const planFile = join(work, "sample.json");
writeFileSync(planFile, JSON.stringify(sample, null, 2));
const pages = (["a4", "letter"] as const).map((paper) => {
  const out = join(work, `sample-${paper}.pdf`);
  const said = JSON.parse(execFileSync(cli, ["export", planFile, "-o", out, "--paper", paper, "--date", TODAY], { encoding: "utf8" }));
  return { name: "sample", key: canonical(sample), paper, warnings: said.warnings as string[], pdf: readFileSync(out).toString("base64") };
});
writeFileSync(
  resolve(import.meta.dirname, "../src/test/print-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-print-fixtures.ts from `flightplan export --paper`", date: TODAY, pages }, null, 1) + "\n",
);
