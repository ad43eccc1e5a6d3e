// The plan against its reach goal ("reach 25% of men 18–34 at 8+"): met, or short by how many
// points and the extra net media that closes the gap on the lines' current rates, or why it
// cannot be told yet. Every figure is the core's (`totals.reach_goal`); this only words it.

import type { ReachGoal } from "../bindings";
import type { LineView, NumberStyle } from "../types";
import { groupDigits, money, pct } from "../format";

interface Props {
  goal: ReachGoal;
  currency: string;
  lines: LineView[];
  /** Who the target is, in words ("Men 18–34"), from the plan. */
  audience?: string;
  numberStyle?: NumberStyle;
}

/** "Reach 25% at 8+" or "Reach 40%" (1+). */
export function goalTitle(goal: ReachGoal, style?: NumberStyle): string {
  return `Reach ${pct(goal.target_pct, style)}${goal.frequency > 1 ? ` at ${goal.frequency}+` : ""}`;
}

/** The lines' names, as a planner lists them: "TV, Radio and Cinema". */
function listed(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function ReachGoalStatus({ goal, currency, lines, audience, numberStyle }: Props) {
  const at = goal.frequency > 1 ? `${goal.frequency} or more times` : "at least once";
  const state = goal.met === true ? "met" : goal.met === false ? "short" : "unknown";
  const names = goal.extra_lines.map((id) => lines.find((l) => l.id === id)?.name ?? id);
  return (
    <div className={`reach-goal goal-${state}`} data-testid="reach-goal" data-state={state}>
      <p className="goal-head">
        <span className="goal-title">
          {goalTitle(goal, numberStyle)}
          {audience ? <span className="goal-audience"> of {audience}</span> : null}
        </span>
        <span className={`goal-badge ${state}`} data-testid="reach-goal-badge">
          {state === "met" ? "Met" : state === "short" ? `Short by ${groupDigits(goal.gap_pct ?? "", numberStyle)} points` : "Not measurable yet"}
        </span>
      </p>
      {goal.reach_pct !== null && (
        <p className="goal-delivered">
          The plan reaches <strong className="num">{pct(goal.reach_pct, numberStyle)}</strong> of {audience ?? "the target"} {at}
        </p>
      )}
      {state === "short" && goal.extra_spend !== null && (
        <p className="goal-close" data-testid="reach-goal-extra">
          <strong className="num">{money(goal.extra_spend, currency, numberStyle)}</strong> more net media on{" "}
          {names.length > 3 ? <span title={names.join(", ")}>the {names.length} lines that build reach</span> : listed(names)} closes the gap at
          their current rates.
        </p>
      )}
      {state === "short" && goal.extra_spend === null && (
        <p className="goal-close" data-testid="reach-goal-extra">
          {goal.limit_pct !== null
            ? `No spend on these lines closes it: at 1,000 times their spend they reach ${pct(goal.limit_pct, numberStyle)}. Add a line that builds reach, or revisit the target.`
            : "No line's reach grows with spend: add a line with points, or revisit the target."}
        </p>
      )}
      {state === "unknown" && (
        <p className="goal-close">
          Its reach needs the target's universe (stage 2), points on the lines and a reach model (stage 1).
        </p>
      )}
    </div>
  );
}
