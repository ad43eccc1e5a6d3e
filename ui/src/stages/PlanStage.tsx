// Stage 4, the plan: the line grid, the fees, the flowchart and the totals — the costed plan
// that becomes the one-page PDF.

import type { CommissionBasis, Fees } from "../bindings";
import { Flowchart } from "../components/Flowchart";
import { LineGrid } from "../components/LineGrid";
import { SelectField, TextField } from "../components/Field";
import { hasReach, ReachTotals, TotalsPanel } from "../components/TotalsPanel";
import { cleanDecimal } from "../store/usePlan";
import { useCallback, useState } from "react";
import { api, toCommandError, type PasteSettings } from "../api";
import { PastePreview } from "../components/PastePreview";
import { dateOrderFor } from "../dateOrder";
import { errorMessage } from "../errors";
import { LineDetail } from "./LineDetail";
import { PlanPaper } from "./PlanPaper";
import type { PlanEditorProps } from "./props";

type Props = PlanEditorProps;

export function PlanStage({ plan, view, error, edit, numberStyle }: Props) {
  const [activeLine, setActiveLine] = useState(0);
  const [pasting, setPasting] = useState<{ text: string; at: { row: number; col: number } } | null>(null);
  // The date order the planner last confirmed, else the OS locale's.
  const [dates, setDates] = useState(() => dateOrderFor(typeof navigator === "undefined" ? undefined : navigator.language));
  const [fillError, setFillError] = useState<string | null>(null);
  const settings = (col: number): PasteSettings => ({ dates, numbers: numberStyle ?? "1,234.56", first_column: col });
  const line = plan.lines[activeLine];
  // The same handler from render to render, so the flowchart is not drawn again for an edit.
  const onFlightChange = useCallback(
    (id: string, start: string, end: string) => edit((p) => ({ ...p, lines: p.lines.map((l) => (l.id === id ? { ...l, start, end } : l)) })),
    [edit],
  );
  const setFee = <K extends keyof Fees>(key: K, value: Fees[K]) => edit((p) => ({ ...p, fees: { ...p.fees, [key]: value } }));
  return (
    <div className="stage-body">
      <section className="panel">
        <div className="panel-head">
          <h2>Lines</h2>
          <span className="muted small">Amounts in {view.currency} · net and gross computed by the core</span>
        </div>
        <LineGrid
          plan={plan}
          view={view}
          error={error}
          numberStyle={numberStyle}
          onLines={(lines) => edit((p) => ({ ...p, lines }))}
          onActiveLine={setActiveLine}
          onPasteText={(text, at) => setPasting({ text, at })}
          onFillDown={async (fields, from, to) => {
            setFillError(null);
            try {
              let next = plan;
              for (const f of fields) next = await api.fillDown(next, f, from, to);
              edit(() => next);
            } catch (e) {
              setFillError(errorMessage(toCommandError(e)));
            }
          }}
          onFillRight={async (rows, from, to) => {
            setFillError(null);
            try {
              const next = await api.fillRight(plan, rows, from, to);
              edit(() => next);
            } catch (e) {
              setFillError(errorMessage(toCommandError(e)));
            }
          }}
        />
        {fillError && (
          <p className="field-error" role="alert">
            {fillError}
          </p>
        )}
        {pasting && (
          <PastePreview
            plan={plan}
            text={pasting.text}
            at={pasting.at}
            initial={settings(pasting.at.col)}
            onCancel={() => setPasting(null)}
            onPlaced={(placed, used) => {
              setDates(used.dates);
              setPasting(null);
              edit(() => placed);
            }}
          />
        )}
      </section>
      {line && (
        <LineDetail
          plan={plan}
          line={line}
          view={view.lines.find((l) => l.id === line.id)}
          index={activeLine}
          error={error}
          numberStyle={numberStyle}
          onLine={(next) => edit((p) => ({ ...p, lines: p.lines.map((l, i) => (i === activeLine ? next : l)) }))}
        />
      )}

      <div className="split">
        <div className="stack">
          <section className="panel">
            <div className="panel-head">
              <h2>Fees</h2>
            </div>
            <div className="form-grid cols-2">
              <TextField
                label="Agency commission"
                path="fees.agency_commission_pct"
                error={error}
                numeric
                suffix="%"
                value={plan.fees.agency_commission_pct}
                onCommit={(v) => setFee("agency_commission_pct", cleanDecimal(v) || "0")}
              />
              <SelectField<CommissionBasis>
                label="Commission basis"
                path="fees.agency_commission_basis"
                error={error}
                value={plan.fees.agency_commission_basis}
                options={[
                  { value: "gross", label: "Of gross (traditional)" },
                  { value: "net", label: "On net (mark-up)" },
                ]}
                onCommit={(v) => v && setFee("agency_commission_basis", v)}
              />
              <TextField
                label="Ad serving"
                path="fees.ad_serving_cpm"
                error={error}
                numeric
                prefix={plan.currency}
                suffix="CPM"
                value={plan.fees.ad_serving_cpm}
                onCommit={(v) => setFee("ad_serving_cpm", cleanDecimal(v) || "0")}
              />
              <TextField
                label="Tech, data & verification"
                path="fees.tech_fee_pct"
                error={error}
                numeric
                suffix="% of net"
                value={plan.fees.tech_fee_pct}
                onCommit={(v) => setFee("tech_fee_pct", cleanDecimal(v) || "0")}
              />
            </div>
          </section>
          {hasReach(view.totals) && (
            <section className="panel reach-panel" aria-label="Reach and frequency totals">
              <div className="panel-head">
                <h2>Reach and frequency</h2>
                <span className="muted small">The plan's lines combined, in {plan.target_audience ?? "the target audience"}</span>
              </div>
              <ReachTotals view={view} plan={plan} numberStyle={numberStyle} />
            </section>
          )}
        </div>
        <section className="panel totals-panel">
          <h2>Totals</h2>
          <TotalsPanel view={view} plan={plan} numberStyle={numberStyle} />
        </section>
      </div>

      <section className="panel">
        <div className="panel-head">
          <h2>Flowchart</h2>
          <span className="legend">
            <span className="legend-on" /> On air <span className="legend-hiatus" /> Hiatus
            <span className="legend-note">
              Net media per week, {view.currency}
              {view.lines.some((l) => l.weeks.units !== undefined) ? " · spots, faces or insertions under it" : ""} · drag a
              flight's ends to move its dates
            </span>
          </span>
        </div>
        <Flowchart view={view} numberStyle={numberStyle} onFlightChange={onFlightChange} />
      </section>
      <PlanPaper plan={plan} error={error} edit={edit} />
    </div>
  );
}
