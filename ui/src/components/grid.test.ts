import { describe, expect, it, vi } from "vitest";
import type { Plan } from "../bindings";
import { applyPaste, cleanDate, COLUMNS, move, parseTsv, toTsv } from "./grid";
import { blankPlan, PASTED_TSV } from "../test/scenarios";

describe("parseTsv", () => {
  it("splits rows and cells as Excel and Sheets put them on the clipboard", () => {
    expect(parseTsv("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseTsv("one")).toEqual([["one"]]);
    expect(parseTsv("x\t\ty\n")).toEqual([["x", "", "y"]]);
  });

  it("keeps tabs, newlines and quotes inside quoted cells", () => {
    expect(parseTsv('"Search, ""brand""\tterms"\t1.20\n"two\nlines"\t3')).toEqual([
      ['Search, "brand"\tterms', "1.20"],
      ["two\nlines", "3"],
    ]);
  });

  it("round-trips through toTsv", () => {
    const rows = [["a\tb", 'say "hi"'], ["", "2"]];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});

describe("applyPaste", () => {
  const plan: Plan = blankPlan();

  it("turns pasted rows into new lines with unique ids, in the grid's column order", () => {
    const lines = applyPaste(plan, 0, 0, parseTsv(PASTED_TSV));
    expect(lines.map((l) => l.id)).toEqual(["line-1", "line-2", "line-3"]);
    expect(lines[0]).toMatchObject({
      name: "Search — Brand",
      channel: "Google Ads",
      pricing: "cpc",
      rate: "1.20",
      budget: "8000",
      start: "2027-01-04",
      end: "2027-03-28",
      kpi: { kpi: "cpa", target: "25" },
    });
    expect(lines[2]).toMatchObject({ pricing: "flat", budget: "5000", start: "2027-02-01" });
    expect(lines[2].rate).toBeUndefined();
    expect(lines[2].kpi).toBeUndefined();
  });

  it("updates existing lines from the active cell and adds the rows that run past the end", () => {
    const base = { ...plan, lines: applyPaste(plan, 0, 0, parseTsv(PASTED_TSV)).slice(0, 2) };
    const rateCol = COLUMNS.findIndex((c) => c.key === "rate");
    const lines = applyPaste(base, 1, rateCol, parseTsv("9.75\t$14,000.00\n3.10\t2,500"));
    expect(lines).toHaveLength(3);
    expect(lines[0].rate).toBe("1.20");
    expect(lines[1]).toMatchObject({ id: "line-2", rate: "9.75", budget: "14000.00" });
    expect(lines[2]).toMatchObject({ id: "line-3", rate: "3.10", budget: "2500" });
  });

  it("a share clears the budget and a budget clears the share", () => {
    const one = applyPaste(plan, 0, 0, parseTsv("A\tX\tCPM\t5\t1000"));
    const shareCol = COLUMNS.findIndex((c) => c.key === "share");
    const shared = applyPaste({ ...plan, lines: one }, 0, shareCol, [["40%"]]);
    expect(shared[0].share).toBe("40");
    expect(shared[0].budget).toBeUndefined();
  });

  it("reads numeric dates in this computer's date order, and shows dates by the one rule", () => {
    const language = vi.spyOn(navigator, "language", "get");
    language.mockReturnValue("en-GB");
    expect(cleanDate("04/01/2027")).toBe("2027-01-04");
    language.mockReturnValue("en-US");
    expect(cleanDate("04/01/2027")).toBe("2027-04-01");
    expect(cleanDate("5/17/2027")).toBe("2027-05-17");
    language.mockReturnValue("en-GB");
    // Not a date in day/month/year: kept as typed for the core to refuse, never swapped.
    expect(cleanDate("5/17/2027")).toBe("5/17/2027");
    expect(cleanDate("2027-01-04")).toBe("2027-01-04");
    expect(cleanDate("4 Jan 2027")).toBe("2027-01-04");
    language.mockRestore();
    const start = COLUMNS.find((c) => c.key === "start")!;
    expect(start.get({ ...plan.lines[0], start: "2027-01-04" })).toBe("4 Jan 2027");
  });
});

describe("traditional pricing in the grid", () => {
  const col = (key: string) => COLUMNS.find((c) => c.key === key)!;
  const billboards = {
    id: "ooh", channel: "Out of home", name: "Billboards", pricing: "per_face_week", rate: "2500.00", faces: 20,
    start: "2027-05-17", end: "2027-06-06",
  } as Plan["lines"][number];
  it("shows per-face and per-insertion pricing in words and reads them back", () => {
    expect(col("pricing").get(billboards)).toBe("Per face/week");
    expect(col("pricing").set(billboards, "Per insertion").pricing).toBe("per_insertion");
    expect(col("pricing").set(billboards, "per_face_week").pricing).toBe("per_face_week");
    expect(col("pricing").set(billboards, "cpp").pricing).toBe("cpp");
  });
  it("an amount or a share typed on a per-face line replaces its booked faces", () => {
    const funded = col("budget").set(billboards, "100,000");
    expect([funded.budget, funded.faces]).toEqual(["100000", undefined]);
    expect(col("share").set(billboards, "5").faces).toBeUndefined();
    expect(col("budget").set(billboards, "").faces).toBe(20);
  });
});

describe("move", () => {
  const at = (row: number, col: number) => ({ row, col });
  it("moves with the arrows and stays inside the grid", () => {
    expect(move(at(0, 0), "ArrowUp", false, 3, 4)).toEqual(at(0, 0));
    expect(move(at(0, 0), "ArrowDown", false, 3, 4)).toEqual(at(1, 0));
    expect(move(at(2, 3), "ArrowDown", false, 3, 4)).toEqual(at(2, 3));
    expect(move(at(1, 3), "ArrowRight", false, 3, 4)).toEqual(at(1, 3));
    expect(move(at(1, 1), "ArrowLeft", false, 3, 4)).toEqual(at(1, 0));
  });
  it("Tab wraps to the next line and Shift+Tab back; Enter goes down, Shift+Enter up", () => {
    expect(move(at(0, 3), "Tab", false, 3, 4)).toEqual(at(1, 0));
    expect(move(at(1, 0), "Tab", true, 3, 4)).toEqual(at(0, 3));
    expect(move(at(1, 2), "Enter", false, 3, 4)).toEqual(at(2, 2));
    expect(move(at(1, 2), "Enter", true, 3, 4)).toEqual(at(0, 2));
  });
});
