import { describe, expect, it } from "vitest";
import { daysBetween, daysRunning, PROVEN_DAYS } from "./AudienceStage";

describe("competitor days running", () => {
  it("counts to today while the ad still runs, else to the day it was last seen", () => {
    expect(daysRunning({ competitor: "A", first_seen: "2026-08-01", still_running: true }, "2026-11-21")).toBe(112);
    expect(daysRunning({ competitor: "B", first_seen: "2026-08-01", last_seen: "2026-08-31" }, "2026-11-21")).toBe(30);
    expect(daysRunning({ competitor: "C" }, "2026-11-21")).toBeNull();
    expect(PROVEN_DAYS).toBe(90);
  });
  it("crosses month and leap-year ends exactly", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("bad", "2027-01-01")).toBeNull();
  });
});
