// Stage 5, Buy & launch: every line's launch checklist and status on one board, the naming
// convention that names the campaigns, and the insertion orders for direct and offline buys.
// "Tracking verified before a cent is spent": a line goes live only when the core finds its
// required items done, or with an override that records who and why. The board is the core's
// (`launch_board`), fetched again after every edit; moves come back as a plan and are committed
// as an edit, so they save and undo like everything else.

import { useCallback, useEffect, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { LaunchLine, LineStatus } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { FindingsList } from "../components/FindingsList";
import type { StageProps } from "./props";
import { InsertionOrders } from "./buy/InsertionOrders";
import { LaunchBoard, type MoveLine } from "./buy/LaunchBoard";
import { NamingConvention, TEMPLATE_PATH } from "./buy/NamingConvention";
import { boardCounts, STATUS_LABEL, STATUSES } from "./buy/launch";

export function BuyStage({ planId, plan, view, error, edit }: StageProps) {
  const [board, setBoard] = useState<LaunchLine[] | null>(null);
  const [boardError, setBoardError] = useState<CommandError | null>(null);
  const [fetching, setFetching] = useState(true);

  // The core's board for the plan on screen; only the answer for the latest plan may land.
  useEffect(() => {
    let current = true;
    setFetching(true);
    api.launchBoard(plan).then(
      (b) => {
        if (!current) return;
        setBoard(b);
        setBoardError(null);
        setFetching(false);
      },
      (e) => {
        if (!current) return;
        setBoardError(toCommandError(e));
        setFetching(false);
      },
    );
    return () => {
      current = false;
    };
  }, [plan]);

  const move: MoveLine = useCallback(
    async (line: string, to: LineStatus, overrideBy?: { by: string; reason: string }) => {
      try {
        const next = await api.moveLine(plan, line, to, overrideBy);
        edit(() => next);
        return null;
      } catch (e) {
        return toCommandError(e);
      }
    },
    [plan, edit],
  );

  const findings = view.findings.filter((f) => f.stage === 5);
  const counts = board ? boardCounts(board) : null;
  const templateError = boardError?.path === TEMPLATE_PATH ? boardError : error?.path === TEMPLATE_PATH ? error : null;

  return (
    <div className="stage-body buy-stage">
      {findings.length > 0 && (
        <section className="panel stage-findings-panel" aria-label="Findings for Buy & launch">
          <h2>Open findings · Buy &amp; launch</h2>
          <FindingsList findings={findings} lines={view.lines} />
        </section>
      )}
      {counts && board && (
        <section className="launch-summary" aria-label="Launch summary" data-testid="launch-summary">
          {STATUSES.map((s) => (
            <div key={s} className={`summary-cell s-${s}${counts[s] === 0 ? " zero" : ""}`} data-status={s}>
              <span className="summary-value num">{counts[s]}</span>
              <span className="summary-label">{STATUS_LABEL[s]}</span>
            </div>
          ))}
          <div className={`summary-cell ready${counts.ready === board.length ? " all" : ""}`} data-testid="lines-ready">
            <span className="summary-value num">
              {counts.ready} <span className="of">of {board.length}</span>
            </span>
            <span className="summary-label">Lines ready to go live</span>
          </div>
          <div className={`summary-cell overridden${counts.overridden > 0 ? " some" : " zero"}`}>
            <span className="summary-value num">{counts.overridden}</span>
            <span className="summary-label">Live by override</span>
          </div>
        </section>
      )}

      <section className="panel launch-panel" aria-label="Launch board">
        <div className="panel-head">
          <h2>Launch checklist</h2>
          <span className="muted small">
            {fetching && board ? "Checking…" : "Going live needs every required item done, or an override naming who and why"}
          </span>
        </div>
        {boardError && boardError.path === TEMPLATE_PATH && (
          <p className="inline-warning" role="status">
            The naming template cannot be filled (see Naming convention below)
            {board ? ", so the board shows the plan as it was before that change." : "."}
          </p>
        )}
        {boardError && boardError.path !== TEMPLATE_PATH && (
          <ErrorNotice
            error={boardError}
            title={board ? "The checklist could not be updated: it shows the plan before your last change" : "The launch checklist could not be built"}
          />
        )}
        {!board && !boardError && <p className="muted">Reading the launch checklist…</p>}
        {board && board.length === 0 && <p className="muted">No lines on the plan yet: add them in stage 4.</p>}
        {board && board.length > 0 && (
          <div className={boardError ? "stale" : undefined}>
            <div className="launch-head" aria-hidden="true">
              <span>Line</span>
              <span>Status</span>
              <span>Required</span>
              <span>Checklist</span>
              <span className="right">Move</span>
            </div>
            <LaunchBoard board={board} plan={plan} edit={edit} move={move} />
          </div>
        )}
      </section>

      <div className="buy-split">
        <NamingConvention plan={plan} board={boardError ? null : board} error={templateError} edit={edit} />
        <InsertionOrders planId={planId} plan={plan} unsaved={error !== null} />
      </div>

    </div>
  );
}
