// What every stage screen receives from the plan screen.

import type { Plan } from "../bindings";
import type { CommandError } from "../api";
import type { NumberStyle, PlanView } from "../types";

export interface StageProps {
  /** The stored plan's library id (for commands that read the saved plan: exports, roll-forward). */
  planId: number;
  plan: Plan;
  view: PlanView;
  /** Why the last edit was refused, naming its field; null when saved. */
  error: CommandError | null;
  /** Change the plan: autosaved through the core, undoable. */
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
  /** Today, YYYY-MM-DD, from the shell's clock. */
  today: string;
  /** Open another plan of the library (e.g. the next plan after "Start next plan"). */
  onOpenPlan: (id: number) => void;
}
