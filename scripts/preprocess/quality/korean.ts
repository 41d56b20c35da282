import type { QualityRule, TextFeatures } from "./features.ts";

/**
 * Rules for Korean. Korean has no stop-word list in the English sense, because particles attach to
 * the word, and its eojeol are longer than English words. Its own measures are the share of bare
 * jamo ("ㅋㅋ", "ㅠㅠ"), the mean eojeol length, and the share of eojeol that contain Hangul.
 * The statistical rules judge only documents of at least `minEojeol` eojeol.
 */
export const KOREAN_RULES = {
  minEojeol: 20,
  maxJamoShare: 0.1,
  /** Mean eojeol length in characters; a much longer mean means text with its spaces lost. */
  minMeanEojeolLength: 1.5,
  maxMeanEojeolLength: 12,
  minHangulEojeolShare: 0.3,
} as const;

const HANGUL = /[\uac00-\ud7a3]/;

function isJudged(features: TextFeatures): boolean {
  return features.words.length >= KOREAN_RULES.minEojeol;
}

function hasJamoNoise(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const { jamo, hangul } = features.letters;
  return hangul > 0 && jamo / hangul > KOREAN_RULES.maxJamoShare ? "ko-jamo-noise" : null;
}

function hasOddEojeolLength(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const mean = features.words.reduce((sum, word) => sum + word.length, 0) / features.words.length;
  return mean < KOREAN_RULES.minMeanEojeolLength || mean > KOREAN_RULES.maxMeanEojeolLength ? "ko-mean-eojeol-length" : null;
}

function hasFewHangulEojeol(features: TextFeatures): string | null {
  if (!isJudged(features)) return null;
  const withHangul = features.words.filter((word) => HANGUL.test(word)).length;
  return withHangul / features.words.length < KOREAN_RULES.minHangulEojeolShare ? "ko-few-hangul-eojeol" : null;
}

export const koreanRules: readonly QualityRule[] = [hasJamoNoise, hasOddEojeolLength, hasFewHangulEojeol];
