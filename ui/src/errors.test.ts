import { describe, expect, it } from "vitest";
import type { CommandErrorBody } from "./types";
import { errorFilePlace, errorLineField, errorLineIndex, errorMessage, errorOnLine, errorWhere } from "./errors";

const lines = [{ id: "search-brand" }, { id: "meta-pros" }, { id: "tv-1" }];

// Each error as the core sends it (message plain, place in fields), and what the UI shows.
const cases: { error: CommandErrorBody; message: string; onLine: string; index: number | null; field: string | null; file: string | null; where: string | null }[] = [
  {
    error: { code: "negative_value", message: "-2.40 is negative", path: "lines[2].rate", line: "tv-1" },
    message: "-2.40 is negative",
    onLine: "Line 3: -2.40 is negative",
    index: 2,
    field: "rate",
    file: null,
    where: 'lines[2].rate (line "tv-1")',
  },
  {
    error: { code: "launch_blocked", message: "cannot go live: io_signed not done", line: "meta-pros" },
    message: "Cannot go live: io_signed not done",
    onLine: "Line 2: Cannot go live: io_signed not done",
    index: 1,
    field: null,
    file: null,
    where: 'line "meta-pros"',
  },
  {
    error: { code: "missing_field", message: "the plan needs a name", path: "name" },
    message: "The plan needs a name",
    onLine: "The plan needs a name",
    index: null,
    field: null,
    file: null,
    where: "name",
  },
  {
    error: { code: "invalid_json", message: "the JSON is malformed", file: "q1.json", json_line: 3, json_column: 5 },
    message: "The JSON is malformed",
    onLine: "The JSON is malformed",
    index: null,
    field: null,
    file: "q1.json, line 3, column 5",
    where: "file line 3, column 5",
  },
  {
    error: { code: "bad_date", message: '"2027-02-30" is not a date', file: "q1.xlsx", sheet: "Lines", row: 2, path: "Lines!C2", line: "gone" },
    message: '"2027-02-30" is not a date',
    onLine: '"2027-02-30" is not a date',
    index: null,
    field: null,
    file: 'q1.xlsx, sheet "Lines", row 2',
    where: 'sheet "Lines" · row 2 · Lines!C2 (line "gone")',
  },
  {
    error: { code: "bad_number", message: '"one dollar" is not a number', file: "report.csv", row: 5, column: "Cost" },
    message: '"one dollar" is not a number',
    onLine: '"one dollar" is not a number',
    index: null,
    field: null,
    file: 'report.csv, row 5, column "Cost"',
    where: 'row 5 · column "Cost"',
  },
];

describe("an error shown from its fields", () => {
  it.each(cases)("$error.code", ({ error, message, onLine, index, field, file, where }) => {
    expect(errorMessage(error)).toBe(message);
    expect(errorOnLine(error, lines)).toBe(onLine);
    expect(errorLineIndex(error, lines)).toBe(index);
    expect(errorLineField(error)).toBe(field);
    expect(errorFilePlace(error)).toBe(file);
    expect(errorWhere(error)).toBe(where);
  });
});

describe("a command's error", () => {
  it("keeps every field of the core's error, so the UI can compose from them", async () => {
    const { toCommandError } = await import("./api");
    for (const { error } of cases) {
      const e = toCommandError(error);
      const { name, ...fields } = { ...e, message: e.message };
      expect(name).toBe("CommandError");
      expect(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))).toEqual(error);
      expect(errorFilePlace(e)).toBe(errorFilePlace(error));
    }
  });
});
