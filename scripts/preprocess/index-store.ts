import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { canonicalJson } from "./canonical-json.ts";
import { sha256Hex } from "./hash.ts";

/** Kinds of text in the shared index: registered datasets, and the consumer's reference corpus. */
export type IndexSourceKind = "dataset" | "reference";

export interface IndexSource {
  sequence: number;
  kind: IndexSourceKind;
  label: string;
  /** Merkle root over the source's document hashes (the dataset id for a registered dataset). */
  contentId: string;
  documents: number;
  /** Hash chain over every source up to this one: equal states mean equal index contents. */
  stateId: string;
}

/** The index as one run used it; recorded in the report so a rerun can pin the same state. */
export interface IndexState {
  sequence: number;
  stateId: string;
  sources: number;
}

export const EMPTY_INDEX_STATE: IndexState = { sequence: 0, stateId: "0x" + "00".repeat(32), sources: 0 };

/**
 * Persistent, append-only index of every document already registered by any contributor and of
 * the consumer's reference corpus, in SQLite. Each added source gets the next sequence number.
 * Preprocessing looks documents up as of one sequence number, so a rerun against a grown index
 * still reproduces the earlier result.
 */
export class IndexStore {
  readonly db: DatabaseSync;
  readonly #findDocument;
  readonly #findBand;
  readonly #findSignature;

  constructor(path: string, options: { readOnly?: boolean } = {}) {
    if (!options.readOnly) mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path, { readOnly: options.readOnly ?? false });
    if (!options.readOnly) {
      this.db.exec(`
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sources (
          sequence INTEGER PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL,
          content_id TEXT NOT NULL, documents INTEGER NOT NULL, state_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (hash TEXT PRIMARY KEY, sequence INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, hash TEXT NOT NULL, sequence INTEGER NOT NULL, PRIMARY KEY (key, hash)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS signatures (hash TEXT PRIMARY KEY, signature BLOB NOT NULL) WITHOUT ROWID;
      `);
    }
    this.#findDocument = this.db.prepare(
      "SELECT s.kind AS kind FROM documents d JOIN sources s ON s.sequence = d.sequence WHERE d.hash = ? AND d.sequence <= ?",
    );
    this.#findBand = this.db.prepare(
      "SELECT b.hash AS hash, s.kind AS kind FROM bands b JOIN sources s ON s.sequence = b.sequence WHERE b.key = ? AND b.sequence <= ?",
    );
    this.#findSignature = this.db.prepare("SELECT signature FROM signatures WHERE hash = ?");
  }

  sources(): IndexSource[] {
    const rows = this.db.prepare("SELECT * FROM sources ORDER BY sequence").all() as Array<Record<string, string | number>>;
    return rows.map((row) => ({
      sequence: Number(row.sequence),
      kind: row.kind as IndexSourceKind,
      label: String(row.label),
      contentId: String(row.content_id),
      documents: Number(row.documents),
      stateId: String(row.state_id),
    }));
  }

  /** Returns the state at `sequence` (default: the latest). */
  state(sequence?: number): IndexState {
    const sources = this.sources();
    const at = sequence ?? sources.at(-1)?.sequence ?? 0;
    if (at === 0) return EMPTY_INDEX_STATE;
    const source = sources.find((candidate) => candidate.sequence === at);
    if (!source) throw new RangeError(`the index has no state ${at}; its latest state is ${sources.at(-1)?.sequence ?? 0}`);
    return { sequence: at, stateId: source.stateId, sources: at };
  }

  findSourceByContent(contentId: string): IndexSource | undefined {
    return this.sources().find((source) => source.contentId === contentId);
  }

  /** Returns the kind of the source that contains `hash` at or before `sequence`, if any. */
  lookupDocument(hash: string, sequence: number): IndexSourceKind | undefined {
    const row = this.#findDocument.get(hash, sequence) as { kind: IndexSourceKind } | undefined;
    return row?.kind;
  }

  /** Returns the indexed documents that share the LSH bucket `key`, at or before `sequence`. */
  lookupBand(key: number, sequence: number): Array<{ hash: string; kind: IndexSourceKind }> {
    return this.#findBand.all(key, sequence) as Array<{ hash: string; kind: IndexSourceKind }>;
  }

  signatureOf(hash: string): Uint32Array | undefined {
    const row = this.#findSignature.get(hash) as { signature: Uint8Array } | undefined;
    return row ? toSignature(row.signature) : undefined;
  }

  /**
   * Appends one source in a single transaction: its documents, their LSH bands and signatures.
   * `contentIdOf` receives every document hash and returns the source's content id.
   * NOTE: the hashes of one source are held in memory (about 100 bytes per document).
   */
  async addSource(
    kind: IndexSourceKind,
    label: string,
    documents: AsyncIterable<{ hash: string; signature: Uint32Array | null; bands: number[] }>,
    contentIdOf: (hashes: string[]) => string,
  ): Promise<IndexSource> {
    const previous = this.sources().at(-1);
    const sequence = (previous?.sequence ?? 0) + 1;
    const insertDocument = this.db.prepare("INSERT OR IGNORE INTO documents (hash, sequence) VALUES (?, ?)");
    const insertBand = this.db.prepare("INSERT OR IGNORE INTO bands (key, hash, sequence) VALUES (?, ?, ?)");
    const insertSignature = this.db.prepare("INSERT OR IGNORE INTO signatures (hash, signature) VALUES (?, ?)");
    const hashes: string[] = [];
    this.db.exec("BEGIN");
    try {
      for await (const document of documents) {
        hashes.push(document.hash);
        insertDocument.run(document.hash, sequence);
        if (document.signature) {
          insertSignature.run(document.hash, new Uint8Array(document.signature.buffer, document.signature.byteOffset, document.signature.byteLength));
          for (const key of document.bands) insertBand.run(key, document.hash, sequence);
        }
      }
      const count = hashes.length;
      const contentId = contentIdOf(hashes);
      const stateId = "0x" + sha256Hex(canonicalJson({ previous: previous?.stateId ?? EMPTY_INDEX_STATE.stateId, kind, contentId, documents: count }));
      this.db
        .prepare("INSERT INTO sources (sequence, kind, label, content_id, documents, state_id) VALUES (?, ?, ?, ?, ?, ?)")
        .run(sequence, kind, label, contentId, count, stateId);
      this.db.exec("COMMIT");
      return { sequence, kind, label, contentId, documents: count, stateId };
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

export function toSignature(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
