import { decodeCp949, looksLikeKorean } from "./cp949.ts";

/** Decoded text with its encoding, or the reason the bytes could not be decoded. */
export type Decoded = { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "euc-kr" } | { error: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const otherLegacy = [
  { label: "shift_jis", name: "Shift_JIS" },
  { label: "gb18030", name: "GB18030" },
  { label: "big5", name: "Big5" },
] as const;

/**
 * Decodes bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or EUC-KR/CP949. Any other
 * encoding is rejected with a message that names the most likely encoding and the fix.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  try {
    return { text: utf8.decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: try the legacy Korean encoding next.
  }
  const korean = decodeCp949(bytes);
  if (korean !== null && looksLikeKorean(korean)) return { text: korean, encoding: "euc-kr" };
  const offset = firstInvalidUtf8Offset(bytes);
  const guess = otherLegacy.find(({ label }) => decodesCleanly(label, bytes))?.name ?? "ISO-8859-1 or Windows-1252";
  return {
    error: `not UTF-8 (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, "0")} at byte ${offset}) and not EUC-KR/CP949; it looks like ${guess}. Convert it to UTF-8 first, for example: iconv -f ${guess.split(" ")[0]} -t UTF-8`,
  };
}

function decodesCleanly(label: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Returns the offset of the first byte that breaks UTF-8, or the length when there is none. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = utf8SequenceLength(byte);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

/** Returns the length of the UTF-8 sequence that `lead` starts, or 0 when it cannot start one. */
function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Returns the offset of a NUL byte in the first 8 KiB, which marks a binary file, or -1. */
export function findBinaryMarker(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return i;
  return -1;
}
