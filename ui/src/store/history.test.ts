import { describe, expect, it } from "vitest";
import { History } from "./history";

describe("History", () => {
  it("undoes and redoes every step in order, without limit", () => {
    const h = new History({ budget: "0" });
    for (let i = 1; i <= 250; i++) h.push({ budget: String(i * 1000) });
    expect(h.current.budget).toBe("250000");
    for (let i = 0; i < 250; i++) h.undo();
    expect(h.current.budget).toBe("0");
    expect(h.canUndo).toBe(false);
    expect(h.undo()).toBeUndefined();
    expect(h.redo()?.budget).toBe("1000");
    expect(h.redo()?.budget).toBe("2000");
    expect(h.canRedo).toBe(true);
  });

  it("drops the redo branch when a new edit is made after an undo", () => {
    const h = new History("a");
    h.push("b");
    h.push("c");
    expect(h.undo()).toBe("b");
    h.push("d");
    expect(h.canRedo).toBe(false);
    expect(h.redo()).toBeUndefined();
    expect(h.undo()).toBe("b");
    expect(h.undo()).toBe("a");
  });
});
