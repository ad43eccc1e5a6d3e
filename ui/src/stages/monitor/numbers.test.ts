import { describe, expect, it } from "vitest";
import { fileLines, kpiValue, monthLabel, multiple, pct } from "./numbers";

describe("stage 6 number text", () => {
  it("writes each KPI in its unit", () => {
    expect(kpiValue("cpa", "10.88", "USD")).toBe("$10.88");
    expect(kpiValue("ctr", "0.90", "USD")).toBe("0.90%"); // the core's ctr shown, already a percent
    expect(kpiValue("roas", "3.68", "USD")).toBe("3.68×");
    expect(kpiValue("grps", "60", "USD")).toBe("60");
    expect(kpiValue("cpm", "1234.50", "EUR", "1.234,56")).toBe("€1.234,50");
    expect(kpiValue("cpa", null, "USD")).toBe("—");
    expect(pct("118.4")).toBe("118.4%");
    expect(multiple(null)).toBe("—");
  });

  it("collapses runs of file lines and names months", () => {
    expect(fileLines([4, 7, 10, 13])).toBe("4, 7, 10, 13");
    expect(fileLines([25, 1, 2, 26, 27, 28])).toBe("1–2, 25–28");
    // A long list (a LinkedIn campaign's rows are every third line) is cut after `max` runs.
    const every3 = Array.from({ length: 120 }, (_, i) => 7 + 3 * i);
    expect(fileLines(every3, 4)).toBe("7, 10, 13, 16, … (120 lines in all)");
    expect(fileLines([1, 2, 3, 9], 4)).toBe("1–3, 9");
    expect(monthLabel("2027-01")).toBe("Jan 2027");
  });
});
