import { describe, expect, it } from "vitest";
import { dateOrderFor } from "./dateOrder";

describe("dateOrderFor", () => {
  it("reads each locale's order as its own date format writes it (CLDR): US month first, most of the world day first, ISO-style year first", () => {
    expect(dateOrderFor("en-US")).toBe("month_first");
    expect(dateOrderFor("en-PH")).toBe("month_first");
    expect(dateOrderFor("fr-CA")).toBe("year_first");
    expect(dateOrderFor("en-GB")).toBe("day_first");
    expect(dateOrderFor("de-DE")).toBe("day_first");
    expect(dateOrderFor("pt-BR")).toBe("day_first");
    expect(dateOrderFor("ja-JP")).toBe("year_first");
    expect(dateOrderFor("sv-SE")).toBe("year_first");
    expect(dateOrderFor("")).toBe("unknown");
    expect(dateOrderFor(undefined)).toBe("unknown");
  });
});
