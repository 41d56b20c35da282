import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ShardResult, RejectedInput } from "./process-batch.ts";
import type { StageStats } from "./stage.ts";

/**
 * Version of the work database's tables. It is part of the run fingerprint, so an unfinished run
 * left by an older version stops with a request for --fresh instead of failing on a missing column.
 */
export const WORK_FORMAT = 2;

/** Folder of the spool files, where workers write the documents of each finished batch. */
export function spoolDirOf(workDir: string): string {
  return join(workDir, "spool");
}

/**
 * The on-disk state of one preprocessing run in `OUT/.work`: finished shards with their stage
 * counts, and one row per surviving document pointing into its shard's spool file. Each shard is
 * committed in one transaction, so after a crash a rerun skips exactly the finished shards.
 */
export class WorkStore {
  readonly db: DatabaseSync;
  readonly spoolDir: string;

  constructor(workDir: string) {
    this.spoolDir = spoolDirOf(workDir);
    mkdirSync(this.spoolDir, { recursive: true });
    this.db = new DatabaseSync(join(workDir, "work.sqlite"));
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS shards (id TEXT PRIMARY KEY, stats TEXT NOT NULL, rejected TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        hash TEXT NOT NULL, shard TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL,
        tokens INTEGER NOT NULL, language TEXT NOT NULL, signature BLOB, leaf BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS docs_in_content_order ON docs (hash, shard, offset);
    `);
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  finishedShards(): Set<string> {
    const rows = this.db.prepare("SELECT id FROM shards").all() as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }

  /** Records a finished shard and its documents atomically. */
  saveShard(result: ShardResult): void {
    const insertDoc = this.db.prepare(
      "INSERT INTO docs (hash, shard, offset, length, tokens, language, signature, leaf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.db.exec("BEGIN");
    try {
      for (const doc of result.docs) {
        insertDoc.run(doc.hash, result.shardId, doc.offset, doc.length, doc.tokens, doc.language, doc.signature, doc.leaf);
      }
      this.db
        .prepare("INSERT INTO shards (id, stats, rejected) VALUES (?, ?, ?)")
        .run(result.shardId, JSON.stringify(result.stats), JSON.stringify(result.rejected));
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  /** Returns every shard's stage counts and rejected inputs, in shard order. */
  shardSummaries(): Array<{ id: string; stats: StageStats[]; rejected: RejectedInput[] }> {
    const rows = this.db.prepare("SELECT id, stats, rejected FROM shards ORDER BY id").all() as Array<{ id: string; stats: string; rejected: string }>;
    return rows.map((row) => ({ id: row.id, stats: JSON.parse(row.stats), rejected: JSON.parse(row.rejected) }));
  }

  close(): void {
    this.db.close();
  }
}
