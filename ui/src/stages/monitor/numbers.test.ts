import { describe, expect, it } from "vitest";
import { fileLines, fractionPct, kpiValue, monthLabel, multiple, pct, roundText } from "./numbers";

describe("stage 6 number text", () => {
  it("rounds exact decimal text half away from zero, carrying through nines", () => {
    expect(roundText("11.9413", 2)).toBe("11.94");
    expect(roundText("11.945", 2)).toBe("11.95");
    expect(roundText("-11.945", 2)).toBe("-11.95");
    expect(roundText("9.995", 2)).toBe("10.00");
    expect(roundText("0.004", 2)).toBe("0.00");
    expect(roundText("-0.004", 2)).toBe("0.00");
    expect(roundText("12", 1)).toBe("12.0");
  });

  it("writes a fraction as a percent by moving the point, never through a float", () => {
    expect(fractionPct("0.119413")).toBe("11.94%");
    expect(fractionPct("0.009")).toBe("0.90%");
    expect(fractionPct("0.000000")).toBe("0.00%");
    expect(fractionPct("1.5", 1)).toBe("150.0%");
    // 0.145 × 100 is 14.499999… in binary floating point; on the digits it is 14.5.
    expect(fractionPct("0.145", 1)).toBe("14.5%");
    expect(fractionPct(null)).toBe("—");
  });

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
