import type { Doc } from "../document.ts";
import type { Language } from "../language.ts";
import { englishRules, ENGLISH_RULES } from "../quality/english.ts";
import { measureText, type QualityRule } from "../quality/features.ts";
import { koreanRules, KOREAN_RULES } from "../quality/korean.ts";
import { sharedRules, SHARED_RULES } from "../quality/shared.ts";
import { countRemoved, createStats, selectExamples, type Stage } from "../stage.ts";

const EXCERPT_LENGTH = 120;

/** Rules per detected language; Korean text never meets the English stop-word rules. */
const RULES_BY_LANGUAGE: Record<Language, readonly QualityRule[]> = {
  ko: [...sharedRules, ...koreanRules],
  en: [...sharedRules, ...englishRules],
  other: sharedRules,
};

/** Language detection and language-aware quality filters; the first failing rule names the reason. */
export function createQualityStage(): Stage<Doc> {
  const stats = createStats("quality");
  return {
    name: "quality",
    settings: { shared: SHARED_RULES, english: ENGLISH_RULES, korean: KOREAN_RULES },
    stats,
    apply(doc) {
      stats.documentsIn++;
      stats.tokensIn += doc.tokens;
      const features = measureText(doc.text);
      doc.language = features.language;
      const language = (stats.languages[features.language] ??= { documents: 0, tokens: 0 });
      language.documents++;
      language.tokens += doc.tokens;
      for (const rule of RULES_BY_LANGUAGE[features.language]) {
        const reason = rule(features);
        if (reason === null) continue;
        countRemoved(stats, reason, doc.tokens);
        stats.examples.push({ reason, excerpt: excerpt(doc.text) });
        if (stats.examples.length > 64) stats.examples = selectExamples(stats.examples);
        return null;
      }
      stats.documentsOut++;
      stats.tokensOut += doc.tokens;
      return doc;
    },
  };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > EXCERPT_LENGTH ? flat.slice(0, EXCERPT_LENGTH) + "…" : flat;
}
