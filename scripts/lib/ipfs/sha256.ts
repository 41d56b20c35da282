/**
 * SHA-256 of report bytes as 0x-prefixed lowercase hex, the form registered on-chain as bytes32.
 * Uses WebCrypto so that the same code runs in Node and in the browser.
 */
import { InvalidSha256Error } from "./errors.ts";

/** 0x-prefixed lowercase hex string. */
export type Sha256Hex = `0x${string}`;

const SHA256_HEX = /^(0x)?[0-9a-fA-F]{64}$/;

/** Hashes `bytes` with SHA-256. */
export async function sha256Hex(bytes: Uint8Array): Promise<Sha256Hex> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes));
  return `0x${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Returns `value` as 0x-prefixed lowercase hex, or throws InvalidSha256Error. */
export function normalizeSha256(value: string): Sha256Hex {
  if (!SHA256_HEX.test(value)) throw new InvalidSha256Error(value);
  const digits = value.startsWith("0x") ? value.slice(2) : value;
  return `0x${digits.toLowerCase()}`;
}
