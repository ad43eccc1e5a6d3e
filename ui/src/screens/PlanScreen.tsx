// One plan, costed: the header a client sees, the key totals, the findings, the channel mix and
// the flowchart. The stage rail and editing will hang off this screen.

import { useEffect, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { PlanDocument } from "../types";
import { isNegative, isNonZero, money, period, titleCase } from "../format";
import { ChannelMixTable } from "../components/ChannelMixTable";
import { ErrorNotice } from "../components/ErrorNotice";
import { FindingsList } from "../components/FindingsList";
import { Flowchart } from "../components/Flowchart";
import { StatusBadge } from "../components/StatusBadge";
import { TotalsPanel } from "../components/TotalsPanel";

interface Props {
  id: number;
  onLoaded?: (name: string) => void;
}

export function PlanScreen({ id, onLoaded }: Props) {
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  useEffect(() => {
    let live = true;
    setDoc(null);
    setError(null);
    api
      .openPlan(id)
      .then((d) => {
        if (!live) return;
        setDoc(d);
        onLoaded?.(d.plan.name);
      })
      .catch((e) => live && setError(toCommandError(e)));
    return () => {
      live = false;
    };
  }, [id, onLoaded]);

  if (error) {
    return (
      <main className="screen">
        <ErrorNotice error={error} title="This plan could not be opened" />
      </main>
    );
  }
  if (!doc) {
    return (
      <main className="screen">
        <p className="subtitle">Opening plan…</p>
      </main>
    );
  }

  const { plan, view } = doc;
  const style = plan.settings?.number_style;
  const m = (v: string) => money(v, view.currency, style);
  const t = view.totals;
  const goal = plan.goal;
  return (
    <main className="screen plan">
      <header className="plan-header">
        <div className="plan-title">
          <p className="eyebrow">
            {plan.client}
            {plan.brand ? ` · ${plan.brand}` : ""}
          </p>
          <h1>{plan.name}</h1>
          <p className="plan-meta">
            <span>{period(plan.start, plan.end)}</span>
            {plan.status && <StatusBadge status={plan.status} />}
            {plan.version !== undefined && <span>Version {plan.version}</span>}
            {plan.prepared_by && <span>Prepared by {plan.prepared_by}</span>}
          </p>
        </div>
        {goal && (
          <div className="plan-goal">
            <p className="label">Goal</p>
            <p className="goal-text">
              {titleCase(goal.objective)}
              {goal.kpi && (
                <>
                  {" · "}
                  <span className="kpi">
                    {goal.kpi.toUpperCase()}
                    {goal.target ? ` ${goal.target}` : ""}
                  </span>
                </>
              )}
            </p>
            {goal.description && <p className="muted small">{goal.description}</p>}
            {plan.audience?.summary && <p className="muted small">Audience: {plan.audience.summary}</p>}
          </div>
        )}
      </header>

      <section className="kpis" aria-label="Key figures">
        <Kpi label="Budget" value={m(t.budget)} />
        <Kpi label="Net media" value={m(t.net_media)} />
        <Kpi label="Fees" value={m(t.fees)} />
        <Kpi label="Gross total" value={m(t.gross)} emphasis />
        <Kpi
          label={isNegative(t.unallocated) ? "Over budget" : "Unallocated"}
          value={m(t.unallocated)}
          tone={isNegative(t.unallocated) ? "bad" : isNonZero(t.unallocated) ? "warn" : "ok"}
        />
      </section>

      <div className="split">
        <section className="panel">
          <h2>Findings</h2>
          <FindingsList findings={view.findings} lines={view.lines} />
        </section>
        <section className="panel totals-panel">
          <h2>Totals</h2>
          <TotalsPanel view={view} plan={plan} numberStyle={style} />
        </section>
      </div>

      <section className="panel">
        <div className="panel-head">
          <h2>Channel mix</h2>
          <span className="muted small">Amounts in {view.currency}</span>
        </div>
        <ChannelMixTable view={view} numberStyle={style} />
      </section>

      <section className="panel">
        <div className="panel-head">
          <h2>Flowchart</h2>
          <span className="legend">
            <span className="legend-on" /> On air <span className="legend-hiatus" /> Hiatus
            <span className="legend-note">Net media per week, {view.currency}</span>
          </span>
        </div>
        <Flowchart view={view} numberStyle={style} />
      </section>
    </main>
  );
}

function Kpi({
  label,
  value,
  emphasis,
  tone,
}: {
  label: string;
  value: string;
  emphasis?: boolean;
  tone?: "ok" | "warn" | "bad";
}) {
  return (
    <div className={`kpi-card${emphasis ? " emphasis" : ""}${tone ? ` tone-${tone}` : ""}`}>
      <p className="label">{label}</p>
      <p className="kpi-value num">{value}</p>
    </div>
  );
}
