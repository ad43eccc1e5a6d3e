import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { api } from "../api";
import type { Plan } from "../bindings";
import { GoalsStage } from "./GoalsStage";
import { chooseModel, ReachModelPanel, setEffectiveFrequency } from "./ReachModelPanel";
import { forgetCatalogues } from "./catalogue";
import { canonical } from "../test/canonical";
import { catalogueFor, reachScenario } from "../test/reach";

afterEach(cleanup);
beforeEach(() => {
  forgetCatalogues();
  vi.restoreAllMocks();
  vi.spyOn(api, "catalogue").mockImplementation((u) => Promise.resolve(catalogueFor(u)));
});

const rs = reachScenario("reach.roadSafety");
const commit = (input: Element, value: string) => {
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: "Enter" });
};

describe("stage 1: reach at N+ and the reach model", () => {
  it("states the road-safety goal as reach 25% at 8+ and shows the core's standing: met", () => {
    render(<GoalsStage plan={rs.plan} view={rs.view} error={null} edit={() => {}} />);
    expect((document.querySelector('select[data-path="goal.kpi"]') as HTMLSelectElement).value).toBe("effective_reach");
    expect((document.querySelector('input[data-path="goal.target"]') as HTMLInputElement).value).toBe("25");
    // N sits beside the target when the KPI is reach at N+ (and only there).
    expect(document.querySelectorAll('input[data-path="effective_frequency"]')).toHaveLength(1);
    expect((document.querySelector('input[data-path="effective_frequency"]') as HTMLInputElement).value).toBe("8");
    expect(screen.getByTestId("reach-goal-badge").textContent).toBe("Met");
  });

  it("setting N is the edit the core answers with the goal short and the spend that closes it", () => {
    const edit = vi.fn();
    render(<GoalsStage plan={rs.plan} view={rs.view} error={null} edit={edit} />);
    commit(document.querySelector('input[data-path="effective_frequency"]')!, "10");
    const next = edit.mock.calls[0][0](rs.plan) as Plan;
    expect(canonical(next)).toBe(canonical(reachScenario("reach.atTen").plan));
    expect(reachScenario("reach.atTen").view!.totals.reach_goal!.met).toBe(false);
  });

  it("offers the core's models with its own explanations; NBD shows its k, and choosing Poisson is an edit", async () => {
    const edit = vi.fn();
    render(<ReachModelPanel plan={rs.plan} error={null} edit={edit} showFrequency={false} />);
    const models = catalogueFor("37500000").reach_models;
    await waitFor(() => expect(document.querySelectorAll(".model-choice")).toHaveLength(models.length + 1));
    for (const m of models) {
      const card = document.querySelector(`.model-choice[data-model="${m.model.kind}"]`)!;
      expect(card.textContent).toContain(m.label);
      expect(card.textContent).toContain(m.explanation);
    }
    const nbd = document.querySelector('.model-choice[data-model="nbd"]')!;
    expect(nbd.classList.contains("on")).toBe(true);
    expect((within(nbd as HTMLElement).getByRole("textbox") as HTMLInputElement).value).toBe("0.5");
    commit(within(nbd as HTMLElement).getByRole("textbox"), "1");
    expect(canonical(edit.mock.calls[0][0](rs.plan))).toBe(canonical(reachScenario("reach.kOne").plan));
    fireEvent.click(within(document.querySelector('.model-choice[data-model="poisson"]') as HTMLElement).getByRole("radio"));
    expect(canonical(edit.mock.calls[1][0](rs.plan))).toBe(canonical(reachScenario("reach.poisson").plan));
  });

  it("keeps a model's parameters when the same kind is chosen again, and reads N as a whole number", () => {
    expect(chooseModel(rs.plan, { kind: "nbd", k: "1" }).reach_model).toEqual({ kind: "nbd", k: "0.5" });
    expect(chooseModel(rs.plan, null).reach_model).toBeUndefined();
    expect(setEffectiveFrequency(rs.plan, " 5 ").effective_frequency).toBe(5);
    expect(setEffectiveFrequency(rs.plan, "").effective_frequency).toBeUndefined();
    expect((setEffectiveFrequency(rs.plan, "eight") as unknown as { effective_frequency: string }).effective_frequency).toBe("eight");
  });

  it("stays out of the way of a plan judged on conversions until asked for", () => {
    const conversion: Plan = { ...rs.plan, universe: undefined, reach_model: undefined, effective_frequency: undefined, goal: { objective: "conversion", kpi: "cpa", target: "25" } };
    render(<ReachModelPanel plan={conversion} error={null} edit={() => {}} showFrequency />);
    expect(document.querySelector(".model-choices")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Set up reach and frequency" }));
    expect(document.querySelector(".model-choices")).not.toBeNull();
    expect(document.querySelector('input[data-path="effective_frequency"]')).not.toBeNull();
  });
});
