import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import type { CID } from "multiformats/cid";

/** Creates a temporary directory that is removed when the test ends. */
export async function tempDir(t: TestContext, prefix = "1tt-ipfs-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Returns `length` reproducible bytes from a xorshift32 generator, so that no two chunks repeat. */
export function pseudoRandomBytes(length: number, seed = 1): Uint8Array {
  const words = new Uint32Array(Math.ceil(length / 4));
  let state = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    words[i] = state;
  }
  return new Uint8Array(words.buffer, 0, length);
}

/** A block store in memory, for tests that inspect every block of a DAG. */
export class MemoryBlockstore {
  readonly blocks = new Map<string, Uint8Array>();

  put(cid: CID, bytes: Uint8Array): CID {
    this.blocks.set(cid.toString(), bytes);
    return cid;
  }

  *get(cid: CID): Generator<Uint8Array> {
    const bytes = this.blocks.get(cid.toString());
    if (bytes === undefined) throw new Error(`test store has no block ${cid}`);
    yield bytes;
  }

  has(cid: CID): boolean {
    return this.blocks.has(cid.toString());
  }

  block(cid: CID): Uint8Array {
    const bytes = this.blocks.get(cid.toString());
    if (bytes === undefined) throw new Error(`test store has no block ${cid}`);
    return bytes;
  }
}

export interface LocalServer {
  url: string;
  port: number;
  /** Requests received so far, as "METHOD path". */
  requests: string[];
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 on a free port, and stops it when the test ends. */
export async function startLocalServer(
  t: TestContext,
  handler: (request: http.IncomingMessage, response: http.ServerResponse) => unknown,
): Promise<LocalServer> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closed;
  };
  t.after(close);
  return { url: `http://127.0.0.1:${port}`, port, requests, close };
}
