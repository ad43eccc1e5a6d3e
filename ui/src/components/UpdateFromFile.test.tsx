import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { PlanUpdate } from "../bindings";
import updates from "../test/update-fixtures.json";
import { usePlanUpdate } from "./UpdateFromFile";
import { money } from "../format";
import type { Plan } from "../bindings";

/** The flow as the plan screen uses it: started from a button (the export menu's item). */
function UpdateFromFile({ planId, blocked, onApply }: { planId: number; blocked: string | null; onApply: (p: Plan) => void }) {
  const flow = usePlanUpdate(planId, { blocked, onApply });
  return (
    <>
      <button type="button" onClick={flow.start} disabled={flow.busy}>
        Update from file…
      </button>
      {flow.element}
    </>
  );
}

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { chooseUpdate: vi.fn(), previewPlanUpdate: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const applied = updates.applied as unknown as PlanUpdate;
const refused = updates.refused as unknown as PlanUpdate;

function chosen(update: PlanUpdate) {
  vi.mocked(api.chooseUpdate).mockResolvedValue({ source: 3, file: update.file, kind: update.kind });
  vi.mocked(api.previewPlanUpdate).mockResolvedValue(update);
}

describe("UpdateFromFile", () => {
  it("shows what the file changes and what the plan keeps, and applies the core's plan as one edit", async () => {
    chosen(applied);
    const onApply = vi.fn();
    render(<UpdateFromFile planId={7} blocked={null} onApply={onApply} />);
    fireEvent.click(screen.getByRole("button", { name: "Update from file…" }));
    const dialog = await screen.findByRole("dialog", { name: "Update from Cold Brew lines.csv" });
    expect(api.previewPlanUpdate).toHaveBeenCalledWith(7, 3);
    // The rate the client changed, as the core lists it, in the plan's money.
    const rate = dialog.querySelector('tr[data-line="google-brand"][data-field="rate"]')!;
    expect([...rate.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["Search — Brand", "Rate", "$1.20", "$1.35", "+$0.15"]);
    expect(within(dialog).getByText("Removed: Prospecting — Broad (Meta), $48,000.00 net")).toBeTruthy();
    // The client's bill before and after, as the core costs it.
    const gross = applied.changes!.changes.find((c) => c.line === null && c.field === "totals.gross")!;
    expect(within(dialog).getByTestId("update-gross").textContent).toBe(
      `Gross ${money(gross.before!, "USD")} → ${money(gross.after!, "USD")} (−${money(gross.difference!.slice(1), "USD")})`,
    );
    const kept = within(dialog).getByRole("list", { name: "Kept" });
    expect(kept.textContent).toContain("2 scenarios, 6 response curves, the reach model");
    expect(kept.textContent).toContain('Scenario "Aggressive" loses its changes to the removed lines.');
    // What the file set comes first; what follows from it (fees, totals, weeks) is folded.
    const follow = applied.changes!.changes.filter((c) => c.derived).length;
    expect(within(dialog).getByRole("status").textContent).toBe(`1 figure changes, 1 line removed (${follow} more figures follow). Undo takes the whole update back.`);
    expect(within(dialog).getByRole("table", { name: "Changed figures" }).querySelectorAll("tbody tr")).toHaveLength(1);
    const folded = within(dialog).getByRole("table", { name: "Figures that follow" });
    expect(folded.closest("details")!.open).toBe(false);
    expect(folded.querySelectorAll("tbody tr")).toHaveLength(follow);
    expect(folded.querySelector('tr[data-field="totals.gross"]')).not.toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Apply changes" }));
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0][0]).toBe(applied.plan);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("shows why a file cannot update the plan, offers nothing to apply, and changes nothing", async () => {
    chosen(refused);
    const onApply = vi.fn();
    render(<UpdateFromFile planId={7} blocked={null} onApply={onApply} />);
    fireEvent.click(screen.getByRole("button", { name: "Update from file…" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.querySelector('[data-code="not_a_spreadsheet"]')?.textContent).toContain("import it as a plan of its own");
    expect(within(dialog).getByRole("status").textContent).toBe("1 problem blocks the update: the plan is unchanged.");
    expect(within(dialog).queryByRole("button", { name: "Apply changes" })).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(onApply).not.toHaveBeenCalled();
  });

  it("asks nothing while an edit is unsaved, does nothing when the dialog is cancelled, and says a failed read", async () => {
    const { rerender } = render(<UpdateFromFile planId={7} blocked="The plan on screen has an edit that is not saved yet" onApply={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Update from file…" }));
    expect(screen.getByRole("alert").querySelector(".notice-text")!.textContent).toBe("The plan was not updated. The plan on screen has an edit that is not saved yet");
    expect(api.chooseUpdate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));

    rerender(<UpdateFromFile planId={7} blocked={null} onApply={() => {}} />);
    vi.mocked(api.chooseUpdate).mockResolvedValue(null);
    fireEvent.click(screen.getByRole("button", { name: "Update from file…" }));
    await waitFor(() => expect(api.chooseUpdate).toHaveBeenCalled());
    expect(api.previewPlanUpdate).not.toHaveBeenCalled();
    expect(screen.queryByRole("dialog")).toBeNull();

    vi.mocked(api.chooseUpdate).mockRejectedValue(new CommandError({ code: "file_unreadable", message: "reading lines.csv stopped unexpectedly" }));
    fireEvent.click(screen.getByRole("button", { name: "Update from file…" }));
    expect((await screen.findByRole("alert")).querySelector(".notice-text")!.textContent).toBe("The plan was not updated. Reading lines.csv stopped unexpectedly");
  });
});
