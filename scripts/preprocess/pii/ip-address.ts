import { spansOf, type PiiDetector } from "./detector.ts";

const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
// Four octets, not part of a longer dotted run, so "4.2.1" and "1.2.3.4.5" stay.
const IPV4 = new RegExp(String.raw`(?<![0-9A-Za-z_.]|\.[0-9])${OCTET}(?:\.${OCTET}){3}(?![0-9A-Za-z_]|\.[0-9])`, "g");
const HEX = "[0-9A-Fa-f]{1,4}";
// Full eight-group form, or a compressed form with "::" and at least two groups.
const IPV6 = new RegExp(
  String.raw`(?<![0-9A-Za-z_:])(?:(?:${HEX}:){7}${HEX}|(?:${HEX}:){1,6}:${HEX}(?::${HEX}){0,5}|(?:${HEX}:){2,7}:)(?![0-9A-Za-z_:])`,
  "g",
);
// Four-part release numbers look like addresses; the word before them says which they are.
const VERSION_WORD = /(?:\b(?:version|release|ver\.?|v)|버전)\s*$/i;

export const ipAddressDetector: PiiDetector = {
  kind: "ip-address",
  placeholder: "[IP]",
  appliesInsideUrls: true,
  find: (text) => {
    const spans = spansOf(text, IPV4, (match) => !VERSION_WORD.test(text.slice(Math.max(0, match.index - 10), match.index)));
    if (text.includes("::") || /[0-9A-Fa-f]:[0-9A-Fa-f]/.test(text)) {
      spans.push(...spansOf(text, IPV6, (match) => /[0-9]/.test(match[0]) && /[A-Fa-f0-9]{3}/.test(match[0])));
    }
    return spans;
  },
};
