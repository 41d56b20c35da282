import { describe, expect, it } from "vitest";

import {
  formatBps,
  formatDualTime,
  formatInteger,
  formatReadableTime,
  formatRatio,
  formatTokenAmount,
  InvalidAmountError,
  parseTokenAmount,
  shortHex,
  toDecimalString,
} from "./format.ts";

describe("formatTokenAmount", () => {
  it("keeps every significant decimal of a 6-decimal token", () => {
    expect(formatTokenAmount(1_234_500_000n, 6, "en")).toBe("1,234.5");
    expect(formatTokenAmount(1n, 6, "en")).toBe("0.000001");
    expect(formatTokenAmount(0n, 6, "ko")).toBe("0");
  });

  it("is exact for 18 decimals beyond float precision", () => {
    const raw = 123_456_789_012_345_678_901_234_567n;
    expect(formatTokenAmount(raw, 18, "en")).toBe("123,456,789.012345678901234567");
    expect(formatTokenAmount(raw, 18, "ko")).toBe("123,456,789.012345678901234567");
  });

  it("handles zero decimals and negative values", () => {
    expect(formatTokenAmount(1_000_000n, 0, "en")).toBe("1,000,000");
    expect(formatTokenAmount(-1_500_000n, 6, "en")).toBe("-1.5");
  });
});

describe("parseTokenAmount", () => {
  it("parses grouped decimals into base units", () => {
    expect(parseTokenAmount("1,000.25", 6)).toBe(1_000_250_000n);
    expect(parseTokenAmount("0.000001", 6)).toBe(1n);
    expect(parseTokenAmount("42", 0)).toBe(42n);
    expect(parseTokenAmount("7.", 2)).toBe(700n);
  });

  it("rejects more decimals than the token has", () => {
    expect(() => parseTokenAmount("1.0000001", 6)).toThrow(InvalidAmountError);
  });

  it.each(["", "-1", "1e6", "abc", "1.2.3", "0x10"])("rejects %j", (input) => {
    expect(() => parseTokenAmount(input, 6)).toThrow(InvalidAmountError);
  });

  it("round-trips with toDecimalString", () => {
    for (const raw of [0n, 1n, 10n ** 18n + 7n, 999_999_999_999_999_999_999n]) {
      expect(parseTokenAmount(toDecimalString(raw, 18), 18)).toBe(raw);
    }
  });
});

describe("shares", () => {
  it("formats basis points as percentages", () => {
    expect(formatBps(1_500, "en")).toBe("15%");
    expect(formatBps(1, "ko")).toBe("0.01%");
    expect(formatBps(10_000n, "en")).toBe("100%");
  });

  it("rounds ratios down to four decimals", () => {
    expect(formatRatio(1n, 3n, "en")).toBe("33.3333%");
    expect(formatRatio(2n, 3n, "en")).toBe("66.6666%");
    expect(formatRatio(0n, 0n, "en")).toBe("0%");
  });
});

describe("formatReadableTime", () => {
  it("uses each locale's date style, in KST and UTC", () => {
    const newYear = Date.UTC(2026, 11, 31, 20, 0, 0) / 1_000;
    expect(formatReadableTime(newYear, "en")).toMatchObject({ kst: "Jan 1, 2027, 5:00:00 AM KST", utc: "Dec 31, 2026, 8:00:00 PM UTC" });
    expect(formatReadableTime(newYear, "ko")).toMatchObject({ kst: "2027. 1. 1. 오전 5:00:00 KST", utc: "2026. 12. 31. 오후 8:00:00 UTC" });
  });
});

describe("formatDualTime", () => {
  it("writes the same moment in UTC and KST (UTC+9)", () => {
    const time = formatDualTime(Date.UTC(2026, 10, 18, 9, 46, 40) / 1_000, "en");
    expect(time.utc).toBe("2026-11-18 09:46:40 UTC");
    expect(time.kst).toBe("2026-11-18 18:46:40 KST");
    expect(time.iso).toBe("2026-11-18T09:46:40.000Z");
  });

  it("crosses the date line into the next day in KST", () => {
    const time = formatDualTime(Date.UTC(2026, 11, 31, 20, 0, 0) / 1_000, "ko");
    expect(time.utc).toBe("2026-12-31 20:00:00 UTC");
    expect(time.kst).toBe("2027-01-01 05:00:00 KST");
  });
});

describe("small helpers", () => {
  it("groups integers per locale", () => {
    expect(formatInteger(1_234_567n, "ko")).toBe("1,234,567");
  });

  it("shortens long hex and keeps short strings", () => {
    expect(shortHex("0x1234567890abcdef1234567890abcdef12345678")).toBe("0x1234…5678");
    expect(shortHex("0x12")).toBe("0x12");
  });
});
