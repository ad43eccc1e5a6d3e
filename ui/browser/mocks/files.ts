// The browser-test mock's answers for the files commands, from the real core's fixtures.
//
// The shell opens the save and open dialogs itself (see dialogs.ts): a cancelled dialog answers
// null. Plan files to import are known by file name (IMPORTS): the plan they hold is a fixture
// scenario, so what the library shows after an import is the core's own view of it, and a broken
// file is refused with the core's own error for it.

import type { Entry, Handlers, MockContext } from "./context";
import { ask, baseName, exportFileName } from "./dialogs";

/** File name → the fixture scenario the file holds (see src/test/scenarios/files.ts). */
const IMPORTS: Record<string, string> = {
  "cold-brew-agency-v3.json": "filesImported",
  "spring-refresh.json": "filesBroken",
};

/** Files written this session, by number: the only ones open_export opens (as export.rs). */
const exported: string[] = [];

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: "PDF", extensions: ["pdf"] },
  xlsx: { name: "XLSX workbook", extensions: ["xlsx"] },
  csv: { name: "CSV", extensions: ["csv"] },
  flightplan: { name: "Flightplan plan", extensions: ["flightplan", "json"] },
};

/** As export.rs: ask where to save; add a missing extension; number the file written. */
function save(plan: Record<string, unknown>, ext: string, title: string, warnings: string[] = []) {
  const picked = ask({ kind: "save", title, fileName: exportFileName(plan, ext), filters: [FILTERS[ext]] });
  if (picked === null) return null;
  const path = /\.[^./\\]+$/.test(baseName(picked)) ? picked : `${picked}.${ext}`;
  exported.push(path);
  return { export: exported.length - 1, path, warnings };
}

function importFile(ctx: MockContext): number | null {
  const path = ask({ kind: "open", title: "Import a plan file", filters: [FILTERS.flightplan] });
  if (path === null) return null;
  const name = baseName(path);
  const scenario = IMPORTS[name];
  if (!scenario) throw { code: "file_not_found", message: `${name}: No such file or directory (os error 2)` };
  const entry: Entry = ctx.byName(scenario);
  // import_plan_file (files.rs) prefixes the core's error with the file's name.
  if (entry.error) {
    const e = entry.error as { message: string };
    throw { ...e, message: `${name}: ${e.message}` };
  }
  const id = Math.max(...ctx.plans.map((p) => p.id)) + 1;
  ctx.plans.push({ id, plan: entry.plan as Record<string, unknown>, view: entry.view, updated_at: "2026-11-21T12:15:00.000Z" });
  return id;
}

export const handlers: Handlers = {
  import_plan_file: (_args, ctx) => importFile(ctx),
  export_plan_file: (args, ctx) => save(ctx.find(args.id as number).plan, "flightplan", "Export the plan file"),
  export_table: (args, ctx) => {
    const format = String(args.format);
    if (format !== "xlsx" && format !== "csv") {
      throw { code: "invalid_field", message: `format: "${format}" is not a spreadsheet format (use xlsx or csv)`, path: "format" };
    }
    const plan = ctx.find(args.id as number).plan;
    return save(plan, format, format === "xlsx" ? "Export the plan as an XLSX workbook" : "Export the lines as CSV");
  },
  // The warnings depend on the fonts of the machine that renders; the sample fits with none.
  export_pdf: (args, ctx) => save(ctx.find(args.id as number).plan, "pdf", "Export the one-page plan"),
  open_export: (args) => {
    const n = Number(args.export);
    if (!Number.isInteger(n) || exported[n] === undefined) {
      throw { code: "not_exported", message: "export: no file was exported under this number in this session, so nothing is opened", path: "export" };
    }
    return null;
  },
};

/** A file written by another mock (insertion orders), numbered for open_export. */
export function registerExport(path: string): number {
  exported.push(path);
  return exported.length - 1;
}
