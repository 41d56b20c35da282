import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Doc } from "../../scripts/preprocess/document.ts";
import { estimateSimilarity, minhashSignature, MINHASH } from "../../scripts/preprocess/minhash.ts";
import { createCleanStage } from "../../scripts/preprocess/stages/clean.ts";
import { createQualityStage } from "../../scripts/preprocess/stages/quality.ts";

const doc = (text: string): Doc => ({ text, source: "test", tokens: 10, language: "other" });

function qualityReason(text: string): string | null {
  const stage = createQualityStage();
  if (stage.apply(doc(text))) return null;
  return Object.keys(stage.stats.removed)[0] ?? "?";
}

const KOREAN_PARAGRAPH =
  "국립중앙도서관은 올해 고문헌 디지털화 사업을 확대한다고 밝혔다. 도서관은 조선 후기 간행물 3천여 점을 새로 촬영하고, 이용자가 원문을 검색할 수 있도록 본문 텍스트를 함께 공개할 계획이다. 담당 부서는 저작권이 만료된 자료부터 순차적으로 작업하며, 연말까지 온라인 열람 서비스를 개선하겠다고 설명했다.";
const ENGLISH_PARAGRAPH =
  "The city library said on Monday that it will publish its collection of historical letters online. Readers will be able to search the full text of each letter, and the library plans to add maps and photographs from the same period. The project is funded by a grant from the state and should be finished by the end of next year, according to the head of the archive.";

describe("clean stage", () => {
  test("removes BOM and control characters and normalises to NFC", () => {
    const stage = createCleanStage();
    const result = stage.apply(doc("\ufeff한\u0000글\u0007 text\r\n\r\n\r\n\r\nnext  "))!;
    assert.equal(result.text, "한글 text\n\nnext");
    assert.equal(stage.stats.changed["byte-order-mark"]?.occurrences, 1);
    assert.equal(stage.stats.changed["control-characters"]?.occurrences, 2);
    const nfd = createCleanStage().apply(doc("한글".normalize("NFD")))!;
    assert.equal(nfd.text, "한글");
  });

  test("removes documents empty after cleaning", () => {
    const stage = createCleanStage();
    assert.equal(stage.apply(doc("\ufeff \u0000\n\t")), null);
    assert.equal(stage.stats.removed["empty-after-cleaning"]?.documents, 1);
  });
});

describe("quality stage", () => {
  test("passes ordinary Korean and English paragraphs", () => {
    assert.equal(qualityReason(KOREAN_PARAGRAPH), null);
    assert.equal(qualityReason(ENGLISH_PARAGRAPH), null);
  });

  test("never applies English stop words to Korean", () => {
    // A long Korean text has none of the English stop words, which would fail the English rule.
    const longKorean = (KOREAN_PARAGRAPH + " ").repeat(3);
    assert.equal(qualityReason(longKorean), null);
    const stage = createQualityStage();
    stage.apply(doc(longKorean));
    assert.equal(stage.stats.languages["ko"]?.documents, 1);
  });

  test("removes English word salad without stop words", () => {
    const salad = Array.from({ length: 60 }, (_, i) => ["apple", "river", "green", "stone", "quick"][i % 5]).join(" ");
    assert.equal(qualityReason(salad), "en-few-stop-words");
  });

  test("removes Korean jamo noise", () => {
    const noisy = Array.from({ length: 30 }, (_, i) => (i % 2 ? "ㅋㅋㅋㅋ" : "진짜 웃기다ㅠㅠ")).join(" ");
    assert.equal(qualityReason(noisy), "ko-jamo-noise");
  });

  test("removes Korean text that lost its spaces", () => {
    const joined = Array.from({ length: 25 }, () => "띄어쓰기가모두사라진아주긴문장이계속이어집니다").join(" ");
    assert.equal(qualityReason(joined), "ko-mean-eojeol-length");
  });

  test("removes repeated lines and symbol runs", () => {
    assert.equal(qualityReason(Array.from({ length: 8 }, () => "같은 줄이 반복됩니다").join("\n")), "repeated-lines");
    assert.equal(qualityReason("====================================== 제목"), "repeated-characters");
    assert.equal(qualityReason("12345 67890"), "no-letters");
  });

  test("keeps short documents of any language", () => {
    for (const text of ["안녕하세요", "Call us.", "감사합니다", "Bonjour à tous"]) assert.equal(qualityReason(text), null, text);
  });
});

describe("MinHash", () => {
  test("near duplicates score high, unrelated texts low", () => {
    const a = minhashSignature(ENGLISH_PARAGRAPH)!;
    const b = minhashSignature(ENGLISH_PARAGRAPH.replace("Monday", "Tuesday"))!;
    const c = minhashSignature(KOREAN_PARAGRAPH)!;
    assert.ok(estimateSimilarity(a, b) >= MINHASH.threshold, `similar: ${estimateSimilarity(a, b)}`);
    assert.ok(estimateSimilarity(a, c) < 0.1);
  });

  test("texts shorter than a shingle have no signature", () => {
    assert.equal(minhashSignature("안녕하세요"), null);
    assert.equal(minhashSignature("one two three four"), null);
    assert.notEqual(minhashSignature("one two three four five"), null);
  });
});
