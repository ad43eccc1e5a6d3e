// The browser-test mock's answers for Import plan…, from the real core's previews
// (src/test/import-fixtures.json, made by scripts/make-import-fixtures.ts with the CLI).
//
// As plan_import.rs: choose_plan_import asks in the open dialog (dialogs.ts) and numbers the
// file picked, known here by its name; preview_plan_import answers the fixture for that file
// under exactly the choices sent (any other choices are a named error, so a test never passes on
// an invented preview); commit_plan_import adds the core's imported plan to the mock library, or
// refuses with the first error (and how many more), and lets the file go.
// Update from file…: choose_plan_import with `update` asks for a spreadsheet in words of its own;
// preview_plan_update answers the core's update of the sample for the file picked
// (src/test/update-fixtures.json, made by scripts/make-update-fixtures.ts).

import fixtures from "../../src/test/import-fixtures.json";
import updates from "../../src/test/update-fixtures.json";
import type { PlanUpdate } from "../../src/bindings";
import { canonical } from "../../src/test/canonical";
import type { ImportFixture } from "../../src/test/scenarios/imports";
import type { Handlers } from "./context";
import { ask, baseName } from "./dialogs";

const imports = (fixtures as unknown as { imports: ImportFixture[] }).imports;
/** Files chosen this session, by number; null once imported. */
const chosen: (string | null)[] = [];

const FILTERS = [
  { name: "Plans (XLSX, CSV, mediaplanschema or flightplan JSON)", extensions: ["xlsx", "csv", "json", "flightplan"] },
  { name: "Spreadsheets (XLSX, CSV)", extensions: ["xlsx", "csv"] },
  { name: "Plan documents (mediaplanschema, flightplan/1 JSON)", extensions: ["json", "flightplan"] },
];

function fixtureFor(source: unknown, choices: unknown): ImportFixture {
  const file = typeof source === "number" ? chosen[source] : undefined;
  if (!file) {
    throw { code: "unknown_import", message: "source: no file is open for import under this number (it was imported or set aside): choose the file again", path: "source" };
  }
  const hit = imports.find((f) => f.file === file && canonical(f.choices) === canonical(choices ?? {}));
  if (!hit) throw { code: "mock_no_fixture", message: `the browser-test mock has no preview of ${file} under ${canonical(choices)}` };
  return hit;
}

const UPDATES = [updates.applied, updates.refused] as unknown as PlanUpdate[];

export const handlers: Handlers = {
  choose_plan_import: (args) => {
    if (args.update === true) {
      const path = ask({ kind: "open", title: "Update the plan from a spreadsheet", filters: [FILTERS[1], FILTERS[0]] });
      if (path === null) return null;
      const hit = UPDATES.find((u) => u.file === baseName(path));
      if (!hit) throw { code: "file_not_found", message: `${baseName(path)}: No such file or directory (os error 2)` };
      chosen.push(hit.file);
      return { source: chosen.length - 1, file: hit.file, kind: hit.kind };
    }
    const path = ask({ kind: "open", title: "Import a plan", filters: FILTERS });
    if (path === null) return null;
    const file = baseName(path);
    const first = imports.find((f) => f.file === file && canonical(f.choices) === "{}");
    if (!first) throw { code: "file_not_found", message: `${file}: No such file or directory (os error 2)` };
    if (first.read_error) throw first.read_error;
    chosen.push(file);
    return { source: chosen.length - 1, file, kind: first.preview!.kind };
  },
  preview_plan_import: (args) => fixtureFor(args.source, args.choices).preview,
  preview_plan_update: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    const file = typeof args.source === "number" ? chosen[args.source] : undefined;
    const hit = UPDATES.find((u) => u.file === file);
    if (!hit) throw { code: "unknown_import", message: "source: no file is open for import under this number (it was imported or set aside): choose the file again", path: "source" };
    if (plan.name !== (updates.applied.plan as { name: string }).name) throw { code: "mock_no_fixture", message: "the browser-test mock updates only the sample plan" };
    return hit;
  },
  commit_plan_import: (args, ctx) => {
    const hit = fixtureFor(args.source, args.choices);
    const commit = hit.commit!;
    if ("errors" in commit) {
      const [first, ...more] = commit.errors;
      const tail = more.length ? ` (and ${more.length} more ${more.length === 1 ? "problem" : "problems"} in the preview)` : "";
      throw { ...first, message: first.message + tail };
    }
    const id = Math.max(...ctx.plans.map((p) => p.id)) + 1;
    ctx.plans.push({ id, plan: commit.plan as Record<string, unknown>, view: commit.view, updated_at: "2026-11-21T12:15:00.000Z" });
    chosen[args.source as number] = null;
    return id;
  },
};
