import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { TextField } from "./Field";
import { NumberStyleContext } from "./numbers";

afterEach(cleanup);

describe("a date form field", () => {
  it("shows the plan's ISO date by the one rule, commits what it reads as ISO, and says what it cannot read under the field", () => {
    const language = vi.spyOn(navigator, "language", "get").mockReturnValue("en-GB");
    const commits: string[] = [];
    render(<TextField label="Start" type="date" path="start" value="2027-01-04" onCommit={(v) => commits.push(v)} />);
    const input = screen.getByLabelText<HTMLInputElement>("Start");
    expect([input.value, input.dataset.date]).toEqual(["4 Jan 2027", "2027-01-04"]);

    fireEvent.change(input, { target: { value: "5/17/2027" } });
    fireEvent.blur(input);
    expect(commits).toEqual([]);
    expect(screen.getByRole("alert").textContent).toBe('"5/17/2027" is not a date read as day/month/year, this computer\'s date order');
    expect(input.getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(input, { target: { value: "17/5/2027" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(commits).toEqual(["2027-05-17"]);
    expect(screen.queryByRole("alert")).toBeNull();
    language.mockRestore();
  });
});

describe("a numeric form field", () => {
  it("shows and reads its figure in the plan's number style: 2.400,50 typed in a 1.234,56 plan is 2400.50", () => {
    const commits: string[] = [];
    render(
      <NumberStyleContext.Provider value="1.234,56">
        <TextField label="Budget" path="budget" numeric value="50000.25" placeholder="e.g. 25.00" onCommit={(v) => commits.push(v)} />
      </NumberStyleContext.Provider>,
    );
    const input = screen.getByLabelText<HTMLInputElement>("Budget");
    expect([input.value, input.placeholder]).toEqual(["50000,25", "e.g. 25,00"]);
    // Leaving the field as shown commits nothing: the shown "50000,25" is the plan's 50000.25.
    fireEvent.blur(input);
    expect(commits).toEqual([]);
    fireEvent.change(input, { target: { value: "2.400,50" } });
    fireEvent.keyDown(input, { key: "Enter" });
    fireEvent.change(input, { target: { value: "2.400" } });
    fireEvent.blur(input);
    expect(commits).toEqual(["2400.50", "2400"]);
  });

  it("reads dot decimals where the plan writes 1,234.56, and leaves text fields as typed", () => {
    const commits: string[] = [];
    render(
      <>
        <TextField label="CPM" path="rate" numeric value="12.5" onCommit={(v) => commits.push(v)} />
        <TextField label="Name" path="name" value="Q1" onCommit={(v) => commits.push(v)} />
      </>,
    );
    const rate = screen.getByLabelText<HTMLInputElement>("CPM");
    expect(rate.value).toBe("12.5");
    fireEvent.change(rate, { target: { value: "1,250.75" } });
    fireEvent.blur(rate);
    const name = screen.getByLabelText<HTMLInputElement>("Name");
    fireEvent.change(name, { target: { value: "Q1 2.400,50" } });
    fireEvent.blur(name);
    expect(commits).toEqual(["1250.75", "Q1 2.400,50"]);
  });
});

describe("a field left after its edit was committed", () => {
  it("commits what was typed once, and nothing when its value changed from outside (an undo) before it was left", () => {
    const commits: string[] = [];
    const { rerender } = render(<TextField label="Share" path="share" numeric value="50" onCommit={(v) => commits.push(v)} />);
    const input = screen.getByLabelText<HTMLInputElement>("Share");
    fireEvent.change(input, { target: { value: "60" } });
    fireEvent.keyDown(input, { key: "Enter" });
    // Left before the plan's answer reached the field: no second save of the same edit.
    fireEvent.blur(input);
    expect(commits).toEqual(["60"]);
    // The plan holds the edit, then it is undone: the field shows 50 again, and leaving it sends
    // nothing.
    rerender(<TextField label="Share" path="share" numeric value="60" onCommit={(v) => commits.push(v)} />);
    rerender(<TextField label="Share" path="share" numeric value="50" onCommit={(v) => commits.push(v)} />);
    fireEvent.blur(input);
    expect([commits, input.value]).toEqual([["60"], "50"]);
  });
});
