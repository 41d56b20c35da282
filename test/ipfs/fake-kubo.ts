/**
 * A mock of Kubo's RPC API for the Kubo backend's tests, because no Kubo binary can run on this
 * machine. It implements only `POST /api/v0/add` and `POST /api/v0/cat`, with Kubo's response
 * shapes: add streams one JSON object per file ({"Name","Hash","Size"}), cat streams the bytes,
 * and errors are HTTP 500 with {"Message","Code","Type"}. CIDs come from this project's own
 * importer, so these tests check the client side, not Kubo's CIDs (cid-compat.test.ts does).
 */
import type { TestContext } from "node:test";
import { unixfs } from "@helia/unixfs";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { MAX_LINKS_PER_NODE } from "../../scripts/lib/ipfs/import-settings.ts";
import { MemoryBlockstore, startLocalServer } from "./fixtures.ts";

export interface FakeKubo {
  url: string;
  /** Query parameters of every add request, in order. */
  addQueries: URLSearchParams[];
  requests: string[];
  close(): Promise<void>;
}

export interface FakeKuboOptions {
  /** Replaces the CID that add returns, to act as a node with other Import.* settings. */
  replaceCid?: (cid: string) => string;
}

export async function startFakeKubo(t: TestContext, options: FakeKuboOptions = {}): Promise<FakeKubo> {
  const files = new Map<string, Uint8Array>();
  const addQueries: URLSearchParams[] = [];

  const server = await startLocalServer(t, async (request, response) => {
    const url = new URL(request.url ?? "/", "http://kubo.invalid");
    const sendError = (message: string) => {
      response.writeHead(500, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ Message: message, Code: 0, Type: "error" }) + "\n");
    };

    if (request.method !== "POST") {
      response.writeHead(405, { "Content-Type": "text/plain" });
      response.end("405 - Method Not Allowed");
      return;
    }

    if (url.pathname === "/api/v0/add") {
      addQueries.push(url.searchParams);
      const chunker = /^size-(\d+)$/.exec(url.searchParams.get("chunker") ?? "size-262144");
      if (chunker === null) {
        sendError(`unrecognized chunker option: ${url.searchParams.get("chunker")}`);
        return;
      }

      const form = await readForm(request, request.headers["content-type"] ?? "");
      const lines: string[] = [];
      for (const [, value] of form) {
        if (typeof value === "string") continue;
        const bytes = new Uint8Array(await value.arrayBuffer());
        const cidVersion = url.searchParams.get("cid-version") === "1" ? 1 : 0;
        const store = new MemoryBlockstore();
        const cid = await unixfs({ blockstore: store }).addBytes(bytes, {
          cidVersion,
          rawLeaves: url.searchParams.get("raw-leaves") === "true",
          chunker: fixedSize({ chunkSize: Number(chunker[1]) }),
          layout: balanced({ maxChildrenPerNode: MAX_LINKS_PER_NODE }),
        });
        const hash = options.replaceCid?.(cid.toString()) ?? cid.toString();
        const dagSize = [...store.blocks.values()].reduce((sum, block) => sum + block.length, 0);
        files.set(hash, bytes);
        lines.push(JSON.stringify({ Name: value.name || hash, Hash: hash, Size: String(dagSize) }));
      }
      response.writeHead(200, { "Content-Type": "application/json", "X-Chunked-Output": "1" });
      response.end(lines.map((line) => `${line}\n`).join(""));
      return;
    }

    if (url.pathname === "/api/v0/cat") {
      const cid = url.searchParams.get("arg") ?? "";
      const bytes = files.get(cid);
      if (bytes === undefined) {
        sendError(`block was not found locally (offline): ipld: could not find ${cid}`);
        return;
      }
      response.writeHead(200, { "Content-Type": "text/plain", "X-Stream-Output": "1" });
      response.end(bytes);
      return;
    }

    response.writeHead(404, { "Content-Type": "text/plain" });
    response.end("404 page not found");
  });

  return { url: server.url, addQueries, requests: server.requests, close: server.close };
}

/** Parses a multipart/form-data request body with the WHATWG Request parser of Node's fetch. */
async function readForm(request: AsyncIterable<Uint8Array>, contentType: string): Promise<FormData> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of request) chunks.push(chunk);
  return new Request("http://kubo.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: Buffer.concat(chunks),
  }).formData();
}
