/**
 * A read-only HTTP gateway over the embedded node: `GET /ipfs/<cid>` and `HEAD /ipfs/<cid>` return
 * a stored file. Responses allow any origin, so that the web app can fetch reports from it.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sniffContentType } from "./content-type.ts";
import { CidNotFoundError, InvalidCidError, IpfsError, NotAFileError, messageOf } from "./errors.ts";
import type { EmbeddedNode } from "./embedded-node.ts";

/** Content under a CID never changes, so clients may keep it for a year (31536000 s). */
const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
const ALLOWED_METHODS = "GET, HEAD, OPTIONS";
const IPFS_PATH = /^\/ipfs\/([^/]+)\/?$/;
/** Time that `close()` lets in-flight responses finish before it drops their connections. */
const DEFAULT_CLOSE_GRACE_MS = 5_000;

export interface StartGatewayParameters {
  /** Interface to listen on. Default 127.0.0.1, so that only this machine can connect. */
  host?: string;
  /** TCP port. Default 0: the system picks a free port, and `port` returns it. */
  port?: number;
  /** Time in ms that `close()` waits for in-flight responses. Default 5000. */
  closeGraceMs?: number;
  /** Receives every error that ended a request with a 500 response or a broken stream. Default: console.error. */
  onError?: (error: unknown, requestPath: string) => void;
}

export interface Gateway {
  /** Base URL, such as `http://127.0.0.1:41234`. Files are under `${url}/ipfs/<cid>`. */
  readonly url: string;
  readonly host: string;
  /** Port the gateway is bound to. */
  readonly port: number;
  /** Stops accepting connections, lets in-flight responses finish within the grace time, then resolves. */
  close(): Promise<void>;
}

type FileReader = Pick<EmbeddedNode, "statFile" | "catFile">;

/**
 * Starts a gateway for `node`.
 *
 * @example
 * const gateway = await startGateway(node);
 * const response = await fetch(`${gateway.url}/ipfs/${cid}`);
 * await gateway.close();
 */
export async function startGateway(node: FileReader, parameters: StartGatewayParameters = {}): Promise<Gateway> {
  const host = parameters.host ?? "127.0.0.1";
  const closeGraceMs = parameters.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  const onError = parameters.onError ?? logError;

  let isClosing = false;
  const server = http.createServer((request, response) => {
    if (isClosing) response.setHeader("Connection", "close");
    // A keep-alive connection that goes idle after close() started is closed at once.
    response.on("close", () => {
      if (isClosing) setImmediate(() => server.closeIdleConnections());
    });
    handleRequest(node, request, response).catch((error: unknown) => {
      if (response.destroyed && !response.writableFinished && isAbort(error)) return; // the client went away
      onError(error, request.url ?? "");
      if (response.headersSent) {
        response.destroy(error instanceof Error ? error : new Error(messageOf(error)));
      } else if (error instanceof IpfsError) {
        sendText(response, 500, `${error.shortMessage}\n`);
      } else {
        sendText(response, 500, "Internal gateway error. The gateway log has the details.\n");
      }
    });
  });

  const requestedPort = parameters.port ?? 0;
  server.listen(requestedPort, host);
  try {
    await once(server, "listening");
  } catch (error) {
    throw new IpfsError(`The IPFS gateway failed to listen on ${host}:${requestedPort}.`, {
      nextStep: "Pick another port, or port 0 for a free one.",
      details: messageOf(error),
      cause: error,
    });
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    close() {
      isClosing = true;
      closing ??= closeServer(server, closeGraceMs);
      return closing;
    },
  };
}

async function handleRequest(node: FileReader, request: http.IncomingMessage, response: http.ServerResponse) {
  response.setHeader("Access-Control-Allow-Origin", "*");
  response.setHeader("Access-Control-Expose-Headers", "Etag, X-Ipfs-Path");

  if (request.method === "OPTIONS") {
    response.writeHead(204, { "Access-Control-Allow-Methods": ALLOWED_METHODS, "Access-Control-Max-Age": "86400" });
    response.end();
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", ALLOWED_METHODS);
    sendText(response, 405, `Method ${request.method} is not allowed. Use GET or HEAD.\n`);
    return;
  }

  const pathname = new URL(request.url ?? "/", "http://gateway.invalid").pathname;
  const cidText = IPFS_PATH.exec(pathname)?.[1];
  if (cidText === undefined) {
    sendText(response, 404, `Not found: ${pathname}. This gateway serves files at /ipfs/<cid>.\n`);
    return;
  }

  const abort = new AbortController();
  response.on("close", () => abort.abort());
  await sendFile(node, cidText, request, response, abort.signal);
}

async function sendFile(
  node: FileReader,
  cidText: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  signal: AbortSignal,
) {
  let size: number;
  try {
    ({ size } = await node.statFile(cidText, { signal }));
  } catch (error) {
    if (sendClientError(response, error)) return;
    throw error;
  }

  const etag = `"${cidText}"`;
  const headers = {
    "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    Etag: etag,
    "X-Ipfs-Path": `/ipfs/${cidText}`,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }

  // The first chunk is read before the headers are sent: it sets the Content-Type, and a corrupt
  // block found here can still get a 500 status.
  const chunks = node.catFile(cidText, { signal })[Symbol.asyncIterator]();
  const first = await chunks.next();

  response.writeHead(200, {
    ...headers,
    "Content-Type": sniffContentType(first.done === true ? new Uint8Array() : first.value),
    "Content-Length": String(size),
  });
  if (request.method === "HEAD" || first.done === true) {
    await chunks.return?.();
    response.end();
    return;
  }

  await writeChunk(response, first.value);
  for (let next = await chunks.next(); next.done !== true && !response.destroyed; next = await chunks.next()) {
    await writeChunk(response, next.value);
  }
  response.end();
}

/** Sends 400 or 404 for an error that the client caused, and returns false for any other error. */
function sendClientError(response: http.ServerResponse, error: unknown): boolean {
  if (error instanceof InvalidCidError) {
    sendText(response, 400, `Invalid CID "${error.cid}": ${error.details ?? "it cannot be parsed"}.\n`);
    return true;
  }
  if (error instanceof NotAFileError) {
    sendText(response, 400, `CID ${error.cid} is not a file. This gateway serves files only.\n`);
    return true;
  }
  if (error instanceof CidNotFoundError) {
    sendText(response, 404, `CID ${error.cid} is not in this node's store. Publish it with \`1tt publish\` first.\n`);
    return true;
  }
  return false;
}

/** Writes `chunk` and waits while the socket buffer is full, or until the client disconnects. */
async function writeChunk(response: http.ServerResponse, chunk: Uint8Array): Promise<void> {
  if (response.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
  });
  response.end(text);
}

async function closeServer(server: http.Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
  });
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "ABORT_ERR");
}

function logError(error: unknown, requestPath: string): void {
  console.error(`IPFS gateway: request ${requestPath} failed: ${messageOf(error)}`);
}
