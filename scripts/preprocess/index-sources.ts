import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { InvalidSettingError } from "./errors.ts";
import { hashDocument } from "./hash.ts";
import type { IndexSource, IndexStore } from "./index-store.ts";
import { datasetRoot } from "./merkle.ts";
import { bandKeys, minhashSignature } from "./minhash.ts";
import { decodeBatch } from "./process-batch.ts";
import { listInputFiles } from "./readers/inputs.ts";
import { readInputs } from "./readers/read-inputs.ts";
import { createStats } from "./stage.ts";
import { createCleanStage } from "./stages/clean.ts";
import { createRedactStage } from "./stages/redact.ts";
import { MANIFEST_FILE } from "./write-dataset.ts";

export type AddResult = { added: true; source: IndexSource } | { added: false; source: IndexSource };

/**
 * Adds a preprocessed (and registered) dataset folder to the index. Each document's hash is
 * recomputed from its text and the Merkle root must equal the dataset id in report.json, so only
 * the exact registered content enters the index. Adding the same dataset twice changes nothing.
 */
export async function addDatasetToIndex(index: IndexStore, datasetDir: string): Promise<AddResult> {
  let report: { datasetId?: string };
  try {
    report = JSON.parse(readFileSync(join(datasetDir, "report.json"), "utf8"));
  } catch (error) {
    throw new InvalidSettingError(`cannot read ${join(datasetDir, "report.json")}: ${(error as Error).message}. Pass the --out folder of "1tt preprocess".`);
  }
  const datasetId = String(report.datasetId);
  const existing = index.findSourceByContent(datasetId);
  if (existing) return { added: false, source: existing };

  const source = await index.addSource("dataset", datasetId, datasetDocuments(datasetDir), (hashes) => {
    const root = datasetRoot(hashes);
    if (root !== datasetId) {
      throw new InvalidSettingError(`${datasetDir} does not match its report: its documents give root ${root}, but report.json has dataset id ${datasetId}. Nothing was added.`);
    }
    return root;
  });
  return { added: true, source };
}

/** Yields the dataset's documents in manifest order, which is also the order of the shard lines. */
async function* datasetDocuments(datasetDir: string) {
  let current: { shard: string; lines: Generator<string>; next: number } | null = null;
  for (const line of readLines(join(datasetDir, MANIFEST_FILE))) {
    const entry = JSON.parse(line) as { hash: string; shard: string; line: number };
    if (!current || current.shard !== entry.shard) current = { shard: entry.shard, lines: readLines(join(datasetDir, entry.shard)), next: 1 };
    const next = current.lines.next();
    if (next.done || current.next++ !== entry.line) {
      throw new InvalidSettingError(`${entry.shard} line ${entry.line} is missing or out of order against ${MANIFEST_FILE}. Nothing was added.`);
    }
    const text = (JSON.parse(next.value) as { text: string }).text;
    const hash = hashDocument(text);
    if (hash !== entry.hash) {
      throw new InvalidSettingError(`${entry.shard} line ${entry.line} has hash ${hash}, but ${MANIFEST_FILE} lists ${entry.hash}. Nothing was added.`);
    }
    const signature = minhashSignature(text);
    yield { hash, signature, bands: signature ? bandKeys(signature) : [] };
  }
}

/** Reads a text file line by line with bounded memory. */
function* readLines(path: string): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const data = Buffer.concat([carry, buffer.subarray(0, read)]);
      let start = 0;
      for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
        yield data.subarray(start, end).toString("utf8");
        start = end + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length > 0) yield carry.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/**
 * Adds the consumer's reference corpus. Its documents get the same clean-up and redaction as
 * preprocessing applies before dedup, so identical source text produces identical hashes.
 */
export async function addReferenceToIndex(index: IndexStore, inputs: string[], label: string, textField: string): Promise<AddResult> {
  const files = listInputFiles(inputs);
  const source = await index.addSource("reference", label, referenceDocuments(files, textField), (hashes) => datasetRoot(hashes));
  return { added: true, source };
}

async function* referenceDocuments(files: ReturnType<typeof listInputFiles>, textField: string) {
  const clean = createCleanStage();
  const redact = createRedactStage();
  for await (const item of readInputs(files, textField)) {
    if (item.kind === "skipped") continue;
    for (const raw of decodeBatch(item, textField, createStats("read"), [])) {
      const doc = clean.apply({ text: raw.text, source: raw.source, tokens: 0, language: "other" });
      if (!doc) continue;
      const text = redact.apply(doc)!.text;
      const signature = minhashSignature(text);
      yield { hash: hashDocument(text), signature, bands: signature ? bandKeys(signature) : [] };
    }
  }
}
