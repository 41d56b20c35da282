import assert from "node:assert/strict";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { outputTexts, runPipeline, tempDir } from "./helpers.ts";

const KOREAN = "한국어 문장입니다. 기관이 보유한 자료를 공개합니다.";

describe("input formats", () => {
  test("folder of .txt and .md files, one document each", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "nested"));
    writeFileSync(join(dir, "a.txt"), "First plain text file.\r\nSecond line.");
    writeFileSync(join(dir, "nested", "b.md"), "# Title\n\nMarkdown body.");
    const result = await runPipeline([dir]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["# Title\n\nMarkdown body.", "First plain text file.\nSecond line."]);
  });

  test("CSV with a text column and quoted newlines", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rows.csv"), 'id,body\n1,"line one\nline two"\n2,"with ""quotes"", and commas"\n');
    const result = await runPipeline([join(dir, "rows.csv")], { textField: "body" });
    assert.deepEqual(outputTexts(result.outDir).sort(), ["line one\nline two", 'with "quotes", and commas']);
  });

  test("CSV without the column is skipped with its columns named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rows.csv"), "id,body\n1,hello\n");
    const result = await runPipeline([join(dir, "rows.csv")]);
    assert.equal(result.report.skippedFiles.length, 1);
    assert.match(result.report.skippedFiles[0]!.reason, /no column named "text" \(columns: id, body\); pass --text-field/);
  });

  test("Parquet text column", async () => {
    const dir = tempDir();
    parquetWriteFile({
      filename: join(dir, "docs.parquet"),
      columnData: [
        { name: "id", data: [1, 2], type: "INT32" },
        { name: "text", data: [KOREAN, "English parquet row."], type: "STRING" },
      ],
    });
    const result = await runPipeline([join(dir, "docs.parquet")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["English parquet row.", KOREAN].sort());
  });

  test("several inputs of different formats at once", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.jsonl"), JSON.stringify({ text: "from jsonl" }) + "\n");
    writeFileSync(join(dir, "b.csv"), "text\nfrom csv\n");
    writeFileSync(join(dir, "c.txt"), "from txt");
    const result = await runPipeline([join(dir, "a.jsonl"), join(dir, "b.csv"), join(dir, "c.txt")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["from csv", "from jsonl", "from txt"]);
  });

  test("JSONL with another text field", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.jsonl"), JSON.stringify({ content: "custom field" }) + "\n" + JSON.stringify({ text: "wrong field" }) + "\n");
    const result = await runPipeline([join(dir, "a.jsonl")], { textField: "content" });
    assert.deepEqual(outputTexts(result.outDir), ["custom field"]);
    assert.match(result.report.rejectedInputs.listed[0]!.reason, /field "content" is missing/);
    assert.equal(result.report.rejectedInputs.listed[0]!.source, `${join(dir, "a.jsonl")}:2`);
  });

  test("JSONL without a final newline keeps its last line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.jsonl"), JSON.stringify({ text: "one" }) + "\n" + JSON.stringify({ text: "two" }));
    const result = await runPipeline([join(dir, "a.jsonl")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["one", "two"]);
  });
});

describe("bad input", () => {
  test("binary file skipped with a reason", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, "ok.txt"), "readable");
    const result = await runPipeline([dir]);
    assert.deepEqual(outputTexts(result.outDir), ["readable"]);
    assert.match(result.report.skippedFiles[0]!.reason, /binary file \(NUL byte at offset 4\)/);
  });

  test("unsupported file type skipped with supported types named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.docx"), "x");
    const result = await runPipeline([dir]);
    assert.match(result.report.skippedFiles[0]!.reason, /unsupported file type "\.docx"; supported: \.jsonl/);
  });

  test("unreadable file skipped", { skip: process.getuid?.() === 0 ? "root can read any file" : false }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "secret.txt"), "x");
    chmodSync(join(dir, "secret.txt"), 0o000);
    const result = await runPipeline([dir]);
    assert.match(result.report.skippedFiles[0]!.reason, /cannot read file: EACCES/);
  });

  test("EUC-KR text file decoded", async () => {
    const dir = tempDir();
    // "한국어 문장" in EUC-KR.
    writeFileSync(join(dir, "legacy.txt"), Buffer.from("c7d1b1b9beee20b9aec0e5", "hex"));
    const result = await runPipeline([dir]);
    assert.deepEqual(outputTexts(result.outDir), ["한국어 문장"]);
  });

  test("CP949-only syllable decoded", async () => {
    const dir = tempDir();
    // "똠방각하": 똠 exists only in CP949's extension of EUC-KR.
    writeFileSync(join(dir, "cp949.txt"), Buffer.from("8c63b9e6b0a2c7cf", "hex"));
    const result = await runPipeline([dir]);
    assert.deepEqual(outputTexts(result.outDir), ["똠방각하"]);
  });

  test("EUC-KR JSONL line decoded and counted", async () => {
    const dir = tempDir();
    const line = Buffer.concat([Buffer.from('{"text":"'), Buffer.from("c7d1b1b9beee", "hex"), Buffer.from('"}\n')]);
    writeFileSync(join(dir, "legacy.jsonl"), Buffer.concat([line, Buffer.from('{"text":"utf-8 line"}\n')]));
    const result = await runPipeline([join(dir, "legacy.jsonl")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["utf-8 line", "한국어"]);
    assert.equal(result.report.stages[0]!.changed["decoded-from-euc-kr"]?.documents, 1);
  });

  test("Latin-1 file rejected with the encoding named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "latin1.txt"), Buffer.from("caf\xe9 cr\xe8me br\xfbl\xe9e", "latin1"));
    const result = await runPipeline([dir]);
    assert.equal(result.report.documentsKept, 0);
    assert.match(result.report.skippedFiles[0]!.reason, /not UTF-8 .* not EUC-KR\/CP949; it looks like ISO-8859-1 or Windows-1252.*iconv -f ISO-8859-1 -t UTF-8/);
  });

  test("missing input names the path", async () => {
    await assert.rejects(runPipeline(["/nonexistent/input.jsonl"]), /input not found: \/nonexistent\/input\.jsonl/);
  });

  test("oversized line rejected, next line kept", async () => {
    const dir = tempDir();
    const huge = JSON.stringify({ text: "a ".repeat(9_000_000) });
    writeFileSync(join(dir, "a.jsonl"), ['{"text":"before"}', huge, '{"text":"after"}'].join("\n") + "\n");
    const result = await runPipeline([join(dir, "a.jsonl")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["after", "before"]);
    const [rejected] = result.report.rejectedInputs.listed;
    assert.equal(rejected?.source, `${join(dir, "a.jsonl")}:2`);
    assert.equal(rejected?.code, "document-too-large");
    assert.match(rejected?.reason ?? "", /document is 18000\d\d\d bytes, over the 16777216-byte limit; split it/);
  });

  test("bad lines do not stop the good ones", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.jsonl"), ['{"text":"good one"}', "[1,2]", '{"text": 5}', "{broken", "", '{"text":"good two"}'].join("\n") + "\n");
    const result = await runPipeline([join(dir, "a.jsonl")]);
    assert.deepEqual(outputTexts(result.outDir).sort(), ["good one", "good two"]);
    assert.deepEqual(
      result.report.rejectedInputs.listed.map((item) => item.source.split(":").at(-1)),
      ["2", "3", "4"],
    );
    const read = result.report.stages[0]!;
    assert.equal(read.removed["not-a-json-object"]?.documents, 1);
    assert.equal(read.removed["missing-text-field"]?.documents, 1);
    assert.equal(read.removed["invalid-json"]?.documents, 1);
  });
});
