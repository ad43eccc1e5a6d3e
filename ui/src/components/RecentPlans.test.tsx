import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { PlanSummary } from "../types";
import { RecentPlans } from "./RecentPlans";

afterEach(cleanup);

const plan = (id: number, currency: string, number_style: PlanSummary["number_style"]): PlanSummary => ({
  id,
  name: `Plan ${id}`,
  client: "Client",
  brand: "",
  status: "draft",
  currency,
  start: "2027-01-04",
  end: "2027-03-28",
  budget: "250000.00",
  number_style,
  created_at: "2026-12-01T09:00:00.000Z",
  updated_at: "2026-12-01T09:00:00.000Z",
});

describe("the recent plans", () => {
  it("write each plan's budget the way its plan writes numbers", () => {
    render(<RecentPlans plans={[plan(1, "EUR", "1.234,56"), plan(2, "INR", "1,23,456.78"), plan(3, "USD", "1,234.56")]} onOpen={() => {}} />);
    const budgets = [...document.querySelectorAll(".recent-budget")].map((b) => b.textContent);
    expect(budgets).toEqual(["€250.000,00", "₹2,50,000.00", "$250,000.00"]);
    expect(screen.getAllByRole("button")).toHaveLength(3);
  });
});
