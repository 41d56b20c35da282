import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test, type TestContext } from "node:test";
import { unixfs } from "@helia/unixfs";
import { FsBlockstore } from "blockstore-fs";
import { CID } from "multiformats/cid";
import { openEmbeddedNode } from "../../scripts/lib/ipfs/embedded-node.ts";
import {
  BlockVerificationError,
  CidNotFoundError,
  InvalidCidError,
  NotAFileError,
} from "../../scripts/lib/ipfs/errors.ts";
import { CHUNK_SIZE_BYTES } from "../../scripts/lib/ipfs/import-settings.ts";
import { pseudoRandomBytes, tempDir, utf8 } from "./fixtures.ts";

const HELLO_WORLD_CID = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

async function openTempNode(t: TestContext, cidVersion: 0 | 1 = 0) {
  const repoDir = await tempDir(t);
  const node = await openEmbeddedNode({ repoDir, cidVersion });
  t.after(() => node.close());
  return { node, repoDir };
}

/** Returns the paths of every block file in a repository. */
async function blockFiles(repoDir: string): Promise<string[]> {
  const entries = await readdir(join(repoDir, "blocks"), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Returns the block file whose content hashes to the digest in `cid`. */
async function blockFileOf(repoDir: string, cid: CID): Promise<string> {
  const multihash = Buffer.from(cid.multihash.bytes);
  for (const file of await blockFiles(repoDir)) {
    const bytes = await readFile(file);
    if (createHash("sha256").update(bytes).digest().equals(multihash.subarray(2))) return file;
  }
  throw new Error(`no block file for ${cid}`);
}

async function flipFirstByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[0] = bytes[0]! ^ 0xff;
  await writeFile(file, bytes);
}

function sha256Of(bytes: Uint8Array): string {
  return `0x${createHash("sha256").update(bytes).digest("hex")}`;
}

describe("embedded node", () => {
  test("adds and reads a small file", async (t) => {
    const { node } = await openTempNode(t);
    const bytes = utf8("hello world\n");

    const added = await node.addFile(bytes);

    assert.equal(added.cid, HELLO_WORLD_CID);
    assert.equal(added.sha256, sha256Of(bytes));
    assert.equal(added.size, 12);
    assert.deepEqual(await node.getFile(added.cid), bytes);
    assert.deepEqual(await node.statFile(added.cid), { cid: HELLO_WORLD_CID, size: 12 });
  });

  test("round-trips a multi-chunk file", async (t) => {
    const { node, repoDir } = await openTempNode(t);
    const bytes = pseudoRandomBytes(4 * CHUNK_SIZE_BYTES + 7, 11);

    const added = await node.addFile(bytes);

    assert.deepEqual(await node.getFile(added.cid), bytes);
    assert.equal((await node.statFile(added.cid)).size, bytes.length);
    assert.equal((await blockFiles(repoDir)).length, 6, "5 leaves and a root");
  });

  test("keeps files across close and reopen", async (t) => {
    const repoDir = await tempDir(t);
    const bytes = pseudoRandomBytes(CHUNK_SIZE_BYTES + 1, 12);
    const first = await openEmbeddedNode({ repoDir });
    const { cid } = await first.addFile(bytes);
    await first.close();

    const second = await openEmbeddedNode({ repoDir });
    t.after(() => second.close());

    assert.deepEqual(await second.getFile(cid), bytes);
  });

  test("CIDv1 node stores raw leaves", async (t) => {
    const { node } = await openTempNode(t, 1);
    const small = utf8("Hello Mars!\n");
    const large = pseudoRandomBytes(2 * CHUNK_SIZE_BYTES + 3, 13);

    const smallCid = (await node.addFile(small)).cid;
    const largeCid = (await node.addFile(large)).cid;

    assert.equal(smallCid, "bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4");
    assert.equal(CID.parse(largeCid).version, 1);
    assert.deepEqual(await node.getFile(smallCid), small);
    assert.deepEqual(await node.getFile(largeCid), large);
  });

  test("reads a CIDv0 file by its CIDv1", async (t) => {
    const { node } = await openTempNode(t);
    const bytes = utf8("hello world\n");
    const { cid } = await node.addFile(bytes);

    const cidV1 = CID.parse(cid).toV1().toString();

    assert.deepEqual(await node.getFile(cidV1), bytes);
  });

  test("missing CID is not found", async (t) => {
    const { node } = await openTempNode(t);

    await assert.rejects(node.getFile(HELLO_WORLD_CID), (error: unknown) => {
      assert.ok(error instanceof CidNotFoundError);
      assert.equal(error.cid, HELLO_WORLD_CID);
      assert.match(error.message, /1tt publish/);
      return true;
    });
    await assert.rejects(node.statFile(HELLO_WORLD_CID), CidNotFoundError);
  });

  test("invalid CID is rejected", async (t) => {
    const { node } = await openTempNode(t);

    for (const text of ["", "not-a-cid", "Qm123", "bafy!"]) {
      await assert.rejects(node.getFile(text), InvalidCidError, JSON.stringify(text));
    }
  });

  test("changed root block fails verification", async (t) => {
    const { node, repoDir } = await openTempNode(t);
    const { cid } = await node.addFile(utf8("report v1\n"));
    await flipFirstByte(await blockFileOf(repoDir, CID.parse(cid)));

    await assert.rejects(node.getFile(cid), (error: unknown) => {
      assert.ok(error instanceof BlockVerificationError);
      assert.equal(error.cid, cid);
      assert.match(error.message, /does not match its CID/);
      return true;
    });
  });

  test("changed leaf block fails verification", async (t) => {
    const { node, repoDir } = await openTempNode(t);
    const bytes = pseudoRandomBytes(3 * CHUNK_SIZE_BYTES, 14);
    const { cid } = await node.addFile(bytes);
    const rootFile = await blockFileOf(repoDir, CID.parse(cid));
    const leafFile = (await blockFiles(repoDir)).find((file) => file !== rootFile);
    assert.ok(leafFile !== undefined);
    await flipFirstByte(leafFile);

    await assert.rejects(node.getFile(cid), (error: unknown) => {
      assert.ok(error instanceof BlockVerificationError);
      assert.notEqual(error.cid, cid, "names the leaf, not the root");
      return true;
    });
  });

  test("directory CID is not a file", async (t) => {
    const { node, repoDir } = await openTempNode(t);
    const directoryCid = await unixfs({ blockstore: new FsBlockstore(join(repoDir, "blocks")) }).addDirectory();

    await assert.rejects(node.getFile(directoryCid.toString()), NotAFileError);
    await assert.rejects(node.statFile(directoryCid.toString()), NotAFileError);
  });

  test("closed node rejects calls", async (t) => {
    const { node } = await openTempNode(t);
    await node.close();

    await assert.rejects(node.addFile(utf8("late")), /closed/);
    await assert.rejects(node.getFile(HELLO_WORLD_CID), /closed/);
  });

  test("opens no socket and no listener", async (t) => {
    const sockets: unknown[] = [];
    const onSocket = (message: unknown) => sockets.push(message);
    diagnosticsChannel.subscribe("net.client.socket", onSocket);
    t.after(() => diagnosticsChannel.unsubscribe("net.client.socket", onSocket));
    const listenersBefore = countListeners();

    const { node } = await openTempNode(t);
    const { cid } = await node.addFile(pseudoRandomBytes(CHUNK_SIZE_BYTES * 2, 15));
    await node.getFile(cid);
    await assert.rejects(node.getFile(HELLO_WORLD_CID), CidNotFoundError);

    assert.equal(sockets.length, 0, "client sockets opened");
    assert.equal(countListeners(), listenersBefore, "TCP or UDP listeners opened");
  });
});

function countListeners(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === "TCPServerWrap" || kind === "UDPWrap").length;
}
