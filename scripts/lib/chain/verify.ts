/**
 * Verifies a deployment from chain data. It checks the code at the recorded addresses, rebuilds
 * the allocation from the contracts' logs and compares it with the contracts' views. Then it checks
 * the accounting invariants per version and, when given a report fetcher, each report's sha256.
 */
import type { Address, Hex, PublicClient } from "viem";

import { deployedBytecode, erc20Abi, registryAbi, splitterAbi } from "./abis.ts";
import type { Deployment } from "./deployment.ts";
import { readLogs } from "./logs.ts";
import { readMany, type ContractRead } from "./multicall.ts";
import { claimableOf, rebuildState, REVENUE_SCALE, versionKey, type RebuiltState } from "./rebuild.ts";
import { sameCode } from "./bytecode.ts";

export interface Finding {
  ok: boolean;
  subject: string;
  detail: string;
}

export interface VerifyParameters {
  client: PublicClient;
  deployment: Deployment;
  /** First block range tried when reading logs. */
  logRange?: bigint;
  /** Fetches a report by CID and throws unless its sha256 matches. */
  checkReport?: (cid: string, sha256: Hex) => Promise<void>;
  /** Datasets per `datasetRecords` call and positions per multicall. */
  batchSize?: number;
}

export interface VerifyReturnType {
  ok: boolean;
  findings: Finding[];
  state: RebuiltState;
  logRequests: number;
}

/** Verifies `deployment` and returns every finding; `ok` is false when any finding failed. */
export async function verifyDeployment(parameters: VerifyParameters): Promise<VerifyReturnType> {
  const { client, deployment } = parameters;
  const findings: Finding[] = [];
  const record = (ok: boolean, subject: string, detail: string) => findings.push({ ok, subject, detail });

  // Views of a contract that is not this build cannot be compared meaningfully, so stop here.
  if (!(await checkCode(client, deployment, record))) {
    return { ok: false, findings, state: rebuildState([], []), logRequests: 0 };
  }

  const fromBlock = minBlock(deployment);
  const toBlock = await client.getBlockNumber();
  const { logs, requests } = await readLogs(client, {
    addresses: [deployment.registry.address, deployment.splitter.address],
    fromBlock,
    toBlock,
    initialRange: parameters.logRange,
  });
  const registryAddress = deployment.registry.address.toLowerCase();
  const state = rebuildState(
    logs.filter((log) => log.address.toLowerCase() === registryAddress),
    logs.filter((log) => log.address.toLowerCase() !== registryAddress),
  );
  for (const problem of state.problems) record(false, "events", problem);
  record(true, "events", `${logs.length} logs in blocks ${fromBlock}-${toBlock} rebuilt`);

  const reader = { client, multicall3: deployment.multicall3, batchSize: parameters.batchSize ?? 500 };
  await compareRegistry(reader, deployment, state, record);
  await compareSplitter(reader, deployment, state, record);
  checkInvariants(state, record);
  await compareBalances(reader, deployment, state, record);
  if (parameters.checkReport !== undefined) await checkReports(state, parameters.checkReport, record);

  return { ok: findings.every((finding) => finding.ok), findings, state, logRequests: requests };
}

type Record = (ok: boolean, subject: string, detail: string) => void;
type Reader = { client: PublicClient; multicall3: Address | undefined; batchSize: number };

async function checkCode(client: PublicClient, deployment: Deployment, record: Record): Promise<boolean> {
  let allMatch = true;
  for (const [name, contract] of [
    ["ContributionRegistry", deployment.registry],
    ["RevenueSplitter", deployment.splitter],
  ] as const) {
    const code = await client.getCode({ address: contract.address });
    const matches = code !== undefined && sameCode(code, deployedBytecode[name], name);
    allMatch &&= matches;
    record(
      matches,
      name,
      matches
        ? `code at ${contract.address} is this build of ${name}`
        : `code at ${contract.address} is not this build of ${name}; the deployment record points at another contract`,
    );
  }
  return allMatch;
}

async function compareRegistry(reader: Reader, deployment: Deployment, state: RebuiltState, record: Record) {
  const address = deployment.registry.address;
  const [count] = await readMany<bigint>(reader, [{ address, abi: registryAbi, functionName: "datasetCount" }]);
  record(
    count === BigInt(state.datasets.size),
    "registry",
    `datasetCount ${count}, ${state.datasets.size} DatasetRegistered events`,
  );

  const datasets = [...state.datasets.values()];
  let mismatches = 0;
  for (let start = 0; start < datasets.length; start += reader.batchSize) {
    const chunk = datasets.slice(start, start + reader.batchSize);
    const [records] = await readMany<ReadonlyArray<{ contributor: Address; tokenCount: bigint; index: number; isRevoked: boolean }>>(
      reader,
      [{ address, abi: registryAbi, functionName: "datasetRecords", args: [chunk.map((dataset) => dataset.id)] }],
    );
    chunk.forEach((dataset, i) => {
      const onChain = records![i]!;
      const same =
        onChain.contributor.toLowerCase() === dataset.contributor &&
        onChain.tokenCount === dataset.tokenCount &&
        onChain.index === dataset.index &&
        onChain.isRevoked === dataset.isRevoked;
      if (!same) {
        mismatches += 1;
        record(false, `dataset ${dataset.id}`, `view ${describe(onChain)} differs from events ${describe(dataset)}`);
      }
    });
  }
  record(mismatches === 0, "registry", `${datasets.length - mismatches} of ${datasets.length} dataset records match`);
}

async function compareSplitter(reader: Reader, deployment: Deployment, state: RebuiltState, record: Record) {
  const address = deployment.splitter.address;
  const services = [...state.services.values()];
  const versions = [...state.versions.values()];
  const reads: ContractRead[] = [
    { address, abi: splitterAbi, functionName: "serviceCount" },
    ...services.map((service) => ({ address, abi: splitterAbi, functionName: "service", args: [service.id] })),
    ...versions.map((version) => ({
      address,
      abi: splitterAbi,
      functionName: "version",
      args: [version.serviceId, version.version],
    })),
  ];
  const results = await readMany<unknown>(reader, reads);
  const serviceCount = results[0] as bigint;
  record(serviceCount === BigInt(services.length), "splitter", `serviceCount ${serviceCount}, ${services.length} ServiceCreated events`);

  services.forEach((service, i) => {
    const onChain = results[1 + i] as { token: Address; shareBps: number; pendingShareBps: number; pendingShareAt: number; versionCount: number };
    const same =
      onChain.token.toLowerCase() === service.token &&
      onChain.shareBps === service.shareBps &&
      onChain.pendingShareBps === service.pendingShareBps &&
      onChain.pendingShareAt === service.pendingShareAt &&
      onChain.versionCount === service.versionCount;
    record(same, `service ${service.id}`, same ? `terms match (${service.name})` : `view ${describe(onChain)} differs from events ${describe(service)}`);
  });

  versions.forEach((version, i) => {
    const onChain = results[1 + services.length + i] as {
      totalWeight: bigint;
      sealedAt: number;
      revenuePerWeight: bigint;
      totalDeposited: bigint;
      remainder: bigint;
    };
    const same =
      onChain.totalWeight === version.totalWeight &&
      (onChain.sealedAt !== 0) === (version.sealedBlock !== undefined) &&
      onChain.revenuePerWeight === version.revenuePerWeight &&
      onChain.totalDeposited === version.totalDeposited &&
      onChain.remainder === version.remainder;
    const key = versionKey(version.serviceId, version.version);
    record(same, `version ${key}`, same ? "weights and deposits match" : `view ${describe(onChain)} differs from events`);
  });

  await comparePositions(reader, address, state, record);
}

async function comparePositions(reader: Reader, address: Address, state: RebuiltState, record: Record) {
  const refsByContributor = new Map<Address, Array<{ serviceId: bigint; version: bigint }>>();
  for (const version of state.versions.values()) {
    for (const contributor of version.weights.keys()) {
      const refs = refsByContributor.get(contributor) ?? [];
      refs.push({ serviceId: version.serviceId, version: version.version });
      refsByContributor.set(contributor, refs);
    }
  }
  const contributors = [...refsByContributor.keys()];
  const results: Array<readonly [ReadonlyArray<{ weight: bigint; claimed: bigint }>, readonly bigint[]]> = [];
  for (const group of groupByPositionCount(contributors, refsByContributor)) {
    results.push(
      ...(await readMany<readonly [ReadonlyArray<{ weight: bigint; claimed: bigint }>, readonly bigint[]]>(
        reader,
        group.map((contributor) => ({
          address,
          abi: splitterAbi,
          functionName: "positions",
          args: [contributor, refsByContributor.get(contributor)!],
        })),
      )),
    );
  }
  let checked = 0;
  let mismatches = 0;
  contributors.forEach((contributor, i) => {
    const [positions, claimable] = results[i]!;
    refsByContributor.get(contributor)!.forEach((ref, j) => {
      const version = state.versions.get(versionKey(ref.serviceId, ref.version))!;
      const weight = version.weights.get(contributor) ?? 0n;
      const claimed = version.claimed.get(contributor) ?? 0n;
      const owed = claimableOf(version, contributor);
      checked += 1;
      if (positions[j]!.weight !== weight || positions[j]!.claimed !== claimed || claimable[j] !== owed) {
        mismatches += 1;
        record(
          false,
          `position ${versionKey(ref.serviceId, ref.version)} ${contributor}`,
          `view weight ${positions[j]!.weight} claimed ${positions[j]!.claimed} claimable ${claimable[j]}, ` +
            `events weight ${weight} claimed ${claimed} claimable ${owed}`,
        );
      }
    });
  });
  record(mismatches === 0, "positions", `${checked - mismatches} of ${checked} (version, contributor) positions match`);
}

/**
 * Positions read per multicall request. Each position costs a few cold storage reads, an estimated
 * 6,000 to 7,000 gas, so 1,000 stay well below 16,777,216 gas, the cap per call (EIP-7825) that a
 * Hardhat 3.18 node enforced. All 200 contributors' positions of the benchmark in one call ran out.
 */
const POSITIONS_PER_REQUEST = 1_000;

/** Splits contributors into groups whose version counts add up to at most POSITIONS_PER_REQUEST. */
function groupByPositionCount(contributors: Address[], refsByContributor: Map<Address, unknown[]>): Address[][] {
  const groups: Address[][] = [];
  let current: Address[] = [];
  let positions = 0;
  for (const contributor of contributors) {
    const count = refsByContributor.get(contributor)!.length;
    if (current.length > 0 && positions + count > POSITIONS_PER_REQUEST) {
      groups.push(current);
      current = [];
      positions = 0;
    }
    current.push(contributor);
    positions += count;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Per version: the accumulator accounts for every deposited unit exactly, and claimed plus
 * claimable falls short of deposits by at most one unit per contributor plus the carried remainder.
 */
function checkInvariants(state: RebuiltState, record: Record) {
  for (const version of state.versions.values()) {
    if (version.totalWeight === 0n) continue;
    const key = versionKey(version.serviceId, version.version);
    const exact = version.revenuePerWeight * version.totalWeight + version.remainder === version.totalDeposited * REVENUE_SCALE;
    let paidOrOwed = 0n;
    for (const contributor of version.weights.keys()) {
      paidOrOwed += (version.claimed.get(contributor) ?? 0n) + claimableOf(version, contributor);
    }
    const shortfall = version.totalDeposited - paidOrOwed;
    const bound = BigInt(version.weights.size) + version.remainder / REVENUE_SCALE;
    const ok = exact && shortfall >= 0n && shortfall <= bound;
    record(
      ok,
      `invariant ${key}`,
      `deposited ${version.totalDeposited} = claimed and claimable ${paidOrOwed} + carried ${shortfall} ` +
        `(at most ${bound}: one unit per contributor plus the remainder)`,
    );
  }
}

async function compareBalances(reader: Reader, deployment: Deployment, state: RebuiltState, record: Record) {
  const tokens = [...state.liabilities.keys()];
  const address = deployment.splitter.address;
  const results = await readMany<bigint>(reader, [
    ...tokens.map((token) => ({ address, abi: splitterAbi, functionName: "liabilities", args: [token] })),
    ...tokens.map((token) => ({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [address] })),
  ]);
  tokens.forEach((token, i) => {
    const expected = state.liabilities.get(token)!;
    const onChain = results[i]!;
    const balance = results[tokens.length + i]!;
    record(onChain === expected, `liabilities ${token}`, `view ${onChain}, events ${expected}`);
    record(balance >= onChain, `balance ${token}`, `splitter holds ${balance}, owes ${onChain}`);
  });
}

async function checkReports(state: RebuiltState, checkReport: (cid: string, sha256: Hex) => Promise<void>, record: Record) {
  const byCid = new Map<string, Hex>();
  for (const dataset of state.datasets.values()) byCid.set(`${dataset.reportCid} ${dataset.reportSha256}`, dataset.reportSha256);
  let failures = 0;
  const entries = [...byCid.entries()];
  const concurrency = 8;
  for (let start = 0; start < entries.length; start += concurrency) {
    await Promise.all(
      entries.slice(start, start + concurrency).map(async ([key, sha256]) => {
        const cid = key.split(" ")[0]!;
        try {
          await checkReport(cid, sha256);
        } catch (error) {
          failures += 1;
          record(false, `report ${cid}`, (error as Error).message);
        }
      }),
    );
  }
  record(failures === 0, "reports", `${entries.length - failures} of ${entries.length} reports match their sha256`);
}

function minBlock(deployment: Deployment): bigint {
  const registry = BigInt(deployment.registry.blockNumber);
  const splitter = BigInt(deployment.splitter.blockNumber);
  return registry < splitter ? registry : splitter;
}

function describe(value: object): string {
  return JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}
