import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { draggedDates, Flowchart, lineCells, weekEnd } from "./Flowchart";
import { twoLineView } from "../test/fixtures";
import { reachScenario } from "../test/reach";

afterEach(cleanup);

describe("Flowchart", () => {
  it("bands the weeks by month with the core's labels and spans", () => {
    render(<Flowchart view={twoLineView} />);
    const bands = screen.getAllByTestId("month-band");
    expect(bands.map((b) => b.textContent)).toEqual(["Jan 2027", "Feb 2027"]);
    expect(bands.map((b) => b.getAttribute("colspan"))).toEqual(["2", "4"]);
    // The week row shows each Monday's day of month.
    const weekRow = screen.getByRole("table").querySelectorAll("thead tr")[1];
    expect(Array.from(weekRow.querySelectorAll("th")).map((th) => th.textContent)).toEqual([
      "18",
      "25",
      "1",
      "8",
      "15",
      "22",
    ]);
  });

  it("shades the hiatus week and leaves weeks outside the flight empty", () => {
    render(<Flowchart view={twoLineView} />);
    const row = screen.getByRole("rowheader", { name: /Morning Brew/ }).closest("tr")!;
    const states = Array.from(row.querySelectorAll("td")).map((td) => td.getAttribute("data-state"));
    expect(states).toEqual(["off", "off", "on", "hiatus", "on", "off"]);
    const hiatus = row.querySelector("td.fc-hiatus")!;
    expect(hiatus.textContent).toBe("");
    expect(hiatus.getAttribute("title")).toMatch(/2027-02-08: hiatus/);
  });

  it("prints each week's spend and the weekly totals exactly as given, digits grouped", () => {
    render(<Flowchart view={twoLineView} />);
    const search = screen.getByRole("rowheader", { name: /Search — Brand/ }).closest("tr")!;
    expect(within(search).getAllByText("2,000.00")).toHaveLength(6);
    const footer = screen.getByRole("rowheader", { name: "Net per week" }).closest("tr")!;
    expect(Array.from(footer.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "2,000.00",
      "2,000.00",
      "6,000.00",
      "2,000.00",
      "6,000.00",
      "2,000.00",
    ]);
  });

  it("marks the ends of each run of on-air weeks for the bar's rounded ends", () => {
    const cells = lineCells(twoLineView.weeks, twoLineView.lines[1].weeks);
    expect(cells.map((c) => [c.state, c.runStart, c.runEnd])).toEqual([
      ["off", false, false],
      ["off", false, false],
      ["on", true, true],
      ["hiatus", false, false],
      ["on", true, true],
      ["off", false, false],
    ]);
  });
});

describe("dragging a flight's ends", () => {
  const grid = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"];
  it("snaps a start to the week's Monday and an end to its Sunday", () => {
    expect(weekEnd("2027-01-25")).toBe("2027-01-31");
    expect(weekEnd("2028-02-28")).toBe("2028-03-05");
    expect(draggedDates(grid, 1, 2, "start", 0)).toEqual(["2027-01-04", "2027-01-24"]);
    expect(draggedDates(grid, 1, 2, "end", 3)).toEqual(["2027-01-11", "2027-01-31"]);
  });
  it("never lets one end pass the other", () => {
    expect(draggedDates(grid, 1, 2, "start", 3)).toEqual(["2027-01-18", "2027-01-24"]);
    expect(draggedDates(grid, 1, 2, "end", 0)).toEqual(["2027-01-11", "2027-01-17"]);
  });
});

describe("a traditional line's weekly units", () => {
  it("shows the core's spots per week under each week's spend, and the line's total beside its name", () => {
    const { view } = reachScenario("reach.roadSafety");
    render(<Flowchart view={view!} />);
    const drive = screen.getByRole("rowheader", { name: /Drive time — top 25 markets/ }).closest("tr")!;
    expect(within(drive).getAllByTestId("week-units").map((e) => e.textContent)).toEqual(["240 spots", "200 spots", "160 spots"]);
    expect(view!.lines[3].weeks.units).toEqual([240, 200, 160]);
    expect(drive.querySelector("th")!.textContent).toBe("Drive time — top 25 marketsRadio · 600 spots");
    expect(drive.querySelector("td")!.getAttribute("title")).toBe("Drive time — top 25 markets, week of 2027-05-17: 320,000.00, 240 spots");
  });

  it("shows faces a week for out of home, and nothing extra for a digital line", () => {
    const { view } = reachScenario("reach.billboards");
    render(<Flowchart view={view!} />);
    const ooh = screen.getByRole("rowheader", { name: /Billboards/ }).closest("tr")!;
    expect(within(ooh).getAllByTestId("week-units").map((e) => e.textContent)).toEqual(["20 faces", "20 faces", "20 faces"]);
    expect(ooh.querySelector("th")!.textContent).toBe("Billboards — per face per weekOut of home · 20 faces a week");
    cleanup();
    render(<Flowchart view={twoLineView} />);
    expect(screen.queryAllByTestId("week-units")).toHaveLength(0);
  });
});
