import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import fixtures from "../../test/core-fixtures.json";
import monitoring from "../../test/monitoring-fixtures.json";
import { canonical } from "../../test/canonical";
import type { ActualsPreview, Plan } from "../../bindings";
import { ImportActuals, suggestedPeriod } from "./ImportActuals";
import { errorMessage } from "../../errors";

type Entry = { scenario: string; path: string; mapping?: unknown; period?: string; dates?: string; preview?: unknown; error?: unknown };
const previews = monitoring.previews as Entry[];
const PT = "/home/planner/Downloads/googleads-ptbr-campanha-brl.csv";
const ALL_TIME = "/home/planner/Downloads/googleads-intrago-campaign-alltime.csv";
const ADSETS = "/home/planner/Downloads/meta-adsets-report.csv";
const UK = "/home/planner/Downloads/google-ads-uk-daily.csv";
const scenario = (n: string) => fixtures.scenarios.find((s) => s.name === n)!;
const entry = (name: string, path: string, period?: string) => previews.find((p) => p.scenario === name && p.path === path && p.period === period)!;

// The shell's open dialog answers with the next path pushed here; previews read the file by its
// number, answered from the CLI's fixtures by plan, path and the period sent.
const picks: string[] = [];
const chosen: string[] = [];
const sent: { report: number; platform: string; period?: { start: string; end: string }; dates?: string }[] = [];
vi.mock("../../api", async (orig) => {
  const real = await orig<typeof import("../../api")>();
  return {
    ...real,
    api: {
      chooseReport: vi.fn(async () => {
        const path = picks.shift()!;
        chosen.push(path);
        return { report: chosen.length - 1, file: path.split("/").pop() };
      }),
      previewActuals: vi.fn(async (plan: unknown, report: number, platform: string, mapping?: unknown, period?: { start: string; end: string }, dates?: string) => {
        sent.push({ report, platform, period, ...(dates ? { dates } : {}) });
        const name = fixtures.scenarios.find((s) => s.key === canonical(plan))?.name;
        const wanted = period ? `${period.start}..${period.end}` : undefined;
        const p = previews.find((x) => x.scenario === name && x.path === chosen[report] && !x.mapping && !mapping && x.period === wanted && x.dates === dates);
        if (!p) throw real.toCommandError({ code: "no_fixture", message: `no preview of ${chosen[report]} for ${name} (${wanted})` });
        if (p.error) throw real.toCommandError(p.error);
        return p.preview;
      }),
    },
  };
});

beforeEach(() => {
  picks.length = 0;
  chosen.length = 0;
  sent.length = 0;
});
afterEach(cleanup);

/** Render the import tab for a scenario's plan; edits go to `plans`. */
function open(name: string, plans: Plan[] = [], reviewDay?: string) {
  const plan = scenario(name).plan as unknown as Plan;
  render(<ImportActuals plan={plan} edit={(change) => plans.push(change(plan))} reviewDay={reviewDay} />);
  return plan;
}

describe("importing a platform report", () => {
  it("offers every platform the core reads, and detecting it from the file", () => {
    open("monitored");
    const options = [...screen.getByLabelText<HTMLSelectElement>("Report platform").options].map((o) => o.value);
    expect(options).toEqual(["auto", "google", "meta", "tiktok", "linkedin", "microsoft", "amazon", "snapchat", "pinterest", "mapped"]);
  });

  it("shows what a Portuguese Google Ads report held: its dialect, period, rows and totals as the core read them", async () => {
    open("brazil");
    picks.push(PT);
    fireEvent.click(screen.getByText("Choose report…"));
    const preview = await screen.findByTestId("import-preview");
    const want = entry("brazil", PT).preview as ActualsPreview;
    expect(want.dialect?.label).toBe("Google Ads (pt)");
    expect(screen.getByTestId("preview-dialect").textContent).toBe("Google Ads (pt)");
    expect(screen.getByTestId("preview-period").textContent).toBe("5 May – 15 May 2026");
    expect(screen.getByTestId("preview-rows-read").textContent).toBe("3");
    expect(screen.getByTestId("preview-currency").textContent).toBe("BRL");
    // The .source.txt's totals of the data rows, formatted from the core's strings.
    expect(want.totals).toEqual({ spend: "118.99", impressions: "519", clicks: "34", conversions: "14.00" });
    expect(screen.getByTestId("report-total-spend").textContent).toBe("R$118.99");
    expect(screen.getByTestId("report-total-impressions").textContent).toBe("519");
    expect(screen.getByTestId("report-total-clicks").textContent).toBe("34");
    expect(screen.getByTestId("report-total-conversions").textContent).toBe("14.00");
    expect(preview.querySelector(".skipped summary")!.textContent).toBe("5 file lines left out");
    expect(preview.querySelectorAll(".unmatched-table tbody tr")).toHaveLength(3);
    expect(screen.queryByTestId("preview-warnings")).toBeNull();
    expect(sent[0]).toEqual({ report: 0, platform: "auto", period: undefined });
  });

  it("asks for the period of a report without dates, prefilled with the plan up to the review day, and reads it again", async () => {
    const plan = open("monitored", [], "2027-01-24");
    picks.push(ALL_TIME);
    fireEvent.click(screen.getByText("Choose report…"));
    const ask = await screen.findByTestId("no-period");
    expect(ask.textContent).toContain(errorMessage(entry("monitored", ALL_TIME).error as { message: string }));
    expect(screen.queryByTestId("import-preview")).toBeNull();
    const start = screen.getByLabelText<HTMLInputElement>("Report period start");
    const end = screen.getByLabelText<HTMLInputElement>("Report period end");
    expect([start.dataset.date, end.dataset.date]).toEqual([plan.start, "2027-01-24"]);
    expect(end.value).toBe("24 Jan 2027");
    const read = within(ask).getByRole<HTMLButtonElement>("button", { name: "Read googleads-intrago-campaign-alltime.csv again" });
    fireEvent.change(end, { target: { value: "2027-01-01" } });
    expect(read.disabled).toBe(true);
    expect(ask.textContent).toContain("The period ends before it starts.");
    fireEvent.change(end, { target: { value: "2027-01-24" } });
    fireEvent.click(read);
    await screen.findByTestId("import-preview");
    expect(sent[sent.length - 1]).toEqual({ report: 0, platform: "auto", period: { start: "2027-01-04", end: "2027-01-24" } });
    const want = entry("monitored", ALL_TIME, "2027-01-04..2027-01-24").preview as ActualsPreview;
    expect(screen.getByTestId("preview-period").textContent).toBe("4 Jan – 24 Jan 2027 (as you gave it)Change");
    expect(screen.getByTestId("report-total-spend").textContent).toBe("$199,421.15");
    expect(screen.getByTestId("report-total-impressions").textContent).toBe("14,117,313");
    expect(screen.getByTestId("report-total-conversions").textContent).toBe(want.totals.conversions!.replace(/\B(?=(\d{3})+\.)/g, ","));
    expect(screen.queryByTestId("no-period")).toBeNull();
    // "Change" offers the picker again with the period given.
    fireEvent.click(within(screen.getByTestId("preview-period")).getByText("Change"));
    expect(screen.getByLabelText<HTMLInputElement>("Report period end").dataset.date).toBe("2027-01-24");
  });

  it("keeps the period picker open when the core refuses the period given", async () => {
    const { api, toCommandError } = await import("../../api");
    open("monitored", [], "2027-01-24");
    picks.push(ALL_TIME);
    fireEvent.click(screen.getByText("Choose report…"));
    await screen.findByTestId("no-period");
    fireEvent.change(screen.getByLabelText("Report period start"), { target: { value: "2010-01-01" } });
    const refusal = { code: "bad_period", message: "the period 2010-01-01 to 2027-01-24 is longer than ten years", path: "period" };
    vi.mocked(api.previewActuals).mockRejectedValueOnce(toCommandError(refusal));
    fireEvent.click(screen.getByRole("button", { name: /^Read .* again$/ }));
    await waitFor(() => expect(screen.getByTestId("no-period").textContent).toContain(errorMessage(refusal)));
    expect(screen.getByLabelText<HTMLInputElement>("Report period start").dataset.date).toBe("2010-01-01");
    expect(screen.queryByText("Nothing was imported")).toBeNull();
  });

  it("assigns one ad set of an unmatched campaign to a line, and shows the file's own total disagreeing", async () => {
    const plans: Plan[] = [];
    open("monitored", plans);
    picks.push(ADSETS);
    fireEvent.click(screen.getByText("Choose report…"));
    const preview = await screen.findByTestId("import-preview");
    const want = entry("monitored", ADSETS).preview as ActualsPreview;
    const u = want.unmatched[0];
    expect(u.ad_sets).toEqual(["Broad 25-44 | Prospecting", "Site visitors 30d | Retargeting"]);
    const warnings = screen.getByTestId("preview-warnings");
    expect(warnings.textContent).toBe(`Line ${want.warnings[0].line}: ${want.warnings[0].message}`);
    expect(screen.getByTestId("report-total-spend").textContent).toBe("$6,251.95");

    const row = preview.querySelector(`tr[data-campaign="${u.campaign}"]`) as HTMLElement;
    expect(within(row).getByTestId("unmatched-ad-sets").textContent).toBe("Ad sets: Broad 25-44 | Prospecting · Site visitors 30d | Retargeting");
    fireEvent.change(within(row).getByLabelText(`Name to assign from ${u.campaign}`), { target: { value: "Site visitors 30d | Retargeting" } });
    fireEvent.change(within(row).getByLabelText(`Line for ${u.campaign}`), { target: { value: "meta-rtg" } });
    fireEvent.click(within(row).getByText("Assign"));
    expect(plans).toHaveLength(1);
    expect(plans[0].lines.find((l) => l.id === "meta-rtg")!.launch!.campaigns).toEqual(["Site visitors 30d | Retargeting"]);
    // The whole campaign is the other choice.
    fireEvent.change(within(row).getByLabelText(`Name to assign from ${u.campaign}`), { target: { value: u.campaign } });
    fireEvent.change(within(row).getByLabelText(`Line for ${u.campaign}`), { target: { value: "meta-pros" } });
    fireEvent.click(within(row).getByText("Assign"));
    await waitFor(() => expect(plans).toHaveLength(2));
    expect(plans[1].lines.find((l) => l.id === "meta-pros")!.launch!.campaigns).toEqual([u.campaign]);
  });

  it("says which way a UK report's dates were read, and reads it again month first when the planner says so", async () => {
    open("monitored");
    picks.push(UK);
    fireEvent.click(screen.getByText("Choose report…"));
    await screen.findByTestId("import-preview");
    const order = screen.getByLabelText<HTMLSelectElement>("Date order in the report");
    expect(order.value).toBe("day_first");
    expect(screen.getByTestId("preview-dates").textContent).toContain("“01/09/2025” is 1 Sep 2025, not 9 Jan 2025: read so, the dates run day after day");
    expect(screen.getByTestId("preview-period").textContent).toBe("1 Sep – 7 Sep 2025");

    fireEvent.change(order, { target: { value: "month_first" } });
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>("Date order in the report").value).toBe("month_first"));
    expect(sent[sent.length - 1]).toEqual({ report: 0, platform: "auto", period: undefined, dates: "month_first" });
    expect(screen.getByTestId("preview-dates").textContent).toContain("“01/09/2025” is 9 Jan 2025, not 1 Sep 2025: as you chose");
    expect(screen.getByTestId("preview-period").textContent).toBe("9 Jan – 9 Jul 2025");
  });

  it("suggests the plan's first day to the review day, or the whole plan before it starts", () => {
    const plan = scenario("monitored").plan as unknown as Plan;
    expect(suggestedPeriod(plan, "2027-01-24")).toEqual({ start: "2027-01-04", end: "2027-01-24" });
    expect(suggestedPeriod(plan, "2027-01-04")).toEqual({ start: "2027-01-04", end: "2027-03-28" });
    expect(suggestedPeriod(plan)).toEqual({ start: "2027-01-04", end: "2027-03-28" });
    expect(suggestedPeriod(plan, "2027-06-01")).toEqual({ start: "2027-01-04", end: "2027-03-28" });
  });
});
