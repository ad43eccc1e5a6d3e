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
  Plan,
  PlanDocument,
} from "./bindings";

/** Every error from a command, as the core sends it (the generated binding of
 * `flightplan_core::Error`): a stable code, a plain sentence, and where it is as fields. */
export type CommandErrorBody = CoreError;
