import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import type { PreprocessResult } from "../../scripts/preprocess/pipeline.ts";
import { loadTokenizer } from "../../scripts/preprocess/tokenizer.ts";
import { FIXTURES, fixtureTexts, outputTexts, runPipeline, stageOf } from "./helpers.ts";

// One test per case of test/fixtures/preprocess/README.md, run through the whole pipeline.
describe("preprocessing cases", () => {
  let pii: PreprocessResult;
  let misc: PreprocessResult;
  let nfd: PreprocessResult;
  before(async () => {
    pii = await runPipeline([join(FIXTURES, "pii.jsonl")]);
    misc = await runPipeline([join(FIXTURES, "misc.jsonl")]);
    nfd = await runPipeline([join(FIXTURES, "nfd-hangul.jsonl")]);
  });

  const piiOutput = () => outputTexts(pii.outDir);
  const includesLine = (texts: string[], expected: string) => assert.ok(texts.includes(expected), `expected output to contain ${JSON.stringify(expected)}, got ${JSON.stringify(texts)}`);

  test("NFD and NFC Hangul dedup to one NFC document", async () => {
    const texts = outputTexts(nfd.outDir);
    const nfc = fixtureTexts("nfd-hangul.jsonl").get("nfc-1")!;
    assert.deepEqual(texts, [nfc]);
    assert.equal(stageOf(nfd.report, "exact-dedup").removed["duplicate-in-input"]?.documents, 1);
    assert.equal(stageOf(nfd.report, "clean").changed["unicode-nfc"]?.documents, 1);
    const tokenizer = await loadTokenizer("o200k_base");
    assert.equal(nfd.report.tokenCount, tokenizer.countTokens(nfc));
    assert.ok(tokenizer.countTokens(nfc.normalize("NFD")) > 2 * nfd.report.tokenCount, "NFD would cost many more tokens");
  });

  test("resident numbers redacted before a particle", () => {
    const texts = piiOutput();
    includesLine(texts, "신청서에 적힌 주민번호는 [RRN]이야. 확인 바랍니다.");
    includesLine(texts, "등록번호 [RRN] 로 조회했습니다.");
    for (const digits of ["900101", "1234567", "9001011234567"]) assert.ok(!texts.some((text) => text.includes(digits)), `digits ${digits} remain`);
  });

  test("URL path shaped like a resident number kept", () => {
    includesLine(piiOutput(), fixtureTexts("pii.jsonl").get("url-tracking")!);
  });

  test("Korean and international phones redacted", () => {
    const texts = piiOutput();
    includesLine(texts, "문의는 [PHONE] 또는 [PHONE] 로 연락 주세요.");
    includesLine(texts, "Call our office at [PHONE] during business hours.");
  });

  test("ZIP+4, decimal and ISO dates kept", () => {
    const fixtures = fixtureTexts("pii.jsonl");
    for (const id of ["zip4", "decimal", "iso-date"]) includesLine(piiOutput(), fixtures.get(id)!);
  });

  test("card redacted only when Luhn passes", () => {
    const texts = piiOutput();
    includesLine(texts, "결제 카드 [CARD] 로 승인되었습니다.");
    includesLine(texts, fixtureTexts("pii.jsonl").get("card-not-luhn")!);
  });

  test("e-mail and IP redacted, version kept", () => {
    const texts = piiOutput();
    includesLine(texts, "담당자 이메일은 [EMAIL] 입니다.");
    includesLine(texts, "The server at [IP] answered; release 4.2.1 of the client is not an address.");
    const redact = stageOf(pii.report, "redact");
    assert.equal(redact.changed["email"]?.occurrences, 1);
    assert.equal(redact.changed["ip-address"]?.occurrences, 1);
    assert.equal(redact.changed["resident-registration-number"]?.occurrences, 2);
    assert.equal(redact.changed["card-number"]?.occurrences, 1);
    assert.equal(redact.changed["phone-number"]?.occurrences, 3);
  });

  test("special tokens counted as plain text", async () => {
    const text = fixtureTexts("misc.jsonl").get("special-token")!;
    includesLine(outputTexts(misc.outDir), text);
    const tokenizer = await loadTokenizer("o200k_base");
    // As a special token "<|endoftext|>" would be 1 token; as text it is several.
    assert.ok(tokenizer.countTokens("<|endoftext|>") > 1);
    const row = outputTexts(misc.outDir).indexOf(text);
    assert.ok(row >= 0);
  });

  test("distinct short documents both kept", () => {
    const texts = outputTexts(misc.outDir);
    includesLine(texts, "안녕하세요");
    includesLine(texts, "감사합니다");
  });

  test("Korean news paragraph passes quality", () => {
    includesLine(outputTexts(misc.outDir), fixtureTexts("misc.jsonl").get("ko-good")!);
    assert.equal(stageOf(misc.report, "quality").documentsIn, stageOf(misc.report, "quality").documentsOut);
  });

  test("invalid JSON line rejected with its number", () => {
    assert.equal(misc.report.rejectedInputs.total, 1);
    const [rejected] = misc.report.rejectedInputs.listed;
    assert.equal(rejected?.source, `${join(FIXTURES, "misc.jsonl")}:3`);
    assert.match(rejected?.reason ?? "", /invalid JSON/);
    assert.equal(misc.report.documentsIn, 5);
    assert.equal(misc.report.documentsKept, 4);
  });

  test("strict mode fails on the invalid line", async () => {
    await assert.rejects(runPipeline([join(FIXTURES, "misc.jsonl")], { strict: true }), (error: Error) => {
      assert.equal(error.name, "StrictModeError");
      assert.match(error.message, /misc\.jsonl:3: invalid JSON/);
      return true;
    });
  });

  test("placeholders are deterministic", async () => {
    const again = await runPipeline([join(FIXTURES, "pii.jsonl")]);
    assert.deepEqual(outputTexts(again.outDir), piiOutput());
    assert.equal(again.report.datasetId, pii.report.datasetId);
  });
});
