import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import fixtures from "../../test/core-fixtures.json";
import type { Actual, Plan } from "../../bindings";
import type { CommandErrorBody } from "../../types";
import { ActualsGrid } from "./ActualsGrid";
import { showDate } from "../../dates";

afterEach(cleanup);

const scenario = (n: string) => fixtures.scenarios.find((s) => s.name === n)!.plan as unknown as Plan;
// The monitored plan with the Google Ads report imported (day rows) and a month typed in.
const imported = scenario("monitorImported");
const month: Actual = { line: "radio-nyc", start: "2027-02-01", end: "2027-02-28", spend: "9000.00" };
const plan: Plan = { ...imported, actuals: [...imported.actuals!, month] };

function grid(error: CommandErrorBody | null = null, edits: Plan[] = []) {
  return render(<ActualsGrid plan={plan} error={error} edit={(change) => edits.push(change(plan))} defaultDate="2027-01-20" />);
}

describe("the actuals grid", () => {
  it("shows every row's start, end and what it covers: weeks, imported days, a month", () => {
    grid();
    const rows = [...document.querySelectorAll(".actuals-table tbody tr")];
    expect(rows).toHaveLength(plan.actuals!.length);
    const covers = rows.map((r) => r.querySelector('[data-testid="covers"]')!.textContent);
    plan.actuals!.forEach((a, i) => {
      const start = rows[i].querySelector<HTMLInputElement>(`input[data-path="actuals[${i}].start"]`)!;
      const end = rows[i].querySelector<HTMLInputElement>(`input[data-path="actuals[${i}].end"]`)!;
      expect([start.dataset.date, end.dataset.date]).toEqual([a.start, a.end]);
      expect(start.value).toBe(showDate(a.start));
    });
    expect(covers[0]).toBe("Week");
    const google = plan.actuals!.findIndex((a) => a.source?.startsWith("google:"));
    expect(google).toBeGreaterThan(0);
    expect(covers[google]).toBe("Day");
    expect(rows[google].querySelector(".source")!.textContent).toBe("Google · Search - Brand - US");
    expect(covers[covers.length - 1]).toBe("Feb 2027");
  });

  it("shows the core's refusal under the start or end it is about", () => {
    grid({ code: "invalid_field", message: "2027-01-01 is before the start 2027-01-18", path: "actuals[2].end" });
    const end = document.querySelector('input[data-path="actuals[2].end"]')!;
    expect(end.getAttribute("aria-invalid")).toBe("true");
    expect(end.parentElement!.querySelector(".field-error")!.textContent).toBe("2027-01-01 is before the start 2027-01-18");
    expect(document.querySelector('input[data-path="actuals[2].start"]')!.getAttribute("aria-invalid")).toBeNull();
    cleanup();
    grid({ code: "invalid_field", message: '"2027-02-30" is not a date', path: "actuals[4].start" });
    expect(document.querySelector('input[data-path="actuals[4].start"]')!.getAttribute("aria-invalid")).toBe("true");
  });

  it("edits a day's row: moving its start moves its end", () => {
    const edits: Plan[] = [];
    grid(null, edits);
    const i = plan.actuals!.findIndex((a) => a.start === a.end);
    const start = document.querySelector<HTMLInputElement>(`input[data-path="actuals[${i}].start"]`)!;
    fireEvent.change(start, { target: { value: "2025-09-10" } });
    fireEvent.keyDown(start, { key: "Enter" });
    expect(edits).toHaveLength(1);
    expect(edits[0].actuals![i]).toMatchObject({ start: "2025-09-10", end: "2025-09-10" });
  });

  it("adds a day, a Monday-to-Sunday week or any range", () => {
    const edits: Plan[] = [];
    grid(null, edits);
    const start = screen.getByLabelText<HTMLInputElement>("New row start");
    const end = screen.getByLabelText<HTMLInputElement>("New row end");
    const covers = screen.getByLabelText<HTMLSelectElement>("New row covers");
    const add = screen.getByText<HTMLButtonElement>("Add row");
    // A week by default: the week of the review day, Wednesday 20 January.
    expect([covers.value, start.dataset.date, end.dataset.date, end.readOnly]).toEqual(["week", "2027-01-18", "2027-01-24", true]);
    fireEvent.change(start, { target: { value: "2027-02-03" } });
    expect(end.dataset.date).toBe("2027-02-07");
    fireEvent.blur(start);
    expect(start.dataset.date).toBe("2027-02-01");

    fireEvent.change(covers, { target: { value: "day" } });
    expect([start.dataset.date, end.dataset.date, end.readOnly]).toEqual(["2027-02-01", "2027-02-01", true]);

    fireEvent.change(covers, { target: { value: "range" } });
    expect(end.readOnly).toBe(false);
    fireEvent.change(screen.getByLabelText("New row spend"), { target: { value: "1,250.50" } });
    fireEvent.change(end, { target: { value: "2027-01-30" } });
    expect(add.disabled).toBe(true);
    expect(end.parentElement!.querySelector(".field-error")!.textContent).toBe("ends before it starts");
    fireEvent.change(end, { target: { value: "2027-02-14" } });
    fireEvent.change(screen.getByLabelText("New row line"), { target: { value: "radio-nyc" } });
    fireEvent.click(add);
    expect(edits).toHaveLength(1);
    expect(edits[0].actuals![edits[0].actuals!.length - 1]).toEqual({ line: "radio-nyc", start: "2027-02-01", end: "2027-02-14", spend: "1250.50" });

    fireEvent.change(covers, { target: { value: "week" } });
    fireEvent.change(screen.getByLabelText("New row spend"), { target: { value: "700" } });
    fireEvent.keyDown(screen.getByLabelText("New row spend"), { key: "Enter" });
    expect(edits[1].actuals![edits[1].actuals!.length - 1]).toMatchObject({ start: "2027-02-01", end: "2027-02-07", spend: "700" });
  });
});
