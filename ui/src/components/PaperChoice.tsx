// The paper the one-page plan goes out on, asked each time it leaves: A4 or US Letter (the
// client's country decides), starting from the plan's own setting. The choice is for this export
// or print only; the plan's default is an edit of its own, in the Plan stage's "The one-page
// plan" panel, so choosing Letter for one client copy never changes the plan behind the
// planner's back.

import { useState } from "react";
import type { Paper } from "../bindings";

export const PAPERS: { value: Paper; label: string; size: string }[] = [
  { value: "a4", label: "A4", size: "297 × 210 mm, landscape" },
  { value: "letter", label: "US Letter", size: "11 × 8.5 in, landscape" },
];

export function paperLabel(paper: Paper): string {
  return PAPERS.find((p) => p.value === paper)?.label ?? paper;
}

/** Radio buttons for the paper, with where the plan's default is set. */
export function PaperChoice({ value, planPaper, onChange, disabled }: { value: Paper; planPaper: Paper; onChange: (paper: Paper) => void; disabled?: boolean }) {
  return (
    <fieldset className="paper-choice" disabled={disabled}>
      <legend className="label">Paper</legend>
      <div className="paper-options">
        {PAPERS.map((p) => (
          <label key={p.value} className="paper-option">
            <input type="radio" name="paper" value={p.value} checked={value === p.value} onChange={() => onChange(p.value)} />
            <span>
              {p.label}
              {p.value === planPaper && <span className="muted"> (this plan's default)</span>}
              <span className="paper-size muted small">{p.size}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="muted small paper-hint">
        For this copy only. The plan's default paper is set in the Plan stage, under The one-page plan.
      </p>
    </fieldset>
  );
}

/** Export PDF…: which paper, before the save dialog. */
export function ExportPaperDialog({ planPaper, onExport, onCancel }: { planPaper: Paper; onExport: (paper: Paper) => void; onCancel: () => void }) {
  const [paper, setPaper] = useState<Paper>(planPaper);
  return (
    <div className="scrim" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <form
        className="about paper-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-paper-title"
        onSubmit={(e) => {
          e.preventDefault();
          onExport(paper);
        }}
      >
        <h2 id="export-paper-title">Export the one-page plan</h2>
        <PaperChoice value={paper} planPaper={planPaper} onChange={setPaper} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" autoFocus>
            Save PDF…
          </button>
        </div>
      </form>
    </div>
  );
}
