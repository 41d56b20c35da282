import type { DatabaseSync } from "node:sqlite";
import type { DocEntry } from "../document.ts";
import { toSignature } from "../index-store.ts";
import { bandKeys, estimateSimilarity, MINHASH } from "../minhash.ts";
import { countRemoved, createStats, type Stage } from "../stage.ts";

/**
 * Near-duplicate removal with MinHash LSH. Documents arrive in content-hash order. One is removed
 * when an LSH bucket contains an earlier kept document whose estimated Jaccard similarity reaches
 * the threshold, so the result depends on the set of documents, never on input order.
 * Buckets live in a SQLite table, keeping memory flat however many documents there are.
 * Documents shorter than one shingle have no signature and are left to exact dedup.
 */
export function createNearDedupStage(db: DatabaseSync): Stage<DocEntry> {
  const stats = createStats("near-dedup");
  db.exec("DROP TABLE IF EXISTS kept_bands; CREATE TABLE kept_bands (key INTEGER PRIMARY KEY, hash TEXT NOT NULL)");
  const findBucket = db.prepare("SELECT hash FROM kept_bands WHERE key = ?");
  const addBucket = db.prepare("INSERT OR IGNORE INTO kept_bands (key, hash) VALUES (?, ?)");
  const findSignature = db.prepare("SELECT signature FROM docs WHERE hash = ? LIMIT 1");
  return {
    name: "near-dedup",
    settings: { ...MINHASH },
    stats,
    apply(doc) {
      stats.documentsIn++;
      stats.tokensIn += doc.tokens;
      if (doc.signature) {
        const keys = bandKeys(doc.signature);
        for (const key of keys) {
          const bucket = findBucket.get(key) as { hash: string } | undefined;
          if (!bucket) continue;
          const row = findSignature.get(bucket.hash) as { signature: Uint8Array } | undefined;
          if (row && estimateSimilarity(doc.signature, toSignature(row.signature)) >= MINHASH.threshold) {
            countRemoved(stats, "near-duplicate-in-input", doc.tokens);
            return null;
          }
        }
        for (const key of keys) addBucket.run(key, doc.hash);
      }
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}
