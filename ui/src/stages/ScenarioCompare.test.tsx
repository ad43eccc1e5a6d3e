import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import fixtures from "../test/core-fixtures.json";
import type { Comparison, Plan } from "../bindings";
import type { PlanView } from "../types";
import { api, CommandError } from "../api";
import { addScenario, deleteScenario, presentScenario, ScenarioCompare, setLineOverride, setScenarioField } from "./ScenarioCompare";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { optimiseSplit: vi.fn(), acceptSplit: vi.fn(), compareScenarios: vi.fn() } };
});

const entry = (n: string) => fixtures.scenarios.find((s) => s.name === n)! as unknown as { plan: Plan; view: PlanView; comparison: Comparison };
const sample = entry("sample");
const plan = sample.plan;

beforeEach(() => vi.clearAllMocks());
afterEach(cleanup);

describe("scenario edits", () => {
  it("presents one scenario, or none, never two", () => {
    const aggressive = presentScenario(plan, 1);
    expect(aggressive.scenarios!.map((s) => s.presented)).toEqual([undefined, true]);
    expect("presented" in aggressive.scenarios![0]).toBe(false);
    const none = presentScenario(aggressive, null);
    expect(none.scenarios).toEqual(plan.scenarios);
  });

  it("adds a scenario with a cleaned budget, or none to follow the plan's", () => {
    expect(addScenario(plan, " Stretch ", "$320,000").scenarios!.slice(-1)[0]).toEqual({ name: "Stretch", budget: "320000" });
    expect(addScenario(plan, "Flat", "").scenarios!.slice(-1)[0]).toEqual({ name: "Flat" });
  });

  it("deletes a scenario, dropping the list when it was the last", () => {
    expect(deleteScenario(plan, 0).scenarios!.map((s) => s.name)).toEqual(["Aggressive"]);
    expect("scenarios" in deleteScenario(deleteScenario(plan, 0), 0)).toBe(false);
  });

  it("renames, and clears an optional field when emptied", () => {
    expect(setScenarioField(plan, 0, "name", "Held").scenarios![0].name).toBe("Held");
    const s = setScenarioField(plan, 0, "budget", "")!.scenarios![0];
    expect("budget" in s).toBe(false);
    expect(setScenarioField(plan, 0, "budget", "225,000.50").scenarios![0].budget).toBe("225000.50");
  });

  it("sets, replaces and clears a line's budget in a scenario", () => {
    const added = setLineOverride(plan, 0, "meta-pros", "40,000");
    expect(added.scenarios![0].lines).toEqual([...plan.scenarios![0].lines!, { id: "meta-pros", budget: "40000" }]);
    const changed = setLineOverride(plan, 0, "ctv-ttd", "22000");
    expect(changed.scenarios![0].lines![0]).toEqual({ id: "ctv-ttd", budget: "22000" });
    const cleared = setLineOverride(setLineOverride(plan, 0, "ctv-ttd", ""), 0, "radio-nyc", "");
    expect("lines" in cleared.scenarios![0]).toBe(false);
    // A share override gives way to a budget; other overrides stay.
    const withShare: Plan = { ...plan, scenarios: [{ name: "S", lines: [{ id: "meta-rtg", share: "5", rate: "12.00" }] }] };
    expect(setLineOverride(withShare, 0, "meta-rtg", "9000").scenarios![0].lines).toEqual([{ id: "meta-rtg", budget: "9000", rate: "12.00" }]);
    expect(setLineOverride(withShare, 0, "meta-rtg", "").scenarios![0].lines).toEqual([{ id: "meta-rtg", share: "5", rate: "12.00" }]);
  });
});

describe("ScenarioCompare", () => {
  const show = async (p: Plan = plan, comparison: Comparison = sample.comparison, edit = vi.fn(), error: CommandError | null = null) => {
    vi.mocked(api.compareScenarios).mockResolvedValue(comparison);
    render(<ScenarioCompare plan={p} view={sample.view} error={error} edit={edit} />);
    await screen.findByRole("table", { name: "Scenario comparison" });
    return edit;
  };
  const cell = (figure: string, side: string) => document.querySelector(`tr[data-figure="${figure}"] td[data-side="${side}"]`) as HTMLElement;

  it("shows every side's figures and each scenario's signed difference from the core", async () => {
    await show();
    expect(api.compareScenarios).toHaveBeenCalledWith(plan);
    // Gross is net media plus each fee figured on its total (the exact totals rounded once).
    expect(cell("gross", "plan").textContent).toBe("$300,608.06");
    expect(cell("gross", "Conservative").querySelector(".fig")!.textContent).toBe("$264,657.69");
    expect(cell("gross", "Conservative").querySelector(".diff")!.textContent).toBe("▼ -$35,950.37");
    expect(cell("gross", "Aggressive").querySelector(".diff")!.textContent).toBe("▲ +$48,242.40");
    expect(cell("gross", "Aggressive").querySelector(".diff")!.className).toContain("spend-up");
    expect(cell("reach_pct", "Conservative").querySelector(".diff")!.textContent).toBe("▼ -1.07 pts");
    expect(cell("reach_pct", "Conservative").querySelector(".diff")!.className).toContain("bad");
    expect(cell("clicks", "Conservative").querySelector(".diff")!.textContent).toBe("no change");
    expect(cell("total_response", "Aggressive").querySelector(".fig")!.textContent).toBe("6,345.29");
    // The scenario's own line budgets are marked; the rest follow the plan.
    const ctv = document.querySelector('tr[data-line="ctv-ttd"] td[data-side="Conservative"]')!;
    expect(ctv.classList.contains("overridden")).toBe(true);
    expect(ctv.querySelector(".fig")!.textContent).toBe("$20,000.00");
    expect(document.querySelector('tr[data-line="meta-pros"] td[data-side="Conservative"]')!.classList.contains("overridden")).toBe(false);
    expect((screen.getByRole("radio", { name: "Present Plan as written in the PDF" }) as HTMLInputElement).checked).toBe(true);
  });

  it("marking a scenario as presented is one plan edit", async () => {
    const edit = await show();
    fireEvent.click(screen.getByRole("radio", { name: "Present Aggressive in the PDF" }));
    expect(edit.mock.calls[0][0](plan)).toEqual(entry("planning.aggressivePresented").plan);
  });

  it("marks the presented scenario from the plan", async () => {
    const p = entry("planning.aggressivePresented");
    await show(p.plan, p.comparison);
    expect(document.querySelector('th[data-side="Aggressive"]')!.classList.contains("is-presented")).toBe(true);
    expect(document.querySelector('th[data-side="plan"]')!.classList.contains("is-presented")).toBe(false);
    expect((screen.getByRole("radio", { name: "Present Aggressive in the PDF" }) as HTMLInputElement).checked).toBe(true);
  });

  it("edits a scenario in place: its budget and a line's budget, committed on Enter", async () => {
    const edit = await show();
    fireEvent.click(screen.getByRole("button", { name: "Edit Conservative" }));
    const budget = screen.getByLabelText("Budget of Conservative") as HTMLInputElement;
    expect(budget.value).toBe("220000.00");
    fireEvent.change(budget, { target: { value: "230,000" } });
    fireEvent.keyDown(budget, { key: "Enter" });
    expect(edit.mock.calls[0][0](plan).scenarios[0].budget).toBe("230000");
    const line = screen.getByLabelText("Prospecting — Broad budget in Conservative") as HTMLInputElement;
    expect(line.value).toBe("");
    fireEvent.change(line, { target: { value: "45000" } });
    fireEvent.blur(line);
    expect(edit.mock.calls[1][0](plan).scenarios[0].lines).toEqual([...plan.scenarios![0].lines!, { id: "meta-pros", budget: "45000" }]);
    fireEvent.click(screen.getByRole("button", { name: "Delete Conservative" }));
    expect(edit.mock.calls[2][0](plan).scenarios.map((s: { name: string }) => s.name)).toEqual(["Aggressive"]);
  });

  it("shows the core's refusal under the scenario field it names", async () => {
    const error = new CommandError({ code: "duplicate_scenario", message: 'another scenario is already called "Conservative"', path: "scenarios[1].name" });
    await show(plan, sample.comparison, vi.fn(), error);
    fireEvent.click(screen.getByRole("button", { name: "Edit Aggressive" }));
    const name = screen.getByLabelText("Name of scenario 2");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText('Another scenario is already called "Conservative"')).toBeTruthy();
  });

  it("adds a scenario from the form", async () => {
    const edit = await show();
    fireEvent.change(screen.getByLabelText("New scenario name"), { target: { value: "Stretch" } });
    fireEvent.change(screen.getByLabelText("New scenario budget"), { target: { value: "320,000" } });
    fireEvent.click(screen.getByRole("button", { name: "Add scenario" }));
    expect(edit.mock.calls[0][0](plan)).toEqual(entry("planning.scenarioAdded").plan);
  });

  it("says when the comparison fails, unless the plan itself was refused", async () => {
    vi.mocked(api.compareScenarios).mockImplementation(async () => {
      throw new CommandError({ code: "ipc_error", message: "the app did not answer" });
    });
    render(<ScenarioCompare plan={plan} view={sample.view} error={null} edit={vi.fn()} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/could not be compared.*The app did not answer/));
  });

  it("invites the first scenario on a plan without any", async () => {
    const blank = entry("blank");
    vi.mocked(api.compareScenarios).mockResolvedValue(blank.comparison);
    render(<ScenarioCompare plan={blank.plan} view={blank.view} error={null} edit={vi.fn()} />);
    await waitFor(() => expect(api.compareScenarios).toHaveBeenCalled());
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByTestId("no-scenarios").textContent).toMatch(/No scenarios yet/);
  });
});

describe("budget gaps", () => {
  it("shows a scenario's money on no line as the core words it, apart from any saving", async () => {
    const added = entry("planning.scenarioAdded");
    vi.mocked(api.compareScenarios).mockResolvedValue(added.comparison);
    render(<ScenarioCompare plan={added.plan} view={added.view} error={null} edit={() => {}} />);
    const gaps = await screen.findByTestId("budget-gaps");
    const stretch = added.comparison.scenarios.find((s) => s.budget_gap)!;
    const cell = gaps.querySelector(`tr[data-figure="budget_gap"] td[data-side="${stretch.name}"] .budget-gap`)!;
    expect(cell.textContent).toBe(stretch.budget_gap!.message);
    expect(cell.className).toBe(`budget-gap gap-${stretch.budget_gap!.kind}`);
  });

  it("names the fixed-amount lines a scenario's budget leaves as they are, with the core's reason", async () => {
    vi.mocked(api.compareScenarios).mockResolvedValue(sample.comparison);
    render(<ScenarioCompare plan={plan} view={sample.view} error={null} edit={() => {}} />);
    const gaps = await screen.findByTestId("budget-gaps");
    const conservative = sample.comparison.scenarios[0];
    expect(conservative.budget_gap).toBeNull();
    const items = gaps.querySelectorAll(`tr[data-figure="unchanged_lines"] td[data-side="${conservative.name}"] li`);
    expect(Array.from(items).map((li) => li.getAttribute("title"))).toEqual(conservative.unchanged_lines.map((l) => l.reason));
    expect(items[0].textContent).toBe("Search — Brand · $18,000.00");
    // No scenario of the sample leaves money on no line: no such row.
    expect(gaps.querySelector('tr[data-figure="budget_gap"]')).toBeNull();
  });
});
