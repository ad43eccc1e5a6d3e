// A line's own audience: where a vehicle measures and sells its points on an audience other than
// the plan's (a regional station's men 18–34, a title's readers), its name, its universe and the
// share of its impressions that fall in the plan's target. Edited in stage 2's list of lines and
// in the line's details; the core counts the line's GRPs on its universe and its TRPs on the plan's.

import type { Line, Plan } from "../bindings";
import type { CommandErrorBody, NumberStyle } from "../types";
import { TextField } from "../components/Field";
import { groupDigits } from "../format";
import { cleanDecimal, setOpt } from "../store/usePlan";

interface Props {
  plan: Plan;
  line: Line;
  index: number;
  error: CommandErrorBody | null;
  onLine: (line: Line) => void;
  numberStyle?: NumberStyle;
}

/** The three fields, labelled; they fall back on the plan's audience and universe when empty. */
export function LineAudienceFields({ plan, line, index, error, onLine, numberStyle }: Props) {
  const p = `lines[${index}]`;
  return (
    <>
      <TextField
        label="Line's audience"
        path={`${p}.target_audience`}
        error={error}
        value={line.target_audience ?? ""}
        placeholder={plan.target_audience ? `The plan's: ${plan.target_audience}` : "The plan's"}
        onCommit={(v) => onLine(setOpt(line, "target_audience", v.trim()))}
      />
      <TextField
        label="Line's universe"
        path={`${p}.universe`}
        error={error}
        numeric
        suffix="people"
        value={line.universe ?? ""}
        placeholder={plan.universe ? `The plan's: ${groupDigits(plan.universe, numberStyle)}` : "The plan's"}
        onCommit={(v) => onLine(setOpt(line, "universe", cleanDecimal(v)))}
      />
      <TextField
        label="On target"
        path={`${p}.target_pct`}
        error={error}
        numeric
        suffix="% of impressions"
        value={line.target_pct ?? ""}
        placeholder="100"
        onCommit={(v) => onLine(setOpt(line, "target_pct", cleanDecimal(v)))}
      />
    </>
  );
}
