/**
 * Runs `npm start`, the whole platform on one machine with real public text. It starts a local
 * Hardhat node behind a recording JSON-RPC proxy and the embedded IPFS node with its gateway. Then
 * it builds the demo allocation (see flow.ts), runs `1tt verify`, prints a summary and serves the
 * web app until Ctrl-C. Everything it keeps is under the state folder (default .1tt/start, git-ignored). A
 * second run replays the recorded transactions into a fresh node and skips finished steps.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createPublicClient, http } from "viem";

import { journalId, LOCAL_CHAIN_ID } from "../lib/chain/deploy.ts";
import { readDeployment } from "../lib/chain/deployment.ts";
import { startLocalNode, type LocalNode } from "../lib/chain/local-node.ts";
import { openEmbeddedNode, type EmbeddedNode } from "../lib/ipfs/embedded-node.ts";
import { startGateway, type Gateway } from "../lib/ipfs/gateway.ts";
import { missingCorpusFiles } from "./corpus-slices.ts";
import { buildDemo, CONSUMER, OPERATOR, readProgress } from "./flow.ts";
import { replayTransactions, startRecordingProxy, type RecordingProxy } from "./rpc-recorder.ts";
import { collectSummary, formatSummary } from "./summary.ts";
import { ensureWebBuild, startWebServer, writeWebConfig, type WebServer } from "./web.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

const USAGE = `Usage: npm start -- [options]

Starts a local chain, the embedded IPFS node and its gateway, builds a demo allocation from real
public text (three contributors, two services, three periods of deposits, one claim), verifies
it, prints a summary and serves the web app until Ctrl-C. A second run reuses the state folder.

Options:
  --no-serve         print the summary and exit: 0 when "1tt verify" passes, 7 when it fails
  --state DIR        state folder (default: .1tt/start); delete it to start from scratch
  --corpora DIR      folder with ko/ and en/ corpora (default: .1tt/corpora, fetched when missing)
  --mail-limit N     e-mails taken from the spam-assassin corpus (default: all 6,046)
  --overlap N        latest speeches that the mail archive repeats (default: 40)
  --workers N        preprocessing worker threads (default: one per CPU core)
  --rpc-port N       JSON-RPC port (default: 8545; a free port when taken; 0 for any)
  --gateway-port N   IPFS gateway port (default: 8080; a free port when taken; 0 for any)
  --web-port N       web app port (default: 5173; a free port when taken; 0 for any)
  -h, --help         show this help
`;

export interface StartOptions {
  serve: boolean;
  stateDir: string;
  corporaDir: string;
  mailLimit?: number;
  overlap: number;
  workers?: number;
  rpcPort: number;
  gatewayPort: number;
  webPort: number;
}

export interface StartIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Resolves when the servers should stop; `npm start` waits for Ctrl-C or SIGTERM. */
  untilStopped?: () => Promise<void>;
}

/** Runs `npm start` with `options`; returns the exit code. */
export async function runStart(options: StartOptions, io: StartIo): Promise<number> {
  const { stdout, stderr } = io;
  const stateDir = path.resolve(options.stateDir);
  const corporaDir = path.resolve(options.corporaDir);
  mkdirSync(stateDir, { recursive: true });
  ensureCorpora(corporaDir, stderr);

  let node: LocalNode | undefined;
  let proxy: RecordingProxy | undefined;
  let ipfs: EmbeddedNode | undefined;
  let gateway: Gateway | undefined;
  let web: WebServer | undefined;
  const stopAll = async () => {
    // Once deployed, the contracts are in the transaction log, so Ignition's journal for this URL is not needed.
    if (proxy !== undefined && readProgress(stateDir).deployed) {
      rmSync(path.join(PROJECT_ROOT, "ignition", "deployments", journalId(LOCAL_CHAIN_ID, proxy.url)), { recursive: true, force: true });
    }
    await web?.close();
    await gateway?.close();
    await ipfs?.close();
    await proxy?.close();
    await node?.stop();
  };

  // Ctrl-C before the servers are up stops what has started and exits; progress.json keeps the finished steps.
  const interrupt = () => {
    stderr.write("\nInterrupted. Stopping; run npm start again to continue from the finished steps.\n");
    void stopAll().finally(() => process.exit(130));
  };
  if (io.untilStopped === undefined) {
    process.once("SIGINT", interrupt);
    process.once("SIGTERM", interrupt);
  }

  try {
    node = await startLocalNode({ projectRoot: PROJECT_ROOT });
    const transactionLog = path.join(stateDir, "chain-transactions.log");
    const replayed = await replayTransactions(node.url, transactionLog);
    if (replayed > 0) stderr.write(`Restored the chain by replaying ${replayed} recorded transactions into a fresh Hardhat node.\n`);
    proxy = await startRecordingProxy(node.url, transactionLog, options.rpcPort);
    const progress = readProgress(stateDir);
    if (progress.deployed) await checkRestoredChain(proxy.url, stateDir);

    ipfs = await openEmbeddedNode({ repoDir: path.join(stateDir, "ipfs") });
    gateway = await startGatewayWithFallback(ipfs, options.gatewayPort);
    stderr.write(`Local chain: ${proxy.url}   IPFS gateway: ${gateway.url}\n`);

    const demo = await buildDemo({
      stateDir,
      corporaDir,
      rpcUrl: proxy.url,
      gatewayUrl: gateway.url,
      ...(options.mailLimit === undefined ? {} : { mailLimit: options.mailLimit }),
      overlap: options.overlap,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      log: stderr,
    });

    const env = { ONETT_RPC_URL: proxy.url, ONETT_DEPLOYMENTS: path.join(stateDir, "deployments") };
    const rows = await collectSummary(demo.progress, env, stderr);
    stdout.write(`\n${formatSummary(rows)}\n\n`);
    stdout.write(`${demo.verifyOutput.trim()}\n\n`);
    stdout.write(
      "Keys: Hardhat's public development accounts sign everything here (operator/attester " +
        `${OPERATOR.address}, consumer ${CONSUMER.address}, contributors ` +
        `${Object.values(demo.progress.contributors).map((contributor) => contributor.address).join(", ")}). ` +
        "Anyone knows these keys: use them on this local chain only, never on a real network.\n",
    );
    if (!demo.verified) {
      stderr.write("error: 1tt verify failed; see its findings above.\n");
      return 7;
    }
    if (!options.serve) return 0;

    const dist = ensureWebBuild(PROJECT_ROOT, stderr);
    const overlay = path.join(stateDir, "web");
    writeWebConfig(overlay, { rpcUrl: proxy.url, gatewayUrl: gateway.url, deployment: readDeployment(env.ONETT_DEPLOYMENTS, LOCAL_CHAIN_ID) });
    web = await startWebServer([overlay, dist], options.webPort);
    stdout.write(`\nWeb app:      ${web.url}/\nJSON-RPC:     ${proxy.url} (chain id ${LOCAL_CHAIN_ID})\nIPFS gateway: ${gateway.url}/ipfs/<cid>\n`);
    stdout.write("Serving until Ctrl-C. Run npm start again to continue from the same state.\n");
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await (io.untilStopped ?? waitForSignal)();
    stderr.write("Stopping the web server, the IPFS gateway and the Hardhat node...\n");
    return 0;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await stopAll();
  }
}

function ensureCorpora(corporaDir: string, log: NodeJS.WritableStream): void {
  if (missingCorpusFiles(corporaDir).length === 0) return;
  const defaultDir = path.join(PROJECT_ROOT, ".1tt", "corpora");
  if (corporaDir !== defaultDir) {
    throw new Error(`${corporaDir} lacks ${missingCorpusFiles(corporaDir).join(", ")}. Pass a complete --corpora folder, or omit it to fetch the default corpora.`);
  }
  log.write("Fetching the corpora (npm run corpora:fetch): Debian packages and npm data sets...\n");
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "corpora", "fetch.ts")], { cwd: PROJECT_ROOT, stdio: ["ignore", "inherit", "inherit"] });
}

/** Throws when the replayed chain lacks the recorded contracts, which means the log and the progress file disagree. */
async function checkRestoredChain(rpcUrl: string, stateDir: string): Promise<void> {
  const deployment = readDeployment(path.join(stateDir, "deployments"), LOCAL_CHAIN_ID);
  const client = createPublicClient({ transport: http(rpcUrl) });
  const code = await client.getCode({ address: deployment.splitter.address });
  if (code === undefined || code === "0x") {
    throw new Error(
      `The replayed chain has no RevenueSplitter at ${deployment.splitter.address}, so ${stateDir} is inconsistent. ` +
        "Delete that folder and run npm start again.",
    );
  }
}

async function startGatewayWithFallback(ipfs: EmbeddedNode, preferredPort: number): Promise<Gateway> {
  try {
    return await startGateway(ipfs, { host: "127.0.0.1", port: preferredPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || preferredPort === 0) throw error;
    return await startGateway(ipfs, { host: "127.0.0.1", port: 0 });
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

function parsePort(value: string, option: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid ${option} "${value}": expected a port from 0 to 65535.`);
  return port;
}

function parseCount(value: string, option: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new Error(`invalid ${option} "${value}": expected a whole number.`);
  return count;
}

/** Parses `npm start` arguments into options. */
export function parseStartArguments(argv: string[]): StartOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      "no-serve": { type: "boolean", default: false },
      state: { type: "string", default: path.join(PROJECT_ROOT, ".1tt", "start") },
      corpora: { type: "string", default: path.join(PROJECT_ROOT, ".1tt", "corpora") },
      "mail-limit": { type: "string" },
      overlap: { type: "string", default: "40" },
      workers: { type: "string" },
      "rpc-port": { type: "string", default: "8545" },
      "gateway-port": { type: "string", default: "8080" },
      "web-port": { type: "string", default: "5173" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  return {
    serve: !values["no-serve"],
    stateDir: values.state,
    corporaDir: values.corpora,
    ...(values["mail-limit"] === undefined ? {} : { mailLimit: parseCount(values["mail-limit"], "--mail-limit") }),
    overlap: parseCount(values.overlap, "--overlap"),
    ...(values.workers === undefined ? {} : { workers: parseCount(values.workers, "--workers") }),
    rpcPort: parsePort(values["rpc-port"], "--rpc-port"),
    gatewayPort: parsePort(values["gateway-port"], "--gateway-port"),
    webPort: parsePort(values["web-port"], "--web-port"),
  };
}

if (import.meta.main) {
  let options: StartOptions | "help";
  try {
    options = parseStartArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const started = Date.now();
  try {
    process.exitCode = await runStart(options, { stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    process.stderr.write(`error: npm start failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
  process.stderr.write(`npm start ran for ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
}
