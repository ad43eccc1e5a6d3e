// A response curve from what a planner knows: two or three spends and what each brought (last
// quarter at $10,000 brought 400 conversions…), fitted to a Hill curve by the core, shown with its
// numbers in their units and in plain words, and how closely it passes the points, before the
// planner puts it on the line.

import { useState } from "react";
import { api, toCommandError } from "../api";
import type { HillFit, Line, Plan } from "../bindings";
import { num } from "../format";
import { useNumberInput } from "../components/numbers";
import { errorMessage } from "../errors";

interface Props {
  plan: Plan;
  line: Line;
  index: number;
  currency: string;
  edit: (change: (plan: Plan) => Plan) => void;
  onDone: () => void;
}

export function CurveFit({ plan, line, index, currency, edit, onDone }: Props) {
  const [rows, setRows] = useState([
    { spend: "", result: "" },
    { spend: "", result: "" },
    { spend: "", result: "" },
  ]);
  const [max, setMax] = useState("");
  const [fit, setFit] = useState<HillFit | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The spends and results are typed in the plan's number style.
  const numbers = useNumberInput();
  const set = (i: number, key: "spend" | "result", v: string) => {
    setFit(null);
    setRows(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  };
  const run = async () => {
    setError(null);
    const points = rows.filter((r) => r.spend.trim() || r.result.trim()).map((r) => ({ spend: numbers.read(r.spend), result: numbers.read(r.result) }));
    try {
      setFit(await api.fitCurve(plan, points, numbers.read(max) || undefined));
    } catch (e) {
      setFit(null);
      setError(errorMessage(toCommandError(e)));
    }
  };
  const use = () => {
    if (!fit) return;
    edit((p) => ({ ...p, lines: p.lines.map((l, i) => (i === index ? { ...l, response: fit.response } : l)) }));
    onDone();
  };
  return (
    <div className="curve-fit" role="group" aria-label={`Fit a curve for ${line.name}`}>
      <p className="muted small">
        Give two or three spends on this line and what each brought (from past campaigns or a test); the core fits the curve through
        them. A third point, or the most the line can return, lets it fit the shape too.
      </p>
      <table className="data curve-fit-points">
        <thead>
          <tr>
            <th scope="col">Spend ({currency})</th>
            <th scope="col">Result</th>
            {fit && <th scope="col">On the curve</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input className="num" aria-label={`Spend ${i + 1}`} value={r.spend} onChange={(e) => set(i, "spend", e.target.value)} />
              </td>
              <td>
                <input className="num" aria-label={`Result ${i + 1}`} value={r.result} onChange={(e) => set(i, "result", e.target.value)} />
              </td>
              {fit && (
                <td className="num">
                  {fit.points[i] ? `${num(fit.points[i].fitted, numbers.style)} (${numbers.shown(fit.points[i].error_pct)}% off)` : ""}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span className="field-label">Most it can return (optional)</span>
        <input className="num" aria-label="Most it can return" value={max} onChange={(e) => setMax(e.target.value)} />
      </label>
      <div className="curve-editor-actions">
        <button type="button" className="button small" onClick={() => void run()}>
          Fit curve
        </button>
        {fit && (
          <button type="button" className="button primary small" onClick={use}>
            Use this curve
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {fit && (
        <div className="curve-fit-result" data-testid="curve-fit">
          <p>{fit.summary}</p>
          {fit.assumption && <p className="muted small">{fit.assumption}</p>}
          <dl>
            {fit.parameters.map((p) => (
              <div key={p.name}>
                <dt>
                  {p.label}: <strong className="num">{p.value === null ? "—" : num(p.value, numbers.style)}</strong> {p.unit === "no unit" ? "" : p.unit}
                </dt>
                <dd className="muted small">{p.explanation}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
