import { extname } from "node:path";
import type { ReaderItem } from "./batch.ts";
import { readCsv } from "./csv.ts";
import { FORMAT_BY_EXTENSION, type InputFile } from "./inputs.ts";
import { readJsonl } from "./jsonl.ts";
import { readParquet } from "./parquet.ts";
import { readTextFile } from "./text-file.ts";

const SUPPORTED = Object.keys(FORMAT_BY_EXTENSION).join(", ");

/** Yields the batches of every input file in order, and a skipped item for each file it cannot use. */
export async function* readInputs(files: readonly InputFile[], textField: string): AsyncGenerator<ReaderItem> {
  for (const file of files) {
    switch (file.format) {
      case "jsonl":
        yield* readJsonl(file.path);
        break;
      case "csv":
        yield* readCsv(file.path, textField);
        break;
      case "parquet":
        yield* readParquet(file.path, textField);
        break;
      case "text":
        yield await readTextFile(file.path, file.bytes);
        break;
      default:
        yield {
          kind: "skipped",
          input: file.path,
          reason: `unsupported file type "${extname(file.path) || "(none)"}"; supported: ${SUPPORTED}`,
        };
    }
  }
}
