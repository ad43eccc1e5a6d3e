// What the core found wrong or missing in the plan, in its own words, with the fix and the
// stage where the planner makes it.

import type { Finding, LineView } from "../types";

const STAGES = ["Goals", "Audience", "Channels", "Media plan", "Launch", "Optimise"];

interface Props {
  findings: Finding[];
  lines: LineView[];
}

export function FindingsList({ findings, lines }: Props) {
  if (findings.length === 0) {
    return <p className="findings-clear">No findings: the plan passes every check.</p>;
  }
  const lineName = (id?: string) => lines.find((l) => l.id === id)?.name ?? id;
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.line ?? ""}-${i}`} className={`finding sev-${f.severity}`}>
          <span className="sev-dot" aria-hidden="true" />
          <div className="finding-body">
            <p className="finding-message">
              {f.line && <span className="finding-line">{lineName(f.line)}: </span>}
              {f.message}
            </p>
            <p className="finding-fix">{f.fix}</p>
          </div>
          <span className="finding-stage" title={`Fix in stage ${f.stage}`}>
            {f.stage}. {STAGES[f.stage - 1] ?? "Plan"}
          </span>
        </li>
      ))}
    </ul>
  );
}
