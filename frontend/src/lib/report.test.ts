import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fetchAndCheckReport, parseReportSummary, REPORT_FORMAT, sha256Hex } from "./report.ts";

const report = { format: REPORT_FORMAT, datasetId: "0xab", tokenCount: 5, documentsIn: 2, documentsKept: 1, pipelineVersion: "1", tokenizer: "o200k_base", stages: [], languages: { kept: { ko: { documents: 1, tokens: 5 } } } };
const bytes = new TextEncoder().encode(JSON.stringify(report));
const CID = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
const MISSING_CID = "QmZ4tDuvesekSs4qM5ZBKpXiZGun7S2CYtEZRB3DYXkjGx";
const BROKEN_CID = "QmNLei78zWmzUdbeRB3CiUfAizWUrbeeZh5K1rhAQKCh51";

let server: http.Server;
let gatewayUrl: string;

/** Starts a gateway on 127.0.0.1 that serves one report, returns 404 for other CIDs and 502 for one. */
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === `/ipfs/${CID}`) response.writeHead(200).end(bytes);
    else if (request.url === `/ipfs/${BROKEN_CID}`) response.writeHead(502).end("bad gateway");
    else response.writeHead(404).end("not found");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await once(server, "close");
});

describe("fetchAndCheckReport", () => {
  it("accepts a report whose sha256 matches the on-chain value", async () => {
    const check = await fetchAndCheckReport(gatewayUrl, CID, await sha256Hex(bytes));
    expect(check.status).toBe("verified");
    const summary = check.status === "verified" ? check.summary : undefined;
    expect(summary?.languages).toEqual({ ko: { documents: 1, tokens: 5 } });
  });

  it("rejects other bytes and names their sha256", async () => {
    const check = await fetchAndCheckReport(gatewayUrl, CID, `0x${"00".repeat(32)}`);
    expect(check).toEqual({ status: "mismatch", actualSha256: await sha256Hex(bytes) });
  });

  it("compares the expected sha256 case-insensitively", async () => {
    const check = await fetchAndCheckReport(gatewayUrl, CID, (await sha256Hex(bytes)).toUpperCase().replace("0X", "0x") as `0x${string}`);
    expect(check.status).toBe("verified");
  });

  it("tells a missing report from an unavailable gateway", async () => {
    expect((await fetchAndCheckReport(gatewayUrl, MISSING_CID, `0x${"00".repeat(32)}`)).status).toBe("notFound");
    expect((await fetchAndCheckReport(gatewayUrl, BROKEN_CID, `0x${"00".repeat(32)}`)).status).toBe("unavailable");
  });
});

describe("parseReportSummary", () => {
  it("returns undefined for bytes that are not a preprocessing report", () => {
    expect(parseReportSummary(new TextEncoder().encode("<html>"))).toBeUndefined();
    expect(parseReportSummary(new TextEncoder().encode(JSON.stringify({ format: "other" })))).toBeUndefined();
    expect(parseReportSummary(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
  });
});
