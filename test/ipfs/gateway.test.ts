import assert from "node:assert/strict";
import diagnosticsChannel from "node:diagnostics_channel";
import { readdir, readFile, writeFile } from "node:fs/promises";
import type { Socket } from "node:net";
import { join } from "node:path";
import { describe, test, type TestContext } from "node:test";
import { unixfs } from "@helia/unixfs";
import { FsBlockstore } from "blockstore-fs";
import { openEmbeddedNode } from "../../scripts/lib/ipfs/embedded-node.ts";
import { BlockVerificationError, IpfsError } from "../../scripts/lib/ipfs/errors.ts";
import { startGateway } from "../../scripts/lib/ipfs/gateway.ts";
import { CHUNK_SIZE_BYTES } from "../../scripts/lib/ipfs/import-settings.ts";
import { pseudoRandomBytes, tempDir, utf8 } from "./fixtures.ts";

/** A valid CID that no test stores ("hello world\n" under ipfs add). */
const ABSENT_CID = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

/** Opens a node in a temporary repository and a gateway over it. Both stop when the test ends. */
async function startTestGateway(t: TestContext) {
  const repoDir = await tempDir(t);
  const node = await openEmbeddedNode({ repoDir });
  const errors: Array<{ error: unknown; path: string }> = [];
  const gateway = await startGateway(node, { onError: (error, path) => errors.push({ error, path }) });
  t.after(async () => {
    await gateway.close();
    await node.close();
  });
  return { node, gateway, errors, repoDir };
}

describe("gateway", () => {
  test("listens on 127.0.0.1 on a free port", async (t) => {
    const first = await startTestGateway(t);
    const second = await startTestGateway(t);

    assert.equal(first.gateway.host, "127.0.0.1");
    assert.ok(first.gateway.port > 0);
    assert.notEqual(first.gateway.port, second.gateway.port);
    assert.equal(first.gateway.url, `http://127.0.0.1:${first.gateway.port}`);
  });

  test("GET returns the file with headers", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const bytes = pseudoRandomBytes(1000, 21);
    const { cid } = await node.addFile(bytes);

    const response = await fetch(`${gateway.url}/ipfs/${cid}`);

    assert.equal(response.status, 200);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
    assert.equal(response.headers.get("content-type"), "application/octet-stream");
    assert.equal(response.headers.get("content-length"), "1000");
    assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(response.headers.get("etag"), `"${cid}"`);
    assert.equal(response.headers.get("x-ipfs-path"), `/ipfs/${cid}`);
  });

  test("sniffs HTML and JSON reports", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const cases = [
      { text: "<!DOCTYPE html>\n<html><body>report</body></html>\n", type: "text/html; charset=utf-8" },
      { text: "\n  <html lang=\"ko\"><body>보고서</body></html>", type: "text/html; charset=utf-8" },
      { text: '{"tokens": 42}\n', type: "application/json; charset=utf-8" },
      { text: "plain text, neither\n", type: "application/octet-stream" },
    ];

    for (const { text, type } of cases) {
      const { cid } = await node.addFile(utf8(text));
      const response = await fetch(`${gateway.url}/ipfs/${cid}`);
      assert.equal(response.headers.get("content-type"), type, JSON.stringify(text));
      assert.equal(await response.text(), text);
    }
  });

  test("HEAD returns headers without body", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const { cid } = await node.addFile(pseudoRandomBytes(3 * CHUNK_SIZE_BYTES, 22));

    const response = await fetch(`${gateway.url}/ipfs/${cid}`, { method: "HEAD" });

    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-length"), String(3 * CHUNK_SIZE_BYTES));
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal((await response.arrayBuffer()).byteLength, 0);
  });

  test("streams a multi-chunk file whole", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const bytes = pseudoRandomBytes(20 * CHUNK_SIZE_BYTES + 3, 23);
    const { cid } = await node.addFile(bytes);

    const response = await fetch(`${gateway.url}/ipfs/${cid}`);

    assert.equal(response.status, 200);
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), bytes);
  });

  test("CID not in the store is 404", async (t) => {
    const { gateway, errors } = await startTestGateway(t);

    const response = await fetch(`${gateway.url}/ipfs/${ABSENT_CID}`);

    assert.equal(response.status, 404);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.match(await response.text(), new RegExp(`CID ${ABSENT_CID} is not in this node's store`));
    assert.equal(errors.length, 0);
  });

  test("invalid CID is 400", async (t) => {
    const { gateway } = await startTestGateway(t);

    for (const text of ["not-a-cid", "Qm123", "%zz"]) {
      const response = await fetch(`${gateway.url}/ipfs/${text}`);
      assert.equal(response.status, 400, text);
      assert.match(await response.text(), /^Invalid CID/, text);
    }
  });

  test("directory CID is 400", async (t) => {
    const { gateway, repoDir } = await startTestGateway(t);
    const directoryCid = await unixfs({ blockstore: new FsBlockstore(join(repoDir, "blocks")) }).addDirectory();

    const response = await fetch(`${gateway.url}/ipfs/${directoryCid}`);

    assert.equal(response.status, 400);
    assert.match(await response.text(), /is not a file/);
  });

  test("other paths are 404", async (t) => {
    const { gateway } = await startTestGateway(t);

    for (const path of ["/", "/ipfs/", `/ipns/${ABSENT_CID}`, `/ipfs/${ABSENT_CID}/report.json`]) {
      const response = await fetch(`${gateway.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /serves files at \/ipfs\/<cid>/, path);
    }
  });

  test("POST is 405", async (t) => {
    const { gateway } = await startTestGateway(t);

    const response = await fetch(`${gateway.url}/ipfs/${ABSENT_CID}`, { method: "POST", body: "x" });

    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "GET, HEAD, OPTIONS");
  });

  test("OPTIONS preflight allows GET", async (t) => {
    const { gateway } = await startTestGateway(t);

    const response = await fetch(`${gateway.url}/ipfs/${ABSENT_CID}`, {
      method: "OPTIONS",
      headers: { Origin: "http://127.0.0.1:5173", "Access-Control-Request-Method": "GET" },
    });

    assert.equal(response.status, 204);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(response.headers.get("access-control-allow-methods"), "GET, HEAD, OPTIONS");
  });

  test("matching If-None-Match is 304", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const { cid } = await node.addFile(utf8("cached\n"));

    const response = await fetch(`${gateway.url}/ipfs/${cid}`, { headers: { "If-None-Match": `"${cid}"` } });

    assert.equal(response.status, 304);
    assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
  });

  test("changed block is a logged 500", async (t) => {
    const { node, gateway, errors, repoDir } = await startTestGateway(t);
    const { cid } = await node.addFile(utf8("report v1\n"));
    const blocksDir = join(repoDir, "blocks");
    const [file] = (await readdir(blocksDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    assert.ok(file !== undefined);
    const path = join(file.parentPath, file.name);
    const block = await readFile(path);
    block[block.length - 1] = block[block.length - 1]! ^ 0x01;
    await writeFile(path, block);

    const response = await fetch(`${gateway.url}/ipfs/${cid}`);

    assert.equal(response.status, 500);
    assert.match(await response.text(), new RegExp(`Block ${cid} in the local IPFS store does not match its CID`));
    assert.equal(errors.length, 1);
    assert.ok(errors[0]?.error instanceof BlockVerificationError);
    assert.equal(errors[0]?.path, `/ipfs/${cid}`);
  });

  test("connects only to itself while serving", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const { cid } = await node.addFile(pseudoRandomBytes(3 * CHUNK_SIZE_BYTES, 25));
    const connections: string[] = [];
    const onSocket = (message: unknown) => {
      const { socket } = message as { socket: Socket };
      socket.once("connect", () => connections.push(`${socket.remoteAddress}:${socket.remotePort}`));
    };
    diagnosticsChannel.subscribe("net.client.socket", onSocket);
    t.after(() => diagnosticsChannel.unsubscribe("net.client.socket", onSocket));

    const found = await fetch(`${gateway.url}/ipfs/${cid}`);
    await found.arrayBuffer();
    const missing = await fetch(`${gateway.url}/ipfs/${ABSENT_CID}`);
    await missing.arrayBuffer();

    assert.ok(connections.length > 0, "the test's own requests are seen");
    assert.deepEqual(new Set(connections), new Set([`127.0.0.1:${gateway.port}`]));
  });

  test("close lets a running response finish", async (t) => {
    const { node, gateway } = await startTestGateway(t);
    const bytes = pseudoRandomBytes(16 * CHUNK_SIZE_BYTES, 24);
    const { cid } = await node.addFile(bytes);

    const response = await fetch(`${gateway.url}/ipfs/${cid}`);
    const closed = gateway.close();
    const body = new Uint8Array(await response.arrayBuffer());
    await closed;

    assert.deepEqual(body, bytes);
    await assert.rejects(fetch(`${gateway.url}/ipfs/${cid}`), TypeError, "connection after close");
    await gateway.close();
  });
});

describe("gateway port", () => {
  test("reports the port it was given", async (t) => {
    const repoDir = await tempDir(t);
    const node = await openEmbeddedNode({ repoDir });
    const probe = await startGateway(node);
    const port = probe.port;
    await probe.close();

    const gateway = await startGateway(node, { port });
    t.after(async () => {
      await gateway.close();
      await node.close();
    });

    assert.equal(gateway.port, port);
  });

  test("busy port fails clearly", async (t) => {
    const { node, gateway } = await startTestGateway(t);

    await assert.rejects(startGateway(node, { port: gateway.port }), (error: unknown) => {
      assert.ok(error instanceof IpfsError);
      assert.match(error.message, new RegExp(`failed to listen on 127.0.0.1:${gateway.port}`));
      assert.match(error.details ?? "", /EADDRINUSE/);
      return true;
    });
  });
});
