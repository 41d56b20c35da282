/**
 * Benchmark of `1tt verify` at registry scale. On a fresh local Hardhat node it registers 2,000
 * datasets of 200 contributors, each report published to the embedded IPFS node. It seals 50
 * service versions and makes 500 deposits and 1,000 claims. Then it runs `1tt verify` in this
 * process and reports its wall time and the JSON-RPC requests that it sent over HTTP.
 *
 * Usage: npm run --silent bench:verify [-- --json]
 *   --json   print the figures as one JSON line instead of text
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";

import { createPublicClient, createWalletClient, http, keccak256, maxUint256, stringToHex, type Address, type Hex } from "viem";
import { nonceManager, privateKeyToAccount } from "viem/accounts";

import { runCli } from "../cli/main.ts";
import { erc20Abi, registryAbi, splitterAbi } from "../lib/chain/abis.ts";
import { localChain } from "../lib/chain/connect.ts";
import { deployPlatform, journalId, LOCAL_CHAIN_ID } from "../lib/chain/deploy.ts";
import { startLocalNode } from "../lib/chain/local-node.ts";
import { openIpfs } from "../lib/ipfs/index.ts";
import { signRegistration, type Registration } from "../lib/sign-typed-data.ts";

const DATASETS = 2_000;
const CONTRIBUTORS = 200;
const SERVICES = 5;
const VERSIONS_PER_SERVICE = 10;
const DATASETS_PER_VERSION = 400;
const DEPOSITS = 500;
const CLAIMS = 1_000;
const REGISTER_BATCH = 100;
const ATTACH_BATCH = 200;
/** Signature deadline of 2100-01-01T00:00:00Z, far beyond the run. */
const DEADLINE = 4_102_444_800n;
/** Hardhat's first development key; public, and funded only on local chains. */
const DEPLOYER_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const asJson = process.argv.includes("--json");
const log = (message: string) => process.stderr.write(`${message}\n`);

const work = mkdtempSync(path.join(os.tmpdir(), "1tt-bench-verify-"));
const node = await startLocalNode({ projectRoot: PROJECT_ROOT });
try {
  const figures = await run(node.url);
  if (asJson) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write(
      `verify: ${figures.ok ? "passed" : "FAILED"} in ${(figures.elapsedMs / 1000).toFixed(1)} s with ${figures.rpcRequests} JSON-RPC requests ` +
        `(${figures.logRequests} eth_getLogs); ${figures.findings} findings\n` +
        `state: ${DATASETS} datasets, ${CONTRIBUTORS} contributors, ${SERVICES * VERSIONS_PER_SERVICE} versions, ${DEPOSITS} deposits, ${CLAIMS} claims ` +
        `in ${figures.blocks} blocks; setup took ${(figures.setupMs / 1000).toFixed(0)} s\n` +
        `machine: ${figures.machine}\n`,
    );
  }
  if (!figures.ok) process.exitCode = 1;
} finally {
  await node.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(PROJECT_ROOT, "ignition", "deployments", journalId(LOCAL_CHAIN_ID, node.url)), { recursive: true, force: true });
}

async function run(rpcUrl: string) {
  const setupStarted = Date.now();
  const deploymentsDir = path.join(work, "deployments");
  const ipfsRepo = path.join(work, "ipfs");
  const { deployment } = await deployPlatform({ projectRoot: PROJECT_ROOT, rpcUrl, deployerKey: DEPLOYER_KEY, localExtras: true, deploymentsDir });
  log(`deployed on ${rpcUrl}`);

  const chain = localChain(deployment.chainId, rpcUrl);
  const operator = privateKeyToAccount(DEPLOYER_KEY, { nonceManager });
  const wallet = createWalletClient({ account: operator, chain, transport: http(rpcUrl) });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const registry = deployment.registry.address;
  const splitter = deployment.splitter.address;
  const token = deployment.tokens!.tUSDC!;
  const send = async (address: Address, abi: unknown, functionName: string, args: readonly unknown[]) => {
    const hash = await wallet.writeContract({ address, abi: abi as never, functionName, args, gas: 16_000_000n } as never);
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted in ${hash}`);
    return receipt;
  };

  const contributors = Array.from({ length: CONTRIBUTORS }, (_, i) => privateKeyToAccount(keccak256(stringToHex(`bench contributor ${i}`))));
  const ipfs = await openIpfs({ repoDir: ipfsRepo });
  const registrations: Registration[] = [];
  for (let i = 0; i < DATASETS; i++) {
    const contributor = contributors[i % CONTRIBUTORS]!;
    const id = keccak256(stringToHex(`bench dataset ${i}`));
    const tokenCount = BigInt(1_000 + ((i * 7_919) % 99_000));
    const report = { format: "1tt-preprocess-report/1", datasetId: id, tokenCount: Number(tokenCount), note: "benchmark stand-in report" };
    const { cid, sha256 } = await ipfs.addFile(new TextEncoder().encode(JSON.stringify(report)));
    registrations.push(
      await signRegistration({
        chainId: deployment.chainId,
        registry,
        terms: {
          id,
          contributor: contributor.address,
          tokenCount,
          reportSha256: sha256,
          reportCid: cid,
          pipelineId: keccak256(stringToHex("bench pipeline")),
          tokenizerId: keccak256(stringToHex("o200k_base")),
        },
        consentSigner: contributor,
        attestationSigner: operator,
        nonce: 0n,
        consentDeadline: DEADLINE,
        attestationDeadline: DEADLINE,
      }),
    );
  }
  await ipfs.close();
  log(`published and signed ${DATASETS} datasets`);
  for (let start = 0; start < DATASETS; start += REGISTER_BATCH) {
    await send(registry, registryAbi, "registerBatch", [registrations.slice(start, start + REGISTER_BATCH)]);
  }
  log(`registered ${DATASETS} datasets`);

  const refs: Array<{ serviceId: bigint; version: bigint }> = [];
  for (let s = 1; s <= SERVICES; s++) {
    await send(splitter, splitterAbi, "createService", [`Service ${s}`, token, 500 + s * 100]);
    for (let v = 1; v <= VERSIONS_PER_SERVICE; v++) {
      await send(splitter, splitterAbi, "openVersion", [BigInt(s)]);
      const first = ((s - 1) * VERSIONS_PER_SERVICE + (v - 1)) * 37;
      const ids = Array.from({ length: DATASETS_PER_VERSION }, (_, k) => registrations[(first + k) % DATASETS]!.terms.id);
      for (let start = 0; start < ids.length; start += ATTACH_BATCH) {
        await send(splitter, splitterAbi, "attachDatasets", [BigInt(s), BigInt(v), ids.slice(start, start + ATTACH_BATCH)]);
      }
      await send(splitter, splitterAbi, "sealVersion", [BigInt(s), BigInt(v)]);
      refs.push({ serviceId: BigInt(s), version: BigInt(v) });
    }
  }
  log(`sealed ${refs.length} versions`);

  await send(token, erc20Abi, "mint", [operator.address, 10n ** 30n]);
  await send(token, erc20Abi, "approve", [splitter, maxUint256]);
  const rounds = CLAIMS / CONTRIBUTORS;
  const depositsPerRound = DEPOSITS / rounds;
  for (let round = 0; round < rounds; round++) {
    for (let d = 0; d < depositsPerRound; d++) {
      const ref = refs[(round * depositsPerRound + d) % refs.length]!;
      const period = stringToHex(`2026-${String(round + 1).padStart(2, "0")}`, { size: 32 });
      await send(splitter, splitterAbi, "deposit", [ref.serviceId, ref.version, 1_000_000_000n + BigInt(d) * 1_234_567n, period]);
    }
    for (const contributor of contributors) {
      const [, claimable] = await client.readContract({ address: splitter, abi: splitterAbi, functionName: "positions", args: [contributor.address, refs] });
      const owed = refs.filter((_, i) => claimable[i]! > 0n);
      await send(splitter, splitterAbi, "claim", [contributor.address, owed]);
    }
    log(`round ${round + 1} of ${rounds}: ${depositsPerRound} deposits, ${CONTRIBUTORS} claims`);
  }
  const setupMs = Date.now() - setupStarted;
  const blocks = Number(await client.getBlockNumber());

  let stdout = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      stdout += chunk.toString();
      callback();
    },
  });
  const code = await runCli(["verify", "--json", "--rpc-url", rpcUrl, "--deployments", deploymentsDir, "--ipfs-repo", ipfsRepo], { stdout: sink, stderr: process.stderr });
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { ok: boolean; findings: unknown[]; rpcRequests: number; logs: number; elapsedMs: number };
  if (code !== 0) log(stdout.split("\n").filter((line) => line.startsWith("FAIL")).join("\n"));
  const cpus = os.cpus();
  return {
    ok: result.ok,
    elapsedMs: result.elapsedMs,
    rpcRequests: result.rpcRequests,
    logRequests: result.logs,
    findings: result.findings.length,
    blocks,
    setupMs,
    machine: `${cpus.length} x ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.versions.node}`,
  };
}
