// What the UI shows of a core error, composed from its fields. The core's message is a plain
// sentence without its place; where it is comes as fields (`path`, `line`, `file`, `sheet`,
// `row`, `json_line`/`json_column`), so nothing here takes a message apart.

import type { CommandErrorBody } from "./types";

/** The message as a sentence of its own: the core writes it to follow a place ("…: the rate"),
 * so its first letter is raised when it stands alone. */
export function errorMessage(err: Pick<CommandErrorBody, "message">): string {
  const m = err.message;
  return m ? m[0].toUpperCase() + m.slice(1) : m;
}

/** An error about a file the app wrote or opened, with the file first: `/ro/plan.json: Could not
 * write the file (Permission denied)`; the message alone when it names no file. */
export function errorWithFile(err: Pick<CommandErrorBody, "message" | "file">): string {
  return err.file ? `${err.file}: ${errorMessage(err)}` : errorMessage(err);
}

/** The 0-based index of the plan line the error is about: from `lines[i]…` in its path, else
 * from its line id among `lines`; `null` when it is about no line. */
export function errorLineIndex(err: Pick<CommandErrorBody, "path" | "line">, lines?: readonly { id: string }[]): number | null {
  const m = err.path ? /^lines\[(\d+)\]/.exec(err.path) : null;
  if (m) return Number(m[1]);
  if (err.line && lines) {
    const i = lines.findIndex((l) => l.id === err.line);
    if (i >= 0) return i;
  }
  return null;
}

/** The field inside a line the error names: `lines[2].rate` → "rate"; `null` for no field. */
export function errorLineField(err: Pick<CommandErrorBody, "path">): string | null {
  const m = err.path ? /^lines\[\d+\]\.(.+)$/.exec(err.path) : null;
  return m ? m[1] : null;
}

/** "Line 3: The rate must be …" for an error about a line, else the message alone. */
export function errorOnLine(err: CommandErrorBody, lines?: readonly { id: string }[]): string {
  const i = errorLineIndex(err, lines);
  return i === null ? errorMessage(err) : `Line ${i + 1}: ${errorMessage(err)}`;
}

/** Where in a file the error is: `q1.xlsx, sheet "Mix", row 7, column "Budget"` or `plan.json, line 3, column 5`;
 * `null` when it names no place in a file. */
export function errorFilePlace(err: CommandErrorBody): string | null {
  const parts: string[] = [];
  if (err.file) parts.push(err.file);
  if (err.sheet) parts.push(`sheet "${err.sheet}"`);
  if (err.row != null) parts.push(`row ${err.row}`);
  if (err.column) parts.push(`column "${err.column}"`);
  if (err.json_line != null) parts.push(err.json_column != null ? `line ${err.json_line}, column ${err.json_column}` : `line ${err.json_line}`);
  return parts.length ? parts.join(", ") : null;
}

/** Where the error is, from every field but the file (which the screen names already):
 * `file line 50, column 40 · lines[0].rate (line "google-brand")`; `null` when it names no place. */
export function errorWhere(err: CommandErrorBody): string | null {
  const parts: string[] = [];
  if (err.sheet) parts.push(`sheet "${err.sheet}"`);
  if (err.row != null) parts.push(`row ${err.row}`);
  if (err.column) parts.push(`column "${err.column}"`);
  if (err.json_line != null) parts.push(err.json_column != null ? `file line ${err.json_line}, column ${err.json_column}` : `file line ${err.json_line}`);
  if (err.path) parts.push(err.line ? `${err.path} (line "${err.line}")` : err.path);
  else if (err.line) parts.push(`line "${err.line}"`);
  return parts.length ? parts.join(" · ") : null;
}
