// Stage 5's words and plan edits: what each checklist item and status move is called on screen,
// and how ticking an item changes the plan. A line's `launch` is written the way the core writes
// it (false, empty and default fields left out), so an edit and its undo give back the same
// document. Readiness itself is never decided here: it is the core's launch board.

import type { Buying, Launch, LaunchLine, Line, LineStatus, MonitoringSettings, Plan } from "../../bindings";

export const STATUSES: LineStatus[] = ["planned", "booked", "live", "paused", "ended"];

export const STATUS_LABEL: Record<LineStatus, string> = {
  planned: "Planned",
  booked: "Booked",
  live: "Live",
  paused: "Paused",
  ended: "Ended",
};

export const BUYING: { value: Buying; label: string }[] = [
  { value: "auction", label: "Auction" },
  { value: "programmatic", label: "Programmatic" },
  { value: "direct", label: "Direct / IO" },
  { value: "offline", label: "Offline" },
];

/** The button that makes a move, named for what the buyer does. */
export function moveLabel(from: LineStatus, to: LineStatus): string {
  switch (to) {
    case "planned":
      return "Unbook";
    case "booked":
      return "Book";
    case "live":
      return from === "paused" ? "Resume" : "Go live";
    case "paused":
      return "Pause";
    case "ended":
      return "End";
  }
}

/** How many lines stand at each status, and how many the core calls ready. */
export function boardCounts(board: LaunchLine[]): Record<LineStatus, number> & { ready: number; overridden: number } {
  const counts = { planned: 0, booked: 0, live: 0, paused: 0, ended: 0, ready: 0, overridden: 0 };
  for (const l of board) {
    counts[l.status] += 1;
    if (l.ready) counts.ready += 1;
    if (l.override) counts.overridden += 1;
  }
  return counts;
}

/** A launch with the core's defaults left out; null when nothing is left but "planned". */
function tidy(l: Launch): Launch | null {
  const out: Launch = { status: l.status };
  if (l.tracking_verified) out.tracking_verified = true;
  if (l.naming_applied) out.naming_applied = true;
  if (l.budget_control) out.budget_control = l.budget_control;
  if (l.io_signed) out.io_signed = true;
  if (l.campaigns && l.campaigns.length > 0) out.campaigns = l.campaigns;
  if (l.override) out.override = l.override;
  return Object.keys(out).length === 1 && out.status === "planned" ? null : out;
}

function setLine(plan: Plan, id: string, change: (l: Line) => Line): Plan {
  return { ...plan, lines: plan.lines.map((l) => (l.id === id ? change(l) : l)) };
}

/** Change line `id`'s launch state (a checklist tick, the budget control). */
export function setLaunch(plan: Plan, id: string, change: (l: Launch) => Launch): Plan {
  return setLine(plan, id, (line) => {
    const next = tidy(change(line.launch ?? { status: "planned" }));
    const out = { ...line };
    if (next) out.launch = next;
    else delete out.launch;
    return out;
  });
}

/** Set how many of line `id`'s creative item `index` have been delivered. */
export function setDelivered(plan: Plan, id: string, index: number, delivered: number): Plan {
  return setLine(plan, id, (line) => ({
    ...line,
    creative: (line.creative ?? []).map((c, i) => {
      if (i !== index) return c;
      const out = { ...c };
      if (delivered > 0) out.delivered = delivered;
      else delete out.delivered;
      return out;
    }),
  }));
}

/** Set or clear how line `id` is bought. */
export function setBuying(plan: Plan, id: string, buying: Buying | ""): Plan {
  return setLine(plan, id, (line) => {
    const out = { ...line };
    if (buying) out.buying = buying;
    else delete out.buying;
    return out;
  });
}

/** Set or clear the plan's naming template (an empty template turns the convention off). */
export function setTemplate(plan: Plan, template: string): Plan {
  const t = template.trim();
  const monitoring = { ...(plan.monitoring ?? {}) } as Partial<MonitoringSettings>;
  if (t) monitoring.naming_template = t;
  else delete monitoring.naming_template;
  const out = { ...plan };
  if (Object.keys(monitoring).length > 0) out.monitoring = monitoring as MonitoringSettings;
  else delete out.monitoring;
  return out;
}

/** The tokens a naming template may use (the core's `naming::TOKENS`). */
export const NAMING_TOKENS = ["client", "brand", "plan", "channel", "vendor", "objective", "audience", "line", "yyyymm", "yyyy"];
