/**
 * A contributor's entitlements: per service and version, its frozen weight, its share of the total
 * weight, what the version received, and what the contributor has claimed and can claim. It reads
 * views only (services, versions, one `positions` call), through Multicall3 where one is recorded.
 */
import type { Address } from "viem";

import { erc20Abi, splitterAbi } from "./abis.ts";
import type { Connection } from "./connect.ts";
import type { TokenInfo } from "./deposit.ts";
import { readMany } from "./multicall.ts";
import { REVENUE_SCALE } from "./rebuild.ts";

export interface Entitlement {
  serviceId: bigint;
  serviceName?: string;
  version: bigint;
  token: TokenInfo;
  isSealed: boolean;
  weight: bigint;
  totalWeight: bigint;
  /** Everything deposited to the version, for all contributors. */
  versionDeposited: bigint;
  /** The contributor's part of the deposits: weight times revenue per weight, rounded down. */
  entitled: bigint;
  claimed: bigint;
  claimable: bigint;
}

/** (service, version) pairs per `positions` call, as in verify: well below a node's gas cap per call. */
const POSITIONS_PER_CALL = 1_000;

interface ServiceView {
  token: Address;
  shareBps: number;
  versionCount: number;
}

interface VersionView {
  totalWeight: bigint;
  sealedAt: number;
  revenuePerWeight: bigint;
  totalDeposited: bigint;
}

/** Returns the contributor's entitlement in every version where it has weight. */
export async function readEntitlements(connection: Connection, contributor: Address): Promise<Entitlement[]> {
  const reader = { client: connection.publicClient, multicall3: connection.deployment.multicall3 };
  const splitter = connection.deployment.splitter.address;

  const [serviceCount] = await readMany<bigint>(reader, [{ address: splitter, abi: splitterAbi, functionName: "serviceCount" }]);
  const serviceIds = Array.from({ length: Number(serviceCount) }, (_, i) => BigInt(i + 1));
  const services = await readMany<ServiceView>(
    reader,
    serviceIds.map((id) => ({ address: splitter, abi: splitterAbi, functionName: "service", args: [id] })),
  );
  const refs = serviceIds.flatMap((serviceId, i) =>
    Array.from({ length: services[i]!.versionCount }, (_, j) => ({ serviceId, version: BigInt(j + 1) })),
  );
  if (refs.length === 0) return [];

  // Positions are read in chunks so that one call stays below the node's gas cap per call.
  const chunks: Array<typeof refs> = [];
  for (let start = 0; start < refs.length; start += POSITIONS_PER_CALL) chunks.push(refs.slice(start, start + POSITIONS_PER_CALL));
  const results = await readMany<unknown>(reader, [
    ...chunks.map((chunk) => ({ address: splitter, abi: splitterAbi, functionName: "positions", args: [contributor, chunk] })),
    ...refs.map((ref) => ({ address: splitter, abi: splitterAbi, functionName: "version", args: [ref.serviceId, ref.version] })),
  ]);
  const positionResults = results.slice(0, chunks.length) as Array<readonly [ReadonlyArray<{ weight: bigint; claimed: bigint }>, readonly bigint[]]>;
  const positions = positionResults.flatMap(([chunkPositions]) => chunkPositions);
  const claimable = positionResults.flatMap(([, chunkClaimable]) => chunkClaimable);
  const versions = results.slice(chunks.length);

  const tokens = await readTokens(connection, [...new Set(services.map((service) => service.token))]);
  const entitlements: Entitlement[] = [];
  refs.forEach((ref, i) => {
    const position = positions[i]!;
    if (position.weight === 0n) return;
    const version = versions[i] as VersionView;
    const service = services[Number(ref.serviceId) - 1]!;
    entitlements.push({
      serviceId: ref.serviceId,
      version: ref.version,
      token: tokens.get(service.token)!,
      isSealed: version.sealedAt !== 0,
      weight: position.weight,
      totalWeight: version.totalWeight,
      versionDeposited: version.totalDeposited,
      entitled: (position.weight * version.revenuePerWeight) / REVENUE_SCALE,
      claimed: position.claimed,
      claimable: claimable[i]!,
    });
  });
  return entitlements;
}

/** Reads symbol and decimals of each token, keyed by the address as given. */
export async function readTokens(connection: Connection, tokens: Address[]): Promise<Map<Address, TokenInfo>> {
  const reader = { client: connection.publicClient, multicall3: connection.deployment.multicall3 };
  const results = await readMany<string | number>(reader, [
    ...tokens.map((address) => ({ address, abi: erc20Abi, functionName: "symbol" })),
    ...tokens.map((address) => ({ address, abi: erc20Abi, functionName: "decimals" })),
  ]);
  return new Map(
    tokens.map((address, i) => [address, { address, symbol: results[i] as string, decimals: Number(results[tokens.length + i]) }]),
  );
}

/** Returns the weight's share of the total as a percentage with `digits` decimals, rounded down. */
export function shareOfWeight(weight: bigint, totalWeight: bigint, digits = 4): string {
  if (totalWeight === 0n) return "0";
  const scale = 10n ** BigInt(digits);
  const scaled = (weight * 100n * scale) / totalWeight;
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, "0");
  return digits === 0 ? whole.toString() : `${whole}.${fraction}`;
}
