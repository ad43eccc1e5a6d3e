// The learnings log: what this flight taught, dated and optionally tied to a line. It is carried
// into the next plan by "Start next plan" (with the rates the roll-forward re-bases).

import { useState } from "react";
import type { Plan } from "../../bindings";
import { day } from "../../format";
import { addLearning, removeLearning } from "./edits";
import { DateInput } from "../../components/DateInput";

interface Props {
  plan: Plan;
  edit: (change: (plan: Plan) => Plan) => void;
  defaultDate: string;
}

export function Learnings({ plan, edit, defaultDate }: Props) {
  const learnings = plan.learnings ?? [];
  const [date, setDate] = useState(defaultDate);
  const [line, setLine] = useState("");
  const [text, setText] = useState("");
  const ready = !!date && !!text.trim();
  const lineName = (id?: string) => (id ? plan.lines.find((l) => l.id === id)?.name ?? id : null);

  return (
    <div className="learnings">
      {learnings.length === 0 ? (
        <p className="muted small empty-line">Nothing written down yet. What worked, what did not, and why: the next plan starts from here.</p>
      ) : (
        <ol className="learning-list" aria-label="Learnings">
          {learnings.map((l, i) => (
            <li key={i} data-learning={i}>
              <span className="learning-date num">{day(l.date)}</span>
              <div>
                {l.line && <span className="learning-line">{lineName(l.line)}</span>}
                <p>{l.text}</p>
              </div>
              <button type="button" className="icon-button" aria-label={`Remove learning ${i + 1}`} onClick={() => edit((p) => removeLearning(p, i))}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <form
        className="new-learning"
        aria-label="New learning"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          edit((p) => addLearning(p, { date, ...(line ? { line } : {}), text: text.trim() }));
          setText("");
        }}
      >
        <DateInput aria-label="Learning date" value={date} onChange={setDate} live />
        <select aria-label="Learning line" value={line} onChange={(e) => setLine(e.target.value)}>
          <option value="">Whole plan</option>
          {plan.lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <input className="learning-text" aria-label="What was learned" placeholder="What was learned, with the numbers" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button" disabled={!ready}>
          Add learning
        </button>
      </form>
    </div>
  );
}
