/**
 * One write, the way viem advises: simulate first (a revert surfaces with its decoded custom error
 * before the wallet opens), send, then wait for the receipt while following a replacement by the
 * wallet (sped up or cancelled). Each step is reported, so the screen shows what is true now.
 */
import type { Hash, PublicClient, WalletClient } from "viem";

/** The wallet's replacement of a sent transaction: sped up, changed, or cancelled. */
export interface Replacement {
  previousHash: Hash;
  reason: "replaced" | "repriced" | "cancelled";
}

export type TransactionStatus =
  | { phase: "idle" }
  | { phase: "simulating" }
  | { phase: "awaitingSignature" }
  | { phase: "pending"; hash: Hash }
  | { phase: "replaced"; hash: Hash; previousHash: Hash; reason: "replaced" | "repriced" | "cancelled" }
  | { phase: "confirmed"; hash: Hash; blockNumber: bigint; replacement?: Replacement }
  | { phase: "reverted"; hash: Hash; blockNumber: bigint; replacement?: Replacement }
  | { phase: "failed"; error: unknown };

/**
 * A `simulateContract` call. Its request is typed by each contract's ABI; here it is only passed on
 * to `writeContract`, which accepts what the simulation returned.
 */
export type Simulate = () => Promise<{ request: unknown }>;

export interface SendTransactionParameters {
  publicClient: PublicClient;
  walletClient: WalletClient;
  /** Runs the simulation and returns its request; it throws with the decoded revert. */
  simulate: Simulate;
  onStatus: (status: TransactionStatus) => void;
}

/** Simulates, sends and waits for one transaction; errors end as a "failed" status instead of a rejection. */
export async function sendTransaction(parameters: SendTransactionParameters): Promise<TransactionStatus> {
  const { publicClient, walletClient, onStatus } = parameters;
  const report = (status: TransactionStatus) => {
    onStatus(status);
    return status;
  };
  try {
    report({ phase: "simulating" });
    const { request } = await parameters.simulate();
    report({ phase: "awaitingSignature" });
    const hash = await walletClient.writeContract(request as never);
    report({ phase: "pending", hash });
    let replaced: { replacement?: Replacement } = {};
    const receipt = await publicClient.waitForTransactionReceipt({
      hash,
      onReplaced: (replacement) => {
        replaced = { replacement: { previousHash: hash, reason: replacement.reason } };
        report({ phase: "replaced", hash: replacement.transaction.hash, previousHash: hash, reason: replacement.reason });
      },
    });
    const mined = { hash: receipt.transactionHash, blockNumber: receipt.blockNumber, ...replaced };
    if (receipt.status === "reverted") return report({ phase: "reverted", ...mined });
    return report({ phase: "confirmed", ...mined });
  } catch (error) {
    console.error("transaction failed", error);
    return report({ phase: "failed", error });
  }
}

/** Returns whether a transaction is under way, so that its button stays disabled. */
export function isBusy(status: TransactionStatus): boolean {
  return status.phase === "simulating" || status.phase === "awaitingSignature" || status.phase === "pending" || status.phase === "replaced";
}
