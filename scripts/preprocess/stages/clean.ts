import type { Doc } from "../document.ts";
import { countChanged, countRemoved, createStats, type Stage } from "../stage.ts";

// C0 and C1 control characters except tab and line feed, plus the byte order mark anywhere in the
// text and Unicode non-characters that some exporters leave behind.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
const BOM = /\ufeff/g;
const TRAILING_SPACE = /[ \t]+$/gm;
const BLANK_RUN = /\n{3,}/g;

/**
 * Unicode NFC normalisation and clean-up: removes byte order marks and control characters,
 * turns CR LF and lone CR into LF, strips trailing spaces and collapses runs of blank lines.
 * NFC matters for tokens: decomposed Hangul costs several times more tokens than composed.
 */
export function createCleanStage(): Stage<Doc> {
  const stats = createStats("clean");
  return {
    name: "clean",
    settings: { normalization: "NFC", removeControlCharacters: true, maxBlankLines: 1 },
    stats,
    apply(doc) {
      stats.documentsIn++;
      let text = doc.text;

      const boms = countMatches(text, BOM);
      if (boms > 0) {
        text = text.replace(BOM, "");
        countChanged(stats, "byte-order-mark", 0, boms);
      }
      const controls = countMatches(text, CONTROL);
      if (controls > 0) {
        text = text.replace(CONTROL, "");
        countChanged(stats, "control-characters", 0, controls);
      }
      const normalized = text.normalize("NFC");
      if (normalized !== text) {
        countChanged(stats, "unicode-nfc", 0, 1);
        text = normalized;
      }
      text = text.replace(/\r\n?/g, "\n").replace(TRAILING_SPACE, "").replace(BLANK_RUN, "\n\n").trim();

      if (text.length === 0) {
        countRemoved(stats, "empty-after-cleaning", 0);
        return null;
      }
      doc.text = text;
      stats.documentsOut++;
      return doc;
    },
  };
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}
