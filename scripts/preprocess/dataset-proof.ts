import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidSettingError } from "./errors.ts";
import { leafOf, MerkleTree, sortLeaves } from "./merkle.ts";
import { MANIFEST_FILE } from "./write-dataset.ts";

export interface DocumentProof {
  datasetId: string;
  documentHash: string;
  /** Leaf that OpenZeppelin's MerkleProof verifies: keccak256(keccak256(documentHash)). */
  leaf: string;
  proof: string[];
}

/** Builds the inclusion proof of one document hash against the dataset id of a dataset folder. */
export function proveDocument(datasetDir: string, documentHash: string): DocumentProof {
  const hash = documentHash.toLowerCase();
  const hashes = readFileSync(join(datasetDir, MANIFEST_FILE), "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as { hash: string }).hash);
  if (!hashes.includes(hash)) {
    throw new InvalidSettingError(`document ${documentHash} is not in ${join(datasetDir, MANIFEST_FILE)}; it was removed by preprocessing or belongs to another dataset.`);
  }
  const leaves = sortLeaves(Buffer.concat(hashes.map(leafOf)));
  const leaf = Buffer.from(leafOf(hash));
  let position = -1;
  for (let i = 0; i < hashes.length && position < 0; i++) if (leaves.subarray(32 * i, 32 * i + 32).equals(leaf)) position = i;
  const tree = new MerkleTree(leaves);
  return { datasetId: tree.root, documentHash: hash, leaf: "0x" + leaf.toString("hex"), proof: tree.proof(position) };
}
