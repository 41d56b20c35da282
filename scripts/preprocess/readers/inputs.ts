import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { compareStrings } from "../stage.ts";

export type InputFormat = "jsonl" | "csv" | "parquet" | "text";

export interface InputFile {
  path: string;
  format: InputFormat | null;
  bytes: number;
}

export const FORMAT_BY_EXTENSION: Record<string, InputFormat> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".csv": "csv",
  ".tsv": "csv",
  ".parquet": "parquet",
  ".txt": "text",
  ".md": "text",
  ".markdown": "text",
};

export class InputNotFoundError extends Error {
  override readonly name = "InputNotFoundError";
}

/**
 * Expands the inputs given on the command line into files, walking folders in sorted order so
 * every machine reads the same files in the same order. Files of other types are returned with
 * `format: null`, so the caller can report them as skipped.
 */
export function listInputFiles(inputs: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  for (const input of inputs) {
    let stats;
    try {
      stats = statSync(input);
    } catch {
      throw new InputNotFoundError(`input not found: ${input}. Check the path; inputs are JSONL, CSV, Parquet, .txt/.md files or folders of them.`);
    }
    if (stats.isDirectory()) walk(input, files);
    else files.push(describe(input, stats.size));
  }
  return files;
}

function walk(folder: string, files: InputFile[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    files.push({ path: folder, format: null, bytes: 0 });
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile()) files.push(describe(path, statSync(path).size));
  }
}

function describe(path: string, bytes: number): InputFile {
  return { path, format: FORMAT_BY_EXTENSION[extname(path).toLowerCase()] ?? null, bytes };
}
