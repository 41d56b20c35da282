/** `1tt node` as a real process: it serves chain 31337 on 127.0.0.1 and stops the node on SIGINT. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { describe, it } from "node:test";

import { ROOT } from "./helpers.ts";

async function chainId(url: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return Number(((await response.json()) as { result: string }).result);
}

describe("1tt node", () => {
  it("serves a local chain until SIGINT", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts", "cli", "main.ts"), "node", "--port", "0", "--json"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ONETT_CWD: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ready = new Promise<{ url: string; chainId: number }>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("\n")) resolve(JSON.parse(stdout.split("\n")[0]!) as { url: string; chainId: number });
      });
    });
    const info = await ready;

    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(info.chainId, 31_337);
    assert.equal(await chainId(info.url), 31_337);

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    assert.equal(code, 0, stderr);
    assert.match(stderr, /Stopped the local node/);
    await assert.rejects(chainId(info.url), "the node still answers after 1tt node exited");
  });
});
