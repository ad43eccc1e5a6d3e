// The UI's only way to the core: typed wrappers around Tauri's `invoke`, one per command.
// Screens call these and never `invoke` directly, so the IPC surface stays in one place.

import { invoke } from "@tauri-apps/api/core";
import type { CommandErrorBody, PlanDocument, PlanFile, PlanSummary, PlanView } from "./types";
import type { ExportedPdf, VersionSummary } from "./bindings";

/** A command failed: carries the core's `{code, message, path?, line?}`. */
export class CommandError extends Error implements CommandErrorBody {
  readonly code: string;
  readonly path?: string;
  readonly line?: string;

  constructor(body: CommandErrorBody) {
    super(body.message);
    this.name = "CommandError";
    this.code = body.code;
    this.path = body.path;
    this.line = body.line;
  }
}

function isErrorBody(e: unknown): e is CommandErrorBody {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as CommandErrorBody).code === "string" &&
    typeof (e as CommandErrorBody).message === "string"
  );
}

/** Normalise anything a failed `invoke` throws into a CommandError. */
export function toCommandError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  if (isErrorBody(e)) return new CommandError(e);
  if (typeof e === "string") return new CommandError({ code: "ipc_error", message: e });
  if (e instanceof Error) return new CommandError({ code: "ipc_error", message: e.message });
  return new CommandError({ code: "ipc_error", message: "the app did not answer" });
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toCommandError(e);
  }
}

export const api = {
  listPlans: (): Promise<PlanSummary[]> => call("list_plans"),
  openPlan: (id: number): Promise<PlanDocument> => call("open_plan", { id }),
  computePlan: (plan: PlanFile): Promise<PlanView> => call("compute_plan", { plan }),
  savePlan: (id: number, plan: PlanFile): Promise<PlanView> => call("save_plan", { id, plan }),
  createPlan: (from: "blank" | "sample"): Promise<number> => call("create_plan", { from }),
  duplicatePlan: (id: number): Promise<number> => call("duplicate_plan", { id }),
  deletePlan: (id: number): Promise<void> => call("delete_plan", { id }),
  restorePlan: (id: number): Promise<void> => call("restore_plan", { id }),
  snapshotPlan: (id: number, name: string): Promise<VersionSummary[]> => call("snapshot_plan", { id, name }),
  listVersions: (id: number): Promise<VersionSummary[]> => call("list_versions", { id }),
  exportPdf: (id: number, path: string): Promise<ExportedPdf> => call("export_pdf", { id, path }),
};
