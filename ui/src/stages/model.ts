// The six stages of a plan (four planning, two buying) and the KPIs that judge each funnel stage.
// What each stage needs and whether it is complete are the core's (`PlanView.stages`).

import type { Funnel, Kpi } from "../bindings";
import type { Finding } from "../types";

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
