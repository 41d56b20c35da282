import type { DocEntry } from "../document.ts";
import { countRemoved, createStats, type Stage } from "../stage.ts";

/**
 * Exact dedup within the input. Documents arrive sorted by content hash, so a duplicate always
 * follows its first copy directly and one remembered hash is all the state this stage needs.
 * Which copy survives does not matter: all copies have the same text.
 */
export function createExactDedupStage(): Stage<DocEntry> {
  const stats = createStats("exact-dedup");
  let previousHash = "";
  return {
    name: "exact-dedup",
    settings: { key: "sha256(utf8(text))" },
    stats,
    apply(doc) {
      stats.documentsIn++;
      stats.tokensIn += doc.tokens;
      if (doc.hash === previousHash) {
        countRemoved(stats, "duplicate-in-input", doc.tokens);
        return null;
      }
      previousHash = doc.hash;
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}
