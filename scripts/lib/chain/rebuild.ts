/**
 * Rebuilds datasets, services, versions, weights, deposits and claims from the contracts' event
 * logs alone, applying each event in chain order the way the contracts change their storage.
 */
import { parseEventLogs, type Address, type Hex, type Log } from "viem";

import { registryAbi, splitterAbi } from "./abis.ts";

/** Fixed-point scale of `revenuePerWeight`, as in the splitter. */
export const REVENUE_SCALE = 10n ** 18n;
export const BPS_DENOMINATOR = 10_000n;

export interface LogPosition {
  blockNumber: bigint;
  transactionHash: Hex;
  logIndex: number;
}

export interface RebuiltDataset extends LogPosition {
  id: Hex;
  contributor: Address;
  attester: Address;
  tokenCount: bigint;
  index: number;
  reportSha256: Hex;
  reportCid: string;
  pipelineId: Hex;
  tokenizerId: Hex;
  isRevoked: boolean;
}

export interface RebuiltService extends LogPosition {
  id: bigint;
  name: string;
  token: Address;
  consumer: Address;
  shareBps: number;
  pendingShareBps: number;
  pendingShareAt: number;
  versionCount: number;
}

export interface RebuiltDeposit extends LogPosition {
  serviceId: bigint;
  version: bigint;
  payer: Address;
  period: Hex;
  grossRevenue: bigint;
  shareBps: number;
  amount: bigint;
}

export interface RebuiltClaim extends LogPosition {
  contributor: Address;
  serviceId: bigint;
  version: bigint;
  payout: Address;
  amount: bigint;
}

export interface RebuiltVersion {
  serviceId: bigint;
  version: bigint;
  datasetIds: Hex[];
  /** Token count per contributor, in lower-case address keys. */
  weights: Map<Address, bigint>;
  totalWeight: bigint;
  /** Block of the seal; undefined while the version is open. */
  sealedBlock: bigint | undefined;
  revenuePerWeight: bigint;
  remainder: bigint;
  totalDeposited: bigint;
  /** Amount claimed per contributor, in lower-case address keys. */
  claimed: Map<Address, bigint>;
}

export interface RebuiltState {
  datasets: Map<Hex, RebuiltDataset>;
  services: Map<bigint, RebuiltService>;
  versions: Map<string, RebuiltVersion>;
  deposits: RebuiltDeposit[];
  claims: RebuiltClaim[];
  /** Payout address per contributor, where one was set; lower-case keys. */
  payouts: Map<Address, Address>;
  allowedTokens: Map<Address, boolean>;
  /** Deposited minus claimed per token; lower-case keys. */
  liabilities: Map<Address, bigint>;
  /** Contradictions found while applying events, such as a deposit to an unknown version. */
  problems: string[];
}

/** Returns the key of a (service, version) pair in `RebuiltState.versions`. */
export function versionKey(serviceId: bigint, version: bigint): string {
  return `${serviceId}/${version}`;
}

/** Returns the amount a contributor could claim now, as the splitter computes it (rounded down). */
export function claimableOf(version: RebuiltVersion, contributor: Address): bigint {
  const key = lower(contributor);
  const entitlement = ((version.weights.get(key) ?? 0n) * version.revenuePerWeight) / REVENUE_SCALE;
  return entitlement - (version.claimed.get(key) ?? 0n);
}

/**
 * Applies the registry's and the splitter's logs, in chain order, to an empty state. Logs of
 * other contracts must already be filtered out by address.
 */
export function rebuildState(registryLogs: Log[], splitterLogs: Log[]): RebuiltState {
  const state: RebuiltState = {
    datasets: new Map(),
    services: new Map(),
    versions: new Map(),
    deposits: [],
    claims: [],
    payouts: new Map(),
    allowedTokens: new Map(),
    liabilities: new Map(),
    problems: [],
  };
  const registryEvents = parseEventLogs({ abi: registryAbi, logs: registryLogs, strict: true });
  const splitterEvents = parseEventLogs({ abi: splitterAbi, logs: splitterLogs, strict: true });
  const ordered = [...registryEvents, ...splitterEvents].sort(compareLogs);

  for (const event of ordered) {
    const position = {
      blockNumber: event.blockNumber,
      transactionHash: event.transactionHash,
      logIndex: event.logIndex,
    };
    switch (event.eventName) {
      case "DatasetRegistered":
        state.datasets.set(event.args.datasetId, {
          ...position,
          id: event.args.datasetId,
          contributor: lower(event.args.contributor),
          attester: lower(event.args.attester),
          tokenCount: event.args.tokenCount,
          index: event.args.index,
          reportSha256: event.args.reportSha256,
          reportCid: event.args.reportCid,
          pipelineId: event.args.pipelineId,
          tokenizerId: event.args.tokenizerId,
          isRevoked: false,
        });
        break;
      case "DatasetRevoked": {
        const dataset = state.datasets.get(event.args.datasetId);
        if (dataset === undefined) state.problems.push(`revocation of unknown dataset ${event.args.datasetId}`);
        else dataset.isRevoked = true;
        break;
      }
      case "PayoutTokenAllowlistSet":
        state.allowedTokens.set(lower(event.args.token), event.args.isAllowed);
        break;
      case "ServiceCreated":
        state.services.set(event.args.serviceId, {
          ...position,
          id: event.args.serviceId,
          name: event.args.name,
          token: lower(event.args.token),
          consumer: lower(event.args.consumer),
          shareBps: event.args.shareBps,
          pendingShareBps: 0,
          pendingShareAt: 0,
          versionCount: 0,
        });
        break;
      case "ShareChanged":
        applyShareChange(state, event.args);
        break;
      case "VersionOpened": {
        const service = state.services.get(event.args.serviceId);
        if (service === undefined) {
          state.problems.push(`version opened for unknown service ${event.args.serviceId}`);
          break;
        }
        service.versionCount += 1;
        state.versions.set(versionKey(event.args.serviceId, event.args.version), {
          serviceId: event.args.serviceId,
          version: event.args.version,
          datasetIds: [],
          weights: new Map(),
          totalWeight: 0n,
          sealedBlock: undefined,
          revenuePerWeight: 0n,
          remainder: 0n,
          totalDeposited: 0n,
          claimed: new Map(),
        });
        break;
      }
      case "DatasetsAttached":
        applyAttach(state, event.args);
        break;
      case "VersionSealed": {
        const version = requireVersion(state, event.args.serviceId, event.args.version, "seal");
        if (version !== undefined) version.sealedBlock = event.blockNumber;
        break;
      }
      case "Deposited":
        applyDeposit(state, { ...position, ...event.args });
        break;
      case "Claimed":
        applyClaim(state, { ...position, ...event.args });
        break;
      case "PayoutAddressSet":
        state.payouts.set(lower(event.args.contributor), lower(event.args.payout));
        break;
      case "TokensRescued":
        break;
      default:
        break;
    }
  }
  return state;
}

function applyShareChange(
  state: RebuiltState,
  args: { serviceId: bigint; previousShareBps: number; newShareBps: number; effectiveAt: number },
) {
  const service = state.services.get(args.serviceId);
  if (service === undefined) {
    state.problems.push(`share change for unknown service ${args.serviceId}`);
    return;
  }
  if (args.newShareBps >= args.previousShareBps) {
    service.shareBps = args.newShareBps;
    service.pendingShareBps = 0;
    service.pendingShareAt = 0;
  } else {
    service.shareBps = args.previousShareBps;
    service.pendingShareBps = args.newShareBps;
    service.pendingShareAt = args.effectiveAt;
  }
}

function applyAttach(
  state: RebuiltState,
  args: { serviceId: bigint; version: bigint; datasetIds: readonly Hex[]; totalWeight: bigint },
) {
  const version = requireVersion(state, args.serviceId, args.version, "attach");
  if (version === undefined) return;
  for (const id of args.datasetIds) {
    const dataset = state.datasets.get(id);
    if (dataset === undefined) {
      state.problems.push(`version ${versionKey(args.serviceId, args.version)} attached unknown dataset ${id}`);
      continue;
    }
    version.datasetIds.push(id);
    version.weights.set(dataset.contributor, (version.weights.get(dataset.contributor) ?? 0n) + dataset.tokenCount);
    version.totalWeight += dataset.tokenCount;
  }
  if (version.totalWeight !== args.totalWeight) {
    state.problems.push(
      `version ${versionKey(args.serviceId, args.version)}: attached weights sum to ${version.totalWeight}, ` +
        `the event says ${args.totalWeight}`,
    );
  }
}

function applyDeposit(
  state: RebuiltState,
  deposit: RebuiltDeposit & { revenuePerWeight: bigint; remainder: bigint },
) {
  const version = requireVersion(state, deposit.serviceId, deposit.version, "deposit");
  const service = state.services.get(deposit.serviceId);
  if (version === undefined || service === undefined) return;
  const key = versionKey(deposit.serviceId, deposit.version);

  // Deposit amount rounds up, as in the splitter.
  const expectedAmount = ceilDiv(deposit.grossRevenue * BigInt(deposit.shareBps), BPS_DENOMINATOR);
  if (expectedAmount !== deposit.amount) {
    state.problems.push(
      `deposit ${deposit.transactionHash} to ${key}: ${deposit.grossRevenue} at ${deposit.shareBps} bps ` +
        `is ${expectedAmount}, the event says ${deposit.amount}`,
    );
  }
  if (version.totalWeight === 0n) {
    state.problems.push(`deposit ${deposit.transactionHash} to ${key}, which has no weight`);
    return;
  }
  const spread = deposit.amount * REVENUE_SCALE + version.remainder;
  version.revenuePerWeight += spread / version.totalWeight;
  version.remainder = spread % version.totalWeight;
  version.totalDeposited += deposit.amount;
  if (version.revenuePerWeight !== deposit.revenuePerWeight || version.remainder !== deposit.remainder) {
    state.problems.push(
      `deposit ${deposit.transactionHash} to ${key}: recomputed accumulator ${version.revenuePerWeight} ` +
        `remainder ${version.remainder}, the event says ${deposit.revenuePerWeight} remainder ${deposit.remainder}`,
    );
  }
  addLiability(state, service.token, deposit.amount);
  state.deposits.push({
    blockNumber: deposit.blockNumber,
    transactionHash: deposit.transactionHash,
    logIndex: deposit.logIndex,
    serviceId: deposit.serviceId,
    version: deposit.version,
    payer: lower(deposit.payer),
    period: deposit.period,
    grossRevenue: deposit.grossRevenue,
    shareBps: deposit.shareBps,
    amount: deposit.amount,
  });
}

function applyClaim(state: RebuiltState, claim: RebuiltClaim) {
  const version = requireVersion(state, claim.serviceId, claim.version, "claim");
  const service = state.services.get(claim.serviceId);
  if (version === undefined || service === undefined) return;
  const contributor = lower(claim.contributor);
  const owed = claimableOf(version, contributor);
  if (claim.amount > owed) {
    state.problems.push(
      `claim ${claim.transactionHash} paid ${contributor} ${claim.amount} in ` +
        `${versionKey(claim.serviceId, claim.version)}, but only ${owed} was owed`,
    );
  }
  version.claimed.set(contributor, (version.claimed.get(contributor) ?? 0n) + claim.amount);
  addLiability(state, service.token, -claim.amount);
  state.claims.push({ ...claim, contributor, payout: lower(claim.payout) });
}

function requireVersion(state: RebuiltState, serviceId: bigint, version: bigint, action: string) {
  const found = state.versions.get(versionKey(serviceId, version));
  if (found === undefined) state.problems.push(`${action} on unknown version ${versionKey(serviceId, version)}`);
  return found;
}

function addLiability(state: RebuiltState, token: Address, amount: bigint) {
  state.liabilities.set(token, (state.liabilities.get(token) ?? 0n) + amount);
}

function compareLogs(a: { blockNumber: bigint; logIndex: number }, b: { blockNumber: bigint; logIndex: number }) {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

function lower(address: Address): Address {
  return address.toLowerCase() as Address;
}
