/**
 * CIDs must equal those of Kubo's `ipfs add`. No Kubo binary runs here, so the expected values are
 * CIDs published in Kubo's own tests and docs or by its users. DAG shapes that no published CID
 * covers are compared with DAGs rebuilt by hand from the dag-pb and UnixFS specifications.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import * as dagPb from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import * as Digest from "multiformats/hashes/digest";
import { sha256 } from "multiformats/hashes/sha2";
import { addFileToBlockstore, computeCid } from "../../scripts/lib/ipfs/add-file.ts";
import { CHUNK_SIZE_BYTES, MAX_LINKS_PER_NODE, type CidVersion } from "../../scripts/lib/ipfs/import-settings.ts";
import { MemoryBlockstore, pseudoRandomBytes, utf8 } from "./fixtures.ts";

const MIB = 1024 * 1024;

/**
 * `ipfs add` output for small files, from Kubo's test/sharness/t0040-add-and-cat.sh (the `echo`
 * inputs there end in a newline) and, for "hello world\n", from the go-ipfs README.
 */
const KUBO_SMALL_FILES: Array<{ text: string; cidVersion: CidVersion; cid: string }> = [
  { text: "hello world\n", cidVersion: 0, cid: "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o" },
  { text: "", cidVersion: 0, cid: "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH" },
  { text: "Hello Worlds!\n", cidVersion: 0, cid: "QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH" },
  { text: "Helloo Worlds!\n", cidVersion: 0, cid: "Qmf35k66MZNW2GijohUmXQEWKZU4cCGTCwK6idfnt152wJ" },
  { text: "Hello Mars!\n", cidVersion: 0, cid: "QmPrrHqJzto9m7SyiRzarwkqPcCSsKR2EB1AyqJfe8L8tN" },
  { text: "Hello Venus!\n", cidVersion: 0, cid: "QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4" },
  { text: "Hello Jupiter!\n", cidVersion: 0, cid: "QmUnvPcBctVTAcJpigv6KMqDvmDewksPWrNVoy1E1WP5fh" },
  { text: "Hello Neptune!\nHello Pluton!", cidVersion: 0, cid: "QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3" },
  { text: "", cidVersion: 1, cid: "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku" },
  { text: "Hello Mars!\n", cidVersion: 1, cid: "bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4" },
  { text: "Hello Venus!\n", cidVersion: 1, cid: "bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca" },
];

/**
 * `dd if=/dev/zero bs=1M count=N | ipfs add` with go-ipfs 0.4.11, from the README of
 * SupraSummus/ipfs-api-mount. 10 MiB is 40 chunks under one root; 100 MiB is 400 chunks, more
 * than 174, so its root has a second level.
 */
const KUBO_ZERO_FILES = [
  { mebibytes: 10, cid: "QmaJ6kN9fW3TKpVkpf1NuW7cjhHjNp5Jwr3cQuHzsoZWkJ" },
  { mebibytes: 100, cid: "Qmca3PNFKuZnYkiVv1FpcV1AfDUm4qCSHoYjPTBqDAsyk8" },
];

/**
 * Helia's interop suite added a 10 MiB file to Kubo and read back 41 blocks (a root with 40 links)
 * totalling 10488250 bytes. With fixed-size chunks the total does not depend on the content.
 */
const KUBO_10_MIB_DAG_BYTES = 10_488_250;

describe("CIDs match ipfs add", () => {
  test("small files, both CID versions", async () => {
    for (const { text, cidVersion, cid } of KUBO_SMALL_FILES) {
      assert.equal(await computeCid(utf8(text), cidVersion), cid, `${JSON.stringify(text)} with CIDv${cidVersion}`);
    }
  });

  test("zero-filled files of 10 and 100 MiB", async () => {
    for (const { mebibytes, cid } of KUBO_ZERO_FILES) {
      assert.equal(await computeCid(new Uint8Array(mebibytes * MIB), 0), cid, `${mebibytes} MiB of zeros`);
    }
  });

  test("10 MiB DAG has Kubo's block count and size", async () => {
    const store = new MemoryBlockstore();
    const { cid } = await addFileToBlockstore(store, pseudoRandomBytes(10 * MIB), 0);

    const root = dagPb.decode(store.block(CID.parse(cid)));
    assert.equal(root.Links.length, 40);
    assert.equal(store.blocks.size, 41);
    const totalBytes = [...store.blocks.values()].reduce((sum, block) => sum + block.length, 0);
    assert.equal(totalBytes, KUBO_10_MIB_DAG_BYTES);
  });
});

describe("DAG layout rebuilt by hand", () => {
  // Lengths that give a partial last chunk, an exact multiple of the chunk size, and more leaves
  // than one node can link (a second level: 174 full leaves under the first child, 3 under the second).
  const cases = [
    { name: "3 chunks plus a tail", length: 3 * CHUNK_SIZE_BYTES + 1000 },
    { name: "exactly 2 chunks", length: 2 * CHUNK_SIZE_BYTES },
    { name: "two-level tree", length: (MAX_LINKS_PER_NODE + 2) * CHUNK_SIZE_BYTES + 5 },
  ];

  for (const cidVersion of [0, 1] as const) {
    for (const { name, length } of cases) {
      test(`CIDv${cidVersion}: ${name}`, async () => {
        const bytes = pseudoRandomBytes(length, length + cidVersion);
        const store = new MemoryBlockstore();
        const { cid } = await addFileToBlockstore(store, bytes, cidVersion);

        const expected = buildBalancedDag(bytes, cidVersion);
        assert.equal(cid, expected.cid.toString());
        assert.equal(store.blocks.size, expected.blockCount);
      });
    }
  }

  test("two-level tree has 174 leaves under the first child", async () => {
    const length = (MAX_LINKS_PER_NODE + 2) * CHUNK_SIZE_BYTES + 5;
    const store = new MemoryBlockstore();
    const { cid } = await addFileToBlockstore(store, pseudoRandomBytes(length, 7), 0);

    const root = dagPb.decode(store.block(CID.parse(cid)));
    const rootData = UnixFS.unmarshal(root.Data ?? new Uint8Array());
    assert.equal(root.Links.length, 2);
    assert.equal(rootData.type, "file");
    assert.equal(rootData.fileSize(), BigInt(length));
    assert.deepEqual(rootData.blockSizes, [
      BigInt(MAX_LINKS_PER_NODE * CHUNK_SIZE_BYTES),
      BigInt(2 * CHUNK_SIZE_BYTES + 5),
    ]);

    const [first, second] = root.Links.map((link) => dagPb.decode(store.block(link.Hash)));
    assert.equal(first?.Links.length, MAX_LINKS_PER_NODE);
    assert.equal(second?.Links.length, 3);
    for (const link of first?.Links ?? []) {
      const leaf = dagPb.decode(store.block(link.Hash));
      const leafData = UnixFS.unmarshal(leaf.Data ?? new Uint8Array());
      assert.equal(link.Hash.version, 0, "CIDv0 leaves");
      assert.equal(leaf.Links.length, 0);
      assert.equal(leafData.type, "file", "leaves are dag-pb UnixFS files, not raw blocks");
      assert.equal(leafData.data?.length, CHUNK_SIZE_BYTES);
    }
  });

  test("CIDv1 leaves are raw blocks", async () => {
    const bytes = pseudoRandomBytes(2 * CHUNK_SIZE_BYTES + 10, 3);
    const store = new MemoryBlockstore();
    const { cid } = await addFileToBlockstore(store, bytes, 1);

    const rootCid = CID.parse(cid);
    assert.equal(rootCid.version, 1);
    assert.equal(rootCid.code, dagPb.code);
    const root = dagPb.decode(store.block(rootCid));
    const leafLengths = root.Links.map((link) => {
      assert.equal(link.Hash.code, raw.code);
      return store.block(link.Hash).length;
    });
    assert.deepEqual(leafLengths, [CHUNK_SIZE_BYTES, CHUNK_SIZE_BYTES, 10]);
  });

  test("single chunk is its own root", async () => {
    const bytes = pseudoRandomBytes(CHUNK_SIZE_BYTES, 5);
    const v0 = CID.parse(await computeCid(bytes, 0));
    const v1 = CID.parse(await computeCid(bytes, 1));

    assert.equal(v0.toString(), leafCid(bytes, 0).toString());
    assert.equal(v1.toString(), leafCid(bytes, 1).toString());
    assert.equal(v1.code, raw.code);
  });
});

interface DagNode {
  cid: CID;
  /** Bytes of file content below this node. */
  fileSize: number;
  /** Size of this block plus every block below it, as dag-pb links record it (Tsize). */
  cumulativeSize: number;
  blockCount: number;
}

/**
 * Builds the DAG that `ipfs add` makes, from the specifications rather than the importer. Chunks
 * of 256 KiB become leaves: dag-pb UnixFS file nodes for CIDv0, raw blocks for CIDv1. Then nodes
 * are grouped 174 at a time, left to right, into UnixFS file nodes whose links have an empty name,
 * until one root remains.
 */
function buildBalancedDag(bytes: Uint8Array, cidVersion: CidVersion): DagNode {
  let level: DagNode[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_SIZE_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_SIZE_BYTES);
    const block = leafBlock(chunk, cidVersion);
    level.push({ cid: leafCid(chunk, cidVersion), fileSize: chunk.length, cumulativeSize: block.length, blockCount: 1 });
  }
  if (level.length === 1) return level[0]!;

  while (level.length > 1) {
    const parents: DagNode[] = [];
    for (let start = 0; start < level.length; start += MAX_LINKS_PER_NODE) {
      parents.push(parentNode(level.slice(start, start + MAX_LINKS_PER_NODE), cidVersion));
    }
    level = parents;
  }
  return level[0]!;
}

function parentNode(children: DagNode[], cidVersion: CidVersion): DagNode {
  const data = new UnixFS({ type: "file", blockSizes: children.map((child) => BigInt(child.fileSize)) });
  const block = dagPb.encode({
    Data: data.marshal(),
    Links: children.map((child) => ({ Hash: child.cid, Name: "", Tsize: child.cumulativeSize })),
  });
  return {
    cid: cidOf(block, cidVersion, dagPb.code),
    fileSize: children.reduce((sum, child) => sum + child.fileSize, 0),
    cumulativeSize: block.length + children.reduce((sum, child) => sum + child.cumulativeSize, 0),
    blockCount: 1 + children.reduce((sum, child) => sum + child.blockCount, 0),
  };
}

function leafBlock(chunk: Uint8Array, cidVersion: CidVersion): Uint8Array {
  if (cidVersion === 1) return chunk;
  return dagPb.encode({ Data: new UnixFS({ type: "file", data: chunk }).marshal(), Links: [] });
}

function leafCid(chunk: Uint8Array, cidVersion: CidVersion): CID {
  return cidOf(leafBlock(chunk, cidVersion), cidVersion, cidVersion === 1 ? raw.code : dagPb.code);
}

function cidOf(block: Uint8Array, cidVersion: CidVersion, codec: number): CID {
  const digest = Digest.create(sha256.code, createHash("sha256").update(block).digest());
  return cidVersion === 0 ? CID.createV0(digest as Parameters<typeof CID.createV0>[0]) : CID.createV1(codec, digest);
}
