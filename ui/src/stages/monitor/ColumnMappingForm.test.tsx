import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import fixtures from "../../test/core-fixtures.json";
import monitoring from "../../test/monitoring-fixtures.json";
import { canonical } from "../../test/canonical";
import type { Plan } from "../../bindings";
import { loadMapping, MAPPING_KEY, missingColumns, saveMapping, toMapping } from "./ColumnMappingForm";
import { ImportActuals } from "./ImportActuals";
import { errorMessage } from "../../errors";

type Entry = { scenario: string; path: string; mapping?: unknown; preview?: unknown; error?: unknown };
const mapped = (monitoring.previews as Entry[]).filter((p) => p.scenario === "monitored" && p.mapping);
const good = mapped.find((p) => p.preview)!;
const wrong = mapped.find((p) => p.error)!;

// preview_actuals answered from the CLI's fixtures, by path and the exact mapping sent.
vi.mock("../../api", async (orig) => {
  const real = await orig<typeof import("../../api")>();
  return {
    ...real,
    api: {
      // The shell's open dialog picks the agency report; previews read it by its number.
      chooseReport: vi.fn(async () => ({ report: 0, file: good.path.split("/").pop() })),
      previewActuals: vi.fn(async (_plan: unknown, report: number, platform: string, mapping?: unknown) => {
        const path = [good.path][report];
        const p = (monitoring.previews as Entry[]).find((x) => x.path === path && canonical(x.mapping ?? null) === canonical(mapping ?? null));
        if (!p || platform !== "mapped") throw real.toCommandError({ code: "no_fixture", message: `no preview for ${canonical(mapping ?? null)}` });
        if (p.error) throw real.toCommandError(p.error);
        return p.preview;
      }),
    },
  };
});

const plan = fixtures.scenarios.find((s) => s.name === "monitored")!.plan as unknown as Plan;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("column mapping", () => {
  it("starts empty in the plan's currency and sends only the columns named", () => {
    const form = loadMapping("EUR");
    expect(form).toMatchObject({ date: "", campaign: "", ad_set: "", ad: "", spend: "", currency: "EUR" });
    expect(toMapping(form)).toBeNull();
    expect(missingColumns(form)).toBe("a campaign, ad set or ad column and the spend column");
    expect(missingColumns({ ...form, spend: "Cost" })).toBe("a campaign, ad set or ad column");
    expect(missingColumns({ ...form, ad: "Ad name" })).toBe("the spend column");
    const filled = { ...form, date: " Day ", campaign: "Campaign", spend: "Cost", clicks: "Clicks", currency: "usd" };
    expect(missingColumns(filled)).toBeNull();
    expect(toMapping(filled)).toEqual({ date: "Day", campaign: "Campaign", spend: "Cost", clicks: "Clicks", currency: "USD" });
    // An ad-set report for one period: no campaign and no date column.
    const adSets = { ...form, ad_set: "Ad group", ad: " Ad ", spend: "Cost" };
    expect(toMapping(adSets)).toEqual({ ad_set: "Ad group", ad: "Ad", spend: "Cost", currency: "EUR" });
  });

  it("prefills from the saved mapping and ignores unreadable storage", () => {
    saveMapping({ date: "Day", campaign: "Campaign", spend: "Cost", revenue: "Sales", currency: "GBP" });
    expect(JSON.parse(localStorage.getItem(MAPPING_KEY)!)).toEqual({ date: "Day", campaign: "Campaign", spend: "Cost", revenue: "Sales", currency: "GBP" });
    expect(loadMapping("USD")).toEqual({
      date: "Day",
      campaign: "Campaign",
      ad_set: "",
      ad: "",
      spend: "Cost",
      impressions: "",
      clicks: "",
      conversions: "",
      revenue: "Sales",
      currency: "GBP",
    });
    localStorage.setItem(MAPPING_KEY, "{not json");
    expect(loadMapping("USD").date).toBe("");
    localStorage.setItem(MAPPING_KEY, JSON.stringify({ date: 4, spend: "Cost" }));
    expect(loadMapping("USD")).toMatchObject({ date: "", spend: "Cost", currency: "USD" });
  });

  it("saves the mapping only once a preview with it succeeds, and says so", async () => {
    render(<ImportActuals plan={plan} edit={() => {}} />);
    fireEvent.change(screen.getByLabelText("Report platform"), { target: { value: "mapped" } });
    const choose = screen.getByRole("button", { name: "Choose report…" });
    expect((choose as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>("File's currency").value).toBe(plan.currency);

    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(`${label} column`), { target: { value } });
    const m = wrong.mapping as Record<string, string>;
    type("Date", m.date);
    type("Campaign", m.campaign);
    type("Spend", m.spend);
    fireEvent.click(choose);
    const said = errorMessage(wrong.error as { message: string });
    expect(await screen.findByText((_, el) => el?.classList.contains("error-message") === true && (el.textContent ?? "").endsWith(said))).toBeTruthy();
    expect(localStorage.getItem(MAPPING_KEY)).toBeNull();
    expect(screen.queryByText("Mapping saved for next time.")).toBeNull();

    const g = good.mapping as Record<string, string>;
    for (const [key, label] of Object.entries({ date: "Date", campaign: "Campaign", spend: "Spend", impressions: "Impressions", clicks: "Clicks", conversions: "Conversions", revenue: "Revenue" })) type(label, g[key]);
    fireEvent.click(screen.getByRole("button", { name: "Read agency-report.csv again" }));
    const preview = await screen.findByTestId("import-preview");
    const want = good.preview as { added: unknown[]; unmatched: { campaign: string }[] };
    expect(within(preview).getByTestId("preview-added").textContent).toBe(`${want.added.length} rows to add`);
    expect(within(preview).getByText(want.unmatched[0].campaign)).toBeTruthy();
    await waitFor(() => expect(screen.getByText("Mapping saved for next time.")).toBeTruthy());
    expect(JSON.parse(localStorage.getItem(MAPPING_KEY)!)).toEqual(good.mapping);
  });
});
