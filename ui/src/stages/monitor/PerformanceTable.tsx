// Performance against the plan: what each line delivered to date and its unit costs and rates
// (CPM, CPC, CPA, ROAS, CTR, CVR) beside the planned ones from costing, its KPI against target,
// and, for auction lines, whether the platform is still learning (optimisation events in the last
// seven days against the weekly threshold). The KPI is coloured by the core's recommendation.

import type { Action, Line, LinePerformance, Metrics, Recommendation } from "../../bindings";
import type { NumberStyle } from "../../types";
import { money, num, titleCase } from "../../format";
import { kpiLabel, kpiValue, multiple, pct } from "./numbers";

interface Props {
  performance: LinePerformance[];
  recommendations: Recommendation[];
  lines: Line[];
  currency: string;
  numberStyle?: NumberStyle;
}

type MetricKey = keyof Metrics;
const METRICS: { key: MetricKey; label: string }[] = [
  { key: "cpm", label: "CPM" },
  { key: "cpc", label: "CPC" },
  { key: "cpa", label: "CPA" },
  { key: "roas", label: "ROAS" },
  { key: "ctr_pct", label: "CTR" },
  { key: "cvr_pct", label: "CVR" },
];

const TONE: Partial<Record<Action, string>> = { scale: "good", cut: "bad", fix_tracking: "warn" };

export function PerformanceTable({ performance, recommendations, lines, currency, numberStyle }: Props) {
  const show = (key: MetricKey, v: string | null) => {
    if (v === null) return "—";
    if (key === "ctr_pct" || key === "cvr_pct") return pct(v, numberStyle);
    if (key === "roas") return multiple(v, numberStyle);
    return money(v, currency, numberStyle);
  };
  return (
    <div className="table-scroll">
      <table className="data perf-table" aria-label="Performance against the plan">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">KPI</th>
            <th scope="col" className="num">Actual</th>
            <th scope="col" className="num">Target</th>
            <th scope="col" className="num">Spend</th>
            <th scope="col" className="num">Impr.</th>
            <th scope="col" className="num">Clicks</th>
            <th scope="col" className="num">Conv.</th>
            {METRICS.map((x) => (
              <th key={x.key} scope="col" className="num metric">
                {x.label}
              </th>
            ))}
            <th scope="col">Learning</th>
          </tr>
        </thead>
        <tbody>
          {performance.map((p) => {
            const line = lines.find((l) => l.id === p.line);
            const rec = recommendations.find((r) => r.line === p.line);
            const tone = rec ? TONE[rec.action] ?? "" : "";
            return (
              <tr key={p.line} data-line={p.line}>
                <th scope="row" className="line-name">
                  {line?.name ?? p.line}
                  {line && <span className="sub">{line.channel}</span>}
                </th>
                <td>{kpiLabel(p.kpi)}</td>
                <td className={`num strong kpi-actual ${tone}`}>{rec?.actual_shown != null ? kpiValue(p.kpi, rec.actual_shown, currency, numberStyle) : "—"}</td>
                <td className="num muted">{kpiValue(p.kpi, p.target_shown, currency, numberStyle)}</td>
                <td className="num">{money(p.delivered.spend, currency, numberStyle)}</td>
                <td className="num">{num(p.delivered.impressions, numberStyle)}</td>
                <td className="num">{num(p.delivered.clicks, numberStyle)}</td>
                <td className="num">{num(p.delivered.conversions, numberStyle)}</td>
                {METRICS.map((x) => (
                  <td key={x.key} className="num metric">
                    <span className="metric-actual">{show(x.key, p.actual[x.key])}</span>
                    <span className="metric-plan">plan {show(x.key, p.planned[x.key])}</span>
                  </td>
                ))}
                <td>
                  {p.learning ? (
                    <span className={`learning ${p.learning.state}`} title={`Optimisation events in the 7 days to the review day, against ${p.learning.threshold} a week`}>
                      {titleCase(p.learning.state)}
                      <span className="muted small num">
                        {" "}
                        {num(p.learning.events_last_7_days, numberStyle)}/{p.learning.threshold}
                      </span>
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
