/** Sums a contributor's claimable amounts per payout token, for the "claim everything" summary. */
import type { Address } from "viem";

import type { Entitlement } from "./entitlements.ts";

export function claimableByToken(entitlements: Entitlement[], tokenOf: (serviceId: bigint) => Address | undefined): Map<Address, bigint> {
  const totals = new Map<Address, bigint>();
  for (const entry of entitlements) {
    const token = tokenOf(entry.serviceId);
    if (token === undefined || entry.claimable === 0n) continue;
    totals.set(token, (totals.get(token) ?? 0n) + entry.claimable);
  }
  return totals;
}
