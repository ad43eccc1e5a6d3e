// The app frame: a top bar and the current screen (the library, or one plan), the native menu's
// events routed to whichever screen handles them (menu.ts), and the menu actions that belong to
// no one screen: a new plan, importing a plan, going back to the library, and About.

import { useCallback, useEffect, useRef, useState } from "react";
import { version } from "../package.json";
import { api, CommandError, toCommandError } from "./api";
import { ErrorNotice } from "./components/ErrorNotice";
import { OpenedFiles } from "./components/OpenedFiles";
import { FRAME, listenToNativeMenu, useMenu } from "./menu";
import { rememberOpened } from "./recent";
import { LibraryScreen, type ImportArrival } from "./screens/LibraryScreen";
import { PlanScreen } from "./screens/PlanScreen";

type Screen = { kind: "library"; arrival?: ImportArrival } | { kind: "plan"; id: number };

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "library" });
  const [planName, setPlanName] = useState<string>("");
  const [about, setAbout] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const onLoaded = useCallback((name: string) => setPlanName(name), []);

  const open = useCallback((id: number) => {
    rememberOpened(id);
    setError(null);
    setPlanName("");
    setScreen({ kind: "plan", id });
  }, []);
  const toLibrary = useCallback(() => {
    setError(null);
    setScreen({ kind: "library" });
  }, []);
  const takeImport = useCallback(() => setScreen({ kind: "library" }), []);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    listenToNativeMenu().then(
      (unlisten) => (live ? (stop = unlisten) : unlisten()),
      () => {}, // no shell to hear (a plain browser): the buttons still work
    );
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  // The menu's actions when the screen on show does not handle them itself (the library does).
  useMenu(
    "new_plan",
    () => {
      setError(null);
      api.createPlan("blank").then(open, (e) => setError(toCommandError(e)));
    },
    FRAME,
  );
  useMenu(
    "import_plan",
    () => {
      setError(null);
      // Cancelling the dialog leaves the planner where they were; a chosen file is previewed (or
      // its refusal shown) in the library.
      api.chooseImport().then(
        (chosen) => chosen !== null && setScreen({ kind: "library", arrival: { chosen } }),
        (e) => setScreen({ kind: "library", arrival: { error: e } }),
      );
    },
    FRAME,
  );
  useMenu("library", toLibrary, FRAME);
  useMenu("about", () => setAbout(true), FRAME);

  return (
    <div className="app">
      <nav className="topbar" aria-label="Breadcrumb">
        <span className="brand">
          <Mark />
          Flightplan
        </span>
        <span className="crumbs">
          {screen.kind === "library" ? (
            <span className="crumb current">Library</span>
          ) : (
            <>
              <button className="crumb link" onClick={toLibrary}>
                Library
              </button>
              <span className="crumb-sep" aria-hidden="true">
                /
              </span>
              <span className="crumb current">{planName || "Plan"}</span>
            </>
          )}
        </span>
      </nav>
      {error && (
        <div className="frame-error">
          <ErrorNotice error={error} title="That could not be done" />
        </div>
      )}
      {screen.kind === "library" ? (
        <LibraryScreen onOpen={open} arrival={screen.arrival} onImportTaken={takeImport} />
      ) : (
        <PlanScreen key={screen.id} id={screen.id} onLoaded={onLoaded} onOpenPlan={open} />
      )}
      {about && <About onClose={() => setAbout(false)} />}
      <OpenedFiles onImported={(id) => setScreen({ kind: "library", arrival: { imported: id } })} />
    </div>
  );
}

/** Help › About Flightplan. */
function About({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="scrim" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="about" role="dialog" aria-modal="true" aria-labelledby="about-title">
        <svg className="about-mark" viewBox="0 0 32 32" width="48" height="48" aria-hidden="true">
          <MarkShapes />
        </svg>
        <h2 id="about-title">Flightplan</h2>
        <p className="about-version">Version {version}</p>
        <p className="about-line">Offline media planning</p>
        <p className="about-small muted small">From goals to the one-page client plan, buying and monitoring. Your plans stay on this computer.</p>
        <button type="button" className="button" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** The app's mark: three flight bars on a month grid (as the app icon). */
function Mark() {
  return (
    <svg className="mark" viewBox="0 0 32 32" width="20" height="20" aria-hidden="true">
      <MarkShapes />
    </svg>
  );
}

function MarkShapes() {
  return (
    <>
      <rect x="2" y="2" width="28" height="28" rx="6.5" className="mark-bg" />
      <rect x="6.5" y="9" width="12" height="3" rx="1.5" className="mark-bar" />
      <rect x="12.5" y="14.5" width="13" height="3" rx="1.5" className="mark-accent" />
      <rect x="9.5" y="20" width="12.5" height="3" rx="1.5" className="mark-bar" />
    </>
  );
}
