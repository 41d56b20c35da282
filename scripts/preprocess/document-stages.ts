import type { Doc } from "./document.ts";
import type { Stage } from "./stage.ts";
import { createCleanStage } from "./stages/clean.ts";
import { createQualityStage } from "./stages/quality.ts";
import { createRedactStage } from "./stages/redact.ts";
import { createTokenizeStage } from "./stages/tokenize.ts";
import type { Tokenizer } from "./tokenizer.ts";

/**
 * The per-document stages in order. Redaction runs before anything stores or shows text, so
 * report excerpts of removed documents are redacted too; tokens are counted after redaction.
 */
export function createDocumentStages(tokenizer: Tokenizer): Stage<Doc>[] {
  return [createCleanStage(), createRedactStage(), createTokenizeStage(tokenizer), createQualityStage()];
}

/** Runs `doc` through `stages`; returns null as soon as one removes it. */
export function runDocumentStages(stages: readonly Stage<Doc>[], doc: Doc): Doc | null {
  let current: Doc | null = doc;
  for (const stage of stages) {
    current = stage.apply(current);
    if (current === null) return null;
  }
  return current;
}
