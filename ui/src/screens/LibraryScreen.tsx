// The plan library: every plan the planner keeps, newest edit first, one click to open, and the
// plans opened most recently above them. New plans start blank or from the sample, or come in
// through "Import plan…" — an agency's spreadsheet, Flightplan's own XLSX or CSV, a
// mediaplanschema document or a plan file a colleague sent — previewed before anything is saved
// (ImportPlan.tsx; a file that cannot be read is refused with where and why, and the library is
// unchanged); any plan goes out as a plan file. A plan can be copied for the next round, and a
// delete can be undone from the message it leaves (the plan goes to the trash, not away).

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { RateCardDialog } from "./RateCard";
import { api, CommandError, toCommandError } from "../api";
import type { PlanSummary } from "../types";
import type { ChosenPlanImport } from "../bindings";
import { money, period, timestamp } from "../format";
import { describeImportError, type ImportProblem } from "../files";
import { useMenu } from "../menu";
import { recentIds, recentPlans } from "../recent";
import { errorWithFile } from "../errors";
import { ErrorNotice } from "../components/ErrorNotice";
import { RecentPlans } from "../components/RecentPlans";
import { StatusBadge } from "../components/StatusBadge";
import { ImportPlan } from "./ImportPlan";

interface Props {
  onOpen: (id: number) => void;
  /** An import begun from the native menu on another screen, to take up on arrival: the file
   * the planner chose (previewed here), or the error that refused it. */
  arrival?: ImportArrival | null;
  /** Called once `arrival` has been taken up. */
  onImportTaken?: () => void;
}

/** `imported`: a plan file the system opened, already imported on the planner's confirmation. */
export type ImportArrival = { chosen: ChosenPlanImport } | { imported: number } | { error: unknown };

/** Plans whose name, client, brand or status contain every word of the query. */
export function searchPlans(plans: PlanSummary[], query: string): PlanSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return plans;
  return plans.filter((p) => {
    const hay = `${p.name} ${p.client} ${p.brand} ${p.status}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

type Toast = { kind: "deleted"; plan: PlanSummary } | { kind: "imported"; plan: PlanSummary };
type Saved = { path: string } | { failed: string; name: string };

export function LibraryScreen({ onOpen, arrival, onImportTaken }: Props) {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [query, setQuery] = useState("");
  const [rates, setRates] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [importing, setImporting] = useState<ChosenPlanImport | null>(null);
  const deleted = toast?.kind === "deleted" ? toast.plan : null;

  const reload = useCallback(() => {
    return api
      .listPlans()
      .then((p) => {
        setPlans(p);
        return p;
      })
      .catch((e) => {
        setError(toCommandError(e));
        return null;
      });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(toCommandError(e));
    }
  };
  const create = (from: "blank" | "sample") => act(async () => onOpen(await api.createPlan(from)));
  const duplicate = (p: PlanSummary) =>
    act(async () => {
      await api.duplicatePlan(p.id);
      await reload();
    });
  const remove = (p: PlanSummary) =>
    act(async () => {
      await api.deletePlan(p.id);
      setToast({ kind: "deleted", plan: p });
      await reload();
    });
  const undoDelete = () =>
    act(async () => {
      if (!deleted) return;
      await api.restorePlan(deleted.id);
      setToast(null);
      await reload();
    });

  /** Start an import: the shell asks for the file (`choose` resolves to null when the planner
   * cancels) and the preview opens on it; a file that cannot be read is refused here. */
  const startImport = async (choose: () => Promise<ChosenPlanImport | null>) => {
    setError(null);
    setProblem(null);
    setSaved(null);
    try {
      const chosen = await choose();
      if (chosen) setImporting(chosen);
    } catch (e) {
      setProblem(describeImportError(toCommandError(e)));
    }
  };
  const importFile = () => {
    if (!importing) void act(() => startImport(() => api.chooseImport()));
  };
  /** The preview imported the plan: point at it in the list. */
  const imported = async (id: number) => {
    setImporting(null);
    const list = await reload();
    const plan = list?.find((p) => p.id === id);
    setQuery("");
    setHighlight(id);
    if (plan) setToast({ kind: "imported", plan });
  };

  const exportFile = (p: PlanSummary) =>
    act(async () => {
      setSaved(null);
      try {
        const written = await api.exportPlanFile(p.id);
        if (written) setSaved({ path: written.path });
      } catch (e) {
        setSaved({ failed: errorWithFile(toCommandError(e)), name: p.name });
      }
    });

  // An import begun from the native menu elsewhere: shown once, on arrival.
  const taken = useRef<ImportArrival | null>(null);
  useEffect(() => {
    if (!arrival || taken.current === arrival) return;
    taken.current = arrival;
    onImportTaken?.();
    if ("imported" in arrival) {
      void imported(arrival.imported);
      return;
    }
    void startImport(() => ("chosen" in arrival ? Promise.resolve(arrival.chosen) : Promise.reject(arrival.error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrival]);

  useMenu("import_plan", () => void importFile());
  useMenu("new_plan", () => void create("blank"));
  // Edit › Undo right after a delete brings the plan back, as Ctrl/Cmd+Z does.
  useMenu("undo", () => void (deleted && undoDelete()));

  // Ctrl/Cmd+Z right after a delete brings the plan back, as the message's Undo does.
  useEffect(() => {
    if (!deleted) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z") {
        const t = e.target as HTMLElement | null;
        if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA")) return;
        e.preventDefault();
        void undoDelete();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // The imported plan's row scrolls into view, marked for a moment.
  useEffect(() => {
    if (highlight === null) return;
    document.querySelector(`[data-plan-id="${highlight}"]`)?.scrollIntoView({ block: "nearest" });
    const t = window.setTimeout(() => setHighlight(null), 4000);
    return () => window.clearTimeout(t);
  }, [highlight, plans]);

  const shown = useMemo(() => (plans ? searchPlans(plans, query) : null), [plans, query]);
  // Read when the list changes (the library is shown after every plan is closed).
  const recent = useMemo(() => (plans ? recentPlans(plans, recentIds()) : []), [plans]);

  return (
    <main className="screen library">
      {rates && <RateCardDialog onClose={() => setRates(false)} />}
      <header className="screen-header">
        <div>
          <h1>Plan library</h1>
          <p className="subtitle">
            {plans ? `${plans.length} ${plans.length === 1 ? "plan" : "plans"}` : error ? "" : "Loading…"}
          </p>
        </div>
        <div className="library-tools">
          <input
            type="search"
            className="search"
            placeholder="Search plans, clients, brands"
            aria-label="Search plans"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="button" onClick={importFile} title="A plan from a spreadsheet (XLSX, CSV), a mediaplanschema document or a plan file, previewed before it is saved (Ctrl/⌘+O)">
            Import plan…
          </button>
          <button type="button" className="button" onClick={() => setRates(true)} title="The channels, default rates and fees every new plan starts from">
            Rate card
          </button>
          <button type="button" className="button" onClick={() => create("sample")}>
            New from sample
          </button>
          <button type="button" className="button primary" onClick={() => create("blank")}>
            New plan
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="The plan library could not do that" />}
      {problem && <ImportRefused problem={problem} onDismiss={() => setProblem(null)} />}
      {saved && <SavedNotice saved={saved} onDismiss={() => setSaved(null)} />}
      {plans && plans.length === 0 && (
        <p className="empty">The library is empty. Start a new plan, one from the sample, or import one from a spreadsheet or a plan file.</p>
      )}
      {!query && <RecentPlans plans={recent} onOpen={onOpen} />}
      {shown && plans && plans.length > 0 && (
        <div className="card">
          <table className="data library-table" aria-label="Plans">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Client</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Budget</th>
                <th scope="col" className="num">Last edited</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr
                  key={p.id}
                  data-plan-id={p.id}
                  className={`clickable${highlight === p.id ? " just-imported" : ""}`}
                  tabIndex={0}
                  onClick={() => onOpen(p.id)}
                  onKeyDown={(e) => {
                    if (e.target !== e.currentTarget) return;
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      onOpen(p.id);
                    }
                  }}
                >
                  <th scope="row">
                    <span className="plan-name">{p.name}</span>
                    {p.brand && <span className="plan-brand">{p.brand}</span>}
                  </th>
                  <td>{p.client}</td>
                  <td className="nowrap">{period(p.start, p.end)}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td className="num">{money(p.budget, p.currency, p.number_style)}</td>
                  <td className="num muted nowrap">{timestamp(p.updated_at)}</td>
                  <td className="num">
                    <span className="row-actions" onClick={(e) => e.stopPropagation()}>
                      <button type="button" className="button small" onClick={() => exportFile(p)} aria-label={`Export ${p.name}`} title="Save as a plan file">
                        Export…
                      </button>
                      <button type="button" className="button small" onClick={() => duplicate(p)} aria-label={`Duplicate ${p.name}`}>
                        Duplicate
                      </button>
                      <button type="button" className="button small danger" onClick={() => remove(p)} aria-label={`Delete ${p.name}`}>
                        Delete
                      </button>
                    </span>
                  </td>
                </tr>
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    No plan matches “{query}”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {importing && (
        <ImportPlan key={importing.source} chosen={importing} onImported={(id) => void imported(id)} onCancel={() => setImporting(null)} />
      )}
      {toast && (
        <div className="toast" role="status">
          {toast.kind === "deleted" ? (
            <>
              <span>“{toast.plan.name}” moved to the trash.</span>
              <button type="button" className="button" onClick={undoDelete}>
                Undo
              </button>
            </>
          ) : (
            <>
              <span>“{toast.plan.name}” imported into the library.</span>
              <button type="button" className="button" onClick={() => onOpen(toast.plan.id)}>
                Open
              </button>
            </>
          )}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </main>
  );
}

/** A plan file the core refused: the file, what is wrong, and exactly where. */
function ImportRefused({ problem, onDismiss }: { problem: ImportProblem; onDismiss: () => void }) {
  const where: [label: string, value: string][] = [];
  if (problem.at) where.push(["File line", `${problem.at.line}, column ${problem.at.column}`]);
  if (problem.field) where.push(["JSON path", problem.field]);
  if (problem.lineId) where.push(["Plan line", problem.lineId]);
  return (
    <div className="error-notice import-refused" role="alert" data-testid="import-refused">
      <div className="import-refused-head">
        <p className="error-title">{problem.file} was not imported</p>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
      <p className="error-message">{problem.reason}</p>
      {where.length > 0 && (
        <p className="import-where">
          {where.map(([label, value]) => (
            <span key={label}>
              {label} <code>{value}</code>
            </span>
          ))}
        </p>
      )}
      <p className="muted small">The library is unchanged. Fix the file and import it again.</p>
    </div>
  );
}

function SavedNotice({ saved, onDismiss }: { saved: Saved; onDismiss: () => void }) {
  const failed = "failed" in saved;
  return (
    <div className={`notice${failed ? " tone-bad" : ""}`} role={failed ? "alert" : "status"} data-testid="library-notice">
      <span className="notice-text">
        {failed ? (
          <span>
            <strong>“{saved.name}” was not exported.</strong> {saved.failed}
          </span>
        ) : (
          <span>
            Plan file saved to <span className="notice-path">{saved.path}</span>.
          </span>
        )}
      </span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
