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
  // One statement per document for all its bands, instead of one per band, because statement
  // overhead dominated this stage.
  const placeholders = Array.from({ length: MINHASH.bands }, () => "?").join(", ");
  const findBuckets = db.prepare(`SELECT key, hash FROM kept_bands WHERE key IN (${placeholders})`);
  const addBuckets = db.prepare(`INSERT OR IGNORE INTO kept_bands (key, hash) VALUES ${Array.from({ length: MINHASH.bands }, () => "(?, ?)").join(", ")}`);
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
        const buckets = findBuckets.all(...keys) as Array<{ hash: string }>;
        // The decision does not depend on the order of candidates: any one close enough removes it.
        for (const bucket of buckets) {
          const row = findSignature.get(bucket.hash) as { signature: Uint8Array } | undefined;
          if (row && estimateSimilarity(doc.signature, toSignature(row.signature)) >= MINHASH.threshold) {
            countRemoved(stats, "near-duplicate-in-input", doc.tokens);
            return null;
          }
        }
        addBuckets.run(...keys.flatMap((key) => [key, doc.hash]));
      }
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}
