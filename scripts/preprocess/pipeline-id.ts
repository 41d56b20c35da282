import { canonicalJson } from "./canonical-json.ts";
import { sha256Hex } from "./hash.ts";

/** Raised whenever a change to any stage changes its output for the same input and settings. */
export const PIPELINE_VERSION = "1";

/** Hashes the pipeline version and every stage's settings, in stage order, into the pipeline id. */
export function computePipelineId(stages: ReadonlyArray<{ name: string; settings: Record<string, unknown> }>): string {
  return "0x" + sha256Hex(canonicalJson({ version: PIPELINE_VERSION, stages: stages.map(({ name, settings }) => ({ name, settings })) }));
}
