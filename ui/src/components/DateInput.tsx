// A bare date input (for grids, toolbars and pickers without a form label) that shows and reads
// dates by the one rule in dates.ts, so no screen falls back to the webview's own date widget and
// its locale (which showed US month-first dates beside the grid's ISO). The value in and out is
// ISO; a typed date that cannot be read is kept as typed and said, never swapped or dropped.

import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from "react";
import { readDate, showDate } from "../dates";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type" | "min" | "max"> & {
  /** ISO date, or "" for none. */
  value: string;
  /** Called with the ISO date once the text reads as one (on Enter or leaving the field; on
   * every keystroke that reads, with `live`). */
  onChange: (iso: string) => void;
  live?: boolean;
  /** The first and last days allowed (ISO); outside them the text is refused with the bound. */
  min?: string;
  max?: string;
  /** Shown under the input when the text cannot be read (default: in the title only). */
  showProblem?: boolean;
  /** Told the problem with the text (null once it reads), for a form field to show it. */
  onProblem?: (problem: string | null) => void;
};

export function DateInput({ value, onChange, live, min, max, showProblem, onProblem, onKeyDown, onBlur, className, ...rest }: Props) {
  const [draft, setDraft] = useState(showDate(value));
  const [problem, setOwnProblem] = useState<string | null>(null);
  const setProblem = (p: string | null) => {
    setOwnProblem(p);
    onProblem?.(p);
  };
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) {
      setDraft(showDate(value));
      setProblem(null);
    }
  }, [value]);

  const read = (text: string): { date: string } | { error: string } => {
    const r = readDate(text);
    if ("error" in r || r.date === "") return r;
    if (min && r.date < min) return { error: `${showDate(r.date)} is before ${showDate(min)}` };
    if (max && r.date > max) return { error: `${showDate(r.date)} is after ${showDate(max)}` };
    return r;
  };
  const commit = () => {
    editing.current = false;
    const r = read(draft);
    if ("error" in r) return setProblem(r.error);
    setProblem(null);
    if (r.date !== value) onChange(r.date);
    setDraft(showDate(r.date));
  };

  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="text"
        className={`${className ?? ""} date`.trim()}
        placeholder={rest.placeholder ?? showDate("2027-01-04")}
        value={draft}
        data-date={value}
        aria-invalid={problem || rest["aria-invalid"] ? true : undefined}
        title={problem ?? rest.title}
        onChange={(e) => {
          editing.current = true;
          setDraft(e.target.value);
          if (live) {
            const r = read(e.target.value);
            if (!("error" in r) && r.date !== "" && r.date !== value) onChange(r.date);
          }
        }}
        onBlur={(e) => {
          commit();
          onBlur?.(e);
        }}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") {
            editing.current = false;
            setProblem(null);
            setDraft(showDate(value));
          }
          onKeyDown?.(e);
        }}
      />
      {showProblem && problem && <p className="field-error">{problem}</p>}
    </>
  );
}
