// The monitoring browser tests' plans (see ../scenarios.ts): each one's core answers are generated
// into core-fixtures.json by scripts/make-fixtures.ts, and the stage 6 answers the CLI gives for
// them (previews of real platform reports, other as-of days, the roll-forward) into
// ../monitoring-fixtures.json by scripts/make-monitoring-fixtures.ts.
//
// "monitored" is the sample plan three weeks into its flight (4–24 Jan 2027): weekly actuals per
// line, chosen so the core's recommendations cover scale (brand search beats its CPA), hold,
// cut (broad prospecting at 1.6× its CPA target), not enough data (retargeting, 21
// conversions) and over- and under-pacing; two January invoices and one learning.
//
// "brazil" is a São Paulo pest-control client's search plan in reais for May and June 2026, into
// which the tests import a real Portuguese Google Ads campaign report
// (../shared/platform-exports/real/googleads-ptbr-campanha-brl.csv).

import type { Actual, Launch, Plan } from "../../bindings";
import { addActual, assignCampaign, setActual } from "../../stages/monitor/edits";
import monitoring from "../monitoring-fixtures.json";

/** The real Google Ads export the import test previews (its campaigns match no line at first). */
/** Where the planner picked the Google Ads report in the open dialog (the fixtures read the
 * shared sample export under that name; see scripts/make-monitoring-fixtures.ts). */
export const GOOGLE_REPORT = "/home/planner/Downloads/google_ads_campaign_report_daily.csv";
/** The campaign the test assigns to a line, and the line. */
export const ASSIGN = { campaign: "Search - Brand - US", line: "google-brand" };

/** A real Portuguese Google Ads campaign report in reais, as the planner picked it. */
export const PT_REPORT = "/home/planner/Downloads/googleads-ptbr-campanha-brl.csv";
/** The Portuguese report's campaign the test assigns, and the line. */
export const PT_ASSIGN = { campaign: "[SEARCH][06.05.26]-BARATAS", line: "busca-baratas" };
/** A real Google Ads "All time" campaign report: no dates, so the planner gives its period. */
export const ALL_TIME_REPORT = "/home/planner/Downloads/googleads-intrago-campaign-alltime.csv";
/** A Meta ad-set export (campaign and ad set columns, Reporting starts/ends weeks, the summary
 * row): one campaign holding two lines' ad sets, assigned by ad set. */
export const ADSET_REPORT = "/home/planner/Downloads/meta-adsets-report.csv";

const WEEKS: [string, string][] = [
  ["2027-01-04", "2027-01-10"],
  ["2027-01-11", "2027-01-17"],
  ["2027-01-18", "2027-01-24"],
];
type Row = [spend: string, impressions: string, clicks?: string, conversions?: string, revenue?: string] | null;

function weekly(line: string, rows: Row[]): Actual[] {
  const out: Actual[] = [];
  rows.forEach((r, i) => {
    if (!r) return;
    const [spend, impressions, clicks, conversions, revenue] = r;
    const a: Actual = { line, start: WEEKS[i][0], end: WEEKS[i][1], spend, impressions };
    if (clicks !== undefined) a.clicks = clicks;
    if (conversions !== undefined) a.conversions = conversions;
    if (revenue !== undefined) a.revenue = revenue;
    out.push(a);
  });
  return out;
}

const LIVE: Launch = { status: "live", tracking_verified: true, naming_applied: true };

export function monitoredPlan(sample: Plan): Plan {
  const actuals: Actual[] = [
    ...weekly("google-brand", [
      ["1462.30", "10410", "1248", "131", "5240.00"],
      ["1518.75", "10980", "1301", "142", "5680.00"],
      ["1489.10", "10650", "1277", "138", "5520.00"],
    ]),
    ...weekly("google-generic", [
      ["4012.60", "81200", "1672", "128", "5120.00"],
      ["4188.20", "84950", "1745", "131", "5240.00"],
      ["4230.05", "86400", "1762", "139", "5560.00"],
    ]),
    ...weekly("meta-pros", [
      ["3010.40", "318900", "3390", "58"],
      ["2985.75", "315200", "3362", "61"],
      ["3042.90", "322100", "3431", "63"],
    ]),
    ...weekly("meta-rtg", [null, ["802.40", "57400", "1020", "9"], ["846.10", "60300", "1077", "12"]]),
    ...weekly("tiktok-spark", [
      ["1710.20", "262800", "2104", "21"],
      ["1695.80", "260900", "2089", "18"],
      ["1702.45", "261700", "2096", "24"],
    ]),
    ...weekly("youtube-instream", [
      ["2410.35", "268100"],
      ["2388.90", "265400"],
      ["2402.15", "267300"],
    ]),
    ...weekly("ctv-ttd", [
      ["3180.00", "99375"],
      ["3215.50", "100480"],
      ["3150.25", "98440"],
    ]),
  ];
  // Every line on air by 24 January is live (Morning Brew's first issue went out on the 18th).
  const live = new Set([...actuals.map((a) => a.line), "morningbrew-direct"]);
  return {
    ...sample,
    name: "Cold Brew Q1 — in flight",
    status: "live",
    lines: sample.lines.map((l) =>
      live.has(l.id)
        ? { ...l, launch: l.buying === "auction" ? { ...LIVE, budget_control: "cbo" } : l.buying === "direct" ? { status: "live", io_signed: true } : LIVE }
        : l,
    ),
    actuals,
    invoices: [
      { vendor: "Google", month: "2027-01", amount: "24610.00", number: "GA-2027-0131" },
      { vendor: "Meta", month: "2027-01", amount: "10687.55", number: "FB-88412" },
    ],
    learnings: [
      {
        date: "2027-01-18",
        line: "meta-pros",
        text: "Broad prospecting needs a fresh hook each week: CPA climbed once the launch video passed 4× frequency.",
      },
    ],
  };
}

/** The monitored plan after the planner assigns the report's brand campaign to brand search. */
export function assignedPlan(sample: Plan): Plan {
  return assignCampaign(monitoredPlan(sample), ASSIGN.line, ASSIGN.campaign);
}

/** The hand-entry test's edit: the third retargeting week's spend corrected. */
export const HAND_EDIT = { row: 10, field: "spend", value: "861.10" } as const;

/** The hand-entry test's new row: the newsletter's first five issues (Monday to Friday), as the
 * publisher reported them: a range, neither a day nor a week. */
export const HAND_ROW: Actual = { line: "morningbrew-direct", start: "2027-01-18", end: "2027-01-22", spend: "4000.00", impressions: "412000", clicks: "3560" };

/** The São Paulo search plan, live since early May 2026, in reais. */
export function brazilPlan(sample: Plan): Plan {
  const search = sample.lines.find((l) => l.id === "google-generic")!;
  const { min_budget: _min, response: _response, ...base } = search;
  const line = (id: string, name: string, budget: string, rate: string, target: string): Plan["lines"][number] => ({
    ...base,
    id,
    name,
    budget,
    rate,
    start: "2026-05-04",
    end: "2026-06-28",
    kpi: { kpi: "cpa", target },
    creative: [{ format: "Anúncios responsivos de pesquisa", count: 3, due: "2026-04-27" }],
    launch: { status: "live", tracking_verified: true, naming_applied: true, budget_control: "abo" },
  });
  return {
    ...sample,
    name: "Dedetização SP — maio e junho 2026",
    client: "Dedetizadora Paulista",
    brand: "Paulista Controle de Pragas",
    currency: "BRL",
    start: "2026-05-04",
    end: "2026-06-28",
    budget: "6000.00",
    target_audience: "Adultos 25–64, Grande São Paulo",
    status: "live",
    goal: { objective: "conversion", description: "Pedidos de orçamento pelo site", kpi: "cpa", target: "12.00" },
    competitors: [],
    notes: [],
    scenarios: [],
    lines: [line("busca-escorpiao", "Busca — Escorpião", "2400.00", "2.90", "10.00"), line("busca-baratas", "Busca — Baratas", "3600.00", "3.40", "12.00")],
  };
}

/** The São Paulo plan after the planner assigns the report's cockroach campaign to its line. */
export function brazilAssignedPlan(sample: Plan): Plan {
  return assignCampaign(brazilPlan(sample), PT_ASSIGN.line, PT_ASSIGN.campaign);
}

/** A plan with the core's complete actuals from a fixture preview, as "Import" commits them. */
function importedFrom(plan: Plan, scenario: string, path: string): Plan | null {
  const preview = monitoring.previews.find((p) => p.scenario === scenario && p.path === path && !("period" in p));
  return preview && "preview" in preview && preview.preview ? { ...plan, actuals: preview.preview.actuals as unknown as Actual[] } : null;
}

export function monitoringScenarios(sample: Plan): Record<string, Plan> {
  const monitored = monitoredPlan(sample);
  const assigned = assignedPlan(sample);
  const brazilAssigned = brazilAssignedPlan(sample);
  // "Import" commits the preview's complete actuals (the core's answer for the assigned plan).
  const imported = importedFrom(assigned, "monitorAssigned", GOOGLE_REPORT);
  const brazilImported = importedFrom(brazilAssigned, "brazilAssigned", PT_REPORT);
  return {
    monitored,
    monitorAssigned: assigned,
    ...(imported ? { monitorImported: imported } : {}),
    monitorHandEdited: setActual(monitored, HAND_EDIT.row, HAND_EDIT.field, HAND_EDIT.value),
    monitorHandAdded: addActual(monitored, HAND_ROW),
    brazil: brazilPlan(sample),
    brazilAssigned,
    ...(brazilImported ? { brazilImported } : {}),
  };
}
