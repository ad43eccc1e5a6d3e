import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import coreFixtures from "../test/core-fixtures.json";
import trustFixtures from "../test/trust-fixtures.json";
// The pasted plan is the core's paste (trust fixtures); the rest are core-fixtures.json's.
const fixtures = { scenarios: [...coreFixtures.scenarios, ...trustFixtures.scenarios] as typeof coreFixtures.scenarios };
import type { Optimised, Plan } from "../bindings";
import type { PlanView } from "../types";
import { api, CommandError } from "../api";
import { CurveEditor, OptimiseSplit, UnallocatedPrompt } from "./OptimiseSplit";
import { money } from "../format";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { optimiseSplit: vi.fn(), acceptSplit: vi.fn(), compareScenarios: vi.fn() } };
});

const entry = (n: string) => fixtures.scenarios.find((s) => s.name === n)! as unknown as { plan: Plan; view: PlanView; optimised: Optimised };
const sample = entry("sample");
const accepted = entry("planning.splitAccepted");
const blank = entry("blank");

beforeEach(() => vi.clearAllMocks());
/** The core refuses to optimise (as the shell's command would). */
const refuse = (body: ConstructorParameters<typeof CommandError>[0]) =>
  vi.mocked(api.optimiseSplit).mockImplementation(async () => {
    throw new CommandError(body);
  });
afterEach(cleanup);

describe("OptimiseSplit", () => {
  it("shows the core's proposal: a curve per curved line, the before/after, the gain; Accept commits the core's plan", async () => {
    vi.mocked(api.optimiseSplit).mockResolvedValue(sample.optimised);
    vi.mocked(api.acceptSplit).mockResolvedValue(accepted.plan);
    const edit = vi.fn();
    render(<OptimiseSplit plan={sample.plan} view={sample.view} error={null} edit={edit} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    await screen.findByTestId("gain");
    expect(api.optimiseSplit).toHaveBeenCalledWith(sample.plan, "allocated");

    const a = sample.optimised.allocation;
    expect(document.querySelectorAll("svg.response-curve path.rc-line")).toHaveLength(sample.optimised.curves.length);
    expect(screen.getByTestId("gain").textContent).toBe(`+${a.gain}`);
    const brand = document.querySelector('tr[data-line="google-brand"]') as HTMLElement;
    expect(within(brand).getByText("$18,000.00")).toBeTruthy();
    const brandSplit = a.lines.find((l) => l.id === "google-brand")!;
    expect(brand.querySelector('[data-col="optimised"]')!.textContent).toBe(money(brandSplit.budget, "USD"));
    // The core's exact change, signed: the split moves money onto search brand.
    expect(brand.querySelector('[data-col="change"]')!.textContent).toBe(`▲ +${money(brandSplit.change, "USD")}`);
    expect(brand.querySelector('[data-col="bound"]')!.textContent).toBe("min $12,000.00");
    const youtube = document.querySelector('tr[data-line="youtube-instream"]') as HTMLElement;
    expect(youtube.querySelector('[data-col="change"]')!.textContent).toBe("▼ Cut to zero");
    expect(youtube.querySelector('[data-col="bound"]')!.textContent).toBe("At zero");
    const ctv = document.querySelector('tr[data-line="ctv-ttd"]') as HTMLElement;
    expect(ctv.querySelector('[data-col="optimised"]')!.textContent).toBe("kept");

    fireEvent.click(screen.getByRole("button", { name: "Accept split" }));
    await waitFor(() => expect(edit).toHaveBeenCalledTimes(1));
    expect(api.acceptSplit).toHaveBeenCalledWith(sample.plan, "allocated");
    expect(edit.mock.calls[0][0](sample.plan)).toBe(accepted.plan);
    await screen.findByRole("status");
    expect(document.querySelector("svg.response-curve")).toBeNull();
    expect(screen.getByRole("status").textContent).toMatch(/5,370\.98 → 5,845\.06/);
  });

  it("Reject closes the proposal without an edit", async () => {
    vi.mocked(api.optimiseSplit).mockResolvedValue(sample.optimised);
    const edit = vi.fn();
    render(<OptimiseSplit plan={sample.plan} view={sample.view} error={null} edit={edit} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    fireEvent.click(await screen.findByRole("button", { name: "Reject" }));
    expect(document.querySelector("svg.response-curve")).toBeNull();
    expect(edit).not.toHaveBeenCalled();
  });

  it("an already optimal split cannot be accepted again", async () => {
    vi.mocked(api.optimiseSplit).mockResolvedValue(accepted.optimised);
    render(<OptimiseSplit plan={accepted.plan} view={accepted.view} error={null} edit={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    await screen.findByTestId("gain");
    expect(screen.getByText("Already the best split on these curves")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Accept split" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("with no curves, explains how to give a line one and adds it as one edit", async () => {
    const plan = entry("pasted").plan;
    refuse({ code: "nothing_to_allocate", message: "no line has a response curve" });
    const edit = vi.fn();
    render(<OptimiseSplit plan={plan} view={entry("pasted").view} error={null} edit={edit} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    const box = await screen.findByTestId("nothing-to-allocate");
    expect(box.textContent).toMatch(/half saturation/);
    fireEvent.click(within(box).getAllByRole("button", { name: "Add curve" })[0]);
    const set = (path: string, v: string) => fireEvent.change(document.querySelector(`input[data-path="${path}"]`)!, { target: { value: v } });
    set("lines[0].response.max", "2,000");
    set("lines[0].response.shape", "1.2");
    set("lines[0].response.half_saturation", "$14,000");
    set("lines[0].min_budget", "4000");
    fireEvent.click(within(box).getByRole("button", { name: "Apply curve" }));
    const next = edit.mock.calls[0][0](plan) as Plan;
    expect(next.lines[0].response).toEqual({ curve: "hill", max: "2000", shape: "1.2", half_saturation: "14000" });
    expect(next.lines[0].min_budget).toBe("4000");
    expect(next.lines[0].max_budget).toBeUndefined();
    expect(next.lines.slice(1)).toEqual(plan.lines.slice(1));
  });

  it("says when no line has a curve before the planner asks", () => {
    render(<OptimiseSplit plan={blank.plan} view={blank.view} error={null} edit={vi.fn()} />);
    expect(screen.getByTestId("optimise-intro").textContent).toMatch(/Add channels first/);
    expect((screen.getByRole("button", { name: "Optimise split" }) as HTMLButtonElement).disabled).toBe(true);
    cleanup();
    const pasted = entry("pasted");
    render(<OptimiseSplit plan={pasted.plan} view={pasted.view} error={null} edit={vi.fn()} />);
    expect(screen.getByTestId("optimise-intro").textContent).toMatch(/No line has a response curve/);
    expect((screen.getByRole("button", { name: "Optimise split" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the core's other refusals in plain words, naming the line", async () => {
    refuse({ code: "infeasible_bounds", message: 'the minimums add up to more than the budget', path: "lines[0].min_budget", line: "google-brand" });
    render(<OptimiseSplit plan={sample.plan} view={sample.view} error={null} edit={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Search — Brand: The minimums add up to more than the budget/);
    expect(api.optimiseSplit).toHaveBeenCalledTimes(1);
  });

  it("a refused curve edit keeps the last proposal on screen, not to be accepted, and the form open", async () => {
    vi.mocked(api.optimiseSplit).mockResolvedValueOnce(sample.optimised);
    const { rerender } = render(<OptimiseSplit plan={sample.plan} view={sample.view} error={null} edit={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "Optimise split" }));
    await screen.findByTestId("gain");
    fireEvent.click(within(document.querySelector('tr[data-line="google-brand"]') as HTMLElement).getByRole("button", { name: "Curve" }));
    const bad: Plan = { ...sample.plan, lines: sample.plan.lines.map((l, i) => (i === 0 ? { ...l, response: { curve: "hill", max: "2000", shape: "0", half_saturation: "14000" } } : l)) };
    const error = new CommandError({ code: "out_of_range", message: "0 must be greater than zero", path: "lines[0].response.shape" });
    refuse(error);
    rerender(<OptimiseSplit plan={bad} view={sample.view} error={error} edit={vi.fn()} />);
    await waitFor(() => expect(api.optimiseSplit).toHaveBeenCalledTimes(2));
    await screen.findByText("0 must be greater than zero");
    expect(screen.getByTestId("gain").textContent).toBe(`+${sample.optimised.allocation.gain}`);
    expect((screen.getByRole("button", { name: "Accept split" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("CurveEditor", () => {
  it("shows the core's error under the curve field it names, and removing a curve drops its bounds", () => {
    const edit = vi.fn();
    const line = sample.plan.lines[0];
    render(
      <CurveEditor
        line={line}
        index={0}
        error={{ code: "out_of_range", message: "0 must be greater than zero", path: "lines[0].response.shape" }}
        edit={edit}
        onClose={() => {}}
        currency="USD"
      />,
    );
    const shape = document.querySelector('input[data-path="lines[0].response.shape"]') as HTMLInputElement;
    expect(shape.value).toBe("1.2");
    expect(shape.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("0 must be greater than zero")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove curve" }));
    const next = edit.mock.calls[0][0](sample.plan) as Plan;
    expect(next.lines[0].response).toBeUndefined();
    expect(next.lines[0].min_budget).toBeUndefined();
    expect(next.lines[0].budget).toBe(line.budget);
  });
});

describe("UnallocatedPrompt", () => {
  const budget = entry("budget") as unknown as { optimised: Optimised; optimisedBudget: Optimised };
  const m = (v: string) => `$${v}`;
  it("asks whether to allocate the rest too, with what it would add, and offers the way back", () => {
    const onBasis = vi.fn();
    render(<UnallocatedPrompt result={budget.optimised} basis="allocated" onBasis={onBasis} m={m} />);
    const o = budget.optimised;
    expect(screen.getByTestId("optimise-rest").textContent).toContain(
      `$${o.unallocated} of the budget is on no line. This split moves only the money already allocated (gain +${o.split_gain} ${o.result_unit}). Allocate the rest too? It would add +${o.unallocated_gain} ${o.result_unit} more.`,
    );
    fireEvent.click(screen.getByRole("button", { name: "Allocate the rest too" }));
    expect(onBasis).toHaveBeenCalledWith("budget");
    cleanup();
    render(<UnallocatedPrompt result={budget.optimisedBudget} basis="budget" onBasis={onBasis} m={m} />);
    const w = budget.optimisedBudget;
    expect(w.allocation.basis).toBe("budget");
    expect(screen.getByTestId("optimise-rest").textContent).toContain(`of the gain, +${w.split_gain} ${w.result_unit} is the better split`);
    fireEvent.click(screen.getByRole("button", { name: "Only the allocated money" }));
    expect(onBasis).toHaveBeenLastCalledWith("allocated");
  });

  it("says nothing when every dollar is on a line", () => {
    render(<UnallocatedPrompt result={entry("sample").optimised} basis="allocated" onBasis={() => {}} m={m} />);
    expect(screen.queryByTestId("optimise-rest")).toBeNull();
  });
});
