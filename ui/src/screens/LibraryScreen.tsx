// The plan library: every plan the planner keeps, newest edit first, one click to open. New plans
// start blank or from the sample; a plan can be copied for the next round, and a delete can be
// undone from the message it leaves (the plan goes to the trash, not away).

import { useCallback, useEffect, useMemo, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { PlanSummary } from "../types";
import { money, period, timestamp } from "../format";
import { ErrorNotice } from "../components/ErrorNotice";
import { StatusBadge } from "../components/StatusBadge";

interface Props {
  onOpen: (id: number) => void;
}

/** Plans whose name, client, brand or status contain every word of the query. */
export function searchPlans(plans: PlanSummary[], query: string): PlanSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return plans;
  return plans.filter((p) => {
    const hay = `${p.name} ${p.client} ${p.brand} ${p.status}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function LibraryScreen({ onOpen }: Props) {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [query, setQuery] = useState("");
  const [deleted, setDeleted] = useState<PlanSummary | null>(null);

  const reload = useCallback(() => {
    return api
      .listPlans()
      .then((p) => setPlans(p))
      .catch((e) => setError(toCommandError(e)));
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
      setDeleted(p);
      await reload();
    });
  const undoDelete = () =>
    act(async () => {
      if (!deleted) return;
      await api.restorePlan(deleted.id);
      setDeleted(null);
      await reload();
    });

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

  const shown = useMemo(() => (plans ? searchPlans(plans, query) : null), [plans, query]);

  return (
    <main className="screen library">
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
          <button type="button" className="button" onClick={() => create("sample")}>
            New from sample
          </button>
          <button type="button" className="button primary" onClick={() => create("blank")}>
            New plan
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="The plan library could not do that" />}
      {plans && plans.length === 0 && <p className="empty">The library is empty. Start a new plan, or one from the sample.</p>}
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
                  className="clickable"
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
                  <td className="num">{money(p.budget, p.currency)}</td>
                  <td className="num muted nowrap">{timestamp(p.updated_at)}</td>
                  <td className="num">
                    <span className="row-actions" onClick={(e) => e.stopPropagation()}>
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
      {deleted && (
        <div className="toast" role="status">
          <span>“{deleted.name}” moved to the trash.</span>
          <button type="button" className="button" onClick={undoDelete}>
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDeleted(null)}>
            ×
          </button>
        </div>
      )}
    </main>
  );
}
