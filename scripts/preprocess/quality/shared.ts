import { CHARACTER_RUN_LENGTH, type QualityRule, type TextFeatures } from "./features.ts";

/** Thresholds that apply to every language. */
export const SHARED_RULES = {
  /** Duplicate lines are judged only from this many lines on. */
  minLinesForRepetition: 5,
  maxDuplicateLineShare: 0.3,
  characterRunLength: CHARACTER_RUN_LENGTH,
  maxCharacterRunShare: 0.2,
  /** Share of characters that are neither letters, digits, whitespace nor common punctuation. */
  maxSymbolShare: 0.25,
} as const;

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
  return features.runCharacters / features.text.length > SHARED_RULES.maxCharacterRunShare ? "repeated-characters" : null;
}

function hasManySymbols(features: TextFeatures): string | null {
  return features.symbols / features.text.length > SHARED_RULES.maxSymbolShare ? "symbol-heavy" : null;
}

export const sharedRules: readonly QualityRule[] = [hasNoLetters, hasRepeatedLines, hasCharacterRuns, hasManySymbols];
