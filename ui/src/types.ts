// The shapes that cross the IPC boundary, exactly as the Rust commands serialise them.
// Every decimal is a string (exact, computed by the core); the UI renders, never computes.

/** A decimal as exact text, e.g. "18000.00". */
export type Dec = string;

export type PlanStatus = "draft" | "proposed" | "approved" | "live" | "closed";
export type Pricing = "cpm" | "cpc" | "cpa" | "cpv" | "cpp" | "flat";
export type NumberStyle = "1,234.56" | "1.234,56" | "1 234,56";
export type Severity = "error" | "warning" | "info";

/** One row of the library (flightplan-store's PlanSummary). */
export interface PlanSummary {
  id: number;
  name: string;
  client: string;
  brand: string;
  status: PlanStatus | string;
  currency: string;
  start: string;
  end: string;
  budget: Dec;
  created_at: string;
  updated_at: string;
  deleted_at?: string;
}

/** The `flightplan/1` plan document. Only the fields the UI reads are typed; the rest pass through. */
export interface PlanFile {
  format: string;
  name: string;
  client: string;
  brand?: string;
  currency: string;
  start: string;
  end: string;
  budget: Dec;
  status?: PlanStatus;
  version?: number;
  prepared_by?: string;
  last_reviewed?: string;
  goal?: {
    objective: string;
    description?: string;
    kpi?: string;
    target?: Dec;
  };
  audience?: { summary?: string };
  settings?: { number_style?: NumberStyle; calendar?: string };
  [field: string]: unknown;
}

export interface MonthBand {
  year: number;
  month: number;
  label: string;
  first_week: number;
  weeks: number;
}

export interface LineWeek {
  week_start: string;
  net: Dec;
  /** Inside the flight but with no spend. */
  hiatus: boolean;
}

export interface LineView {
  id: string;
  channel: string;
  name: string;
  pricing: Pricing;
  rate: Dec | null;
  net: Dec;
  share_pct: Dec;
  impressions: Dec | null;
  clicks: Dec | null;
  conversions: Dec | null;
  views: Dec | null;
  grps: Dec | null;
  agency_commission: Dec;
  ad_serving: Dec;
  tech_fee: Dec;
  fees: Dec;
  gross: Dec;
  weeks: LineWeek[];
}

export interface Totals {
  budget: Dec;
  net: Dec;
  net_media: Dec;
  share_pct: Dec;
  impressions: Dec | null;
  clicks: Dec | null;
  conversions: Dec | null;
  views: Dec | null;
  grps: Dec | null;
  agency_commission: Dec;
  ad_serving: Dec;
  tech_fee: Dec;
  fees: Dec;
  gross: Dec;
  /** Budget − net media: positive is unplaced money, negative is over-allocation. */
  unallocated: Dec;
  weeks: LineWeek[];
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** The stage (1–6) where the planner fixes it. */
  stage: number;
  line?: string;
  fix: string;
}

/** The costed plan, as the core computes it. */
export interface PlanView {
  currency: string;
  minor_units: number;
  /** Monday of every week on the flowchart, YYYY-MM-DD. */
  weeks: string[];
  months: MonthBand[];
  lines: LineView[];
  totals: Totals;
  findings: Finding[];
}

export interface PlanDocument {
  id: number;
  plan: PlanFile;
  view: PlanView;
}

/** Every error from a command: a stable code and plain words, maybe the field and line. */
export interface CommandErrorBody {
  code: string;
  message: string;
  path?: string;
  line?: string;
}
