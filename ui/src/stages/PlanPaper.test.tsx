import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Plan } from "../bindings";
import core from "../test/core-fixtures.json";
import { PlanPaper, withNotes } from "./PlanPaper";

afterEach(cleanup);

const sample = core.scenarios.find((s) => s.name === "sample")!.plan as unknown as Plan;

describe("PlanPaper", () => {
  it("keeps one note a line, drops blank lines, and removes notes when emptied", () => {
    expect(withNotes(sample, "Prices net of discounts\n\n  Reach is modelled  \n").notes).toEqual(["Prices net of discounts", "Reach is modelled"]);
    expect("notes" in withNotes(sample, " \n")).toBe(false);
  });

  it("edits the paper, the number style and the notes the PDF prints, each as one edit", () => {
    const edit = vi.fn();
    render(<PlanPaper plan={sample} error={null} edit={edit} />);
    const notes = screen.getByLabelText("Notes and assumptions") as HTMLTextAreaElement;
    expect(notes.value).toBe((sample.notes ?? []).join("\n"));
    fireEvent.change(notes, { target: { value: "Rates as quoted on 12 Nov" } });
    fireEvent.blur(notes);
    expect(edit.mock.calls[0][0](sample).notes).toEqual(["Rates as quoted on 12 Nov"]);
    fireEvent.change(screen.getByLabelText("Paper"), { target: { value: "letter" } });
    expect(edit.mock.calls[1][0](sample).settings.paper).toBe("letter");
    expect(edit.mock.calls[1][0](sample).settings.calendar).toBe(sample.settings.calendar);
    const numbers = screen.getByLabelText("Numbers") as HTMLSelectElement;
    expect([...numbers.options].map((o) => o.value)).toEqual(["1,234.56", "1.234,56", "1 234,56", "1,23,456.78"]);
    fireEvent.change(numbers, { target: { value: "1,23,456.78" } });
    const next = edit.mock.calls[2][0](sample);
    expect(next.settings.number_style).toBe("1,23,456.78");
    expect(next.settings.paper).toBe(sample.settings.paper);
  });
});
