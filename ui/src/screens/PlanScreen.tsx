// One plan, opened for work: its header and key figures, the six-stage rail, and the stage being
// worked on. Every edit goes through the plan store (save_plan), so what is on screen is always
// the core's figures for what is saved, or the core's reason for refusing the last edit.

import { useCallback, useEffect, useState } from "react";
import { api, CommandError, toCommandError } from "../api";
import type { Plan, VersionSummary } from "../bindings";
import type { PlanDocument } from "../types";
import { isNegative, isNonZero, money, period, timestamp } from "../format";
import { ErrorNotice } from "../components/ErrorNotice";
import { ExportMenu, ExportNotice, usePlanExports } from "../components/ExportMenu";
import { usePlanUpdate } from "../components/UpdateFromFile";
import { PrintView } from "../components/PrintView";
import { FindingGroups } from "../components/FindingsList";
import { StageRail } from "../components/StageRail";
import { SignoffControl } from "../components/Signoff";
import { Comments } from "../components/Comments";
import { Workshop } from "../components/Workshop";
import { NumberStyleContext } from "../components/numbers";
import { usePlan, type PlanStore } from "../store/usePlan";
import { errorMessage } from "../errors";
import { useMenu } from "../menu";
import { findingsFor, STAGES } from "../stages/model";
import { GoalsStage } from "../stages/GoalsStage";
import { AudienceStage } from "../stages/AudienceStage";
import { ChannelsStage } from "../stages/ChannelsStage";
import { PlanStage } from "../stages/PlanStage";
import { BuyStage } from "../stages/BuyStage";
import { MonitorStage } from "../stages/MonitorStage";

interface Props {
  id: number;
  onLoaded?: (name: string) => void;
  /** Open another plan of the library. */
  onOpenPlan?: (id: number) => void;
  /** Today as YYYY-MM-DD; defaults to the local date. */
  today?: string;
}

declare global {
  interface Window {
    /** The plan on screen, for the end-to-end tests. */
    __FLIGHTPLAN_OPEN_PLAN_ID?: number;
  }
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function PlanScreen({ id, onLoaded, onOpenPlan, today }: Props) {
  const [doc, setDoc] = useState<PlanDocument | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  useEffect(() => {
    let live = true;
    setDoc(null);
    setError(null);
    api
      .openPlan(id)
      .then((d) => {
        if (!live) return;
        setDoc(d);
        window.__FLIGHTPLAN_OPEN_PLAN_ID = id;
      })
      .catch((e) => live && setError(toCommandError(e)));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) {
    return (
      <main className="screen">
        <ErrorNotice error={error} title="This plan could not be opened" />
      </main>
    );
  }
  if (!doc) {
    return (
      <main className="screen">
        <p className="subtitle">Opening plan…</p>
      </main>
    );
  }
  // A status move or a revision is saved by the library: the editor opens the plan as saved.
  return (
    <PlanEditor
      key={`${doc.id}-${doc.plan.status ?? ""}-${doc.plan.version ?? ""}`}
      doc={doc}
      onDoc={setDoc}
      onLoaded={onLoaded}
      onOpenPlan={onOpenPlan ?? (() => {})}
      today={today ?? localToday()}
    />
  );
}

function PlanEditor({
  doc,
  onDoc,
  onLoaded,
  onOpenPlan,
  today,
}: {
  doc: PlanDocument;
  onDoc: (doc: PlanDocument) => void;
  onLoaded?: (name: string) => void;
  onOpenPlan: (id: number) => void;
  today: string;
}) {
  const store = usePlan(doc.id, { plan: doc.plan as Plan, view: doc.view, viewId: doc.view_id });
  const { plan, view, error, edit } = store;
  const [stage, setStage] = useState(plan.lines.length > 0 ? 4 : 1);
  const [workshop, setWorkshop] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const closeWorkshop = useCallback(() => setWorkshop(false), []);
  const style = plan.settings?.number_style;
  const m = (v: string) => money(v, view.currency, style);
  const t = view.totals;

  useEffect(() => {
    onLoaded?.(plan.name);
  }, [plan.name, onLoaded]);

  const stageFindings = findingsFor(stage, view.findings);
  const stageProps = { planId: doc.id, plan, view, error, edit, numberStyle: style, today, onOpenPlan };

  // Exports and print are of the stored plan: while an edit is refused, that is not the plan on screen.
  const blocked = store.save === "refused" ? "The plan on screen has an edit that is not saved: fix it, or undo, then export." : null;
  const exports = usePlanExports(doc.id, { blocked, paper: plan.settings.paper });
  // An update is worked out from the stored plan, so the plan on screen must be saved.
  const updateBlocked = store.save === "saved" ? null : "The plan on screen has an edit that is not saved yet: wait for it, or undo it.";
  const planUpdate = usePlanUpdate(doc.id, { blocked: updateBlocked, numberStyle: style, onApply: (updated) => edit(() => updated) });
  // The native menu's plan items (the export items are bound in usePlanExports).
  useMenu("undo", store.undo);
  useMenu("redo", store.redo);
  useMenu("workshop", () => setWorkshop(true));
  useMenu("snapshot", () => setVersionsOpen(true));
  useMenu("print", () => setPrinting(true));

  return (
    <NumberStyleContext.Provider value={style ?? "1,234.56"}>
      <main className="screen plan">
        <header className="plan-header">
          <div className="plan-title">
            <p className="eyebrow">
              {plan.client}
              {plan.brand ? ` · ${plan.brand}` : ""}
            </p>
            <h1>{plan.name}</h1>
            <p className="plan-meta">
              <span>{period(plan.start, plan.end)}</span>
              {plan.version !== undefined && <span>Version {plan.version}</span>}
              {plan.prepared_by && <span>Prepared by {plan.prepared_by}</span>}
            </p>
          </div>
          <div className="plan-actions">
            <SaveIndicator store={store} />
            <div className="button-group">
              <button type="button" className="button" disabled={!store.canUndo} onClick={store.undo} title="Undo (Ctrl/⌘+Z)">
                Undo
              </button>
              <button type="button" className="button" disabled={!store.canRedo} onClick={store.redo} title="Redo (Shift+Ctrl/⌘+Z)">
                Redo
              </button>
            </div>
            <Comments plan={plan} edit={edit} />
            <Versions id={doc.id} disabled={store.save !== "saved"} open={versionsOpen} onOpenChange={setVersionsOpen} />
            <button type="button" className="button" onClick={() => setWorkshop(true)} title="Full screen for a projector">
              Workshop
            </button>
            <button type="button" className="button" onClick={() => setPrinting(true)} title="Print the one-page plan (Ctrl/⌘+P)">
              Print…
            </button>
            <ExportMenu
              exports={exports}
              disabled={store.save === "refused"}
              extra={{ label: "Update from file…", hint: "Bring back the changes made in an exported XLSX or CSV", run: planUpdate.start, blocked: updateBlocked }}
            />
          </div>
        </header>
        {printing && <PrintView planId={doc.id} planPaper={plan.settings.paper} blocked={blocked} onClose={() => setPrinting(false)} />}
        <ExportNotice exports={exports} />
        {planUpdate.element}
        <SignoffControl id={doc.id} plan={plan} onDoc={onDoc} saved={store.save === "saved"} numberStyle={style} />

        <section className="kpis" aria-label="Key figures">
          <Kpi label="Budget" value={m(t.budget)} />
          <Kpi label="Net media" value={m(t.net_media)} />
          <Kpi label="Fees" value={m(t.fees)} />
          <Kpi label="Gross total" value={m(t.gross)} emphasis />
          <Kpi
            label={isNegative(t.unallocated) ? "Over budget" : "Unallocated"}
            value={m(t.unallocated)}
            tone={isNegative(t.unallocated) ? "bad" : isNonZero(t.unallocated) ? "warn" : "ok"}
          />
        </section>

        <StageRail plan={plan} view={view} current={stage} onSelect={setStage} />

        {error && (
          <div className="refused" role="alert" data-testid="save-refused">
            <strong>Not saved.</strong> {errorMessage(error)}
            {error.path && <span className="refused-path">{describePath(error.path, plan)}</span>}
            {error.code === "plan_locked" ? (
              <RevisionOffer id={doc.id} plan={plan} onDoc={onDoc} saving={store.save === "saving"} />
            ) : (
              <span className="muted"> Fix it, or undo, and the plan saves again.</span>
            )}
          </div>
        )}

        {stage <= 4 && stageFindings.length > 0 && (
          <section className="panel stage-findings-panel" aria-label={`Findings for ${STAGES[stage - 1].title}`}>
            <h2>
              Open findings · {STAGES[stage - 1].title}
            </h2>
            <FindingGroups groups={view.finding_groups.filter((g) => g.stage === stage)} findings={view.findings} lines={view.lines} />
          </section>
        )}

        {stage === 1 && <GoalsStage plan={plan} view={view} error={error} edit={edit} numberStyle={style} />}
        {stage === 2 && <AudienceStage plan={plan} view={view} error={error} edit={edit} today={today} numberStyle={style} />}
        {stage === 3 && <ChannelsStage {...stageProps} />}
        {stage === 4 && <PlanStage {...stageProps} />}
        {stage === 5 && <BuyStage {...stageProps} />}
        {stage === 6 && <MonitorStage {...stageProps} />}
        {workshop && <Workshop plan={plan} view={view} edit={edit} onClose={closeWorkshop} />}
      </main>
    </NumberStyleContext.Provider>
  );
}

/** The lock refused an edit: keep it by starting a revision (the core's rules), or undo it. Not
 * while a later edit is being saved: the revision must start from the plan as last refused, and
 * a save still on its way would land on the approved version after it. */
function RevisionOffer({ id, plan, onDoc, saving }: { id: number; plan: Plan; onDoc: (doc: PlanDocument) => void; saving: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="revision-offer">
      <button
        type="button"
        className="button primary"
        disabled={saving}
        onClick={() =>
          api.startRevision(id, plan).then(onDoc, (e) => setError(errorMessage(toCommandError(e))))
        }
      >
        Start revision (version {(plan.version ?? 1) + 1}) with this edit
      </button>
      <span className="muted"> or undo to keep the approved plan as it is.</span>
      {error && <span className="field-error"> {error}</span>}
    </span>
  );
}

/** "lines[2].rate" → "Line 3 (Search — Brand), rate". */
function describePath(path: string, plan: Plan): string {
  const m = /^lines\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const line = plan.lines[Number(m[1])];
    return `Line ${Number(m[1]) + 1}${line ? ` (${line.name})` : ""}${m[2] ? `, ${m[2].replace(/_/g, " ")}` : ""}`;
  }
  return path.replace(/_/g, " ").replace(/\./g, " › ");
}

/** The save indicator's labels; the longest sets its width (controls.css, `.save-label`). */
const SAVE_LABELS = { saved: "All changes saved", saving: "Saving…", refused: "Not saved" } as const;
const LONGEST_SAVE_LABEL = Object.values(SAVE_LABELS).reduce((a, b) => (b.length > a.length ? b : a));

function SaveIndicator({ store }: { store: PlanStore }) {
  const text = SAVE_LABELS[store.save];
  return (
    <span className={`save-state save-${store.save}`} role="status" data-testid="save-state">
      <span className="save-dot" aria-hidden="true" />
      <span className="save-label" data-longest={LONGEST_SAVE_LABEL}>
        {text}
      </span>
    </span>
  );
}

function Versions({ id, disabled, open, onOpenChange: setOpen }: { id: number; disabled: boolean; open: boolean; onOpenChange: (open: boolean) => void }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    api.listVersions(id).then(setVersions, (e) => setError(errorMessage(toCommandError(e))));
  }, [open, id]);
  const take = async () => {
    setError(null);
    try {
      setVersions(await api.snapshotPlan(id, name));
      setName("");
    } catch (e) {
      setError(errorMessage(toCommandError(e)));
    }
  };
  return (
    <div className="popover-anchor">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Versions
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label="Versions">
          <form
            className="version-form"
            onSubmit={(e) => {
              e.preventDefault();
              void take();
            }}
          >
            <input
              aria-label="Version name"
              placeholder="e.g. Sent to client 12 March"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
            <button type="submit" className="button primary" disabled={disabled}>
              Save version
            </button>
          </form>
          {disabled && <p className="field-hint">Versions freeze the saved plan: fix the unsaved edit first.</p>}
          {error && <p className="field-error">{error}</p>}
          {versions && versions.length === 0 && <p className="muted small">No versions yet.</p>}
          {versions && versions.length > 0 && (
            <ul className="version-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <span>{v.name}</span>
                  <span className="muted small">{timestamp(v.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function Kpi({ label, value, emphasis, tone }: { label: string; value: string; emphasis?: boolean; tone?: "ok" | "warn" | "bad" }) {
  return (
    <div className={`kpi-card${emphasis ? " emphasis" : ""}${tone ? ` tone-${tone}` : ""}`}>
      <p className="label">{label}</p>
      <p className="kpi-value num">{value}</p>
    </div>
  );
}
