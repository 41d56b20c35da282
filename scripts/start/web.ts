/** Builds the web app when needed and serves it, with a `config.json` for the demo chain, on 127.0.0.1. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

import type { Deployment } from "../lib/chain/deployment.ts";
import { parseAppConfig } from "../../frontend/src/config/app-config.ts";
import { listenWithFallback } from "./ports.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/** Runs `vite build` into frontend/dist unless a build newer than every file of frontend/src is there. */
export function ensureWebBuild(projectRoot: string, log: NodeJS.WritableStream): string {
  const dist = path.join(projectRoot, "frontend", "dist");
  const index = path.join(dist, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestModification(path.join(projectRoot, "frontend", "src"))) return dist;
  log.write("Building the web app (vite build)...\n");
  const vite = path.join(projectRoot, "node_modules", "vite", "bin", "vite.js");
  execFileSync(process.execPath, [vite, "build", "--config", path.join("frontend", "vite.config.ts")], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
  return dist;
}

/** Returns the latest modification time, in ms, of the files under `directory`. */
function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Writes `config.json` and an empty attestation index into `overlayDir`, checked with the parser
 * that the app uses.
 */
export function writeWebConfig(overlayDir: string, settings: { rpcUrl: string; gatewayUrl: string; deployment: Deployment }): void {
  const config = parseAppConfig({
    chainId: settings.deployment.chainId,
    chainName: "Hardhat (local demo)",
    rpcUrl: settings.rpcUrl,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    gatewayUrl: settings.gatewayUrl,
    attestationsUrl: "attestations",
    deployment: settings.deployment,
  });
  mkdirSync(path.join(overlayDir, "attestations"), { recursive: true });
  writeFileSync(path.join(overlayDir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(path.join(overlayDir, "attestations", "index.json"), `${JSON.stringify({ reportCids: [] }, null, 2)}\n`);
}

/** Serves files from `roots`, the first root that has a file winning, on 127.0.0.1. */
export async function startWebServer(roots: string[], preferredPort: number): Promise<WebServer> {
  const server = http.createServer((request, response) => {
    void sendFile(roots, request, response);
  });
  const port = await listenWithFallback(server, preferredPort);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function sendFile(roots: string[], request: http.IncomingMessage, response: http.ServerResponse) {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    response.writeHead(400, { "content-type": "text/plain" }).end("invalid path\n");
    return;
  }
  const relative = pathname === "/" ? "index.html" : pathname.replace(/^\/+/, "");
  for (const root of roots) {
    const file = path.resolve(root, relative);
    // A path that leaves the root (../) is not served from any root.
    if (!file.startsWith(path.resolve(root) + path.sep)) break;
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) continue;
    response.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    response.end(body);
    return;
  }
  response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
}
