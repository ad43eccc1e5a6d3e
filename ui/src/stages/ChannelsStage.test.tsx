import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import fixtures from "../test/core-fixtures.json";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { ChannelsStage } from "./ChannelsStage";
import { NumberStyleContext } from "../components/numbers";

vi.mock("./catalogue", async (orig) => {
  const real = await orig<typeof import("./catalogue")>();
  return { ...real, useCatalogue: () => ({ catalogue: null, error: null }) };
});
afterEach(cleanup);

const entry = (n: string) => fixtures.scenarios.find((s) => s.name === n)! as unknown as { plan: Plan; view: PlanView };

describe("stage 3's funding switch", () => {
  it("switches a line from an amount to the share of the budget that funds the same money", () => {
    // 18,000 of a 400,000 budget; 7.20% of the 250,000 of net media allocated.
    const { plan, view } = entry("planning.unallocated");
    const line = view.lines.find((l) => l.id === "google-brand")!;
    expect([plan.lines[0].budget, line.net, line.share_pct, line.budget_share]).toEqual(["18000.00", "18000.00", "7.20", "4.5"]);
    let edited: Plan | null = null;
    render(<ChannelsStage plan={plan} view={view} error={null} numberStyle="1,234.56" edit={(f) => (edited = f(plan))} />);
    fireEvent.click(screen.getAllByRole("group", { name: `Split ${plan.lines[0].name} by` })[0].querySelector("button")!);
    const switched = edited!.lines[0];
    expect(switched.share).toBe("4.5");
    expect(switched.budget).toBeUndefined();
  });
});

describe("stage 3's split inputs", () => {
  it("show and read a line's amount in the plan's number style", () => {
    const { plan, view } = entry("planning.unallocated");
    let edited: Plan | null = null;
    render(
      <NumberStyleContext.Provider value="1.234,56">
        <ChannelsStage plan={plan} view={view} error={null} numberStyle="1.234,56" edit={(f) => (edited = f(plan))} />
      </NumberStyleContext.Provider>,
    );
    const input = screen.getByLabelText<HTMLInputElement>(`Amount for ${plan.lines[0].name}`);
    expect(input.value).toBe("18000,00");
    fireEvent.change(input, { target: { value: "20.000,50" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(edited!.lines[0].budget).toBe("20000.50");
  });
});
