import { readFile } from "node:fs/promises";
import { MAX_DOCUMENT_BYTES, type ReaderItem } from "./batch.ts";
import { decodeBytes, findBinaryMarker } from "./decode.ts";

/** Reads one .txt or .md file as one document, or reports why it was skipped. */
export async function readTextFile(path: string, size: number): Promise<ReaderItem> {
  if (size > MAX_DOCUMENT_BYTES) {
    return { kind: "skipped", input: path, reason: `file is ${size} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit for one document; split it into smaller files or JSONL lines` };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { kind: "skipped", input: path, reason: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const nul = isUtf16 ? -1 : findBinaryMarker(bytes);
  if (nul >= 0) return { kind: "skipped", input: path, reason: `binary file (NUL byte at offset ${nul})` };
  const decoded = decodeBytes(bytes);
  if ("error" in decoded) return { kind: "skipped", input: path, reason: decoded.error };
  return { kind: "texts", input: path, items: [{ text: decoded.text, source: path }], inputBytes: bytes.length };
}
