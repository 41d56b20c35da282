/**
 * A contributor's entitlements per (service, version), read from the splitter's `positions` batch
 * view together with its payout address: one `eth_call` through Multicall3, whatever the number of
 * versions (viem splits only above 256 KiB of calldata).
 */
import type { Address, PublicClient } from "viem";

import { splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import type { Deployment } from "../../../scripts/lib/chain/deployment.ts";
import { readMany } from "../../../scripts/lib/chain/multicall.ts";

export interface VersionRef {
  serviceId: bigint;
  version: bigint;
}

export interface Entitlement extends VersionRef {
  weight: bigint;
  claimed: bigint;
  claimable: bigint;
}

export interface FetchEntitlementsReturnType {
  entitlements: Entitlement[];
  /** Address that claims are paid to: the contributor itself unless it set another address. */
  payout: Address;
}

/** Reads `contributor`'s position and claimable amount in each of `refs`, in order. */
export async function fetchEntitlements(
  client: PublicClient,
  deployment: Deployment,
  contributor: Address,
  refs: VersionRef[],
): Promise<FetchEntitlementsReturnType> {
  const address = deployment.splitter.address;
  const [positions, payout] = await readMany<unknown>({ client, multicall3: deployment.multicall3 }, [
    { address, abi: splitterAbi, functionName: "positions", args: [contributor, refs] },
    { address, abi: splitterAbi, functionName: "payoutAddress", args: [contributor] },
  ]);
  const [held, claimable] = positions as readonly [ReadonlyArray<{ weight: bigint; claimed: bigint }>, readonly bigint[]];
  return {
    entitlements: refs.map((ref, i) => ({
      ...ref,
      weight: held[i]!.weight,
      claimed: held[i]!.claimed,
      claimable: claimable[i]!,
    })),
    payout: payout as Address,
  };
}

/** Returns the versions with something to claim, the argument of one `claim` transaction. */
export function claimableRefs(entitlements: Entitlement[]): VersionRef[] {
  return entitlements
    .filter((entitlement) => entitlement.claimable > 0n)
    .map(({ serviceId, version }) => ({ serviceId, version }));
}
