// The browser-test mock's answers for the files commands, from the real core's fixtures.
//
// Native dialogs: a test queues what the planner picks with
//   page.evaluate(() => window.__dialogAnswers.push("/home/ana/plan.json"))
// and each open or save dialog takes the next answer; an empty queue is a cancelled dialog.
// Plan files to import are known by file name (IMPORTS): the plan they hold is a fixture
// scenario, so what the library shows after an import is the core's own view of it, and a broken
// file is refused with the core's own error for it.

import type { Entry, Handlers, MockContext } from "./context";

declare global {
  interface Window {
    /** Paths the next native open/save dialogs return, in order (see above). */
    __dialogAnswers: string[];
  }
}
window.__dialogAnswers = [];

const dialog = () => window.__dialogAnswers.shift() ?? null;

/** File name → the fixture scenario the file holds (see src/test/scenarios/files.ts). */
const IMPORTS: Record<string, string> = {
  "cold-brew-agency-v3.json": "filesImported",
  "spring-refresh.json": "filesBroken",
};

/** Files written this session: the only ones open_export opens (as export.rs). */
const exported = new Set<string>();

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** As export.rs: a full path is required, and a missing extension is added. */
function target(path: unknown, ext: string, hint: string): string {
  const p = String(path ?? "");
  if (!p.startsWith("/")) throw { code: "invalid_path", message: `"${p}" is not a full path: ${hint}`, path: "path" };
  const written = /\.[^./\\]+$/.test(baseName(p)) ? p : `${p}.${ext}`;
  exported.add(written);
  return written;
}

function importFile(args: Record<string, unknown>, ctx: MockContext): number {
  const path = String(args.path ?? "");
  const name = baseName(path);
  const scenario = IMPORTS[name];
  if (!scenario) throw { code: "file_unreadable", message: `could not read ${path} (No such file or directory (os error 2))`, path: "path" };
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
  "plugin:dialog|open": dialog,
  "plugin:dialog|save": dialog,
  import_plan_file: importFile,
  export_plan_file: (args, ctx) => {
    ctx.find(args.id as number);
    return target(args.path, "json", "choose where to save the plan in the save dialog");
  },
  export_table: (args, ctx) => {
    const format = String(args.format);
    if (format !== "xlsx" && format !== "csv") {
      throw { code: "invalid_field", message: `"${format}" is not a spreadsheet format (use xlsx or csv)`, path: "format" };
    }
    ctx.find(args.id as number);
    return target(args.path, format, "choose where to save it in the save dialog");
  },
  // The warnings depend on the fonts of the machine that renders; the sample fits with none.
  export_pdf: (args, ctx) => {
    ctx.find(args.id as number);
    return { path: target(args.path, "pdf", "choose where to save the PDF in the save dialog"), warnings: [] };
  },
  open_export: (args) => {
    const path = String(args.path);
    if (!exported.has(path)) throw { code: "not_exported", message: `${path} was not exported in this session, so it is not opened`, path: "path" };
    return null;
  },
};
