import { describe, expect, it } from "vitest";
import { sameItems, sameLineView, sameWeeks, sameProps } from "./unchanged";
import { twoLineView } from "../test/fixtures";
import type { LineView } from "../types";

const line = twoLineView.lines[0];
const copy = (l: LineView): LineView => JSON.parse(JSON.stringify(l));

describe("what a row shows, compared by value", () => {
  it.each([
    [["a", "b"], ["a", "b"], true],
    [["a", "b"], ["a", "c"], false],
    [["a"], ["a", "b"], false],
    [[1, null], [1, null], true],
    [undefined, undefined, true],
    [[1], undefined, false],
  ] as const)("items %j and %j: %s", (a, b, same) => {
    expect(sameItems(a as never, b as never)).toBe(same);
  });

  it("a line's weeks are the same only with the same first week, nets, hiatus weeks and units", () => {
    const w = line.weeks;
    expect(sameWeeks(w, copy(line).weeks)).toBe(true);
    expect(sameWeeks(w, { ...w, from: "2027-01-25" })).toBe(false);
    expect(sameWeeks(w, { ...w, net: [...w.net.slice(0, -1), "1.00"] })).toBe(false);
    expect(sameWeeks(w, { ...w, hiatus: [...w.hiatus, 9] })).toBe(false);
    expect(sameWeeks(w, { ...w, units: w.net.map(() => 1) })).toBe(false);
  });

  it("compares only the fields asked for: a new object with the same figures is the same", () => {
    expect(sameLineView(line, copy(line), ["net", "gross", "weeks"])).toBe(true);
    expect(sameLineView(line, { ...copy(line), gross: "1.00" }, ["net", "gross"])).toBe(false);
    // A change in a field the row does not show leaves it the same.
    expect(sameLineView(line, { ...copy(line), clicks: "7" }, ["net", "gross"])).toBe(true);
    expect(sameLineView(line, undefined, ["net"])).toBe(false);
    expect(sameLineView(undefined, undefined, ["net"])).toBe(true);
  });
});

describe("sameProps", () => {
  type P = { a: number; list: readonly string[]; f?: () => void };
  const same = sameProps<P>({ list: (x, y) => sameItems(x, y) });
  const f = () => {};
  it.each([
    ["the same values", { a: 1, list: ["x"], f }, { a: 1, list: ["x"], f }, true],
    ["a prop compared by identity differs", { a: 1, list: ["x"] }, { a: 2, list: ["x"] }, false],
    ["a prop with its own comparison differs", { a: 1, list: ["x"] }, { a: 1, list: ["y"] }, false],
    ["a new handler", { a: 1, list: [], f }, { a: 1, list: [], f: () => {} }, false],
    ["a prop only one side has", { a: 1, list: [] }, { a: 1, list: [], f }, false],
  ] as const)("%s", (_, a, b, expected) => {
    expect(same(a as P, b as P)).toBe(expected);
  });
});
