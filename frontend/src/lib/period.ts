/**
 * Deposit period labels: free text such as "2026-11", stored on-chain as a bytes32 padded with
 * zero bytes on the right.
 */
import { hexToBytes, stringToHex, type Hex } from "viem";

/** Maximum label length in UTF-8 bytes. One byte of the 32 stays zero so that the end is unambiguous. */
export const MAX_PERIOD_BYTES = 31;

/** Returns the label as bytes32, or undefined when it is empty, too long or has control characters. */
export function encodePeriod(label: string): Hex | undefined {
  const trimmed = label.trim();
  if (trimmed === "" || /\p{Cc}/u.test(trimmed)) return undefined;
  if (new TextEncoder().encode(trimmed).length > MAX_PERIOD_BYTES) return undefined;
  return stringToHex(trimmed, { size: 32 });
}

/** Returns the text of an on-chain period, or its hex when it is not printable UTF-8. */
export function decodePeriod(period: Hex): string {
  const bytes = hexToBytes(period);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end));
    return /\p{Cc}/u.test(text) ? period : text;
  } catch {
    return period;
  }
}
