import { describe, expect, it } from "vitest";
import { sameDocument } from "./sameDocument";

describe("sameDocument", () => {
  const plan = { name: "Q1", lines: [{ id: "a", rate: "1.20" }, { id: "b", rate: "8" }], fees: { pct: "15" } };

  it("an edit that puts back the same values is no change, objects rebuilt or not", () => {
    const rebuilt = { ...plan, lines: plan.lines.map((l) => ({ ...l })), fees: { pct: "15" } };
    expect(sameDocument(plan, rebuilt)).toBe(true);
    expect(sameDocument(plan, { ...plan, lines: plan.lines.slice() })).toBe(true);
  });

  it("a changed value deep in one line is a change", () => {
    const lines = plan.lines.slice();
    lines[1] = { ...lines[1], rate: "8.00" };
    expect(sameDocument(plan, { ...plan, lines })).toBe(false);
  });

  it("a line added, removed or moved is a change", () => {
    expect(sameDocument(plan, { ...plan, lines: [...plan.lines, { id: "c", rate: "1" }] })).toBe(false);
    expect(sameDocument(plan, { ...plan, lines: plan.lines.slice(1) })).toBe(false);
    expect(sameDocument(plan, { ...plan, lines: [plan.lines[1], plan.lines[0]] })).toBe(false);
  });

  it("reads as JSON does: a key set to undefined is a key left out, and key order does not count", () => {
    expect(sameDocument({ a: "1", b: undefined }, { a: "1" })).toBe(true);
    expect(sameDocument({ a: "1", b: "2" }, { b: "2", a: "1" })).toBe(true);
    expect(sameDocument({ a: "1" }, { a: "1", b: null })).toBe(false);
    expect(sameDocument({ a: [] }, { a: {} })).toBe(false);
    expect(sameDocument({ a: "1" }, { a: 1 })).toBe(false);
  });
});
