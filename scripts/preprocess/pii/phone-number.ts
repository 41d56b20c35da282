import { parsePhoneNumberFromString } from "libphonenumber-js";
import { DIGIT_END, DIGIT_START, digitsOf, spansOf, type PiiDetector } from "./detector.ts";

const SEP = String.raw`[-. ]`;
// Korean numbers: Seoul 02, area codes 031-064, 070 internet phones, 050x safe numbers and
// mobile 010/011/016-019, written with separators or as "(02) 123-4567". Only mobile numbers
// match without separators, because "02110-1301" is a US ZIP+4 code, not a Seoul number.
const KOREAN = new RegExp(
  DIGIT_START +
    String.raw`(?:(?:0(?:2|[3-6][1-5]|70|50[2-8]?|1[016789])${SEP}|\(0(?:2|[3-6][1-5]|70|1[016789])\)\s?)\d{3,4}${SEP}\d{4}|01[016789]\d{7,8})` +
    DIGIT_END,
  "g",
);
// Korean nationwide service numbers such as 1588-1234; a second half that reads as a year is a
// year range ("1600-1700"), not a phone number.
const SERVICE = new RegExp(DIGIT_START + String.raw`1(?:5|6|8)\d{2}-(?!1[5-9]\d{2}|20\d{2})\d{4}` + DIGIT_END, "g");
// International format: a plus sign, a country code (never starting with 0) and two to six
// groups of digits. Fewer than 8 digits cannot be a phone number; that rules out time zones such
// as "+0100" before the slower libphonenumber check.
const INTERNATIONAL = new RegExp(
  String.raw`(?<![0-9A-Za-z_+])\+[1-9]\d{0,2}(?:[-. ]?\(?\d{1,5}\)?){2,6}` + DIGIT_END,
  "g",
);
const MIN_PHONE_DIGITS = 8;
// North American numbers with separators, "617-555-0100" or "(617) 555-0100", optionally "1-".
const NORTH_AMERICAN = new RegExp(
  DIGIT_START + String.raw`(?:1[-. ])?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}${SEP})[2-9]\d{2}${SEP}\d{4}` + DIGIT_END,
  "g",
);

export const phoneNumberDetector: PiiDetector = {
  kind: "phone-number",
  placeholder: "[PHONE]",
  appliesInsideUrls: false,
  find(text) {
    const spans = spansOf(text, KOREAN);
    spans.push(...spansOf(text, SERVICE));
    if (text.includes("+")) {
      spans.push(
        ...spansOf(text, INTERNATIONAL, (match) => digitsOf(match[0]).length >= MIN_PHONE_DIGITS && parsePhoneNumberFromString(match[0])?.isPossible() === true),
      );
    }
    spans.push(...spansOf(text, NORTH_AMERICAN, (match) => parsePhoneNumberFromString(match[0], "US")?.isPossible() === true));
    return spans;
  },
};
