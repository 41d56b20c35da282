import type { IndexState } from "./index-store.ts";
import type { Language } from "./language.ts";
import type { RejectedInput } from "./process-batch.ts";
import type { SkippedInput } from "./readers/batch.ts";
import { compareStrings, type StageStats } from "./stage.ts";

export const REPORT_FORMAT = "1tt-preprocess-report/1";
/** Rejected lines listed one by one in the report; the total is always given. */
export const REJECTED_LISTED = 100;

/**
 * The preprocessing report. It contains no timestamps, machine names or timings (those go to
 * run.json), so the same input, pipeline and tokenizer give a byte-identical report anywhere.
 */
export interface Report {
  format: typeof REPORT_FORMAT;
  datasetId: string;
  tokenCount: number;
  documentsIn: number;
  documentsKept: number;
  pipelineId: string;
  pipelineVersion: string;
  tokenizerId: string;
  tokenizer: string;
  index: IndexState & { used: boolean };
  stages: StageStats[];
  languages: {
    input: Record<string, { documents: number; tokens: number }>;
    kept: Record<Language, { documents: number; tokens: number }>;
  };
  rejectedInputs: { total: number; listed: RejectedInput[] };
  skippedFiles: Array<{ input: string; reason: string }>;
  settings: Record<string, Record<string, unknown>>;
}

export function sortRejected(rejected: RejectedInput[]): { total: number; listed: RejectedInput[] } {
  const sorted = [...rejected].sort((a, b) => compareStrings(naturalKey(a.source), naturalKey(b.source)));
  return { total: rejected.length, listed: sorted.slice(0, REJECTED_LISTED) };
}

export function sortSkipped(skipped: SkippedInput[]): Array<{ input: string; reason: string }> {
  return skipped.map(({ input, reason }) => ({ input, reason })).sort((a, b) => compareStrings(a.input, b.input));
}

/** Pads every number in `value` so that "data.jsonl:9" sorts before "data.jsonl:10". */
function naturalKey(value: string): string {
  return value.replace(/\d+/g, (digits) => digits.padStart(12, "0"));
}
