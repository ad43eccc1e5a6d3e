// A text input that edits a draft and commits it once: on Enter or leaving the field, and only
// when it changed; Escape drops the draft. The committed value then comes back from the core as
// `value`, so an edit the core refuses is shown as refused, not as typed.

import { useState } from "react";
import { useNumberInput } from "./numbers";

/** The props that make an `<input>` a draft of `value`, committed through `onCommit`. A numeric
 * draft shows and reads its figure in the plan's number style (numbers.ts). */
export function useDraftInput(value: string, onCommit: (v: string) => void, numeric = false) {
  const [draft, setDraft] = useState<string | null>(null);
  const numbers = useNumberInput();
  const shown = numeric ? numbers.shown(value) : value;
  const commit = () => {
    if (draft !== null && draft !== shown) onCommit(numeric ? numbers.read(draft) : draft);
    setDraft(null);
  };
  return {
    value: draft ?? shown,
    "data-dirty": draft !== null && draft !== shown ? "true" : "false",
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: { key: string }) => {
      if (e.key === "Enter") commit();
      if (e.key === "Escape") setDraft(null);
    },
  };
}
