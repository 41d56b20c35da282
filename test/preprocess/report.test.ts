import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { PII_DETECTORS } from "../../scripts/preprocess/pii/redact.ts";
import { english } from "../../scripts/preprocess/report-html/text-en.ts";
import { korean } from "../../scripts/preprocess/report-html/text-ko.ts";
import { writeJsonl } from "./corpus.ts";
import { FIXTURES, ROOT, runPipeline, tempDir } from "./helpers.ts";

/** Reason codes written in the stage sources: quality rule results and countRemoved/countChanged arguments. */
function reasonCodesInSource(): Set<string> {
  const dir = join(ROOT, "scripts", "preprocess");
  const files = [
    ...readdirSync(join(dir, "stages")).map((name) => join(dir, "stages", name)),
    ...readdirSync(join(dir, "quality")).map((name) => join(dir, "quality", name)),
    join(dir, "process-batch.ts"),
  ];
  const codes = new Set<string>(PII_DETECTORS.map((detector) => detector.kind));
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/count(?:Removed|Changed)\(\w+, "([a-z0-9-]+)"/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/\? "([a-z0-9-]+)" : null/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/return "([a-z0-9-]+)";/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/code: "([a-z0-9-]+)"/g)) codes.add(match[1]!);
    for (const match of source.matchAll(/=== "dataset" \? "([a-z0-9-]+)" : "([a-z0-9-]+)"/g)) codes.add(match[1]!).add(match[2]!);
  }
  return codes;
}

describe("report page", () => {
  test("English and Korean label the same reasons and stages", () => {
    assert.deepEqual(Object.keys(korean.reasons).sort(), Object.keys(english.reasons).sort());
    assert.deepEqual(Object.keys(korean.stages).sort(), Object.keys(english.stages).sort());
  });

  test("every reason in the code has a label", () => {
    const codes = reasonCodesInSource();
    assert.ok(codes.size > 25, `found only ${codes.size} reason codes; the scan is broken`);
    for (const code of codes) assert.ok(code in english.reasons, `no label for reason ${code}`);
  });

  test("renders both languages with counts and examples", async () => {
    const result = await runPipeline([FIXTURES]);
    const html = readFileSync(join(result.outDir, "report.html"), "utf8");
    assert.match(html, /<section class="lang-en" lang="en">/);
    assert.match(html, /<section class="lang-ko" lang="ko">/);
    assert.match(html, /전처리 결과 보고서/);
    assert.match(html, /Preprocessing report/);
    assert.ok(html.includes(result.report.datasetId));
    assert.match(html, /<mark>\[RRN\]<\/mark>/);
    assert.match(html, /주민등록번호/);
    assert.match(html, /misc\.jsonl:3/);
    for (const stage of result.report.stages) assert.ok(html.includes(english.stages[stage.stage]!.label), stage.stage);
  });

  test("escapes document text", async () => {
    const result = await runPipeline([writeJsonl(join(tempDir(), "a.jsonl"), ['<script>alert("x")</script> mail me at a@b.co'])]);
    const html = readFileSync(join(result.outDir, "report.html"), "utf8");
    assert.ok(!html.includes("<script>alert"));
    assert.match(html, /&#60;script&#62;alert/);
  });

  test("report holds no personal information from the input", async () => {
    const result = await runPipeline([join(FIXTURES, "pii.jsonl")]);
    const json = readFileSync(join(result.outDir, "report.json"), "utf8");
    for (const value of ["900101-1234567", "010-1234-5678", "kim.minsu@example.co.kr", "4111 1111 1111 1111", "203.0.113.45"]) {
      assert.ok(!json.includes(value), value);
    }
  });
});
