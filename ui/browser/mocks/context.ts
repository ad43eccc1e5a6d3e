// What every mock handler may use: the mock library's plans and the real core's fixtures.

export type Entry = {
  name: string;
  key: string;
  plan: unknown;
  view?: unknown;
  error?: unknown;
  /** `flightplan launch` of the plan: `{lines}` (the app's `launch_board` returns `lines`). */
  launch?: unknown;
  /** `flightplan pacing --today 2026-11-21` of the plan (the app's `review_plan`, as of its default). */
  monitor?: unknown;
  /** `flightplan allocate --curves` (the app's `optimise_split`). */
  optimised?: unknown;
  /** `flightplan allocate --curves --basis budget` (optimise_split on the whole budget). */
  optimisedBudget?: unknown;
  /** `flightplan compare` (the app's `compare_scenarios`). */
  comparison?: unknown;
  /** Each command's error, where the CLI refused: `{launch: {code, message}, ...}`. */
  errors?: Record<string, unknown>;
};

export interface Stored {
  id: number;
  plan: Record<string, unknown>;
  view: unknown;
  updated_at: string;
  deleted?: boolean;
}

export interface MockContext {
  plans: Stored[];
  scenarios: Entry[];
  byName: (name: string) => Entry;
  /** The fixture whose plan is exactly `plan` (keys in any order); throws a named error if none. */
  byPlan: (plan: unknown) => Entry;
  find: (id: number) => Stored;
  /** Number `view` of `plan` as the view plan `planId`'s screen holds (the shell's shown_views). */
  numbered: (planId: number, plan: unknown, view: unknown) => number;
}

export type Handler = (args: Record<string, unknown>, ctx: MockContext) => unknown;
export type Handlers = Record<string, Handler>;
