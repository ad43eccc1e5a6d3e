import { describe, expect, it } from "vitest";
import fixtures from "../../test/core-fixtures.json";
import { canonical } from "../../test/canonical";
import type { LaunchLine, Plan } from "../../bindings";
import { boardCounts, moveLabel, setDelivered, setLaunch, setTemplate } from "./launch";

const scenario = (n: string) => fixtures.scenarios.find((s) => s.name === n)!;
const sample = scenario("sample").plan as unknown as Plan;

describe("stage 5 plan edits", () => {
  it("a tick writes the line's launch as the core writes it, and unticking gives the sample back", () => {
    const ticked = setLaunch(sample, "google-brand", (l) => ({ ...l, tracking_verified: true }));
    expect(canonical(ticked)).toBe(scenario("launch-tracking").key);
    const unticked = setLaunch(ticked, "google-brand", (l) => ({ ...l, tracking_verified: false }));
    expect(unticked.lines[0]).not.toHaveProperty("launch");
    expect(canonical(unticked)).toBe(scenario("sample").key);
  });

  it("a budget control is set, switched and cleared", () => {
    const cbo = setLaunch(sample, "meta-pros", (l) => ({ ...l, budget_control: "cbo" }));
    expect(cbo.lines[2].launch).toEqual({ status: "planned", budget_control: "cbo" });
    const cleared = setLaunch(cbo, "meta-pros", (l) => ({ ...l, budget_control: undefined }));
    expect(canonical(cleared)).toBe(scenario("sample").key);
  });

  it("delivered counts are recorded per creative, zero leaving the field out", () => {
    const one = setDelivered(sample, "ctv-ttd", 0, 1);
    expect(canonical(one)).toBe(scenario("launch-delivered").key);
    expect(canonical(setDelivered(one, "ctv-ttd", 0, 0))).toBe(scenario("sample").key);
  });

  it("the naming template is set, and clearing it removes the convention", () => {
    const t = setTemplate(sample, "  {brand}_{channel}_{audience}_{yyyymm} ");
    expect(canonical(t)).toBe(scenario("launch-template").key);
    expect(setTemplate(sample, "")).not.toHaveProperty("monitoring");
  });
});

describe("stage 5 words", () => {
  it("names each move for what the buyer does", () => {
    expect(moveLabel("planned", "booked")).toBe("Book");
    expect(moveLabel("booked", "planned")).toBe("Unbook");
    expect(moveLabel("booked", "live")).toBe("Go live");
    expect(moveLabel("paused", "live")).toBe("Resume");
    expect(moveLabel("live", "paused")).toBe("Pause");
    expect(moveLabel("live", "ended")).toBe("End");
  });


  it("counts the core's board by status and readiness", () => {
    const counts = boardCounts((scenario("launch-ready").launch as { lines: LaunchLine[] }).lines);
    expect(counts).toMatchObject({ planned: 8, booked: 1, live: 0, ready: 1, overridden: 0 });
    const live = boardCounts((scenario("launch-override").launch as { lines: LaunchLine[] }).lines);
    expect(live).toMatchObject({ planned: 8, live: 1, ready: 0, overridden: 1 });
  });
});
