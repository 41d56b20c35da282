/**
 * Shared setup of the CLI tests: a local Hardhat node on a free port, Hardhat's public development
 * keys as named actors, and `runCli` called in-process with captured output and environment.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";

import { bytesToHex, createPublicClient, http, type Hex, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { runCli } from "../../scripts/cli/main.ts";
import { journalId, LOCAL_CHAIN_ID } from "../../scripts/lib/chain/deploy.ts";
import { startLocalNode, type LocalNode } from "../../scripts/lib/chain/local-node.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = path.join(ROOT, "bin", "1tt");

/** Hardhat's default development mnemonic; its keys are public and fund only local chains. */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";

/** Returns the key and address of development account `index`. */
export function devAccount(index: number): { key: Hex; address: Hex } {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  return { key: bytesToHex(account.getHdKey().privateKey!), address: account.address };
}

/** Named actors, each with its own development account. */
export const ACTORS = {
  operator: devAccount(0),
  consumer: devAccount(1),
  alice: devAccount(2),
  bob: devAccount(3),
  relayer: devAccount(4),
};

/** Removes the Ignition journal that deploying to the local node at `url` left in the repository. */
export function removeLocalJournal(url: string): void {
  rmSync(path.join(ROOT, "ignition", "deployments", journalId(LOCAL_CHAIN_ID, url)), { recursive: true, force: true });
}

export function tempDir(prefix = "1tt-cli-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The last stdout line parsed as JSON, when there is one. */
  json: Record<string, unknown> | undefined;
}

/** Variables that every test run starts without, so that the caller's shell cannot leak in. */
const CLEARED = [
  "ONETT_PRIVATE_KEY",
  "ONETT_DEPLOYER_KEY",
  "ONETT_ADMIN_KEY",
  "ONETT_PAUSER_KEY",
  "ONETT_ATTESTER_KEY",
  "ONETT_CONSUMER_KEY",
  "ONETT_CONTRIBUTOR_KEY",
  "ONETT_RELAYER_KEY",
  "ONETT_KEYSTORE",
  "ONETT_KEYSTORE_PASSWORD",
  "ONETT_RPC_URL",
  "ONETT_DEPLOYMENTS",
  "ONETT_IPFS_REPO",
  "ONETT_IPFS_API",
  "ONETT_IPFS_GATEWAY",
];

/** Runs `1tt argv` in this process with `env` set on top of a cleared environment. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const saved = new Map<string, string | undefined>();
  for (const name of [...CLEARED, ...Object.keys(env)]) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        append(chunk.toString());
        callback();
      },
    });
  try {
    const code = await runCli(argv, {
      stdout: sink((text) => (stdout += text)),
      stderr: sink((text) => (stderr += text)),
    });
    return { code, stdout, stderr, json: lastJson(stdout) };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export function lastJson(stdout: string): Record<string, unknown> | undefined {
  const line = stdout.trim().split("\n").at(-1);
  if (line === undefined || !line.startsWith("{")) return undefined;
  return JSON.parse(line) as Record<string, unknown>;
}

/** A local node, a temp work folder and the settings that point 1tt at both, for one test file. */
export interface CliChain {
  node: LocalNode;
  work: string;
  /** ONETT_RPC_URL, ONETT_DEPLOYMENTS and ONETT_IPFS_REPO for this chain and folder. */
  env: Record<string, string>;
  client: PublicClient;
  /** Runs 1tt with `env` plus `extra`, and asserts the exit code. */
  run(argv: string[], extra?: Record<string, string>, expectedCode?: number): Promise<CliResult>;
  /** Stops the node and removes its Ignition journal. */
  stop(): Promise<void>;
}

/** Starts a local Hardhat node on a free port with a fresh work folder for the CLI tests. */
export async function startCliChain(): Promise<CliChain> {
  const node = await startLocalNode({ projectRoot: ROOT });
  const work = tempDir();
  const env = {
    ONETT_RPC_URL: node.url,
    ONETT_DEPLOYMENTS: path.join(work, "deployments"),
    ONETT_IPFS_REPO: path.join(work, "ipfs"),
  };
  const client = createPublicClient({ transport: http(node.url) }) as PublicClient;

  async function run(argv: string[], extra: Record<string, string> = {}, expectedCode = 0): Promise<CliResult> {
    const result = await cli(argv, { ...env, ...extra });
    assert.equal(result.code, expectedCode, `1tt ${argv.join(" ")} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
    return result;
  }

  async function stop(): Promise<void> {
    await node.stop();
    removeLocalJournal(node.url);
  }

  return { node, work, env, client, run, stop };
}
