// The grid and the flowchart draw a row again only when what it shows changes (GridRow,
// FlowchartRow): the core's answer to an edit brings every line's view as a new object.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { LineGrid } from "./LineGrid";
import { Flowchart } from "./Flowchart";
import { dayOfMonth, groupDigits, num } from "../format";
import coreFixtures from "../test/core-fixtures.json";
import { twoLineView } from "../test/fixtures";

vi.mock("../format", async (original) => {
  const actual = await original<typeof import("../format")>();
  return { ...actual, num: vi.fn(actual.num), groupDigits: vi.fn(actual.groupDigits), dayOfMonth: vi.fn(actual.dayOfMonth) };
});

afterEach(cleanup);
beforeEach(() => vi.clearAllMocks());

const scenario = coreFixtures.scenarios.find((s) => s.name === "sample")!;
const plan = scenario.plan as unknown as Plan;
const view = scenario.view as unknown as PlanView;
const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v));

describe("the grid's rows", () => {
  it("a new view with the same figures draws no row again; a changed gross redraws that line alone and shows", () => {
    const onLines = vi.fn();
    const { rerender } = render(<LineGrid plan={plan} view={view} error={null} onLines={onLines} />);
    expect(vi.mocked(num)).toHaveBeenCalled();
    vi.clearAllMocks();
    rerender(<LineGrid plan={plan} view={clone(view)} error={null} onLines={onLines} />);
    expect(vi.mocked(num)).not.toHaveBeenCalled();
    expect(vi.mocked(groupDigits)).not.toHaveBeenCalled();

    const next = clone(view);
    next.lines[1].gross = "12345.67";
    rerender(<LineGrid plan={plan} view={next} error={null} onLines={onLines} />);
    // Net, gross, GRPs, TRPs and frequency (the sample has a universe): one row's five.
    expect(vi.mocked(num).mock.calls.length).toBe(5);
    const row = screen.getAllByRole("row")[2];
    expect(Array.from(row.querySelectorAll("td.computed")).map((td) => td.textContent)[1]).toBe("12,345.67");
  });

  it("the plan's number style redraws every row in it", () => {
    const onLines = vi.fn();
    const { rerender } = render(<LineGrid plan={plan} view={view} error={null} onLines={onLines} numberStyle="1,234.56" />);
    rerender(<LineGrid plan={plan} view={view} error={null} onLines={onLines} numberStyle="1.234,56" />);
    const grosses = screen.getAllByRole("row").slice(1).map((r) => r.querySelectorAll("td.computed")[1]?.textContent);
    expect(grosses.every((g) => g !== undefined && /^[\d.]+,\d\d$/.test(g))).toBe(true);
  });
});

describe("the flowchart's rows", () => {
  const footerCells = twoLineView.totals.weeks.filter((w) => Number(w.net) !== 0).length;

  it("a new view with the same weeks draws only the weekly totals again", () => {
    const { rerender } = render(<Flowchart view={twoLineView} />);
    vi.clearAllMocks();
    rerender(<Flowchart view={clone(twoLineView)} />);
    // The chart itself is drawn again (its header and weekly totals), as many times as its
    // header's weeks show: the rows never.
    const renders = vi.mocked(dayOfMonth).mock.calls.length / twoLineView.weeks.length;
    expect(renders).toBeGreaterThanOrEqual(1);
    expect(vi.mocked(groupDigits).mock.calls.length).toBe(renders * footerCells);
  });

  it("a week's new net on one line redraws that line and shows the new figure", () => {
    const { rerender } = render(<Flowchart view={twoLineView} />);
    const next = clone(twoLineView);
    const line = next.lines[0];
    line.weeks.net[0] = "2500.00";
    rerender(<Flowchart view={next} />);
    const row = screen.getByRole("rowheader", { name: new RegExp(line.name) }).closest("tr")!;
    expect(row.textContent).toContain("2,500.00");
  });
});
