// The six stages of a plan (four planning, two buying), what each needs before it is complete,
// and the KPIs that judge each funnel stage. Completion is about what has been filled in, never
// about money: every figure still comes from the core.

import type { Funnel, Kpi, Plan } from "../bindings";
import type { Finding, PlanView } from "../types";
import { isNonZero } from "../format";

export interface StageInfo {
  n: number;
  title: string;
  short: string;
  phase: "Planning" | "Buying";
}

export const STAGES: StageInfo[] = [
  { n: 1, title: "Goals & KPIs", short: "Goals", phase: "Planning" },
  { n: 2, title: "Audience & market", short: "Audience", phase: "Planning" },
  { n: 3, title: "Channels & split", short: "Channels", phase: "Planning" },
  { n: 4, title: "The plan", short: "Plan", phase: "Planning" },
  { n: 5, title: "Buy & launch", short: "Launch", phase: "Buying" },
  { n: 6, title: "Monitor & optimise", short: "Monitor", phase: "Buying" },
];

export interface Check {
  label: string;
  done: boolean;
}

/** What a stage needs, each item done or not. */
export function stageChecks(n: number, plan: Plan, view: PlanView): Check[] {
  const goal = plan.goal;
  const lines = plan.lines;
  switch (n) {
    case 1:
      return [
        { label: "Objective", done: !!goal?.objective },
        { label: "Primary KPI", done: !!goal?.kpi },
        { label: "KPI target", done: !!goal?.target && isNonZero(goal.target) },
        { label: "Budget", done: isNonZero(plan.budget) },
        { label: "Period", done: !!plan.start && !!plan.end },
      ];
    case 2:
      return [
        // A goal counted in people (reach, frequency, points) needs the people it counts.
        ...(goal?.kpi && AUDIENCE_KPIS.includes(goal.kpi) ? [{ label: "Target universe", done: !!plan.universe }] : []),
        { label: "Audience summary", done: !!plan.audience?.summary },
        { label: "At least one segment", done: (plan.audience?.segments?.length ?? 0) > 0 },
        { label: "Competitor evidence", done: (plan.competitors?.length ?? 0) > 0 },
      ];
    case 3:
      return [
        { label: "At least one channel", done: lines.length > 0 },
        { label: "Every line funded", done: lines.length > 0 && lines.every((l) => l.budget || l.share) },
        { label: "Budget fully allocated", done: lines.length > 0 && !isNonZero(view.totals.unallocated) },
      ];
    case 4:
      return [
        { label: "Lines on the plan", done: lines.length > 0 },
        { label: "Every line priced", done: lines.length > 0 && lines.every((l) => l.pricing === "flat" || !!l.rate) },
        { label: "A KPI per line", done: lines.length > 0 && lines.every((l) => !!l.kpi) },
        { label: "Creative listed", done: lines.length > 0 && lines.every((l) => (l.creative?.length ?? 0) > 0) },
      ];
    case 5:
      return [
        { label: "Naming convention", done: !!plan.monitoring?.naming_template },
        {
          label: "Creative delivered",
          done: lines.length > 0 && lines.every((l) => (l.creative ?? []).every((c) => (c.delivered ?? 0) >= c.count)),
        },
        { label: "Every line booked", done: lines.length > 0 && lines.every((l) => (l.launch?.status ?? "planned") !== "planned") },
        { label: "Lines live", done: lines.some((l) => ["live", "paused", "ended"].includes(l.launch?.status ?? "planned")) },
      ];
    case 6:
      return [
        { label: "Actuals recorded", done: (plan.actuals?.length ?? 0) > 0 },
        { label: "Invoices entered", done: (plan.invoices?.length ?? 0) > 0 },
        { label: "A learning logged", done: (plan.learnings?.length ?? 0) > 0 },
      ];
    default:
      return [];
  }
}

/** Primary KPIs counted on the target audience's universe. */
export const AUDIENCE_KPIS: Kpi[] = ["reach", "effective_reach", "frequency", "grps", "cpp"];

export function findingsFor(stage: number, findings: Finding[]): Finding[] {
  return findings.filter((f) => f.stage === stage);
}

export const FUNNEL: { value: Funnel; label: string }[] = [
  { value: "awareness", label: "Awareness" },
  { value: "consideration", label: "Consideration" },
  { value: "conversion", label: "Conversion" },
  { value: "retention", label: "Retention" },
];

export const KPI_LABEL: Record<Kpi, string> = {
  reach: "Reach",
  frequency: "Frequency",
  cpm: "CPM",
  video_views: "Video views",
  cpv: "CPV",
  ctr: "CTR",
  cpc: "CPC",
  engagement: "Engagement",
  cpa: "CPA",
  roas: "ROAS",
  cpi: "CPI",
  cac: "CAC",
  repeat_rate: "Repeat rate",
  ltv: "LTV",
  grps: "GRPs",
  cpp: "CPP",
  effective_reach: "Reach at N+",
};

/** The KPIs that judge each funnel stage (the domain brief's mistake 2; the core's `Kpi::fits`). */
export const KPIS_FOR: Record<Funnel, Kpi[]> = {
  awareness: ["reach", "effective_reach", "frequency", "cpm", "video_views", "cpv", "grps", "cpp"],
  consideration: ["ctr", "cpc", "engagement", "video_views", "cpv"],
  conversion: ["cpa", "roas", "cpi", "cac"],
  retention: ["repeat_rate", "ltv", "roas"],
};

export const ALL_KPIS = Object.keys(KPI_LABEL) as Kpi[];

export function kpiFits(kpi: Kpi, stage: Funnel): boolean {
  return KPIS_FOR[stage].includes(kpi);
}
