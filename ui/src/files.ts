// The files a planner moves in and out: plan files, the client PDF and the spreadsheets. The
// webview cannot touch the disk and never names a path: the shell opens the native open and save
// dialogs itself (api.chooseImport, api.exportPdf, ...) and reads or writes only what the
// planner picked there. This module names the kinds of file for the notices and takes a refused
// file's error apart for the planner.

export type ExportKind = "pdf" | "xlsx" | "csv" | "mediaplan" | "plan";

interface Kind {
  /** What the notices call the file: "The PDF was not exported", "Plan file saved to …". */
  noun: string;
}

export const KINDS: Record<ExportKind, Kind> = {
  pdf: { noun: "PDF" },
  xlsx: { noun: "XLSX workbook" },
  csv: { noun: "CSV" },
  mediaplan: { noun: "plan document (mediaplanschema)" },
  plan: { noun: "plan file" },
};

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
 * "twelve" is not a decimal number (write it like "12.50") (line 136 column 22)`. The file's
 * name leads the message (the shell asked for the file, so only it knows the name).
 */
export function describeImportError(err: { message: string; path?: string; line?: string }): ImportProblem {
  let m = err.message.trim();
  const named = /^([^\n:]+?\.[A-Za-z0-9]+): /.exec(m);
  const file = named ? named[1] : "";
  if (named) m = m.slice(named[0].length);
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
