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
}

export function measureText(text: string): TextFeatures {
  const letters = countLetters(text);
  return {
    text,
    language: detectLanguage(letters),
    letters,
    words: text.split(/\s+/).filter((word) => word.length > 0),
    lines: text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0),
  };
}

/** A quality rule: returns the reason for removal, or null when the document passes. */
export type QualityRule = (features: TextFeatures) => string | null;
