import { describe, expect, it } from "vitest";
import fixtures from "./test/core-fixtures.json";
import { baseName, describeImportError, exportFileName } from "./files";

describe("export file names", () => {
  it("name the file after the client and plan, without characters a file system refuses", () => {
    expect(exportFileName("Northwind Coffee Co.", "Q1 2027 Cold Brew Launch", "pdf")).toBe("Northwind Coffee Co. Q1 2027 Cold Brew Launch.pdf");
    expect(exportFileName("A/B: Tests", 'Plan "v2"?', "xlsx")).toBe("A B Tests Plan v2.xlsx");
    expect(exportFileName("  ", "", "plan")).toBe("plan.json");
    expect(exportFileName("..hidden", "x", "csv")).toBe("hidden x.csv");
  });

  it("take the file's name from a path", () => {
    expect(baseName("/home/ana/spring.json")).toBe("spring.json");
    expect(baseName("C:\\Users\\ana\\spring.json")).toBe("spring.json");
  });
});

describe("a refused plan file", () => {
  it("is taken apart into the reason, the file line, the JSON path and the plan line (the core's own error)", () => {
    const core = fixtures.scenarios.find((s) => s.name === "filesBroken")!.error as { code: string; message: string; path: string; line: string };
    // As import_plan_file sends it: the core's error with the file's name in front.
    const err = { ...core, message: `spring-refresh.json: ${core.message}` };
    const p = describeImportError(err, "/home/ana/spring-refresh.json");
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
    expect(describeImportError({ message: "broken.json: malformed JSON at line 3 column 3", path: "?" }, "/x/broken.json")).toEqual({
      file: "broken.json",
      reason: "Malformed JSON",
      lineId: undefined,
      field: undefined,
      at: { line: 3, column: 3 },
    });
    const gone = describeImportError({ message: "could not read /x/gone.json (No such file)", path: "path" }, "/x/gone.json");
    expect(gone.reason).toBe("Could not read /x/gone.json (No such file)");
    expect(gone.field).toBeUndefined();
    expect(gone.at).toBeUndefined();
  });
});
