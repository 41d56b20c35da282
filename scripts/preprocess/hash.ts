import { createHash } from "node:crypto";

/** sha256 of the UTF-8 bytes of a document's final text, as 0x-prefixed hex (a bytes32). */
export function hashDocument(text: string): string {
  return "0x" + createHash("sha256").update(text, "utf8").digest("hex");
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
