import { DIGIT_END, DIGIT_START, spansOf, type PiiDetector } from "./detector.ts";

// Korean resident registration number: birth date YYMMDD, an optional dash, then seven digits
// whose first encodes century and sex (1-8; 9 and 0 are people born in the 1800s, left out).
// The check digit is not verified because numbers issued since October 2020 no longer carry one.
const RESIDENT_NUMBER = new RegExp(
  DIGIT_START + String.raw`\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:-|\u2010|\u2013|\s-\s)?[1-8]\d{6}` + DIGIT_END,
  "g",
);

export const residentNumberDetector: PiiDetector = {
  kind: "resident-registration-number",
  placeholder: "[RRN]",
  appliesInsideUrls: false,
  find: (text) => spansOf(text, RESIDENT_NUMBER),
};
