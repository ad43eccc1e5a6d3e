import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Line } from "../bindings";
import { LineGrid } from "./LineGrid";
import coreFixtures from "../test/core-fixtures.json";
import trustFixtures from "../test/trust-fixtures.json";
// The pasted plan is the core's paste (trust fixtures); the rest are core-fixtures.json's.
const fixtures = { scenarios: [...coreFixtures.scenarios, ...trustFixtures.scenarios] as typeof coreFixtures.scenarios };
import type { PlanView } from "../types";
import type { Plan } from "../bindings";
import { reachScenario } from "../test/reach";
import { showsReach } from "./LineGrid";

afterEach(cleanup);

const pasted = fixtures.scenarios.find((s) => s.name === "pasted")!;
const plan = pasted.plan as unknown as Plan;
const view = pasted.view as unknown as PlanView;

function setup() {
  const onLines = vi.fn<(lines: Line[]) => void>();
  render(<LineGrid plan={plan} view={view} error={null} onLines={onLines} />);
  const grid = screen.getByRole("grid");
  const active = () => {
    const td = grid.querySelector("td.active")!;
    return [Number(td.getAttribute("data-row")), Number(td.getAttribute("data-col"))];
  };
  return { grid, onLines, active };
}

/** From the first cell, walk to line 1's rate and start typing `key` over it. */
function typeOverRate(grid: HTMLElement, key: string) {
  for (let i = 0; i < 3; i++) fireEvent.keyDown(grid, { key: "ArrowRight" });
  fireEvent.keyDown(grid, { key });
}

describe("LineGrid", () => {
  it("moves the active cell with arrows, Tab and Enter", () => {
    const { grid, active } = setup();
    expect(active()).toEqual([0, 0]);
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    expect(active()).toEqual([1, 1]);
    fireEvent.keyDown(grid, { key: "End" });
    fireEvent.keyDown(grid, { key: "Tab" });
    expect(active()).toEqual([2, 0]);
    fireEvent.keyDown(grid, { key: "Tab", shiftKey: true });
    expect(active()).toEqual([1, 9]);
  });

  it("typing over a cell replaces it, and Enter commits the edit and moves down", () => {
    const { grid, onLines, active } = setup();
    typeOverRate(grid, "3");
    const input = screen.getByRole("textbox", { name: "Rate, line 1" }) as HTMLInputElement;
    expect(input.value).toBe("3");
    fireEvent.change(input, { target: { value: "3.75" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onLines).toHaveBeenCalledTimes(1);
    expect(onLines.mock.calls[0][0][0].rate).toBe("3.75");
    expect(onLines.mock.calls[0][0][1]).toEqual(plan.lines[1]);
    expect(active()).toEqual([1, 3]);
  });

  it("edits, reads and copies numbers in the plan's style, so 2.400 is never read as 2.4", () => {
    const onLines = vi.fn<(lines: Line[]) => void>();
    render(<LineGrid plan={plan} view={view} error={null} numberStyle="1.234,56" onLines={onLines} />);
    const grid = screen.getByRole("grid");
    for (let i = 0; i < 3; i++) fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "Enter" });
    const input = screen.getByRole("textbox", { name: "Rate, line 1" }) as HTMLInputElement;
    expect(input.value).toBe("1,20");
    fireEvent.keyDown(input, { key: "Enter" });
    expect(onLines).not.toHaveBeenCalled(); // opened and closed unchanged
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "2" });
    const budget = screen.getByRole("textbox") as HTMLInputElement;
    fireEvent.change(budget, { target: { value: "2.400,50" } });
    fireEvent.keyDown(budget, { key: "Enter" });
    expect(onLines.mock.calls[0][0][0].budget).toBe("2400.50");
    const data = new Map<string, string>();
    fireEvent.keyDown(grid, { key: "ArrowUp" });
    fireEvent.keyDown(grid, { key: "ArrowLeft", shiftKey: true });
    fireEvent.copy(grid, { clipboardData: { setData: (t: string, v: string) => data.set(t, v), getData: () => "" } });
    expect(data.get("text/plain")).toBe("1,20\t8000");
  });

  it("a click on another cell while typing commits the value to the cell being edited, then moves", () => {
    const { grid, onLines, active } = setup();
    typeOverRate(grid, "7");
    fireEvent.change(screen.getByRole("textbox", { name: "Rate, line 1" }), { target: { value: "7.25" } });
    fireEvent.mouseDown(grid.querySelector('td[data-row="2"][data-col="1"]')!);
    expect(onLines).toHaveBeenCalledTimes(1);
    const lines = onLines.mock.calls[0][0];
    expect(lines[0].rate).toBe("7.25");
    expect(lines.slice(1)).toEqual(plan.lines.slice(1));
    expect(active()).toEqual([2, 1]);
    expect(screen.queryByRole("textbox")).toBeNull();
  });

  it("a double-click inside the open editor keeps what is typed", () => {
    const { grid } = setup();
    fireEvent.keyDown(grid, { key: "7" });
    const input = screen.getByRole("textbox") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "7.25" } });
    fireEvent.doubleClick(input);
    expect((screen.getByRole("textbox") as HTMLInputElement).value).toBe("7.25");
  });

  it("Escape abandons an edit without changing the plan", () => {
    const { grid, onLines } = setup();
    fireEvent.keyDown(grid, { key: "x" });
    fireEvent.keyDown(screen.getByRole("textbox"), { key: "Escape" });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(onLines).not.toHaveBeenCalled();
  });

  it("copies the selected block as tab-separated text", () => {
    const { grid } = setup();
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(grid, { key: "ArrowRight", shiftKey: true });
    const data = new Map<string, string>();
    fireEvent.copy(grid, { clipboardData: { setData: (t: string, v: string) => data.set(t, v), getData: () => "" } });
    expect(data.get("text/plain")).toBe("Search — Brand\tGoogle Ads\nProspecting\tMeta");
  });

  it("hands a pasted block to the core's paste with the cell it landed on, reading nothing itself", () => {
    const onPasteText = vi.fn();
    const onLines = vi.fn();
    render(<LineGrid plan={plan} view={view} error={null} onLines={onLines} onPasteText={onPasteText} />);
    const grid = screen.getByRole("grid");
    fireEvent.keyDown(grid, { key: "ArrowDown" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.paste(grid, { clipboardData: { getData: () => "Channel\tLine\nMeta\tProspecting\n" } });
    expect(onPasteText).toHaveBeenCalledWith("Channel\tLine\nMeta\tProspecting\n", { row: 1, col: 1 });
    expect(onLines).not.toHaveBeenCalled();
  });

  it("Ctrl+D fills the selected columns down from the selection's top row, or from the row above", () => {
    const onFillDown = vi.fn();
    render(<LineGrid plan={plan} view={view} error={null} onLines={() => {}} onFillDown={onFillDown} />);
    const grid = screen.getByRole("grid");
    // Start and End (columns 6 and 7) of rows 1 to 3.
    for (let i = 0; i < 6; i++) fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(grid, { key: "d", ctrlKey: true });
    expect(onFillDown).toHaveBeenLastCalledWith(["start", "end"], 0, [1, 2]);
    // One cell: the row above is copied into it.
    fireEvent.keyDown(grid, { key: "ArrowLeft" });
    fireEvent.keyDown(grid, { key: "d", metaKey: true });
    expect(onFillDown).toHaveBeenLastCalledWith(["start"], 1, [2]);
  });

  it("Ctrl+R fills the selection's leftmost column into the rest on each row, or the column to the left into one cell, and never reloads", () => {
    const onFillRight = vi.fn();
    render(<LineGrid plan={plan} view={view} error={null} onLines={() => {}} onFillRight={onFillRight} />);
    const grid = screen.getByRole("grid");
    // Rate, Budget and Share % (columns 3 to 5) of rows 0 and 1.
    for (let i = 0; i < 3; i++) fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(grid, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    const reload = new KeyboardEvent("keydown", { key: "r", ctrlKey: true, bubbles: true, cancelable: true });
    grid.dispatchEvent(reload);
    expect(reload.defaultPrevented).toBe(true);
    expect(onFillRight).toHaveBeenLastCalledWith([0, 1], "rate", ["budget", "share"]);
    // One cell (End, row 1): Start is copied into it.
    fireEvent.keyDown(grid, { key: "Escape" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    fireEvent.keyDown(grid, { key: "r", metaKey: true });
    expect(onFillRight).toHaveBeenLastCalledWith([1], "start", ["end"]);
    // The first column has nothing to its left.
    fireEvent.keyDown(grid, { key: "Home" });
    fireEvent.keyDown(grid, { key: "r", ctrlKey: true });
    expect(onFillRight).toHaveBeenCalledTimes(2);
  });

  it("shows the core's net and gross per line, digits grouped", () => {
    setup();
    const first = screen.getAllByRole("row")[1];
    const computed = Array.from(first.querySelectorAll("td.computed")).map((td) => td.textContent);
    expect(computed).toEqual([view.lines[0].net, view.lines[0].gross].map((v) => v.replace(/\B(?=(\d{3})+\.)/g, ",")));
  });

  it("shows each line's GRPs, TRPs, reach, frequency and reach at N+ from the core once the plan has a universe", () => {
    const rs = reachScenario("reach.roadSafety");
    render(<LineGrid plan={rs.plan} view={rs.view!} error={null} onLines={() => {}} />);
    const heads = Array.from(document.querySelectorAll("thead th.computed")).map((th) => th.textContent);
    expect(heads).toEqual(["Net media", "Gross", "GRPs", "TRPs", "Reach", "Freq.", "Reach 8+"]);
    const drive = screen.getAllByRole("row")[4];
    const rf = (k: string) => drive.querySelector(`td[data-rf="${k}"]`)!.textContent;
    const lv = rs.view!.lines[3];
    // The regional stations: GRPs on their own 15M universe, TRPs on the plan's 37.5M men 18–34.
    expect([rf("grps"), rf("trps"), rf("reach"), rf("frequency"), rf("effective")]).toEqual([
      lv.grps,
      lv.trps,
      `${lv.reach_pct}%`,
      lv.frequency,
      `${lv.effective_reach_pct}%`,
    ]);
    expect([lv.grps, lv.trps, lv.reach_pct, lv.frequency, lv.effective_reach_pct]).toEqual(["296.30", "118.52", "24.80", "4.78", "4.79"]);
  });

  it("leaves the reach columns out while nothing can be counted on an audience", () => {
    expect(showsReach(plan, view)).toBe(false);
    setup();
    expect(document.querySelector("td[data-rf]")).toBeNull();
    const rs = reachScenario("reach.roadSafety");
    expect(showsReach(rs.plan, rs.view!)).toBe(true);
    expect(showsReach({ ...rs.plan, universe: undefined }, rs.view!)).toBe(true); // its lines have reach
  });
});
