import { describe, expect, it } from "vitest";
import { addDays, coverLabel, coverOf, dayCount, mondayOf, rangeText, weekOf } from "./ranges";

describe("the days an actual covers", () => {
  it("moves by days across months, years and leap days", () => {
    expect(addDays("2027-01-31", 1)).toBe("2027-02-01");
    expect(addDays("2026-12-28", 6)).toBe("2027-01-03");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addDays("not a day", 3)).toBe("not a day");
  });

  it("finds the Monday-to-Sunday week of any day", () => {
    expect(mondayOf("2027-01-20")).toBe("2027-01-18"); // a Wednesday
    expect(mondayOf("2027-01-18")).toBe("2027-01-18");
    expect(mondayOf("2027-01-24")).toBe("2027-01-18"); // a Sunday belongs to the week before it
    expect(weekOf("2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
  });

  it("counts days both ends included, and refuses days that are not dates", () => {
    expect(dayCount("2027-01-04", "2027-01-04")).toBe(1);
    expect(dayCount("2027-01-04", "2027-01-10")).toBe(7);
    expect(dayCount("2025-01-01", "2025-12-31")).toBe(365);
    expect(dayCount("2027-01-10", "2027-01-04")).toBeNull();
    expect(dayCount("2027-02-30", "2027-03-01")).toBeNull();
    expect(dayCount("", "2027-03-01")).toBeNull();
  });

  it("says what a row covers: a day, a week, a whole month, else its days", () => {
    expect(coverOf("2027-01-18", "2027-01-18")).toBe("day");
    expect(coverOf("2027-01-18", "2027-01-24")).toBe("week");
    expect(coverOf("2027-01-19", "2027-01-25")).toBe("range"); // seven days, Tuesday to Monday
    expect(coverLabel("2027-01-18", "2027-01-18")).toBe("Day");
    expect(coverLabel("2027-01-18", "2027-01-24")).toBe("Week");
    expect(coverLabel("2027-01-19", "2027-01-25")).toBe("7 days");
    expect(coverLabel("2027-02-01", "2027-02-28")).toBe("Feb 2027");
    expect(coverLabel("2027-01-01", "2027-02-28")).toBe("59 days");
    expect(coverLabel("2027-01-18", "2027-01-22")).toBe("5 days");
    expect(coverLabel("2027-01-22", "2027-01-18")).toBe("");
  });

  it("writes a range as text", () => {
    expect(rangeText("2026-05-05", "2026-05-05")).toBe("5 May 2026");
    expect(rangeText("2026-05-05", "2026-05-15")).toBe("5 May – 15 May 2026");
    expect(rangeText("2026-12-28", "2027-01-03")).toBe("28 Dec 2026 – 3 Jan 2027");
  });
});
