import { spansOf, type PiiDetector } from "./detector.ts";

// Four dot-separated numbers. The octet range and the boundaries are checked in code, because a
// pattern that starts with a lookbehind is several times slower on long texts.
const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const WORD_CODE = /[0-9A-Za-z_]/;
const HEX = "[0-9A-Fa-f]{1,4}";
// Full eight-group form, and compressed forms with "::" and at least two groups; boundaries are
// checked in code for the same reason as above.
const IPV6_FULL = new RegExp(String.raw`(?:${HEX}:){7}${HEX}`, "g");
const IPV6_COMPRESSED = new RegExp(String.raw`(?:${HEX}:){1,6}:${HEX}(?::${HEX}){0,5}|(?:${HEX}:){2,7}:`, "g");
const IPV6_EDGE = /[0-9A-Za-z_:]/;
const THREE_INNER_GROUPS = /:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:/;
// Four-part release numbers look like addresses, so a version word right before one keeps it.
const VERSION_WORD = /(?:\b(?:version|release|ver\.?|v)|버전)\s*$/i;

/** Checks octets and boundaries: not part of a longer dotted run ("1.2.3.4.5") nor a version number. */
function isAddress(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? " ";
  const after = text[end] ?? " ";
  if (WORD_CODE.test(before) || before === ".") return false;
  if (WORD_CODE.test(after) || (after === "." && /[0-9]/.test(text[end + 1] ?? ""))) return false;
  if (!text.slice(start, end).split(".").every((octet) => OCTET.test(octet))) return false;
  return !VERSION_WORD.test(text.slice(Math.max(0, start - 10), start));
}

export const ipAddressDetector: PiiDetector = {
  kind: "ip-address",
  placeholder: "[IP]",
  appliesInsideUrls: true,
  find: (text) => {
    const spans = spansOf(text, IPV4, (match) => isAddress(text, match.index, match.index + match[0].length));
    const isIpv6 = (match: RegExpExecArray) =>
      !IPV6_EDGE.test(text[match.index - 1] ?? " ") &&
      !IPV6_EDGE.test(text[match.index + match[0].length] ?? " ") &&
      /[0-9]/.test(match[0]) &&
      /[0-9A-Fa-f]{3}/.test(match[0]);
    if (text.includes("::")) spans.push(...spansOf(text, IPV6_COMPRESSED, isIpv6));
    // A pattern that starts with ":" is found quickly, and times such as "13:17:22" do not match it.
    if (THREE_INNER_GROUPS.test(text)) spans.push(...spansOf(text, IPV6_FULL, isIpv6));
    return spans;
  },
};
