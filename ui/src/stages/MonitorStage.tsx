// Stage 6, Monitor & optimise: the weekly review of a live plan. The core reviews the plan as of
// a day (by default the last day its actuals cover): pacing per line and in total against the
// flight's weights, performance against each KPI, what to do with each line, and delivery against
// invoices. Here the planner reads that review, feeds it actuals (platform reports or typed in),
// enters invoices, writes down what was learned, and starts the next plan from this one.

import { useEffect, useRef, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { Monitor } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { FindingsList } from "../components/FindingsList";
import { day, money } from "../format";
import type { StageProps } from "./props";
import { ActualsGrid } from "./monitor/ActualsGrid";
import { ImportActuals } from "./monitor/ImportActuals";
import { Learnings } from "./monitor/Learnings";
import { pct } from "./monitor/numbers";
import { PacingChart, TOTAL } from "./monitor/PacingChart";
import { AlertBadge, PacingTable } from "./monitor/PacingTable";
import { PerformanceTable } from "./monitor/PerformanceTable";
import { Recommendations } from "./monitor/Recommendations";
import { Reconciliation } from "./monitor/Reconciliation";
import { RollForward } from "./monitor/RollForward";
import { DateInput } from "../components/DateInput";

type Tab = "import" | "actuals" | "reconciliation" | "learnings";

export function MonitorStage({ planId, plan, view, error, edit, numberStyle, onOpenPlan }: StageProps) {
  // The review day the planner picked; null lets the core choose (the last day of actuals).
  const [asOf, setAsOf] = useState<string | null>(null);
  const [monitor, setMonitor] = useState<Monitor | null>(null);
  const [reviewError, setReviewError] = useState<CommandError | null>(null);
  const [selected, setSelected] = useState<string>(TOTAL);
  const [tab, setTab] = useState<Tab>("import");
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    api.reviewPlan(plan, asOf ?? undefined).then(
      (m) => {
        if (mine !== seq.current) return;
        setMonitor(m);
        setReviewError(null);
      },
      (e) => mine === seq.current && setReviewError(toCommandError(e)),
    );
  }, [plan, asOf]);

  const findings = view.findings.filter((f) => f.stage === 6);
  const actuals = plan.actuals ?? [];
  const m = (v: string | null) => (v === null ? "—" : money(v, plan.currency, numberStyle));

  if (!monitor) {
    return (
      <div className="stage-body monitor">
        {reviewError ? <ErrorNotice error={reviewError} title="The plan could not be reviewed" /> : <p className="muted">Reviewing the plan…</p>}
      </div>
    );
  }

  const t = monitor.pacing.total;
  // New rows and learnings start on the review day, or the plan's first day before it starts
  // (ISO dates compare as text).
  const entryDate = monitor.as_of < plan.start ? plan.start : monitor.as_of;
  const tone = t.alert === "overpacing" ? "bad" : t.alert === "underpacing" ? "warn" : "ok";
  const flagged = monitor.reconciliation.filter((r) => r.flagged).length;
  const month = monitor.as_of.slice(0, 7);

  return (
    <div className="stage-body monitor">
      {reviewError && <ErrorNotice error={reviewError} title="The review shows the last plan the core accepted" />}

      <section className="panel monitor-summary" aria-label="Pacing summary">
        <div className="panel-head">
          <h2>Pacing as of {day(monitor.as_of)}</h2>
          <div className="asof">
            <label htmlFor="monitor-asof" className="muted small">
              Review day
            </label>
            <DateInput
              id="monitor-asof"
              data-testid="as-of"
              min={plan.start}
              max={plan.end}
              value={asOf ?? monitor.as_of}
              onChange={(v) => v && setAsOf(v)}
              showProblem
            />
            {asOf !== null && (
              <button type="button" className="button small" onClick={() => setAsOf(null)} title="Review as of the last day the actuals cover">
                Latest actuals
              </button>
            )}
          </div>
        </div>
        {actuals.length === 0 && (
          <p className="inline-note">No actuals yet: import a platform report or type the figures in below, and the review fills in.</p>
        )}
        <div className="monitor-figures">
          <div className={`figure pace tone-${tone}`}>
            <p className="label">Total pace</p>
            <p className="figure-value num" data-testid="monitor-pace">
              {pct(t.pace_pct, numberStyle)}
            </p>
            <AlertBadge alert={t.alert} started={t.pace_pct !== null} />
          </div>
          <div className="figure">
            <p className="label">Spent to date</p>
            <p className="figure-value num" data-testid="monitor-actual">
              {m(t.actual)}
            </p>
            <p className="figure-sub num">
              expected <span data-testid="monitor-expected">{m(t.expected)}</span>
            </p>
          </div>
          <div className="figure">
            <p className="label">Variance</p>
            <p className={`figure-value num tone-${tone}`} data-testid="monitor-variance">
              {m(t.variance)}
            </p>
            <p className="figure-sub">actual − expected</p>
          </div>
          <div className="figure">
            <p className="label">Projected end spend</p>
            <p className="figure-value num" data-testid="monitor-projected">
              {m(t.projected)}
            </p>
            <p className="figure-sub num">of {m(t.budget)} budget</p>
          </div>
          <div className="figure">
            <p className="label">Daily spend needed</p>
            <p className="figure-value num" data-testid="monitor-daily">
              {m(t.daily_needed)}
            </p>
            <p className="figure-sub num">
              {t.days_left} on-air {t.days_left === 1 ? "day" : "days"} left
            </p>
          </div>
        </div>
      </section>

      {findings.length > 0 && (
        <section className="panel" aria-label="Findings for Monitor & optimise">
          <h2>Open findings · Monitor &amp; optimise</h2>
          <FindingsList findings={findings} lines={view.lines} />
        </section>
      )}

      <section className="panel" aria-label="Pacing">
        <div className="panel-head">
          <h2>Planned versus actual spend</h2>
          <label className="inline-field">
            <span className="muted small">Chart</span>
            <select aria-label="Chart line" data-testid="chart-line" value={selected} onChange={(e) => setSelected(e.target.value)}>
              <option value={TOTAL}>All lines (plan total)</option>
              {monitor.pacing.lines.map((l) => (
                <option key={l.line} value={l.line}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <PacingChart pacing={monitor.pacing} selected={selected} numberStyle={numberStyle} />
        <PacingTable pacing={monitor.pacing} lines={plan.lines} selected={selected} onSelect={setSelected} numberStyle={numberStyle} />
      </section>

      <section className="panel" aria-label="What to do">
        <div className="panel-head">
          <h2>Recommendations</h2>
          <span className="muted small">Scale winners, cut losers: judged on each line's KPI against its target</span>
        </div>
        <Recommendations recommendations={monitor.recommendations} lines={plan.lines} currency={plan.currency} numberStyle={numberStyle} onSelect={setSelected} />
      </section>

      <section className="panel" aria-label="Performance">
        <div className="panel-head">
          <h2>Performance against the plan</h2>
          <span className="muted small">Actual to date, with the plan's figure under each</span>
        </div>
        <PerformanceTable
          performance={monitor.performance}
          recommendations={monitor.recommendations}
          lines={plan.lines}
          currency={plan.currency}
          numberStyle={numberStyle}
        />
      </section>

      <section className="panel monitor-work" aria-label="Actuals, invoices and learnings">
        <div className="tabs" role="tablist" aria-label="Monitoring work">
          {(
            [
              ["import", "Import report"],
              ["actuals", `Actuals · ${actuals.length}`],
              ["reconciliation", `Reconciliation & invoices${flagged ? ` · ${flagged} flagged` : ""}`],
              ["learnings", `Learnings · ${(plan.learnings ?? []).length}`],
            ] as [Tab, string][]
          ).map(([key, label]) => (
            <button
              key={key}
              type="button"
              role="tab"
              id={`monitor-tab-${key}`}
              aria-selected={tab === key}
              aria-controls={`monitor-panel-${key}`}
              className={`tab${tab === key ? " on" : ""}`}
              onClick={() => setTab(key)}
            >
              {label}
            </button>
          ))}
        </div>
        {/* Every panel stays mounted, so a preview or a half-typed row survives a look at another tab. */}
        <div role="tabpanel" id="monitor-panel-import" aria-labelledby="monitor-tab-import" hidden={tab !== "import"}>
          <ImportActuals plan={plan} edit={edit} numberStyle={numberStyle} reviewDay={monitor.as_of} />
        </div>
        <div role="tabpanel" id="monitor-panel-actuals" aria-labelledby="monitor-tab-actuals" hidden={tab !== "actuals"}>
          <ActualsGrid plan={plan} error={error} edit={edit} numberStyle={numberStyle} defaultDate={entryDate} />
        </div>
        <div role="tabpanel" id="monitor-panel-reconciliation" aria-labelledby="monitor-tab-reconciliation" hidden={tab !== "reconciliation"}>
          <Reconciliation plan={plan} reconciliation={monitor.reconciliation} error={error} edit={edit} numberStyle={numberStyle} defaultMonth={month} />
        </div>
        <div role="tabpanel" id="monitor-panel-learnings" aria-labelledby="monitor-tab-learnings" hidden={tab !== "learnings"}>
          <Learnings plan={plan} edit={edit} defaultDate={entryDate} />
        </div>
      </section>

      <section className="panel" aria-label="Next plan">
        <div className="panel-head">
          <h2>Next plan</h2>
        </div>
        <RollForward planId={planId} plan={plan} saved={!error} numberStyle={numberStyle} onOpenPlan={onOpenPlan} />
      </section>
    </div>
  );
}
