// "Start next plan": the loop back to planning. The core writes the next period's plan from the
// saved one — dates moved on, rates re-based on this period's actuals where there was enough
// evidence, learnings carried — and adds it to the library. This shows what was re-based, and
// why, and opens the new plan on request.

import { useState } from "react";
import { api, CommandError, toCommandError } from "../../api";
import type { NextPlan, Plan } from "../../bindings";
import type { NumberStyle } from "../../types";
import { money, period, pricingLabel } from "../../format";
import { ErrorNotice } from "../../components/ErrorNotice";
import { pct } from "./numbers";

interface Props {
  planId: number;
  plan: Plan;
  /** False while the on-screen plan is not what is saved (a refused edit). */
  saved: boolean;
  numberStyle?: NumberStyle;
  onOpenPlan: (id: number) => void;
}

export function RollForward({ planId, plan, saved, numberStyle, onOpenPlan }: Props) {
  const [next, setNext] = useState<NextPlan | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setNext(await api.rollForwardPlan(planId));
    } catch (e) {
      setError(toCommandError(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (lineId: string, f: string) => {
    if (f === "ctr") return "CTR";
    if (f === "cvr") return "CVR";
    const line = plan.lines.find((l) => l.id === lineId);
    return line ? `${pricingLabel(line.pricing)} rate` : "Rate";
  };
  const value = (f: string, v: string | null) => {
    if (v === null) return "—";
    // The core's figure as shown: CTR and CVR already percents, rounded by the core.
    return f === "ctr" || f === "cvr" ? pct(v, numberStyle) : money(v, plan.currency, numberStyle);
  };

  return (
    <div className="rollforward">
      <div className="rollforward-head">
        <div>
          <p>
            Write the next period's plan from this one: dates move on by the plan's length, rates are re-based on this period's actuals where there is enough
            evidence, and the learnings carry over. This plan stays as it is.
          </p>
          {!saved && <p className="field-error">Fix or undo the refused edit first: the next plan is made from the saved plan.</p>}
        </div>
        <button type="button" className="button primary" onClick={start} disabled={busy || !saved || next !== null} data-testid="start-next-plan">
          {busy ? "Starting…" : "Start next plan"}
        </button>
      </div>
      {error && <ErrorNotice error={error} title="The next plan was not started" />}
      {next && (
        <div className="next-plan" data-testid="next-plan" role="status">
          <div className="next-plan-head">
            <p>
              <strong>{next.name}</strong>
              <span className="muted"> · {period(next.start, next.end)} · added to the library as a draft</span>
            </p>
            <button type="button" className="button primary" onClick={() => onOpenPlan(next.id)}>
              Open the next plan
            </button>
          </div>
          {next.rebased.length === 0 ? (
            <p className="muted small">No rate had enough evidence to re-base: the next plan keeps this plan's rates.</p>
          ) : (
            <table className="data rebased-table" aria-label="Re-based rates">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">What</th>
                  <th scope="col" className="num">Was</th>
                  <th scope="col" className="num">Now</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {next.rebased.map((r, i) => (
                  <tr key={`${r.line}-${r.field}`} data-line={r.line} data-field={r.field} className={i > 0 && next.rebased[i - 1].line === r.line ? "same-line" : undefined}>
                    <th scope="row">{i > 0 && next.rebased[i - 1].line === r.line ? "" : plan.lines.find((l) => l.id === r.line)?.name ?? r.line}</th>
                    <td>{field(r.line, r.field)}</td>
                    <td className="num muted">{value(r.field, r.from_shown)}</td>
                    <td className="num strong">{value(r.field, r.to_shown)}</td>
                    <td className="muted small">{r.evidence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
