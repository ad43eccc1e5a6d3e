import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { Plan, PastedRows } from "../bindings";
import type { PlanView } from "../types";
import trust from "../test/trust-fixtures.json";
import { blankPlan } from "../test/scenarios";
import { HEADER_TSV } from "../test/trust";
import { PastePreview } from "./PastePreview";
import { FindingGroups } from "./FindingsList";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { readPaste: vi.fn(), placePaste: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

// The core's answers for the header block, by date order (trust-fixtures.json, `flightplan paste`).
const byDates = (dates: string) => trust.pastes.find((p) => p.text === HEADER_TSV && p.dates === dates)!;
const placed = trust.scenarios.find((s) => s.name === "pastedHeader")!;

describe("PastePreview", () => {
  it("shows the header row found, each column's field, the rows and their rate card entries, then places them", async () => {
    vi.mocked(api.readPaste).mockImplementation(async (_plan, _text, o) => byDates(o.dates).read as unknown as PastedRows);
    vi.mocked(api.placePaste).mockImplementation(async () => placed.plan as unknown as Plan);
    const onPlaced = vi.fn();
    const settings = { dates: "month_first" as const, numbers: "1,234.56" as const, first_column: 0 };
    render(<PastePreview plan={blankPlan()} text={HEADER_TSV} at={{ row: 0, col: 0 }} initial={settings} onPlaced={onPlaced} onCancel={() => {}} />);
    expect((await screen.findByTestId("paste-summary")).textContent).toBe(
      "Header row found: columns matched by name · 2 rows · each row is a whole line from its channel's rate card entry",
    );
    expect(Array.from(document.querySelectorAll(".paste-columns li")).map((li) => li.textContent)).toEqual([
      "“Channel” → Channel",
      "“Line” → Line",
      "“Budget” → Budget",
      "“Start” → Start",
      "“End” → End",
    ]);
    const first = document.querySelector('.paste-rows tr[data-row="2"]')!;
    expect(Array.from(first.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "2",
      "Meta",
      "Prospecting",
      // The core's read values, shown as the rest of the app shows them.
      "$12,000",
      "4 Jan 2027",
      "28 Mar 2027",
      "new line · from Meta — Prospecting",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Paste 2 rows" }));
    await waitFor(() => expect(onPlaced).toHaveBeenCalledWith(placed.plan, settings));
    expect(api.placePaste).toHaveBeenCalledWith(blankPlan(), HEADER_TSV, settings, 0);
  });

  it("refuses a block whose dates do not read in the chosen order, with the core's message, and reads again on a new order", async () => {
    vi.mocked(api.readPaste).mockImplementation(async (_plan, _text, o) => byDates(o.dates).read as unknown as PastedRows);
    const settings = { dates: "day_first" as const, numbers: "1,234.56" as const, first_column: 0 };
    render(<PastePreview plan={blankPlan()} text={HEADER_TSV} at={{ row: 0, col: 0 }} initial={settings} onPlaced={() => {}} onCancel={() => {}} />);
    const problems = await screen.findByRole("alert");
    expect(problems.textContent).toContain('Row 2, End: "3/28/2027" is not a date day first: 28 is not a month');
    expect((screen.getByRole("button", { name: "Paste 2 rows" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Date order"), { target: { value: "month_first" } });
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect((screen.getByRole("button", { name: "Paste 2 rows" }) as HTMLButtonElement).disabled).toBe(false);
    expect(vi.mocked(api.readPaste).mock.calls.map((c) => c[2].dates)).toEqual(["day_first", "month_first"]);
  });

  it("shows the core's refusal when placing fails", async () => {
    vi.mocked(api.readPaste).mockImplementation(async () => byDates("month_first").read as unknown as PastedRows);
    vi.mocked(api.placePaste).mockRejectedValue(new CommandError({ code: "paste_problems", message: "nothing was pasted: row 2 has no line to land on" }));
    render(<PastePreview plan={blankPlan()} text={HEADER_TSV} at={{ row: 0, col: 0 }} initial={{ dates: "month_first", numbers: "1,234.56", first_column: 0 }} onPlaced={() => {}} onCancel={() => {}} />);
    fireEvent.click(await screen.findByRole("button", { name: "Paste 2 rows" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Nothing was pasted: row 2 has no line to land on");
  });
});

describe("FindingGroups", () => {
  it("shows findings of one kind as one row with the core's title, count and message, opening to each", () => {
    const view = placed.view as unknown as PlanView;
    const groups = view.finding_groups.filter((g) => g.stage === 4);
    render(<FindingGroups groups={groups} findings={view.findings} lines={view.lines} />);
    const thin = document.querySelector('.finding-group[data-code="thin_creative"]')!;
    expect(thin.querySelector(".finding-message")!.textContent).toBe(`Thin creative 2 ${groups.find((g) => g.code === "thin_creative")!.message}`);
    expect(screen.getAllByRole("listitem")).toHaveLength(groups.length);
    fireEvent.click(screen.getByRole("button", { name: "Show all 2" }));
    const members = thin.querySelectorAll(".group-members li");
    expect(members).toHaveLength(2);
    expect(members[0].querySelector(".finding-line")!.textContent).toBe("Prospecting: ");
  });
});
