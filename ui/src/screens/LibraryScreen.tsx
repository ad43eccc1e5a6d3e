// The plan library: every plan the planner keeps, newest edit first, one click to open.

import { useEffect, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { PlanSummary } from "../types";
import { money, period, timestamp } from "../format";
import { ErrorNotice } from "../components/ErrorNotice";
import { StatusBadge } from "../components/StatusBadge";

interface Props {
  onOpen: (id: number) => void;
}

export function LibraryScreen({ onOpen }: Props) {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  useEffect(() => {
    let live = true;
    api
      .listPlans()
      .then((p) => live && setPlans(p))
      .catch((e) => live && setError(toCommandError(e)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="screen library">
      <header className="screen-header">
        <div>
          <h1>Plan library</h1>
          <p className="subtitle">
            {plans ? `${plans.length} ${plans.length === 1 ? "plan" : "plans"}` : error ? "" : "Loading…"}
          </p>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="The plan library could not be read" />}
      {plans && plans.length === 0 && <p className="empty">The library is empty.</p>}
      {plans && plans.length > 0 && (
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
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr
                  key={p.id}
                  className="clickable"
                  tabIndex={0}
                  onClick={() => onOpen(p.id)}
                  onKeyDown={(e) => {
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
