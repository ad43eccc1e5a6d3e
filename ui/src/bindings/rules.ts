// Generated from the core's rules by flightplan's bindings tests (UPDATE_BINDINGS=1). Do not edit.
import type { KpiInfo } from "./KpiInfo";

/** Every KPI in the order a planner picks from, with its label, unit and funnel fit (`catalogue::kpis`). */
export const KPIS: readonly KpiInfo[] = [
  {"kpi":"reach","label":"Reach","unit":"percent","fits":["awareness"],"on_audience":true},
  {"kpi":"frequency","label":"Frequency","unit":"count","fits":["awareness"],"on_audience":true},
  {"kpi":"cpm","label":"CPM","unit":"money","fits":["awareness"],"on_audience":false},
  {"kpi":"video_views","label":"Video views","unit":"count","fits":["awareness","consideration"],"on_audience":false},
  {"kpi":"cpv","label":"CPV","unit":"money","fits":["awareness","consideration"],"on_audience":false},
  {"kpi":"ctr","label":"CTR","unit":"fraction","fits":["consideration"],"on_audience":false},
  {"kpi":"cpc","label":"CPC","unit":"money","fits":["consideration"],"on_audience":false},
  {"kpi":"engagement","label":"Engagement","unit":"count","fits":["consideration"],"on_audience":false},
  {"kpi":"cpa","label":"CPA","unit":"money","fits":["conversion"],"on_audience":false},
  {"kpi":"roas","label":"ROAS","unit":"multiple","fits":["conversion","retention"],"on_audience":false},
  {"kpi":"cpi","label":"CPI","unit":"money","fits":["conversion"],"on_audience":false},
  {"kpi":"cac","label":"CAC","unit":"money","fits":["conversion"],"on_audience":false},
  {"kpi":"repeat_rate","label":"Repeat rate","unit":"fraction","fits":["retention"],"on_audience":false},
  {"kpi":"ltv","label":"LTV","unit":"money","fits":["retention"],"on_audience":false},
  {"kpi":"grps","label":"GRPs","unit":"count","fits":["awareness"],"on_audience":true},
  {"kpi":"cpp","label":"CPP","unit":"money","fits":["awareness"],"on_audience":true},
  {"kpi":"effective_reach","label":"Reach at N+","unit":"percent","fits":["awareness"],"on_audience":true},
];

/** Days a competitor's ad must have run to count as proven (`timeline::PROVEN_DAYS`). */
export const PROVEN_DAYS = 90;
