// The shapes that cross the IPC boundary, exactly as the Rust commands serialise them.
// Every decimal is a string (exact, computed by the core); the UI renders, never computes.

/** A decimal as exact text, e.g. "18000.00". */
export type Dec = string;

// The view types are generated from the Rust types (ui/src/bindings, by ts-rs) and re-exported
// here, so they are declared once, in Rust.
import type { Error as CoreError } from "./bindings";
export type {
  PlanStatus,
  Pricing,
  NumberStyle,
  Severity,
  PlanSummary,
  MonthBand,
  LineWeek,
  WeekRow,
  LineView,
  Totals,
  Finding,
  PlanView,
} from "./bindings";
import type { NumberStyle, PlanStatus, PlanView } from "./bindings";

/** The `flightplan/1` plan document. Only the fields the UI reads are typed; the rest pass through. */
export interface PlanFile {
  format: string;
  name: string;
  client: string;
  brand?: string;
  currency: string;
  start: string;
  end: string;
  budget: Dec;
  status?: PlanStatus;
  version?: number;
  prepared_by?: string;
  last_reviewed?: string;
  goal?: {
    objective: string;
    description?: string;
    kpi?: string;
    target?: Dec;
  };
  audience?: { summary?: string };
  settings?: { number_style?: NumberStyle; calendar?: string };
  [field: string]: unknown;
}

export interface PlanDocument {
  id: number;
  plan: PlanFile;
  view: PlanView;
}

/** Every error from a command, as the core sends it (the generated binding of
 * `flightplan_core::Error`): a stable code, a plain sentence, and where it is as fields. */
export type CommandErrorBody = CoreError;
