// Stages 5 and 6 belong to the buying and monitoring work. Until it lands they say so plainly
// rather than show invented content.

import type { Finding, LineView } from "../types";
import { FindingsList } from "../components/FindingsList";
import { STAGES } from "./model";

const WHAT: Record<number, string[]> = {
  5: [
    "Buying method and campaign structure per line (CBO or ABO)",
    "Tracking verified before a cent is spent",
    "Creative ready, naming conventions applied, insertion orders signed",
  ],
  6: [
    "Spend and results against the plan, weekly",
    "Cost per result against the KPI: kill losers, scale winners",
    "Delivery and invoices reconciled; what was learned, for the next plan",
  ],
};

export function PendingStage({ stage, findings, lines }: { stage: 5 | 6; findings: Finding[]; lines: LineView[] }) {
  const info = STAGES[stage - 1];
  return (
    <div className="stage-body">
      <section className="panel pending" data-testid={`stage-${stage}-pending`}>
        <p className="eyebrow">Stage {stage} · {info.phase}</p>
        <h2 className="pending-title">{info.title}</h2>
        <p className="pending-lead">Coming with the buying &amp; monitoring work. Nothing here is simulated.</p>
        <ul className="pending-list">
          {WHAT[stage].map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </section>
      {findings.length > 0 && (
        <section className="panel">
          <h2>What the core already checks here</h2>
          <FindingsList findings={findings} lines={lines} />
        </section>
      )}
    </div>
  );
}
