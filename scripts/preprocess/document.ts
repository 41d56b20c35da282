import type { Language } from "./language.ts";

/** A document while the per-document stages run on it, inside a worker thread. */
export interface Doc {
  text: string;
  /** Origin of the document, as `file:line` or `file#row`, for messages only. */
  source: string;
  /** Token count of `text`, set by the tokenize stage (0 before it). */
  tokens: number;
  language: Language;
}

/** A document surviving the per-document stages, as the dedup stages see it. */
export interface DocEntry {
  /** sha256 of the UTF-8 text, 0x-prefixed hex. */
  hash: string;
  tokens: number;
  language: Language;
  /** MinHash signature, or null when the text has fewer words than one shingle. */
  signature: Uint32Array | null;
}
