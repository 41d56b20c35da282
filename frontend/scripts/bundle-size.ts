/**
 * Prints the gzipped size of the web app's initial JavaScript (the entry script and the chunks it
 * preloads, as listed in dist/index.html) and of each lazily loaded chunk, and exits 1 when the
 * initial JavaScript exceeds the budget. Run after `vite build`: `node frontend/scripts/bundle-size.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Budget for the JavaScript a first visit downloads before anything renders, in gzipped kB (1000 bytes). */
const INITIAL_JS_BUDGET_KB = 250;
const BYTES_PER_KB = 1_000;

const dist = path.join(import.meta.dirname, "..", "dist");
const html = readFileSync(path.join(dist, "index.html"), "utf8");
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]!),
);

const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length / BYTES_PER_KB;
const chunks = readdirSync(path.join(dist, "assets"))
  .filter((name) => name.endsWith(".js"))
  .map((name) => `assets/${name}`);

let initialKb = 0;
for (const chunk of chunks) {
  const size = gzipKb(chunk);
  const isInitial = initial.has(chunk);
  if (isInitial) initialKb += size;
  process.stdout.write(`${isInitial ? "initial" : "lazy   "}  ${size.toFixed(2).padStart(8)} kB gzip  ${chunk}\n`);
}
process.stdout.write(`initial JavaScript: ${initialKb.toFixed(2)} kB gzip (budget ${INITIAL_JS_BUDGET_KB} kB)\n`);
if (initial.size === 0) {
  console.error("error: dist/index.html references no script; was the build run?");
  process.exit(1);
}
if (initialKb > INITIAL_JS_BUDGET_KB) {
  console.error(`error: the initial JavaScript exceeds the budget by ${(initialKb - INITIAL_JS_BUDGET_KB).toFixed(2)} kB.`);
  process.exit(1);
}
