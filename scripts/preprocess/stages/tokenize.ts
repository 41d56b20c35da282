import type { Doc } from "../document.ts";
import { createStats, type Stage } from "../stage.ts";
import type { Tokenizer } from "../tokenizer.ts";

/** Counts each document's tokens with the pinned tokenizer; later stages report tokens removed. */
export function createTokenizeStage(tokenizer: Tokenizer): Stage<Doc> {
  const stats = createStats("tokenize");
  return {
    name: "tokenize",
    // The tokenizer is identified by its own id next to the pipeline id, not by this setting.
    settings: { specialTokens: "plain-text" },
    stats,
    apply(doc) {
      stats.documentsIn++;
      doc.tokens = tokenizer.countTokens(doc.text);
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}
