import { afterEach, describe, expect, it, vi } from "vitest";

// The IPC itself: what save_plan is sent, answered by a stand-in for the shell.
const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { api, changesText } = await import("./api");
import type { Plan } from "./bindings";

const line = (id: string, rate: string) => ({ id, rate }) as unknown as Plan["lines"][number];
const held = { name: "Q1", lines: [line("a", "1.00"), line("b", "2.00"), line("c", "3.00")] } as unknown as Plan;
const sentText = (call: unknown[]) => new TextDecoder().decode(call[1] as Uint8Array);

afterEach(() => invoke.mockReset());

describe("changesText", () => {
  it.each([
    ["one line changed", [held.lines[0], line("b", "2.50"), held.lines[2]], [0, null, 2], [line("b", "2.50")]],
    ["the same values in a new object are sent", [held.lines[0], { ...held.lines[1] }, held.lines[2]], [0, null, 2], [line("b", "2.00")]],
    ["lines moved and one dropped", [held.lines[2], held.lines[0]], [2, 0], []],
    ["a line added", [...held.lines, line("d", "4.00")], [0, 1, 2, null], [line("d", "4.00")]],
  ])("%s", (_, lines, kept, changed) => {
    const text = changesText({ ...held, name: "Q1 (revised)", lines }, held);
    const [head, k, c, more] = text.split("\n");
    expect(more).toBeUndefined();
    expect(JSON.parse(head)).toEqual({ name: "Q1 (revised)", lines: [] });
    expect(JSON.parse(k)).toEqual(kept);
    expect(JSON.parse(c)).toEqual(changed);
  });
});

describe("api.savePlan", () => {
  const answer = { view_id: 9, view: { lines: [] }, kept: null };
  const plan = { ...held, lines: [held.lines[0], line("b", "2.50"), held.lines[2]] } as Plan;

  it("sends the whole plan with no view held, and its changes with one", async () => {
    invoke.mockResolvedValue(answer);
    await api.savePlan(4, plan);
    expect(sentText(invoke.mock.calls[0])).toBe(`4\n${JSON.stringify(plan)}`);
    await api.savePlan(4, plan, { viewId: 7, plan: held });
    expect(sentText(invoke.mock.calls[1])).toBe(`4 7 changes\n${changesText(plan, held)}`);
  });

  it("sends the plan whole when the shell no longer holds the view, and passes on any other refusal", async () => {
    invoke.mockRejectedValueOnce({ code: "view_not_held", message: "gone" }).mockResolvedValueOnce(answer);
    await expect(api.savePlan(4, plan, { viewId: 7, plan: held })).resolves.toEqual(answer);
    expect(invoke.mock.calls.map(sentText).map((t) => t.split("\n")[0])).toEqual(["4 7 changes", "4"]);
    invoke.mockRejectedValueOnce({ code: "negative_value", message: "-2.40 is negative", path: "lines[1].rate" });
    await expect(api.savePlan(4, plan, { viewId: 7, plan: held })).rejects.toMatchObject({ code: "negative_value" });
    expect(invoke).toHaveBeenCalledTimes(3);
  });
});
