// The scenarios side by side in stage 3: clients rarely approve the first number, so a plan
// carries named variants (conservative, aggressive) as differences from the plan as written. The
// core costs each one and the difference to the plan; this shows every figure in one column per
// side with the signed difference under it, marks which one the client PDF presents, and edits
// the variants in place (name, budget, per-line budget overrides). Every edit is a plan edit the
// core validates; every figure and difference is the core's.

import { useEffect, useId, useRef, useState } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { Comparison, Figures, LineFigures, Plan, Scenario, ScenarioSide } from "../bindings";
import type { CommandErrorBody, NumberStyle } from "../types";
import { isNegative, isNonZero, money, num, titleCase } from "../format";
import { ErrorNotice } from "../components/ErrorNotice";
import { fieldError } from "../components/Field";
import { cleanDecimal } from "../store/usePlan";
import { errorMessage } from "../errors";
import type { PlanEditorProps } from "./props";

type Props = PlanEditorProps;

// ---- The plan edits (pure: the browser tests' scenarios build their plans with these too) ----

/** The plan with scenario `index` presented in the PDF and no other (null: the plan as written). */
export function presentScenario(plan: Plan, index: number | null): Plan {
  return {
    ...plan,
    scenarios: (plan.scenarios ?? []).map((s, i) => {
      const next: Scenario = { ...s };
      if (i === index) next.presented = true;
      else delete next.presented;
      return next;
    }),
  };
}

/** The plan with a new scenario at the end: a name and, optionally, its own budget. */
export function addScenario(plan: Plan, name: string, budget: string): Plan {
  const s: Scenario = { name: name.trim() };
  const b = cleanDecimal(budget);
  if (b) s.budget = b;
  return { ...plan, scenarios: [...(plan.scenarios ?? []), s] };
}

export function deleteScenario(plan: Plan, index: number): Plan {
  const scenarios = (plan.scenarios ?? []).filter((_, i) => i !== index);
  const next: Plan = { ...plan, scenarios };
  if (scenarios.length === 0) delete next.scenarios;
  return next;
}

function changeScenario(plan: Plan, index: number, change: (s: Scenario) => Scenario): Plan {
  return { ...plan, scenarios: (plan.scenarios ?? []).map((s, i) => (i === index ? change({ ...s }) : s)) };
}

/** Set a scenario's field from what was typed; an empty optional field is removed. */
export function setScenarioField(plan: Plan, index: number, field: "name" | "description" | "budget", text: string): Plan {
  return changeScenario(plan, index, (s) => {
    if (field === "name") s.name = text.trim();
    else {
      const v = field === "budget" ? cleanDecimal(text) : text.trim();
      if (v) s[field] = v;
      else delete s[field];
    }
    return s;
  });
}

/** Set (or, with empty text, clear) a scenario's budget for one line; a budget replaces a share. */
export function setLineOverride(plan: Plan, index: number, lineId: string, text: string): Plan {
  return changeScenario(plan, index, (s) => {
    const lines = (s.lines ?? []).slice();
    const j = lines.findIndex((l) => l.id === lineId);
    const v = cleanDecimal(text);
    if (j < 0) {
      if (v) lines.push({ id: lineId, budget: v });
    } else {
      const o = { ...lines[j] };
      if (v) {
        o.budget = v;
        delete o.share;
      } else delete o.budget;
      if (Object.keys(o).length === 1) lines.splice(j, 1);
      else lines[j] = o;
    }
    if (lines.length > 0) s.lines = lines;
    else delete s.lines;
    return s;
  });
}

// ---- The figures ----

type Kind = "money" | "count" | "pct" | "plain";
interface Row {
  key: keyof Figures;
  label: string;
  kind: Kind;
  /** Spend rows colour a rise amber; delivery rows colour a rise green and a fall red. */
  tone: "spend" | "result";
}
const GROUPS: { title: string; rows: Row[] }[] = [
  {
    title: "Money",
    rows: [
      { key: "budget", label: "Budget", kind: "money", tone: "spend" },
      { key: "net_media", label: "Net media", kind: "money", tone: "spend" },
      { key: "agency_commission", label: "Agency commission", kind: "money", tone: "spend" },
      { key: "ad_serving", label: "Ad serving", kind: "money", tone: "spend" },
      { key: "tech_fee", label: "Tech fee", kind: "money", tone: "spend" },
      { key: "fees", label: "Fees", kind: "money", tone: "spend" },
      { key: "gross", label: "Gross total", kind: "money", tone: "spend" },
      { key: "unallocated", label: "Unallocated", kind: "money", tone: "spend" },
    ],
  },
  {
    title: "Delivery",
    rows: [
      { key: "impressions", label: "Impressions", kind: "count", tone: "result" },
      { key: "clicks", label: "Clicks", kind: "count", tone: "result" },
      { key: "conversions", label: "Conversions", kind: "count", tone: "result" },
      { key: "views", label: "Views", kind: "count", tone: "result" },
      { key: "grps", label: "GRPs", kind: "plain", tone: "result" },
      { key: "reach_pct", label: "Reach", kind: "pct", tone: "result" },
      { key: "frequency", label: "Frequency", kind: "plain", tone: "result" },
      { key: "effective_reach_pct", label: "Effective reach (3+)", kind: "pct", tone: "result" },
      { key: "total_response", label: "Total response", kind: "plain", tone: "result" },
    ],
  },
];

function useFormat(currency: string, style?: NumberStyle) {
  const value = (v: string | null, kind: Kind) =>
    v === null ? "—" : kind === "money" ? money(v, currency, style) : kind === "pct" ? `${num(v, style)}%` : num(v, style);
  const diff = (v: string | null, kind: Kind) => {
    if (v === null) return "";
    const sign = isNonZero(v) && !isNegative(v) ? "+" : "";
    if (kind === "pct") return `${sign}${num(v, style)} pts`;
    return sign + value(v, kind);
  };
  return { value, diff };
}

function Diff({ v, row, fmt }: { v: string | null; row: Row; fmt: ReturnType<typeof useFormat> }) {
  if (v === null) return null;
  if (!isNonZero(v)) return <span className="diff same">no change</span>;
  const up = !isNegative(v);
  const tone = row.tone === "spend" ? (up ? "spend-up" : "spend-down") : up ? "good" : "bad";
  return (
    <span className={`diff ${tone}`} data-diff={row.key}>
      {up ? "▲" : "▼"} {fmt.diff(v, row.kind)}
    </span>
  );
}

// ---- The view ----

export function ScenarioCompare({ plan, view, error, edit, numberStyle }: Props) {
  const [comparison, setComparison] = useState<{ of: Plan; data: Comparison } | null>(null);
  const [failure, setFailure] = useState<CommandError | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const seq = useRef(0);
  const group = useId();
  const fmt = useFormat(view.currency, numberStyle);
  const scenarios = plan.scenarios ?? [];

  useEffect(() => {
    const mine = ++seq.current;
    api.compareScenarios(plan).then(
      (data) => {
        if (mine !== seq.current) return;
        setComparison({ of: plan, data });
        setFailure(null);
      },
      (e) => mine === seq.current && setFailure(toCommandError(e)),
    );
  }, [plan]);

  const data = comparison?.data;
  const stale = !!comparison && comparison.of !== plan;
  const side = (i: number): ScenarioSide | undefined => {
    const s = data?.scenarios[i];
    return s && s.name === scenarios[i]?.name ? s : data?.scenarios.find((x) => x.name === scenarios[i]?.name);
  };
  const presented = scenarios.findIndex((s) => s.presented);
  const lineName = (id: string) => plan.lines.find((l) => l.id === id)?.name ?? id;
  const findingLabel = (code: string) => view.findings.find((f) => f.code === code)?.message ?? titleCase(code);
  // A refused plan cannot be compared: the page says why; the last comparison stays, marked.
  const showFailure = failure && !error;

  return (
    <section className="panel scenarios" aria-label="Scenarios">
      <div className="panel-head">
        <h2>Scenarios</h2>
        <span className="muted small scenarios-lead">
          The plan as written and each variant, costed by the core; the difference to the plan is under each figure
        </span>
        <AddScenario onAdd={(name, budget) => edit((p) => addScenario(p, name, budget))} currency={view.currency} />
      </div>

      {showFailure && <ErrorNotice error={{ ...failure, message: errorMessage(failure) }} title="The scenarios could not be compared" />}
      {scenarios.length === 0 && (
        <p className="muted small empty-line" data-testid="no-scenarios">
          No scenarios yet. Clients rarely approve the first number: add a conservative and an aggressive variant (a name and a
          budget), then change single lines' budgets in them.
        </p>
      )}

      {data && scenarios.length > 0 && (
        <div className={`table-scroll${stale ? " stale" : ""}`} aria-busy={stale || undefined}>
          <table className="data compare-table" aria-label="Scenario comparison">
            <colgroup>
              <col className="compare-label-col" />
              <col />
              {scenarios.map((s, i) => (
                <col key={`${s.name}-${i}`} />
              ))}
            </colgroup>
            <thead>
              <tr className="side-names">
                <th scope="col" className="compare-corner" />
                <th scope="col" className={`side-head${presented < 0 ? " is-presented" : ""}`} data-side="plan">
                  <span className="side-name">Plan as written</span>
                  <span className="side-desc muted">The lines and budget as they stand</span>
                </th>
                {scenarios.map((s, i) => (
                  <th key={`${s.name}-${i}`} scope="col" className={`side-head${s.presented ? " is-presented" : ""}`} data-side={s.name}>
                    {editing === i ? (
                      <div className="side-edit">
                        <CellInput label={`Name of scenario ${i + 1}`} value={s.name} path={`scenarios[${i}].name`} error={error} onCommit={(v) => edit((p) => setScenarioField(p, i, "name", v))} className="side-name-input" />
                        <CellInput label={`Description of ${s.name}`} value={s.description ?? ""} placeholder="What this variant changes" path={`scenarios[${i}].description`} error={error} onCommit={(v) => edit((p) => setScenarioField(p, i, "description", v))} className="side-desc-input" align="left" />
                      </div>
                    ) : (
                      <>
                        <span className="side-name">{s.name}</span>
                        {s.description && <span className="side-desc muted">{s.description}</span>}
                      </>
                    )}
                    <ScenarioError error={error} index={i} />
                  </th>
                ))}
              </tr>
              <tr className="side-tools-row">
                <th scope="row" className="compare-corner">
                  <span className="label">Presented in PDF</span>
                </th>
                <td className={`side-tools${presented < 0 ? " presented-col" : ""}`} data-side="plan">
                  <Presented group={group} checked={presented < 0} label="Plan as written" onChange={() => edit((p) => presentScenario(p, null))} />
                </td>
                {scenarios.map((s, i) => (
                  <td key={`${s.name}-${i}`} className={`side-tools${s.presented ? " presented-col" : ""}`} data-side={s.name}>
                    <Presented group={group} checked={!!s.presented} label={s.name} onChange={() => edit((p) => presentScenario(p, i))} />
                    {editing === i ? (
                      <>
                        <button type="button" className="button small danger" aria-label={`Delete ${s.name}`} onClick={() => { setEditing(null); edit((p) => deleteScenario(p, i)); }}>
                          Delete
                        </button>
                        <button type="button" className="button small primary" onClick={() => setEditing(null)}>
                          Done
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button small" aria-label={`Edit ${s.name}`} onClick={() => setEditing(i)}>
                        Edit
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            </thead>
            {GROUPS.map((g) => (
              <tbody key={g.title}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={2 + scenarios.length}>
                    {g.title}
                  </th>
                </tr>
                {g.rows.map((row) => (
                  <tr key={row.key} data-figure={row.key}>
                    <th scope="row">{row.label}</th>
                    <td className={`num${presented < 0 ? " presented-col" : ""}`} data-side="plan">
                      {fmt.value(data.base.totals[row.key], row.kind)}
                    </td>
                    {scenarios.map((s, i) => {
                      const sd = side(i);
                      return (
                        <td key={`${s.name}-${i}`} className={`num${s.presented ? " presented-col" : ""}`} data-side={s.name}>
                          {row.key === "budget" && editing === i ? (
                            <CellInput label={`Budget of ${s.name}`} value={s.budget ?? ""} placeholder={`as plan: ${money(plan.budget, view.currency, numberStyle)}`} path={`scenarios[${i}].budget`} error={error} onCommit={(v) => edit((p) => setScenarioField(p, i, "budget", v))} />
                          ) : (
                            <span className="fig">{sd ? fmt.value(sd.totals[row.key], row.kind) : "—"}</span>
                          )}
                          {sd && <Diff v={sd.difference[row.key]} row={row} fmt={fmt} />}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
            {scenarios.some((_, i) => side(i)?.budget_gap || (side(i)?.unchanged_lines.length ?? 0) > 0) && (
              <tbody data-testid="budget-gaps">
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={2 + scenarios.length}>
                    Budget and lines
                  </th>
                </tr>
                {scenarios.some((_, i) => side(i)?.budget_gap) && (
                <tr data-figure="budget_gap">
                  <th scope="row">Money on no line</th>
                  <td className={presented < 0 ? "presented-col" : undefined} data-side="plan" />
                  {scenarios.map((s, i) => {
                    const gap = side(i)?.budget_gap;
                    return (
                      <td key={`${s.name}-${i}`} className={s.presented ? "presented-col" : undefined} data-side={s.name}>
                        {gap && (
                          <span className={`budget-gap gap-${gap.kind}`} title="Not a saving: the money is in the budget but on no line">
                            {gap.message}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
                )}
                {scenarios.some((_, i) => (side(i)?.unchanged_lines.length ?? 0) > 0) && (
                <tr data-figure="unchanged_lines">
                  <th scope="row" title="Fixed amounts a scenario's budget does not scale: give them their own budget in the scenario, or turn them into shares">
                    Lines left as they are
                  </th>
                  <td className={presented < 0 ? "presented-col" : undefined} data-side="plan" />
                  {scenarios.map((s, i) => {
                    const left = side(i)?.unchanged_lines ?? [];
                    return (
                      <td key={`${s.name}-${i}`} className={s.presented ? "presented-col" : undefined} data-side={s.name}>
                        {left.length > 0 && (
                          <ul className="unchanged-lines">
                            {left.map((l) => (
                              <li key={l.id} title={l.reason}>
                                {l.name} · {money(l.net, view.currency, numberStyle)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    );
                  })}
                </tr>
                )}
              </tbody>
            )}
            <tbody>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={2 + scenarios.length}>
                  Net media by line
                </th>
              </tr>
              {data.base.lines.map((bl) => (
                <tr key={bl.id} data-line={bl.id}>
                  <th scope="row" className="line-name">
                    {lineName(bl.id)}
                  </th>
                  <td className={`num${presented < 0 ? " presented-col" : ""}`} data-side="plan">
                    <LineCell lf={bl} currency={view.currency} numberStyle={numberStyle} />
                  </td>
                  {scenarios.map((s, i) => {
                    const lf = side(i)?.lines.find((l) => l.id === bl.id);
                    const j = (s.lines ?? []).findIndex((l) => l.id === bl.id);
                    const o = j >= 0 ? s.lines![j] : undefined;
                    return (
                      <td key={`${s.name}-${i}`} className={`num${o ? " overridden" : ""}${s.presented ? " presented-col" : ""}`} data-side={s.name}>
                        {editing === i ? (
                          <CellInput
                            label={`${lineName(bl.id)} budget in ${s.name}`}
                            value={o?.budget ?? ""}
                            placeholder={o?.share !== undefined ? `${o.share}% share` : "as plan"}
                            path={`scenarios[${i}].lines[${j >= 0 ? j : (s.lines ?? []).length}].budget`}
                            error={error}
                            onCommit={(v) => edit((p) => setLineOverride(p, i, bl.id, v))}
                          />
                        ) : (
                          lf && <LineCell lf={lf} currency={view.currency} numberStyle={numberStyle} overridden={!!o} />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tbody>
              <tr data-figure="findings">
                <th scope="row">Findings</th>
                <td className={presented < 0 ? "presented-col" : undefined} data-side="plan">
                  <FindingTags codes={data.base.findings} label={findingLabel} />
                </td>
                {scenarios.map((s, i) => (
                  <td key={`${s.name}-${i}`} className={s.presented ? "presented-col" : undefined} data-side={s.name}>
                    <FindingTags codes={side(i)?.findings ?? []} label={findingLabel} base={data.base.findings} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {scenarios.length > 0 && (
        <p className="muted small compare-legend">
          <span className="diff spend-up">▲ costs more</span> <span className="diff spend-down">▼ costs less</span>{" "}
          <span className="diff good">▲ delivers more</span> <span className="diff bad">▼ delivers less</span> · Reach differences are in
          percentage points · <span className="override-mark" aria-hidden="true" /> a line budget set by the scenario · Edit a scenario to
          change its name, budget or a line's budget; empty means as in the plan.
        </p>
      )}
    </section>
  );
}

function LineCell({ lf, currency, numberStyle, overridden }: { lf: LineFigures; currency: string; numberStyle?: NumberStyle; overridden?: boolean }) {
  return (
    <span className="line-fig" title={overridden ? "Set by this scenario" : undefined}>
      {overridden && <span className="override-mark" aria-label="set by this scenario" />}
      <span className="fig">{money(lf.net, currency, numberStyle)}</span>
      <span className="share muted">{num(lf.share_pct, numberStyle)}%</span>
    </span>
  );
}

function FindingTags({ codes, label, base }: { codes: string[]; label: (code: string) => string; base?: string[] }) {
  if (codes.length === 0) return <span className="findings-clear small">None</span>;
  return (
    <span className="finding-tags">
      {codes.map((c) => (
        <span key={c} className={`finding-tag${base && !base.includes(c) ? " new" : ""}`} title={label(c)}>
          {titleCase(c)}
          {base && !base.includes(c) ? " · new" : ""}
        </span>
      ))}
    </span>
  );
}

function Presented({ group, checked, label, onChange }: { group: string; checked: boolean; label: string; onChange: () => void }) {
  return (
    <label className={`presented${checked ? " on" : ""}`}>
      <input type="radio" name={`presented-${group}`} checked={checked} onChange={onChange} aria-label={`Present ${label} in the PDF`} />
      {checked ? "In the PDF" : "Present in PDF"}
    </label>
  );
}

/** A scenario's error the core named a field for that no visible input shows. */
function ScenarioError({ error, index }: { error: CommandErrorBody | null; index: number }) {
  if (!error?.path?.startsWith(`scenarios[${index}]`)) return null;
  if (/^scenarios\[\d+\]\.(name|description|budget|lines\[\d+\]\.budget)$/.test(error.path)) return null;
  return <p className="field-error">{errorMessage(error)}</p>;
}

/** An input that commits on Enter or leaving it (one edit, one undo step); Escape reverts. */
function CellInput({
  label,
  value,
  path,
  error,
  onCommit,
  placeholder,
  className,
  align = "right",
}: {
  label: string;
  value: string;
  path: string;
  error: CommandErrorBody | null;
  onCommit: (v: string) => void;
  placeholder?: string;
  className?: string;
  align?: "left" | "right";
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const msg = fieldError(error, path);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <span className="cell-input">
      <input
        className={`${align === "right" ? "num " : ""}${className ?? ""}`}
        aria-label={label}
        aria-invalid={msg ? true : undefined}
        data-path={path}
        data-dirty={draft !== null && draft !== value ? "true" : "false"}
        value={draft ?? value}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
      {msg && <span className="field-error">{msg}</span>}
    </span>
  );
}

function AddScenario({ onAdd, currency }: { onAdd: (name: string, budget: string) => void; currency: string }) {
  const [name, setName] = useState("");
  const [budget, setBudget] = useState("");
  return (
    <form
      className="add-scenario"
      aria-label="Add a scenario"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd(name, budget);
        setName("");
        setBudget("");
      }}
    >
      <input aria-label="New scenario name" placeholder="Scenario name" value={name} onChange={(e) => setName(e.target.value)} />
      <span className="input-wrap">
        <span className="affix">{currency}</span>
        <input className="num" aria-label="New scenario budget" placeholder="Budget" value={budget} onChange={(e) => setBudget(e.target.value)} />
      </span>
      <button type="submit" className="button" disabled={!name.trim()}>
        Add scenario
      </button>
    </form>
  );
}
