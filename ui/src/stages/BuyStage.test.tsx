import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import fixtures from "../test/core-fixtures.json";
import { canonical } from "../test/canonical";
import type { Plan } from "../bindings";
import type { PlanView } from "../types";
import { BuyStage } from "./BuyStage";

// The launch board is the core's answer for the plan, from the fixtures (`flightplan launch`).
const api = vi.hoisted(() => ({
  launchBoard: vi.fn(),
  moveLine: vi.fn(),
  exportInsertionOrders: vi.fn(),
  openExport: vi.fn(),
}));
vi.mock("../api", async (orig) => ({ ...(await orig<typeof import("../api")>()), api }));

const scenario = (n: string) => fixtures.scenarios.find((s) => s.name === n)! as unknown as {
  name: string;
  key: string;
  plan: Plan;
  view: PlanView;
  launch?: { lines: unknown[] };
  errors?: Record<string, { code: string; message: string; path?: string }>;
};

beforeEach(async () => {
  const { toCommandError } = await import("../api");
  api.launchBoard.mockImplementation(async (plan: unknown) => {
    const hit = fixtures.scenarios.find((s) => s.key === canonical(plan)) as ReturnType<typeof scenario> | undefined;
    if (!hit) throw toCommandError({ code: "no_fixture", message: "no fixture" });
    if (hit.errors?.launch) throw toCommandError(hit.errors.launch);
    return hit.launch!.lines;
  });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

function stage(name: string, edit = vi.fn()) {
  const s = scenario(name);
  render(<BuyStage planId={7} plan={s.plan} view={s.view} error={null} edit={edit} today="2026-11-21" onOpenPlan={() => {}} />);
  return edit;
}
const row = (id: string) => document.querySelector(`[data-line="${id}"]`) as HTMLElement;

describe("BuyStage", () => {
  it("shows the core's board: each line's status, required items and the ready count", async () => {
    stage("launch-booked");
    await screen.findByTestId("launch-board");
    expect(screen.getAllByTestId("launch-row")).toHaveLength(9);
    expect(within(row("morningbrew-direct")).getByTestId("line-status").textContent).toBe("Booked");
    expect(within(row("morningbrew-direct")).getByTestId("ready-count").textContent).toBe("0 of 2 ready");
    expect(within(row("google-brand")).getByTestId("ready-count").textContent).toBe("1 of 5 ready");
    expect(screen.getByTestId("lines-ready").textContent).toMatch(/^0 of 9/);
    expect(document.querySelector('[data-status="booked"] .summary-value')?.textContent).toBe("1");
    // What is still open reads as the core writes it, with the count of assets where it says more.
    expect(within(row("morningbrew-direct")).getByTestId("open-items").textContent).toBe("Open: creative ready (0 of 4 assets delivered), IO signed");
  });

  it("a refused Go live opens the override form, and who and why go to the core", async () => {
    const { CommandError } = await import("../api");
    api.moveLine.mockRejectedValueOnce(
      new CommandError({
        code: "launch_blocked",
        message: 'cannot go live: creative ready, IO signed not done; finish them or override with who and why',
        line: "morningbrew-direct",
      }),
    );
    const next = scenario("launch-override").plan;
    api.moveLine.mockResolvedValueOnce(next);
    const edit = stage("launch-booked");
    await screen.findByTestId("launch-board");
    const mb = within(row("morningbrew-direct"));
    fireEvent.click(mb.getByRole("button", { name: "Go live…" }));
    const refusal = await mb.findByTestId("launch-refusal");
    expect(refusal.textContent).toBe("Cannot go live: creative ready, IO signed not done; finish them or override with who and why.");
    expect(api.moveLine).toHaveBeenLastCalledWith(scenario("launch-booked").plan, "morningbrew-direct", "live", undefined);
    expect(edit).not.toHaveBeenCalled();

    // Without a reason nothing is sent.
    fireEvent.change(mb.getByLabelText("Overridden by"), { target: { value: "  Dana Ruiz " } });
    fireEvent.click(mb.getByRole("button", { name: "Go live anyway" }));
    expect(mb.getByText("Say why it cannot wait.")).toBeTruthy();
    expect(api.moveLine).toHaveBeenCalledTimes(1);

    fireEvent.change(mb.getByLabelText("Why"), { target: { value: "Sponsor slot is fixed for 11 January; IO countersigned by email" } });
    fireEvent.click(mb.getByRole("button", { name: "Go live anyway" }));
    await waitFor(() => expect(edit).toHaveBeenCalledTimes(1));
    expect(api.moveLine).toHaveBeenLastCalledWith(scenario("launch-booked").plan, "morningbrew-direct", "live", {
      by: "Dana Ruiz",
      reason: "Sponsor slot is fixed for 11 January; IO countersigned by email",
    });
    expect(edit.mock.calls[0][0](scenario("launch-booked").plan)).toBe(next);
    await waitFor(() => expect(mb.queryByTestId("launch-refusal")).toBeNull());
  });

  it("a line the core calls ready goes live on one click, with no override", async () => {
    const moved = { ...scenario("launch-ready").plan, name: "moved" };
    api.moveLine.mockResolvedValueOnce(moved);
    const edit = stage("launch-ready");
    await screen.findByTestId("launch-board");
    const ctv = within(row("ctv-ttd"));
    expect(ctv.getByTestId("ready-count").textContent).toBe("3 of 3 ready");
    expect(ctv.getByTestId("open-items").textContent).toBe("Ready to go live");
    expect(ctv.getAllByRole("button", { name: /Unbook|Go live|End/ }).map((b) => b.textContent)).toEqual(["Unbook", "Go live", "End"]);
    fireEvent.click(ctv.getByRole("button", { name: "Go live" }));
    await waitFor(() => expect(edit).toHaveBeenCalledTimes(1));
    expect(api.moveLine).toHaveBeenCalledWith(scenario("launch-ready").plan, "ctv-ttd", "live", undefined);
    expect(edit.mock.calls[0][0](scenario("launch-ready").plan)).toBe(moved);
    expect(ctv.queryByTestId("launch-refusal")).toBeNull();
  });

  it("ticking an item and choosing CBO are plan edits on the line's launch", async () => {
    const edit = stage("sample");
    await screen.findByTestId("launch-board");
    const brand = within(row("google-brand"));
    fireEvent.click(brand.getByRole("button", { name: /Tracking/ }));
    expect(canonical(edit.mock.calls[0][0](scenario("sample").plan))).toBe(scenario("launch-tracking").key);
    fireEvent.click(brand.getByRole("button", { name: "CBO for Search — Brand" }));
    expect(edit.mock.calls[1][0](scenario("sample").plan).lines[0].launch).toEqual({ status: "planned", budget_control: "cbo" });
  });

  it("a template the core cannot fill shows its reason under the field", async () => {
    stage("launch-template-bad");
    const field = await waitFor(() => {
      const el = document.querySelector('input[data-path="monitoring.naming_template"]') as HTMLInputElement;
      expect(el.getAttribute("aria-invalid")).toBe("true");
      return el;
    });
    expect(field.value).toBe("{client}_{flavour}_{yyyymm}");
    expect(field.closest(".field")!.querySelector(".field-error")!.textContent).toBe(
      "{flavour} is not a naming token (use one of client, brand, plan, channel, vendor, objective, audience, line, yyyymm, yyyy)",
    );
    expect(screen.getByText(/The launch checklist could not be built|The naming template cannot be filled/)).toBeTruthy();
  });
});

describe("Insertion orders", () => {
  // What `flightplan io <sample.json> -o /tmp/x --date 2026-11-21` wrote for the sample's two
  // direct and offline vendors (its net_formatted and gross_formatted).
  const written = [
    { export: 0, vendor: "Morning Brew", number: "NCC-202701-5815-01-V3", path: "/home/dana/IOs/morning-brew.pdf", placements: 1, net: "$16,000.00", gross: "$19,263.53" },
    { export: 1, vendor: "iHeartMedia", number: "NCC-202701-5815-02-V3", path: "/home/dana/IOs/iheartmedia.pdf", placements: 1, net: "$28,000.00", gross: "$33,501.18" },
  ];

  it("writes one order per vendor into the folder the planner chose and opens each file", async () => {
    api.exportInsertionOrders.mockResolvedValueOnce(written);
    api.openExport.mockResolvedValueOnce(undefined);
    stage("sample");
    const panel = within(screen.getByRole("region", { name: "Insertion orders" }));
    expect(panel.getByText("Radio — NYC drive time")).toBeTruthy();
    await act(async () => fireEvent.click(panel.getByRole("button", { name: "Export insertion orders…" })));
    // The shell asks for the folder: only the plan's id crosses.
    expect(api.exportInsertionOrders).toHaveBeenCalledWith(7);
    const rows = (await panel.findByTestId("io-written")).querySelectorAll("tbody tr");
    expect([...rows].map((r) => [...r.querySelectorAll("td")].slice(0, 5).map((td) => td.textContent))).toEqual([
      ["Morning Brew", "NCC-202701-5815-01-V3", "1", "$16,000.00", "$19,263.53"],
      ["iHeartMedia", "NCC-202701-5815-02-V3", "1", "$28,000.00", "$33,501.18"],
    ]);
    expect(panel.getByRole("status").textContent).toBe("2 orders written to /home/dana/IOs");
    await act(async () => fireEvent.click(panel.getByRole("button", { name: "Open the insertion order for iHeartMedia" })));
    expect(api.openExport).toHaveBeenCalledWith(1);
  });

  it("does nothing when the folder dialog is cancelled, and says why a write failed", async () => {
    const { CommandError } = await import("../api");
    api.exportInsertionOrders.mockResolvedValueOnce(null);
    stage("sample");
    const panel = within(screen.getByRole("region", { name: "Insertion orders" }));
    await act(async () => fireEvent.click(panel.getByRole("button", { name: "Export insertion orders…" })));
    expect(api.exportInsertionOrders).toHaveBeenCalledTimes(1);
    expect(panel.queryByRole("status")).toBeNull();
    expect(panel.queryByRole("alert")).toBeNull();

    api.exportInsertionOrders.mockRejectedValueOnce(new CommandError({ code: "file_unwritable", message: "could not create the folder (permission denied)", file: "/read-only" }));
    await act(async () => fireEvent.click(panel.getByRole("button", { name: "Export insertion orders…" })));
    expect(panel.getByRole("alert").textContent).toBe("The insertion orders could not be written: /read-only: Could not create the folder (permission denied)");
    expect(panel.queryByTestId("io-written")).toBeNull();
  });
});
