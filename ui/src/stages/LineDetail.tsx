// The details of the line the grid's active cell is on: how it is bought and what creative it
// needs. Thin creative is one of the mistakes a plan is checked for, so each line lists its
// assets with formats, counts and due dates.

import type { Buying, Creative, Demand, Funnel, Line } from "../bindings";
import type { CommandErrorBody } from "../types";
import { SelectField, TextField } from "../components/Field";
import { setOpt } from "../store/usePlan";
import { FUNNEL } from "./model";

interface Props {
  line: Line;
  index: number;
  error: CommandErrorBody | null;
  onLine: (line: Line) => void;
}

const BUYING: { value: Buying; label: string }[] = [
  { value: "auction", label: "Platform auction" },
  { value: "programmatic", label: "Programmatic (DSP)" },
  { value: "direct", label: "Direct / IO" },
  { value: "offline", label: "Offline" },
];

export function LineDetail({ line, index, error, onLine }: Props) {
  const p = `lines[${index}]`;
  const creative = line.creative ?? [];
  const setCreative = (list: Creative[]) => {
    const next: Line = { ...line, creative: list };
    if (list.length === 0) delete next.creative;
    onLine(next);
  };
  const setItem = (i: number, change: (c: Creative) => Creative) => setCreative(creative.map((c, j) => (j === i ? change(c) : c)));
  return (
    <section className="panel line-detail" aria-label={`Details of ${line.name}`}>
      <div className="panel-head">
        <h2>
          Line {index + 1} · {line.name}
        </h2>
        <span className="muted small">The line under the grid's cursor</span>
      </div>
      <div className="form-grid">
        <SelectField<Funnel>
          label="Funnel role"
          path={`${p}.role`}
          error={error}
          value={line.role ?? ""}
          empty="Not set"
          options={FUNNEL}
          onCommit={(v) => onLine(setOpt(line, "role", v))}
        />
        <SelectField<Demand>
          label="Demand"
          path={`${p}.demand`}
          error={error}
          value={line.demand ?? ""}
          empty="Not set"
          options={[
            { value: "capture", label: "Capture (search)" },
            { value: "creation", label: "Creation (discovery)" },
          ]}
          onCommit={(v) => onLine(setOpt(line, "demand", v))}
        />
        <SelectField<Buying>
          label="Buying method"
          path={`${p}.buying`}
          error={error}
          value={line.buying ?? ""}
          empty="Not set"
          options={BUYING}
          onCommit={(v) => onLine(setOpt(line, "buying", v))}
        />
        <TextField label="Vendor" path={`${p}.vendor`} error={error} value={line.vendor ?? ""} onCommit={(v) => onLine(setOpt(line, "vendor", v.trim()))} />
      </div>
      <div className="creative">
        <p className="label">Creative requirements</p>
        {creative.length === 0 && <p className="muted small empty-line">No creative listed: auction lines need several assets in rotation to test weekly.</p>}
        {creative.map((c, i) => (
          <div className="form-row compact creative-row" key={i}>
            <TextField label="Format" path={`${p}.creative[${i}].format`} error={error} value={c.format} placeholder="e.g. 15s video" onCommit={(v) => setItem(i, (x) => ({ ...x, format: v }))} />
            <TextField
              label="Count"
              path={`${p}.creative[${i}].count`}
              error={error}
              numeric
              value={String(c.count)}
              onCommit={(v) => setItem(i, (x) => ({ ...x, count: /^\d+$/.test(v.trim()) ? Number(v.trim()) : x.count }))}
            />
            <TextField label="Due" type="date" path={`${p}.creative[${i}].due`} error={error} value={c.due ?? ""} onCommit={(v) => setItem(i, (x) => setOpt(x, "due", v))} />
            <button type="button" className="icon-button" aria-label={`Remove ${c.format}`} onClick={() => setCreative(creative.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        {creative.length > 0 && (
          <p className="field-hint">Format · count · due date</p>
        )}
        <button type="button" className="button" onClick={() => setCreative([...creative, { format: "New asset", count: 1 }])}>
          + Add creative
        </button>
      </div>
    </section>
  );
}
