import { describe, expect, it } from "vitest";
import { groupDigits, isNegative, money, num, period } from "./format";

describe("groupDigits", () => {
  it("groups the integer part of the exact string without touching the digits", () => {
    expect(groupDigits("1234567.50")).toBe("1,234,567.50");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("1000")).toBe("1,000");
    expect(groupDigits("-12345.678")).toBe("-12,345.678");
    // Beyond float precision: still exact.
    expect(groupDigits("12345678901234567890.01")).toBe("12,345,678,901,234,567,890.01");
  });

  it("follows the plan's number style", () => {
    expect(groupDigits("1234567.50", "1.234,56")).toBe("1.234.567,50");
    expect(groupDigits("1234.5", "1 234,56")).toBe("1\u202f234,5");
    // Lakhs and crores: the last three digits, then twos.
    expect(["999", "1000", "100000", "1234567.89", "-123456789"].map((v) => groupDigits(v, "1,23,456.78"))).toEqual([
      "999",
      "1,000",
      "1,00,000",
      "12,34,567.89",
      "-12,34,56,789",
    ]);
  });

  it("leaves anything that is not a plain decimal as it is", () => {
    expect(groupDigits("n/a")).toBe("n/a");
    expect(num(null)).toBe("—");
  });
});

describe("money and periods", () => {
  it("puts the sign before the symbol", () => {
    expect(money("-1250.00", "USD")).toBe("-$1,250.00");
    expect(money("250000.00", "EUR")).toBe("€250,000.00");
    expect(isNegative("-0.00")).toBe(false);
    expect(isNegative("-0.01")).toBe(true);
  });

  it("writes each currency with the core's sign, as the PDF and the workbook do", () => {
    expect(money("1200.00", "GBP")).toBe("£1,200.00");
    // Where a symbol would mislead (the franc's ₣, a right-to-left sign, none), the code.
    expect(money("1200.00", "CHF")).toBe("CHF\u00a01,200.00");
    expect(money("22620.615", "BHD")).toBe("BHD\u00a022,620.615");
    expect(money("1200", "XPF")).toBe("XPF\u00a01,200");
    expect(money("-5", "ZZZ")).toBe("-ZZZ\u00a05");
  });

  it("says the year once when the period is within a year", () => {
    expect(period("2027-01-04", "2027-03-28")).toBe("4 Jan – 28 Mar 2027");
    expect(period("2026-12-28", "2027-01-31")).toBe("28 Dec 2026 – 31 Jan 2027");
  });
});
