/** Token amounts and period labels as people type and read them. */
import { formatUnits, hexToString, parseUnits, stringToHex, type Hex } from "viem";

/** Thrown when an amount or label typed by a user cannot be used. */
export class InvalidAmountError extends Error {
  override name = "InvalidAmountError" as const;
}

/**
 * Parses a decimal amount such as "1234.56" into base units of a token with `decimals`.
 * Thousands separators ("1,234.56" or "1_234.56") are accepted; more fraction digits than the
 * token has are rejected instead of being rounded.
 */
export function parseTokenAmount(text: string, decimals: number, symbol: string): bigint {
  const cleaned = text.trim().replace(/[,_]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) {
    throw new InvalidAmountError(`"${text}" is not an amount; write digits with an optional decimal point, such as 1234.56.`);
  }
  const fraction = cleaned.split(".")[1] ?? "";
  if (fraction.length > decimals) {
    throw new InvalidAmountError(`"${text}" has ${fraction.length} decimal places, but ${symbol} has only ${decimals}.`);
  }
  return parseUnits(cleaned, decimals);
}

/** Parses an amount in base units ("123456"). */
export function parseRawAmount(text: string): bigint {
  if (!/^\d+$/.test(text.trim())) throw new InvalidAmountError(`"${text}" is not a whole number of base units.`);
  return BigInt(text.trim());
}

/** Formats base units as a decimal with all of the token's decimals, such as "1234.560000". */
export function formatTokenAmount(amount: bigint, decimals: number): string {
  const text = formatUnits(amount, decimals);
  if (decimals === 0) return text;
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(decimals, "0")}`;
}

/** Encodes a period label such as "2026-11" as the bytes32 that `deposit` records (UTF-8, right-padded). */
export function periodToBytes32(label: string): Hex {
  if (label === "") throw new InvalidAmountError("The period label is empty; pass a label such as 2026-11.");
  if (Buffer.byteLength(label, "utf8") > 32) {
    throw new InvalidAmountError(`The period label "${label}" is longer than 32 bytes in UTF-8; shorten it.`);
  }
  return stringToHex(label, { size: 32 });
}

/** Decodes a bytes32 period back into its label; labels that are not text are returned as hex. */
export function periodLabel(period: Hex): string {
  try {
    const text = hexToString(period, { size: 32 }).replace(/\0+$/, "");
    // eslint-disable-next-line no-control-regex -- a label with control characters is not text
    return /^[^\u0000-\u001f]*$/.test(text) && text !== "" ? text : period;
  } catch {
    return period;
  }
}
