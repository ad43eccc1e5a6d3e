// The UI's only way to the core: typed wrappers around Tauri's `invoke`, one per command.
// Screens call these and never `invoke` directly, so the IPC surface stays in one place.

import { invoke } from "@tauri-apps/api/core";
import type { CommandErrorBody, PlanDocument, PlanSummary, PlanView } from "./types";
import type {
  ActualsPreview,
  Catalogue,
  Changes,
  ChosenPlanImport,
  DateOrder,
  HillFit,
  KnownPoint,
  LineField,
  NumberStyle,
  PastedRows,
  PlanStatus,
  RateCard,
  RateCardEntry,
  SavedRateCard,
  Signoff,
  SplitBasis,
  ChosenReport,
  OpenedFile,
  Comparison,
  Exported,
  Paper,
  PrintablePage,
  ImportChoices,
  ImportPreview,
  PlanUpdate,
  SavedView,
  LaunchLine,
  LineStatus,
  Monitor,
  NextPlan,
  Optimised,
  Plan,
  VersionSummary,
  WrittenOrder,
} from "./bindings";

/** A command failed: carries the core's error, every field of it (`{code, message, path?, line?, file?, …}`). */
export class CommandError extends Error implements CommandErrorBody {
  readonly code: string;
  readonly path?: string;
  readonly line?: string;
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly json_line?: number;
  readonly json_column?: number;

  constructor(body: CommandErrorBody) {
    super(body.message);
    this.name = "CommandError";
    this.code = body.code;
    // Every field of the core's error: the UI composes what it shows from them.
    this.path = body.path;
    this.line = body.line;
    this.file = body.file;
    this.sheet = body.sheet;
    this.row = body.row;
    this.column = body.column;
    this.json_line = body.json_line;
    this.json_column = body.json_column;
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

/** `plan` as its changes to `held` (save_plan's `changes` form): the plan without its lines, each
 * line's index in `held` where it is the same object (plans are never changed in place: the
 * store freezes them), and the other lines. */
export function changesText(plan: Plan, held: Plan): string {
  const at = new Map(held.lines.map((l, i) => [l, i]));
  const kept = plan.lines.map((l) => at.get(l) ?? null);
  const changed = plan.lines.filter((l) => !at.has(l));
  return `${JSON.stringify({ ...plan, lines: [] })}\n${JSON.stringify(kept)}\n${JSON.stringify(changed)}`;
}

/** A command whose argument is one text, sent as the request's body (UTF-8) rather than as JSON. */
async function callWithText<T>(cmd: string, text: string): Promise<T> {
  try {
    return await invoke<T>(cmd, new TextEncoder().encode(text));
  } catch (e) {
    throw toCommandError(e);
  }
}

/** Which header names a report uses for each measure (the core's `ColumnMapping`, as much of it
 * as the app sets): spend and one of campaign, ad set or ad are required; a report without a date
 * column covers one period (asked for when the file does not state it); `currency` is the file's. */
export interface ColumnMapping {
  date?: string;
  campaign?: string;
  ad_set?: string;
  ad?: string;
  spend: string;
  impressions?: string;
  clicks?: string;
  conversions?: string;
  revenue?: string;
  currency?: string;
}

/** The platforms the core reads by their own headers (the catalogue of dialects), `auto` to
 * detect it from the file, or `mapped` for any other file read through a column mapping. */
export type ReportPlatform = "auto" | "google" | "meta" | "tiktok" | "linkedin" | "microsoft" | "amazon" | "snapchat" | "pinterest" | "mapped";

/** The days a report without a date column covers, both ends inclusive (YYYY-MM-DD). */
export interface ReportRange {
  start: string;
  end: string;
}

/** How the core reads a pasted block (its PasteOptions). */
export interface PasteSettings {
  dates: DateOrder;
  numbers: NumberStyle;
  first_column: number;
}

export const api = {
  listPlans: (): Promise<PlanSummary[]> => call("list_plans"),
  openPlan: (id: number): Promise<PlanDocument> => call("open_plan", { id }),
  computePlan: (plan: Plan): Promise<PlanView> => call("compute_plan", { plan }),
  /** The plan goes as text: the core reads it straight into its model (on a 1,000-line plan, no
   * JSON tree built and copied on each edit). With the view the screen holds, it goes as its
   * changes to that view's plan, and the answer carries only the lines whose figures changed
   * (see `store/heldView`); a view the shell no longer holds is answered by sending it whole. */
  savePlan: async (id: number, plan: Plan, held?: { viewId: number; plan: Plan }): Promise<SavedView> => {
    const whole = () => callWithText<SavedView>("save_plan", `${id}\n${JSON.stringify(plan)}`);
    if (!held) return whole();
    try {
      return await callWithText<SavedView>("save_plan", `${id} ${held.viewId} changes\n${changesText(plan, held.plan)}`);
    } catch (e) {
      if (e instanceof CommandError && e.code === "view_not_held") return whole();
      throw e;
    }
  },
  createPlan: (from: "blank" | "sample"): Promise<number> => call("create_plan", { from }),
  duplicatePlan: (id: number): Promise<number> => call("duplicate_plan", { id }),
  deletePlan: (id: number): Promise<void> => call("delete_plan", { id }),
  restorePlan: (id: number): Promise<void> => call("restore_plan", { id }),
  snapshotPlan: (id: number, name: string): Promise<VersionSummary[]> => call("snapshot_plan", { id, name }),
  listVersions: (id: number): Promise<VersionSummary[]> => call("list_versions", { id }),
  // Files. The shell opens the native dialogs itself (the webview never names a path); each of
  // these resolves to null when the planner cancels the dialog.
  /** Ask where, then write the stored plan's one-page PDF on `paper` (omitted: the plan's own). */
  exportPdf: (id: number, paper?: Paper): Promise<Exported | null> => call("export_pdf", paper ? { id, paper } : { id }),
  /** The stored plan's one-page PDF for the print view: the export's bytes (base64), nothing written. */
  printPdf: (id: number, paper: Paper): Promise<PrintablePage> => call("print_pdf", { id, paper }),
  /** Ask where, then write the stored plan as a spreadsheet. */
  exportTable: (id: number, format: "xlsx" | "csv"): Promise<Exported | null> => call("export_table", { id, format }),
  /** Open a file this session exported (by its number) in the system's viewer. */
  openExport: (exportNumber: number): Promise<void> => call("open_export", { export: exportNumber }),
  exportPlanFile: (id: number): Promise<Exported | null> => call("export_plan_file", { id }),
  /** Ask where, then write the stored plan as a mediaplanschema 3.0 document. */
  exportMediaplan: (id: number): Promise<Exported | null> => call("export_mediaplan", { id }),

  // Import plan…: any media-plan spreadsheet, Flightplan's own XLSX or CSV, mediaplanschema or a
  // flightplan/1 file. The shell asks for the file and reads it once under a number.
  /** Ask for a plan to import in the shell's open dialog; null when the planner cancels. */
  chooseImport: (): Promise<ChosenPlanImport | null> => call("choose_plan_import"),
  /** The same, asking for the spreadsheet to update the open plan from (the dialog says so). */
  chooseUpdate: (): Promise<ChosenPlanImport | null> => call("choose_plan_import", { update: true }),
  /** What file `source` would import as under `choices`; changes nothing. */
  previewImport: (source: number, choices: ImportChoices): Promise<ImportPreview> => call("preview_plan_import", { source, choices }),
  /** Import file `source` under `choices` into the library; resolves to the new plan's id. */
  commitImport: (source: number, choices: ImportChoices): Promise<number> => call("commit_plan_import", { source, choices }),
  /** Update from file…: what file `source` (from chooseImport) would change in stored plan `id`,
   * and the plan it would make; changes nothing (the screen applies the plan as an edit). */
  previewPlanUpdate: (id: number, source: number): Promise<PlanUpdate> => call("preview_plan_update", { id, source }),

  // Plan files the system opened (double-click, "Open with"): confirmed by the planner first.
  openedFiles: (): Promise<OpenedFile[]> => call("opened_files"),
  importOpenedFile: (pending: number): Promise<number> => call("import_opened_file", { pending }),
  dismissOpenedFile: (pending: number): Promise<void> => call("dismiss_opened_file", { pending }),

  // Stage 3: planning intelligence.
  /** The core's channel catalogue, media norms and reach models; CPP defaults are priced on
   * `universe` (the plan's, as written) and empty without one. */
  catalogue: (universe?: string | null): Promise<Catalogue> => call("catalogue", { universe: universe ?? null }),
  /** `basis`: the money on the lines (default) or the whole budget, unallocated money too. */
  optimiseSplit: (plan: Plan, basis: SplitBasis = "allocated"): Promise<Optimised> => call("optimise_split", { plan, basis }),
  /** The plan with the optimised split accepted (not saved: commit it as an edit). */
  acceptSplit: (plan: Plan, basis: SplitBasis = "allocated"): Promise<Plan> => call("accept_split", { plan, basis }),
  /** A Hill curve fitted to 2–3 points the planner knows (spend → result). */
  fitCurve: (plan: Plan, points: KnownPoint[], max?: string): Promise<HillFit> => call("fit_curve", { plan, points, max: max ?? null }),
  compareScenarios: (plan: Plan): Promise<Comparison> => call("compare_scenarios", { plan }),

  // Sign-off: saved by the library itself (not an edit to undo); each returns the plan as saved.
  planSignoff: (id: number): Promise<Signoff> => call("plan_signoff", { id }),
  /** Move the stored plan; approving records `by` and the shell's now, and locks the plan. */
  setPlanStatus: (id: number, to: PlanStatus, by?: string): Promise<PlanDocument> => call("set_plan_status", { id, to, by: by ?? null }),
  /** Start a revision of the approved plan, keeping `plan` (the refused edit) when given. */
  startRevision: (id: number, plan?: Plan): Promise<PlanDocument> => call("start_revision", { id, plan: plan ?? null }),
  changesSinceApproval: (id: number): Promise<Changes> => call("changes_since_approval", { id }),

  // The grid's paste and fill-down, through the core (placing returns the plan: commit it as an edit).
  readPaste: (plan: Plan, text: string, options: PasteSettings): Promise<PastedRows> => call("read_paste", { plan, text, options }),
  placePaste: (plan: Plan, text: string, options: PasteSettings, at: number): Promise<Plan> => call("place_paste", { plan, text, options, at }),
  fillDown: (plan: Plan, field: LineField, from: number, to: number[]): Promise<Plan> => call("fill_down", { plan, field, from, to }),
  fillRight: (plan: Plan, rows: number[], from: LineField, to: LineField[]): Promise<Plan> => call("fill_right", { plan, rows, from, to }),
  /** `plan` with week `week` of line `line` weighted `weight` (the core checks and stores it). */
  setWeekWeight: (plan: Plan, line: number, week: number, weight: string): Promise<Plan> => call("set_week_weight", { plan, line, week, weight }),
  resetWeights: (plan: Plan, line: number): Promise<Plan> => call("reset_weights", { plan, line }),

  // Comments (return the plan: commit it as an edit).
  addComment: (plan: Plan, line: string | null, author: string, text: string): Promise<Plan> => call("add_comment", { plan, line, author, text }),
  resolveComment: (plan: Plan, comment: string, resolved: boolean): Promise<Plan> => call("resolve_comment", { plan, comment, resolved }),

  // The library's rate card.
  rateCard: (): Promise<SavedRateCard> => call("rate_card"),
  saveRateCard: (card: RateCard): Promise<SavedRateCard> => call("save_rate_card", { card }),
  resetRateCard: (): Promise<SavedRateCard> => call("reset_rate_card"),
  /** The card with a channel added, checked by the core (not saved). */
  addRateCardEntry: (card: RateCard, entry: RateCardEntry): Promise<RateCard> => call("add_rate_card_entry", { card, entry }),
  /** The card without the entry `channel` — `name` (not saved). */
  removeRateCardEntry: (card: RateCard, channel: string, name: string): Promise<RateCard> => call("remove_rate_card_entry", { card, channel, name }),
  exportRateCard: (): Promise<Exported | null> => call("export_rate_card"),
  importRateCard: (): Promise<SavedRateCard | null> => call("import_rate_card"),

  // Stage 5: buy and launch.
  launchBoard: (plan: Plan): Promise<LaunchLine[]> => call("launch_board", { plan }),
  /** The plan with the line moved (not saved: commit it as an edit). */
  moveLine: (plan: Plan, line: string, to: LineStatus, overrideBy?: { by: string; reason: string }): Promise<Plan> =>
    call("move_line", { plan, line, to, overrideBy: overrideBy ?? null }),
  /** Ask for a folder, then write one insertion order per vendor into it. */
  exportInsertionOrders: (id: number): Promise<WrittenOrder[] | null> => call("export_insertion_orders", { id }),

  // Stage 6: monitor and optimise.
  /** Pacing, performance, recommendations and reconciliation as of a day (default: the core's). */
  reviewPlan: (plan: Plan, asOf?: string): Promise<Monitor> => call("review_plan", { plan, asOf: asOf ?? null }),
  /** Ask for a platform report in the shell's open dialog; null when the planner cancels. */
  chooseReport: (): Promise<ChosenReport | null> => call("choose_report"),
  /** What importing report `report` (from chooseReport) would do; any other report is read
   * through `mapping`; `period` is the period a report without dates covers (after the core
   * refused it with `no_period`); `dates` is the order of the file's numeric dates when the planner
   * chose it (otherwise the core learns it from the file and says how in the preview's `dates`). */
  previewActuals: (
    plan: Plan,
    report: number,
    platform: ReportPlatform = "auto",
    mapping?: ColumnMapping,
    period?: ReportRange,
    dates?: DateOrder,
  ): Promise<ActualsPreview> =>
    call("preview_actuals", { plan, report, platform, mapping: mapping ?? null, period: period ? `${period.start}..${period.end}` : null, dates: dates ?? null }),
  /** "Start next plan": a new plan in the library rolled forward from stored plan `id`. */
  rollForwardPlan: (id: number): Promise<NextPlan> => call("roll_forward_plan", { id }),
};
