import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, type ReaderItem } from "./batch.ts";
import { decodeCp949 } from "./cp949.ts";
import { decodeBytes } from "./decode.ts";

const SAMPLE_BYTES = 1 << 16;

/**
 * Reads a CSV (or, for .tsv, tab-separated) file with a header row; each row's `textField`
 * column is one document. The encoding is detected from the first 64 KiB.
 */
export async function* readCsv(path: string, textField: string): AsyncGenerator<ReaderItem> {
  const encoding = await detectEncoding(path);
  if ("error" in encoding) {
    yield { kind: "skipped", input: path, reason: encoding.error };
    return;
  }
  const parser = createReadStream(path).pipe(
    parse({
      columns: true,
      delimiter: path.toLowerCase().endsWith(".tsv") ? "\t" : ",",
      bom: true,
      relax_column_count: true,
      encoding: encoding.encoding === "euc-kr" ? null : "utf8",
      skip_empty_lines: true,
    }),
  );
  let items: Array<{ text: string; source: string }> = [];
  let bytes = 0;
  let row = 0;
  for await (const record of parser as AsyncIterable<Record<string, string | Buffer>>) {
    row++;
    if (row === 1 && !(textField in record)) {
      yield {
        kind: "skipped",
        input: path,
        reason: `no column named "${textField}" (columns: ${Object.keys(record).join(", ")}); pass --text-field with the column that holds the text`,
      };
      return;
    }
    const value = record[textField];
    let text = "";
    if (typeof value === "string") text = value;
    else if (value) text = decodeCp949(value) ?? "";
    items.push({ text, source: `${path}#row${row}` });
    bytes += text.length;
    if (bytes >= BATCH_MAX_BYTES || items.length >= BATCH_MAX_DOCUMENTS) {
      yield { kind: "texts", input: path, items, inputBytes: bytes };
      items = [];
      bytes = 0;
    }
  }
  if (items.length > 0) yield { kind: "texts", input: path, items, inputBytes: bytes };
}

async function detectEncoding(path: string) {
  const handle = await open(path, "r");
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(sample, 0, SAMPLE_BYTES, 0);
    // Cut back to the last line feed so a character split at the sample's end is not an error.
    const end = bytesRead === SAMPLE_BYTES ? sample.lastIndexOf(10, bytesRead) + 1 : bytesRead;
    return decodeBytes(sample.subarray(0, end > 0 ? end : bytesRead));
  } finally {
    await handle.close();
  }
}
