import type { Abi, Address } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { registryAbi, splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import { rebuildState, REVENUE_SCALE, type RebuiltState } from "../../../scripts/lib/chain/rebuild.ts";
import { buildAllocation, buildOverview, depositsOfVersion, entitlementsFromState, termsOf, totalsByPeriod } from "./allocation.ts";
import { createLogBuilder, idOf } from "./testing/event-logs.ts";

const REGISTRY: Address = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
const SPLITTER: Address = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
const TOKEN: Address = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
const ALICE: Address = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const BOB: Address = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
const OPERATOR: Address = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
const PERIOD = "0x323032362d313000000000000000000000000000000000000000000000000000"; // "2026-10"

/**
 * One service at 15% with one sealed version: Alice 2 datasets (700 + 100 tokens), Bob 1 (200);
 * one deposit of gross 1,000,003 → 150,001 (rounded up), and a claim by Alice.
 */
function buildState(): RebuiltState {
  const registry = createLogBuilder();
  const splitter = createLogBuilder();
  const register = (name: string, contributor: Address, tokenCount: bigint, index: number) =>
    registry.emit(REGISTRY, registryAbi as Abi, "DatasetRegistered", {
      datasetId: idOf(name),
      contributor,
      attester: OPERATOR,
      tokenCount,
      index,
      reportSha256: idOf(`report ${name}`),
      reportCid: `Qm${name}`,
      pipelineId: idOf("pipeline"),
      tokenizerId: idOf("tokenizer"),
    });
  register("a1", ALICE, 700n, 0);
  register("a2", ALICE, 100n, 1);
  register("b1", BOB, 200n, 2);
  // Splitter events come after the registry's: their blocks are numbered from the same start,
  // so shift them past the registry's blocks.
  const emit = (eventName: string, args: Record<string, unknown>) => {
    const log = splitter.emit(SPLITTER, splitterAbi as Abi, eventName, args);
    log.blockNumber = (log.blockNumber ?? 0n) + 1_000n;
  };
  emit("ServiceCreated", { serviceId: 1n, token: TOKEN, shareBps: 1_500, name: "Solar Chat", consumer: OPERATOR });
  emit("VersionOpened", { serviceId: 1n, version: 1n });
  emit("DatasetsAttached", {
    serviceId: 1n,
    version: 1n,
    datasetIds: [idOf("a1"), idOf("b1"), idOf("a2")],
    totalWeight: 1_000n,
    datasetCount: 3,
    contributorCount: 2,
  });
  emit("VersionSealed", { serviceId: 1n, version: 1n, totalWeight: 1_000n, datasetCount: 3, contributorCount: 2 });
  const amount = 150_001n;
  emit("Deposited", {
    serviceId: 1n,
    version: 1n,
    payer: OPERATOR,
    period: PERIOD,
    grossRevenue: 1_000_003n,
    shareBps: 1_500,
    amount,
    revenuePerWeight: (amount * REVENUE_SCALE) / 1_000n,
    remainder: (amount * REVENUE_SCALE) % 1_000n,
  });
  emit("Claimed", { contributor: ALICE, serviceId: 1n, version: 1n, payout: ALICE, amount: 120_000n });
  return rebuildState(registry.logs, splitter.logs);
}

describe("allocation view model", () => {
  let state: RebuiltState;
  beforeAll(() => {
    state = buildState();
  });

  it("rebuilds without problems", () => {
    expect(state.problems).toEqual([]);
  });

  it("lists contributors by tokens with their datasets and payouts", () => {
    const allocation = buildAllocation(state, 1n, 1n)!;

    expect(allocation.isSealed).toBe(true);
    expect(allocation.rows.map((row) => row.contributor)).toEqual([ALICE, BOB]);
    const [alice, bob] = allocation.rows;
    expect(alice!.datasetIds).toEqual([idOf("a1"), idOf("a2")]);
    expect(alice!.tokens).toBe(800n);
    expect(alice!.entitled).toBe(120_000n); // 800/1000 of 150,001, rounded down
    expect(alice!.claimed).toBe(120_000n);
    expect(alice!.claimable).toBe(0n);
    expect(bob!.entitled).toBe(30_000n);
    expect(bob!.claimable).toBe(30_000n);
  });

  it("accounts for every deposited unit: entitled plus carried equals deposited", () => {
    const allocation = buildAllocation(state, 1n, 1n)!;

    expect(allocation.totalDeposited).toBe(150_001n);
    expect(allocation.totalEntitled).toBe(150_000n);
    expect(allocation.carried).toBe(1n);
    expect(allocation.totalEntitled + allocation.carried).toBe(allocation.totalDeposited);
    expect(allocation.totalClaimed + allocation.totalClaimable).toBe(allocation.totalEntitled);
  });

  it("returns undefined for an unknown version", () => {
    expect(buildAllocation(state, 1n, 2n)).toBeUndefined();
    expect(buildAllocation(state, 9n, 1n)).toBeUndefined();
  });

  it("sums the overview per token", () => {
    const overview = buildOverview(state);

    expect(overview).toEqual({
      datasetCount: 3,
      contributorCount: 2,
      registeredTokens: 1_000n,
      serviceCount: 1,
      sealedVersionCount: 1,
      totals: [{ token: TOKEN, deposited: 150_001n, claimed: 120_000n, outstanding: 30_001n }],
    });
  });

  it("computes a contributor's entitlements from events", () => {
    expect(entitlementsFromState(state, BOB)).toEqual([{ serviceId: 1n, version: 1n, weight: 200n, claimed: 0n, claimable: 30_000n }]);
    expect(entitlementsFromState(state, OPERATOR)).toEqual([]);
  });

  it("groups deposits by period", () => {
    const deposits = depositsOfVersion(state, 1n, 1n);
    expect(totalsByPeriod(deposits)).toEqual([{ period: PERIOD, amount: 150_001n }]);
  });
});

describe("termsOf", () => {
  const service = {
    id: 1n, name: "s", token: TOKEN, consumer: OPERATOR, shareBps: 1_500, pendingShareBps: 1_000, pendingShareAt: 2_000, versionCount: 0,
    blockNumber: 1n, transactionHash: idOf("t"), logIndex: 0,
  };

  it("keeps the old share until a decrease takes effect", () => {
    expect(termsOf(service, 1_999n)).toEqual({ service, shareInForce: 1_500, pendingDecrease: { shareBps: 1_000, effectiveAt: 2_000 } });
  });

  it("applies the decrease from its effective time", () => {
    expect(termsOf(service, 2_000n)).toEqual({ service, shareInForce: 1_000 });
  });
});
