import { createReadStream } from "node:fs";
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, type ReaderItem } from "./batch.ts";

/**
 * Splits a JSONL file into batches of whole lines without decoding them: workers decode and
 * parse, so one bad line is rejected on its own and the main thread stays free.
 */
export async function* readJsonl(path: string): AsyncGenerator<ReaderItem> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingLines = 0;
  let firstLine = 1;
  let carry = Buffer.alloc(0);

  const flush = (): ReaderItem => {
    const bytes = Buffer.concat(pending);
    const item: ReaderItem = { kind: "lines", input: path, firstLine, bytes, inputBytes: bytes.length };
    firstLine += pendingLines;
    pending = [];
    pendingBytes = 0;
    pendingLines = 0;
    return item;
  };

  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    let data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
      const line = data.subarray(start, end + 1);
      pending.push(line);
      pendingBytes += line.length;
      pendingLines++;
      start = end + 1;
      if (pendingBytes >= BATCH_MAX_BYTES || pendingLines >= BATCH_MAX_DOCUMENTS) yield flush();
    }
    carry = Buffer.from(data.subarray(start));
    data = Buffer.alloc(0);
  }
  if (carry.length > 0) {
    pending.push(Buffer.concat([carry, Buffer.from("\n")]));
    pendingLines++;
  }
  if (pending.length > 0) yield flush();
}
