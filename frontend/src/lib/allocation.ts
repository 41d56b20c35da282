/**
 * View models of the public pages, computed from the rebuilt state: totals, service terms and each
 * version's allocation. Amounts stay bigint; the components format them.
 */
import type { Address, Hex } from "viem";

import type { Entitlement } from "./entitlements.ts";

import {
  claimableOf,
  REVENUE_SCALE,
  versionKey,
  type RebuiltDeposit,
  type RebuiltService,
  type RebuiltState,
  type RebuiltVersion,
} from "../../../scripts/lib/chain/rebuild.ts";

export interface AllocationRow {
  contributor: Address;
  datasetIds: Hex[];
  tokens: bigint;
  /** The contributor's part of all deposits: weight × revenue per weight, rounded down as the splitter does. */
  entitled: bigint;
  claimed: bigint;
  claimable: bigint;
}

export interface Allocation {
  serviceId: bigint;
  version: bigint;
  isSealed: boolean;
  rows: AllocationRow[];
  totalTokens: bigint;
  totalDeposited: bigint;
  totalEntitled: bigint;
  totalClaimed: bigint;
  totalClaimable: bigint;
  /** Deposited but not yet spread over the weights: the rounding remainder carried forward. */
  carried: bigint;
}

/** Returns a version's allocation, largest contributor first, or undefined for an unknown version. */
export function buildAllocation(state: RebuiltState, serviceId: bigint, version: bigint): Allocation | undefined {
  const found = state.versions.get(versionKey(serviceId, version));
  if (found === undefined) return undefined;

  const datasetsByContributor = new Map<Address, Hex[]>();
  for (const id of found.datasetIds) {
    const contributor = state.datasets.get(id)?.contributor;
    if (contributor === undefined) continue;
    datasetsByContributor.set(contributor, [...(datasetsByContributor.get(contributor) ?? []), id]);
  }

  const rows = [...found.weights.entries()].map(([contributor, tokens]) => {
    const claimed = found.claimed.get(contributor) ?? 0n;
    return {
      contributor,
      datasetIds: datasetsByContributor.get(contributor) ?? [],
      tokens,
      entitled: (tokens * found.revenuePerWeight) / REVENUE_SCALE,
      claimed,
      claimable: claimableOf(found, contributor),
    };
  });
  // Most tokens first; equal token counts in address order, so the table order is stable.
  rows.sort((a, b) => {
    if (a.tokens !== b.tokens) return a.tokens > b.tokens ? -1 : 1;
    return a.contributor.localeCompare(b.contributor);
  });

  const totalEntitled = sum(rows.map((row) => row.entitled));
  return {
    serviceId,
    version,
    isSealed: found.sealedBlock !== undefined,
    rows,
    totalTokens: found.totalWeight,
    totalDeposited: found.totalDeposited,
    totalEntitled,
    totalClaimed: sum(rows.map((row) => row.claimed)),
    totalClaimable: sum(rows.map((row) => row.claimable)),
    carried: found.totalDeposited - totalEntitled,
  };
}

export interface TokenTotals {
  token: Address;
  deposited: bigint;
  claimed: bigint;
  outstanding: bigint;
}

export interface Overview {
  datasetCount: number;
  contributorCount: number;
  registeredTokens: bigint;
  serviceCount: number;
  sealedVersionCount: number;
  totals: TokenTotals[];
}

/** Returns the platform-wide totals shown on the overview page. */
export function buildOverview(state: RebuiltState): Overview {
  const datasets = [...state.datasets.values()];
  const totals = new Map<Address, TokenTotals>();
  const totalsOf = (token: Address) => {
    const existing = totals.get(token);
    if (existing !== undefined) return existing;
    const created = { token, deposited: 0n, claimed: 0n, outstanding: 0n };
    totals.set(token, created);
    return created;
  };
  for (const deposit of state.deposits) {
    const token = state.services.get(deposit.serviceId)?.token;
    if (token !== undefined) totalsOf(token).deposited += deposit.amount;
  }
  for (const claim of state.claims) {
    const token = state.services.get(claim.serviceId)?.token;
    if (token !== undefined) totalsOf(token).claimed += claim.amount;
  }
  for (const entry of totals.values()) entry.outstanding = entry.deposited - entry.claimed;

  return {
    datasetCount: datasets.length,
    contributorCount: new Set(datasets.map((dataset) => dataset.contributor)).size,
    registeredTokens: sum(datasets.map((dataset) => dataset.tokenCount)),
    serviceCount: state.services.size,
    sealedVersionCount: [...state.versions.values()].filter((version) => version.sealedBlock !== undefined).length,
    totals: [...totals.values()],
  };
}

export interface ServiceTerms {
  service: RebuiltService;
  /** The share a deposit made at `now` would use, as `shareInForce` computes it. */
  shareInForce: number;
  /** A scheduled decrease that has not taken effect yet. */
  pendingDecrease?: { shareBps: number; effectiveAt: number };
}

/** Returns a service's terms as of `nowSeconds` (the latest block's timestamp). */
export function termsOf(service: RebuiltService, nowSeconds: bigint): ServiceTerms {
  const hasPending = service.pendingShareAt !== 0;
  if (hasPending && BigInt(service.pendingShareAt) <= nowSeconds) {
    return { service, shareInForce: service.pendingShareBps };
  }
  return {
    service,
    shareInForce: service.shareBps,
    ...(hasPending ? { pendingDecrease: { shareBps: service.pendingShareBps, effectiveAt: service.pendingShareAt } } : {}),
  };
}

/** Returns a service's versions in order. */
export function versionsOf(state: RebuiltState, serviceId: bigint): RebuiltVersion[] {
  return [...state.versions.values()]
    .filter((version) => version.serviceId === serviceId)
    .sort((a, b) => (a.version < b.version ? -1 : 1));
}

/** Returns every (service, version) in which `contributor` has weight. */
export function versionsWithWeight(state: RebuiltState, contributor: Address): RebuiltVersion[] {
  const key = contributor.toLowerCase() as Address;
  return [...state.versions.values()].filter((version) => version.weights.has(key));
}

function sum(values: bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

/** Returns the deposits to one version, oldest first. */
export function depositsOfVersion(state: RebuiltState, serviceId: bigint, version: bigint): RebuiltDeposit[] {
  return state.deposits.filter((deposit) => deposit.serviceId === serviceId && deposit.version === version);
}

/** Sums deposits per period label, in the order each period first appears. */
export function totalsByPeriod(deposits: RebuiltDeposit[]): Array<{ period: Hex; amount: bigint }> {
  const totals = new Map<Hex, bigint>();
  for (const deposit of deposits) totals.set(deposit.period, (totals.get(deposit.period) ?? 0n) + deposit.amount);
  return [...totals.entries()].map(([period, amount]) => ({ period, amount }));
}

/** Returns `contributor`'s entitlement in each version where it has weight, computed from events. */
export function entitlementsFromState(state: RebuiltState, contributor: Address): Entitlement[] {
  const key = contributor.toLowerCase() as Address;
  return versionsWithWeight(state, key).map((version) => ({
    serviceId: version.serviceId,
    version: version.version,
    weight: version.weights.get(key) ?? 0n,
    claimed: version.claimed.get(key) ?? 0n,
    claimable: claimableOf(version, key),
  }));
}
