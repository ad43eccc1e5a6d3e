// The files a planner moves in and out: plan files, the client PDF and the spreadsheets. The
// webview cannot touch the disk and never names a path: the shell opens the native open and save
// dialogs itself (api.chooseImport, api.exportPdf, ...) and reads or writes only what the
// planner picked there. This module names the kinds of file for the notices and says why a
// file was refused, from the error's fields.

import type { CommandErrorBody } from "./types";
import { errorMessage } from "./errors";

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

/** Why a plan file was refused, said for the planner: what is wrong, and where. */
export interface ImportProblem {
  file: string;
  /** The core's reason: a plain sentence (the place is in the other fields). */
  reason: string;
  /** The plan line's id ("google-generic"), when the problem is in a line. */
  lineId?: string;
  /** The JSON path of the value ("lines[1].rate"). */
  field?: string;
  /** Where in the file, 1-based. */
  at?: { line: number; column: number };
}

/** An import error from the shell, read from its fields: the file's name (the shell asked for
 * the file, so only it knows the name), the line id, the JSON path and the position. */
export function describeImportError(err: CommandErrorBody): ImportProblem {
  const at = err.json_line != null && err.json_column != null ? { line: err.json_line, column: err.json_column } : undefined;
  return { file: err.file ?? "", reason: errorMessage(err), lineId: err.line, field: err.path, at };
}
