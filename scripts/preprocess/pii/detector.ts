/** A kind of personal information and the fixed placeholder that replaces it. */
export interface PiiDetector {
  readonly kind: string;
  readonly placeholder: string;
  /** False for number-shaped kinds, whose look-alikes inside URLs (ids, tracking codes) are kept. */
  readonly appliesInsideUrls: boolean;
  /** Returns [start, end) spans of every match in `text`, in any order. */
  find(text: string): Array<[number, number]>;
}

// Digit boundaries. A match may touch Hangul, because Korean particles follow numbers directly
// ("900101-1234567이야"). It may not touch a digit, an ASCII letter, an underscore or a separator
// that continues the number, so parts of longer numbers, dates, decimals and identifiers stay.
export const DIGIT_START = String.raw`(?<![0-9A-Za-z_+=%&#@\-./])(?<![0-9][:,])`;
export const DIGIT_END = String.raw`(?![0-9A-Za-z_]|[-./:,][0-9A-Za-z])`;

const URL = /\b(?:https?|ftp):\/\/[^\s<>"'()]+|\bwww\.[^\s<>"'()]+/gi;

/** Returns the [start, end) spans of URLs in `text`. */
export function findUrlSpans(text: string): Array<[number, number]> {
  return spansOf(text, URL);
}

/** Returns the [start, end) spans of every match of a global regular expression. */
export function spansOf(text: string, pattern: RegExp, accept?: (match: RegExpExecArray) => boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (!accept || accept(match)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

export function digitsOf(value: string): string {
  return value.replace(/[^0-9]/g, "");
}
