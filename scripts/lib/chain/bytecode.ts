/** Compares deployed runtime code with a compiled artifact, ignoring the immutables' values. */
import type { Hex } from "viem";

import { immutableReferences } from "./abis.ts";

/** Returns whether `onChain` is the runtime code of `compiled` with any immutable values. */
export function sameCode(onChain: Hex, compiled: Hex, name: keyof typeof immutableReferences): boolean {
  if (onChain.length !== compiled.length) return false;
  const ranges = Object.values(immutableReferences[name]).flat();
  return mask(onChain.toLowerCase(), ranges) === mask(compiled.toLowerCase(), ranges);
}

function mask(code: string, ranges: Array<{ start: number; length: number }>): string {
  const characters = code.split("");
  for (const { start, length } of ranges) {
    // Two hex characters per byte, after the "0x" prefix.
    for (let i = 2 + start * 2; i < 2 + (start + length) * 2; i += 1) characters[i] = "0";
  }
  return characters.join("");
}
