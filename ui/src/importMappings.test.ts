import { beforeEach, describe, expect, it } from "vitest";
import fixtures from "./test/import-fixtures.json";
import type { ImportFixture } from "./test/scenarios/imports";
import { forgetMapping, layoutSignature, mappingToSave, MAPPINGS_KEY, MAX_LAYOUTS, saveMapping, savedMapping, withColumn, withMapping } from "./importMappings";

const all = (fixtures as unknown as { imports: ImportFixture[] }).imports;
const preview = (file: string) => all.find((f) => f.file === file && Object.keys(f.choices).length === 0)!.preview!;

beforeEach(() => localStorage.clear());

describe("saved import mappings", () => {
  it("a layout is its kind, sheet and header texts; a document without columns has none", () => {
    const agency = preview("agency-plan.xlsx");
    const sig = layoutSignature(agency)!;
    expect(JSON.parse(sig)).toEqual(["spreadsheet", "Spring plan", agency.columns.map((c) => c.header.toLowerCase())]);
    // Case and spacing in a header do not make another layout.
    const shouty = { ...agency, columns: agency.columns.map((c) => ({ ...c, header: `  ${c.header.toUpperCase()} ` })) };
    expect(layoutSignature(shouty)).toBe(sig);
    expect(layoutSignature({ ...agency, sheet: "Plan v2" })).not.toBe(sig);
    expect(layoutSignature(preview("example_mediaplan_v2.0.json"))).toBeNull();
    expect(layoutSignature(preview("lines-no-currency.csv"))).not.toBe(sig);
  });

  it("corrections add up; the mapping saved is what the planner set, with the chosen currency", () => {
    const one = withColumn({}, "Spend allocation", "budget");
    const two = withColumn(one, "Notes", "ignore");
    expect(two).toEqual({ mapping: { columns: { "Spend allocation": "budget", Notes: "ignore" } } });
    // The earlier choices are not changed.
    expect(one).toEqual({ mapping: { columns: { "Spend allocation": "budget" } } });
    expect(withMapping({ ...two, currency: "EUR" }, { header_row: 6 })).toEqual({
      currency: "EUR",
      mapping: { columns: { "Spend allocation": "budget", Notes: "ignore" }, header_row: 6 },
    });
    expect(mappingToSave({})).toBeNull();
    expect(mappingToSave({ ...two, currency: "EUR" })).toEqual({ columns: { "Spend allocation": "budget", Notes: "ignore" }, currency: "EUR" });
  });

  it("saves per layout, newest first, at most MAX_LAYOUTS, forgets on request and survives bad storage", () => {
    saveMapping("a", { columns: { X: "budget" } }, new Date("2026-11-20T10:00:00Z"));
    saveMapping("b", { columns: { Y: "name" } }, new Date("2026-11-21T10:00:00Z"));
    saveMapping("a", { columns: { X: "share" } }, new Date("2026-11-22T10:00:00Z"));
    expect(savedMapping("a")).toEqual({ mapping: { columns: { X: "share" } }, savedAt: "2026-11-22T10:00:00.000Z" });
    expect(JSON.parse(localStorage.getItem(MAPPINGS_KEY)!).map((x: { signature: string }) => x.signature)).toEqual(["a", "b"]);
    forgetMapping("a");
    expect(savedMapping("a")).toBeNull();
    expect(savedMapping("b")?.mapping).toEqual({ columns: { Y: "name" } });
    for (let i = 0; i < MAX_LAYOUTS + 5; i++) saveMapping(`l${i}`, { columns: {} });
    expect(JSON.parse(localStorage.getItem(MAPPINGS_KEY)!)).toHaveLength(MAX_LAYOUTS);
    expect(savedMapping("b")).toBeNull();
    localStorage.setItem(MAPPINGS_KEY, "{not json");
    expect(savedMapping("l1")).toBeNull();
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify([{ signature: "z", mapping: "nope" }, { signature: "y", mapping: { columns: {} }, saved_at: "x" }]));
    expect(savedMapping("z")).toBeNull();
    expect(savedMapping("y")?.mapping).toEqual({ columns: {} });
    expect(savedMapping(null)).toBeNull();
  });
});
