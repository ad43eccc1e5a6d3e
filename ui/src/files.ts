// The native open and save dialogs for the files a planner moves in and out: plan files, the
// client PDF and the spreadsheets. The webview cannot touch the disk; the dialogs hand a path to
// the shell's narrow commands (api.importPlanFile, api.exportPdf, ...), which do the reading and
// writing.

import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";

export type ExportKind = "pdf" | "xlsx" | "csv" | "plan";

interface Kind {
  /** What the notices call the file: "The PDF was not exported", "Plan file saved to …". */
  noun: string;
  ext: string;
  filter: { name: string; extensions: string[] };
}

export const KINDS: Record<ExportKind, Kind> = {
  pdf: { noun: "PDF", ext: "pdf", filter: { name: "PDF", extensions: ["pdf"] } },
  xlsx: { noun: "XLSX workbook", ext: "xlsx", filter: { name: "XLSX workbook", extensions: ["xlsx"] } },
  csv: { noun: "CSV", ext: "csv", filter: { name: "CSV", extensions: ["csv"] } },
  plan: { noun: "plan file", ext: "json", filter: { name: "flightplan plan", extensions: ["json"] } },
};

/** "Acme Coffee" + "Q1 2027: Launch" → "Acme Coffee Q1 2027 Launch": a name every OS accepts. */
export function exportFileName(client: string, name: string, kind: ExportKind): string {
  const base = `${client} ${name}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${base || "plan"}.${KINDS[kind].ext}`;
}

/** Ask where to save; null when the planner cancels. */
export async function chooseExportPath(kind: ExportKind, client: string, name: string): Promise<string | null> {
  const path = await saveDialog({ defaultPath: exportFileName(client, name, kind), filters: [KINDS[kind].filter] });
  return path ?? null;
}

/** Ask for a plan file to import; null when the planner cancels. */
export async function choosePlanFile(): Promise<string | null> {
  const path = await openDialog({ multiple: false, directory: false, filters: [KINDS.plan.filter] });
  return typeof path === "string" ? path : null;
}

/** The file's own name from a full path, for messages: "/a/b/spring.json" → "spring.json". */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Why a plan file was refused, taken apart for the planner: what is wrong, and where. */
export interface ImportProblem {
  file: string;
  /** The core's reason, without the file, line id, JSON path and position it starts or ends with. */
  reason: string;
  /** The plan line's id ("google-generic"), when the problem is in a line. */
  lineId?: string;
  /** The JSON path of the value ("lines[1].rate"). */
  field?: string;
  /** Where in the file, 1-based. */
  at?: { line: number; column: number };
}

/**
 * Take apart an import error from the shell: `spring.json: line "google-generic": lines[1].rate:
 * "twelve" is not a decimal number (write it like "12.50") (line 136 column 22)`.
 */
export function describeImportError(err: { message: string; path?: string; line?: string }, path: string): ImportProblem {
  const file = baseName(path);
  let m = err.message.trim();
  if (m.startsWith(`${file}: `)) m = m.slice(file.length + 2);
  let lineId = err.line;
  const line = /^line "([^"]*)": /.exec(m);
  if (line) {
    lineId = line[1];
    m = m.slice(line[0].length);
  }
  const field = err.path && err.path !== "?" && err.path !== "path" ? err.path : undefined;
  if (field && m.startsWith(`${field}: `)) m = m.slice(field.length + 2);
  let at: ImportProblem["at"];
  const pos = /\s*\(?\b(?:at )?line (\d+),? column (\d+)\)?\.?$/.exec(m);
  if (pos) {
    at = { line: Number(pos[1]), column: Number(pos[2]) };
    m = m.slice(0, pos.index);
  }
  const reason = m ? m[0].toUpperCase() + m.slice(1) : err.message;
  return { file, reason, lineId, field, at };
}
