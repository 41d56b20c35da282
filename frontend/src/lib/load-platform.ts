/**
 * Loads the platform's state in the browser the way `1tt verify` does: every event of the registry
 * and the splitter, rebuilt by the CLI's `rebuildState`, plus each payout token's decimals and
 * symbol read from the token (never assumed).
 */
import { erc20Abi, type Address, type PublicClient } from "viem";

import type { Deployment } from "../../../scripts/lib/chain/deployment.ts";
import { readLogs } from "../../../scripts/lib/chain/logs.ts";
import { readMany } from "../../../scripts/lib/chain/multicall.ts";
import { rebuildState, type RebuiltState } from "../../../scripts/lib/chain/rebuild.ts";

export interface TokenInfo {
  address: Address;
  decimals: number;
  symbol: string;
}

export interface PlatformSnapshot {
  state: RebuiltState;
  /** Payout tokens by lower-case address. */
  tokens: Map<Address, TokenInfo>;
  blockNumber: bigint;
  /** Timestamp of `blockNumber`, in seconds; "now" for share changes and deadlines. */
  blockTimestamp: bigint;
}

/** Reads every platform event up to the latest block and rebuilds the state from them. */
export async function loadPlatform(client: PublicClient, deployment: Deployment): Promise<PlatformSnapshot> {
  const block = await client.getBlock();
  const fromBlock = minBigInt(BigInt(deployment.registry.blockNumber), BigInt(deployment.splitter.blockNumber));
  const { logs } = await readLogs(client, {
    addresses: [deployment.registry.address, deployment.splitter.address],
    fromBlock,
    toBlock: block.number,
  });
  const registry = deployment.registry.address.toLowerCase();
  const state = rebuildState(
    logs.filter((log) => log.address.toLowerCase() === registry),
    logs.filter((log) => log.address.toLowerCase() !== registry),
  );
  const tokenAddresses = new Set<Address>([
    ...[...state.services.values()].map((service) => service.token),
    ...[...state.allowedTokens.keys()],
  ]);
  const tokens = await readTokens(client, deployment.multicall3, [...tokenAddresses]);
  return { state, tokens, blockNumber: block.number, blockTimestamp: block.timestamp };
}

/** Reads decimals and symbol of each token in one multicall when the chain has Multicall3. */
export async function readTokens(
  client: PublicClient,
  multicall3: Address | undefined,
  addresses: Address[],
): Promise<Map<Address, TokenInfo>> {
  const results = await readMany<number | string>({ client, multicall3 }, [
    ...addresses.map((address) => ({ address, abi: erc20Abi, functionName: "decimals" })),
    ...addresses.map((address) => ({ address, abi: erc20Abi, functionName: "symbol" })),
  ]);
  return new Map(
    addresses.map((address, i) => [
      address.toLowerCase() as Address,
      { address, decimals: Number(results[i]), symbol: String(results[addresses.length + i]) },
    ]),
  );
}

function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
