import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test, type TestContext } from "node:test";
import { CID } from "multiformats/cid";
import { computeCid } from "../../scripts/lib/ipfs/add-file.ts";
import { openEmbeddedNode } from "../../scripts/lib/ipfs/embedded-node.ts";
import {
  GatewayRequestError,
  InvalidCidError,
  InvalidSha256Error,
  IpfsError,
  ReportHashMismatchError,
  ReportNotFoundError,
} from "../../scripts/lib/ipfs/errors.ts";
import { fetchVerified, type RetryInfo } from "../../scripts/lib/ipfs/fetch-verified.ts";
import { startGateway } from "../../scripts/lib/ipfs/gateway.ts";
import { CHUNK_SIZE_BYTES } from "../../scripts/lib/ipfs/import-settings.ts";
import { pseudoRandomBytes, startLocalServer, tempDir, utf8 } from "./fixtures.ts";

const REPORT = utf8('{"dataset":"0x01","tokens":1234567,"removed":{"pii":12,"dedup":340}}\n');
const REPORT_SHA256 = sha256Of(REPORT);
const REPORT_CID = await computeCid(REPORT, 0);
/** Fast retries, so that retry tests take milliseconds. */
const QUICK = { retryDelayMs: 5, timeoutMs: 2_000 } as const;

function sha256Of(bytes: Uint8Array): string {
  return `0x${createHash("sha256").update(bytes).digest("hex")}`;
}

/** Publishes `bytes` on an embedded node behind a gateway. Both stop when the test ends. */
async function publishReport(t: TestContext, bytes: Uint8Array = REPORT) {
  const repoDir = await tempDir(t);
  const node = await openEmbeddedNode({ repoDir });
  const gateway = await startGateway(node, { onError: () => {} });
  t.after(async () => {
    await gateway.close();
    await node.close();
  });
  const added = await node.addFile(bytes);
  return { gateway, repoDir, ...added };
}

async function flipLastByteOfBlock(repoDir: string, skip: (bytes: Buffer) => boolean = () => false) {
  const entries = await readdir(join(repoDir, "blocks"), { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    if (skip(bytes)) continue;
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    await writeFile(path, bytes);
    return;
  }
  throw new Error("no block to change");
}

describe("fetchVerified", () => {
  test("returns bytes with the expected sha256", async (t) => {
    const { gateway, cid, sha256 } = await publishReport(t);

    const bytes = await fetchVerified(gateway.url, cid, sha256);

    assert.equal(cid, REPORT_CID);
    assert.equal(sha256, REPORT_SHA256);
    assert.deepEqual(bytes, REPORT);
  });

  test("accepts sha256 without 0x, in capitals", async (t) => {
    const { gateway, cid } = await publishReport(t);

    const bytes = await fetchVerified(`${gateway.url}/`, cid, REPORT_SHA256.slice(2).toUpperCase());

    assert.deepEqual(bytes, REPORT);
  });

  test("changed bytes fail as report changed", async (t) => {
    const served = utf8('{"dataset":"0x01","tokens":9999999}\n');
    const server = await startLocalServer(t, (_request, response) => response.end(served));

    const failure = fetchVerified(server.url, REPORT_CID, REPORT_SHA256, QUICK);

    await assert.rejects(failure, (error: unknown) => {
      assert.ok(error instanceof ReportHashMismatchError);
      assert.equal(error.cid, REPORT_CID);
      assert.equal(error.expectedSha256, REPORT_SHA256);
      assert.equal(error.actualSha256, sha256Of(served));
      assert.match(error.message, /^Report changed/);
      assert.ok(error.message.includes(REPORT_CID));
      assert.ok(error.message.includes(REPORT_SHA256));
      assert.ok(error.message.includes(sha256Of(served)));
      assert.match(error.message, /Fetch it from another gateway/);
      return true;
    });
    assert.deepEqual(server.requests, [`GET /ipfs/${REPORT_CID}`]);
  });

  test("wrong expected sha256 fails", async (t) => {
    const { gateway, cid } = await publishReport(t);
    const other = sha256Of(utf8("another report\n"));

    await assert.rejects(fetchVerified(gateway.url, cid, other, QUICK), ReportHashMismatchError);
  });

  test("missing CID fails as not found", async (t) => {
    const { gateway } = await publishReport(t);
    const absent = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";

    await assert.rejects(fetchVerified(gateway.url, absent, REPORT_SHA256, QUICK), (error: unknown) => {
      assert.ok(error instanceof ReportNotFoundError);
      assert.equal(error.cid, absent);
      assert.equal(error.status, 404);
      assert.match(error.message, /^Report not found under that CID/);
      return true;
    });
  });

  test("404 is not retried", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      response.statusCode = 404;
      response.end("not found");
    });

    await assert.rejects(fetchVerified(server.url, REPORT_CID, REPORT_SHA256, QUICK), ReportNotFoundError);
    assert.equal(server.requests.length, 1);
  });

  test("retries two 500s, then succeeds", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      if (server.requests.length <= 2) {
        response.statusCode = 500;
        response.end("temporarily broken");
        return;
      }
      response.end(REPORT);
    });
    const retries: RetryInfo[] = [];

    const bytes = await fetchVerified(server.url, REPORT_CID, REPORT_SHA256, {
      ...QUICK,
      onRetry: (retry) => retries.push(retry),
    });

    assert.deepEqual(bytes, REPORT);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(
      retries.map(({ attempt, delayMs, status }) => ({ attempt, delayMs, status })),
      [
        { attempt: 1, delayMs: 5, status: 500 },
        { attempt: 2, delayMs: 10, status: 500 },
      ],
    );
  });

  test("gives up after the last attempt", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      response.statusCode = 503;
      response.end("gateway overloaded");
    });

    await assert.rejects(fetchVerified(server.url, REPORT_CID, REPORT_SHA256, { ...QUICK, attempts: 4 }), (error: unknown) => {
      assert.ok(error instanceof GatewayRequestError);
      assert.equal(error.attempts, 4);
      assert.equal(error.status, 503);
      assert.match(error.message, new RegExp(`Fetching CID ${REPORT_CID} from .* failed after 4 attempt\\(s\\): HTTP 503`));
      assert.match(error.details ?? "", /gateway overloaded/);
      return true;
    });
    assert.equal(server.requests.length, 4);
  });

  test("refused connection is retried, then named", async (t) => {
    const server = await startLocalServer(t, () => {});
    await server.close();

    await assert.rejects(fetchVerified(server.url, REPORT_CID, REPORT_SHA256, QUICK), (error: unknown) => {
      assert.ok(error instanceof GatewayRequestError);
      assert.equal(error.attempts, 3);
      assert.match(error.message, /ECONNREFUSED/);
      return true;
    });
  });

  test("times out a gateway that never responds", async (t) => {
    const server = await startLocalServer(t, () => {});
    const started = Date.now();

    await assert.rejects(
      fetchVerified(server.url, REPORT_CID, REPORT_SHA256, { timeoutMs: 100, attempts: 2, retryDelayMs: 5 }),
      (error: unknown) => {
        assert.ok(error instanceof GatewayRequestError);
        assert.equal(error.status, undefined);
        assert.match(error.message, /no complete response within 100 ms/);
        return true;
      },
    );
    assert.equal(server.requests.length, 2);
    assert.ok(Date.now() - started < 2_000, "each attempt stops at its timeout");
  });

  test("times out a body that stalls", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      response.writeHead(200, { "Content-Length": String(REPORT.length) });
      response.write(REPORT.subarray(0, 10));
    });

    await assert.rejects(
      fetchVerified(server.url, REPORT_CID, REPORT_SHA256, { timeoutMs: 100, attempts: 1 }),
      /no complete response within 100 ms/,
    );
  });

  test("403 is not retried", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      response.statusCode = 403;
      response.end("forbidden");
    });

    await assert.rejects(fetchVerified(server.url, REPORT_CID, REPORT_SHA256, QUICK), (error: unknown) => {
      assert.ok(error instanceof GatewayRequestError);
      assert.equal(error.status, 403);
      return true;
    });
    assert.equal(server.requests.length, 1);
  });

  test("rejects a body over maxBytes", async (t) => {
    const server = await startLocalServer(t, (_request, response) => response.end(new Uint8Array(1000)));

    await assert.rejects(
      fetchVerified(server.url, REPORT_CID, REPORT_SHA256, { ...QUICK, maxBytes: 100 }),
      (error: unknown) => {
        assert.ok(error instanceof GatewayRequestError);
        assert.match(error.details ?? "", /more than 100 bytes/);
        return true;
      },
    );
  });

  test("keeps the gateway's path prefix", async (t) => {
    const server = await startLocalServer(t, (request, response) => {
      response.statusCode = request.url === `/gateway/ipfs/${REPORT_CID}` ? 200 : 404;
      response.end(REPORT);
    });

    assert.deepEqual(await fetchVerified(`${server.url}/gateway`, REPORT_CID, REPORT_SHA256, QUICK), REPORT);
  });

  test("invalid arguments fetch nothing", async (t) => {
    const server = await startLocalServer(t, (_request, response) => response.end(REPORT));

    await assert.rejects(fetchVerified(server.url, "Qm-not-a-cid", REPORT_SHA256), InvalidCidError);
    await assert.rejects(fetchVerified(server.url, REPORT_CID, "0x1234"), InvalidSha256Error);
    await assert.rejects(fetchVerified("ftp://127.0.0.1/", REPORT_CID, REPORT_SHA256), IpfsError);
    await assert.rejects(fetchVerified("not a url", REPORT_CID, REPORT_SHA256), IpfsError);
    assert.equal(server.requests.length, 0);
  });

  test("abort stops the retries", async (t) => {
    const server = await startLocalServer(t, (_request, response) => {
      response.statusCode = 500;
      response.end();
    });
    const controller = new AbortController();
    const reason = new Error("verification cancelled");

    const failure = fetchVerified(server.url, REPORT_CID, REPORT_SHA256, {
      retryDelayMs: 60_000,
      signal: controller.signal,
      onRetry: () => controller.abort(reason),
    });

    await assert.rejects(failure, (error: unknown) => error === reason);
    assert.equal(server.requests.length, 1);
  });
});

describe("fetchVerified against a corrupt store", () => {
  test("changed single block fails", async (t) => {
    const { gateway, repoDir, cid, sha256 } = await publishReport(t);
    await flipLastByteOfBlock(repoDir);

    await assert.rejects(fetchVerified(gateway.url, cid, sha256, { ...QUICK, attempts: 2 }), (error: unknown) => {
      assert.ok(error instanceof GatewayRequestError);
      assert.equal(error.status, 500);
      assert.match(error.details ?? "", new RegExp(`Block ${cid} in the local IPFS store does not match its CID`));
      return true;
    });
  });

  test("changed leaf block fails", async (t) => {
    const bytes = pseudoRandomBytes(6 * CHUNK_SIZE_BYTES, 31);
    const { gateway, repoDir, cid, sha256 } = await publishReport(t, bytes);
    const rootDigest = CID.parse(cid).multihash.digest;
    const isRoot = (block: Buffer) => createHash("sha256").update(block).digest().equals(rootDigest);
    await flipLastByteOfBlock(repoDir, isRoot);

    await assert.rejects(fetchVerified(gateway.url, cid, sha256, { ...QUICK, attempts: 2 }), GatewayRequestError);
  });
});
