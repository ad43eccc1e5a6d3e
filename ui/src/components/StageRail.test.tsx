import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { StageRail } from "./StageRail";
import coreFixtures from "../test/core-fixtures.json";
import trustFixtures from "../test/trust-fixtures.json";
// The pasted plan is the core's paste (trust fixtures); the rest are core-fixtures.json's.
const fixtures = { scenarios: [...coreFixtures.scenarios, ...trustFixtures.scenarios] as typeof coreFixtures.scenarios };
import type { Plan } from "../bindings";
import type { PlanView } from "../types";

afterEach(cleanup);

const get = (n: string) => {
  const s = fixtures.scenarios.find((x) => x.name === n)!;
  return { plan: s.plan as unknown as Plan, view: s.view as unknown as PlanView };
};

describe("StageRail", () => {
  it("shows the six stages, marks the current one and lets any be chosen", () => {
    const { plan, view } = get("sample");
    const onSelect = vi.fn();
    render(<StageRail plan={plan} view={view} current={4} onSelect={onSelect} />);
    const stages = screen.getAllByRole("button");
    expect(stages.map((b) => b.querySelector(".stage-title")!.textContent)).toEqual([
      "Goals & KPIs",
      "Audience & market",
      "Channels & split",
      "The plan",
      "Buy & launch",
      "Monitor & optimise",
    ]);
    expect(stages[3].getAttribute("aria-current")).toBe("step");
    fireEvent.click(stages[5]);
    fireEvent.click(stages[0]);
    expect(onSelect.mock.calls).toEqual([[6], [1]]);
  });

  it("counts each stage's open findings from the core's view", () => {
    const { plan, view } = get("pasted");
    render(<StageRail plan={plan} view={view} current={1} onSelect={() => {}} />);
    for (let n = 1; n <= 6; n++) {
      const want = view.findings.filter((f) => f.stage === n).length;
      const badge = screen.queryByTestId(`stage-${n}-findings`);
      if (want === 0) expect(badge).toBeNull();
      else expect(badge?.textContent).toBe(`${want} ${want === 1 ? "finding" : "findings"}`);
    }
  });

  it("shows what is missing: a blank plan has no goal, audience or lines yet", () => {
    const { plan, view } = get("blank");
    render(<StageRail plan={plan} view={view} current={1} onSelect={() => {}} />);
    const status = screen.getAllByRole("button").map((b) => b.querySelector(".stage-progress")!.textContent);
    expect(status).toEqual(["2 of 5 done", "0 of 3 done", "0 of 3 done", "0 of 4 done", "0 of 4 done", "0 of 3 done"]);
    expect(screen.getAllByRole("button")[0].getAttribute("title")).toContain("Missing: Objective, Primary KPI, KPI target");
    expect(screen.getAllByRole("button")[5].getAttribute("title")).toContain("Missing: Actuals recorded, Invoices entered, A learning logged");
  });
});
