import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import fixtures from "../test/core-fixtures.json";
import type { Plan } from "../bindings";
import { GoalsStage } from "./GoalsStage";

afterEach(cleanup);

const sample = fixtures.scenarios.find((s) => s.name === "sample")!.plan as unknown as Plan;

describe("GoalsStage", () => {
  it("offers the KPIs of the goal's funnel stage and flags a mismatch on the spot", () => {
    const plan: Plan = { ...sample, goal: { ...sample.goal!, objective: "awareness", kpi: "cpa" } };
    render(<GoalsStage plan={plan} error={null} edit={() => {}} />);
    expect(screen.getByTestId("kpi-mismatch").textContent).toMatch(/CPA does not judge a awareness goal/);
    const options = Array.from(document.querySelectorAll('select[data-path="goal.kpi"] option')).map((o) => o.textContent);
    // The awareness KPIs in the core's order (`bindings/rules.ts`), then the chosen one that does not fit.
    expect(options).toEqual(["Not set", "Reach", "Frequency", "CPM", "Video views", "CPV", "GRPs", "CPP", "Reach at N+", "CPA — does not fit"]);
  });

  it("a fitting KPI raises no flag, and choosing one is an edit of the plan", () => {
    const edit = vi.fn();
    render(<GoalsStage plan={sample} error={null} edit={edit} />);
    expect(screen.queryByTestId("kpi-mismatch")).toBeNull();
    fireEvent.change(document.querySelector('select[data-path="goal.kpi"]')!, { target: { value: "roas" } });
    const next = edit.mock.calls[0][0](sample) as Plan;
    expect(next.goal?.kpi).toBe("roas");
    expect(next.goal?.target).toBe(sample.goal?.target);
  });

  it("shows the core's error under the field it names, in plain words", () => {
    render(
      <GoalsStage
        plan={{ ...sample, budget: "-5" }}
        error={{ code: "negative_value", message: "-5 is negative", path: "budget" }}
        edit={() => {}}
      />,
    );
    const input = document.querySelector('input[data-path="budget"]') as HTMLInputElement;
    expect(input.value).toBe("-5");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert").textContent).toBe("-5 is negative");
  });
});
