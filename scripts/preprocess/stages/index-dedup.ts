import type { DocEntry } from "../document.ts";
import type { IndexStore } from "../index-store.ts";
import { bandKeys, estimateSimilarity, MINHASH } from "../minhash.ts";
import { countRemoved, createStats, type Stage } from "../stage.ts";

/**
 * Dedup against the shared index as of `sequence`: removes documents whose exact text, or a
 * near-duplicate of it, is already registered by any contributor or is in the consumer's
 * reference corpus, so the same text is never paid twice. Without an index it passes all.
 */
export function createIndexDedupStage(index: IndexStore | null, sequence: number): Stage<DocEntry> {
  const stats = createStats("index-dedup");
  return {
    name: "index-dedup",
    settings: { exact: true, nearDuplicateThreshold: MINHASH.threshold },
    stats,
    apply(doc) {
      stats.documentsIn++;
      stats.tokensIn += doc.tokens;
      const reason = index && sequence > 0 ? findInIndex(index, sequence, doc) : null;
      if (reason) {
        countRemoved(stats, reason, doc.tokens);
        return null;
      }
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}

function findInIndex(index: IndexStore, sequence: number, doc: DocEntry): string | null {
  const exact = index.lookupDocument(doc.hash, sequence);
  if (exact) return exact === "dataset" ? "registered-dataset" : "reference-corpus";
  if (!doc.signature) return null;
  const compared = new Set<string>();
  for (const key of bandKeys(doc.signature)) {
    for (const candidate of index.lookupBand(key, sequence)) {
      if (compared.has(candidate.hash)) continue;
      compared.add(candidate.hash);
      const signature = index.signatureOf(candidate.hash);
      if (signature && estimateSimilarity(doc.signature, signature) >= MINHASH.threshold) {
        return candidate.kind === "dataset" ? "near-duplicate-of-registered" : "near-duplicate-of-reference";
      }
    }
  }
  return null;
}
