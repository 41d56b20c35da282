import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { DocEntry } from "./document.ts";
import { toSignature } from "./index-store.ts";
import type { Language } from "./language.ts";
import { EMPTY_ROOT, MerkleTree, sortLeaves } from "./merkle.ts";
import type { Stage } from "./stage.ts";
import type { WorkStore } from "./work-store.ts";

/** Output shards close once they reach this many bytes; the split follows content-hash order. */
export const OUTPUT_SHARD_BYTES = 64 * 1024 * 1024;
export const DATA_DIR = "data";
export const MANIFEST_FILE = "manifest.jsonl";

export interface DatasetSummary {
  datasetId: string;
  documentsKept: number;
  tokenCount: number;
  shards: string[];
  languages: Record<Language, { documents: number; tokens: number }>;
}

/**
 * Runs the dedup stages over all spooled documents in content-hash order and writes the kept
 * ones to `OUT/data/shard-NNNNN.jsonl`, with one manifest line per document. Because both the
 * order and the shard boundaries follow the content, the files do not depend on input order,
 * input files or worker count. The dataset id is the Merkle root of the kept hashes.
 */
export function writeDataset(store: WorkStore, outDir: string, stages: readonly Stage<DocEntry>[]): DatasetSummary {
  const dataDir = join(outDir, DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  for (const name of readdirSync(dataDir)) if (/^shard-\d+\.jsonl$/.test(name)) rmSync(join(dataDir, name));

  const spool = new SpoolReader(store.spoolDir);
  const manifest = new BufferedFile(join(outDir, MANIFEST_FILE + ".partial"));
  let leaves = Buffer.alloc(32 * 1024);
  let leafCount = 0;
  const languages: DatasetSummary["languages"] = { ko: zero(), en: zero(), other: zero() };
  const shards: string[] = [];
  let shard: { name: string; file: BufferedFile; bytes: number; lines: number } | null = null;
  let tokenCount = 0;

  const rows = store.db
    .prepare("SELECT hash, shard, offset, length, tokens, language, signature, leaf FROM docs ORDER BY hash, shard, offset")
    .iterate() as Iterable<{
    hash: string;
    shard: string;
    offset: number;
    length: number;
    tokens: number;
    language: Language;
    signature: Uint8Array | null;
    /** keccak256(keccak256(hash)), computed by the worker. */
    leaf: Uint8Array;
  }>;

  store.db.exec("BEGIN");
  try {
    for (const row of rows) {
      let entry: DocEntry | null = {
        hash: row.hash,
        tokens: row.tokens,
        language: row.language,
        signature: row.signature ? toSignature(row.signature) : null,
      };
      for (const stage of stages) {
        entry = stage.apply(entry);
        if (entry === null) break;
      }
      if (entry === null) continue;

      if (!shard || shard.bytes >= OUTPUT_SHARD_BYTES) {
        shard?.file.close();
        const name = `shard-${String(shards.length).padStart(5, "0")}.jsonl`;
        shards.push(name);
        shard = { name, file: new BufferedFile(join(dataDir, name)), bytes: 0, lines: 0 };
      }
      const line = spool.read(row.shard, row.offset, row.length);
      shard.file.write(line);
      shard.bytes += line.length;
      shard.lines++;
      manifest.write(JSON.stringify({ hash: row.hash, tokens: row.tokens, language: row.language, shard: `${DATA_DIR}/${shard.name}`, line: shard.lines }) + "\n");

      if (32 * (leafCount + 1) > leaves.length) leaves = Buffer.concat([leaves, Buffer.alloc(leaves.length)]);
      leaves.set(row.leaf, 32 * leafCount++);
      tokenCount += row.tokens;
      languages[row.language].documents++;
      languages[row.language].tokens += row.tokens;
    }
    store.db.exec("COMMIT");
  } finally {
    shard?.file.close();
    manifest.close();
    spool.close();
  }
  renameSync(join(outDir, MANIFEST_FILE + ".partial"), join(outDir, MANIFEST_FILE));

  // NOTE: the tree needs 64 bytes per kept document in one Buffer (64 MB per million documents).
  const datasetId = leafCount === 0 ? EMPTY_ROOT : new MerkleTree(sortLeaves(leaves.subarray(0, 32 * leafCount))).root;
  return { datasetId, documentsKept: leafCount, tokenCount, shards, languages };
}

/** A file written in 1 MiB blocks, so one document costs no system call of its own. */
class BufferedFile {
  readonly #fd: number;
  #chunks: Array<string | Buffer> = [];
  #size = 0;

  constructor(path: string) {
    this.#fd = openSync(path, "w");
  }

  write(data: string | Buffer): void {
    this.#chunks.push(data);
    this.#size += data.length;
    if (this.#size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.#chunks.length === 0) return;
    writeSync(this.#fd, Buffer.concat(this.#chunks.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk))));
    this.#chunks = [];
    this.#size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

function zero() {
  return { documents: 0, tokens: 0 };
}

/** Open spool files at most; documents come in hash order, so reads jump between all spool files. */
const MAX_OPEN_SPOOL_FILES = 256;

/** Reads lines back from spool files by offset, keeping the most recently used files open. */
class SpoolReader {
  readonly #dir: string;
  readonly #descriptors = new Map<string, number>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  read(shardId: string, offset: number, length: number): Buffer {
    let fd = this.#descriptors.get(shardId);
    if (fd === undefined) {
      if (this.#descriptors.size >= MAX_OPEN_SPOOL_FILES) {
        const [oldestId, oldestFd] = this.#descriptors.entries().next().value!;
        closeSync(oldestFd);
        this.#descriptors.delete(oldestId);
      }
      fd = openSync(join(this.#dir, `${shardId}.jsonl`), "r");
      this.#descriptors.set(shardId, fd);
    }
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer;
  }

  close(): void {
    for (const fd of this.#descriptors.values()) closeSync(fd);
    this.#descriptors.clear();
  }
}
