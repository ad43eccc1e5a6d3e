import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { api } from "../api";
import type { Line, Plan } from "../bindings";
import { ChannelCatalogue, entryUnits, lineFromEntry } from "./ChannelCatalogue";
import { ChannelsStage, fundingOf } from "./ChannelsStage";
import { forgetCatalogues } from "./catalogue";
import { catalogueFor, reachScenario } from "../test/reach";

afterEach(cleanup);
beforeEach(() => {
  forgetCatalogues();
  vi.restoreAllMocks();
});

const rs = reachScenario("reach.roadSafety");
const catalogue = catalogueFor("37500000");
const entry = (channel: string, name: string) => catalogue.channels.find((e) => e.channel === channel && e.name === name)!;

describe("lines from the core's catalogue", () => {
  it("a TV line takes the entry's CPP priced on the universe, its spot length and dayparts, at a 0% share", () => {
    const line = lineFromEntry(rs.plan, entry("Linear TV", "National spots — CPP"), "11250.00");
    expect(line).toEqual({
      id: "line-5",
      channel: "Linear TV",
      name: "National spots — CPP",
      medium: "tv",
      demand: "creation",
      role: "awareness",
      buying: "offline",
      pricing: "cpp",
      rate: "11250.00",
      spot_length: 30,
      dayparts: [
        { name: "Prime", share: "50" },
        { name: "Early fringe", share: "20" },
        { name: "Late fringe", share: "20" },
        { name: "Daytime", share: "10" },
      ],
      start: rs.plan.start,
      end: rs.plan.end,
      share: "0",
    });
  });

  it("billboards book the entry's faces and newspapers its insertions and readership, so they cost units × rate", () => {
    const ooh = lineFromEntry(rs.plan, entry("Out of home", "Billboards — per face per week"), "2500.00");
    expect(ooh).toMatchObject({ medium: "ooh", pricing: "per_face_week", rate: "2500.00", faces: 20 });
    expect(ooh.share).toBeUndefined();
    expect(fundingOf(ooh)).toBe("faces");
    const print = lineFromEntry(rs.plan, entry("Print", "Newspaper — full page"), "24,000");
    expect(print).toMatchObject({ medium: "print", pricing: "per_insertion", rate: "24000", insertions: 4, readership: "1200000" });
    expect(fundingOf(print)).toBe("insertions");
    // The core costs the billboards as added: 20 faces × 3 weeks × $2,500.
    const added = reachScenario("reach.billboards").view!.lines.find((l) => l.channel === "Out of home")!;
    expect([added.net, added.unit, added.units]).toEqual(["150000.00", "faces", "20"]);
  });

  it("words each entry's units", () => {
    expect(entryUnits(entry("Radio", "Drive time spots — CPP"))).toEqual({ main: "30s spots", sub: "Morning drive 50% · Afternoon drive 50%" });
    expect(entryUnits(entry("Cinema", "Screens — per screen per week"))).toEqual({ main: "100 screens a week" });
    expect(entryUnits(entry("Print", "Magazine — full page"))).toEqual({ main: "4 insertions", sub: "2,500,000 readers each" });
    expect(entryUnits(entry("Google Ads", "Search — Brand"))).toBeNull();
  });

  it("lists TV, radio, out of home, print and cinema first for a reach goal, and adds the line on Add", () => {
    const onAdd = vi.fn<(line: Line) => void>();
    render(<ChannelCatalogue plan={rs.plan} catalogue={catalogue} currency="USD" onAdd={onAdd} />);
    const groups = Array.from(document.querySelectorAll("tr.catalogue-group")).map((g) => g.textContent);
    expect(groups).toEqual(["TV, radio, out of home, print and cinema", "Digital"]);
    const media = new Set(Array.from(document.querySelectorAll("tbody tr[data-medium]")).map((r) => r.getAttribute("data-medium")));
    for (const m of ["tv", "radio", "ooh", "print", "cinema"]) expect(media.has(m)).toBe(true);
    const row = screen.getByRole("rowheader", { name: /Billboards/ }).closest("tr")!;
    expect(within(row).getByText("20 faces a week")).toBeTruthy();
    fireEvent.change(within(row).getByRole("textbox"), { target: { value: "2,750" } });
    fireEvent.click(within(row).getByRole("button", { name: "Add Out of home Billboards — per face per week" }));
    expect(onAdd.mock.calls[0][0]).toMatchObject({ channel: "Out of home", rate: "2750", faces: 20 });
  });

  it("without a universe a CPP has no default: the planner is sent to stage 2", () => {
    const blank: Plan = { ...rs.plan, universe: undefined, goal: undefined };
    render(<ChannelCatalogue plan={blank} catalogue={catalogueFor("")} currency="USD" onAdd={() => {}} />);
    expect(Array.from(document.querySelectorAll("tr.catalogue-group")).map((g) => g.textContent)[0]).toBe("Digital");
    const row = screen.getByRole("rowheader", { name: /National spots — CPP/ }).closest("tr")!;
    expect((within(row).getByRole("textbox") as HTMLInputElement).value).toBe("");
    expect(row.textContent).toContain("set the universe (stage 2)");
  });

  it("stage 3 asks the core for the catalogue on the plan's universe", async () => {
    const spy = vi.spyOn(api, "catalogue").mockImplementation((u) => Promise.resolve(catalogueFor(u)));
    const edit = vi.fn();
    render(<ChannelsStage plan={rs.plan} view={rs.view!} error={null} edit={edit} />);
    await waitFor(() => expect(document.querySelector("table.catalogue")).not.toBeNull());
    expect(spy).toHaveBeenCalledWith("37500000");
    const row = screen.getByRole("rowheader", { name: /Drive time spots — CPP/ }).closest("tr")!;
    expect((within(row).getByRole("textbox") as HTMLInputElement).value).toBe("5250.00");
    fireEvent.click(within(row).getByRole("button", { name: /^Add / }));
    const next = edit.mock.calls[0][0](rs.plan) as Plan;
    expect(next.lines).toHaveLength(5);
    expect(next.lines[4]).toMatchObject({ channel: "Radio", pricing: "cpp", rate: "5250.00", spot_length: 30, share: "0" });
  });
});
