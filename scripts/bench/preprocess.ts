import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/**
 * Measures `1tt preprocess` on the real corpora from `npm run corpora:fetch`: throughput and
 * peak RSS with 1 and 2 workers, next to the throughput of the tokenizer alone on the same texts.
 * It also compares peak RSS on a 50 MB and a 200 MB input. Each figure comes from its own child
 * process (scripts/bench/preprocess-run.ts). It prints figures and checks nothing.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const CORPORA = join(ROOT, ".1tt", "corpora");
const BENCH = join(ROOT, ".1tt", "bench");
const RUNNER = join(import.meta.dirname, "preprocess-run.ts");
const MB = 1e6;

interface Measurement {
  seconds: number;
  cpuSeconds: number;
  documents: number;
  textBytes?: number;
  maxRssKb: number;
}

function measure(args: string[]): Measurement {
  const output = execFileSync(process.execPath, [RUNNER, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(output.trim().split("\n").at(-1)!) as Measurement;
}

/** Concatenates JSONL files, optionally repeating them with a copy number prepended to each text. */
async function buildInput(path: string, sources: string[], targetBytes?: number): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(BENCH, { recursive: true });
  const out = createWriteStream(path);
  let written = 0;
  for (let copy = 0; copy === 0 || (targetBytes !== undefined && written < targetBytes); copy++) {
    for (const source of sources) {
      for await (const line of createInterface({ input: createReadStream(source) })) {
        if (line.length === 0) continue;
        const text = (JSON.parse(line) as { text: string }).text;
        const record = JSON.stringify({ text: copy === 0 ? text : `[copy ${copy}]\n${text}` }) + "\n";
        if (!out.write(record)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        written += Buffer.byteLength(record);
        if (targetBytes !== undefined && written >= targetBytes) break;
      }
      if (targetBytes !== undefined && written >= targetBytes) break;
    }
    if (targetBytes === undefined) break;
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

function jsonlFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".jsonl")).sort().map((name) => join(dir, name));
}

function row(cells: Array<string | number>): string {
  return `| ${cells.join(" | ")} |`;
}

if (!existsSync(join(CORPORA, "ko")) || !existsSync(join(CORPORA, "en"))) {
  console.error("error: the corpora are missing; run `npm run corpora:fetch` first.");
  process.exit(1);
}

const loadBefore = loadavg().map((value) => value.toFixed(2)).join(" ");
// Each corpus is used once. Repeating the small Korean one would flatter the tokenizer-only
// figure, because gpt-tokenizer caches merges of words it has seen.
const corpora = { ko: join(BENCH, "ko.jsonl"), en: join(BENCH, "en.jsonl") };
await buildInput(corpora.ko, jsonlFiles(join(CORPORA, "ko")));
await buildInput(corpora.en, jsonlFiles(join(CORPORA, "en")));

const lines: string[] = [];
lines.push(`Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}`);
lines.push(`Load average before: ${loadBefore}`);
lines.push("");
lines.push("Throughput counts the UTF-8 bytes of the text fields. CPU seconds add up all threads of the process.");
lines.push("");
lines.push(row(["corpus", "text MB", "documents", "run", "wall s", "MB/s", "documents/s", "CPU s", "MB per CPU s", "peak RSS MB", "per worker vs tokenizer (wall)", "per worker vs tokenizer (CPU)"]));
lines.push(row(["---", "---:", "---:", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));

for (const [name, input] of Object.entries(corpora)) {
  const tokenizer = measure(["tokenizer", input]);
  const textMb = tokenizer.textBytes! / MB;
  const tokenizerRate = textMb / tokenizer.seconds;
  const tokenizerCpuRate = textMb / tokenizer.cpuSeconds;
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
  const format = (label: string, result: Measurement, workers: number) => {
    const rate = textMb / result.seconds;
    const cpuRate = textMb / result.cpuSeconds;
    return row([
      name,
      textMb.toFixed(1),
      result.documents,
      label,
      result.seconds.toFixed(2),
      rate.toFixed(2),
      (result.documents / result.seconds).toFixed(0),
      result.cpuSeconds.toFixed(2),
      cpuRate.toFixed(2),
      (result.maxRssKb / 1024).toFixed(0),
      workers > 0 ? percent(rate / workers / tokenizerRate) : "",
      workers > 0 ? percent(cpuRate / tokenizerCpuRate) : "",
    ]);
  };
  lines.push(format("tokenizer only (o200k, 1 thread)", tokenizer, 0));
  const out = join(BENCH, "out");
  lines.push(format("per-document stages only (1 thread, no start-up or dedup)", measure(["stages", input, join(BENCH, "spool")]), 1));
  const one = measure(["pipeline", input, out, "1"]);
  lines.push(format("pipeline, 1 worker", one, 1));
  const two = measure(["pipeline", input, out, "2"]);
  lines.push(format("pipeline, 2 workers", two, 2));
  lines.push(row([name, "", "", "speed-up, 2 workers over 1", "", `${(one.seconds / two.seconds).toFixed(2)}×`, "", "", "", "", "", ""]));
  rmSync(out, { recursive: true, force: true });
}

lines.push("");
lines.push(row(["input", "file MB", "seconds", "MB/s", "peak RSS MB"]));
lines.push(row(["---", "---:", "---:", "---:", "---:"]));
const rss: number[] = [];
for (const size of [50, 200]) {
  const input = join(BENCH, `mixed-${size}mb.jsonl`);
  await buildInput(input, [...jsonlFiles(join(CORPORA, "ko")), ...jsonlFiles(join(CORPORA, "en"))], size * MB);
  const out = join(BENCH, `out-mixed-${size}`);
  const result = measure(["pipeline", input, out, "2"]);
  rss.push(result.maxRssKb);
  const fileMb = statSync(input).size / MB;
  lines.push(row([`mixed ${size} MB, 2 workers`, fileMb.toFixed(0), result.seconds.toFixed(1), (fileMb / result.seconds).toFixed(2), (result.maxRssKb / 1024).toFixed(0)]));
  rmSync(out, { recursive: true, force: true });
}
lines.push(`Peak RSS 200 MB / 50 MB: ${(((rss[1]! / rss[0]!) - 1) * 100).toFixed(1)}% difference`);
lines.push(`Load average after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
console.log(lines.join("\n"));
