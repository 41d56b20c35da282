/** MinHash LSH parameters; they are part of the pipeline settings and so of the pipeline id. */
export const MINHASH = {
  /** Words per shingle; documents with fewer words have no signature and use exact matching only. */
  shingleWords: 5,
  bands: 14,
  rowsPerBand: 8,
  /** Share of equal signature values (the Jaccard estimate) from which two documents are near-duplicates. */
  threshold: 0.8,
  /** Seed of the permutation parameters; changing it changes every signature. */
  seed: 0x5eed_0117,
} as const;

export const SIGNATURE_LENGTH = MINHASH.bands * MINHASH.rowsPerBand;

const multipliers = new Uint32Array(SIGNATURE_LENGTH);
const increments = new Uint32Array(SIGNATURE_LENGTH);
{
  let state = MINHASH.seed >>> 0;
  const next = () => (state = mix32((state + 0x9e3779b9) >>> 0));
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    multipliers[i] = next() | 1;
    increments[i] = next();
  }
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units of `text` from `start` to `end`. */
function hashWord(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const isSpace = code === 32 || code === 10 || code === 9 || code === 13 || code === 0x3000 || code === 0xa0;
    if (isSpace) {
      if (start >= 0) hashes.push(hashWord(lower, start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return hashes;
}

/**
 * Computes the MinHash signature over lower-cased word shingles, or returns null when the
 * text has fewer words than one shingle. Each of the SIGNATURE_LENGTH hash functions is an
 * odd multiply-add permutation of 32-bit words applied to a well-mixed shingle hash.
 */
export function minhashSignature(text: string): Uint32Array | null {
  const words = wordHashes(text);
  const shingleCount = words.length - MINHASH.shingleWords + 1;
  if (shingleCount < 1) return null;

  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (let s = 0; s < shingleCount; s++) {
    let h = 0;
    for (let w = 0; w < MINHASH.shingleWords; w++) h = Math.imul(h ^ words[s + w]!, 0x01000193) + w;
    const shingle = mix32(h);
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const value = (Math.imul(multipliers[i]!, shingle) + increments[i]!) >>> 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/**
 * Returns one LSH bucket key per band: the band index in the top bits and a 48-bit hash of the
 * band's rows below, which stays within Number.MAX_SAFE_INTEGER so SQLite stores it as an integer.
 */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < MINHASH.bands; band++) {
    let high = 0x811c9dc5 ^ band;
    let low = 0x01000193 ^ band;
    for (let row = 0; row < MINHASH.rowsPerBand; row++) {
      const value = signature[band * MINHASH.rowsPerBand + row]!;
      high = mix32(Math.imul(high, 31) + value);
      low = mix32(Math.imul(low ^ value, 0x9e3779b1));
    }
    keys.push(band * 2 ** 48 + high * 2 ** 16 + (low & 0xffff));
  }
  return keys;
}

/** Estimates the Jaccard similarity of two documents as the share of equal signature values. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
