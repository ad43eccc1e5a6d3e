import { describe, expect, it } from "vitest";
import type { PlanSummary } from "./types";
import { RECENT_KEY, recentIds, recentPlans, rememberOpened } from "./recent";

function memory(initial?: string): Storage {
  const data = new Map<string, string>(initial === undefined ? [] : [[RECENT_KEY, initial]]);
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const summary = (id: number): PlanSummary => ({
  id,
  name: `Plan ${id}`,
  client: "Client",
  brand: "",
  status: "draft",
  currency: "USD",
  number_style: "1,234.56",
  start: "2027-01-04",
  end: "2027-03-28",
  budget: "1000.00",
  created_at: "2026-11-21T09:00:00.000Z",
  updated_at: "2026-11-21T09:00:00.000Z",
});

describe("recent plans", () => {
  it("keeps the last five opened, most recent first, each once", () => {
    const store = memory();
    for (const id of [1, 2, 3, 2, 4, 5, 6, 7]) rememberOpened(id, store);
    expect(recentIds(store)).toEqual([7, 6, 5, 4, 2]);
    expect(JSON.parse(store.getItem(RECENT_KEY)!)).toEqual([7, 6, 5, 4, 2]);
  });

  it("is empty when nothing, or nothing readable, is stored", () => {
    expect(recentIds(memory())).toEqual([]);
    expect(recentIds(memory("{not json"))).toEqual([]);
    expect(recentIds(memory('{"ids":[1]}'))).toEqual([]);
    expect(recentIds(memory('[3,"x",1.5,2]'))).toEqual([3, 2]);
    expect(recentIds(null)).toEqual([]);
  });

  it("shows the library's plans in recent order and skips those no longer in it", () => {
    const plans = [summary(1), summary(2), summary(4)];
    expect(recentPlans(plans, [4, 3, 1]).map((p) => p.id)).toEqual([4, 1]);
    expect(recentPlans(plans, [])).toEqual([]);
  });
});
