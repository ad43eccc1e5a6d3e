// Plan files the system asked Flightplan to open (a double-clicked .flightplan file, "Open
// with", a mail attachment). The shell reads the file and says what it holds; nothing reaches the
// library until the planner presses Import here. Files opened before the window was listening
// are asked for once at start.

import { useCallback, useEffect, useRef, useState } from "react";
import { listen } from "@tauri-apps/api/event";
import { api, toCommandError } from "../api";
import type { OpenedFile } from "../bindings";
import { errorMessage, errorWhere } from "../errors";
import { period } from "../format";

/** The Tauri event the shell emits (commands/opening.rs `OPEN_FILE_EVENT`). */
export const OPEN_FILE_EVENT = "open-file";

interface Props {
  /** The file became plan `id` in the library. */
  onImported: (id: number) => void;
}

export function OpenedFiles({ onImported }: Props) {
  const [queue, setQueue] = useState<OpenedFile[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);

  const add = useCallback((files: OpenedFile[]) => {
    setQueue((q) => [...q, ...files.filter((f) => !q.some((x) => x.pending === f.pending))]);
  }, []);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    api.openedFiles().then((files) => live && add(files), () => {});
    listen<OpenedFile>(OPEN_FILE_EVENT, (e) => add([e.payload])).then(
      (unlisten) => (live ? (stop = unlisten) : unlisten()),
      () => {}, // no shell (a plain browser): nothing is ever opened
    );
    return () => {
      live = false;
      stop?.();
    };
  }, [add]);

  const file = queue[0];
  useEffect(() => {
    setFailed(null);
    importButton.current?.focus();
  }, [file?.pending]);
  if (!file) return null;

  const next = () => setQueue((q) => q.slice(1));
  const dismiss = async () => {
    await api.dismissOpenedFile(file.pending).catch(() => {});
    next();
  };
  const take = async () => {
    setBusy(true);
    try {
      const id = await api.importOpenedFile(file.pending);
      next();
      onImported(id);
    } catch (e) {
      setFailed(errorMessage(toCommandError(e)));
    } finally {
      setBusy(false);
    }
  };
  const problem = failed ?? (file.error ? errorMessage(file.error) : null);
  const where = !failed && file.error ? errorWhere(file.error) : null;
  return (
    <div className="scrim" onKeyDown={(e) => e.key === "Escape" && void dismiss()}>
      <div className="about opened-file" role="dialog" aria-modal="true" aria-labelledby="opened-title">
        <h2 id="opened-title">Open {file.file}?</h2>
        {file.name && !problem ? (
          <>
            <p className="about-line">
              <strong>{file.name}</strong> for {file.client}
            </p>
            <p className="muted small">
              {file.start && file.end ? period(file.start, file.end) : ""} · {file.lines} {file.lines === 1 ? "line" : "lines"}
            </p>
            <p className="small">Import it into your library as a new plan? Nothing changes until you do.</p>
          </>
        ) : (
          <>
            <p className="field-error" role="alert">
              It cannot be imported: {problem}
            </p>
            {where && <p className="muted small opened-where">Where: {where}</p>}
          </>
        )}
        <div className="dialog-actions">
          {file.name && !file.error && (
            <button type="button" className="button primary" ref={importButton} disabled={busy} onClick={() => void take()}>
              {busy ? "Importing…" : "Import into library"}
            </button>
          )}
          <button type="button" className="button" onClick={() => void dismiss()}>
            {file.error || failed ? "Close" : "Cancel"}
          </button>
        </div>
      </div>
    </div>
  );
}
