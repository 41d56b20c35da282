import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { BATCH_MAX_BYTES, type ReaderItem } from "./batch.ts";

/** Reads the `textField` column of a Parquet file one row group at a time. */
export async function* readParquet(path: string, textField: string): AsyncGenerator<ReaderItem> {
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    yield { kind: "skipped", input: path, reason: `not a readable Parquet file: ${(error as Error).message}` };
    return;
  }
  const columns = metadata.schema.slice(1).map((element) => element.name);
  if (!columns.includes(textField)) {
    yield {
      kind: "skipped",
      input: path,
      reason: `no column named "${textField}" (columns: ${columns.join(", ")}); pass --text-field with the column that holds the text`,
    };
    return;
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file, metadata, columns: [textField], rowStart, rowEnd });
    let items: Array<{ text: string; source: string }> = [];
    rows.forEach((row, index) => {
      const value = row[textField];
      items.push({ text: typeof value === "string" ? value : "", source: `${path}#row${rowStart + index + 1}` });
    });
    // Row groups are usually tens of MB at most; split them so batches stay small for workers.
    while (items.length > 0) {
      let size = 0;
      let count = 0;
      while (count < items.length && size < BATCH_MAX_BYTES) size += items[count++]!.text.length;
      yield { kind: "texts", input: path, items: items.slice(0, count), inputBytes: size };
      items = items.slice(count);
    }
    rowStart = rowEnd;
  }
}
