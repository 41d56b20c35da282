import type { PublicClient, WalletClient } from "viem";
import { describe, expect, it, vi } from "vitest";

import { isBusy, sendTransaction, type TransactionStatus } from "./transaction.ts";

const FIRST_HASH = `0x${"11".repeat(32)}` as const;
const SPED_UP_HASH = `0x${"22".repeat(32)}` as const;

/** Fake clients that play one scripted outcome of the receipt wait. */
function clients(outcome: { replaceWith?: `0x${string}`; status: "success" | "reverted" }) {
  const walletClient = { writeContract: async () => FIRST_HASH } as unknown as WalletClient;
  const publicClient = {
    waitForTransactionReceipt: async ({ onReplaced }: { onReplaced: (replacement: unknown) => void }) => {
      if (outcome.replaceWith !== undefined) {
        onReplaced({ reason: "repriced", transaction: { hash: outcome.replaceWith } });
      }
      return { status: outcome.status, transactionHash: outcome.replaceWith ?? FIRST_HASH, blockNumber: 42n };
    },
  } as unknown as PublicClient;
  return { walletClient, publicClient };
}

async function phasesOf(parameters: Parameters<typeof sendTransaction>[0]) {
  const seen: TransactionStatus[] = [];
  const final = await sendTransaction({ ...parameters, onStatus: (status) => seen.push(status) });
  return { seen, final };
}

describe("sendTransaction", () => {
  it("reports each step up to the confirmation", async () => {
    const { seen, final } = await phasesOf({ ...clients({ status: "success" }), simulate: async () => ({ request: {} }), onStatus: () => {} });

    expect(seen.map((status) => status.phase)).toEqual(["simulating", "awaitingSignature", "pending", "confirmed"]);
    expect(final).toEqual({ phase: "confirmed", hash: FIRST_HASH, blockNumber: 42n });
  });

  it("follows a transaction that the wallet replaced", async () => {
    const { seen, final } = await phasesOf({
      ...clients({ replaceWith: SPED_UP_HASH, status: "success" }),
      simulate: async () => ({ request: {} }),
      onStatus: () => {},
    });

    expect(seen.map((status) => status.phase)).toEqual(["simulating", "awaitingSignature", "pending", "replaced", "confirmed"]);
    expect(seen[3]).toEqual({ phase: "replaced", hash: SPED_UP_HASH, previousHash: FIRST_HASH, reason: "repriced" });
    expect(final).toEqual({
      phase: "confirmed",
      hash: SPED_UP_HASH,
      blockNumber: 42n,
      replacement: { previousHash: FIRST_HASH, reason: "repriced" },
    });
  });

  it("says so when the mined transaction reverted", async () => {
    const { final } = await phasesOf({ ...clients({ status: "reverted" }), simulate: async () => ({ request: {} }), onStatus: () => {} });
    expect(final).toEqual({ phase: "reverted", hash: FIRST_HASH, blockNumber: 42n });
  });

  it("stops before the wallet when the simulation fails", async () => {
    const failure = new Error("execution reverted");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let wasSent = false;
    const { walletClient, publicClient } = clients({ status: "success" });
    walletClient.writeContract = (async () => {
      wasSent = true;
      return FIRST_HASH;
    }) as never;
    const { seen, final } = await phasesOf({
      walletClient,
      publicClient,
      simulate: async () => {
        throw failure;
      },
      onStatus: () => {},
    });

    expect(seen.map((status) => status.phase)).toEqual(["simulating", "failed"]);
    expect(final).toEqual({ phase: "failed", error: failure });
    expect(wasSent).toBe(false);
    expect(log).toHaveBeenCalledWith("transaction failed", failure);
    log.mockRestore();
  });
});

describe("isBusy", () => {
  it("is true only while a transaction is under way", () => {
    expect(isBusy({ phase: "pending", hash: FIRST_HASH })).toBe(true);
    expect(isBusy({ phase: "awaitingSignature" })).toBe(true);
    expect(isBusy({ phase: "idle" })).toBe(false);
    expect(isBusy({ phase: "confirmed", hash: FIRST_HASH, blockNumber: 1n })).toBe(false);
  });
});
