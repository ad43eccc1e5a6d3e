// Insertion orders for the lines bought direct or offline: one PDF per vendor (a page, or more for a long order), written
// by the shell from the saved plan into a folder the planner picks in the shell's own dialog. Net
// and gross on the orders
// are the core's, formatted by it; this panel lists what was written and opens each file.

import { useState } from "react";
import { api, toCommandError } from "../../api";
import type { Plan, WrittenOrder } from "../../bindings";
import { errorMessage, errorWithFile } from "../../errors";

interface Props {
  planId: number;
  plan: Plan;
  /** The plan on screen is not the saved one (its last edit was refused). */
  unsaved: boolean;
}

/** The folder a written file is in, for the notice: "/a/b/acme.pdf" → "/a/b". */
function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : path;
}

export function InsertionOrders({ planId, plan, unsaved }: Props) {
  const [orders, setOrders] = useState<WrittenOrder[] | null>(null);
  const [folder, setFolder] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const direct = plan.lines.filter((l) => l.buying === "direct" || l.buying === "offline");

  const write = async () => {
    setError(null);
    try {
      setBusy(true);
      const written = await api.exportInsertionOrders(planId);
      if (!written) return; // the planner cancelled the folder dialog
      setOrders(written);
      setFolder(folderOf(written[0]?.path ?? ""));
    } catch (e) {
      setError(`The insertion orders could not be written: ${errorWithFile(toCommandError(e))}`);
    } finally {
      setBusy(false);
    }
  };
  const show = async (o: WrittenOrder) => {
    setError(null);
    try {
      await api.openExport(o.export);
    } catch (e) {
      setError(`${o.path} could not be opened: ${errorMessage(toCommandError(e))}`);
    }
  };

  return (
    <section className="panel io-panel" aria-label="Insertion orders">
      <div className="panel-head">
        <h2>Insertion orders</h2>
        <button type="button" className="button small" disabled={direct.length === 0 || unsaved || busy} onClick={() => void write()}>
          {busy ? "Writing…" : "Export insertion orders…"}
        </button>
      </div>
      {direct.length === 0 ? (
        <p className="muted small">No line is bought direct or offline, so there is nothing to order by IO.</p>
      ) : (
        <>
          <p className="muted small">One order per vendor for the lines bought direct or offline, every placement on it (a long order runs to more pages):</p>
          <ul className="io-lines">
            {direct.map((l) => (
              <li key={l.id}>
                <span className="io-vendor">{l.vendor || l.channel}</span>
                <span className="io-line">{l.name}</span>
                <span className={`io-signed${l.launch?.io_signed ? " on" : ""}`}>{l.launch?.io_signed ? "IO signed" : "Not signed"}</span>
              </li>
            ))}
          </ul>
          {unsaved && <p className="field-hint">The orders are written from the saved plan: fix or undo the unsaved edit first.</p>}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {orders && (
        <p className="small" role="status">
          {orders.length} order{orders.length === 1 ? "" : "s"} written to <code>{folder}</code>
        </p>
      )}
      {orders && (
        <table className="data io-table" data-testid="io-written">
          <thead>
            <tr>
              <th>Vendor</th>
              <th>IO number</th>
              <th className="num">Placements</th>
              <th className="num">Net</th>
              <th className="num">Gross</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.path}>
                <td title={o.path}>{o.vendor}</td>
                <td className="nowrap">
                  <code>{o.number}</code>
                </td>
                <td className="num">{o.placements}</td>
                <td className="num">{o.net}</td>
                <td className="num">{o.gross}</td>
                <td className="num">
                  <button type="button" className="button small" aria-label={`Open the insertion order for ${o.vendor}`} onClick={() => void show(o)}>
                    Open
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
