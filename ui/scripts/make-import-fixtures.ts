// Regenerates src/test/import-fixtures.json: the real core's import previews for the files the
// Import plan… tests pick (src/test/scenarios/imports.ts), from the CLI:
//   preview  `flightplan import FILE --preview [--mapping M] [--currency C]`, M being the
//            mapping the UI sends (the JSON of ImportChoices.mapping); the desktop's
//            preview_plan_import returns the same ImportPreview for the same file name;
//   commit   `flightplan import FILE -o PLAN [...]` then `flightplan compute PLAN`: the plan the
//            library would hold and its view, or every error the import is refused with;
//   a file that cannot be read at all keeps the CLI's error (choose_plan_import's).
// Run: cargo build -p flightplan-cli && npx vite-node scripts/make-import-fixtures.ts

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ImportChoices, ImportPreview, Plan } from "../src/bindings";
import { cliErrors } from "./cli-errors";
import { canonical } from "../src/test/canonical";
import { AGENCY_CORRECTION, CHOSEN_CURRENCY, PICKED, withColumn, type ImportFixture } from "../src/test/scenarios/imports";
import { filesScenarios } from "../src/test/scenarios/files";

const root = resolve(import.meta.dirname, "../..");
const cli = process.env.FLIGHTPLAN_CLI ?? join(root, "target/debug/flightplan");
const work = mkdtempSync(join(tmpdir(), "fp-import-fixtures-"));
const IMPORTS = join(root, "tests/fixtures/imports");
const SHARED_EXAMPLE = resolve(root, "../shared/formats/mediaplanschema-3.0/example_mediaplan_v2.0.json");

// Every file under the name the planner picks, in one folder (the CLI names a file by its own name).
const sample = JSON.parse(execFileSync(cli, ["demo"], { encoding: "utf8" })) as Plan;
const { filesImported, filesBroken } = filesScenarios(sample);
const files: Record<string, string> = {};
for (const [name, from] of [
  ["agency-plan.xlsx", join(IMPORTS, "agency-plan.xlsx")],
  ["lines-no-currency.csv", join(IMPORTS, "lines-no-currency.csv")],
  ["broken-rate.csv", join(IMPORTS, "broken-rate.csv")],
  ["example_mediaplan_v2.0.json", SHARED_EXAMPLE],
]) {
  copyFileSync(from, join(work, name));
  files[name] = join(work, name);
}
for (const [name, plan] of [
  ["cold-brew-agency-v3.json", filesImported],
  ["spring-refresh.json", filesBroken],
] as const) {
  writeFileSync(join(work, name), JSON.stringify(plan, null, 2));
  files[name] = join(work, name);
}

function choiceArgs(choices: ImportChoices, tag: string): string[] {
  const args: string[] = [];
  if (choices.mapping) {
    const m = join(work, `${tag}-mapping.json`);
    writeFileSync(m, JSON.stringify(choices.mapping));
    args.push("--mapping", m);
  }
  if (choices.currency) args.push("--currency", choices.currency);
  return args;
}

const errorsOf = cliErrors;

const out: ImportFixture[] = [];
function fixture(file: string, choices: ImportChoices): ImportFixture {
  const seen = out.find((f) => f.file === file && canonical(f.choices) === canonical(choices));
  if (seen) return seen;
  const tag = `${file}-${out.length}`;
  const entry: ImportFixture = { file, path: PICKED + file, choices };
  const p = spawnSync(cli, ["import", files[file], "--preview", ...choiceArgs(choices, tag)], { encoding: "utf8" });
  if (p.status !== 0) {
    entry.read_error = errorsOf(p.stderr)[0];
    out.push(entry);
    return entry;
  }
  entry.preview = JSON.parse(p.stdout) as ImportPreview;
  const planFile = join(work, `${tag}-plan.json`);
  const c = spawnSync(cli, ["import", files[file], "-o", planFile, ...choiceArgs(choices, tag)], { encoding: "utf8" });
  if (c.status === 0) {
    const view = JSON.parse(execFileSync(cli, ["compute", planFile, "--as-written"], { encoding: "utf8" }));
    entry.commit = { plan: JSON.parse(readFileSync(planFile, "utf8")), view };
  } else {
    entry.commit = { errors: errorsOf(c.stderr) };
  }
  out.push(entry);
  return entry;
}

// The agency workbook: as guessed, and with the planner's correction (which is also what is
// saved for the layout and sent with the next file of it); then "not imported" for a guessed
// column on top of the correction.
fixture("agency-plan.xlsx", {});
const corrected = fixture("agency-plan.xlsx", withColumn({}, AGENCY_CORRECTION.header, AGENCY_CORRECTION.field));
fixture("agency-plan.xlsx", withColumn(corrected.choices, "Notes", "ignore"));
fixture("example_mediaplan_v2.0.json", {});
fixture("lines-no-currency.csv", {});
fixture("lines-no-currency.csv", { currency: CHOSEN_CURRENCY });
fixture("broken-rate.csv", {});
fixture("cold-brew-agency-v3.json", {});
fixture("spring-refresh.json", {});

writeFileSync(
  resolve(import.meta.dirname, "../src/test/import-fixtures.json"),
  JSON.stringify({ generated_by: "ui/scripts/make-import-fixtures.ts from `flightplan import --preview`", imports: out }, null, 1) + "\n",
);
console.log(
  out
    .map((f) => {
      const what = f.read_error
        ? `refused: ${f.read_error.code}`
        : `${f.preview!.plan.lines.length} lines, ${f.preview!.problems.filter((p) => p.level === "error").length} errors, commit ${f.commit && "plan" in f.commit ? "ok" : "refused"}`;
      return `${f.file} ${canonical(f.choices)}: ${what}`;
    })
    .join("\n"),
);
