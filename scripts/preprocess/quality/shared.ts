import type { QualityRule, TextFeatures } from "./features.ts";

/** Thresholds that apply to every language. */
export const SHARED_RULES = {
  /** Duplicate lines are judged only from this many lines on. */
  minLinesForRepetition: 5,
  maxDuplicateLineShare: 0.3,
  /** A run of this many identical characters counts as filler ("=====", "ㅋㅋㅋㅋ"). */
  characterRunLength: 10,
  maxCharacterRunShare: 0.2,
  /** Share of characters that are neither letters, digits, whitespace nor common punctuation. */
  maxSymbolShare: 0.25,
} as const;

const SYMBOL = /[^\p{L}\p{N}\p{Z}\s.,;:!?'"()[\]{}<>\-–—‘’“”…·%/&@#*+=_~|\\$€₩£¥]/gu;

function hasNoLetters(features: TextFeatures): string | null {
  return features.letters.letters === 0 ? "no-letters" : null;
}

function hasRepeatedLines(features: TextFeatures): string | null {
  const { lines } = features;
  if (lines.length < SHARED_RULES.minLinesForRepetition) return null;
  const seen = new Set<string>();
  let duplicateCharacters = 0;
  let totalCharacters = 0;
  for (const line of lines) {
    totalCharacters += line.length;
    if (seen.has(line)) duplicateCharacters += line.length;
    else seen.add(line);
  }
  return duplicateCharacters / totalCharacters > SHARED_RULES.maxDuplicateLineShare ? "repeated-lines" : null;
}

function hasCharacterRuns(features: TextFeatures): string | null {
  const { text } = features;
  let inRuns = 0;
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && text[i] === text[runStart]) continue;
    const length = i - runStart;
    if (length >= SHARED_RULES.characterRunLength && text[runStart] !== " ") inRuns += length;
    runStart = i;
  }
  return inRuns / text.length > SHARED_RULES.maxCharacterRunShare ? "repeated-characters" : null;
}

function hasManySymbols(features: TextFeatures): string | null {
  const symbols = features.text.match(SYMBOL)?.length ?? 0;
  return symbols / features.text.length > SHARED_RULES.maxSymbolShare ? "symbol-heavy" : null;
}

export const sharedRules: readonly QualityRule[] = [hasNoLetters, hasRepeatedLines, hasCharacterRuns, hasManySymbols];
