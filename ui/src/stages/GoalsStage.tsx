// Stage 1, Goals & KPIs: what the money is for and the one number it is judged on. The KPI list
// follows the funnel stage, and a KPI that does not judge that stage is flagged as it is chosen.
// A reach goal ("reach 25% at 8+") sets its N here, and the reach model that turns points into
// reach is chosen with the core's own account of what each assumes.

import type { Funnel, Goal, Guardrails, Kpi, KpiTarget, Plan } from "../bindings";
import type { CommandErrorBody, NumberStyle, PlanView } from "../types";
import { SelectField, TextField } from "../components/Field";
import { ReachGoalStatus } from "../components/ReachGoalStatus";
import { cleanDecimal, setOpt } from "../store/usePlan";
import { ALL_KPIS, FUNNEL, KPI_LABEL, KPIS_FOR, kpiFits } from "./model";
import { ReachModelPanel, setEffectiveFrequency } from "./ReachModelPanel";

interface Props {
  plan: Plan;
  /** The core's view of the plan, for the reach goal's standing. */
  view?: PlanView;
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
}

/** KPIs whose target is a percent of the target audience. */
const REACH_KPIS: Kpi[] = ["reach", "effective_reach"];

const CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "NZD", "SGD", "INR", "BRL", "MXN"];

export function GoalsStage({ plan, view, error, edit, numberStyle }: Props) {
  const goal = plan.goal;
  const setGoal = (change: (g: Goal) => Goal) =>
    edit((p) => ({ ...p, goal: change(p.goal ?? { objective: "conversion" }) }));
  const setGuard = <K extends keyof Guardrails>(key: K, v: string) =>
    setGoal((g) => {
      const guardrails = setOpt(g.guardrails ?? {}, key, cleanDecimal(v) as Guardrails[K]);
      const next: Goal = { ...g, guardrails };
      if (Object.keys(guardrails).length === 0) delete next.guardrails;
      return next;
    });
  const stage = goal?.objective;
  const kpiChoices = stage ? KPIS_FOR[stage] : ALL_KPIS;
  const mismatch = goal?.kpi && stage && !kpiFits(goal.kpi, stage);
  const reachKpi = !!goal?.kpi && REACH_KPIS.includes(goal.kpi);
  const atN = goal?.kpi === "effective_reach";
  const reachGoal = view?.totals.reach_goal ?? null;
  const secondary = goal?.secondary ?? [];
  const setSecondary = (list: KpiTarget[]) =>
    setGoal((g) => {
      const next: Goal = { ...g, secondary: list };
      if (list.length === 0) delete next.secondary;
      return next;
    });

  return (
    <div className="stage-body">
      <section className="panel">
        <div className="panel-head">
          <h2>Objective and primary KPI</h2>
          <span className="muted small">One KPI with a target number: what the plan is judged on</span>
        </div>
        <div className={`form-grid${atN ? "" : " cols-3"}`}>
          <SelectField<Funnel>
            label="Objective (funnel stage)"
            path="goal.objective"
            error={error}
            value={stage ?? ""}
            empty={goal ? undefined : "Not set"}
            options={FUNNEL}
            onCommit={(v) => v && setGoal((g) => ({ ...g, objective: v }))}
          />
          <SelectField<Kpi>
            label="Primary KPI"
            path="goal.kpi"
            error={error}
            value={goal?.kpi ?? ""}
            empty="Not set"
            options={[
              ...kpiChoices.map((k) => ({ value: k, label: KPI_LABEL[k] })),
              ...(goal?.kpi && !kpiChoices.includes(goal.kpi) ? [{ value: goal.kpi, label: KPI_LABEL[goal.kpi], note: "does not fit" }] : []),
            ]}
            hint={stage ? `KPIs that judge ${stage}` : "Choose the objective first"}
            onCommit={(v) => setGoal((g) => setOpt(g, "kpi", v))}
          />
          <TextField
            label={reachKpi ? "Target reach" : "Target"}
            path="goal.target"
            error={error}
            numeric
            suffix={reachKpi ? "% of target" : undefined}
            value={goal?.target ?? ""}
            placeholder={reachKpi ? "e.g. 25" : "e.g. 25.00"}
            hint={atN ? `Of the target audience, reached ${plan.effective_frequency ?? 3} or more times` : reachKpi ? "Of the target audience, reached at least once" : undefined}
            onCommit={(v) => setGoal((g) => setOpt(g, "target", cleanDecimal(v)))}
          />
          {atN && (
            <TextField
              label="At frequency (N+)"
              path="effective_frequency"
              error={error}
              numeric
              suffix="+ exposures"
              value={plan.effective_frequency !== undefined ? String(plan.effective_frequency) : ""}
              placeholder="3"
              hint="The exposures that count: 8 means 8 or more"
              onCommit={(v) => edit((p) => setEffectiveFrequency(p, v))}
            />
          )}
          <TextField
            label="Description"
            path="goal.description"
            error={error}
            className="span-all"
            value={goal?.description ?? ""}
            placeholder="e.g. Drive first online orders of the new range"
            onCommit={(v) => setGoal((g) => setOpt(g, "description", v.trim()))}
          />
        </div>
        {mismatch && goal?.kpi && stage && (
          <p className="inline-warning" role="alert" data-testid="kpi-mismatch">
            {KPI_LABEL[goal.kpi]} does not judge a {stage} goal. {titleFor(stage)} is judged on{" "}
            {KPIS_FOR[stage].map((k) => KPI_LABEL[k]).join(", ")}.
          </p>
        )}
        {reachGoal && view && (
          <ReachGoalStatus
            goal={reachGoal}
            currency={view.currency}
            lines={view.lines}
            audience={plan.target_audience}
            numberStyle={numberStyle}
          />
        )}
      </section>

      <ReachModelPanel plan={plan} error={error} edit={edit} showFrequency={!atN} />

      <section className="panel">
        <div className="panel-head">
          <h2>Budget and period</h2>
        </div>
        <div className="form-grid">
          <TextField
            label="Budget (net media)"
            path="budget"
            error={error}
            numeric
            value={plan.budget}
            onCommit={(v) => edit((p) => ({ ...p, budget: cleanDecimal(v) }))}
          />
          <SelectField<string>
            label="Currency"
            path="currency"
            error={error}
            value={plan.currency}
            options={(CURRENCIES.includes(plan.currency) ? CURRENCIES : [plan.currency, ...CURRENCIES]).map((c) => ({ value: c, label: c }))}
            onCommit={(v) => v && edit((p) => ({ ...p, currency: v }))}
          />
          <TextField label="Start" type="date" path="start" error={error} value={plan.start} onCommit={(v) => edit((p) => ({ ...p, start: v }))} />
          <TextField label="End" type="date" path="end" error={error} value={plan.end} onCommit={(v) => edit((p) => ({ ...p, end: v }))} />
          <TextField label="Plan name" path="name" error={error} value={plan.name} onCommit={(v) => edit((p) => ({ ...p, name: v }))} />
          <TextField label="Client" path="client" error={error} value={plan.client} onCommit={(v) => edit((p) => ({ ...p, client: v }))} />
          <TextField label="Brand" path="brand" error={error} value={plan.brand ?? ""} onCommit={(v) => edit((p) => setOpt(p, "brand", v.trim()))} />
          <TextField
            label="Prepared by"
            path="prepared_by"
            error={error}
            value={plan.prepared_by ?? ""}
            onCommit={(v) => edit((p) => setOpt(p, "prepared_by", v.trim()))}
          />
        </div>
      </section>

      <div className="split">
        <section className="panel">
          <div className="panel-head">
            <h2>Secondary KPIs</h2>
          </div>
          {secondary.length === 0 && <p className="muted small empty-line">None yet.</p>}
          {secondary.length > 0 && (
            <div className="rows-head kpi-grid" aria-hidden="true">
              <span>KPI</span>
              <span className="num">Target</span>
              <span />
            </div>
          )}
          {secondary.map((s, i) => (
            <div className="form-row compact kpi-grid" key={i}>
              <SelectField<Kpi>
                label="KPI"
                path={`goal.secondary[${i}].kpi`}
                error={error}
                value={s.kpi}
                options={ALL_KPIS.map((k) => ({ value: k, label: KPI_LABEL[k] }))}
                onCommit={(v) => v && setSecondary(secondary.map((x, j) => (j === i ? { ...x, kpi: v } : x)))}
              />
              <TextField
                label="Target"
                path={`goal.secondary[${i}].target`}
                error={error}
                numeric
                value={s.target ?? ""}
                onCommit={(v) => setSecondary(secondary.map((x, j) => (j === i ? setOpt(x, "target", cleanDecimal(v)) : x)))}
              />
              <button type="button" className="icon-button" aria-label="Remove KPI" onClick={() => setSecondary(secondary.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setSecondary([...secondary, { kpi: stage ? KPIS_FOR[stage][1] ?? KPIS_FOR[stage][0] : "ctr" }])}
          >
            + Add KPI
          </button>
        </section>
        <section className="panel">
          <div className="panel-head">
            <h2>Guardrails</h2>
          </div>
          <div className="form-grid cols-1">
            <TextField
              label="Maximum share per channel"
              path="goal.guardrails.max_channel_share_pct"
              error={error}
              numeric
              suffix="%"
              value={goal?.guardrails?.max_channel_share_pct ?? ""}
              onCommit={(v) => setGuard("max_channel_share_pct", v)}
            />
            <TextField
              label="Maximum blended CAC"
              path="goal.guardrails.max_blended_cac"
              error={error}
              numeric
              prefix={plan.currency}
              value={goal?.guardrails?.max_blended_cac ?? ""}
              onCommit={(v) => setGuard("max_blended_cac", v)}
            />
            <TextField
              label="Minimum blended ROAS"
              path="goal.guardrails.min_blended_roas"
              error={error}
              numeric
              suffix="×"
              value={goal?.guardrails?.min_blended_roas ?? ""}
              onCommit={(v) => setGuard("min_blended_roas", v)}
            />
          </div>
        </section>
      </div>
    </div>
  );
}

function titleFor(stage: Funnel): string {
  return stage[0].toUpperCase() + stage.slice(1);
}
