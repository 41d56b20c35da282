import { DIGIT_END, DIGIT_START, digitsOf, spansOf, type PiiDetector } from "./detector.ts";

// 16 digits in groups of four, American Express 4-6-5, or 13 to 19 digits written together.
const CARD = new RegExp(
  DIGIT_START + String.raw`(?:\d{4}([- ])\d{4}\1\d{4}\1\d{4}|\d{4}([- ])\d{6}\2\d{5}|\d{13,19})` + DIGIT_END,
  "g",
);

/** Luhn (mod 10) check used by every payment card number. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const cardNumberDetector: PiiDetector = {
  kind: "card-number",
  placeholder: "[CARD]",
  appliesInsideUrls: false,
  find: (text) =>
    spansOf(text, CARD, (match) => {
      const digits = digitsOf(match[0]);
      // All-zero runs pass Luhn but are padding, not cards.
      return /[1-9]/.test(digits) && passesLuhn(digits);
    }),
};
