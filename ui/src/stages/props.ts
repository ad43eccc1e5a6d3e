// What every stage screen receives from the plan screen.

import type { Plan } from "../bindings";
import type { CommandError } from "../api";
import type { CommandErrorBody, NumberStyle, PlanView } from "../types";

/** What a screen that edits the plan needs: the plan, the core's view of it, and `edit`. */
export interface PlanEditorProps {
  plan: Plan;
  view: PlanView;
  /** Why the last edit was refused, naming its field; null when saved. */
  error: CommandErrorBody | null;
  /** Change the plan: autosaved through the core, undoable. */
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
}

export interface StageProps extends PlanEditorProps {
  /** The stored plan's library id (for commands that read the saved plan: exports, roll-forward). */
  planId: number;
  error: CommandError | null;
  /** Today, YYYY-MM-DD, from the shell's clock. */
  today: string;
  /** Open another plan of the library (e.g. the next plan after "Start next plan"). */
  onOpenPlan: (id: number) => void;
}
