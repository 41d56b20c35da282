import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { preprocess } from "../preprocess/pipeline.ts";
import { processBatch } from "../preprocess/process-batch.ts";
import type { Batch } from "../preprocess/readers/batch.ts";
import { readJsonl } from "../preprocess/readers/jsonl.ts";
import { loadTokenizer } from "../preprocess/tokenizer.ts";

/**
 * One measurement for bench:preprocess, run in its own process so that peak RSS
 * (process.resourceUsage().maxRSS, which includes worker threads) belongs to it alone.
 *   node preprocess-run.ts pipeline INPUT OUT WORKERS
 *   node preprocess-run.ts tokenizer INPUT
 *   node preprocess-run.ts stages INPUT OUT   (the per-document stages in this thread, no dedup)
 * Prints one JSON line with seconds (wall clock), cpuSeconds, documents, textBytes and maxRssKb.
 * cpuSeconds is the user and system time of all threads; a busy machine inflates it less than
 * wall time.
 */
const [mode, input, out, workers] = process.argv.slice(2);

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const usage = process.cpuUsage(start);
  return (usage.user + usage.system) / 1e6;
}

if (mode === "tokenizer") {
  const texts = readFileSync(input!, "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const tokenizer = await loadTokenizer("o200k_base");
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let tokens = 0;
  for (const text of texts) tokens += tokenizer.countTokens(text);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuStarted);
  const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(JSON.stringify({ seconds, cpuSeconds, documents: texts.length, textBytes, tokens, maxRssKb: process.resourceUsage().maxRSS }));
} else if (mode === "stages") {
  // The per-document stages as one worker runs them, without process and worker start-up,
  // the tokenizer load or the dedup phase: the part of the pipeline that scales with workers.
  const tokenizer = await loadTokenizer("o200k_base");
  const batches: Batch[] = [];
  for await (const item of readJsonl(input!)) if (item.kind === "lines") batches.push(item);
  mkdirSync(out!, { recursive: true });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let documents = 0;
  batches.forEach((batch, index) => {
    documents += processBatch(String(index), batch, { tokenizer, textField: "text", spoolDir: out! }).stats[0]!.documentsIn;
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, cpuSeconds: cpuSecondsSince(cpuStarted), documents, maxRssKb: process.resourceUsage().maxRSS }));
  rmSync(out!, { recursive: true, force: true });
} else if (mode === "pipeline") {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await preprocess({
    inputs: [input!],
    outDir: out!,
    textField: "text",
    tokenizer: "o200k_base",
    workers: Number(workers),
    indexPath: null,
    strict: false,
    fresh: true,
    keepWork: false,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      seconds,
      cpuSeconds: cpuSecondsSince(cpuStarted),
      documents: result.report.documentsIn,
      tokens: result.report.tokenCount,
      phaseMs: result.phaseMs,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
} else {
  console.error("usage: preprocess-run.ts pipeline INPUT OUT WORKERS | tokenizer INPUT | stages INPUT OUT");
  process.exit(2);
}
