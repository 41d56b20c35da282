/**
 * A JSON-RPC proxy on 127.0.0.1 in front of the test's own node. It rejects `eth_getLogs` over
 * more than `maxLogRange` blocks with an error like public endpoints return, returns HTTP 503 on paths
 * under /down, and counts what it forwarded and rejected. Any other path is forwarded, so that a
 * URL can carry fake credentials in its path.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RpcProxy {
  url: string;
  port: number;
  /** Requests by JSON-RPC method, rejected ones included. */
  methods: Map<string, number>;
  rejectedLogRequests: number;
  close(): Promise<void>;
}

interface JsonRpcRequest {
  id: unknown;
  method: string;
  params?: unknown[];
}

export async function startRpcProxy(target: string, maxLogRange: number): Promise<RpcProxy> {
  const methods = new Map<string, number>();
  const proxy = { rejectedLogRequests: 0 };

  const answer = async (request: JsonRpcRequest): Promise<unknown> => {
    methods.set(request.method, (methods.get(request.method) ?? 0) + 1);
    if (request.method === "eth_getLogs") {
      const filter = (request.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
      const from = Number(filter.fromBlock ?? 0);
      const to = filter.toBlock === undefined || filter.toBlock === "latest" ? Number.MAX_SAFE_INTEGER : Number(filter.toBlock);
      if (to - from + 1 > maxLogRange) {
        proxy.rejectedLogRequests += 1;
        return { jsonrpc: "2.0", id: request.id, error: { code: -32_600, message: `exceed maximum block range: ${maxLogRange}` } };
      }
    }
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    return await response.json();
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        if (request.url?.startsWith("/down")) {
          response.writeHead(503, { "content-type": "text/plain" });
          response.end("service unavailable");
          return;
        }
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as JsonRpcRequest | JsonRpcRequest[];
          const result = Array.isArray(body) ? await Promise.all(body.map(answer)) : await answer(body);
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify(result));
        } catch (error) {
          response.writeHead(500, { "content-type": "text/plain" });
          response.end(String(error));
        }
      })();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    methods,
    get rejectedLogRequests() {
      return proxy.rejectedLogRequests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
