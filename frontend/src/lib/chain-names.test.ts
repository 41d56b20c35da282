import { describe, expect, it } from "vitest";

import { chainNameOf } from "./chain-names.ts";

const platform = { chainId: 31_337, chainName: "Hardhat (local)" };

describe("chainNameOf", () => {
  it("names the platform's chain as configured, then well-known chains", () => {
    expect(chainNameOf(31_337, platform)).toBe("Hardhat (local)");
    expect(chainNameOf(1, platform)).toBe("Ethereum");
    expect(chainNameOf(8453, platform)).toBe("Base");
  });

  it("returns undefined for an unknown chain", () => {
    expect(chainNameOf(999_999, platform)).toBeUndefined();
  });
});
