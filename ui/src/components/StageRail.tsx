// The rail across a plan: the six stages in order, each with how much of it is filled in and how
// many findings the core left open there. What each stage needs and whether it is done are the
// core's (`PlanView.stages`: placeholder rows never complete a stage). Any stage can be visited; the
// rail shows what is missing.

import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { findingsFor, STAGES } from "../stages/model";

interface Props {
  plan: Plan;
  view: PlanView;
  current: number;
  onSelect: (stage: number) => void;
}

export function StageRail({ view, current, onSelect }: Props) {
  return (
    <nav className="stage-rail" aria-label="Stages">
      <ol>
        {STAGES.map((s, i) => {
          const checks = view.stages.find((p) => p.stage === s.n)?.checks ?? [];
          const done = checks.filter((c) => c.done).length;
          const open = findingsFor(s.n, view.findings);
          const errors = open.filter((f) => f.severity === "error").length;
          const complete = checks.length > 0 && done === checks.length;
          const missing = checks.filter((c) => !c.done).map((c) => c.label);
          const status = complete ? "Complete" : `${done} of ${checks.length} done`;
          const title = [
            `${s.n}. ${s.title}: ${status}`,
            missing.length ? `Missing: ${missing.join(", ")}` : "",
            open.length ? `${open.length} open finding${open.length === 1 ? "" : "s"}` : "",
          ]
            .filter(Boolean)
            .join("\n");
          const phaseStart = i === 0 || STAGES[i - 1].phase !== s.phase;
          return (
            <li key={s.n} className={phaseStart && i > 0 ? "phase-start" : undefined}>
              <button
                type="button"
                className={`stage${current === s.n ? " current" : ""}${complete ? " complete" : ""}`}
                aria-current={current === s.n ? "step" : undefined}
                data-stage={s.n}
                title={title}
                onClick={() => onSelect(s.n)}
              >
                <span className="stage-num" aria-hidden="true">
                  {complete ? "✓" : s.n}
                </span>
                <span className="stage-text">
                  <span className="stage-title">{s.title}</span>
                  <span className="stage-status">
                    <span className="stage-progress">{status}</span>
                    {open.length > 0 && (
                      <span
                        className={`stage-findings${errors ? " has-errors" : ""}`}
                        data-testid={`stage-${s.n}-findings`}
                      >
                        {open.length} {open.length === 1 ? "finding" : "findings"}
                      </span>
                    )}
                  </span>
                </span>
                {checks.length > 0 && (
                  <span className="stage-meter" aria-hidden="true">
                    <span className="stage-meter-fill" style={{ width: `${(done / checks.length) * 100}%` }} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
