import { createReadStream } from "node:fs";
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, MAX_DOCUMENT_BYTES, type ReaderItem } from "./batch.ts";

const EMPTY_LINE = Buffer.from("\n");

/**
 * Splits a JSONL file into batches of whole lines without decoding them: workers decode and
 * parse, so one bad line is rejected on its own and the main thread stays free. A line longer
 * than MAX_DOCUMENT_BYTES is dropped while it is read and listed in the batch's `oversized`.
 */
export async function* readJsonl(path: string): AsyncGenerator<ReaderItem> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingLines = 0;
  let firstLine = 1;
  let carry = Buffer.alloc(0);
  let oversized: Array<{ line: number; bytes: number }> = [];
  // Bytes of the oversized line being skipped, or -1 outside one.
  let skippedBytes = -1;

  const flush = (): ReaderItem => {
    const bytes = Buffer.concat(pending);
    const item: ReaderItem = { kind: "lines", input: path, firstLine, bytes, inputBytes: bytes.length };
    if (oversized.length > 0) item.oversized = oversized;
    oversized = [];
    firstLine += pendingLines;
    pending = [];
    pendingBytes = 0;
    pendingLines = 0;
    return item;
  };

  const endOversizedLine = (): void => {
    pending.push(EMPTY_LINE);
    pendingLines++;
    oversized.push({ line: firstLine + pendingLines - 1, bytes: skippedBytes });
    skippedBytes = -1;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    let data = chunk;
    if (skippedBytes >= 0) {
      const end = chunk.indexOf(10);
      if (end === -1) {
        skippedBytes += chunk.length;
        continue;
      }
      skippedBytes += end;
      endOversizedLine();
      start = end + 1;
    } else if (carry.length > 0) {
      data = Buffer.concat([carry, chunk]);
    }
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      const line = data.subarray(start, end + 1);
      pending.push(line);
      pendingBytes += line.length;
      pendingLines++;
      start = end + 1;
      if (pendingBytes >= BATCH_MAX_BYTES || pendingLines >= BATCH_MAX_DOCUMENTS) yield flush();
    }
    carry = Buffer.from(data.subarray(start));
    if (carry.length > MAX_DOCUMENT_BYTES) {
      skippedBytes = carry.length;
      carry = Buffer.alloc(0);
    }
  }
  if (skippedBytes >= 0) endOversizedLine();
  if (carry.length > 0) {
    pending.push(Buffer.concat([carry, Buffer.from("\n")]));
    pendingLines++;
  }
  if (pending.length > 0) yield flush();
}
