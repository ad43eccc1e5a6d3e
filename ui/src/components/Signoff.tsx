// Sign-off on the plan screen: the plan's status with the core's allowed moves (Draft → Proposed →
// Approved → Live → Closed), approving with the approver's name (the shell records when, takes the
// approved version and locks the plan), the lock shown while it holds, and "Changes since
// approval": every figure the core finds changed against the approved version.

import { useEffect, useState } from "react";
import { api, toCommandError } from "../api";
import type { Changes, Plan, Signoff, StatusMove } from "../bindings";
import type { NumberStyle, PlanDocument } from "../types";
import { day, timestamp } from "../format";
import { errorMessage } from "../errors";
import { StatusBadge } from "./StatusBadge";
import { ChangesList } from "./ChangesList";

interface Props {
  id: number;
  plan: Plan;
  /** The plan as the library saved it after a move: the screen opens it afresh. */
  onDoc: (doc: PlanDocument) => void;
  /** Whether the plan on screen is saved (a move applies to the saved plan). */
  saved: boolean;
  numberStyle?: NumberStyle;
}

export function SignoffControl({ id, plan, onDoc, saved, numberStyle }: Props) {
  const [signoff, setSignoff] = useState<Signoff | null>(null);
  const [menu, setMenu] = useState(false);
  const [approving, setApproving] = useState<StatusMove | null>(null);
  const [changes, setChanges] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.planSignoff(id).then(setSignoff, (e) => setError(errorMessage(toCommandError(e))));
  }, [id, plan.status, plan.version]);

  const move = async (m: StatusMove, by?: string) => {
    setError(null);
    try {
      onDoc(await api.setPlanStatus(id, m.to, by));
      setMenu(false);
      setApproving(null);
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    }
  };
  const approvedOnce = plan.approval ?? plan.revises ?? null;
  return (
    <div className="signoff" data-testid="signoff">
      <div className="popover-anchor">
        <button
          type="button"
          className="status-button"
          aria-haspopup="menu"
          aria-expanded={menu}
          aria-label={`Status: ${plan.status ?? "draft"}`}
          onClick={() => setMenu(!menu)}
        >
          <StatusBadge status={plan.status ?? "draft"} />
          <span aria-hidden="true">▾</span>
        </button>
        {menu && signoff && (
          <div className="popover status-menu" role="menu" aria-label="Move the plan">
            {signoff.moves.length === 0 && <p className="muted small">A closed plan stays closed.</p>}
            {signoff.moves.map((m) => (
              <button
                key={m.to}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={!saved}
                onClick={() => (m.needs_name ? setApproving(m) : void move(m))}
              >
                {m.label}
                {m.needs_name ? "…" : ""}
              </button>
            ))}
            {!saved && <p className="field-hint">A status applies to the saved plan: fix the unsaved edit first.</p>}
          </div>
        )}
      </div>
      {plan.approval && signoff?.locked && (
        <span className="lock-note" data-testid="lock-note" title="Edits to what was approved start a revision">
          <span aria-hidden="true">🔒</span> Approved by {plan.approval.by} on {timestamp(plan.approval.at)} · version {plan.approval.version} locked
        </span>
      )}
      {plan.revises && (
        <span className="lock-note revision-note" data-testid="revision-note">
          Revision of version {plan.revises.version}, approved by {plan.revises.approved_by} on {day(plan.revises.approved_at.slice(0, 10))}
        </span>
      )}
      {approvedOnce && (
        <button type="button" className="button" onClick={() => setChanges(true)}>
          Changes since approval
        </button>
      )}
      {error && !approving && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
      {approving && (
        <ApproveDialog
          version={plan.version ?? 1}
          error={error}
          onCancel={() => {
            setApproving(null);
            setError(null);
          }}
          onApprove={(by) => void move(approving, by)}
        />
      )}
      {changes && <ChangesDialog id={id} plan={plan} numberStyle={numberStyle} onClose={() => setChanges(false)} />}
    </div>
  );
}

function ApproveDialog({ version, error, onCancel, onApprove }: { version: number; error: string | null; onCancel: () => void; onApprove: (by: string) => void }) {
  const [by, setBy] = useState("");
  return (
    <div className="scrim" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <form
        className="about signoff-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="approve-title"
        onSubmit={(e) => {
          e.preventDefault();
          onApprove(by);
        }}
      >
        <h2 id="approve-title">Approve version {version}</h2>
        <p className="muted small">
          Approving records who and when, keeps this version as approved, and locks the plan: a later change to its money, dates or lines
          starts a revision.
        </p>
        <label className="field">
          <span className="label">Approved by</span>
          <input aria-label="Approved by" value={by} onChange={(e) => setBy(e.target.value)} placeholder="e.g. the client's marketing lead" autoFocus />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Approve
          </button>
        </div>
      </form>
    </div>
  );
}

export function ChangesDialog({ id, plan, numberStyle, onClose }: { id: number; plan: Plan; numberStyle?: NumberStyle; onClose: () => void }) {
  const [changes, setChanges] = useState<Changes | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.changesSinceApproval(id).then(setChanges, (e) => setError(errorMessage(toCommandError(e))));
  }, [id]);
  return (
    <div className="scrim import-scrim" onKeyDown={(e) => e.key === "Escape" && onClose()}>
      <div className="import-dialog changes-dialog" role="dialog" aria-modal="true" aria-labelledby="changes-title" data-testid="changes" tabIndex={-1}>
        <header className="import-head">
          <div>
            <h2 id="changes-title">Changes since approval</h2>
            {changes && (
              <p className="muted small">
                Version {changes.to_version} against version {changes.from_version}
                {changes.approved_by ? `, approved by ${changes.approved_by}` : ""}
                {changes.approved_at ? ` on ${timestamp(changes.approved_at)}` : ""}
              </p>
            )}
          </div>
          <button type="button" className="button" onClick={onClose} autoFocus>
            Close
          </button>
        </header>
        <div className="import-body changes-body">
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {changes && changes.changes.length === 0 && changes.lines_added.length === 0 && changes.lines_removed.length === 0 && (
            <p className="findings-clear">Nothing has changed since the plan was approved.</p>
          )}
          {changes && <ChangesList changes={changes} plan={plan} numberStyle={numberStyle} before="Approved" after="Now" />}
        </div>
      </div>
    </div>
  );
}
