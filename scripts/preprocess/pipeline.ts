import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { canonicalJson, canonicalJsonPretty } from "./canonical-json.ts";
import type { Doc, DocEntry } from "./document.ts";
import { createDocumentStages } from "./document-stages.ts";
import { InvalidSettingError, OutputConflictError, StrictModeError } from "./errors.ts";
import { sha256Hex } from "./hash.ts";
import { EMPTY_INDEX_STATE, IndexStore } from "./index-store.ts";
import { computePipelineId, PIPELINE_VERSION } from "./pipeline-id.ts";
import type { RejectedInput, ShardResult } from "./process-batch.ts";
import { BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS, type SkippedInput } from "./readers/batch.ts";
import { listInputFiles, type InputFile } from "./readers/inputs.ts";
import { readInputs } from "./readers/read-inputs.ts";
import { REPORT_FORMAT, sortRejected, sortSkipped, type Report } from "./report.ts";
import { renderReportHtml } from "./report-html/render.ts";
import { createStats, mergeStats, type Stage, type StageStats } from "./stage.ts";
import { createExactDedupStage } from "./stages/exact-dedup.ts";
import { createIndexDedupStage } from "./stages/index-dedup.ts";
import { createNearDedupStage } from "./stages/near-dedup.ts";
import { describeTokenizer, type Tokenizer } from "./tokenizer.ts";
import { createWorkerPool, type WorkerPool } from "./worker-pool.ts";
import { spoolDirOf, WORK_FORMAT, WorkStore } from "./work-store.ts";
import { writeDataset } from "./write-dataset.ts";

export const WORK_DIR = ".work";
export const REPORT_JSON = "report.json";
export const REPORT_HTML = "report.html";
export const RUN_JSON = "run.json";

export interface PreprocessOptions {
  inputs: string[];
  outDir: string;
  /** JSON field, CSV column or Parquet column that contains the text. */
  textField: string;
  /** `o200k_base` or the path of a Hugging Face tokenizer.json. */
  tokenizer: string;
  workers: number;
  /** Path of the shared dedup index, or null to skip index dedup. A missing file counts as empty. */
  indexPath: string | null;
  /** Index state (source sequence number) to dedup against; default: the latest. */
  indexAt?: number;
  /** Fail when any line or file is rejected, instead of reporting it and going on. */
  strict: boolean;
  /** Discard an unfinished earlier run in the output folder instead of resuming it. */
  fresh: boolean;
  /** Keep OUT/.work after success (spool files and the work database). */
  keepWork: boolean;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  bytesRead: number;
  bytesTotal: number;
  shardsDone: number;
  phase: "read" | "dedup" | "report";
}

export interface PreprocessResult {
  report: Report;
  outDir: string;
  shardsResumed: number;
  shardsProcessed: number;
  elapsedMs: number;
  /** Wall-clock milliseconds of the phases: reading with the per-document stages, dedup with writing, reports. */
  phaseMs: { documents: number; dedup: number; report: number };
}

export function defaultWorkerCount(): number {
  return Math.max(1, cpus().length);
}

/** Runs the whole pipeline from input files to the dataset, manifest and reports in `outDir`. */
export async function preprocess(options: PreprocessOptions): Promise<PreprocessResult> {
  const started = Date.now();
  const files = listInputFiles(options.inputs);
  const tokenizer = describeTokenizer(options.tokenizer);
  const workDir = join(options.outDir, WORK_DIR);
  mkdirSync(options.outDir, { recursive: true });

  // Workers start here, after the tokenizer file has been checked, so that their start-up and
  // tokenizer load (about 0.2 s each) overlap with opening the index and the work store. They
  // touch the spool folder only when they receive a batch.
  const pool = createWorkerPool(options.workers, { tokenizer: options.tokenizer, textField: options.textField, spoolDir: spoolDirOf(workDir) });
  try {
    return await runPipeline(options, files, tokenizer, workDir, pool, started);
  } finally {
    await pool.close();
  }
}

async function runPipeline(
  options: PreprocessOptions,
  files: InputFile[],
  tokenizer: { id: string; name: string },
  workDir: string,
  pool: WorkerPool,
  started: number,
): Promise<PreprocessResult> {
  const startedAt = new Date(started).toISOString();
  const index = openIndex(options.indexPath);
  const indexState = index ? index.state(resolveIndexAt(index, options.indexAt)) : checkNoIndexAt(options.indexAt);

  const settingsOnly: Tokenizer = { id: tokenizer.id, name: tokenizer.name, countTokens: () => 0 };
  const documentStages: Stage<Doc>[] = createDocumentStages(settingsOnly);
  const fingerprint = sha256Hex(
    canonicalJson({
      files: files.map((file) => ({ path: file.path, bytes: file.bytes, modified: statSync(file.path).mtimeMs })),
      textField: options.textField,
      tokenizerId: tokenizer.id,
      documentStages: documentStages.map(({ name, settings }) => ({ name, settings })),
      batch: [BATCH_MAX_BYTES, BATCH_MAX_DOCUMENTS],
      workFormat: WORK_FORMAT,
    }),
  );
  const store = openWorkStore(workDir, fingerprint, options.fresh);

  let shardsResumed = 0;
  let shardsProcessed = 0;
  const skipped: SkippedInput[] = [];
  try {
    const finished = store.finishedShards();
    const bytesTotal = files.reduce((sum, file) => sum + file.bytes, 0);
    let bytesRead = 0;
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    let shardNumber = 0;
    try {
      for await (const item of readInputs(files, options.textField)) {
        if (failure) break;
        if (item.kind === "skipped") {
          skipped.push(item);
          continue;
        }
        const shardId = String(shardNumber++).padStart(8, "0");
        bytesRead += item.inputBytes;
        if (finished.has(shardId)) {
          shardsResumed++;
          continue;
        }
        const { inputBytes, ...batch } = item;
        const task = pool
          .run({ shardId, batch })
          .then((result: ShardResult) => {
            store.saveShard(result);
            shardsProcessed++;
            options.onProgress?.({ bytesRead, bytesTotal, shardsDone: shardsResumed + shardsProcessed, phase: "read" });
          })
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
        // Backpressure: at most two batches per worker wait in memory.
        while (inFlight.size >= options.workers * 2) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      await pool.close();
    }
    if (failure) throw failure;

    const documentsDone = Date.now();
    const { stats: documentStats, rejected } = collectShardStats(store, ["read", ...documentStages.map((stage) => stage.name)]);
    if (options.strict && (rejected.length > 0 || skipped.length > 0)) throw strictFailure(rejected, skipped);

    options.onProgress?.({ bytesRead: bytesTotal, bytesTotal, shardsDone: shardsResumed + shardsProcessed, phase: "dedup" });
    const dedupStages: Stage<DocEntry>[] = [
      createExactDedupStage(),
      createIndexDedupStage(index, indexState.sequence),
      createNearDedupStage(store.db),
    ];
    const dataset = writeDataset(store, options.outDir, dedupStages);
    const dedupDone = Date.now();
    const allStages = [...documentStages, ...dedupStages];
    const readStats = documentStats[0]!;

    const report: Report = {
      format: REPORT_FORMAT,
      datasetId: dataset.datasetId,
      tokenCount: dataset.tokenCount,
      documentsIn: readStats.documentsIn,
      documentsKept: dataset.documentsKept,
      pipelineId: computePipelineId(allStages),
      pipelineVersion: PIPELINE_VERSION,
      tokenizerId: tokenizer.id,
      tokenizer: tokenizer.name,
      index: { ...indexState, used: index !== null },
      stages: [...documentStats, ...dedupStages.map((stage) => stage.stats)],
      languages: { input: documentStats.find((stats) => stats.stage === "quality")?.languages ?? {}, kept: dataset.languages },
      rejectedInputs: sortRejected(rejected),
      skippedFiles: sortSkipped(skipped),
      settings: Object.fromEntries(allStages.map((stage) => [stage.name, stage.settings])),
    };
    options.onProgress?.({ bytesRead: bytesTotal, bytesTotal, shardsDone: shardsResumed + shardsProcessed, phase: "report" });
    writeFileSync(join(options.outDir, REPORT_JSON), canonicalJsonPretty(report));
    writeFileSync(join(options.outDir, REPORT_HTML), renderReportHtml(report));

    const elapsedMs = Date.now() - started;
    const phaseMs = { documents: documentsDone - started, dedup: dedupDone - documentsDone, report: Date.now() - dedupDone };
    const run = {
      startedAt,
      finishedAt: new Date().toISOString(),
      elapsedMs,
      phaseMs,
      node: process.version,
      workers: options.workers,
      inputs: files.map((file) => ({ path: file.path, bytes: file.bytes, format: file.format })),
      textField: options.textField,
      tokenizer: options.tokenizer,
      indexPath: options.indexPath,
      shardsResumed,
      shardsProcessed,
      outputShards: dataset.shards,
      datasetId: dataset.datasetId,
    };
    writeFileSync(join(options.outDir, RUN_JSON), JSON.stringify(run, null, 2) + "\n");
    store.close();
    if (!options.keepWork) rmSync(workDir, { recursive: true, force: true });
    return { report, outDir: options.outDir, shardsResumed, shardsProcessed, elapsedMs, phaseMs };
  } finally {
    if (store.db.isOpen) store.close();
    index?.close();
  }
}

function openIndex(path: string | null): IndexStore | null {
  if (path === null || !existsSync(path)) return null;
  return new IndexStore(path, { readOnly: true });
}

function resolveIndexAt(index: IndexStore, at: number | undefined): number | undefined {
  if (at === undefined) return undefined;
  const latest = index.sources().at(-1)?.sequence ?? 0;
  if (!Number.isInteger(at) || at < 0 || at > latest) {
    throw new InvalidSettingError(`--index-at ${at} is not a state of the index; use a number from 0 to ${latest} (see "1tt index status").`);
  }
  return at;
}

function checkNoIndexAt(at: number | undefined) {
  if (at !== undefined && at !== 0) {
    throw new InvalidSettingError(`--index-at ${at} needs an index, but the index file does not exist; pass --index PATH or drop --index-at.`);
  }
  return EMPTY_INDEX_STATE;
}

function openWorkStore(workDir: string, fingerprint: string, fresh: boolean): WorkStore {
  if (fresh) rmSync(workDir, { recursive: true, force: true });
  const store = new WorkStore(workDir);
  const previous = store.getMeta("fingerprint");
  if (previous === undefined) {
    store.setMeta("fingerprint", fingerprint);
  } else if (previous !== fingerprint) {
    store.close();
    throw new OutputConflictError(
      `${workDir} contains an unfinished run of other input files or settings. Pass --fresh to discard it and start over, or choose another --out folder.`,
    );
  }
  return store;
}

function collectShardStats(store: WorkStore, stageNames: string[]): { stats: StageStats[]; rejected: RejectedInput[] } {
  const stats = stageNames.map((name) => createStats(name));
  const rejected: RejectedInput[] = [];
  for (const shard of store.shardSummaries()) {
    shard.stats.forEach((shardStats, i) => mergeStats(stats[i]!, shardStats));
    rejected.push(...shard.rejected);
  }
  return { stats, rejected };
}

function strictFailure(rejected: RejectedInput[], skipped: SkippedInput[]): StrictModeError {
  const lines = [
    ...sortRejected(rejected).listed.slice(0, 10).map((item) => `  ${item.source}: ${item.reason}`),
    ...skipped.slice(0, 10).map((item) => `  ${item.input}: ${item.reason}`),
  ];
  return new StrictModeError(
    `--strict: ${rejected.length} input line(s) rejected and ${skipped.length} file(s) skipped; no dataset was written.\n${lines.join("\n")}\nFix or remove them and run again with --fresh, or run without --strict to keep the other documents.`,
  );
}
