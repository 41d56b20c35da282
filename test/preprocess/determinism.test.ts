import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { PreprocessResult } from "../../scripts/preprocess/pipeline.ts";
import { createRandom, generateDocuments, writeJsonl, writeSplit } from "./corpus.ts";
import { runPipeline, tempDir } from "./helpers.ts";

function shuffled<T>(items: T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function outputFiles(outDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ["manifest.jsonl", "report.json", "report.html"]) files[name] = readFileSync(join(outDir, name), "utf8");
  for (const name of readdirSync(join(outDir, "data"))) files[`data/${name}`] = readFileSync(join(outDir, "data", name), "utf8");
  return files;
}

describe("reproducibility", () => {
  const documents = generateDocuments(3000);
  let baseline: PreprocessResult;
  before(async () => {
    baseline = await runPipeline([writeJsonl(join(tempDir(), "all.jsonl"), documents)]);
  });

  test("baseline removes and redacts something", () => {
    const byStage = Object.fromEntries(baseline.report.stages.map((stage) => [stage.stage, stage]));
    assert.ok(byStage["exact-dedup"]!.removed["duplicate-in-input"]!.documents > 0);
    assert.ok(byStage["near-dedup"]!.removed["near-duplicate-in-input"]!.documents > 0);
    assert.ok(byStage["redact"]!.changed["phone-number"]!.occurrences > 0);
    assert.ok(baseline.report.documentsKept < baseline.report.documentsIn);
  });

  test("same output for shuffled input order", async () => {
    const result = await runPipeline([writeJsonl(join(tempDir(), "shuffled.jsonl"), shuffled(documents, 7))]);
    assert.equal(result.report.datasetId, baseline.report.datasetId);
    assert.equal(result.report.tokenCount, baseline.report.tokenCount);
    assert.deepEqual(outputFiles(result.outDir), outputFiles(baseline.outDir));
  });

  test("same output for inputs split over files", async () => {
    const dir = tempDir();
    const result = await runPipeline(writeSplit(dir, shuffled(documents, 11), 5).reverse());
    assert.deepEqual(outputFiles(result.outDir), outputFiles(baseline.outDir));
  });

  test("same output with two workers", async () => {
    const result = await runPipeline([writeJsonl(join(tempDir(), "all.jsonl"), documents)], { workers: 2 });
    assert.deepEqual(outputFiles(result.outDir), outputFiles(baseline.outDir));
  });

  test("different content gives another id", async () => {
    // Document 1 has no copies, so dropping it changes the kept set.
    const fewer = documents.filter((text) => !text.startsWith("1번 문서."));
    assert.equal(fewer.length, documents.length - 1);
    const result = await runPipeline([writeJsonl(join(tempDir(), "fewer.jsonl"), fewer)]);
    assert.notEqual(result.report.datasetId, baseline.report.datasetId);
  });

  test("report contains no timestamps", () => {
    const report = readFileSync(join(baseline.outDir, "report.json"), "utf8");
    assert.doesNotMatch(report, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    assert.doesNotMatch(report, /elapsed|startedAt|finishedAt/);
  });
});
