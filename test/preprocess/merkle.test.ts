import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { keccak256, concat } from "viem";
import { proveDocument } from "../../scripts/preprocess/dataset-proof.ts";
import { hashDocument } from "../../scripts/preprocess/hash.ts";
import { datasetRoot, EMPTY_ROOT, leafOf, verifyProof } from "../../scripts/preprocess/merkle.ts";
import { generateDocuments, writeJsonl } from "./corpus.ts";
import { runCli, runPipeline, tempDir } from "./helpers.ts";

const hashesOf = (count: number) => Array.from({ length: count }, (_, i) => hashDocument(`document ${i}`));

/** Recomputes a root the way OpenZeppelin's MerkleProof.processProof does, with viem's keccak256. */
function processProof(leaf: `0x${string}`, proof: readonly string[]): string {
  let node = leaf;
  for (const sibling of proof as `0x${string}`[]) node = keccak256(node < sibling ? concat([node, sibling]) : concat([sibling, node]));
  return node;
}

describe("dataset Merkle root", () => {
  test("equals StandardMerkleTree root", () => {
    for (const count of [1, 2, 3, 4, 5, 7, 8, 9, 100, 257]) {
      const hashes = hashesOf(count);
      const tree = StandardMerkleTree.of(hashes.map((hash) => [hash]), ["bytes32"]);
      assert.equal(datasetRoot(hashes), tree.root, `${count} leaves`);
    }
  });

  test("does not depend on hash order", () => {
    const hashes = hashesOf(50);
    assert.equal(datasetRoot([...hashes].reverse()), datasetRoot(hashes));
  });

  test("leaf is the double keccak of the hash", () => {
    const hash = hashDocument("x") as `0x${string}`;
    assert.equal("0x" + Buffer.from(leafOf(hash)).toString("hex"), keccak256(keccak256(hash)));
  });

  test("empty dataset has the zero root", () => {
    assert.equal(datasetRoot([]), EMPTY_ROOT);
  });
});

describe("inclusion proof", () => {
  test("verifies for every document of a dataset", async () => {
    const { outDir, report } = await runPipeline([writeJsonl(join(tempDir(), "docs.jsonl"), generateDocuments(200))]);
    const manifest = readFileSync(join(outDir, "manifest.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { hash: string });
    assert.equal(manifest.length, report.documentsKept);
    const tree = StandardMerkleTree.of(manifest.map(({ hash }) => [hash]), ["bytes32"]);
    for (const { hash } of manifest) {
      const proof = proveDocument(outDir, hash);
      assert.equal(proof.datasetId, report.datasetId);
      assert.ok(verifyProof(report.datasetId, hash, proof.proof));
      assert.ok(StandardMerkleTree.verify(report.datasetId, ["bytes32"], [hash], proof.proof));
      assert.equal(processProof(proof.leaf as `0x${string}`, proof.proof), report.datasetId);
      assert.deepEqual(proof.proof, tree.getProof([hash]));
    }
  });

  test("fails for a document not in the dataset", async () => {
    const { outDir } = await runPipeline([writeJsonl(join(tempDir(), "docs.jsonl"), generateDocuments(20))]);
    assert.throws(() => proveDocument(outDir, hashDocument("not there")), /is not in/);
  });

  test("proof command prints a verifying proof", async () => {
    const { outDir, report } = await runPipeline([writeJsonl(join(tempDir(), "docs.jsonl"), ["첫 번째 문서입니다.", "second document here"])]);
    const result = runCli(["proof", "--dataset", outDir, "--text", "첫 번째 문서입니다.", "--json"]);
    assert.equal(result.status, 0, result.stderr);
    const proof = JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { datasetId: string; documentHash: string; proof: string[] };
    assert.equal(proof.datasetId, report.datasetId);
    assert.ok(StandardMerkleTree.verify(report.datasetId, ["bytes32"], [proof.documentHash], proof.proof));
  });

  test("tampered proof does not verify", () => {
    const hashes = hashesOf(8);
    const root = datasetRoot(hashes);
    assert.equal(verifyProof(root, hashes[0]!, [hashes[1]!, hashes[2]!, hashes[3]!]), false);
  });
});
