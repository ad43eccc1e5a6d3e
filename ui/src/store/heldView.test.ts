import { describe, expect, it } from "vitest";
import { viewFromAnswer, type HeldView } from "./heldView";
import type { SavedView } from "../bindings";
import type { PlanView } from "../types";

// Views cut down to what the answer's lines are put back from: ids and a figure.
const line = (id: string, gross: string) => ({ id, gross });
const view = (lines: ReturnType<typeof line>[], budget = "100.00") => ({ lines, totals: { budget } }) as unknown as PlanView;
const held: HeldView = { id: 4, view: view([line("a", "1.00"), line("b", "2.00"), line("c", "3.00")]) };
const answer = (kept: SavedView["kept"], lines: ReturnType<typeof line>[], budget = "120.00"): SavedView => ({ view_id: 5, view: view(lines, budget), kept });

describe("viewFromAnswer", () => {
  it("takes a whole view as it is", () => {
    const whole = answer(null, [line("a", "9.00")]);
    expect(viewFromAnswer(whole, held)).toEqual({ id: 5, view: whole.view });
    expect(viewFromAnswer(whole, null)).toEqual({ id: 5, view: whole.view });
  });

  it.each([
    ["one line changed", [0, null, 2], [line("b", "2.50")], ["a:1.00", "b:2.50", "c:3.00"]],
    ["nothing changed", [0, 1, 2], [], ["a:1.00", "b:2.00", "c:3.00"]],
    ["lines moved, one added, one dropped", [2, null, 0], [line("d", "4.00")], ["c:3.00", "d:4.00", "a:1.00"]],
    ["every line changed", [null, null], [line("a", "0.50"), line("b", "0.75")], ["a:0.50", "b:0.75"]],
  ] as const)("puts the lines back together: %s", (_, kept, sent, expected) => {
    const got = viewFromAnswer(answer({ from: 4, lines: [...kept] }, [...sent]), held);
    expect(got.id).toBe(5);
    expect(got.view.lines.map((l) => `${l.id}:${l.gross}`)).toEqual(expected);
    expect((got.view.totals as { budget: string }).budget).toBe("120.00");
    // Kept lines are the held objects themselves, so rows see at once that they are unchanged.
    kept.forEach((k, i) => k !== null && expect(got.view.lines[i]).toBe(held.view.lines[k]));
  });

  it.each([
    ["refers to another view", { from: 3, lines: [0, 1, 2] }, [], held, /refer to view 3, and the screen holds 4/],
    ["no view is held", { from: 4, lines: [0] }, [], null, /the screen holds none/],
    ["names a line the held view lacks", { from: 4, lines: [0, 3] }, [], held, /line 3 is not in the held view/],
    ["sends too few lines", { from: 4, lines: [null, null] }, [line("a", "1.00")], held, /fewer lines were sent/],
    ["sends too many lines", { from: 4, lines: [0] }, [line("b", "1.00")], held, /more lines were sent/],
  ] as const)("refuses an answer that %s, with a code and a message", (_, kept, sent, h, says) => {
    let error: unknown;
    try {
      viewFromAnswer(answer({ from: kept.from, lines: [...kept.lines] }, [...sent]), h);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "internal" });
    expect((error as Error).message).toMatch(says);
  });
});
