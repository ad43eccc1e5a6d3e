// Stage 3, Channels & split: choose channels from the core's catalogue (medium, demand capture or
// creation, funnel role, buying method, pricing, default rate and units) and split the budget by
// percent or by amount (out of home and print lines may instead book faces or insertions). The
// core computes every line's net, the shares and the unallocated remainder; the chart draws its
// shares. Concentrate: the core warns when a small budget is spread thin.

import type { Line } from "../bindings";
import { isNegative, isNonZero, money, num, pricingLabel, titleCase } from "../format";
import { fieldError } from "../components/Field";
import { cleanDecimal } from "../store/usePlan";
import { errorMessage } from "../errors";
import { OptimiseSplit } from "./OptimiseSplit";
import { ScenarioCompare } from "./ScenarioCompare";
import type { PlanEditorProps } from "./props";
import { useDraftInput } from "../components/draft";
import { ChannelCatalogue } from "./ChannelCatalogue";
import { useCatalogue } from "./catalogue";

/** How a line is funded in the split: a share of the budget, an amount, or (out of home and
 * print) the faces or insertions it books, which cost units × rate. */
type Funding = "share" | "budget" | "faces" | "insertions";

export function fundingOf(l: Line): Funding {
  if (l.pricing === "per_face_week" && l.faces !== undefined && l.budget === undefined && l.share === undefined) return "faces";
  if (l.pricing === "per_insertion" && l.insertions !== undefined && l.budget === undefined && l.share === undefined) return "insertions";
  return l.share !== undefined ? "share" : "budget";
}

type Props = PlanEditorProps;

export function ChannelsStage({ plan, view, error, edit, numberStyle }: Props) {
  const { catalogue, error: refused } = useCatalogue(plan.universe);
  const m = (v: string) => money(v, view.currency, numberStyle);
  const t = view.totals;

  const add = (line: Line) => edit((p) => ({ ...p, lines: [...p.lines, line] }));

  // A line is funded one way at a time: setting a share or an amount takes off the other, and
  // the faces or insertions that would otherwise set its cost.
  const setFunding = (i: number, mode: Funding, text: string) =>
    edit((p) => {
      const lines = p.lines.slice();
      const l = { ...lines[i] };
      delete l.share;
      delete l.budget;
      if (mode === "faces" || mode === "insertions") {
        const n = text.trim();
        (l as Record<string, unknown>)[mode] = /^\d{1,9}$/.test(n) ? Number(n) : n;
      } else {
        delete l.faces;
        delete l.insertions;
        l[mode] = cleanDecimal(text) || "0";
      }
      lines[i] = l;
      return { ...p, lines };
    });

  return (
    <div className="stage-body">
      <section className="panel">
        <div className="panel-head">
          <h2>Split</h2>
          <span className="muted small">
            Give each line a share of the budget or an amount; the core works out the rest exactly
          </span>
        </div>
        <div className="split-summary" aria-label="Split totals">
          <span>
            Budget <strong className="num">{m(t.budget)}</strong>
          </span>
          <span>
            Allocated <strong className="num">{m(t.net_media)}</strong>
          </span>
          <span className={isNegative(t.unallocated) ? "bad" : isNonZero(t.unallocated) ? "warn" : "ok"} data-testid="unallocated">
            {isNegative(t.unallocated) ? "Over budget" : "Unallocated"} <strong className="num">{m(t.unallocated)}</strong>
          </span>
        </div>
        {plan.lines.length === 0 ? (
          <p className="muted small empty-line">No channels yet: add one or two from the catalogue below. Fund one or two properly before adding a third.</p>
        ) : (
          <table className="data split-table" aria-label="Budget split">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Role</th>
                <th scope="col">Buying</th>
                <th scope="col">Split by</th>
                <th scope="col" className="num">Share or amount</th>
                <th scope="col" className="num">Net media</th>
                <th scope="col" className="split-chart-col">Share of net media</th>
              </tr>
            </thead>
            <tbody>
              {plan.lines.map((l, i) => {
                const lv = view.lines.find((x) => x.id === l.id);
                const mode = fundingOf(l);
                const path = `lines[${i}].${mode}`;
                const count = mode === "faces" ? l.faces : mode === "insertions" ? l.insertions : undefined;
                const msg = fieldError(error, path) ?? (error?.path?.startsWith(`lines[${i}].`) ? errorMessage(error) : null);
                return (
                  <tr key={`${l.id}-${i}`}>
                    <th scope="row" className="line-name">
                      {l.name}
                      <span className="sub">{l.channel} · {pricingLabel(l.pricing)}</span>
                    </th>
                    <td>
                      {l.demand && <span className={`tag demand-${l.demand}`}>{titleCase(l.demand)}</span>}
                      {l.role && <span className="muted small"> {titleCase(l.role)}</span>}
                    </td>
                    <td className="muted">{l.buying ? titleCase(l.buying) : "—"}</td>
                    <td>
                      <div className="seg-toggle" role="group" aria-label={`Split ${l.name} by`}>
                        <button type="button" className={mode === "share" ? "on" : ""} onClick={() => mode !== "share" && setFunding(i, "share", lv?.budget_share ?? "0")}>
                          %
                        </button>
                        <button type="button" className={mode === "budget" ? "on" : ""} onClick={() => mode !== "budget" && setFunding(i, "budget", lv?.net ?? "0")}>
                          {plan.currency}
                        </button>
                        {(mode === "faces" || mode === "insertions") && (
                          <button type="button" className="on" title={`Costs its ${mode} × rate`}>
                            {titleCase(mode)}
                          </button>
                        )}
                      </div>
                    </td>
                    <td className="num">
                      <SplitInput
                        value={count !== undefined ? String(count) : ((mode === "share" ? l.share : l.budget) ?? "")}
                        label={`${titleCase(mode === "budget" ? "amount" : mode)} for ${l.name}`}
                        path={path}
                        invalid={!!msg}
                        onCommit={(v) => setFunding(i, mode, v)}
                      />
                      {count !== undefined && <span className="sub">{mode === "faces" ? "a week × rate" : "× rate"}</span>}
                      {msg && <p className="field-error">{msg}</p>}
                    </td>
                    <td className="num strong">{lv ? num(lv.net, numberStyle) : "—"}</td>
                    <td className="split-chart-col">
                      <div className="share-bar" title={lv ? `${lv.share_pct}% of net media` : undefined}>
                        <span className="share-fill" style={{ width: `${lv ? Math.min(100, Number(lv.share_pct)) : 0}%` }} />
                        <span className="share-label num">{lv ? `${lv.share_pct}%` : ""}</span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel">
        <div className="panel-head">
          <h2>Channel catalogue</h2>
          <span className="muted small">Capture: people already search for the category · Creation: people discover while scrolling</span>
        </div>
        <ChannelCatalogue
          plan={plan}
          catalogue={catalogue}
          refused={refused ? errorMessage(refused) : null}
          currency={view.currency}
          numberStyle={numberStyle}
          onAdd={add}
        />
      </section>

      <OptimiseSplit plan={plan} view={view} error={error} edit={edit} numberStyle={numberStyle} />
      <ScenarioCompare plan={plan} view={view} error={error} edit={edit} numberStyle={numberStyle} />
    </div>
  );
}

function SplitInput({ value, label, path, invalid, onCommit }: { value: string; label: string; path: string; invalid: boolean; onCommit: (v: string) => void }) {
  const draft = useDraftInput(value, onCommit, true);
  return <input className="split-input num" aria-label={label} aria-invalid={invalid || undefined} data-path={path} {...draft} />;
}
