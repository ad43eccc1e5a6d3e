import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api } from "../api";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import trust from "../test/trust-fixtures.json";
import { LineWeights, lineWeeks } from "./lineWeights";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { setWeekWeight: vi.fn(), resetWeights: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const weighted = trust.scenarios.find((s) => s.name === trust.weights.plan)!;
const plan = weighted.plan as unknown as Plan;
const view = weighted.view as unknown as PlanView;
const { line, week } = trust.weights;
const before: Plan = { ...plan, lines: plan.lines.map((l, i) => (i === line ? { ...l, weights: undefined } : l)) };

describe("LineWeights", () => {
  it("reads the core's weeks through lineWeeks and sends a typed weight to the core, taking the line it answers", async () => {
    const row = view.lines[line].weeks;
    const cells = lineWeeks(view.lines[line]);
    expect(cells.map((w) => w.net)).toEqual(row.net);
    // Each week starts on the plan's week grid, from the row's first Monday on.
    const first = view.weeks.indexOf(row.from!);
    expect(cells.map((w) => w.start)).toEqual(view.weeks.slice(first, first + row.net.length));
    expect(cells.filter((w) => w.hiatus).length).toBe(row.hiatus.length);
    vi.mocked(api.setWeekWeight).mockResolvedValue(plan);
    const onLine = vi.fn();
    render(<LineWeights plan={before} line={before.lines[line]} index={line} view={view.lines[line]} onLine={onLine} />);
    expect(screen.getByTestId(`week-net-${week}`).textContent).toBe("$0.00");
    const input = screen.getAllByRole("textbox")[week];
    fireEvent.change(input, { target: { value: "0" } });
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(onLine).toHaveBeenCalledWith(plan.lines[line]));
    expect(api.setWeekWeight).toHaveBeenCalledWith(before, line, week, "0");
    expect(screen.queryByRole("button", { name: "Reset to even weeks" })).toBeNull();
  });

  it("offers Reset to even weeks once the line has weights", async () => {
    vi.mocked(api.resetWeights).mockResolvedValue(before);
    const onLine = vi.fn();
    render(<LineWeights plan={plan} line={plan.lines[line]} index={line} view={view.lines[line]} onLine={onLine} />);
    expect((screen.getAllByRole("textbox")[week] as HTMLInputElement).value).toBe("0");
    fireEvent.click(screen.getByRole("button", { name: "Reset to even weeks" }));
    await waitFor(() => expect(onLine).toHaveBeenCalledWith(before.lines[line]));
  });
});
