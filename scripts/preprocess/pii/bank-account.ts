import { DIGIT_END, DIGIT_START, digitsOf, spansOf, type PiiDetector } from "./detector.ts";

// Bank account numbers have no fixed shape (Korean banks use 3-3-6, 4-3-6, 6-2-6, 3-4-4-2 and
// more), so a digit run counts only when a word for account or bank ends at most 30 characters
// before it on the same line.
const ACCOUNT_CONTEXT =
  /(?:계좌|통장|입금|송금|이체|예금주|은행|뱅크|농협|신협|우체국|새마을금고|수협|account|acct|a\/c|iban|bank|routing)[^\n]{0,30}$/i;
const ACCOUNT = new RegExp(DIGIT_START + String.raw`(?:\d{2,6}(?:-\d{2,8}){1,4}|\d{10,16})` + DIGIT_END, "g");
const MIN_DIGITS = 10;
const MAX_DIGITS = 16;

export const bankAccountDetector: PiiDetector = {
  kind: "bank-account-number",
  placeholder: "[ACCOUNT]",
  appliesInsideUrls: false,
  find: (text) =>
    spansOf(text, ACCOUNT, (match) => {
      const digitCount = digitsOf(match[0]).length;
      if (digitCount < MIN_DIGITS || digitCount > MAX_DIGITS) return false;
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      return ACCOUNT_CONTEXT.test(before);
    }),
};
