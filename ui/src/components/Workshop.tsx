// Workshop mode: the plan on a projector in a quarterly workshop. Full screen, large type, high
// contrast: the split (which the room can drag), the flowchart, the totals and, for a plan with
// points, its reach and frequency against the reach goal. A dragged share is sent to the core
// when the slider is let go, and every figure on the wall is the core's answer.

import { useEffect, useRef, useState } from "react";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { isNegative, isNonZero, money, num, pct } from "../format";
import { Flowchart } from "./Flowchart";
import { ReachGoalStatus } from "./ReachGoalStatus";
import { hasReach } from "./TotalsPanel";

interface Props {
  plan: Plan;
  view: PlanView;
  edit: (change: (plan: Plan) => Plan) => void;
  onClose: () => void;
}

export function Workshop({ plan, view, edit, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ i: number; value: string } | null>(null);
  const style = plan.settings?.number_style;
  const m = (v: string) => money(v, view.currency, style);
  const t = view.totals;

  useEffect(() => {
    const el = root.current;
    el?.focus();
    // Full screen where the webview allows it; the overlay already fills the window otherwise.
    el?.requestFullscreen?.().catch(() => {});
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [onClose]);

  const setShare = (i: number, share: string) =>
    edit((p) => {
      const lines = p.lines.slice();
      const l = { ...lines[i], share };
      delete l.budget;
      lines[i] = l;
      return { ...p, lines };
    });

  return (
    <div className="workshop" ref={root} tabIndex={-1} role="dialog" aria-label="Workshop mode">
      <header className="ws-head">
        <div>
          <p className="ws-eyebrow">
            {plan.client} · {plan.name}
          </p>
          <p className="ws-hint">Drag a share and let go: the core recomputes every figure.</p>
        </div>
        <button type="button" className="ws-close" onClick={onClose}>
          Exit workshop <kbd>Esc</kbd>
        </button>
      </header>
      <section className="ws-totals" aria-label="Totals">
        <Fig label="Budget" value={m(t.budget)} />
        <Fig label="Net media" value={m(t.net_media)} />
        <Fig label="Fees" value={m(t.fees)} />
        <Fig label="Gross total" value={m(t.gross)} strong />
        <Fig
          label={isNegative(t.unallocated) ? "Over budget" : "Unallocated"}
          value={m(t.unallocated)}
          tone={isNegative(t.unallocated) ? "bad" : isNonZero(t.unallocated) ? "warn" : undefined}
        />
      </section>
      {hasReach(t) && (
        <section className="ws-reach" aria-label="Reach and frequency">
          <div className="ws-totals ws-reach-figs">
            <Fig label="Reach" value={pct(t.reach_pct, style)} />
            <Fig label="Avg frequency" value={num(t.frequency, style)} />
            <Fig label={`Reach at ${t.effective_frequency}+`} value={pct(t.effective_reach_pct, style)} strong />
            <Fig label="GRPs" value={num(t.grps, style)} />
            <Fig label="TRPs" value={num(t.trps, style)} />
          </div>
          {t.reach_goal && (
            <ReachGoalStatus goal={t.reach_goal} currency={view.currency} lines={view.lines} audience={plan.target_audience} numberStyle={style} />
          )}
        </section>
      )}
      <section className="ws-split" aria-label="Split">
        {plan.lines.map((l, i) => {
          const lv = view.lines.find((x) => x.id === l.id);
          const shown = drag?.i === i ? drag.value : lv?.share_pct ?? "0";
          return (
            <div className="ws-line" key={`${l.id}-${i}`}>
              <span className="ws-name">{l.name}</span>
              <input
                type="range"
                min={0}
                max={100}
                step={0.5}
                value={Number(shown)}
                aria-label={`Share of ${l.name}`}
                onChange={(e) => setDrag({ i, value: e.target.value })}
                onPointerUp={() => drag && drag.i === i && (setShare(i, drag.value), setDrag(null))}
                onKeyUp={() => drag && drag.i === i && (setShare(i, drag.value), setDrag(null))}
              />
              <span className="ws-share num">{drag?.i === i ? `${drag.value}%` : `${lv?.share_pct ?? "—"}%`}</span>
              <span className="ws-net num">{lv ? m(lv.net) : "—"}</span>
            </div>
          );
        })}
      </section>
      <section className="ws-flow">
        <Flowchart view={view} numberStyle={style} />
      </section>
    </div>
  );
}

function Fig({ label, value, strong, tone }: { label: string; value: string; strong?: boolean; tone?: "warn" | "bad" }) {
  return (
    <div className={`ws-fig${strong ? " strong" : ""}${tone ? ` ${tone}` : ""}`}>
      <span className="ws-label">{label}</span>
      <span className="ws-value num">{value}</span>
    </div>
  );
}
