// What the core found wrong or missing in the plan, in its own words, with the fix and the
// stage where the planner makes it.

import { useState } from "react";
import type { FindingGroup } from "../bindings";
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
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((f, i) => (
        <FindingItem key={`${f.code}-${f.line ?? ""}-${i}`} f={f} lines={lines} />
      ))}
    </ul>
  );
}

interface GroupProps {
  /** The core's groups (`PlanView.finding_groups`): one per kind of finding. */
  groups: FindingGroup[];
  /** `PlanView.findings`, which the groups index into. */
  findings: Finding[];
  lines: LineView[];
}

/** Findings of one kind as one row (the core's title, count and message) that opens to every
 * finding in it, so ten identical findings do not push the plan below the fold. */
export function FindingGroups({ groups, findings, lines }: GroupProps) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  if (groups.length === 0) {
    return <p className="findings-clear">No findings: the plan passes every check.</p>;
  }
  const toggle = (code: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <ul className="findings" aria-label="Findings">
      {groups.map((g) => {
        const members = g.findings.map((i) => findings[i]).filter((f): f is Finding => f !== undefined);
        if (g.count <= 1 && members.length === 1) {
          return <FindingItem key={g.code} f={members[0]} lines={lines} />;
        }
        const expanded = open.has(g.code);
        return (
          <li key={g.code} className={`finding finding-group sev-${g.severity}`} data-code={g.code}>
            <span className="sev-dot" aria-hidden="true" />
            <div className="finding-body">
              <p className="finding-message">
                <span className="finding-line">{g.title}</span> <span className="badge group-count">{g.count}</span>
                <span> {g.message}</span>
              </p>
              <p className="finding-fix">{g.fix}</p>
              <button type="button" className="link-button" aria-expanded={expanded} onClick={() => toggle(g.code)}>
                {expanded ? "Hide them" : `Show all ${g.count}`}
              </button>
              {expanded && (
                <ul className="findings group-members">
                  {members.map((f, i) => (
                    <FindingItem key={i} f={f} lines={lines} />
                  ))}
                </ul>
              )}
            </div>
            <span className="finding-stage" title={`Fix in stage ${g.stage}`}>
              {g.stage}. {STAGES[g.stage - 1] ?? "Plan"}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function FindingItem({ f, lines }: { f: Finding; lines: LineView[] }) {
  const lineName = (id?: string) => lines.find((l) => l.id === id)?.name ?? id;
  return (
    <li className={`finding sev-${f.severity}`}>
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
  );
}
