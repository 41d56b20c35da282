/**
 * Builds each demo contributor's input from the corpora that scripts/corpora/fetch.ts fetches.
 * A Korean publisher has the LibreOffice help pages and the Debian FAQ, and a speech archive has
 * the State of the Union addresses. A mail archive has the e-mails plus a copy of the latest
 * speeches, which the shared dedup index must remove.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

/** Lines taken from one JSONL file of the corpora folder; `to` is exclusive, undefined means to the end. */
export interface CorpusSlice {
  file: string;
  from: number;
  to?: number;
}

export interface ContributorPlan {
  /** Folder name and label of the contributor in the summary. */
  name: string;
  /** Development account index of the contributor's key. */
  accountIndex: number;
  slices: CorpusSlice[];
}

/** Corpus files that the demo needs, relative to the corpora folder. */
export const CORPUS_FILES = ["ko/libreoffice-help-ko.jsonl", "ko/debian-faq-ko.jsonl", "en/sotu.jsonl", "en/spam-assassin.jsonl"];

/**
 * Returns the three contributors. `mailLimit` caps the e-mails of the third (undefined takes
 * all); `overlap` is how many of the latest speeches the mail archive repeats.
 */
export function contributorPlans(options: { mailLimit?: number; overlap: number; speechCount: number }): ContributorPlan[] {
  const overlapStart = Math.max(0, options.speechCount - options.overlap);
  return [
    { name: "korean-help", accountIndex: 2, slices: [{ file: "ko/libreoffice-help-ko.jsonl", from: 0 }, { file: "ko/debian-faq-ko.jsonl", from: 0 }] },
    { name: "speeches", accountIndex: 3, slices: [{ file: "en/sotu.jsonl", from: 0 }] },
    {
      name: "mail-archive",
      accountIndex: 4,
      slices: [{ file: "en/spam-assassin.jsonl", from: 0, ...(options.mailLimit === undefined ? {} : { to: options.mailLimit }) }, { file: "en/sotu.jsonl", from: overlapStart }],
    },
  ];
}

/** Returns the missing corpus files under `corporaDir`. */
export function missingCorpusFiles(corporaDir: string): string[] {
  return CORPUS_FILES.filter((file) => !existsSync(path.join(corporaDir, file)));
}

/** Counts the lines of a JSONL file. */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line.trim() !== "") count++;
  return count;
}

/** Writes the plan's lines from `corporaDir` into `outFile`, unless it exists from an earlier run. */
export async function writeContributorInput(plan: ContributorPlan, corporaDir: string, outFile: string): Promise<void> {
  if (existsSync(outFile)) return;
  mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.partial`;
  const output = createWriteStream(partial);
  for (const slice of plan.slices) {
    let index = 0;
    for await (const line of createInterface({ input: createReadStream(path.join(corporaDir, slice.file)), crlfDelay: Infinity })) {
      if (line.trim() === "") continue;
      if (index >= slice.from && (slice.to === undefined || index < slice.to)) {
        if (!output.write(`${line}\n`)) await new Promise<void>((resolve) => output.once("drain", () => resolve()));
      }
      index++;
    }
  }
  await new Promise<void>((resolve, reject) => output.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, outFile);
}
