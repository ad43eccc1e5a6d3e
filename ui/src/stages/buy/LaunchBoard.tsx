// The launch board: one row per line with where it stands, what still blocks it going live, and
// the moves it may make. The core decides readiness and the allowed moves (`launch_board`) and
// gates going live (`move_line`); ticks on the checklist are ordinary plan edits, saved and
// undoable like any other. A refused "Go live" opens the override form with the core's reason.

import { useState } from "react";
import type { BudgetControl, Buying, LaunchLine, Line, LineStatus, Plan } from "../../bindings";
import type { CommandError } from "../../api";
import { day } from "../../format";
import { errorMessage } from "../../errors";
import { CopyButton } from "./CopyButton";
import { CreativeDelivery } from "./CreativeDelivery";
import { OverrideForm } from "./OverrideForm";
import { BUYING, moveLabel, setBuying, setLaunch, STATUS_LABEL } from "./launch";

export type MoveLine = (line: string, to: LineStatus, overrideBy?: { by: string; reason: string }) => Promise<CommandError | null>;

interface Props {
  board: LaunchLine[];
  plan: Plan;
  edit: (change: (plan: Plan) => Plan) => void;
  move: MoveLine;
}

export function LaunchBoard({ board, plan, edit, move }: Props) {
  return (
    <ol className="launch-board" aria-label="Lines and their launch checklists" data-testid="launch-board">
      {board.map((row) => {
        const line = plan.lines.find((l) => l.id === row.line);
        return line ? (
          <LaunchRow key={row.line} row={row} line={line} edit={edit} move={move} />
        ) : null;
      })}
    </ol>
  );
}

function LaunchRow({
  row,
  line,
  edit,
  move,
}: {
  row: LaunchLine;
  line: Line;
  edit: Props["edit"];
  move: MoveLine;
}) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<CommandError | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [creativeOpen, setCreativeOpen] = useState(false);

  const required = row.checklist.filter((c) => c.required);
  const done = required.filter((c) => c.done).length;
  const shown = row.checklist.filter((c) => c.required || c.done);
  const launch = line.launch ?? { status: "planned" as LineStatus };
  const toggle = (key: "tracking_verified" | "naming_applied" | "io_signed") =>
    edit((p) => setLaunch(p, row.line, (l) => ({ ...l, [key]: !l[key] })));
  const setControl = (b: BudgetControl) =>
    edit((p) => setLaunch(p, row.line, (l) => ({ ...l, budget_control: l.budget_control === b ? undefined : b })));

  const doMove = async (to: LineStatus) => {
    setBusy(true);
    setMoveError(null);
    setRefusal(null);
    const err = await move(row.line, to);
    setBusy(false);
    if (!err) return;
    // The core holds the gate: its refusal opens the override form, in its own words.
    if (to === "live" && err.code === "launch_blocked") setRefusal(err);
    else setMoveError(errorMessage(err));
  };
  const doOverride = async (by: string, reason: string) => {
    const err = await move(row.line, "live", { by, reason });
    if (!err) setRefusal(null);
    return err;
  };

  return (
    <li className={`launch-row s-${row.status}${row.ready ? " is-ready" : ""}`} data-line={row.line} data-testid="launch-row">
      <div className="launch-line">
        <span className="launch-name" title={row.name}>
          {row.name}
        </span>
        <span className="launch-meta">
          <span className="nowrap" title={line.vendor && line.vendor !== row.channel ? `${row.channel} · bought from ${line.vendor}` : row.channel}>
            {row.channel}
          </span>
          <select
            className="buying-select"
            style={{ width: `${(BUYING.find((b) => b.value === line.buying)?.label ?? "Buying method?").length + 3}ch` }}
            aria-label={`How ${row.name} is bought`}
            data-path={`lines.${row.line}.buying`}
            value={line.buying ?? ""}
            onChange={(e) => edit((p) => setBuying(p, row.line, e.target.value as Buying | ""))}
          >
            {!line.buying && <option value="">Buying method?</option>}
            {BUYING.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </span>
      </div>

      <div className="launch-state">
        <span className={`launch-status s-${row.status}`} data-testid="line-status">
          {STATUS_LABEL[row.status]}
        </span>
      </div>

      <div className="launch-ready" title={required.map((c) => `${c.done ? "✓" : "○"} ${c.label}`).join("\n")}>
        <span className={`ready-count${row.ready ? " ok" : ""}`} data-testid="ready-count">
          {done} of {required.length} ready
        </span>
        <span className="ready-meter" aria-hidden="true">
          {[...required.filter((c) => c.done), ...required.filter((c) => !c.done)].map((c) => (
            <span key={c.item} className={c.done ? "on" : undefined} />
          ))}
        </span>
      </div>

      <div className="launch-checks" role="group" aria-label={`Checklist for ${row.name}`}>
        {shown.map((c) => {
          const tone = c.done ? "done" : c.required ? "open" : "optional";
          switch (c.item) {
            case "tracking_verified":
            case "naming_applied":
            case "io_signed": {
              const key = c.item;
              return (
                <button
                  key={c.item}
                  type="button"
                  className={`check-chip ${tone}`}
                  aria-pressed={!!launch[key]}
                  data-item={c.item}
                  title={`${c.label}: ${c.detail}`}
                  onClick={() => toggle(key)}
                >
                  <Tick done={!!launch[key]} />
                  {c.short}
                </button>
              );
            }
            case "creative_ready":
              return (
                <button
                  key={c.item}
                  type="button"
                  className={`check-chip ${tone}`}
                  aria-expanded={creativeOpen}
                  data-item={c.item}
                  title={`Creative: ${c.detail}. Set the delivered counts.`}
                  onClick={() => setCreativeOpen(!creativeOpen)}
                >
                  <Tick done={c.done} />
                  {c.short}
                </button>
              );
            case "budget_control":
              return (
                <span key={c.item} className={`check-chip seg ${tone}`} data-item={c.item} title="CBO: the platform moves budget to the winners. ABO: even spend across test cells.">
                  <Tick done={c.done} />
                  {(["cbo", "abo"] as BudgetControl[]).map((b) => (
                    <button
                      key={b}
                      type="button"
                      aria-pressed={launch.budget_control === b}
                      aria-label={`${b.toUpperCase()} for ${row.name}`}
                      onClick={() => setControl(b)}
                    >
                      {b.toUpperCase()}
                    </button>
                  ))}
                </span>
              );
            default:
              return (
                <span key={c.item} className={`check-chip derived ${tone}`} data-item={c.item} title={c.detail}>
                  <Tick done={c.done} />
                  {c.short}
                </span>
              );
          }
        })}
      </div>

      <div className="launch-moves">
        {row.moves.map((to) => {
          const label = moveLabel(row.status, to);
          const gated = to === "live" && !row.ready;
          const forward = to === "booked" || to === "live";
          return (
            <button
              key={to}
              type="button"
              className={`button small${gated ? " gated" : forward ? " primary" : ""}${to === "ended" ? " quiet" : ""}`}
              disabled={busy}
              title={gated ? `${row.open.length} required item${row.open.length === 1 ? "" : "s"} open: going live needs an override` : undefined}
              onClick={() => void doMove(to)}
            >
              {label}
              {gated ? "…" : ""}
            </button>
          );
        })}
      </div>

      <div className="launch-foot">
        <span className="campaign">
          {row.campaign ? (
            <>
              <code className="campaign-name" data-testid="campaign-name">
                {row.campaign}
              </code>
              <CopyButton text={row.campaign} label={`Copy the campaign name of ${row.name}`} />
            </>
          ) : (
            <span className="faint">No naming convention</span>
          )}
        </span>
        {row.open.length > 0 ? (
          <span className="open-items" data-testid="open-items">
            {row.status === "planned" || row.status === "booked" ? "Open" : "Still open"}: {row.checklist.filter((c) => row.open.includes(c.item)).map((c) => c.needs).join(", ")}
          </span>
        ) : (
          <span className="open-items clear" data-testid="open-items">
            {row.status === "planned" || row.status === "booked" ? "Ready to go live" : "Checklist complete"}
          </span>
        )}
        {row.override && (
          <span className="override-note" data-testid="override-note">
            Live by override · {row.override.by}, {day(row.override.on)}: “{row.override.reason}”
          </span>
        )}
      </div>

      {moveError && (
        <p className="launch-error field-error" role="alert">
          {moveError}
        </p>
      )}
      {creativeOpen && <CreativeDelivery line={line} edit={edit} onClose={() => setCreativeOpen(false)} />}
      {refusal && (
        <OverrideForm
          name={row.name}
          refusal={errorMessage(refusal)}
          onSubmit={doOverride}
          onCancel={() => setRefusal(null)}
        />
      )}
    </li>
  );
}

function Tick({ done }: { done: boolean }) {
  return (
    <svg className="tick" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
      {done ? (
        <path d="M2.5 6.2 5 8.6 9.6 3.6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <circle cx="6" cy="6" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      )}
    </svg>
  );
}
