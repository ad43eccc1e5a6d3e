// Creative delivered against what a line needs: "creative ready" is the core's reading of these
// counts, so the buyer records what has arrived here and the checklist follows.

import { useEffect, useRef, useState } from "react";
import type { Creative, Line, Plan } from "../../bindings";
import { day } from "../../format";
import { setDelivered } from "./launch";

interface Props {
  line: Line;
  edit: (change: (plan: Plan) => Plan) => void;
  onClose: () => void;
}

export function CreativeDelivery({ line, edit, onClose }: Props) {
  const creative = line.creative ?? [];
  return (
    <div className="creative-delivery" role="group" aria-label={`Creative delivered for ${line.name}`}>
      <div className="creative-head">
        <span className="label">Creative delivered</span>
        <button type="button" className="icon-button" aria-label="Close creative delivered" onClick={onClose}>
          ×
        </button>
      </div>
      {creative.length === 0 ? (
        <p className="muted small">No creative is listed for this line: add it on the plan (stage 4) first.</p>
      ) : (
        <table className="data creative-table">
          <thead>
            <tr>
              <th>Format</th>
              <th>Due</th>
              <th className="num">Delivered</th>
              <th className="num">Needed</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {creative.map((c, i) => (
              <tr key={`${c.format}-${i}`}>
                <td>{c.format}</td>
                <td className="nowrap">{c.due ? day(c.due) : <span className="faint">—</span>}</td>
                <td className="num">
                  <DeliveredInput creative={c} label={`${c.format} delivered`} onCommit={(n) => edit((p) => setDelivered(p, line.id, i, n))} />
                </td>
                <td className="num">{c.count}</td>
                <td className="num">
                  <button
                    type="button"
                    className="button small"
                    disabled={(c.delivered ?? 0) >= c.count}
                    onClick={() => edit((p) => setDelivered(p, line.id, i, c.count))}
                  >
                    All in
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A whole count, committed on Enter or when focus leaves (one edit, one undo step). */
function DeliveredInput({ creative, label, onCommit }: { creative: Creative; label: string; onCommit: (n: number) => void }) {
  const value = String(creative.delivered ?? 0);
  const [draft, setDraft] = useState(value);
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(value);
  }, [value]);
  const commit = () => {
    typing.current = false;
    const t = draft.trim();
    if (!/^\d+$/.test(t)) {
      setDraft(value);
      return;
    }
    if (Number(t) !== Number(value)) onCommit(Number(t));
    else setDraft(value);
  };
  return (
    <input
      className="num delivered-input"
      inputMode="numeric"
      aria-label={label}
      value={draft}
      data-dirty={draft !== value ? "true" : "false"}
      aria-invalid={/^\s*\d+\s*$/.test(draft) ? undefined : true}
      title="A whole number of assets"
      onChange={(e) => {
        typing.current = true;
        setDraft(e.target.value);
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") {
          typing.current = false;
          setDraft(value);
        }
      }}
    />
  );
}
