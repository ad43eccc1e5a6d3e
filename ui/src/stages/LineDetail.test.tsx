import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api } from "../api";
import type { Line } from "../bindings";
import { LineDetail } from "./LineDetail";
import { setCount, unitFields } from "./lineUnits";
import { forgetCatalogues } from "./catalogue";
import { catalogueFor, reachScenario } from "../test/reach";

afterEach(cleanup);
beforeEach(() => {
  forgetCatalogues();
  vi.restoreAllMocks();
  vi.spyOn(api, "catalogue").mockImplementation((u) => Promise.resolve(catalogueFor(u)));
});

const rs = reachScenario("reach.roadSafety");

function detail(id: string, error: { code: string; message: string; path?: string } | null = null) {
  const index = rs.plan.lines.findIndex((l) => l.id === id);
  const onLine = vi.fn<(line: Line) => void>();
  render(
    <LineDetail plan={rs.plan} line={rs.plan.lines[index]} view={rs.view!.lines[index]} index={index} error={error} onLine={onLine} />,
  );
  const field = (path: string) => document.querySelector(`[data-path="lines[${index}].${path}"]`) as HTMLInputElement;
  const commit = (path: string, value: string) => {
    fireEvent.change(field(path), { target: { value } });
    fireEvent.keyDown(field(path), { key: "Enter" });
  };
  return { index, onLine, field, commit };
}

describe("a line's medium, audience and units", () => {
  it("a TV line shows its spot length, spots and dayparts, and what the core says it books", async () => {
    const { field, commit, onLine } = detail("tv-network");
    await waitFor(() => expect(screen.getByRole("option", { name: "Linear TV" })).toBeTruthy());
    expect(field("spot_length").value).toBe("30");
    expect(field("spots").value).toBe("96");
    expect(screen.getByTestId("line-booked").textContent).toBe(" · books 96 spots over the flight");
    expect(screen.getAllByTestId("daypart-row").map((r) => Array.from(r.querySelectorAll("input")).map((i) => i.value))).toEqual([
      ["Prime", "50"],
      ["Live sports", "30"],
      ["Late fringe", "20"],
    ]);
    // No faces, insertions or readership on a TV line.
    expect(field("faces")).toBeNull();
    expect(field("insertions")).toBeNull();
    commit("spots", "120");
    expect(onLine.mock.calls[0][0].spots).toBe(120);
    commit("dayparts[0].share", "60");
    expect(onLine.mock.calls[1][0].dayparts![0]).toEqual({ name: "Prime", share: "60" });
  });

  it("a regional station carries its own audience and universe; the plan's show as placeholders elsewhere", () => {
    const own = detail("radio-drive");
    expect(own.field("target_audience").value).toBe("Men 18–34, top 25 markets");
    expect(own.field("universe").value).toBe("15000000");
    cleanup();
    const network = detail("radio-network");
    expect(network.field("universe").value).toBe("");
    expect(network.field("universe").placeholder).toBe("The plan's: 37,500,000");
    expect(network.field("target_audience").placeholder).toBe("The plan's: Men 18–34");
    network.commit("target_pct", "80");
    expect(network.onLine.mock.calls[0][0].target_pct).toBe("80");
    // The same edit as stage 2's, so the core's answer is in the fixtures.
    expect(network.onLine.mock.calls[0][0]).toEqual(reachScenario("reach.radioOnTarget").plan.lines[2]);
  });

  it("the core's refusal of the daypart shares is shown under the dayparts", () => {
    const refused = reachScenario("reach.primeSixty").error as { code: string; message: string; path: string };
    expect(refused.path).toBe("lines[0].dayparts");
    detail("tv-network", refused);
    expect(screen.getByRole("alert").textContent).toBe("The daypart shares add up to 110%, not 100%");
  });

  it("knows which units each medium books, and reads whole counts as numbers", () => {
    expect(unitFields("tv", "cpp")).toEqual({ spots: true, dayparts: true, faces: false, print: false });
    expect(unitFields("cinema", "per_face_week")).toEqual({ spots: true, dayparts: false, faces: true, print: false });
    expect(unitFields("ooh", "cpm")).toEqual({ spots: false, dayparts: false, faces: true, print: false });
    expect(unitFields(null, "per_insertion")).toEqual({ spots: false, dayparts: false, faces: false, print: true });
    const line = rs.plan.lines[0];
    expect(setCount(line, "faces", " 12 ").faces).toBe(12);
    expect(setCount(line, "spots", "").spots).toBeUndefined();
    expect((setCount(line, "spots", "ten") as unknown as { spots: string }).spots).toBe("ten");
  });

  it("booking faces on a per-face line takes off its share or amount", () => {
    const ooh = reachScenario("reach.billboards").plan.lines[4];
    const funded = { ...ooh, faces: undefined, budget: "100000" } as Line;
    const onLine = vi.fn<(line: Line) => void>();
    render(<LineDetail plan={rs.plan} line={funded} index={4} error={null} onLine={onLine} />);
    const faces = document.querySelector('[data-path="lines[4].faces"]') as HTMLInputElement;
    fireEvent.change(faces, { target: { value: "30" } });
    fireEvent.keyDown(faces, { key: "Enter" });
    expect(onLine.mock.calls[0][0]).toMatchObject({ faces: 30 });
    expect(onLine.mock.calls[0][0].budget).toBeUndefined();
  });
});
