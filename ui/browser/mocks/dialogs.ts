// The shell's native dialogs, as the browser-test mock plays them. The shell (dialogs.rs) opens
// them itself for the files commands; here a test queues what the planner picks with
//   page.evaluate(() => window.__dialogAnswers.push("/home/ana/plan.json"))
// and each dialog the shell opens takes the next answer (an empty queue is a cancelled dialog).
// Every dialog opened is recorded in window.__dialogAsks, as the shell would have asked it.

export interface DialogAsk {
  kind: "open" | "save" | "folder";
  title: string;
  /** The file name offered in a save dialog. */
  fileName?: string;
  filters?: { name: string; extensions: string[] }[];
}

declare global {
  interface Window {
    /** Paths the next native dialogs return, in order (see above). */
    __dialogAnswers: string[];
    /** Every dialog the shell opened, in order. */
    __dialogAsks: DialogAsk[];
  }
}
window.__dialogAnswers = [];
window.__dialogAsks = [];

/** Ask as the shell asks; the planner's pick, or null when cancelled. */
export function ask(question: DialogAsk): string | null {
  window.__dialogAsks.push(question);
  return window.__dialogAnswers.shift() ?? null;
}

/** The file's own name from a path. */
export const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** As export.rs names a plan's export in the save dialog: "Client Plan name.pdf". */
export function exportFileName(plan: Record<string, unknown>, ext: string): string {
  const base = `${String(plan.client ?? "")} ${String(plan.name ?? "")}`
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return `${base || "plan"}.${ext}`;
}
