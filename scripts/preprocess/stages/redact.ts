import type { Doc } from "../document.ts";
import { PII_DETECTORS, redactPii } from "../pii/redact.ts";
import { countChanged, createStats, selectExamples, type Example, type Stage } from "../stage.ts";

const EXCERPT_CONTEXT = 40;

/**
 * Personal-information redaction with fixed placeholders. It removes no documents; it counts
 * replacements per kind and keeps short excerpts around placeholders for the report. Excerpts
 * come from the redacted text, so they never show the removed value.
 */
export function createRedactStage(): Stage<Doc> {
  const stats = createStats("redact");
  const placeholders = Object.fromEntries(PII_DETECTORS.map((detector) => [detector.kind, detector.placeholder]));
  return {
    name: "redact",
    settings: { placeholders },
    stats,
    apply(doc) {
      stats.documentsIn++;
      const redaction = redactPii(doc.text);
      for (const [kind, count] of Object.entries(redaction.counts)) countChanged(stats, kind, 0, count);
      for (const placeholder of redaction.placeholders) {
        stats.examples.push(excerptAround(redaction.text, placeholder.kind, placeholder.start, placeholder.end));
      }
      if (stats.examples.length > 64) stats.examples = selectExamples(stats.examples);
      doc.text = redaction.text;
      stats.documentsOut++;
      return doc;
    },
  };
}

function excerptAround(text: string, reason: string, start: number, end: number): Example {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  const excerpt = (from > 0 ? "…" : "") + text.slice(from, to).replace(/\s+/g, " ") + (to < text.length ? "…" : "");
  return { reason, excerpt };
}
