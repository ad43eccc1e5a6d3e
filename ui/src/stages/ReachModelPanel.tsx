// How the plan turns points into people: the reach model (Poisson, NBD with its k, or the
// planner's own curve), each explained in the core's words, the effective frequency N that
// "reach at N+" counts, and the duplication factor between lines. The choices come from the
// core's catalogue, so the UI holds no model of its own.

import { useState } from "react";
import type { Plan, ReachModel, ReachModelInfo } from "../bindings";
import type { CommandErrorBody } from "../types";
import { TextField } from "../components/Field";
import { cleanDecimal, setOpt } from "../store/usePlan";
import { useCatalogue } from "./catalogue";
import { AUDIENCE_KPIS } from "./model";

interface Props {
  plan: Plan;
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
  /** Show the effective frequency here (it is beside the target when the KPI is reach at N+). */
  showFrequency: boolean;
}

/** The plan with its effective frequency as typed: whole numbers are stored as numbers, anything
 * else is sent as typed for the core to refuse by name; empty is the default (3). */
export function setEffectiveFrequency(plan: Plan, text: string): Plan {
  const t = text.trim();
  const next: Record<string, unknown> = { ...plan };
  if (t === "") delete next.effective_frequency;
  else next.effective_frequency = /^\d{1,9}$/.test(t) ? Number(t) : t;
  return next as Plan;
}

/** The plan with a reach model chosen: the model as the core offers it, or the one already on the
 * plan when it is of the same kind (its k and max are kept); null takes the model off. */
export function chooseModel(plan: Plan, model: ReachModel | null): Plan {
  const next = { ...plan };
  if (model === null) delete next.reach_model;
  else if (plan.reach_model?.kind !== model.kind) next.reach_model = model;
  return next;
}

/** The plan's reach model with one parameter as typed. */
function setParam(plan: Plan, key: "k" | "max", text: string): Plan {
  const m = plan.reach_model;
  if (!m || m.kind === "poisson") return plan;
  return { ...plan, reach_model: { ...m, [key]: cleanDecimal(text) } as ReachModel };
}


export function ReachModelPanel({ plan, error, edit, showFrequency }: Props) {
  const { catalogue } = useCatalogue(plan.universe);
  const inUse =
    plan.goal?.objective === "awareness" ||
    (!!plan.goal?.kpi && AUDIENCE_KPIS.includes(plan.goal.kpi)) ||
    plan.reach_model !== undefined ||
    plan.universe !== undefined ||
    plan.effective_frequency !== undefined;
  const [open, setOpen] = useState(false);
  if (!inUse && !open) {
    return (
      <section className="panel reach-model-panel closed" aria-label="Reach and frequency">
        <div className="panel-head">
          <h2>Reach and frequency</h2>
          <button type="button" className="button small" onClick={() => setOpen(true)}>
            Set up reach and frequency
          </button>
        </div>
        <p className="muted small">Not used by this plan: its goal is judged on clicks and conversions, not on people reached.</p>
      </section>
    );
  }
  const current = plan.reach_model ?? null;
  const models = catalogue?.reach_models ?? [];
  return (
    <section className="panel reach-model-panel" aria-label="Reach and frequency">
      <div className="panel-head">
        <h2>Reach and frequency</h2>
        <span className="muted small">How the lines' points become people reached; the core applies it to every line and the plan</span>
      </div>
      <div className="model-choices" role="radiogroup" aria-label="Reach model">
        {models.map((info) => (
          <ModelChoice
            key={info.model.kind}
            info={info}
            plan={plan}
            error={error}
            on={current?.kind === info.model.kind}
            onChoose={() => edit((p) => chooseModel(p, info.model))}
            onParam={(key, v) => edit((p) => setParam(p, key, v))}
          />
        ))}
        <div className={`model-choice${current === null ? " on" : ""}`} data-model="none">
          <label className="model-pick">
            <input type="radio" name="reach-model" checked={current === null} onChange={() => edit((p) => chooseModel(p, null))} />
            <span className="model-label">No model</span>
          </label>
          <p className="model-explanation">
            Points give no reach: only lines with the planner's own reach estimate (in the line's details) have reach, and
            reach at N+ cannot be worked out.
          </p>
        </div>
      </div>
      {!catalogue && <p className="muted small">Loading the models…</p>}
      <div className="form-grid">
        {showFrequency && (
          <TextField
            label="Effective frequency (N+)"
            path="effective_frequency"
            error={error}
            numeric
            suffix="+ exposures"
            value={plan.effective_frequency !== undefined ? String(plan.effective_frequency) : ""}
            placeholder="3"
            hint="Effective reach counts people reached this many times or more (default 3)"
            onCommit={(v) => edit((p) => setEffectiveFrequency(p, v))}
          />
        )}
        <TextField
          label="Duplication factor"
          path="duplication_factor"
          error={error}
          numeric
          value={plan.duplication_factor ?? ""}
          placeholder="1"
          hint="Multiplies the lines' combined reach: 1 is random duplication between lines"
          onCommit={(v) => edit((p) => setOpt(p, "duplication_factor", cleanDecimal(v)))}
        />
      </div>
    </section>
  );
}

function ModelChoice({
  info,
  plan,
  error,
  on,
  onChoose,
  onParam,
}: {
  info: ReachModelInfo;
  plan: Plan;
  error: CommandErrorBody | null;
  on: boolean;
  onChoose: () => void;
  onParam: (key: "k" | "max", value: string) => void;
}) {
  const m = on ? plan.reach_model : undefined;
  return (
    <div className={`model-choice${on ? " on" : ""}`} data-model={info.model.kind}>
      <label className="model-pick">
        <input type="radio" name="reach-model" checked={on} onChange={onChoose} />
        <span className="model-label">{info.label}</span>
      </label>
      <p className="model-explanation">{info.explanation}</p>
      {m?.kind === "nbd" && (
        <div className="model-params">
          <TextField label="k (evenness of exposure)" path="reach_model.k" error={error} numeric value={m.k} hint="Small: uneven exposure" onCommit={(v) => onParam("k", v)} />
        </div>
      )}
      {m?.kind === "curve" && (
        <div className="model-params">
          <TextField label="Max reach" path="reach_model.max" error={error} numeric suffix="%" value={m.max} onCommit={(v) => onParam("max", v)} />
          <TextField label="k (growth per GRP)" path="reach_model.k" error={error} numeric value={m.k} onCommit={(v) => onParam("k", v)} />
        </div>
      )}
    </div>
  );
}
