import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { computeCid } from "../../scripts/lib/ipfs/add-file.ts";
import { openEmbeddedNode } from "../../scripts/lib/ipfs/embedded-node.ts";
import {
  CidMismatchError,
  CidNotFoundError,
  IpfsError,
  KuboRequestError,
} from "../../scripts/lib/ipfs/errors.ts";
import { CHUNK_SIZE_BYTES } from "../../scripts/lib/ipfs/import-settings.ts";
import { openKuboBackend } from "../../scripts/lib/ipfs/kubo-backend.ts";
import { startFakeKubo } from "./fake-kubo.ts";
import { pseudoRandomBytes, tempDir, utf8 } from "./fixtures.ts";

const HELLO_WORLD_CID = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

describe("Kubo backend", () => {
  test("adds with ipfs add settings", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: kuboNode.url });
    t.after(() => kubo.close());
    const bytes = utf8("hello world\n");

    const added = await kubo.addFile(bytes);

    assert.equal(added.cid, HELLO_WORLD_CID);
    assert.equal(added.sha256, `0x${createHash("sha256").update(bytes).digest("hex")}`);
    assert.equal(added.size, bytes.length);
    const query = kuboNode.addQueries[0];
    assert.equal(query?.get("cid-version"), "0");
    assert.equal(query?.get("raw-leaves"), "false");
    assert.equal(query?.get("chunker"), "size-262144");
    assert.equal(query?.get("hash"), "sha2-256");
    assert.equal(query?.get("pin"), "true");
  });

  test("CIDv1 asks for raw leaves", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: kuboNode.url, cidVersion: 1 });
    t.after(() => kubo.close());
    const bytes = pseudoRandomBytes(3 * CHUNK_SIZE_BYTES + 1, 41);

    const { cid } = await kubo.addFile(bytes);

    assert.equal(cid, await computeCid(bytes, 1));
    assert.equal(kuboNode.addQueries[0]?.get("cid-version"), "1");
    assert.equal(kuboNode.addQueries[0]?.get("raw-leaves"), "true");
  });

  test("gives the embedded node's CID", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: kuboNode.url });
    const embedded = await openEmbeddedNode({ repoDir: await tempDir(t) });
    t.after(async () => {
      await kubo.close();
      await embedded.close();
    });
    const bytes = pseudoRandomBytes(5 * CHUNK_SIZE_BYTES + 17, 42);

    const viaKubo = await kubo.addFile(bytes);
    const viaEmbedded = await embedded.addFile(bytes);

    assert.deepEqual(viaKubo, viaEmbedded);
  });

  test("reads a file back", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: kuboNode.url });
    t.after(() => kubo.close());
    const bytes = pseudoRandomBytes(2 * CHUNK_SIZE_BYTES, 43);
    const { cid } = await kubo.addFile(bytes);

    assert.deepEqual(await kubo.getFile(cid), bytes);
    assert.ok(kuboNode.requests.some((request) => request.startsWith(`POST /api/v0/cat?arg=${cid}`)));
  });

  test("missing CID is not found", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: kuboNode.url });
    t.after(() => kubo.close());

    await assert.rejects(kubo.getFile(HELLO_WORLD_CID), (error: unknown) => {
      assert.ok(error instanceof CidNotFoundError);
      assert.equal(error.cid, HELLO_WORLD_CID);
      assert.match(error.details ?? "", /could not find/);
      return true;
    });
  });

  test("another CID from Kubo is rejected", async (t) => {
    const otherCid = "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH";
    const kuboNode = await startFakeKubo(t, { replaceCid: () => otherCid });
    const kubo = openKuboBackend({ apiUrl: kuboNode.url });
    t.after(() => kubo.close());

    await assert.rejects(kubo.addFile(utf8("hello world\n")), (error: unknown) => {
      assert.ok(error instanceof CidMismatchError);
      assert.equal(error.expectedCid, HELLO_WORLD_CID);
      assert.equal(error.actualCid, otherCid);
      assert.match(error.message, /UnixFSFileMaxLinks/);
      return true;
    });
  });

  test("RPC error names the action and URL", async (t) => {
    const kuboNode = await startFakeKubo(t);
    const kubo = openKuboBackend({ apiUrl: `${kuboNode.url}/` });
    t.after(() => kubo.close());
    await kuboNode.close();

    await assert.rejects(kubo.addFile(utf8("report\n")), (error: unknown) => {
      assert.ok(error instanceof KuboRequestError);
      assert.equal(error.apiUrl, `${kuboNode.url}/`);
      assert.match(error.message, new RegExp(`Kubo RPC add at ${kuboNode.url}/ failed`));
      assert.match(error.message, /ONETT_IPFS_API/);
      assert.match(error.details ?? "", /ECONNREFUSED/);
      return true;
    });
  });

  test("invalid API URL is rejected", () => {
    for (const apiUrl of ["", "not a url", "ftp://127.0.0.1:5001"]) {
      assert.throws(() => openKuboBackend({ apiUrl }), IpfsError, apiUrl);
    }
  });
});
