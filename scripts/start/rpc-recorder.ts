/**
 * Keeps the demo chain across restarts. Hardhat 3's node cannot dump or load its state, so every
 * client talks to this JSON-RPC proxy instead of the node: the proxy forwards each request and
 * appends every raw transaction that the node accepted to a log. On the next start, replaying
 * the log into a fresh node in the same order rebuilds the same accounts, nonces, contract
 * addresses and balances. Only block timestamps differ, so signatures must outlive the gap
 * between runs.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import http from "node:http";

import { listenWithFallback } from "./ports.ts";

export interface RecordingProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface RpcMessage {
  method?: string;
  params?: unknown[];
  result?: unknown;
  error?: unknown;
}

/**
 * Serves a proxy on 127.0.0.1 (`preferredPort`, or a free port when it is taken) in front of
 * `targetUrl`, appending accepted raw transactions to `logFile`, one hex string per line.
 */
export async function startRecordingProxy(targetUrl: string, logFile: string, preferredPort: number): Promise<RecordingProxy> {
  const server = http.createServer((request, response) => {
    void forward(request, response, targetUrl, logFile);
  });
  const port = await listenWithFallback(server, preferredPort);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function forward(request: http.IncomingMessage, response: http.ServerResponse, targetUrl: string, logFile: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  try {
    const upstream = await fetch(targetUrl, {
      method: request.method,
      headers: { "content-type": request.headers["content-type"] ?? "application/json" },
      ...(request.method === "POST" ? { body } : {}),
    });
    const text = await upstream.text();
    if (request.method === "POST") recordAccepted(body.toString("utf8"), text, logFile);
    // The web app calls the RPC endpoint from another origin, so the proxy allows any origin, as
    // the Hardhat node does.
    response.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "access-control-allow-origin": "*",
      "access-control-allow-headers": "*",
      "access-control-allow-methods": "POST, GET, OPTIONS",
    });
    response.end(text);
  } catch (error) {
    process.stderr.write(`RPC proxy: forwarding to the Hardhat node failed: ${(error as Error).message}\n`);
    response.writeHead(502, { "content-type": "text/plain" }).end("the local Hardhat node did not respond\n");
  }
}

/** Appends the raw transactions of `requestText` whose responses in `responseText` carry a hash. */
function recordAccepted(requestText: string, responseText: string, logFile: string) {
  let requests: RpcMessage | RpcMessage[];
  let responses: RpcMessage | RpcMessage[];
  try {
    requests = JSON.parse(requestText) as RpcMessage | RpcMessage[];
    responses = JSON.parse(responseText) as RpcMessage | RpcMessage[];
  } catch {
    return;
  }
  const requestList = Array.isArray(requests) ? requests : [requests];
  const responseList = Array.isArray(responses) ? responses : [responses];
  // Batch responses may come in any order, so they are matched by id.
  const byId = new Map(responseList.map((message) => [(message as { id?: unknown }).id, message]));
  for (const message of requestList) {
    if (message.method !== "eth_sendRawTransaction") continue;
    const answer = byId.get((message as { id?: unknown }).id);
    if (answer === undefined || answer.error !== undefined || typeof answer.result !== "string") continue;
    appendFileSync(logFile, `${String(message.params?.[0])}\n`);
  }
}

/** Sends every transaction in `logFile` to the node at `nodeUrl` in order; returns how many. */
export async function replayTransactions(nodeUrl: string, logFile: string): Promise<number> {
  if (!existsSync(logFile)) return 0;
  const transactions = readFileSync(logFile, "utf8").split("\n").filter((line) => line.startsWith("0x"));
  for (const [index, raw] of transactions.entries()) {
    const response = await fetch(nodeUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: index, method: "eth_sendRawTransaction", params: [raw] }),
    });
    const reply = (await response.json()) as RpcMessage;
    if (reply.error !== undefined) {
      throw new Error(`replaying transaction ${index + 1} of ${transactions.length} from ${logFile} failed: ${JSON.stringify(reply.error)}`);
    }
  }
  return transactions.length;
}
