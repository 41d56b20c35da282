/** Language of a document as the quality rules see it: each has its own rule set. */
export type Language = "ko" | "en" | "other";

/** Share of letters that must be Hangul for a document to count as Korean. */
export const KOREAN_MIN_HANGUL_SHARE = 0.3;
/** Share of letters that must be Latin for a non-Korean document to count as English. */
export const ENGLISH_MIN_LATIN_SHARE = 0.8;

export interface LetterCounts {
  hangul: number;
  /** Hangul compatibility jamo used alone (ㅋ, ㅠ), a sign of chat noise in Korean text. */
  jamo: number;
  latin: number;
  letters: number;
}

export function countLetters(text: string): LetterCounts {
  let hangul = 0;
  let jamo = 0;
  let latin = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      latin++;
      letters++;
    } else if (code >= 0xac00 && code <= 0xd7a3) {
      hangul++;
      letters++;
    } else if (code >= 0x3131 && code <= 0x318e) {
      jamo++;
      hangul++;
      letters++;
    } else if (code >= 0xc0 && isOtherLetter(text, i)) {
      letters++;
    }
  }
  return { hangul, jamo, latin, letters };
}

const LETTER = /\p{L}/u;

function isOtherLetter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // A high surrogate starts a letter outside the BMP; count it once and skip its low half.
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return LETTER.test(String.fromCodePoint(text.codePointAt(index)!));
}

export function detectLanguage(counts: LetterCounts): Language {
  if (counts.letters === 0) return "other";
  if (counts.hangul / counts.letters >= KOREAN_MIN_HANGUL_SHARE) return "ko";
  if (counts.latin / counts.letters >= ENGLISH_MIN_LATIN_SHARE) return "en";
  return "other";
}
