import { describe, expect, it } from "vitest";
import fixtures from "./test/core-fixtures.json";
import { describeImportError } from "./files";

describe("a refused plan file", () => {
  it("is taken apart into the reason, the file line, the JSON path and the plan line (the core's own error)", () => {
    const core = fixtures.scenarios.find((s) => s.name === "filesBroken")!.error as { code: string; message: string; path: string; line: string };
    // As choose_plan_import sends it: the core's error with the file's name in front.
    const err = { ...core, message: `spring-refresh.json: ${core.message}` };
    const p = describeImportError(err);
    const [, line, column] = /line (\d+) column (\d+)/.exec(core.message)!;
    expect(p).toEqual({
      file: "spring-refresh.json",
      reason: '"twelve" is not a decimal number (write it like "12.50")',
      lineId: "google-generic",
      field: "lines[1].rate",
      at: { line: Number(line), column: Number(column) },
    });
  });

  it("keeps what it cannot place: malformed JSON, an unreadable file", () => {
    expect(describeImportError({ message: "broken.json: malformed JSON at line 3 column 3", path: "?" })).toEqual({
      file: "broken.json",
      reason: "Malformed JSON",
      lineId: undefined,
      field: undefined,
      at: { line: 3, column: 3 },
    });
    const gone = describeImportError({ message: "gone.json: No such file or directory (os error 2)", path: "path" });
    expect(gone.file).toBe("gone.json");
    expect(gone.reason).toBe("No such file or directory (os error 2)");
    expect(gone.field).toBeUndefined();
    expect(gone.at).toBeUndefined();
  });
});
