import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { addDatasetToIndex, addReferenceToIndex } from "../../scripts/preprocess/index-sources.ts";
import { IndexStore } from "../../scripts/preprocess/index-store.ts";
import { generateDocuments, writeJsonl } from "./corpus.ts";
import { runPipeline, stageOf, tempDir } from "./helpers.ts";

describe("shared dedup index", () => {
  test("registered dataset removes its documents next time", async () => {
    const dir = tempDir();
    const indexPath = join(dir, "index.sqlite");
    const input = writeJsonl(join(dir, "a.jsonl"), generateDocuments(300, 3));
    const first = await runPipeline([input], { indexPath });
    assert.equal(first.report.index.sequence, 0);

    const index = new IndexStore(indexPath);
    const added = await addDatasetToIndex(index, first.outDir);
    assert.equal(added.added, true);
    assert.equal(added.source.sequence, 1);
    assert.equal(added.source.documents, first.report.documentsKept);
    const again = await addDatasetToIndex(index, first.outDir);
    assert.equal(again.added, false);
    index.close();

    const second = await runPipeline([input], { indexPath });
    assert.equal(second.report.documentsKept, 0);
    assert.equal(second.report.index.sequence, 1);
    assert.equal(stageOf(second.report, "index-dedup").removed["registered-dataset"]?.documents, first.report.documentsKept);

    const pinned = await runPipeline([input], { indexPath, indexAt: 0 });
    assert.equal(pinned.report.datasetId, first.report.datasetId);
    assert.equal(pinned.report.tokenCount, first.report.tokenCount);
  });

  test("near duplicate of a registered document removed", async () => {
    const dir = tempDir();
    const indexPath = join(dir, "index.sqlite");
    const base = "The city archive opened a new reading room for local history, with maps, letters and photographs from the last century that visitors can now study freely.";
    const first = await runPipeline([writeJsonl(join(dir, "a.jsonl"), [base])], { indexPath });
    const index = new IndexStore(indexPath);
    await addDatasetToIndex(index, first.outDir);
    index.close();
    const edited = base.replace("freely.", "freely!");
    const second = await runPipeline([writeJsonl(join(dir, "b.jsonl"), [edited, "A completely unrelated sentence about weather and the sea and ships."])], { indexPath });
    assert.equal(stageOf(second.report, "index-dedup").removed["near-duplicate-of-registered"]?.documents, 1);
    assert.equal(second.report.documentsKept, 1);
  });

  test("reference corpus matches after the same clean-up", async () => {
    const dir = tempDir();
    const indexPath = join(dir, "index.sqlite");
    const reference = writeJsonl(join(dir, "ref.jsonl"), ["\ufeff소비자 참조 문서, 연락처 010-1234-5678", "short"]);
    const index = new IndexStore(indexPath);
    const added = await addReferenceToIndex(index, [reference], "consumer eval set", "text");
    assert.equal(added.source.kind, "reference");
    assert.equal(added.source.documents, 2);
    index.close();
    const result = await runPipeline([writeJsonl(join(dir, "in.jsonl"), ["소비자 참조 문서, 연락처 010-9999-8888", "short", "new text"])], { indexPath });
    assert.equal(stageOf(result.report, "index-dedup").removed["reference-corpus"]?.documents, 2);
    assert.equal(result.report.documentsKept, 1);
  });

  test("dataset that does not match its id is refused", async () => {
    const dir = tempDir();
    const first = await runPipeline([writeJsonl(join(dir, "a.jsonl"), ["one document", "two documents"])]);
    const { writeFileSync, readFileSync } = await import("node:fs");
    const shard = join(first.outDir, "data", "shard-00000.jsonl");
    writeFileSync(shard, readFileSync(shard, "utf8").replace("one document", "one changed document"));
    const index = new IndexStore(join(dir, "index.sqlite"));
    await assert.rejects(addDatasetToIndex(index, first.outDir), /has hash .* but manifest\.jsonl lists/);
    assert.equal(index.sources().length, 0);
    index.close();
  });

  test("state ids chain over sources", async () => {
    const dir = tempDir();
    const index = new IndexStore(join(dir, "index.sqlite"));
    const a = await addReferenceToIndex(index, [writeJsonl(join(dir, "a.jsonl"), ["alpha text"])], "a", "text");
    const b = await addReferenceToIndex(index, [writeJsonl(join(dir, "b.jsonl"), ["beta text"])], "b", "text");
    assert.notEqual(a.source.stateId, b.source.stateId);
    assert.equal(index.state().stateId, b.source.stateId);
    assert.equal(index.state(1).stateId, a.source.stateId);
    assert.throws(() => index.state(3), /no state 3/);
    index.close();
  });
});
