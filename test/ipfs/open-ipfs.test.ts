import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, test, type TestContext } from "node:test";
import { fileURLToPath } from "node:url";
import { computeCid } from "../../scripts/lib/ipfs/add-file.ts";
import { CidNotFoundError } from "../../scripts/lib/ipfs/errors.ts";
import { CHUNK_SIZE_BYTES } from "../../scripts/lib/ipfs/import-settings.ts";
import { IPFS_API_ENV, ipfsConfigFromEnv, openIpfs } from "../../scripts/lib/ipfs/open-ipfs.ts";
import type { IpfsBackend } from "../../scripts/lib/ipfs/types.ts";
import { startFakeKubo } from "./fake-kubo.ts";
import { pseudoRandomBytes, tempDir } from "./fixtures.ts";

const REPOSITORY_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Opens each backend kind from environment variables, through ipfsConfigFromEnv. */
const backends: Record<string, (t: TestContext) => Promise<IpfsBackend>> = {
  embedded: async (t) => openIpfs({ ...ipfsConfigFromEnv({}), projectRoot: await tempDir(t) }),
  kubo: async (t) => openIpfs(ipfsConfigFromEnv({ [IPFS_API_ENV]: (await startFakeKubo(t)).url })),
};

describe("openIpfs", () => {
  for (const [kind, open] of Object.entries(backends)) {
    test(`${kind}: round-trips a file`, async (t) => {
      const ipfs = await open(t);
      t.after(() => ipfs.close());
      const bytes = pseudoRandomBytes(2 * CHUNK_SIZE_BYTES + 9, 51);

      const added = await ipfs.addFile(bytes);

      assert.equal(ipfs.kind, kind);
      assert.equal(added.cid, await computeCid(bytes, 0));
      assert.equal(added.size, bytes.length);
      assert.deepEqual(await ipfs.getFile(added.cid), bytes);
    });

    test(`${kind}: missing CID is not found`, async (t) => {
      const ipfs = await open(t);
      t.after(() => ipfs.close());

      await assert.rejects(ipfs.getFile("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"), CidNotFoundError);
    });
  }

  test("embedded repo defaults to .1tt/ipfs", async (t) => {
    const projectRoot = await tempDir(t);
    const ipfs = await openIpfs({ projectRoot });
    t.after(() => ipfs.close());

    assert.equal(ipfs.kind, "embedded");
    assert.equal(ipfs.kind === "embedded" ? ipfs.repoDir : "", join(projectRoot, ".1tt", "ipfs"));
    assert.ok((await stat(join(projectRoot, ".1tt", "ipfs", "blocks"))).isDirectory());
  });

  test("project root defaults to this repository", async (t) => {
    const ipfs = await openIpfs();
    t.after(() => ipfs.close());

    assert.equal(ipfs.kind === "embedded" ? ipfs.repoDir : "", join(REPOSITORY_ROOT, ".1tt", "ipfs"));
  });

  test("passes the CID version on", async (t) => {
    const ipfs = await openIpfs({ projectRoot: await tempDir(t), cidVersion: 1 });
    t.after(() => ipfs.close());

    assert.equal(ipfs.cidVersion, 1);
    assert.match((await ipfs.addFile(new Uint8Array([1, 2, 3]))).cid, /^bafk/);
  });
});

describe("ipfsConfigFromEnv", () => {
  test("reads only ONETT_IPFS_API", () => {
    assert.deepEqual(ipfsConfigFromEnv({ ONETT_IPFS_API: " http://127.0.0.1:5001 " }), {
      kuboApiUrl: "http://127.0.0.1:5001",
    });
    assert.deepEqual(ipfsConfigFromEnv({ ONETT_IPFS_API: "  " }), {});
    assert.deepEqual(ipfsConfigFromEnv({}), {});
  });
});
