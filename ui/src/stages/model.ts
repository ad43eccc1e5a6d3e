// The six stages of a plan (four planning, two buying) and the KPIs that judge each funnel stage.
// What each stage needs and whether it is complete are the core's (`PlanView.stages`).

import type { Funnel, Kpi, KpiUnit } from "../bindings";
import { KPIS } from "../bindings/rules";
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

export function findingsFor(stage: number, findings: Finding[]): Finding[] {
  return findings.filter((f) => f.stage === stage);
}

export const FUNNEL: { value: Funnel; label: string }[] = [
  { value: "awareness", label: "Awareness" },
  { value: "consideration", label: "Consideration" },
  { value: "conversion", label: "Conversion" },
  { value: "retention", label: "Retention" },
];

/** The KPIs, their labels and the funnel stages each judges are the core's (`catalogue::kpis`,
 * generated into `bindings/rules.ts`); these are only lookups over that table. */
export const ALL_KPIS: Kpi[] = KPIS.map((k) => k.kpi);

export const KPI_LABEL = Object.fromEntries(KPIS.map((k) => [k.kpi, k.label])) as Record<Kpi, string>;

/** What each KPI's value is counted in (money, a fraction shown as a percent, a multiple...). */
export const KPI_UNIT = Object.fromEntries(KPIS.map((k) => [k.kpi, k.unit])) as Record<Kpi, KpiUnit>;

/** Primary KPIs counted on the target audience's universe. */
export const AUDIENCE_KPIS: Kpi[] = KPIS.filter((k) => k.on_audience).map((k) => k.kpi);

/** The KPIs that judge each funnel stage (the domain brief's mistake 2; the core's `Kpi::fits`). */
export const KPIS_FOR = Object.fromEntries(
  FUNNEL.map(({ value }) => [value, KPIS.filter((k) => k.fits.includes(value)).map((k) => k.kpi)]),
) as Record<Funnel, Kpi[]>;

export function kpiFits(kpi: Kpi, stage: Funnel): boolean {
  return KPIS_FOR[stage].includes(kpi);
}
