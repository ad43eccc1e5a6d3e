import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ExportMenu, ExportNotice, usePlanExports } from "./ExportMenu";
import { menu } from "../menu";

// What the shell's save dialog answers next: a path, or null when the planner cancels.
const answers = vi.hoisted(() => [] as (string | null)[]);
const calls = vi.hoisted(() => [] as [string, ...unknown[]][]);
vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  const log =
    (name: string, answer: (...a: never[]) => unknown) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return answer(...(args as never[]));
    };
  return {
    ...real,
    api: {
      exportPdf: log("exportPdf", () => {
        const path = answers.shift();
        return path ? { export: 3, path, warnings: ["The 40 lines are shown as 12 channel rows (each with its line count and totals) so the page reads at 6.5 pt or larger; every line is in the XLSX and CSV exports."] } : null;
      }),
      exportTable: log("exportTable", (_id: number, format: string) => {
        const path = answers.shift();
        return path ? { export: 4, path: path.includes(".") ? path : `${path}.${format}`, warnings: [] } : null;
      }),
      exportPlanFile: log("exportPlanFile", () => {
        if (!answers.shift()) return null;
        throw real.toCommandError({ code: "file_unwritable", message: "could not write the file (Permission denied)", file: "/ro/plan.json" });
      }),
      exportMediaplan: log("exportMediaplan", () => {
        const path = answers.shift();
        return path ? { export: 5, path: path.endsWith(".json") ? path : `${path}.mediaplan.json`, warnings: [] } : null;
      }),
      openExport: log("openExport", () => null),
    },
  };
});

beforeEach(() => {
  calls.length = 0;
  answers.length = 0;
});
afterEach(cleanup);

function Header({ blocked = null, paper = "a4" }: { blocked?: string | null; paper?: "a4" | "letter" }) {
  const exports = usePlanExports(7, { blocked, paper });
  return (
    <>
      <ExportMenu exports={exports} />
      <ExportNotice exports={exports} />
    </>
  );
}

describe("the plan's exports", () => {
  it("Export PDF saves where the planner chose, opens the PDF by its number, lists the warnings and offers to open it again", async () => {
    answers.push("/home/ana/Q1.pdf");
    render(<Header />);
    fireEvent.click(screen.getByRole("button", { name: "Export PDF" }));
    fireEvent.click(within(screen.getByRole("dialog", { name: "Export the one-page plan" })).getByRole("button", { name: "Save PDF…" }));
    const notice = await screen.findByTestId("export-notice");
    expect(notice.textContent).toContain("PDF saved to /home/ana/Q1.pdf and opened in your PDF viewer.");
    expect(notice.textContent).toContain("The 40 lines are shown as 12 channel rows");
    // No path crosses to the shell: the plan's id, then the export's number.
    expect(calls).toEqual([
      ["exportPdf", 7, "a4"],
      ["openExport", 3],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Open again" }));
    await waitFor(() => expect(calls).toHaveLength(3));
  });

  it("Export PDF… asks the paper each time, starting from the plan's, and leaves the plan's own paper alone", async () => {
    answers.push("/home/ana/Q1 US.pdf", "/home/ana/Q1 again.pdf");
    render(<Header paper="letter" />);
    await act(async () => {
      menu.dispatch("export_pdf");
    });
    // Nothing is written until the paper is chosen: no save dialog yet.
    expect(calls).toEqual([]);
    let dialog = screen.getByRole("dialog", { name: "Export the one-page plan" });
    const radio = (name: RegExp) => within(dialog).getByRole("radio", { name }) as HTMLInputElement;
    expect(radio(/^US Letter/).checked).toBe(true);
    expect(radio(/^A4/).checked).toBe(false);
    expect(radio(/^US Letter/).closest("label")!.textContent).toContain("(this plan's default)");
    expect(dialog.textContent).toContain("For this copy only. The plan's default paper is set in the Plan stage, under The one-page plan.");
    // Cancel: nothing asked, nothing written.
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls).toEqual([]);

    // A4 for this copy.
    fireEvent.click(screen.getByRole("button", { name: "Export PDF" }));
    dialog = screen.getByRole("dialog", { name: "Export the one-page plan" });
    fireEvent.click(radio(/^A4/));
    expect(radio(/^A4/).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole("button", { name: "Save PDF…" }));
    expect((await screen.findByTestId("export-notice")).textContent).toContain("PDF saved to /home/ana/Q1 US.pdf");
    expect(calls[0]).toEqual(["exportPdf", 7, "a4"]);

    // The next export starts from the plan's paper again, not from the last choice.
    fireEvent.click(screen.getByRole("button", { name: "Export PDF" }));
    dialog = screen.getByRole("dialog", { name: "Export the one-page plan" });
    expect(radio(/^US Letter/).checked).toBe(true);
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls.filter((c) => c[0] === "exportPdf")).toHaveLength(1);
  });

  it("the menu lists the other formats; CSV is written and opened only on request", async () => {
    answers.push("/home/ana/lines");
    render(<Header />);
    fireEvent.click(screen.getByRole("button", { name: "More export formats" }));
    const items = screen.getAllByRole("menuitem");
    expect(items.map((i) => i.querySelector(".menu-label")!.textContent)).toEqual(["Export XLSX…", "Export CSV…", "Export mediaplanschema…", "Export plan file…"]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.click(items[1]);
    expect(screen.queryByRole("menu")).toBeNull();
    const notice = await screen.findByTestId("export-notice");
    expect(notice.textContent).toContain("CSV saved to /home/ana/lines.csv.");
    expect(calls).toEqual([["exportTable", 7, "csv"]]);
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    await waitFor(() => expect(calls[calls.length - 1]).toEqual(["openExport", 4]));
  });

  it("the menu ends with Update from file… past a separator, run from the menu or said why it cannot run", () => {
    const run = vi.fn();
    function WithUpdate({ blocked }: { blocked: string | null }) {
      const exports = usePlanExports(7, { blocked: null });
      return <ExportMenu exports={exports} extra={{ label: "Update from file…", hint: "Bring back the changes", run, blocked }} />;
    }
    const { rerender } = render(<WithUpdate blocked={null} />);
    fireEvent.click(screen.getByRole("button", { name: "More export formats" }));
    const menuEl = screen.getByRole("menu");
    expect(within(menuEl).getAllByRole("separator")).toHaveLength(1);
    const items = within(menuEl).getAllByRole("menuitem");
    expect(items.map((i) => i.querySelector(".menu-label")!.textContent).slice(-2)).toEqual(["Export plan file…", "Update from file…"]);
    items[3].focus();
    fireEvent.keyDown(items[3], { key: "ArrowDown" });
    expect(document.activeElement).toBe(items[4]);
    fireEvent.click(items[4]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("menu")).toBeNull();

    rerender(<WithUpdate blocked="An edit is not saved yet" />);
    fireEvent.click(screen.getByRole("button", { name: "More export formats" }));
    const update = within(screen.getByRole("menu")).getAllByRole("menuitem")[4] as HTMLButtonElement;
    expect(update.disabled).toBe(true);
    expect(update.querySelector(".menu-hint")!.textContent).toBe("An edit is not saved yet");
  });

  it("Export mediaplanschema… writes the document from the menu or File › Export mediaplanschema…, and it is not opened", async () => {
    answers.push("/home/ana/q1", "/home/ana/q1-again.mediaplan.json");
    render(<Header />);
    fireEvent.click(screen.getByRole("button", { name: "More export formats" }));
    fireEvent.click(screen.getByRole("menuitem", { name: /Export mediaplanschema…/ }));
    const notice = await screen.findByTestId("export-notice");
    expect(notice.textContent).toContain("Plan document (mediaplanschema) saved to /home/ana/q1.mediaplan.json.");
    expect(calls).toEqual([["exportMediaplan", 7]]);
    expect(screen.queryByRole("button", { name: "Open" })).toBeNull();
    await act(async () => {
      menu.dispatch("export_mediaplan");
    });
    await waitFor(() => expect(notice.textContent).toContain("saved to /home/ana/q1-again.mediaplan.json."));
    expect(calls).toEqual([
      ["exportMediaplan", 7],
      ["exportMediaplan", 7],
    ]);
  });

  it("a refused export says why in plain words; a cancelled dialog writes nothing", async () => {
    answers.push(null, "/ro/plan.json");
    render(<Header />);
    await act(async () => {
      menu.dispatch("export_plan");
    });
    expect(calls).toEqual([["exportPlanFile", 7]]);
    expect(screen.queryByTestId("export-notice")).toBeNull();
    await act(async () => {
      menu.dispatch("export_plan");
    });
    const notice = await screen.findByTestId("export-notice");
    expect(notice.getAttribute("role")).toBe("alert");
    expect(notice.textContent).toContain("The plan file was not exported. /ro/plan.json: Could not write the file (Permission denied)");
  });

  it("nothing is exported while the plan on screen is not the one saved", async () => {
    render(<Header blocked="Fix the unsaved edit first." />);
    await act(async () => {
      menu.dispatch("export_xlsx");
    });
    expect(calls).toEqual([]);
    expect(screen.getByTestId("export-notice").textContent).toContain("The XLSX workbook was not exported. Fix the unsaved edit first.");
  });
});
