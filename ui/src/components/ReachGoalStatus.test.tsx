import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { ReachGoalStatus, goalTitle } from "./ReachGoalStatus";
import { reachScenario } from "../test/reach";

afterEach(cleanup);

describe("ReachGoalStatus", () => {
  it("says the road-safety goal is met with the core's reach at 8+", () => {
    const { view } = reachScenario("reach.roadSafety");
    const goal = view!.totals.reach_goal!;
    render(<ReachGoalStatus goal={goal} currency="USD" lines={view!.lines} audience="Men 18–34" />);
    const box = screen.getByTestId("reach-goal");
    expect(box.getAttribute("data-state")).toBe("met");
    expect(screen.getByTestId("reach-goal-badge").textContent).toBe("Met");
    expect(box.textContent).toContain("Reach 25% at 8+ of Men 18–34");
    expect(box.textContent).toContain("The plan reaches 33.95% of Men 18–34 8 or more times");
    expect(screen.queryByTestId("reach-goal-extra")).toBeNull();
  });

  it("says by how many points a goal is short and the extra spend that closes it, from the core", () => {
    const { view } = reachScenario("reach.atTen");
    const goal = view!.totals.reach_goal!;
    expect([goal.reach_pct, goal.gap_pct, goal.extra_spend]).toEqual(["24.24", "0.76", "157291.66"]);
    render(<ReachGoalStatus goal={goal} currency="USD" lines={view!.lines} />);
    expect(screen.getByTestId("reach-goal").getAttribute("data-state")).toBe("short");
    expect(screen.getByTestId("reach-goal-badge").textContent).toBe("Short by 0.76 points");
    expect(screen.getByTestId("reach-goal").textContent).toContain("24.24% of the target 10 or more times");
    const extra = screen.getByTestId("reach-goal-extra");
    expect(extra.textContent).toMatch(/^\$157,291\.66 more net media on the 4 lines that build reach closes the gap/);
    expect(extra.querySelector("span[title]")!.getAttribute("title")).toBe(view!.lines.map((l) => l.name).join(", "));
  });

  it("names up to three lines, and says when no spend closes the gap or the reach is unknown", () => {
    const { view } = reachScenario("reach.atTen");
    const goal = { ...view!.totals.reach_goal!, extra_lines: ["tv-network", "radio-drive"] };
    const { unmount } = render(<ReachGoalStatus goal={goal} currency="USD" lines={view!.lines} />);
    expect(screen.getByTestId("reach-goal-extra").textContent).toContain("on Network prime and sports and Drive time — top 25 markets closes");
    unmount();
    const stuck = { ...goal, extra_spend: null, extra_lines: [], limit_pct: "31.50" };
    const second = render(<ReachGoalStatus goal={stuck} currency="USD" lines={view!.lines} />);
    expect(screen.getByTestId("reach-goal-extra").textContent).toContain("at 1,000 times their spend they reach 31.50%");
    second.unmount();
    const unknown = { ...goal, reach_pct: null, met: null, gap_pct: null, extra_spend: null, extra_lines: [] };
    render(<ReachGoalStatus goal={unknown} currency="USD" lines={[]} />);
    expect(screen.getByTestId("reach-goal-badge").textContent).toBe("Not measurable yet");
    expect(screen.getByTestId("reach-goal").textContent).toContain("needs the target's universe (stage 2)");
  });

  it("titles a 1+ goal without a frequency", () => {
    const { view } = reachScenario("reach.roadSafety");
    expect(goalTitle({ ...view!.totals.reach_goal!, kpi: "reach", frequency: 1, target_pct: "60" })).toBe("Reach 60%");
  });
});
