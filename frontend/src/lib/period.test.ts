import { describe, expect, it } from "vitest";

import { decodePeriod, encodePeriod } from "./period.ts";

describe("period labels", () => {
  it("round-trip text, Korean included", () => {
    for (const label of ["2026-11", "2026년 11월", "Q4"]) {
      expect(decodePeriod(encodePeriod(label)!)).toBe(label);
    }
  });

  it("reject empty, over-long and control-character labels", () => {
    expect(encodePeriod("  ")).toBeUndefined();
    expect(encodePeriod("x".repeat(32))).toBeUndefined();
    expect(encodePeriod("가".repeat(11))).toBeUndefined(); // 33 bytes of UTF-8
    expect(encodePeriod("a\tb")).toBeUndefined();
  });

  it("shows a period that is not text as hex", () => {
    const binary = `0xff${"00".repeat(31)}` as const;
    expect(decodePeriod(binary)).toBe(binary);
  });
});
