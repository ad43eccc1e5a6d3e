// The browser-test mock's answers for the files commands, from the real core's fixtures.
//
// The shell opens the save dialogs itself (see dialogs.ts): a cancelled dialog answers null.
// Importing plans is imports.ts.

import type { Handlers } from "./context";
import { ask, baseName, exportFileName } from "./dialogs";
import { paperArg } from "./print";

/** Files written this session, by number: the only ones open_export opens (as export.rs). */
const exported: string[] = [];

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: "PDF", extensions: ["pdf"] },
  xlsx: { name: "XLSX workbook", extensions: ["xlsx"] },
  csv: { name: "CSV", extensions: ["csv"] },
  flightplan: { name: "Flightplan plan", extensions: ["flightplan", "json"] },
  "mediaplan.json": { name: "mediaplanschema JSON", extensions: ["json"] },
};

/** As export.rs: ask where to save; add a missing extension; number the file written. */
function save(plan: Record<string, unknown>, ext: string, title: string, warnings: string[] = []) {
  const picked = ask({ kind: "save", title, fileName: exportFileName(plan, ext), filters: [FILTERS[ext]] });
  if (picked === null) return null;
  const path = /\.[^./\\]+$/.test(baseName(picked)) ? picked : `${picked}.${ext}`;
  exported.push(path);
  return { export: exported.length - 1, path, warnings };
}

export const handlers: Handlers = {
  export_plan_file: (args, ctx) => save(ctx.find(args.id as number).plan, "flightplan", "Export the plan file"),
  // As export.rs: offered as "Client Plan.mediaplan.json" (the document itself is tested on the
  // desktop's mock runtime and the CLI; here only the dialog and the number matter).
  export_mediaplan: (args, ctx) => save(ctx.find(args.id as number).plan, "mediaplan.json", "Export the plan as mediaplanschema"),
  export_table: (args, ctx) => {
    const format = String(args.format);
    if (format !== "xlsx" && format !== "csv") {
      throw { code: "invalid_field", message: `format: "${format}" is not a spreadsheet format (use xlsx or csv)`, path: "format" };
    }
    const plan = ctx.find(args.id as number).plan;
    return save(plan, format, format === "xlsx" ? "Export the plan as an XLSX workbook" : "Export the lines as CSV");
  },
  // The warnings depend on the fonts of the machine that renders; the sample fits with none.
  // The paper is checked as the shell reads it; the bytes are the print fixtures' (print.ts).
  export_pdf: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    paperArg(args, plan);
    return save(plan, "pdf", "Export the one-page plan");
  },
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
