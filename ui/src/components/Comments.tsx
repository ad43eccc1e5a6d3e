// Comments on the plan and its lines: who said what and when (the shell's clock), about the whole
// plan or one line, and whether it is resolved. Each is an edit through the core (autosaved,
// undoable) that never changes a figure, so comments stay open on an approved, locked plan.

import { useState } from "react";
import { api, toCommandError } from "../api";
import type { Plan } from "../bindings";
import { timestamp } from "../format";
import { errorMessage } from "../errors";

const AUTHOR_KEY = "flightplan.commentAuthor";

function rememberedAuthor(): string {
  try {
    return window.localStorage.getItem(AUTHOR_KEY) ?? "";
  } catch {
    return "";
  }
}

interface Props {
  plan: Plan;
  edit: (change: (plan: Plan) => Plan) => void;
  /** The line the grid's cursor is on, offered first. */
  activeLine?: string;
}

export function Comments({ plan, edit }: Props) {
  const [open, setOpen] = useState(false);
  const comments = plan.comments ?? [];
  const unresolved = comments.filter((c) => !c.resolved).length;
  return (
    <div className="popover-anchor">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Comments{unresolved > 0 ? ` · ${unresolved}` : ""}
      </button>
      {open && <CommentsPanel plan={plan} edit={edit} />}
    </div>
  );
}

export function CommentsPanel({ plan, edit }: Props) {
  const [about, setAbout] = useState("");
  const [author, setAuthor] = useState(rememberedAuthor);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const comments = plan.comments ?? [];
  const lineName = (id?: string) => (id ? plan.lines.find((l) => l.id === id)?.name ?? `${id} (removed)` : "Whole plan");
  const add = async () => {
    setError(null);
    try {
      const next = await api.addComment(plan, about || null, author, text);
      try {
        window.localStorage.setItem(AUTHOR_KEY, author.trim());
      } catch {
        // no storage: the name is asked again next time
      }
      edit(() => next);
      setText("");
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    }
  };
  const resolve = async (id: string, resolved: boolean) => {
    setError(null);
    try {
      const next = await api.resolveComment(plan, id, resolved);
      edit(() => next);
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    }
  };
  return (
    <div className="popover comments-panel" role="dialog" aria-label="Comments">
      {comments.length === 0 && <p className="muted small">No comments yet. A question about a line belongs next to it, not in an email.</p>}
      {comments.length > 0 && (
        <ul className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className={c.resolved ? "comment resolved" : "comment"} data-comment={c.id}>
              <p className="comment-head">
                <strong>{c.author}</strong> <span className="muted small">{timestamp(c.at)}</span>
                <span className="comment-about small">{lineName(c.line)}</span>
              </p>
              <p className="comment-text">{c.text}</p>
              <button type="button" className="link-button" onClick={() => void resolve(c.id, !c.resolved)}>
                {c.resolved ? "Reopen" : "Resolve"}
              </button>
              {c.resolved && <span className="muted small"> · resolved</span>}
            </li>
          ))}
        </ul>
      )}
      <form
        className="comment-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span className="label">About</span>
          <select aria-label="About" value={about} onChange={(e) => setAbout(e.target.value)}>
            <option value="">Whole plan</option>
            {plan.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">Your name</span>
          <input aria-label="Your name" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">Comment</span>
          <textarea aria-label="Comment" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary">
          Add comment
        </button>
      </form>
    </div>
  );
}
