import { describe, expect, it } from "vitest";
import fixtures from "./test/core-fixtures.json";
import { describeImportError } from "./files";
import type { CommandErrorBody } from "./types";

describe("a refused plan file", () => {
  it("is said from the error's fields: the reason, the file line, the JSON path and the plan line (the core's own error)", () => {
    const err = fixtures.scenarios.find((s) => s.name === "filesBroken")!.error as CommandErrorBody;
    expect(err.message).toBe('"twelve" is not a decimal number (write it like "12.50")');
    expect(describeImportError(err)).toEqual({
      file: "filesBroken.json",
      reason: '"twelve" is not a decimal number (write it like "12.50")',
      lineId: "google-generic",
      field: "lines[1].rate",
      at: { line: err.json_line, column: err.json_column },
    });
    expect(err.json_line).toBeGreaterThan(1);
  });

  it("keeps what it has: malformed JSON, an unreadable file", () => {
    const broken = { code: "invalid_json", message: "the JSON is malformed", file: "broken.json", json_line: 3, json_column: 3 };
    expect(describeImportError(broken)).toEqual({
      file: "broken.json",
      reason: "The JSON is malformed",
      lineId: undefined,
      field: undefined,
      at: { line: 3, column: 3 },
    });
    const gone = describeImportError({ code: "file_not_found", message: "the file could not be read (No such file or directory (os error 2))", file: "gone.json" });
    expect(gone.file).toBe("gone.json");
    expect(gone.reason).toBe("The file could not be read (No such file or directory (os error 2))");
    expect(gone.field).toBeUndefined();
    expect(gone.at).toBeUndefined();
  });
});
