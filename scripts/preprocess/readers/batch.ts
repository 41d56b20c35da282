/** A group of raw documents sent to one worker; it is also the unit of resumption. */
export type Batch =
  | {
      kind: "lines";
      /** Input file as given on the command line or found in a folder. */
      input: string;
      /** 1-based number of the first line in `bytes`. */
      firstLine: number;
      /** Complete JSONL lines, each ending in a line feed, still undecoded. */
      bytes: Buffer;
      /** Lines over MAX_DOCUMENT_BYTES that the reader dropped; `bytes` has an empty line in their place. */
      oversized?: Array<{ line: number; bytes: number }>;
    }
  | { kind: "texts"; input: string; items: Array<{ text: string; source: string }> };

/** A file that was passed over, with the reason shown in the report. */
export interface SkippedInput {
  kind: "skipped";
  input: string;
  reason: string;
}

/** Item that a reader yields: a batch of documents, or a file it could not read. */
export type ReaderItem = (Batch & { inputBytes: number }) | SkippedInput;

/**
 * Largest document in UTF-8 bytes. Larger ones are rejected with their location, which bounds the
 * memory of the reader and of each worker (see WORKER_MAX_HEAP_MB).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** Size at which a reader closes a batch: larger batches amortise worker messages, smaller ones balance better. */
export const BATCH_MAX_BYTES = 1 << 18;
export const BATCH_MAX_DOCUMENTS = 2000;
