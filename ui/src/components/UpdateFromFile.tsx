// "Update from file…": the plan's workbook or CSV comes back from the client or a colleague with
// changes. The shell reads the chosen file and the core works out the plan it would make (lines
// matched by id, only what the file speaks to taken, scenarios, curves, actuals and comments
// kept); this dialog shows every figure that would change and what stays, and "Apply changes"
// hands the plan to the screen's store as one edit, saved like any other and undone in one step.

import { useState, type ReactNode } from "react";
import { api, toCommandError } from "../api";
import type { Plan, PlanUpdate } from "../bindings";
import type { NumberStyle } from "../types";
import { errorMessage } from "../errors";
import { ProblemList } from "../screens/ImportPlanParts";
import { ChangesList, changeValue, signed } from "./ChangesList";
import { useMenu } from "../menu";

interface Options {
  /** Why the stored plan cannot be updated now (an edit on screen is not saved), or null. */
  blocked: string | null;
  numberStyle?: NumberStyle;
  /** Apply the updated plan as an edit of the plan on screen. */
  onApply: (plan: Plan) => void;
}

export interface PlanUpdateFlow {
  /** Ask for the file, then show what it would change. */
  start: () => void;
  busy: boolean;
  /** The dialog, or why the file could not be read: render it on the plan screen. */
  element: ReactNode;
}

/** "Update from file…" for stored plan `planId`, also bound to the native menu's item. */
export function usePlanUpdate(planId: number, { blocked, numberStyle, onApply }: Options): PlanUpdateFlow {
  const [busy, setBusy] = useState(false);
  const [update, setUpdate] = useState<PlanUpdate | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (busy || blocked) {
      if (blocked) setError(blocked);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const chosen = await api.chooseUpdate();
      if (chosen) setUpdate(await api.previewPlanUpdate(planId, chosen.source));
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    } finally {
      setBusy(false);
    }
  };
  useMenu("update_plan", () => void start());

  const element = update ? (
    <UpdateDialog
      update={update}
      numberStyle={numberStyle}
      onCancel={() => setUpdate(null)}
      onApply={() => {
        onApply(update.plan);
        setUpdate(null);
      }}
    />
  ) : error ? (
    <div className="notice tone-bad" role="alert" data-testid="update-notice">
      <span className="notice-text">
        <span>
          <strong>The plan was not updated.</strong> {error}
        </span>
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setError(null)}>
        ×
      </button>
    </div>
  ) : null;
  return { start: () => void start(), busy, element };
}

function UpdateDialog({ update, numberStyle, onCancel, onApply }: { update: PlanUpdate; numberStyle?: NumberStyle; onCancel: () => void; onApply: () => void }) {
  const c = update.changes;
  const figures = c?.changes.filter((x) => !x.derived).length ?? 0;
  const follow = c?.changes.filter((x) => x.derived).length ?? 0;
  const added = c?.lines_added.length ?? 0;
  const removed = c?.lines_removed.length ?? 0;
  const nothing = update.ready && figures + follow + added + removed === 0;
  const errors = update.problems.filter((p) => p.level === "error").length;
  // The plan's gross, as the core costs it before and after: what the client's bill becomes.
  const gross = c?.changes.find((x) => x.line === null && x.field === "totals.gross");
  const v = (x: string | null) => (gross ? changeValue(gross, x, c!.currency, numberStyle) : "");
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const status = !update.ready
    ? `${count(errors, "problem blocks", "problems block")} the update: the plan is unchanged.`
    : nothing
      ? "The file matches the plan: there is nothing to update."
      : `${[figures > 0 && count(figures, "figure changes", "figures change"), added > 0 && count(added, "line added", "lines added"), removed > 0 && count(removed, "line removed", "lines removed")].filter(Boolean).join(", ")}${follow > 0 ? ` (${follow} more ${follow === 1 ? "figure follows" : "figures follow"})` : ""}. Undo takes the whole update back.`;
  return (
    <div className="scrim import-scrim" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <div className="import-dialog changes-dialog" role="dialog" aria-modal="true" aria-labelledby="update-title" data-testid="plan-update" tabIndex={-1}>
        <header className="import-head">
          <div>
            <h2 id="update-title">Update from {update.file}</h2>
            <p className="muted small">
              Read as {update.source}. Only what the file holds is taken; the rest of the plan stays as it is.
            </p>
          </div>
        </header>
        <div className="import-body changes-body">
          {gross && (
            <p className="update-gross" data-testid="update-gross">
              Gross {v(gross.before)} → {v(gross.after)}
              {gross.difference !== null && <span className="muted"> ({signed(v(gross.difference))})</span>}
            </p>
          )}
          {update.problems.length > 0 && <ProblemList preview={{ problems: update.problems, plan: update.plan, sheet: undefined }} />}
          {c && <ChangesList changes={c} plan={update.plan} numberStyle={numberStyle} before="In the plan" after="In the file" setFirst />}
          {update.kept.length > 0 && (
            <ul className="update-kept muted small" aria-label="Kept">
              {update.kept.map((k) => (
                <li key={k}>{k[0].toUpperCase() + k.slice(1)}.</li>
              ))}
            </ul>
          )}
        </div>
        <footer className="import-foot">
          <p className={`import-status${update.ready ? "" : " tone-bad"}`} role="status">
            {status}
          </p>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {update.ready && !nothing ? "Cancel" : "Close"}
          </button>
          {update.ready && !nothing && (
            <button type="button" className="button primary" onClick={onApply}>
              Apply changes
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
