import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { hasReach, ReachTotals, TotalsPanel } from "./TotalsPanel";
import { Workshop } from "./Workshop";
import { reachScenario } from "../test/reach";
import { twoLineView } from "../test/fixtures";
import type { Plan } from "../types";

afterEach(cleanup);

describe("the plan's reach and frequency totals", () => {
  it("show the core's reach, average frequency, reach at N+, GRPs and TRPs, and the goal", () => {
    const { plan, view } = reachScenario("reach.roadSafety");
    const t = view!.totals;
    render(<ReachTotals view={view!} plan={plan as unknown as Plan} />);
    const figures = screen.getByLabelText("Reach and frequency");
    const value = (key: string) => figures.querySelector(`[data-rf="${key}"] dd`)!.textContent;
    expect(value("reach")).toBe(`${t.reach_pct}%`);
    expect(value("frequency")).toBe(t.frequency);
    expect(value("effective")).toBe(`${t.effective_reach_pct}%`);
    expect(value("grps")).toBe(t.grps);
    expect(value("trps")).toBe(t.trps);
    expect([t.reach_pct, t.frequency, t.effective_reach_pct, t.grps, t.trps]).toEqual(["92.40", "7.21", "33.95", "843.85", "666.07"]);
    expect(figures.querySelector('[data-rf="effective"] dt')!.textContent).toBe("Reach at 8+8 or more exposures");
    expect(screen.getByTestId("reach-goal").getAttribute("data-state")).toBe("met");
  });

  it("are there only when the plan has points, reach or a reach goal", () => {
    expect(hasReach(reachScenario("reach.roadSafety").view!.totals)).toBe(true);
    expect(hasReach(twoLineView.totals)).toBe(false);
    // The money totals stay as they were.
    const { plan, view } = reachScenario("reach.roadSafety");
    render(<TotalsPanel view={view!} plan={plan as unknown as Plan} />);
    expect(within(screen.getByLabelText("Totals")).getByText("$8,800,000.00")).toBeTruthy();
  });

  it("are on the wall in workshop mode, with the goal", () => {
    const { plan, view } = reachScenario("reach.atTen");
    render(<Workshop plan={plan} view={view!} edit={() => {}} onClose={() => {}} />);
    const wall = screen.getByLabelText("Reach and frequency");
    expect(wall.textContent).toContain("Reach at 10+24.24%");
    expect(wall.textContent).toContain(`TRPs${view!.totals.trps}`);
    expect(within(wall).getByTestId("reach-goal-badge").textContent).toBe("Short by 0.76 points");
    expect(within(wall).getByTestId("reach-goal-extra").textContent).toContain("$157,291.66");
  });
});
