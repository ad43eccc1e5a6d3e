// The details of the line the grid's active cell is on: how it is bought, its medium and audience,
// the units a traditional line books (spots and dayparts, faces, insertions), and what creative it
// needs. Thin creative is one of the mistakes a plan is checked for, so each line lists its
// assets with formats, counts and due dates.

import type { Buying, Creative, Demand, Funnel, Line, Medium, Plan } from "../bindings";
import type { CommandErrorBody, LineView, NumberStyle } from "../types";
import { SelectField, TextField } from "../components/Field";
import { cleanDecimal, setOpt } from "../store/usePlan";
import { units } from "../format";
import { FUNNEL } from "./model";
import { mediumLabel, useCatalogue } from "./catalogue";
import { LineAudienceFields } from "./lineAudience";
import { LineUnitFields } from "./lineUnits";
import { LineWeights } from "./lineWeights";

interface Props {
  plan: Plan;
  line: Line;
  /** The core's view of the line: its medium (stated or inferred), universe and units. */
  view?: LineView;
  index: number;
  error: CommandErrorBody | null;
  onLine: (line: Line) => void;
  numberStyle?: NumberStyle;
}

const BUYING: { value: Buying; label: string }[] = [
  { value: "auction", label: "Platform auction" },
  { value: "programmatic", label: "Programmatic (DSP)" },
  { value: "direct", label: "Direct / IO" },
  { value: "offline", label: "Offline" },
];

export function LineDetail({ plan, line, view, index, error, onLine, numberStyle }: Props) {
  const p = `lines[${index}]`;
  const { catalogue } = useCatalogue(plan.universe);
  const medium: Medium | null = line.medium ?? view?.medium ?? null;
  const inferred = !line.medium && view?.medium ? mediumLabel(catalogue, view.medium) : null;
  const booked = view?.unit && view.units !== null ? units(view.units, view.unit, numberStyle) : null;
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
      <div className="form-grid cols-5">
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
        <SelectField<Medium>
          label="Medium"
          path={`${p}.medium`}
          error={error}
          value={line.medium ?? ""}
          empty={inferred ? `From the channel: ${inferred}` : "Not set"}
          options={(catalogue?.media ?? []).map((m) => ({ value: m.medium, label: m.label }))}
          hint="Sets its units and the market norms it is checked against"
          onCommit={(v) => onLine(setOpt(line, "medium", v))}
        />
      </div>
      <div className="detail-group">
        <p className="label">Audience and reach</p>
        <div className="form-grid">
          <LineAudienceFields plan={plan} line={line} index={index} error={error} onLine={onLine} numberStyle={numberStyle} />
          <TextField
            label="Planner's reach estimate"
            path={`${p}.reach_pct`}
            error={error}
            numeric
            suffix="% of target"
            value={line.reach_pct ?? ""}
            hint="Wins over the reach worked out from the line's points"
            onCommit={(v) => onLine(setOpt(line, "reach_pct", cleanDecimal(v)))}
          />
        </div>
      </div>
      {medium && ["tv", "radio", "ooh", "print", "cinema"].includes(medium) || line.pricing === "per_face_week" || line.pricing === "per_insertion" ? (
        <div className="detail-group">
          <p className="label">
            Units{booked && <span className="muted small" data-testid="line-booked"> · books {booked}{view?.unit === "faces" ? " a week" : " over the flight"}</span>}
          </p>
          <LineUnitFields line={line} index={index} medium={medium} error={error} onLine={onLine} />
        </div>
      ) : null}
      <LineWeights plan={plan} line={line} index={index} view={view} onLine={onLine} numberStyle={numberStyle} />
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
