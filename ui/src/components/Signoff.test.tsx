import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { Changes, Plan, Signoff } from "../bindings";
import type { PlanDocument } from "../types";
import trust from "../test/trust-fixtures.json";
import core from "../test/core-fixtures.json";
import { ChangesDialog, SignoffControl } from "./Signoff";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { planSignoff: vi.fn(), setPlanStatus: vi.fn(), changesSinceApproval: vi.fn(), startRevision: vi.fn() } };
});

afterEach(cleanup);

const sample = core.scenarios.find((s) => s.name === "sample")!.plan as unknown as Plan;
const approved = trust.docs.approved as unknown as PlanDocument;
const approvedPlan = trust.docs.approved.plan as unknown as Plan;
const revisedPlan = trust.docs.revised.plan as unknown as Plan;
const signoff = trust.signoff as unknown as Record<"proposed" | "approved" | "revised", Signoff>;

beforeEach(() => {
  vi.mocked(api.planSignoff).mockImplementation(async () => signoff.proposed);
});

describe("SignoffControl", () => {
  it("offers the core's moves from the plan's status and approves with the approver's name", async () => {
    const onDoc = vi.fn();
    vi.mocked(api.setPlanStatus).mockImplementation(async (_id, _to, by) => {
      if (!by?.trim()) throw new CommandError(trust.errors.no_name);
      return approved;
    });
    render(<SignoffControl id={1} plan={sample} onDoc={onDoc} saved />);
    fireEvent.click(screen.getByRole("button", { name: "Status: proposed" }));
    const items = await screen.findAllByRole("menuitem");
    expect(items.map((i) => i.textContent)).toEqual(["Approve…", "Back to draft"]);
    fireEvent.click(items[0]);
    const dialog = screen.getByRole("dialog", { name: `Approve version ${sample.version}` });
    fireEvent.submit(dialog);
    expect((await screen.findByRole("alert")).textContent).toBe("Say who approves the plan");
    expect(onDoc).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText("Approved by"), { target: { value: "Dana Whitfield" } });
    fireEvent.submit(dialog);
    await waitFor(() => expect(onDoc).toHaveBeenCalledWith(approved));
    expect(api.setPlanStatus).toHaveBeenLastCalledWith(1, "approved", "Dana Whitfield");
  });

  it("says a move applies to the saved plan while an edit is unsaved", async () => {
    render(<SignoffControl id={1} plan={sample} onDoc={() => {}} saved={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Status: proposed" }));
    const items = await screen.findAllByRole("menuitem");
    expect(items.every((i) => (i as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByText(/fix the unsaved edit first/)).toBeTruthy();
  });

  it("shows an approved plan locked, by whom, and a revision with the version it revises", async () => {
    vi.mocked(api.planSignoff).mockImplementation(async () => signoff.approved);
    render(<SignoffControl id={1} plan={approvedPlan} onDoc={() => {}} saved />);
    const lock = await screen.findByTestId("lock-note");
    expect(lock.textContent).toContain(`Approved by Dana Whitfield`);
    expect(lock.textContent).toContain(`version ${approvedPlan.approval!.version} locked`);
    expect(screen.getByRole("button", { name: "Changes since approval" })).toBeTruthy();
    cleanup();
    vi.mocked(api.planSignoff).mockImplementation(async () => signoff.revised);
    render(<SignoffControl id={1} plan={revisedPlan} onDoc={() => {}} saved />);
    expect(screen.getByTestId("revision-note").textContent).toBe(
      `Revision of version ${approvedPlan.version}, approved by Dana Whitfield on 21 Nov 2026`,
    );
    expect(screen.queryByTestId("lock-note")).toBeNull();
  });
});

describe("ChangesDialog", () => {
  it("lists every changed figure from the core, money in the plan's currency with its signed difference", async () => {
    vi.mocked(api.changesSinceApproval).mockImplementation(async () => trust.changes.revised as unknown as Changes);
    render(<ChangesDialog id={1} plan={revisedPlan} onClose={() => {}} />);
    const net = await waitFor(() => {
      const row = document.querySelector('tr[data-line="meta-pros"][data-field="net"]');
      if (!row) throw new Error("not yet");
      return row;
    });
    expect(Array.from(net.querySelectorAll("td")).map((td) => td.textContent)).toEqual([
      "Prospecting — Broad",
      "Net media",
      "$48,000.00",
      "$9,000.00",
      "−$39,000.00",
    ]);
    const rows = document.querySelectorAll("tbody tr");
    expect(rows.length).toBe(trust.changes.revised.changes.length);
    const total = document.querySelector('tr[data-field="totals.gross"]')!;
    expect(total.querySelectorAll("td")[0].textContent).toBe("Plan");
    expect(screen.getByText(/Version 4 against version 3, approved by Dana Whitfield/)).toBeTruthy();
  });

  it("says so when nothing has changed, and the core's refusal for a plan never approved", async () => {
    vi.mocked(api.changesSinceApproval).mockImplementation(async () => trust.changes.none as unknown as Changes);
    render(<ChangesDialog id={1} plan={approvedPlan} onClose={() => {}} />);
    expect(await screen.findByText("Nothing has changed since the plan was approved.")).toBeTruthy();
    cleanup();
    vi.mocked(api.changesSinceApproval).mockImplementation(async () => {
      throw new CommandError(trust.errors.not_approved);
    });
    render(<ChangesDialog id={1} plan={sample} onClose={() => {}} />);
    expect((await screen.findByRole("alert")).textContent).toBe("Plan 1 has not been approved yet");
  });
});
