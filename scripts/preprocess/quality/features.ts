import { countLetters, detectLanguage, type Language, type LetterCounts } from "../language.ts";

/** Measurements of one document that the quality rules share, computed once. */
export interface TextFeatures {
  text: string;
  language: Language;
  letters: LetterCounts;
  /** Whitespace-separated words; in Korean these are eojeol (a word with its particles). */
  words: string[];
  /** Non-empty lines, trimmed. */
  lines: string[];
  /** Characters that are neither letters, digits, whitespace nor common punctuation. */
  symbols: number;
  /** Characters in runs of at least CHARACTER_RUN_LENGTH identical characters, spaces excluded. */
  runCharacters: number;
}

/** A run of this many identical characters counts as filler ("=====", "ㅋㅋㅋㅋ"). */
export const CHARACTER_RUN_LENGTH = 10;

const ALLOWED_ASCII = new Uint8Array(128);
for (const character of " \t\n\r.,;:!?'\"()[]{}<>-%/&@#*+=_~|\\$") ALLOWED_ASCII[character.charCodeAt(0)] = 1;
for (let code = 48; code <= 57; code++) ALLOWED_ASCII[code] = 1;
for (let code = 65; code <= 90; code++) ALLOWED_ASCII[code] = ALLOWED_ASCII[code + 32] = 1;
const ALLOWED_OTHER = /[\p{L}\p{N}\p{Z}\s–—‘’“”…·€₩£¥]/u;

/** Counts symbols and characters in long runs in one pass over the UTF-16 code units. */
function countSymbolsAndRuns(text: string): { symbols: number; runCharacters: number } {
  let symbols = 0;
  let runCharacters = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (i > 0 && code !== text.charCodeAt(runStart)) {
      if (i - runStart >= CHARACTER_RUN_LENGTH && text.charCodeAt(runStart) !== 32) runCharacters += i - runStart;
      runStart = i;
    }
    if (code < 0) break;
    if (code < 128) {
      if (ALLOWED_ASCII[code] === 0) symbols++;
    } else if (!((code >= 0xac00 && code <= 0xd7a3) || (code >= 0xdc00 && code <= 0xdfff))) {
      if (!ALLOWED_OTHER.test(String.fromCodePoint(text.codePointAt(i)!))) symbols++;
    }
  }
  return { symbols, runCharacters };
}

export function measureText(text: string): TextFeatures {
  const letters = countLetters(text);
  return {
    text,
    language: detectLanguage(letters),
    letters,
    words: text.split(/\s+/).filter((word) => word.length > 0),
    lines: text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0),
    ...countSymbolsAndRuns(text),
  };
}

/** A quality rule: returns the reason for removal, or null when the document passes. */
export type QualityRule = (features: TextFeatures) => string | null;
