import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import fixtures from "../test/import-fixtures.json";
import { canonical } from "../test/canonical";
import { AGENCY_CORRECTION, CHOSEN_CURRENCY, withColumn, type ImportFixture } from "../test/scenarios/imports";
import type { ChosenPlanImport, ImportChoices } from "../bindings";
import { api } from "../api";
import { money } from "../format";
import { layoutSignature, MAPPINGS_KEY, savedMapping } from "../importMappings";
import { describePlace, LinesTable, sentence } from "./ImportPlanParts";
import { ImportPlan } from "./ImportPlan";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { previewImport: vi.fn(), commitImport: vi.fn() } };
});

const all = (fixtures as unknown as { imports: ImportFixture[] }).imports;
const fixture = (file: string, choices: ImportChoices = {}) => {
  const f = all.find((x) => x.file === file && canonical(x.choices) === canonical(choices));
  if (!f) throw new Error(`no fixture for ${file} ${canonical(choices)}`);
  return f;
};
/** The file each source number stands for in a test. */
const files: string[] = [];
function choose(file: string): ChosenPlanImport {
  files.push(file);
  return { source: files.length - 1, file, kind: fixture(file).preview!.kind };
}

beforeEach(() => {
  vi.clearAllMocks();
  files.length = 0;
  localStorage.clear();
  // As the shell: the core's preview for the file under exactly the choices sent.
  vi.mocked(api.previewImport).mockImplementation(async (source, choices) => {
    const f = all.find((x) => x.file === files[source] && canonical(x.choices) === canonical(choices));
    if (!f?.preview) throw { code: "mock_no_fixture", message: `no preview of ${files[source]} under ${canonical(choices)}` };
    return f.preview;
  });
  vi.mocked(api.commitImport).mockResolvedValue(42);
});
afterEach(cleanup);

const previewCalls = () => vi.mocked(api.previewImport).mock.calls.map(([, c]) => canonical(c));
const lastPreview = () => previewCalls()[previewCalls().length - 1];
const importButton = () => screen.getByRole("button", { name: "Import into library" }) as HTMLButtonElement;
const linesTable = () => screen.getByRole("table", { name: "Lines to import" });

describe("ImportPlan", () => {
  it("shows a messy agency workbook as read: columns, lines with their rows, rows without a cost, rows left out, problems", async () => {
    const f = fixture("agency-plan.xlsx");
    const p = f.preview!;
    render(<ImportPlan chosen={choose("agency-plan.xlsx")} onImported={vi.fn()} onCancel={vi.fn()} />);
    const dialog = await screen.findByRole("dialog", { name: "Import plan" });
    await within(dialog).findByRole("table", { name: "Columns" });
    expect(dialog.textContent).toContain("agency-plan.xlsx");
    expect(dialog.textContent).toContain(p.source);
    expect((screen.getByRole("spinbutton", { name: "Header row" }) as HTMLInputElement).value).toBe(String(p.header_row));
    expect((screen.getByRole("combobox", { name: "Sheet" }) as HTMLSelectElement).value).toBe(p.sheet);
    // Each column with the field it is read as; "Spend allocation" is not read yet.
    const spend = screen.getByRole("combobox", { name: "Column G Spend allocation is read as" }) as HTMLSelectElement;
    expect(spend.value).toBe("ignore");
    expect((screen.getByRole("combobox", { name: "Column A Placement is read as" }) as HTMLSelectElement).value).toBe("name");
    // The lines with their source rows, and the core's net (0 until the cost column is mapped).
    const rows = within(linesTable()).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("td")!.textContent)).toEqual(p.lines.map((l) => String(l.row)));
    expect(rows[0].textContent).toContain("Prospecting video");
    expect(rows[0].textContent).toContain(money(p.lines[0].net!, p.currency!));
    expect(within(rows[0]).getByText("no cost")).toBeTruthy();
    expect(screen.getByTestId("rows-without-cost").textContent).toContain("Influencer seeding (row 10)");
    // Every problem with its place; rows left out with why.
    // Every problem with its place: four rows without a cost are one entry opening to the others.
    const list = screen.getByRole("list", { name: "Problems" });
    const entries = Array.from(list.querySelectorAll(":scope > li"));
    expect(entries.map((li) => [li.getAttribute("data-code"), li.getAttribute("data-count")])).toEqual([
      ["no_cost_column", null],
      ["no_cost", "4"],
      ["figures_disagree", null],
    ]);
    expect(p.problems).toHaveLength(6);
    expect(entries[1].textContent).toContain("3 more like it: Row 9; Row 10; Row 13");
    expect(within(list).getAllByText(/states no cost: imported at 0 for you to fill in/)).toHaveLength(4);
    expect(screen.getByRole("list", { name: "Rows left out" }).textContent).toContain("Subtotal row");
    // Nothing blocks: it could import as it is (every line at 0).
    expect(importButton().disabled).toBe(false);
  });

  it("a corrected column asks the core again; the new figures are the core's, and Import sends the same choices and saves the mapping", async () => {
    const onImported = vi.fn();
    const chosen = choose("agency-plan.xlsx");
    render(<ImportPlan chosen={chosen} onImported={onImported} onCancel={vi.fn()} />);
    const spend = (await screen.findByRole("combobox", { name: "Column G Spend allocation is read as" })) as HTMLSelectElement;
    fireEvent.change(spend, { target: { value: AGENCY_CORRECTION.field } });
    const want = withColumn({}, AGENCY_CORRECTION.header, AGENCY_CORRECTION.field);
    const corrected = fixture("agency-plan.xlsx", want).preview!;
    await waitFor(() => expect(screen.getByRole("dialog").textContent).toContain(money(corrected.totals!.net_media, "GBP")));
    expect(previewCalls()).toEqual(["{}", canonical(want)]);
    expect(corrected.totals!.net_media).toBe("28250.00");
    const rows = within(linesTable()).getAllByRole("row").slice(1);
    expect(rows[0].textContent).toContain(money("12750.00", "GBP"));
    expect(within(rows[0]).queryByText("no cost")).toBeNull();
    // Only the planner's column says so; the others are still the guesses.
    expect(screen.getAllByText("your mapping")).toHaveLength(1);
    fireEvent.click(importButton());
    await waitFor(() => expect(onImported).toHaveBeenCalledWith(42, corrected.plan.name));
    expect(vi.mocked(api.commitImport).mock.calls).toEqual([[chosen.source, want]]);
    // Saved for this layout: the planner's mapping.
    const signature = layoutSignature(fixture("agency-plan.xlsx").preview!);
    expect(savedMapping(signature)?.mapping).toEqual({ columns: { "Spend allocation": "budget" } });
  });

  it("the next file of the same layout is read with the saved mapping, which the planner can drop", async () => {
    const corrected = withColumn({}, AGENCY_CORRECTION.header, AGENCY_CORRECTION.field);
    localStorage.setItem(
      MAPPINGS_KEY,
      JSON.stringify([{ signature: layoutSignature(fixture("agency-plan.xlsx").preview!), mapping: corrected.mapping, saved_at: "2026-11-20T10:00:00.000Z" }]),
    );
    render(<ImportPlan chosen={choose("agency-plan.xlsx")} onImported={vi.fn()} onCancel={vi.fn()} />);
    await screen.findByText("The column mapping you saved for this layout on 20 Nov 2026 is applied.");
    await waitFor(() => expect(screen.getByRole("dialog").textContent).toContain(money("28250.00", "GBP")));
    expect(previewCalls()).toEqual(["{}", canonical(corrected)]);
    expect((screen.getByRole("combobox", { name: "Column G Spend allocation is read as" }) as HTMLSelectElement).value).toBe("budget");
    fireEvent.click(screen.getByRole("button", { name: "Start from the guesses" }));
    await waitFor(() => expect(lastPreview()).toBe("{}"));
    expect(localStorage.getItem(MAPPINGS_KEY)).toBe("[]");
  });

  it("a file without a currency waits for the planner's choice; the import stays off until then", async () => {
    render(<ImportPlan chosen={choose("lines-no-currency.csv")} onImported={vi.fn()} onCancel={vi.fn()} />);
    const input = await screen.findByRole("combobox", { name: "Plan currency" });
    expect(importButton().disabled).toBe(true);
    expect(document.getElementById("import-status")!.textContent).toContain("1 error blocks the import");
    fireEvent.change(input, { target: { value: CHOSEN_CURRENCY.toLowerCase() } });
    const chosen = fixture("lines-no-currency.csv", { currency: CHOSEN_CURRENCY }).preview!;
    await waitFor(() => expect(importButton().disabled).toBe(false));
    expect(lastPreview()).toBe(canonical({ currency: "EUR" }));
    expect(screen.getByRole("dialog").textContent).toContain(money(chosen.totals!.gross, "EUR"));
    // The currency chosen is remembered with the layout's mapping.
    fireEvent.click(importButton());
    await waitFor(() => expect(api.commitImport).toHaveBeenCalled());
    expect(JSON.parse(localStorage.getItem(MAPPINGS_KEY)!)[0].mapping).toEqual({ columns: {}, currency: "EUR" });
  });

  it("a broken cell blocks the import, named with its row and column; Cancel and Escape change nothing", async () => {
    const onCancel = vi.fn();
    const p = fixture("broken-rate.csv").preview!;
    render(<ImportPlan chosen={choose("broken-rate.csv")} onImported={vi.fn()} onCancel={onCancel} />);
    const problems = await screen.findByRole("list", { name: "Problems" });
    const bad = p.problems.find((x) => x.level === "error")!;
    const item = within(problems).getAllByRole("listitem")[0];
    expect(item.getAttribute("data-code")).toBe("bad_amount");
    expect(item.textContent).toContain("Error");
    expect(item.textContent).toContain(describePlace(bad));
    expect(describePlace(bad)).toBe("Row 3, column E “Rate”");
    expect(importButton().disabled).toBe(true);
    expect(within(linesTable()).getAllByText("error")).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(api.commitImport).not.toHaveBeenCalled();
  });

  it("messages read as sentences, codes and names as written", () => {
    expect(sentence("no column is read as the lines' cost")).toBe("No column is read as the lines' cost");
    expect(sentence("cost_custom1 (\"fee\") is kept")).toBe('cost_custom1 ("fee") is kept');
    expect(sentence("lineitems[2].cost_total is not a number")).toBe("lineitems[2].cost_total is not a number");
    expect(sentence('"8,5x" is not an amount')).toBe('"8,5x" is not an amount');
    expect(sentence("subtotal row")).toBe("Subtotal row");
  });

  it("a mediaplanschema document shows its line items by JSON path, the core's totals and its notes", async () => {
    const p = fixture("example_mediaplan_v2.0.json").preview!;
    render(<ImportPlan chosen={choose("example_mediaplan_v2.0.json")} onImported={vi.fn()} onCancel={vi.fn()} />);
    await screen.findByRole("table", { name: "Lines to import" });
    expect(screen.queryByRole("table", { name: "Columns" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Plan currency" })).toBeNull();
    const rows = within(linesTable()).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("td")!.textContent)).toEqual(["lineitems[0]", "lineitems[1]", "lineitems[2]", "lineitems[3]"]);
    expect(screen.getByRole("dialog").textContent).toContain(money(p.totals!.gross, "USD"));
    expect(screen.getByRole("list", { name: "Problems" }).textContent).toContain("dictionary.custom_costs.cost_custom1");
    expect(importButton().disabled).toBe(false);
  });

  it("a refused commit is said in the dialog and nothing is saved for the layout", async () => {
    vi.mocked(api.commitImport).mockRejectedValue({ code: "library_io", message: "the plan library could not be written (disk full)" });
    const onImported = vi.fn();
    render(<ImportPlan chosen={choose("example_mediaplan_v2.0.json")} onImported={onImported} onCancel={vi.fn()} />);
    await screen.findByRole("table", { name: "Lines to import" });
    fireEvent.click(importButton());
    await screen.findByText("The plan library could not be written (disk full)");
    expect(onImported).not.toHaveBeenCalled();
    expect(localStorage.getItem(MAPPINGS_KEY)).toBeNull();
  });
});

describe("LinesTable", () => {
  it("shows each line's figures in the number style the file was written in", () => {
    const preview = fixture("agency-plan.xlsx", withColumn({}, AGENCY_CORRECTION.header, AGENCY_CORRECTION.field)).preview!;
    const comma = { ...preview, plan: { ...preview.plan, settings: { ...preview.plan.settings, number_style: "1.234,56" as const } } };
    render(<LinesTable preview={comma} currency="GBP" />);
    const net = preview.lines.find((l) => l.net !== undefined && Number(l.net) >= 1000)!.net!;
    expect(screen.getByText(money(net, "GBP", "1.234,56"))).toBeTruthy();
    expect(money(net, "GBP", "1.234,56")).toMatch(/^£\d{1,3}(\.\d{3})+,\d{2}$/);
  });
});
