import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import fixtures from "../../test/core-fixtures.json";
import type { Monitor } from "../../bindings";
import { PacingChart, TOTAL } from "./PacingChart";

afterEach(cleanup);

const monitor = (n: string) => fixtures.scenarios.find((s) => s.name === n)!.monitor as unknown as Monitor;
const points = (d: string) => d.slice(1).split("L").map((p) => p.split(",").map(Number));

describe("PacingChart", () => {
  it("stacks the lines' planned curves to the plan's budget and stops the actual curve at the review day", () => {
    const mon = monitor("monitored");
    render(<PacingChart pacing={mon.pacing} selected={TOTAL} />);
    const planned = points(screen.getByTestId("pace-planned").getAttribute("d")!);
    const actual = points(screen.getByTestId("pace-actual").getAttribute("d")!);
    // 12 flight weeks (4 Jan – 28 Mar) after the origin; the last is the whole $250,000 budget,
    // the top gridline of a 0–250k scale in steps of 50k.
    expect(planned).toHaveLength(13);
    expect(planned[12][1]).toBe(14);
    expect(screen.getByText("$250k")).toBeTruthy();
    // Three weeks of actuals, ending on the as-of day (24 Jan, the end of week 3).
    expect(actual).toHaveLength(4);
    expect(actual[3][0]).toBeCloseTo(planned[3][0], 1);
    expect(screen.getByTestId("pace-asof").textContent).toContain("As of 24 Jan");
    expect(screen.getByText(/By 24 Jan: expected \$58,870\.74 · spent \$49,444\.15/)).toBeTruthy();
  });

  it("charts one line with its own figures and colours its alert", () => {
    const mon = monitor("monitored");
    render(<PacingChart pacing={mon.pacing} selected="google-generic" />);
    expect(screen.getByTestId("pace-actual").getAttribute("class")).toContain("tone-over");
    expect(screen.getByText(/By 24 Jan: expected \$10,500\.00 · spent \$12,430\.85/)).toBeTruthy();
  });

  it("has no review-day marker before the flight starts", () => {
    const mon = monitor("sample");
    render(<PacingChart pacing={mon.pacing} selected={TOTAL} />);
    expect(screen.queryByTestId("pace-asof")).toBeNull();
    expect(points(screen.getByTestId("pace-actual").getAttribute("d")!)).toHaveLength(1);
  });
});
