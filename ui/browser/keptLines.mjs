// What the shell's answer to a save keeps of the view the screen holds
// (src-tauri/src/shown_views.rs), for the browser tests' IPC mock and the edit bench: each new
// line's index in the held view when a line with its id has the same JSON, or null; and the
// view with only the lines not kept.

/** @param {{ lines: { id: string }[] }} before @param {{ lines: { id: string }[] }} after */
export function keptLines(before, after) {
  const at = new Map(before.lines.map((l, i) => [l.id, i]));
  const kept = after.lines.map((l) => {
    const i = at.get(l.id);
    return i !== undefined && JSON.stringify(before.lines[i]) === JSON.stringify(l) ? i : null;
  });
  return { kept, view: { ...after, lines: after.lines.filter((_, i) => kept[i] === null) } };
}
