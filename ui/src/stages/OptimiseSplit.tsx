// "Optimise split" in stage 3: the core's allocator moves budget between the lines that have a
// response curve until an extra dollar returns the same on every funded line, and shows the result
// as a proposal — each line's curve with its spend now and optimised, a before/after table, the
// gain in total response — for the planner to accept (one undoable edit) or reject. Lines with no
// curve keep their budget; a small form gives a line a curve and allocator bounds.
// Every figure is the core's; the UI only places pixels and compares signs.

import { useEffect, useRef, useState } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { Line, Optimised, Plan, Response, SplitBasis } from "../bindings";
import type { CommandErrorBody, NumberStyle, PlanView } from "../types";
import { isNegative, isNonZero, money, num } from "../format";
import { ErrorNotice } from "../components/ErrorNotice";
import { fieldError } from "../components/Field";
import { ResponseCurve } from "../components/ResponseCurve";
import { useNumberInput } from "../components/numbers";
import { errorMessage } from "../errors";
import type { PlanEditorProps } from "./props";
import { CurveFit } from "./CurveFit";

type Props = PlanEditorProps;

type State =
  | { kind: "closed" }
  | { kind: "loading"; last: Optimised | null }
  | { kind: "proposal"; result: Optimised }
  | { kind: "failed"; failure: CommandError; last: Optimised | null };

export function OptimiseSplit({ plan, view, error, edit, numberStyle }: Props) {
  const [state, setState] = useState<State>({ kind: "closed" });
  const [accepted, setAccepted] = useState<{ before: string; after: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [acceptError, setAcceptError] = useState<CommandError | null>(null);
  // The money split: what is on the lines, or (after the planner said yes) the whole budget.
  const [basis, setBasis] = useState<SplitBasis>("allocated");
  const open = state.kind !== "closed";
  const seq = useRef(0);
  const m = (v: string) => money(v, view.currency, numberStyle);

  // While the proposal is open it follows the plan: a changed curve or split is re-optimised, so
  // what Accept commits (the core recomputes it from the plan sent) is always what is on screen.
  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    setState((s) => ({ kind: "loading", last: s.kind === "proposal" ? s.result : s.kind === "closed" ? null : s.last }));
    api.optimiseSplit(plan, basis).then(
      (result) => mine === seq.current && setState({ kind: "proposal", result }),
      (e) => mine === seq.current && setState((s) => ({ kind: "failed", failure: toCommandError(e), last: s.kind === "loading" ? s.last : null })),
    );
  }, [open, plan, basis]);

  const start = () => {
    setBasis("allocated");
    setAccepted(null);
    setAcceptError(null);
    setState({ kind: "loading", last: null });
  };
  const close = () => {
    seq.current++;
    setEditing(null);
    setAcceptError(null);
    setState({ kind: "closed" });
  };
  const accept = async (result: Optimised) => {
    setAcceptError(null);
    try {
      const next = await api.acceptSplit(plan, basis);
      edit(() => next);
      setAccepted({ before: result.allocation.current_total_response, after: result.allocation.total_response });
      close();
    } catch (e) {
      setAcceptError(toCommandError(e));
    }
  };

  // A refused edit (e.g. a curve the core rejects) leaves the last proposal on screen, not to be
  // accepted, with the refusal beside its field, until the planner fixes or undoes it.
  const refused = !!error;
  const result =
    state.kind === "proposal" ? state.result : state.kind === "loading" || (state.kind === "failed" && refused) ? state.last : null;
  const curved = plan.lines.filter((l) => l.response).length;
  const busy = state.kind === "loading";

  return (
    <section className="panel optimise" aria-label="Optimise split" aria-busy={busy || undefined}>
      <div className="panel-head">
        <h2>Optimise split</h2>
        <span className="muted small optimise-lead">
          On each line's response curve, the split where an extra dollar returns the same on every funded line
        </span>
        {!open && (
          <button type="button" className="button primary" onClick={start} disabled={plan.lines.length === 0}>
            Optimise split
          </button>
        )}
      </div>

      {!open && (
        <p className="muted small" data-testid="optimise-intro">
          {plan.lines.length === 0
            ? "Add channels first; then give lines a response curve and the core finds the best split between them."
            : curved === 0
            ? "No line has a response curve yet: Optimise split explains how to give one a curve."
            : `${curved} of ${plan.lines.length} lines have a response curve; the others keep their budget.`}
          {accepted && (
            <span className="optimise-accepted" role="status">
              {" "}Optimised split accepted: total response {num(accepted.before, numberStyle)} → {num(accepted.after, numberStyle)}. Ctrl+Z undoes it.
            </span>
          )}
        </p>
      )}

      {state.kind === "loading" && !result && <p className="muted small">Optimising the split on the lines' curves…</p>}

      {state.kind === "failed" && !result && (
        <Failure
          refused={refused}
          failure={state.failure}
          plan={plan}
          view={view}
          error={error}
          edit={edit}
          editing={editing}
          setEditing={setEditing}
          onClose={close}
          numberStyle={numberStyle}
        />
      )}

      {result && (
        <>
          <div className="optimise-summary" aria-label="Optimised split totals">
            <span>
              <span className="label">Budget split</span>
              <strong className="num">{m(result.allocation.budget)}</strong>
            </span>
            <span>
              <span className="label">Total response</span>
              <strong className="num" data-testid="response-before-after">
                {num(result.allocation.current_total_response, numberStyle)} <span className="arrow">→</span>{" "}
                {num(result.allocation.total_response, numberStyle)}
              </strong>
            </span>
            <span className={isNonZero(result.allocation.gain) ? "gain" : "gain none"}>
              <span className="label">Gain on the plan as it stands</span>
              <strong className="num" data-testid="gain">
                {isNonZero(result.allocation.gain) ? "+" : ""}
                {num(result.allocation.gain, numberStyle)}
              </strong>
            </span>
            <span className="optimise-actions">
              {refused ? (
                <span className="muted small">The last edit was not saved: fix it or undo to accept</span>
              ) : (
                !isNonZero(result.allocation.gain) && <span className="muted small">Already the best split on these curves</span>
              )}
              <button type="button" className="button" onClick={close}>
                Reject
              </button>
              <button type="button" className="button primary" onClick={() => void accept(result)} disabled={busy || refused || state.kind !== "proposal" || !isNonZero(result.allocation.gain)}>
                Accept split
              </button>
            </span>
          </div>
          {acceptError && <ErrorNotice error={acceptError} title="The split could not be accepted" />}
          <UnallocatedPrompt result={result} basis={basis} onBasis={setBasis} m={m} numberStyle={numberStyle} />

          <div className="curve-grid">
            {result.curves.map((c) => {
              const a = result.allocation.lines.find((l) => l.id === c.id);
              if (!a) return null;
              const line = plan.lines.find((l) => l.id === c.id);
              return (
                <figure key={c.id} className="curve-card" data-line={c.id}>
                  <figcaption>
                    <span className="curve-name">{c.name}</span>
                    <span className="curve-channel muted">{line?.channel}</span>
                  </figcaption>
                  <ResponseCurve
                    lineId={c.id}
                    name={c.name}
                    points={c.points}
                    knee={c.knee}
                    current={{ spend: a.current_budget, response: a.current_response }}
                    optimised={{ spend: a.budget, response: a.response }}
                    currency={view.currency}
                  />
                  <div className="curve-legend small">
                    <span>
                      <i className="dot now" /> Now <span className="num">{m(a.current_budget)}</span>
                    </span>
                    <span>
                      <i className="dot best" /> Optimised <span className="num">{m(a.budget)}</span>
                    </span>
                    {isNonZero(c.knee) && (
                      <span className="muted">
                        <i className="dot knee" /> Knee <span className="num">{m(c.knee)}</span>
                      </span>
                    )}
                  </div>
                </figure>
              );
            })}
          </div>

          <table className="data optimise-table" aria-label="Split before and after">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col" className="num">Budget now</th>
                <th scope="col" className="num">Optimised</th>
                <th scope="col">Change</th>
                <th scope="col" className="num">Response now</th>
                <th scope="col" className="num">Optimised</th>
                <th scope="col" className="num" title="Extra response per extra unit of spend at the optimised budget">
                  Marginal
                </th>
                <th scope="col">Bounds</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {result.allocation.lines.map((a) => {
                const index = plan.lines.findIndex((l) => l.id === a.id);
                const line = plan.lines[index];
                // The core sends the change; the arrow reads its sign.
                const dir = isNegative(a.change) ? -1 : isNonZero(a.change) ? 1 : 0;
                return [
                  <tr key={a.id} data-line={a.id} className={a.fixed ? "kept" : undefined}>
                    <th scope="row" className="line-name">
                      {line?.name ?? a.id}
                      <span className="sub">{line?.channel}</span>
                    </th>
                    <td className="num" data-col="current">{m(a.current_budget)}</td>
                    <td className="num strong" data-col="optimised">{a.fixed ? <span className="muted">kept</span> : m(a.budget)}</td>
                    <td data-col="change">
                      {a.fixed ? (
                        <span className="muted small">No curve: kept as written</span>
                      ) : (
                        <span className={`change ${dir > 0 ? "up" : dir < 0 ? "down" : "same"}`}>
                          {dir > 0 ? `▲ +${m(a.change)}` : dir < 0 ? (isNonZero(a.budget) ? `▼ ${m(a.change)}` : "▼ Cut to zero") : "Unchanged"}
                        </span>
                      )}
                    </td>
                    <td className="num" data-col="response-now">{num(a.current_response, numberStyle)}</td>
                    <td className="num" data-col="response-optimised">{num(a.response, numberStyle)}</td>
                    <td className="num muted" data-col="marginal">{a.marginal_response ?? "—"}</td>
                    <td className="small" data-col="bound">
                      <Bounds line={line} atBound={a.at_bound} m={m} />
                    </td>
                    <td className="num">
                      {line && (
                        <button type="button" className="button small" aria-expanded={editing === a.id} onClick={() => setEditing(editing === a.id ? null : a.id)}>
                          {line.response ? "Curve" : "Add curve"}
                        </button>
                      )}
                    </td>
                  </tr>,
                  editing === a.id && line ? (
                    <tr key={`${a.id}-curve`} className="curve-editor-row">
                      <td colSpan={9}>
                        <CurveEditor key={curveKey(line)} plan={plan} line={line} index={index} error={error} edit={edit} onClose={() => setEditing(null)} currency={view.currency} />
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{m(view.totals.net_media)}</td>
                <td className="num">{m(result.allocation.budget)}</td>
                <td />
                <td className="num">{num(result.allocation.current_total_response, numberStyle)}</td>
                <td className="num">{num(result.allocation.total_response, numberStyle)}</td>
                <td colSpan={3} />
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </section>
  );
}

function Bounds({ line, atBound, m }: { line: Line | undefined; atBound?: string; m: (v: string) => string }) {
  if (!line?.response) return <span className="muted">—</span>;
  const parts: string[] = [];
  if (line.min_budget) parts.push(`min ${m(line.min_budget)}`);
  if (line.max_budget) parts.push(`max ${m(line.max_budget)}`);
  return (
    <>
      {atBound && <span className="bound-hit">{atBound === "max" ? "At its maximum" : line.min_budget ? "At its minimum" : "At zero"}</span>}
      {parts.length > 0 && <span className={atBound ? "muted bound-range" : "muted"}>{parts.join(" · ")}</span>}
      {!atBound && parts.length === 0 && <span className="muted">—</span>}
    </>
  );
}

/** Why there is nothing to show: no curves (how to add one), or the core's refusal. */
function Failure({
  refused,
  failure,
  plan,
  view,
  error,
  edit,
  editing,
  setEditing,
  onClose,
  numberStyle,
}: {
  refused: boolean;
  failure: CommandError;
  plan: Plan;
  view: PlanView;
  error: CommandErrorBody | null;
  edit: Props["edit"];
  editing: string | null;
  setEditing: (id: string | null) => void;
  onClose: () => void;
  numberStyle?: NumberStyle;
}) {
  const nothing = failure.code === "nothing_to_allocate";
  if (!nothing && !refused) {
    const line = failure.line ? plan.lines.find((l) => l.id === failure.line) : undefined;
    return (
      <div className="optimise-failed">
        <ErrorNotice error={{ ...failure, message: `${line ? `${line.name}: ` : ""}${errorMessage(failure)}` }} title="The split could not be optimised" />
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <div className="optimise-empty" data-testid={nothing ? "nothing-to-allocate" : "optimise-refused"}>
      {nothing ? (
        <p>
          <strong>No line has a response curve, so there is nothing to optimise.</strong> A response curve says what a line
          returns as its spend grows, and flattens as it saturates (diminishing returns). Give a line a Hill curve —
          the most it can return (<em>max</em>), how sharply it bends (<em>shape</em>, 1 for a plain bend, above 1 for an
          S-curve) and the spend at which it returns half of its max (<em>half saturation</em>) — and, optionally, the least
          and most the allocator may give it. Lines without a curve keep their budget.
        </p>
      ) : (
        <p>
          <strong>The plan was not saved, so the split cannot be optimised yet.</strong> Fix the field the core names, or undo.
        </p>
      )}
      <table className="data optimise-table" aria-label="Lines and their curves">
        <tbody>
          {plan.lines.map((line, index) => {
            const lv = view.lines.find((l) => l.id === line.id);
            return [
              <tr key={line.id}>
                <th scope="row" className="line-name">
                  {line.name}
                  <span className="sub">{line.channel}</span>
                </th>
                <td className="num">{lv ? money(lv.net, view.currency, numberStyle) : "—"}</td>
                <td className="muted small">{line.response ? "Has a curve" : "No curve"}</td>
                <td className="num">
                  <button type="button" className="button small" aria-expanded={editing === line.id} onClick={() => setEditing(editing === line.id ? null : line.id)}>
                    {line.response ? "Curve" : "Add curve"}
                  </button>
                </td>
              </tr>,
              editing === line.id ? (
                <tr key={`${line.id}-curve`} className="curve-editor-row">
                  <td colSpan={4}>
                    <CurveEditor key={curveKey(line)} plan={plan} line={line} index={index} error={error} edit={edit} onClose={() => setEditing(null)} currency={view.currency} />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}

/** Remounts a curve form when the line's curve changes outside it (undo, redo, the core). */
const curveKey = (l: Line) => JSON.stringify([l.response ?? null, l.min_budget ?? null, l.max_budget ?? null]);

type CurveKind = Response["curve"];
const PARAMS: Record<CurveKind, { key: string; label: string; hint: string; money?: boolean }[]> = {
  hill: [
    { key: "max", label: "Max response", hint: "the most the line can return" },
    { key: "shape", label: "Shape", hint: "1 bends at once; above 1 is an S-curve" },
    { key: "half_saturation", label: "Half saturation", hint: "the spend returning half of max", money: true },
  ],
  adbudg: [
    { key: "min", label: "Min response", hint: "response at zero spend (optional)" },
    { key: "max", label: "Max response", hint: "the most the line can return" },
    { key: "shape", label: "Shape", hint: "how sharply it bends" },
    { key: "d", label: "d", hint: "half-saturation spend to the power of shape" },
  ],
};

/** A line's response curve and allocator bounds, applied as one edit. */
export function CurveEditor({
  plan,
  line,
  index,
  error,
  edit,
  onClose,
  currency,
}: {
  /** The plan, for fitting a curve from known points (its currency and result unit). */
  plan?: Plan;
  line: Line;
  index: number;
  error: CommandErrorBody | null;
  edit: Props["edit"];
  onClose: () => void;
  currency: string;
}) {
  const [fitting, setFitting] = useState(false);
  const r = line.response as Record<string, string> | undefined;
  const [kind, setKind] = useState<CurveKind>(line.response?.curve ?? "hill");
  // The curve's figures, shown and read in the plan's number style.
  const numbers = useNumberInput();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries({ ...(r ?? {}), min_budget: line.min_budget ?? "", max_budget: line.max_budget ?? "" }).map(([k, v]) => [k, k === "curve" ? v : numbers.shown(v)]),
    ),
  );
  const set = (key: string, v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const base = `lines[${index}]`;

  const apply = () =>
    edit((p) => {
      const lines = p.lines.slice();
      const next: Line = { ...lines[index] };
      const response: Record<string, string> = { curve: kind };
      for (const f of PARAMS[kind]) {
        const v = numbers.read(draft[f.key] ?? "");
        if (v) response[f.key] = v;
      }
      next.response = response as unknown as Response;
      for (const key of ["min_budget", "max_budget"] as const) {
        const v = numbers.read(draft[key] ?? "");
        if (v) next[key] = v;
        else delete next[key];
      }
      lines[index] = next;
      return { ...p, lines };
    });
  const remove = () => {
    edit((p) => {
      const lines = p.lines.slice();
      const next: Line = { ...lines[index] };
      delete next.response;
      delete next.min_budget;
      delete next.max_budget;
      lines[index] = next;
      return { ...p, lines };
    });
    onClose();
  };
  const field = (key: string, label: string, hint: string, path: string, prefix?: string) => {
    const msg = fieldError(error, path);
    return (
      <label key={key} className={`field curve-field${msg ? " has-error" : ""}`}>
        <span className="field-label">{label}</span>
        <span className="input-wrap">
          {prefix && <span className="affix">{prefix}</span>}
          <input
            className="num"
            value={draft[key] ?? ""}
            data-path={path}
            data-dirty={(draft[key] ?? "") !== numbers.shown((key.endsWith("_budget") ? line[key as "min_budget"] : r?.[key]) ?? "") ? "true" : "false"}
            aria-invalid={msg ? true : undefined}
            onChange={(e) => set(key, e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && apply()}
          />
        </span>
        {msg ? <span className="field-error">{msg}</span> : <span className="field-hint">{hint}</span>}
      </label>
    );
  };
  const lineError = error?.path?.startsWith(`${base}.`) && !/response\.|_budget$/.test(error.path) ? errorMessage(error) : null;

  return (
    <div className="curve-editor" aria-label={`Response curve of ${line.name}`} role="group">
      <label className="field curve-field">
        <span className="field-label">Curve</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as CurveKind)} data-path={`${base}.response.curve`}>
          <option value="hill">Hill</option>
          <option value="adbudg">ADBUDG</option>
        </select>
        <span className="field-hint">{kind === "hill" ? "max · xˢʰᵃᵖᵉ / (xˢʰᵃᵖᵉ + Kˢʰᵃᵖᵉ)" : "min + (max − min) · xˢʰᵃᵖᵉ / (d + xˢʰᵃᵖᵉ)"}</span>
      </label>
      {PARAMS[kind].map((f) => field(f.key, f.label, f.hint, `${base}.response.${f.key}`, f.money ? currency : undefined))}
      {field("min_budget", "Min budget", "optional floor", `${base}.min_budget`, currency)}
      {field("max_budget", "Max budget", "optional cap", `${base}.max_budget`, currency)}
      <div className="curve-editor-actions">
        <button type="button" className="button primary small" onClick={apply}>
          Apply curve
        </button>
        {line.response && (
          <button type="button" className="button small danger" onClick={remove}>
            Remove curve
          </button>
        )}
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      {lineError && <p className="field-error">{lineError}</p>}
      {plan && !fitting && (
        <button type="button" className="link-button" onClick={() => setFitting(true)}>
          Fit the curve from spends you know…
        </button>
      )}
      {plan && fitting && <CurveFit plan={plan} line={line} index={index} currency={currency} edit={edit} onDone={onClose} />}
    </div>
  );
}

/** With money on no line, "allocate the rest too?": what splitting the whole budget adds beyond the
 * split of the allocated money (the core's `unallocated_gain`), and the way back. */
export function UnallocatedPrompt({
  result,
  basis,
  onBasis,
  m,
  numberStyle,
}: {
  result: Optimised;
  basis: SplitBasis;
  onBasis: (b: SplitBasis) => void;
  m: (v: string) => string;
  numberStyle?: NumberStyle;
}) {
  if (!isNonZero(result.unallocated) || result.unallocated_gain === null) return null;
  const unit = result.result_unit;
  const signed = (v: string) => `${isNegative(v) ? "" : "+"}${num(v, numberStyle)}`;
  if (isNegative(result.unallocated)) {
    return (
      <p className="optimise-rest warn small" data-testid="optimise-rest">
        The lines are over budget by {m(result.unallocated.slice(1))}: this split keeps the money on the lines. Splitting only the budget would
        change the response by {signed(result.unallocated_gain)} {unit}.
      </p>
    );
  }
  return basis === "allocated" ? (
    <div className="optimise-rest" role="group" aria-label="Unallocated money" data-testid="optimise-rest">
      <p>
        <strong>{m(result.unallocated)}</strong> of the budget is on no line. This split moves only the money already allocated (gain{" "}
        {signed(result.split_gain)} {unit}). Allocate the rest too? It would add {signed(result.unallocated_gain)} {unit} more.
      </p>
      <button type="button" className="button" onClick={() => onBasis("budget")}>
        Allocate the rest too
      </button>
    </div>
  ) : (
    <div className="optimise-rest" role="group" aria-label="Unallocated money" data-testid="optimise-rest">
      <p>
        Splitting the whole budget, {m(result.unallocated)} unallocated included: of the gain, {signed(result.split_gain)} {unit} is the better
        split and {signed(result.unallocated_gain)} {unit} the money not yet on a line.
      </p>
      <button type="button" className="button" onClick={() => onBasis("allocated")}>
        Only the allocated money
      </button>
    </div>
  );
}
