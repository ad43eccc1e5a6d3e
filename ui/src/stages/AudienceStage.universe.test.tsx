import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Plan } from "../bindings";
import { AudienceStage } from "./AudienceStage";
import { canonical } from "../test/canonical";
import { reachScenario } from "../test/reach";

afterEach(cleanup);

const rs = reachScenario("reach.roadSafety");
const commit = (path: string, value: string) => {
  const input = document.querySelector(`input[data-path="${path}"]`)!;
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: "Enter" });
};

describe("stage 2: the target audience and its universe", () => {
  it("shows the plan's audience and universe, explained, and each line's own", () => {
    render(<AudienceStage plan={rs.plan} view={rs.view} error={null} edit={() => {}} today="2026-11-21" />);
    expect((document.querySelector('input[data-path="target_audience"]') as HTMLInputElement).value).toBe("Men 18–34");
    expect((document.querySelector('input[data-path="universe"]') as HTMLInputElement).value).toBe("37500000");
    expect(screen.getByText("37,500,000 people")).toBeTruthy();
    expect(document.querySelector(".universe-explained")!.textContent).toMatch(/how many people are in the target audience, from your measurement source/);
    const rows = screen.getAllByTestId("line-audience-row");
    expect(rows.map((r) => r.getAttribute("data-line"))).toEqual(rs.plan.lines.map((l) => l.id));
    // The universe each line's points are counted on is the core's: the drive-time stations' own.
    expect(rows.map((r) => r.querySelector('[data-testid="line-universe"]')!.textContent)).toEqual(["37,500,000", "37,500,000", "37,500,000", "15,000,000"]);
  });

  it("typing a universe or a line's on-target share is an edit of the plan", () => {
    const edit = vi.fn();
    render(<AudienceStage plan={rs.plan} view={rs.view} error={null} edit={edit} today="2026-11-21" />);
    commit("universe", "40,000,000");
    expect((edit.mock.calls[0][0](rs.plan) as Plan).universe).toBe("40000000");
    commit("lines[2].target_pct", "80");
    expect(canonical(edit.mock.calls[1][0](rs.plan))).toBe(canonical(reachScenario("reach.radioOnTarget").plan));
  });

  it("shows the core's refusal of a universe under the field", () => {
    render(
      <AudienceStage
        plan={{ ...rs.plan, universe: "0" }}
        error={{ code: "out_of_range", message: "the universe must be greater than zero", path: "universe" }}
        edit={() => {}}
        today="2026-11-21"
      />,
    );
    expect(screen.getByRole("alert").textContent).toBe("The universe must be greater than zero");
  });

  it("a goal counted in people needs the universe before stage 2 is complete (the core's stages)", () => {
    const stage2 = rs.view!.stages.find((s) => s.stage === 2)!;
    expect(stage2.checks.map((c) => `${c.label}:${c.done}`)[0]).toBe("Target universe:true");
  });
});
