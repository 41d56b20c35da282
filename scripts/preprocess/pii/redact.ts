import { bankAccountDetector } from "./bank-account.ts";
import { cardNumberDetector } from "./card-number.ts";
import { findUrlSpans, type PiiDetector } from "./detector.ts";
import { emailDetector } from "./email.ts";
import { ipAddressDetector } from "./ip-address.ts";
import { phoneNumberDetector } from "./phone-number.ts";
import { residentNumberDetector } from "./resident-number.ts";

/** Detectors in priority order: when two matches overlap, the one whose detector comes first wins. */
export const PII_DETECTORS: readonly PiiDetector[] = [
  emailDetector,
  residentNumberDetector,
  cardNumberDetector,
  phoneNumberDetector,
  bankAccountDetector,
  ipAddressDetector,
];

export interface Redaction {
  text: string;
  /** Number of replacements per detector kind; empty when nothing was found. */
  counts: Record<string, number>;
  /** Offsets in the redacted text where each placeholder starts, for report excerpts. */
  placeholders: Array<{ kind: string; start: number; end: number }>;
}

interface Match {
  start: number;
  end: number;
  priority: number;
}

/**
 * Replaces personal information with fixed placeholders. Every detector searches the original
 * text. Overlaps go to the earliest start, then the detector priority, then the longer match.
 * The text is rebuilt once, so the result does not depend on the order of the detectors' edits.
 */
export function redactPii(text: string, detectors: readonly PiiDetector[] = PII_DETECTORS): Redaction {
  const urls = findUrlSpans(text);
  const matches: Match[] = [];
  detectors.forEach((detector, priority) => {
    for (const [start, end] of detector.find(text)) {
      if (!detector.appliesInsideUrls && urls.some(([from, to]) => start < to && end > from)) continue;
      matches.push({ start, end, priority });
    }
  });
  if (matches.length === 0) return { text, counts: {}, placeholders: [] };

  matches.sort((a, b) => a.start - b.start || a.priority - b.priority || b.end - a.end);
  const counts: Record<string, number> = {};
  const placeholders: Redaction["placeholders"] = [];
  let output = "";
  let cursor = 0;
  for (const match of matches) {
    if (match.start < cursor) continue;
    const detector = detectors[match.priority]!;
    output += text.slice(cursor, match.start);
    placeholders.push({ kind: detector.kind, start: output.length, end: output.length + detector.placeholder.length });
    output += detector.placeholder;
    counts[detector.kind] = (counts[detector.kind] ?? 0) + 1;
    cursor = match.end;
  }
  output += text.slice(cursor);
  return { text: output, counts, placeholders };
}
