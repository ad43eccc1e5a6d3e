import { describe, expect, it } from "vitest";
import fixtures from "../../test/core-fixtures.json";
import type { Plan } from "../../bindings";
import { addActual, addInvoice, addLearning, assignCampaign, removeActual, removeInvoice, removeLearning, setActual, setInvoice, vendors } from "./edits";

const monitored = fixtures.scenarios.find((s) => s.name === "monitored")!.plan as unknown as Plan;

describe("stage 6 plan edits", () => {
  it("assigns a report's campaign to a line, starting its launch record when it has none", () => {
    const bare = { ...monitored, lines: monitored.lines.map((l) => ({ ...l, launch: undefined })) } as Plan;
    const once = assignCampaign(bare, "google-brand", "Search - Brand - US");
    expect(once.lines[0].launch).toEqual({ status: "planned", campaigns: ["Search - Brand - US"] });
    const twice = assignCampaign(assignCampaign(once, "google-brand", "Brand — exact"), "google-brand", "Search - Brand - US");
    expect(twice.lines[0].launch?.campaigns).toEqual(["Search - Brand - US", "Brand — exact"]);
    // A live line keeps its checklist and status.
    const live = assignCampaign(monitored, "google-brand", "X");
    expect(live.lines[0].launch).toMatchObject({ status: "live", tracking_verified: true, campaigns: ["X"] });
    expect(live.lines[1]).toBe(monitored.lines[1]);
  });

  it("edits an actual's field, and an emptied measure leaves the row", () => {
    const p = setActual(monitored, 0, "clicks", "1300");
    expect(p.actuals![0].clicks).toBe("1300");
    const q = setActual(p, 0, "revenue", "");
    expect("revenue" in q.actuals![0]).toBe(false);
    expect(q.actuals![0].spend).toBe(monitored.actuals![0].spend);
    expect(monitored.actuals![0].clicks).toBe("1248");
  });

  it("keeps a day's row a day when its start moves, and leaves a range's end where it is", () => {
    const day = addActual(monitored, { line: "google-brand", start: "2027-01-20", end: "2027-01-20", spend: "210.00" });
    const i = day.actuals!.length - 1;
    const moved = setActual(day, i, "start", "2027-01-21");
    expect(moved.actuals![i]).toMatchObject({ start: "2027-01-21", end: "2027-01-21" });
    // A week's row (the monitored plan's first) keeps its Sunday; the core refuses an end before the start.
    expect(monitored.actuals![0]).toMatchObject({ start: "2027-01-04", end: "2027-01-10" });
    const later = setActual(monitored, 0, "start", "2027-01-05");
    expect(later.actuals![0]).toMatchObject({ start: "2027-01-05", end: "2027-01-10" });
    const longer = setActual(monitored, 0, "end", "2027-01-17");
    expect(longer.actuals![0]).toMatchObject({ start: "2027-01-04", end: "2027-01-17" });
  });

  it("removes rows, invoices and learnings, and an emptied list leaves the plan", () => {
    expect(removeActual(monitored, 0).actuals).toHaveLength(monitored.actuals!.length - 1);
    const one = { ...monitored, learnings: [monitored.learnings![0]] };
    expect("learnings" in removeLearning(one, 0)).toBe(false);
    const noInvoices = removeInvoice(removeInvoice(monitored, 1), 0);
    expect("invoices" in noInvoices).toBe(false);
  });

  it("adds and edits invoices, and lists the vendors the core reconciles by", () => {
    const p = addInvoice(monitored, { vendor: "TikTok", month: "2027-01", amount: "5108.45" });
    expect(p.invoices![p.invoices!.length - 1]).toEqual({ vendor: "TikTok", month: "2027-01", amount: "5108.45" });
    const q = setInvoice(setInvoice(p, 2, "number", "TT-1"), 2, "number", "");
    expect("number" in q.invoices![2]).toBe(false);
    expect(vendors(monitored)).toEqual(["Google", "Meta", "TikTok", "The Trade Desk", "Morning Brew", "iHeartMedia"]);
    const r = addLearning(monitored, { date: "2027-01-24", text: "Brand search has headroom." });
    expect(r.learnings).toHaveLength(2);
  });
});
