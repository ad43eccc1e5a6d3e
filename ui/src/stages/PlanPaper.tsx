// The one-page plan's own settings, in the plan: the paper it prints on (A4 or US Letter, for the
// client's country), how its numbers are written (the client's convention: 1,234.56, 1.234,56,
// 1 234,56 or India's 12,34,567.89, on the page and on every screen of the plan) and the notes
// printed under it (assumptions and footnotes, one a line). All are edits through the core, so the
// next PDF export uses them.

import { useEffect, useState } from "react";
import type { NumberStyle, Paper, Plan } from "../bindings";
import type { CommandErrorBody } from "../types";
import { SelectField } from "../components/Field";
import { errorMessage } from "../errors";

interface Props {
  plan: Plan;
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
}

/** Notes as typed, one a line, blank lines dropped; none removes them from the plan. */
export function withNotes(plan: Plan, text: string): Plan {
  const notes = text
    .split(/\r?\n/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  const next = { ...plan };
  if (notes.length === 0) delete next.notes;
  else next.notes = notes;
  return next;
}

export function PlanPaper({ plan, error, edit }: Props) {
  const saved = (plan.notes ?? []).join("\n");
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const notesError = error?.path?.startsWith("notes") ? errorMessage(error) : null;
  return (
    <section className="panel plan-paper" aria-label="The one-page plan">
      <div className="panel-head">
        <h2>The one-page plan</h2>
        <span className="muted small">What the PDF export prints</span>
      </div>
      <div className="form-grid cols-2">
        <SelectField<Paper>
          label="Paper"
          path="settings.paper"
          error={error}
          value={plan.settings.paper}
          options={[
            { value: "a4", label: "A4 (landscape)" },
            { value: "letter", label: "US Letter (landscape)" },
          ]}
          onCommit={(v) => v && edit((p) => ({ ...p, settings: { ...p.settings, paper: v } }))}
        />
        <SelectField<NumberStyle>
          label="Numbers"
          path="settings.number_style"
          error={error}
          value={plan.settings.number_style}
          options={[
            { value: "1,234.56", label: "1,234.56" },
            { value: "1.234,56", label: "1.234,56" },
            { value: "1 234,56", label: "1 234,56" },
            { value: "1,23,456.78", label: "12,34,567.89 (lakhs, crores)" },
          ]}
          onCommit={(v) => v && edit((p) => ({ ...p, settings: { ...p.settings, number_style: v } }))}
        />
        <label className={`field${notesError ? " has-error" : ""}`}>
          <span className="label">Notes and assumptions (one a line)</span>
          <textarea
            aria-label="Notes and assumptions"
            rows={3}
            value={text}
            data-path="notes"
            data-dirty={text !== saved ? "true" : "false"}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => text !== saved && edit((p) => withNotes(p, text))}
          />
          {notesError && <span className="field-error">{notesError}</span>}
        </label>
      </div>
    </section>
  );
}
