import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import fixtures from "../test/core-fixtures.json";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { AudienceStage } from "./AudienceStage";

afterEach(cleanup);

const sample = fixtures.scenarios.find((s) => s.name === "sample")! as unknown as { plan: Plan; view: PlanView };

describe("stage 2's competitor log", () => {
  it("shows the days each ad has run and marks the proven ones as the core counted them", () => {
    // The fixtures are computed without a day, so the ads still running have no count there: the
    // one that stopped ran 28 days. With a day, the core counts to it (as the app's view does).
    expect(sample.view.competitors).toEqual([
      { days_running: null, proven: false },
      { days_running: null, proven: false },
      { days_running: 28, proven: false },
    ]);
    const view = { ...sample.view, competitors: [{ days_running: 110, proven: true }, { days_running: 68, proven: false }, { days_running: 28, proven: false }] };
    render(<AudienceStage plan={sample.plan} view={view} error={null} edit={() => {}} today="2026-11-21" />);
    const cells = screen.getAllByTestId("days-running").map((c) => c.textContent);
    expect(cells).toEqual(["110 dProven", "68 d", "28 d"]);
  });

  it("shows no count where the core gives none", () => {
    render(<AudienceStage plan={sample.plan} view={sample.view} error={null} edit={() => {}} today="2026-11-21" />);
    expect(screen.getAllByTestId("days-running").map((c) => c.textContent)).toEqual(["—", "—", "28 d"]);
  });
});
