// The CLI's errors as the desktop gives them to the UI: one `{code, message, …}` JSON object per
// stderr line, the file named by its name alone (the desktop names a picked file so; the CLI
// names it as given, here a temporary path that would change the fixtures on every run).

import { basename } from "node:path";
import type { Error as CoreError } from "../src/bindings";

export function cliErrors(stderr: string): CoreError[] {
  return stderr
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CoreError)
    .map((e) => (e.file ? { ...e, file: basename(e.file) } : e));
}

/** The first error, for a command that stops at one. */
export const cliError = (stderr: string): CoreError => cliErrors(stderr)[0];
