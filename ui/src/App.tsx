// The app frame: a top bar and the current screen. Navigation is plain state for now; the
// six-stage rail will slot in beside the plan screen.

import { useCallback, useState } from "react";
import { LibraryScreen } from "./screens/LibraryScreen";
import { PlanScreen } from "./screens/PlanScreen";

type Screen = { kind: "library" } | { kind: "plan"; id: number };

export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: "library" });
  const [planName, setPlanName] = useState<string>("");
  const onLoaded = useCallback((name: string) => setPlanName(name), []);

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
              <button className="crumb link" onClick={() => setScreen({ kind: "library" })}>
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
      {screen.kind === "library" ? (
        <LibraryScreen
          onOpen={(id) => {
            setPlanName("");
            setScreen({ kind: "plan", id });
          }}
        />
      ) : (
        <PlanScreen
          key={screen.id}
          id={screen.id}
          onLoaded={onLoaded}
          onOpenPlan={(id) => {
            setPlanName("");
            setScreen({ kind: "plan", id });
          }}
        />
      )}
    </div>
  );
}

/** The app's mark: three flight bars on a month grid (as the app icon). */
function Mark() {
  return (
    <svg className="mark" viewBox="0 0 32 32" width="20" height="20" aria-hidden="true">
      <rect x="2" y="2" width="28" height="28" rx="6.5" className="mark-bg" />
      <rect x="6.5" y="9" width="12" height="3" rx="1.5" className="mark-bar" />
      <rect x="12.5" y="14.5" width="13" height="3" rx="1.5" className="mark-accent" />
      <rect x="9.5" y="20" width="12.5" height="3" rx="1.5" className="mark-bar" />
    </svg>
  );
}
