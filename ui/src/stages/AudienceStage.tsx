// Stage 2, Audience & market: who the plan is for — the target audience and its universe (the
// people GRPs, TRPs and reach are counted on), each line's own audience where its vehicle measures
// one, segments with size and value — and evidence of what competitors run. An ad that has run for
// months is a proven one, so the log counts the days each has run and marks the long runners.

import type { Competitor, Line, Plan, Segment, SegmentKind } from "../bindings";
import type { CommandErrorBody, NumberStyle, PlanView } from "../types";
import { SelectField, TextField } from "../components/Field";
import { groupDigits } from "../format";
import { cleanDecimal, setOpt } from "../store/usePlan";
import { LineAudienceFields } from "./lineAudience";
import { PROVEN_DAYS } from "../bindings/rules";

interface Props {
  plan: Plan;
  /** The core's view, for the universe each line's points are counted on. */
  view?: PlanView;
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
  /** Today as YYYY-MM-DD (passed in so tests are stable). */
  today: string;
  numberStyle?: NumberStyle;
}

const KINDS: { value: SegmentKind; label: string }[] = [
  { value: "demographic", label: "Demographic" },
  { value: "psychographic", label: "Psychographic" },
  { value: "firmographic", label: "Firmographic" },
  { value: "behavioural", label: "Behavioural" },
];

export function AudienceStage({ plan, view, error, edit, today, numberStyle }: Props) {
  const segments = plan.audience?.segments ?? [];
  const competitors = plan.competitors ?? [];
  const setSegments = (list: Segment[]) =>
    edit((p) => ({ ...p, audience: { ...(p.audience ?? {}), segments: list } }));
  const setSeg = (i: number, change: (s: Segment) => Segment) => setSegments(segments.map((s, j) => (j === i ? change(s) : s)));
  const setCompetitors = (list: Competitor[]) => edit((p) => ({ ...p, competitors: list }));
  const setComp = (i: number, change: (c: Competitor) => Competitor) =>
    setCompetitors(competitors.map((c, j) => (j === i ? change(c) : c)));

  const setLine = (i: number, line: Line) => edit((p) => ({ ...p, lines: p.lines.map((l, j) => (j === i ? line : l)) }));

  return (
    <div className="stage-body">
      <section className="panel" aria-label="Target audience and universe">
        <div className="panel-head">
          <h2>Target audience and universe</h2>
          <span className="muted small">Who the plan's points, reach and reach goal count</span>
        </div>
        <div className="form-grid">
          <TextField
            label="Target audience"
            path="target_audience"
            error={error}
            value={plan.target_audience ?? ""}
            placeholder="e.g. Men 18–34"
            onCommit={(v) => edit((p) => setOpt(p, "target_audience", v.trim()))}
          />
          <TextField
            label="Universe"
            path="universe"
            error={error}
            numeric
            suffix="people"
            value={plan.universe ?? ""}
            placeholder="e.g. 37500000"
            hint={plan.universe ? `${groupDigits(plan.universe, numberStyle)} people` : "People in the target audience"}
            onCommit={(v) => edit((p) => setOpt(p, "universe", cleanDecimal(v)))}
          />
          <p className="universe-explained span-2">
            The <strong>universe</strong> is how many people are in the target audience, from your measurement source (the TV
            or radio ratings panel, a readership survey, census figures). One rating point is 1% of it: GRPs, TRPs, reach and
            the catalogue's cost-per-point defaults are all counted on it.
            {plan.universe ? "" : " Without it, lines bought by the thousand have no points and the plan no reach."}
          </p>
        </div>
      </section>

      {plan.lines.length > 0 && (
        <section className="panel" aria-label="Each line's audience">
          <div className="panel-head">
            <h2>Each line's audience</h2>
            <span className="muted small">
              Only where a vehicle measures its own audience (a regional station, a title's readers); left empty, a line is
              counted on the plan's
            </span>
          </div>
          <div className="rows-head line-aud-grid" aria-hidden="true">
            <span>Line</span>
            <span>Audience</span>
            <span className="num">Universe</span>
            <span className="num">On target</span>
            <span className="num">Points counted on</span>
          </div>
          {plan.lines.map((l, i) => {
            const lv = view?.lines.find((x) => x.id === l.id);
            return (
              <div className="line-aud-grid form-row compact" key={`${l.id}-${i}`} data-testid="line-audience-row" data-line={l.id}>
                <span className="line-name">
                  {l.name}
                  <span className="sub">{l.channel}</span>
                </span>
                <LineAudienceFields plan={plan} line={l} index={i} error={error} onLine={(next) => setLine(i, next)} numberStyle={numberStyle} />
                <span className="num muted" data-testid="line-universe">
                  {lv?.universe ? groupDigits(lv.universe, numberStyle) : "—"}
                </span>
              </div>
            );
          })}
        </section>
      )}

      <section className="panel">
        <div className="panel-head">
          <h2>Audience</h2>
          <span className="muted small">Printed on the plan in one line</span>
        </div>
        <TextField
          label="Audience in one line"
          path="audience.summary"
          error={error}
          value={plan.audience?.summary ?? ""}
          placeholder="e.g. Urban adults 25–44 who buy premium ready-to-drink coffee weekly"
          onCommit={(v) => edit((p) => ({ ...p, audience: setOpt(p.audience ?? {}, "summary", v.trim()) }))}
        />
      </section>

      <section className="panel">
        <div className="panel-head">
          <h2>Segments</h2>
          <span className="muted small">Size in people or companies; value is LTV per customer, {plan.currency}</span>
        </div>
        {segments.length === 0 && <p className="muted small empty-line">No segments yet.</p>}
        {segments.length > 0 && (
          <div className="rows-head seg-grid" aria-hidden="true">
            <span>Name</span>
            <span>Type</span>
            <span>Description</span>
            <span className="num">Size</span>
            <span className="num">Value (LTV)</span>
            <span className="num">Priority</span>
            <span />
          </div>
        )}
        {segments.map((s, i) => {
          const p = `audience.segments[${i}]`;
          return (
            <div className="seg-grid form-row compact" key={i} data-testid="segment-row">
              <TextField label="Name" path={`${p}.name`} error={error} value={s.name} onCommit={(v) => setSeg(i, (x) => ({ ...x, name: v }))} />
              <SelectField<SegmentKind>
                label="Type"
                path={`${p}.kind`}
                error={error}
                value={s.kind}
                options={KINDS}
                onCommit={(v) => v && setSeg(i, (x) => ({ ...x, kind: v }))}
              />
              <TextField
                label="Description"
                path={`${p}.description`}
                error={error}
                value={s.description ?? ""}
                onCommit={(v) => setSeg(i, (x) => setOpt(x, "description", v.trim()))}
              />
              <TextField label="Size" path={`${p}.size`} error={error} numeric value={s.size ?? ""} onCommit={(v) => setSeg(i, (x) => setOpt(x, "size", cleanDecimal(v)))} />
              <TextField label="Value (LTV)" path={`${p}.value`} error={error} numeric value={s.value ?? ""} onCommit={(v) => setSeg(i, (x) => setOpt(x, "value", cleanDecimal(v)))} />
              <SelectField<string>
                label="Priority"
                path={`${p}.priority`}
                error={error}
                value={s.priority !== undefined ? String(s.priority) : ""}
                empty="—"
                options={["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: n }))}
                onCommit={(v) => setSeg(i, (x) => setOpt(x, "priority", v === "" ? undefined : Number(v)))}
              />
              <button type="button" className="icon-button" aria-label={`Remove segment ${s.name}`} onClick={() => setSegments(segments.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button"
          onClick={() => setSegments([...segments, { name: `Segment ${segments.length + 1}`, kind: "demographic" }])}
        >
          + Add segment
        </button>
      </section>

      <section className="panel">
        <div className="panel-head">
          <h2>Competitor evidence</h2>
          <span className="muted small">An ad running {PROVEN_DAYS}+ days is marked proven</span>
        </div>
        {competitors.length === 0 && <p className="muted small empty-line">No evidence logged yet: a plan built on evidence beats a brainstorm.</p>}
        {competitors.length > 0 && (
          <div className="rows-head comp-grid" aria-hidden="true">
            <span>Competitor</span>
            <span>Channel</span>
            <span>Angle</span>
            <span>First seen</span>
            <span>Still running</span>
            <span>Last seen</span>
            <span className="num">Days running</span>
            <span />
          </div>
        )}
        {competitors.map((c, i) => {
          const p = `competitors[${i}]`;
          // The core counts the days (to today while the ad runs) and says when it is proven.
          const run = view?.competitors?.[i];
          const days = run?.days_running ?? null;
          const proven = !!run?.proven;
          return (
            <div className="comp-grid form-row compact" key={i} data-testid="competitor-row">
              <TextField label="Competitor" path={`${p}.competitor`} error={error} value={c.competitor} onCommit={(v) => setComp(i, (x) => ({ ...x, competitor: v }))} />
              <TextField label="Channel" path={`${p}.channel`} error={error} value={c.channel ?? ""} onCommit={(v) => setComp(i, (x) => setOpt(x, "channel", v.trim()))} />
              <TextField label="Angle" path={`${p}.angle`} error={error} value={c.angle ?? ""} onCommit={(v) => setComp(i, (x) => setOpt(x, "angle", v.trim()))} />
              <TextField label="First seen" type="date" path={`${p}.first_seen`} error={error} value={c.first_seen ?? ""} onCommit={(v) => setComp(i, (x) => setOpt(x, "first_seen", v))} />
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!c.still_running}
                  onChange={(e) => setComp(i, (x) => setOpt(x, "still_running", e.target.checked ? true : undefined))}
                />
                <span>Running</span>
              </label>
              <TextField
                label="Last seen"
                type="date"
                path={`${p}.last_seen`}
                error={error}
                value={c.last_seen ?? ""}
                onCommit={(v) => setComp(i, (x) => setOpt(x, "last_seen", v))}
              />
              <span className="num days" data-testid="days-running">
                {days === null ? "—" : `${days} d`}
                {proven && <span className="badge proven">Proven</span>}
              </span>
              <button type="button" className="icon-button" aria-label={`Remove ${c.competitor}`} onClick={() => setCompetitors(competitors.filter((_, j) => j !== i))}>
                ×
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button"
          onClick={() => setCompetitors([...competitors, { competitor: "Competitor", first_seen: today, still_running: true }])}
        >
          + Log an ad
        </button>
      </section>
    </div>
  );
}
