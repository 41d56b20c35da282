import type { QualityRule, TextFeatures } from "./features.ts";

/**
 * Rules for English: the Gopher rules with the defaults of datatrove's GopherQualityFilter. They
 * judge only documents of at least `minWords` words, because a short note is no evidence of bad
 * text (datatrove instead removes documents under 50 words).
 */
export const ENGLISH_RULES = {
  minWords: 50,
  stopWords: ["the", "be", "to", "of", "and", "that", "have", "with"],
  minStopWords: 2,
  minMeanWordLength: 3,
  maxMeanWordLength: 10,
  maxHashOrEllipsisPerWord: 0.1,
  minAlphabeticWordShare: 0.8,
  maxEllipsisLineShare: 0.3,
} as const;

const STOP_WORDS = new Set<string>(ENGLISH_RULES.stopWords);
const HAS_LETTER = /\p{L}/u;

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i) | 32;
    if (code >= 97 && code <= 122) return true;
  }
  return HAS_LETTER.test(word);
}

function isJudged(features: TextFeatures): boolean {
  return features.words.length >= ENGLISH_RULES.minWords;
}

function hasFewStopWords(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  let found = 0;
  for (const word of features.words) {
    if (STOP_WORDS.has(word.toLowerCase().replace(/[^a-z]/g, "")) && ++found >= ENGLISH_RULES.minStopWords) return null;
  }
  return "en-few-stop-words";
}

function hasOddWordLength(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const mean = features.words.reduce((sum, word) => sum + word.length, 0) / features.words.length;
  return mean < ENGLISH_RULES.minMeanWordLength || mean > ENGLISH_RULES.maxMeanWordLength ? "en-mean-word-length" : null;
}

function hasManyHashesOrEllipses(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const marks = (features.text.match(/#|\.\.\.|…/g)?.length ?? 0) / features.words.length;
  return marks > ENGLISH_RULES.maxHashOrEllipsisPerWord ? "en-hash-or-ellipsis" : null;
}

function hasFewAlphabeticWords(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const alphabetic = features.words.filter(hasLetter).length;
  return alphabetic / features.words.length < ENGLISH_RULES.minAlphabeticWordShare ? "en-few-alphabetic-words" : null;
}

function hasEllipsisLines(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const endings = features.lines.filter((line) => line.endsWith("...") || line.endsWith("…")).length;
  return endings / features.lines.length > ENGLISH_RULES.maxEllipsisLineShare ? "en-ellipsis-lines" : null;
}

export const englishRules: readonly QualityRule[] = [
  hasFewStopWords,
  hasOddWordLength,
  hasManyHashesOrEllipses,
  hasFewAlphabeticWords,
  hasEllipsisLines,
];
