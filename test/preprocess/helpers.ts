import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { preprocess, type PreprocessOptions, type PreprocessResult } from "../../scripts/preprocess/pipeline.ts";
import type { Report } from "../../scripts/preprocess/report.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures", "preprocess");
export const CLI = join(ROOT, "scripts", "cli", "main.ts");

export function tempDir(prefix = "1tt-preprocess-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the pipeline with test defaults: no shared index, one worker, a fresh output folder. */
export function runPipeline(inputs: string[], overrides: Partial<PreprocessOptions> = {}): Promise<PreprocessResult> {
  return preprocess({
    inputs,
    outDir: join(tempDir(), "out"),
    textField: "text",
    tokenizer: "o200k_base",
    workers: 1,
    indexPath: null,
    strict: false,
    fresh: false,
    keepWork: false,
    ...overrides,
  });
}

/** Returns the text of every document in an output folder, in file order. */
export function outputTexts(outDir: string): string[] {
  const manifest = readFileSync(join(outDir, "manifest.jsonl"), "utf8").trim().split("\n").filter(Boolean);
  const shards = new Map<string, string[]>();
  return manifest.map((line) => {
    const entry = JSON.parse(line) as { shard: string; line: number };
    if (!shards.has(entry.shard)) shards.set(entry.shard, readFileSync(join(outDir, entry.shard), "utf8").split("\n"));
    return (JSON.parse(shards.get(entry.shard)![entry.line - 1]!) as { text: string }).text;
  });
}

export function readReport(outDir: string): Report {
  return JSON.parse(readFileSync(join(outDir, "report.json"), "utf8")) as Report;
}

export function stageOf(report: Report, name: string) {
  const stage = report.stages.find((candidate) => candidate.stage === name);
  if (!stage) throw new Error(`report has no stage ${name}`);
  return stage;
}

/** Runs the CLI in a child process under the current Node, from `cwd`. */
export function runCli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ONETT_CWD: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Reads the `text` field of each line of a JSONL fixture by `id`. */
export function fixtureTexts(file: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of readFileSync(join(FIXTURES, file), "utf8").split("\n")) {
    try {
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      texts.set(id, text);
    } catch {
      // The fixtures include a broken line on purpose; tests that need it read the file itself.
    }
  }
  return texts;
}
