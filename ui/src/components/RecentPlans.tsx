// The plans opened most recently (recent.ts), as a strip of cards above the library table: the
// two or three plans of the week are one click away however long the library grows.

import type { PlanSummary } from "../types";
import { money, period } from "../format";
import { StatusBadge } from "./StatusBadge";

export function RecentPlans({ plans, onOpen }: { plans: PlanSummary[]; onOpen: (id: number) => void }) {
  if (plans.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-label">
        Recent
      </h2>
      <ul className="recent-list">
        {plans.map((p) => (
          <li key={p.id}>
            <button type="button" className="recent-card" onClick={() => onOpen(p.id)} title={`Open ${p.name}`}>
              <span className="recent-top">
                <span className="recent-client">{p.client}</span>
                <StatusBadge status={p.status} />
              </span>
              <span className="recent-name">{p.name}</span>
              <span className="recent-meta">
                <span className="nowrap">{period(p.start, p.end)}</span>
                <span className="recent-budget num">{money(p.budget, p.currency, p.number_style)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
