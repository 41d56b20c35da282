import { keccak_256 } from "@noble/hashes/sha3.js";

/** Dataset id of a dataset that kept no documents. */
export const EMPTY_ROOT = "0x" + "00".repeat(32);

/**
 * Leaf of one document hash, as OpenZeppelin's StandardMerkleTree builds it for leaf type
 * bytes32: keccak256(keccak256(abi.encode(hash))). Hashing twice keeps a leaf from ever being
 * read as an inner node (a second-preimage attack).
 */
export function leafOf(documentHash: string): Uint8Array {
  return keccak_256(keccak_256(hexToBytes(documentHash)));
}

/**
 * A Merkle tree laid out as @openzeppelin/merkle-tree lays it out: leaves sorted by value at the
 * end of one array of 2n-1 nodes in reverse order, node i hashing the sorted pair of nodes 2i+1
 * and 2i+2. The root therefore equals StandardMerkleTree's root, and proofs verify with
 * OpenZeppelin's MerkleProof. Nodes live in one Buffer (32 bytes each), not as JS objects.
 */
export class MerkleTree {
  readonly #nodes: Buffer;
  readonly #leafCount: number;

  constructor(sortedLeaves: Buffer) {
    const count = sortedLeaves.length / 32;
    if (!Number.isInteger(count) || count === 0) throw new RangeError("a Merkle tree needs at least one 32-byte leaf");
    this.#leafCount = count;
    this.#nodes = Buffer.alloc(32 * (2 * count - 1));
    const total = 2 * count - 1;
    for (let i = 0; i < count; i++) sortedLeaves.copy(this.#nodes, 32 * (total - 1 - i), 32 * i, 32 * i + 32);
    for (let i = total - 1 - count; i >= 0; i--) {
      this.#nodes.set(hashPair(this.#node(2 * i + 1), this.#node(2 * i + 2)), 32 * i);
    }
  }

  get root(): string {
    return "0x" + Buffer.from(this.#node(0)).toString("hex");
  }

  /** Returns the sibling hashes from the leaf at `sortedIndex` (position in sorted order) up to the root. */
  proof(sortedIndex: number): string[] {
    if (sortedIndex < 0 || sortedIndex >= this.#leafCount) throw new RangeError(`leaf index ${sortedIndex} is out of range`);
    const proof: string[] = [];
    let index = 2 * this.#leafCount - 2 - sortedIndex;
    while (index > 0) {
      const sibling = index % 2 === 1 ? index + 1 : index - 1;
      proof.push("0x" + Buffer.from(this.#node(sibling)).toString("hex"));
      index = (index - 1) >> 1;
    }
    return proof;
  }

  #node(index: number): Uint8Array {
    return this.#nodes.subarray(32 * index, 32 * index + 32);
  }
}

/** Sorts 32-byte leaves in place by their bytes, the order StandardMerkleTree uses. */
export function sortLeaves(leaves: Buffer): Buffer {
  const count = leaves.length / 32;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) =>
    Buffer.compare(leaves.subarray(32 * a, 32 * a + 32), leaves.subarray(32 * b, 32 * b + 32)),
  );
  const sorted = Buffer.alloc(leaves.length);
  order.forEach((from, to) => leaves.copy(sorted, 32 * to, 32 * from, 32 * from + 32));
  return sorted;
}

/** Computes the dataset id: the Merkle root over the document hashes, in any order. */
export function datasetRoot(documentHashes: Iterable<string>): string {
  const chunks: Uint8Array[] = [];
  for (const hash of documentHashes) chunks.push(leafOf(hash));
  if (chunks.length === 0) return EMPTY_ROOT;
  return new MerkleTree(sortLeaves(Buffer.concat(chunks))).root;
}

/** Verifies a proof the way OpenZeppelin's MerkleProof.verify does. */
export function verifyProof(root: string, documentHash: string, proof: readonly string[]): boolean {
  let node = leafOf(documentHash);
  for (const sibling of proof) node = hashPair(node, hexToBytes(sibling));
  return "0x" + Buffer.from(node).toString("hex") === root.toLowerCase();
}

function hashPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  const pair = new Uint8Array(64);
  const [first, second] = Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
  pair.set(first, 0);
  pair.set(second, 32);
  return keccak_256(pair);
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw new TypeError(`expected a 0x-prefixed 32-byte hex value, got ${hex}`);
  return Buffer.from(hex.slice(2), "hex");
}
