import { describe, expect, it } from "vitest";
import { localeOrder, readDate, showDate } from "./dates";

describe("the one date rule", () => {
  it("shows every date as day, short month and year", () => {
    expect(showDate("2026-12-07")).toBe("7 Dec 2026");
    expect(showDate("")).toBe("");
  });

  it("reads the locale's own order from the OS locale", () => {
    expect(localeOrder("en-US")).toBe("month_first");
    expect(localeOrder("en-GB")).toBe("day_first");
    expect(localeOrder("de-DE")).toBe("day_first");
    expect(localeOrder("ja-JP")).toBe("year_first");
  });

  const cases: [string, "day_first" | "month_first" | "year_first", string | null][] = [
    ["2027-05-03", "month_first", "2027-05-03"],
    ["5/3/2027", "month_first", "2027-05-03"],
    ["5/3/2027", "day_first", "2027-03-05"],
    ["5/17/2027", "month_first", "2027-05-17"],
    ["5/17/2027", "day_first", null],
    ["17.05.2027", "day_first", "2027-05-17"],
    ["2027/5/3", "day_first", "2027-05-03"],
    ["3 May 2027", "month_first", "2027-05-03"],
    ["May 3, 2027", "day_first", "2027-05-03"],
    ["3 Sept 2027", "day_first", "2027-09-03"],
    ["29 Feb 2027", "day_first", null],
    ["29 Feb 2028", "day_first", "2028-02-29"],
    ["4/1/27", "day_first", "2027-01-04"],
    ["31/4/2027", "day_first", null],
    ["next tuesday", "day_first", null],
  ];
  it.each(cases)("%s read %s", (text, order, expected) => {
    const r = readDate(text, order);
    if (expected === null) expect("error" in r).toBe(true);
    else expect(r).toEqual({ date: expected });
  });

  it("names the order it read a refused date in", () => {
    expect(readDate("5/17/2027", "day_first")).toEqual({ error: '"5/17/2027" is not a date read as day/month/year, this computer\'s date order' });
    expect(readDate("", "day_first")).toEqual({ date: "" });
  });
});
