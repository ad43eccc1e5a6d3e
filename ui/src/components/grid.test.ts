import { describe, expect, it, vi } from "vitest";
import type { Plan } from "../bindings";
import { cleanDate, columnField, COLUMNS, fillDownRows, fillRightCols, move, parseTsv, toTsv } from "./grid";
import { blankPlan } from "../test/scenarios";

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

describe("cells and fill-down", () => {
  const plan: Plan = { ...blankPlan(), lines: [{ id: "a", name: "A", channel: "X", pricing: "cpm", rate: "5", budget: "1000", start: "2027-01-04", end: "2027-03-28" }] };

  it("a share clears the budget and a budget clears the share", () => {
    const shareCol = COLUMNS.findIndex((c) => c.key === "share");
    const shared = COLUMNS[shareCol].set(plan.lines[0], "40%");
    expect(shared.share).toBe("40");
    expect(shared.budget).toBeUndefined();
    const budget = COLUMNS.findIndex((c) => c.key === "budget");
    expect(COLUMNS[budget].set(shared, "$2,500").budget).toBe("2500");
    expect(COLUMNS[budget].set(shared, "$2,500").share).toBeUndefined();
  });

  it("each grid column is the core's line field of the same name, in the core's grid order", () => {
    expect(COLUMNS.map((_, i) => columnField(i))).toEqual(["name", "channel", "pricing", "rate", "budget", "share", "start", "end", "kpi", "kpi_target"]);
    expect(columnField(COLUMNS.length)).toBeNull();
  });

  it("Ctrl+D copies the selection's top row down it, or the row above into one row", () => {
    expect(fillDownRows(1, 3)).toEqual({ from: 1, to: [2, 3] });
    expect(fillDownRows(2, 2)).toEqual({ from: 1, to: [2] });
    expect(fillDownRows(0, 0)).toBeNull();
    expect(fillRightCols(6, 8)).toEqual({ from: 6, to: [7, 8] });
    expect(fillRightCols(7, 7)).toEqual({ from: 6, to: [7] });
    expect(fillRightCols(0, 0)).toBeNull();
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
