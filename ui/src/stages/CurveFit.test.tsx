import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { HillFit, Plan } from "../bindings";
import core from "../test/core-fixtures.json";
import trust from "../test/trust-fixtures.json";
import { CurveFit } from "./CurveFit";
import { NumberStyleContext } from "../components/numbers";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { fitCurve: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const sample = core.scenarios.find((s) => s.name === "sample")!.plan as unknown as Plan;
const fit = trust.fit.two as unknown as HillFit;

describe("CurveFit", () => {
  it("fits a curve from the spends and results typed, shows its numbers with units and words, and puts it on the line", async () => {
    vi.mocked(api.fitCurve).mockImplementation(async (_plan, points) => {
      if (points.length < 2) throw new CommandError(trust.fit.onePoint);
      expect(points).toEqual([
        { spend: "10000", result: "400" },
        { spend: "40000", result: "1000" },
      ]);
      return fit;
    });
    const edit = vi.fn();
    const onDone = vi.fn();
    render(<CurveFit plan={sample} line={sample.lines[2]} index={2} currency="USD" edit={edit} onDone={onDone} />);
    fireEvent.change(screen.getByLabelText("Spend 1"), { target: { value: "$10,000" } });
    fireEvent.change(screen.getByLabelText("Result 1"), { target: { value: "400" } });
    fireEvent.click(screen.getByRole("button", { name: "Fit curve" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Give 2 to 12 points/);
    fireEvent.change(screen.getByLabelText("Spend 2"), { target: { value: "40,000" } });
    fireEvent.change(screen.getByLabelText("Result 2"), { target: { value: "1000" } });
    fireEvent.click(screen.getByRole("button", { name: "Fit curve" }));
    const result = await screen.findByTestId("curve-fit");
    expect(result.textContent).toContain(fit.summary);
    expect(result.textContent).toContain(fit.assumption!);
    const half = fit.parameters.find((p) => p.name === "half_saturation")!;
    expect(Array.from(result.querySelectorAll("dt")).map((dt) => dt.textContent)).toContain(`${half.label}: 40,000.00 USD`);
    fireEvent.click(screen.getByRole("button", { name: "Use this curve" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const next = edit.mock.calls[0][0](sample) as Plan;
    expect(next.lines[2].response).toEqual(fit.response);
    expect(next.lines[1]).toEqual(sample.lines[1]);
  });

  it("reads the spends typed and shows the fitted figures in the plan's number style", async () => {
    vi.mocked(api.fitCurve).mockImplementation(async (_plan, points) => {
      expect(points).toEqual([
        { spend: "10000.50", result: "400" },
        { spend: "40000", result: "1000" },
      ]);
      return fit;
    });
    render(
      <NumberStyleContext.Provider value="1.234,56">
        <CurveFit plan={sample} line={sample.lines[2]} index={2} currency="EUR" edit={vi.fn()} onDone={vi.fn()} />
      </NumberStyleContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText("Spend 1"), { target: { value: "10.000,50" } });
    fireEvent.change(screen.getByLabelText("Result 1"), { target: { value: "400" } });
    fireEvent.change(screen.getByLabelText("Spend 2"), { target: { value: "40.000" } });
    fireEvent.change(screen.getByLabelText("Result 2"), { target: { value: "1000" } });
    fireEvent.click(screen.getByRole("button", { name: "Fit curve" }));
    const result = await screen.findByTestId("curve-fit");
    const half = fit.parameters.find((p) => p.name === "half_saturation")!;
    expect(Array.from(result.querySelectorAll("dt")).map((dt) => dt.textContent)).toContain(`${half.label}: 40.000,00 USD`);
  });
});
