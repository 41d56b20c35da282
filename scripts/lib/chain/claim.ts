/** Claims everything a contributor is owed, across all versions, in one transaction. */
import { parseEventLogs, type Address, type TransactionReceipt } from "viem";

import { splitterAbi } from "./abis.ts";
import { sendTransaction, type Connection } from "./connect.ts";
import { readEntitlements, type Entitlement } from "./entitlements.ts";

/** Thrown when a contributor has nothing to claim in any version. */
export class NothingToClaimError extends Error {
  override name = "NothingToClaimError" as const;
}

export interface ClaimAllReturnType {
  claimed: Array<Entitlement & { paid: bigint; payout: Address }>;
  receipt: TransactionReceipt;
}

/** Claims every version where `contributor` has something claimable; anyone may send it. */
export async function claimAll(connection: Connection, contributor: Address): Promise<ClaimAllReturnType> {
  const owed = (await readEntitlements(connection, contributor)).filter((entitlement) => entitlement.claimable > 0n);
  if (owed.length === 0) {
    throw new NothingToClaimError(`${contributor} has nothing to claim on chain ${connection.chainId}; check "1tt entitlements ${contributor}".`);
  }
  const receipt = await sendTransaction(connection, {
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "claim",
    args: [contributor, owed.map((entitlement) => ({ serviceId: entitlement.serviceId, version: entitlement.version }))],
  });
  const events = parseEventLogs({ abi: splitterAbi, logs: receipt.logs, eventName: "Claimed" });
  const claimed = owed.map((entitlement) => {
    const event = events.find((candidate) => candidate.args.serviceId === entitlement.serviceId && candidate.args.version === entitlement.version);
    return { ...entitlement, paid: event?.args.amount ?? 0n, payout: event?.args.payout ?? contributor };
  });
  return { claimed, receipt };
}
