// Form fields that commit on Enter or when focus leaves, never per keystroke: one edit is one
// step of undo and one save. A field whose path the core named in its error shows the message
// right under it, in plain words, and keeps what the planner typed.

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { CommandErrorBody } from "../types";
import { errorMessage } from "../errors";
import { DateInput } from "./DateInput";
import { useNumberInput } from "./numbers";

interface Common {
  label: string;
  /** The JSON path of the field in the plan, e.g. `goal.target`, matched against errors. */
  path: string;
  error?: CommandErrorBody | null;
  hint?: ReactNode;
  className?: string;
}

export function fieldError(error: CommandErrorBody | null | undefined, path: string): string | null {
  return error?.path === path ? errorMessage(error) : null;
}

export function TextField({
  label,
  path,
  error,
  hint,
  className,
  value,
  onCommit,
  placeholder,
  numeric,
  type = "text",
  prefix,
  suffix,
}: Common & {
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  numeric?: boolean;
  type?: "text" | "date";
  prefix?: string;
  suffix?: string;
}) {
  const id = useId();
  // A numeric field shows and reads its figure in the plan's number style (numbers.ts).
  const numbers = useNumberInput();
  const shown = numeric ? numbers.shown(value) : value;
  const [draft, setDraft] = useState(shown);
  // A date that could not be read, said by the date input (dates.ts) in this field's error slot.
  const [unread, setUnread] = useState<string | null>(null);
  // Follow the plan (undo, redo, the core's answer) unless the planner is mid-edit in this field.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(shown);
  }, [shown]);
  const message = unread ?? fieldError(error, path);
  // Only what the planner typed is committed: leaving the field right after an undo or the
  // core's answer changed it (before the draft has followed) must not send the old text again.
  const commit = () => {
    const typed = typing.current;
    typing.current = false;
    if (typed && draft !== shown) onCommit(numeric ? numbers.read(draft) : draft);
  };
  return (
    <div className={`field${message ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <div className="input-wrap">
        {prefix && <span className="affix">{prefix}</span>}
        {type === "date" ? (
          <DateInput
            id={id}
            value={value}
            placeholder={placeholder}
            data-path={path}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-err` : undefined}
            onChange={onCommit}
            onProblem={setUnread}
          />
        ) : (
          <input
            id={id}
            type="text"
            className={numeric ? "num" : undefined}
            value={draft}
            placeholder={numeric && placeholder ? placeholder.replace(/\d+\.\d+/g, numbers.shown) : placeholder}
            data-path={path}
            data-dirty={draft !== shown ? "true" : "false"}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? `${id}-err` : undefined}
            onChange={(e) => {
              typing.current = true;
              setDraft(e.target.value);
            }}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit();
              if (e.key === "Escape") {
                typing.current = false;
                setDraft(shown);
              }
            }}
          />
        )}
        {suffix && <span className="affix">{suffix}</span>}
      </div>
      {message ? (
        <p className="field-error" id={`${id}-err`} role="alert">
          {message}
        </p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  path,
  error,
  hint,
  className,
  value,
  options,
  onCommit,
  empty,
}: Common & {
  value: T | "";
  options: { value: T; label: string; note?: string }[];
  onCommit: (value: T | "") => void;
  /** Label of the "not set" choice; without it a value is required. */
  empty?: string;
}) {
  const id = useId();
  const message = fieldError(error, path);
  return (
    <div className={`field${message ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-path={path}
        aria-invalid={message ? true : undefined}
        onChange={(e) => onCommit(e.target.value as T | "")}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
            {o.note ? ` — ${o.note}` : ""}
          </option>
        ))}
      </select>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
}
