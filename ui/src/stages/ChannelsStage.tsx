// Stage 3, Channels & split: choose channels from a catalogue (demand capture or creation, funnel
// role, buying method, pricing, default rate) and split the budget by percent or by amount. The
// core computes every line's net, the shares and the unallocated remainder; the chart draws its
// shares. Concentrate: the core warns when a small budget is spread thin.

import { useState } from "react";
import type { Buying, Demand, Funnel, Line, Pricing } from "../bindings";
import { isNegative, isNonZero, money, num, pricingLabel, titleCase } from "../format";
import { fieldError } from "../components/Field";
import { cleanDecimal, plainMessage } from "../store/usePlan";
import { newLine } from "../components/grid";
import { OptimiseSplit } from "./OptimiseSplit";
import { ScenarioCompare } from "./ScenarioCompare";
import type { PlanEditorProps } from "./props";
import { useDraftInput } from "../components/draft";

export interface CatalogueEntry {
  channel: string;
  name: string;
  demand: Demand;
  role: Funnel;
  buying: Buying;
  pricing: Pricing;
  /** The planner's default rate for new lines, editable here. */
  rate: string;
}

export const CATALOGUE: CatalogueEntry[] = [
  { channel: "Google Ads", name: "Search — Brand", demand: "capture", role: "conversion", buying: "auction", pricing: "cpc", rate: "1.20" },
  { channel: "Google Ads", name: "Search — Generic", demand: "capture", role: "conversion", buying: "auction", pricing: "cpc", rate: "2.40" },
  { channel: "Microsoft Ads", name: "Search — Bing", demand: "capture", role: "conversion", buying: "auction", pricing: "cpc", rate: "1.60" },
  { channel: "Meta", name: "Prospecting", demand: "creation", role: "consideration", buying: "auction", pricing: "cpm", rate: "9.50" },
  { channel: "Meta", name: "Retargeting", demand: "capture", role: "conversion", buying: "auction", pricing: "cpm", rate: "14.00" },
  { channel: "TikTok", name: "In-feed video", demand: "creation", role: "awareness", buying: "auction", pricing: "cpm", rate: "7.00" },
  { channel: "YouTube", name: "In-stream 15s", demand: "creation", role: "awareness", buying: "auction", pricing: "cpv", rate: "0.03" },
  { channel: "LinkedIn", name: "Sponsored content", demand: "creation", role: "consideration", buying: "auction", pricing: "cpm", rate: "35.00" },
  { channel: "Programmatic", name: "Display (DSP)", demand: "creation", role: "awareness", buying: "programmatic", pricing: "cpm", rate: "4.50" },
  { channel: "CTV", name: "Connected TV", demand: "creation", role: "awareness", buying: "programmatic", pricing: "cpm", rate: "28.00" },
  { channel: "Radio", name: "Drive time spots", demand: "creation", role: "awareness", buying: "offline", pricing: "cpp", rate: "450.00" },
  { channel: "Newsletter", name: "Sponsorship", demand: "creation", role: "consideration", buying: "direct", pricing: "flat", rate: "" },
];

type Props = PlanEditorProps;

export function ChannelsStage({ plan, view, error, edit, numberStyle }: Props) {
  const [rates, setRates] = useState(() => CATALOGUE.map((c) => c.rate));
  const m = (v: string) => money(v, view.currency, numberStyle);
  const t = view.totals;

  const add = (i: number) =>
    edit((p) => {
      const c = CATALOGUE[i];
      const base = newLine(p);
      const line: Line = { ...base, channel: c.channel, name: c.name, demand: c.demand, role: c.role, buying: c.buying, pricing: c.pricing, budget: undefined, share: "0" };
      delete line.budget;
      if (rates[i]) line.rate = cleanDecimal(rates[i]);
      return { ...p, lines: [...p.lines, line] };
    });

  const setFunding = (i: number, mode: "share" | "budget", text: string) =>
    edit((p) => {
      const lines = p.lines.slice();
      const l = { ...lines[i] };
      delete l.share;
      delete l.budget;
      l[mode] = cleanDecimal(text) || "0";
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
                const mode: "share" | "budget" = l.share !== undefined ? "share" : "budget";
                const path = `lines[${i}].${mode}`;
                const msg = fieldError(error, path) ?? (error?.path?.startsWith(`lines[${i}].`) ? plainMessage(error) : null);
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
                        <button type="button" className={mode === "share" ? "on" : ""} onClick={() => mode !== "share" && setFunding(i, "share", lv?.share_pct ?? "0")}>
                          %
                        </button>
                        <button type="button" className={mode === "budget" ? "on" : ""} onClick={() => mode !== "budget" && setFunding(i, "budget", lv?.net ?? "0")}>
                          {plan.currency}
                        </button>
                      </div>
                    </td>
                    <td className="num">
                      <SplitInput value={(mode === "share" ? l.share : l.budget) ?? ""} label={`${mode === "share" ? "Share" : "Amount"} for ${l.name}`} path={path} invalid={!!msg} onCommit={(v) => setFunding(i, mode, v)} />
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
        <table className="data catalogue" aria-label="Channel catalogue">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Demand</th>
              <th scope="col">Funnel</th>
              <th scope="col">Buying</th>
              <th scope="col">Pricing</th>
              <th scope="col" className="num">Default rate</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {CATALOGUE.map((c, i) => (
              <tr key={`${c.channel}-${c.name}`}>
                <th scope="row" className="line-name">
                  {c.channel}
                  <span className="sub">{c.name}</span>
                </th>
                <td>
                  <span className={`tag demand-${c.demand}`}>{titleCase(c.demand)}</span>
                </td>
                <td>{titleCase(c.role)}</td>
                <td className="muted">{titleCase(c.buying)}</td>
                <td>{pricingLabel(c.pricing)}</td>
                <td className="num">
                  {c.pricing === "flat" ? (
                    <span className="muted">flat fee</span>
                  ) : (
                    <input
                      className="rate-input num"
                      aria-label={`Default rate for ${c.channel} ${c.name}`}
                      value={rates[i]}
                      onChange={(e) => setRates(rates.map((r, j) => (j === i ? e.target.value : r)))}
                    />
                  )}
                </td>
                <td className="num">
                  <button type="button" className="button small" onClick={() => add(i)}>
                    Add
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <OptimiseSplit plan={plan} view={view} error={error} edit={edit} numberStyle={numberStyle} />
      <ScenarioCompare plan={plan} view={view} error={error} edit={edit} numberStyle={numberStyle} />
    </div>
  );
}

function SplitInput({ value, label, path, invalid, onCommit }: { value: string; label: string; path: string; invalid: boolean; onCommit: (v: string) => void }) {
  const draft = useDraftInput(value, onCommit);
  return <input className="split-input num" aria-label={label} aria-invalid={invalid || undefined} data-path={path} {...draft} />;
}
