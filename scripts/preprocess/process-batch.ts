import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Doc } from "./document.ts";
import { createDocumentStages, runDocumentStages } from "./document-stages.ts";
import { hashDocument } from "./hash.ts";
import type { Language } from "./language.ts";
import { leafOf } from "./merkle.ts";
import { minhashSignature } from "./minhash.ts";
import { MAX_DOCUMENT_BYTES, type Batch } from "./readers/batch.ts";
import { decodeBytes } from "./readers/decode.ts";
import { countChanged, countRemoved, createStats, type StageStats } from "./stage.ts";
import type { Tokenizer } from "./tokenizer.ts";

/** An input line or row that could not become a document, with its location and the reason. */
export interface RejectedInput {
  source: string;
  /** Reason code, the same as the read stage counts it under. */
  code: string;
  reason: string;
}

/** A document that survived the per-document stages, stored in a spool file. */
export interface SpooledDoc {
  hash: string;
  tokens: number;
  language: Language;
  /** Byte offset and length of its JSONL line in the shard's spool file. */
  offset: number;
  length: number;
  signature: Uint8Array | null;
  /** Merkle leaf of `hash` (32 bytes), computed in the worker to shorten the single-threaded dataset phase. */
  leaf: Uint8Array;
}

export interface ShardResult {
  shardId: string;
  docs: SpooledDoc[];
  stats: StageStats[];
  rejected: RejectedInput[];
}

export interface BatchContext {
  tokenizer: Tokenizer;
  textField: string;
  spoolDir: string;
}

/**
 * Runs one batch through the per-document stages and writes the survivors to
 * `spoolDir/<shardId>.jsonl`. The file appears under its final name only when complete, so a
 * crash never leaves a shard that looks finished.
 */
export function processBatch(shardId: string, batch: Batch, context: BatchContext): ShardResult {
  const read = createStats("read");
  const stages = createDocumentStages(context.tokenizer);
  const rejected: RejectedInput[] = [];
  const docs: SpooledDoc[] = [];
  const lines: string[] = [];
  const signatures: Array<Uint8Array | null> = [];
  const leaves: Uint8Array[] = [];
  let offset = 0;

  for (const raw of decodeBatch(batch, context.textField, read, rejected)) {
    const doc = runDocumentStages(stages, { text: raw.text, source: raw.source, tokens: 0, language: "other" });
    if (doc === null) continue;
    const line = JSON.stringify({ text: doc.text }) + "\n";
    const length = Buffer.byteLength(line);
    const signature = minhashSignature(doc.text);
    const hash = hashDocument(doc.text);
    signatures.push(signature ? new Uint8Array(signature.buffer) : null);
    leaves.push(leafOf(hash));
    docs.push({ hash, tokens: doc.tokens, language: doc.language, offset, length, signature: null, leaf: EMPTY_LEAF });
    lines.push(line);
    offset += length;
  }
  // Views into one buffer each, so a worker transfers them in one piece instead of cloning one
  // small buffer per document.
  packBytes(signatures).forEach((signature, i) => (docs[i]!.signature = signature));
  packBytes(leaves).forEach((leaf, i) => (docs[i]!.leaf = leaf!));

  const path = join(context.spoolDir, `${shardId}.jsonl`);
  writeFileSync(path + ".partial", lines.join(""));
  renameSync(path + ".partial", path);
  return { shardId, docs, stats: [read, ...stages.map((stage) => stage.stats)], rejected };
}

const EMPTY_LEAF = new Uint8Array(0);

/** Copies `parts` into one ArrayBuffer and returns a view of each part there, null for null. */
export function packBytes(parts: ReadonlyArray<Uint8Array | null>): Array<Uint8Array | null> {
  const packed = new Uint8Array(parts.reduce((sum, part) => sum + (part?.byteLength ?? 0), 0));
  let offset = 0;
  return parts.map((part) => {
    if (part === null) return null;
    packed.set(part, offset);
    offset += part.byteLength;
    return packed.subarray(offset - part.byteLength, offset);
  });
}

/**
 * Decodes and parses the batch's lines or rows. It acts as the pipeline's first stage, "read":
 * lines that cannot become documents are counted by reason and listed with their line numbers.
 */
export function* decodeBatch(batch: Batch, textField: string, read: StageStats, rejected: RejectedInput[]): Generator<Pick<Doc, "text" | "source">> {
  if (batch.kind === "texts") {
    for (const item of batch.items) {
      read.documentsIn++;
      const bytes = Buffer.byteLength(item.text);
      if (bytes > MAX_DOCUMENT_BYTES) {
        countRemoved(read, "document-too-large", 0);
        rejected.push({ source: item.source, code: "document-too-large", reason: tooLarge(bytes) });
        continue;
      }
      read.documentsOut++;
      yield item;
    }
    return;
  }
  const oversized = new Map((batch.oversized ?? []).map((entry) => [entry.line, entry.bytes]));
  const lines = splitLines(batch.bytes);
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = batch.firstLine + index;
    const source = `${batch.input}:${lineNumber}`;
    const droppedBytes = oversized.get(lineNumber);
    const parsed = droppedBytes === undefined ? parseLine(lines[index]!, textField) : { code: "document-too-large", reason: tooLarge(droppedBytes) };
    if (parsed === null) continue;
    read.documentsIn++;
    if ("reason" in parsed) {
      countRemoved(read, parsed.code, 0);
      rejected.push({ source, code: parsed.code, reason: parsed.reason });
      continue;
    }
    if (parsed.legacyEncoding) countChanged(read, "decoded-from-euc-kr", 0, 1);
    read.documentsOut++;
    yield { text: parsed.text, source };
  }
}

function tooLarge(bytes: number): string {
  return `document is ${bytes} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit; split it into smaller documents`;
}

type ParsedLine = { text: string; legacyEncoding: boolean } | { code: string; reason: string } | null;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Splits a batch into its lines. A batch that is valid UTF-8, the common case, is decoded in one
 * call. Otherwise each line is decoded on its own, so a line in another encoding affects only
 * itself. Line numbers stay right, because no UTF-8 sequence contains the line feed byte.
 */
function splitLines(bytes: Buffer): Array<string | Buffer> {
  try {
    const lines = utf8.decode(bytes).split("\n");
    lines.pop();
    return lines;
  } catch {
    const lines: Buffer[] = [];
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      lines.push(bytes.subarray(start, end));
      start = end + 1;
    }
    return lines;
  }
}

/** Returns the UTF-8 length, or a smaller number when even 3 bytes per code unit stay under the limit. */
function utf8LengthForLimit(line: string): number {
  if (line.length * 3 <= MAX_DOCUMENT_BYTES) return line.length;
  return Buffer.byteLength(line);
}

function parseLine(line: string | Buffer, textField: string): ParsedLine {
  const bytes = typeof line === "string" ? utf8LengthForLimit(line) : line.length;
  if (bytes > MAX_DOCUMENT_BYTES) return { code: "document-too-large", reason: tooLarge(bytes) };
  let text: string;
  let legacyEncoding = false;
  if (typeof line === "string") {
    text = line.trim();
  } else {
    const decoded = decodeBytes(line);
    if ("error" in decoded) return { code: "undecodable-line", reason: decoded.error };
    text = decoded.text.trim();
    legacyEncoding = decoded.encoding === "euc-kr";
  }
  return parseJsonLine(text, legacyEncoding, textField);
}

function parseJsonLine(line: string, legacyEncoding: boolean, textField: string): ParsedLine {
  if (line.length === 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { code: "invalid-json", reason: `invalid JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { code: "not-a-json-object", reason: "not a JSON object" };
  const text = (value as Record<string, unknown>)[textField];
  if (typeof text !== "string") {
    return {
      code: "missing-text-field",
      reason: `field "${textField}" is ${text === undefined ? "missing" : `a ${typeof text}, not a string`}; pass --text-field to read another field`,
    };
  }
  return { text, legacyEncoding };
}
