// A text input that edits a draft and commits it once: on Enter or leaving the field, and only
// when it changed; Escape drops the draft. The committed value then comes back from the core as
// `value`, so an edit the core refuses is shown as refused, not as typed.

import { useState } from "react";

/** The props that make an `<input>` a draft of `value`, committed through `onCommit`. */
export function useDraftInput(value: string, onCommit: (v: string) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return {
    value: draft ?? value,
    "data-dirty": draft !== null && draft !== value ? "true" : "false",
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown: (e: { key: string }) => {
      if (e.key === "Enter") commit();
      if (e.key === "Escape") setDraft(null);
    },
  };
}
