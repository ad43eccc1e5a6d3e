import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { TextField } from "./Field";

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
