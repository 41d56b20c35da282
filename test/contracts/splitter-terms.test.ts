import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import {
  deployPlatform,
  networkHelpers,
  registerDataset,
  SHARE_NOTICE,
  viem,
  type Platform,
} from "./fixture.ts";

describe("RevenueSplitter services and versions", () => {
  let platform: Platform;

  beforeEach(async () => {
    platform = await networkHelpers.loadFixture(deployPlatform);
  });

  async function createService(shareBps = 1_000) {
    const { splitter, consumer, usdc } = platform;
    await splitter.write.createService(["Solar Chat", usdc.address, shareBps], { account: consumer.account });
    return await splitter.read.serviceCount();
  }

  describe("setPayoutTokenAllowed", () => {
    it("emits and is limited to the admin", async () => {
      const { splitter, admin, outsider, dai } = platform;
      await viem.assertions.emitWithArgs(
        splitter.write.setPayoutTokenAllowed([dai.address, false], { account: admin.account }),
        splitter,
        "PayoutTokenAllowlistSet",
        [dai.address, false],
      );
      assert.equal(await splitter.read.isPayoutTokenAllowed([dai.address]), false);
      await viem.assertions.revertWithCustomError(
        splitter.write.setPayoutTokenAllowed([dai.address, true], { account: outsider.account }),
        splitter,
        "AccessControlUnauthorizedAccount",
      );
    });
  });

  describe("createService", () => {
    it("stores the terms and emits them", async () => {
      const { splitter, consumer, usdc } = platform;
      await viem.assertions.emitWithArgs(
        splitter.write.createService(["Solar Chat", usdc.address, 1_500], { account: consumer.account }),
        splitter,
        "ServiceCreated",
        [1n, usdc.address, 1_500, "Solar Chat", consumer.account.address],
      );
      const service = await splitter.read.service([1n]);
      assert.equal(service.token.toLowerCase(), usdc.address.toLowerCase());
      assert.equal(service.shareBps, 1_500);
      assert.equal(service.versionCount, 0);
      assert.equal(await splitter.read.shareInForce([1n]), 1_500);
    });

    it("rejects unlisted tokens and invalid shares", async () => {
      const { splitter, consumer, usdc } = platform;
      const stranger = await viem.deployContract("MockERC20", ["Stranger", "STR", 18]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.createService(["x", stranger.address, 100], { account: consumer.account }),
        splitter,
        "PayoutTokenNotAllowed",
        [stranger.address],
      );
      for (const share of [0, 10_001]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          splitter.write.createService(["x", usdc.address, share], { account: consumer.account }),
          splitter,
          "InvalidShare",
          [BigInt(share), 10_000n],
        );
      }
      assert.equal(await splitter.read.serviceCount(), 0n);
    });

    it("is limited to the consumer role", async () => {
      const { splitter, outsider, usdc } = platform;
      await viem.assertions.revertWithCustomError(
        splitter.write.createService(["x", usdc.address, 100], { account: outsider.account }),
        splitter,
        "AccessControlUnauthorizedAccount",
      );
    });
  });

  describe("setShare", () => {
    it("applies an increase at once", async () => {
      const { splitter, consumer } = platform;
      const serviceId = await createService(1_000);
      const now = await networkHelpers.time.latest();

      await viem.assertions.emitWithArgs(
        splitter.write.setShare([serviceId, 1_200], { account: consumer.account }),
        splitter,
        "ShareChanged",
        [serviceId, 1_000, 1_200, (effectiveAt: number) => effectiveAt === now + 1],
      );
      assert.equal(await splitter.read.shareInForce([serviceId]), 1_200);
    });

    it("applies a decrease only after the notice period", async () => {
      const { splitter, consumer } = platform;
      const serviceId = await createService(1_000);
      const now = await networkHelpers.time.latest();
      const effectiveAt = now + 1 + Number(SHARE_NOTICE);

      await viem.assertions.emitWithArgs(
        splitter.write.setShare([serviceId, 400], { account: consumer.account }),
        splitter,
        "ShareChanged",
        [serviceId, 1_000, 400, effectiveAt],
      );
      assert.equal(await splitter.read.shareInForce([serviceId]), 1_000);
      assert.equal(await splitter.read.previewDeposit([serviceId, 10_000n]), 1_000n);

      await networkHelpers.time.setNextBlockTimestamp(effectiveAt - 1);
      await networkHelpers.mine();
      assert.equal(await splitter.read.shareInForce([serviceId]), 1_000);
      await networkHelpers.mine();
      assert.equal(await splitter.read.shareInForce([serviceId]), 400);
    });

    it("cancels a pending decrease when the share is raised or kept", async () => {
      const { splitter, consumer } = platform;
      const serviceId = await createService(1_000);
      await splitter.write.setShare([serviceId, 400], { account: consumer.account });
      await splitter.write.setShare([serviceId, 1_000], { account: consumer.account });

      await networkHelpers.time.increase(SHARE_NOTICE * 2n);
      assert.equal(await splitter.read.shareInForce([serviceId]), 1_000);
      const service = await splitter.read.service([serviceId]);
      assert.equal(service.pendingShareAt, 0);
    });

    it("rejects no change, a share above 100% and an unknown service", async () => {
      const { splitter, consumer } = platform;
      const serviceId = await createService(1_000);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setShare([serviceId, 1_000], { account: consumer.account }),
        splitter,
        "ShareUnchanged",
        [serviceId, 1_000n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setShare([serviceId, 10_001], { account: consumer.account }),
        splitter,
        "InvalidShare",
        [10_001n, 10_000n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setShare([99n, 10], { account: consumer.account }),
        splitter,
        "UnknownService",
        [99n],
      );
    });
  });

  describe("versions", () => {
    it("opens, attaches in batches, seals and emits the totals", async () => {
      const { splitter, consumer, alice, bob } = platform;
      const serviceId = await createService();
      const a1 = await registerDataset(platform, alice, 100n);
      const b1 = await registerDataset(platform, bob, 50n);
      const a2 = await registerDataset(platform, alice, 25n);

      await viem.assertions.emitWithArgs(
        splitter.write.openVersion([serviceId], { account: consumer.account }),
        splitter,
        "VersionOpened",
        [serviceId, 1n],
      );
      await viem.assertions.emitWithArgs(
        splitter.write.attachDatasets([serviceId, 1n, [a1.id, b1.id]], { account: consumer.account }),
        splitter,
        "DatasetsAttached",
        [serviceId, 1n, [a1.id, b1.id], 150n, 2, 2],
      );
      await viem.assertions.emitWithArgs(
        splitter.write.attachDatasets([serviceId, 1n, [a2.id]], { account: consumer.account }),
        splitter,
        "DatasetsAttached",
        [serviceId, 1n, [a2.id], 175n, 3, 2],
      );
      await viem.assertions.emitWithArgs(
        splitter.write.sealVersion([serviceId, 1n], { account: consumer.account }),
        splitter,
        "VersionSealed",
        [serviceId, 1n, 175n, 3, 2],
      );

      const version = await splitter.read.version([serviceId, 1n]);
      assert.equal(version.totalWeight, 175n);
      assert.ok(version.sealedAt > 0n);
      const [positions] = await splitter.read.positions([
        alice.account.address,
        [{ serviceId, version: 1n }],
      ]);
      assert.equal(positions[0]!.weight, 125n);
    });

    it("rejects unknown, revoked and repeated datasets, in one batch or across batches", async () => {
      const { splitter, registry, consumer, alice } = platform;
      const serviceId = await createService();
      await splitter.write.openVersion([serviceId], { account: consumer.account });
      const kept = await registerDataset(platform, alice, 10n);
      const revoked = await registerDataset(platform, alice, 10n);
      await registry.write.revoke([revoked.id], { account: alice.account });
      const unknown = "0x" + "ab".repeat(32);

      const cases: Array<[`0x${string}`[], string, unknown[]]> = [
        [[unknown as `0x${string}`], "UnknownDataset", [unknown]],
        [[revoked.id], "DatasetIsRevoked", [revoked.id]],
        [[kept.id, kept.id], "DatasetAlreadyAttached", [serviceId, 1n, kept.id]],
      ];
      for (const [ids, error, args] of cases) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          splitter.write.attachDatasets([serviceId, 1n, ids], { account: consumer.account }),
          splitter,
          error as never,
          args as never,
        );
      }
      assert.equal((await splitter.read.version([serviceId, 1n])).datasetCount, 0);

      await splitter.write.attachDatasets([serviceId, 1n, [kept.id]], { account: consumer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.attachDatasets([serviceId, 1n, [kept.id]], { account: consumer.account }),
        splitter,
        "DatasetAlreadyAttached",
        [serviceId, 1n, kept.id],
      );
    });

    it("lets another version attach a dataset that one version already has", async () => {
      const { splitter, consumer, alice } = platform;
      const serviceId = await createService();
      const dataset = await registerDataset(platform, alice, 10n);
      await splitter.write.openVersion([serviceId], { account: consumer.account });
      await splitter.write.openVersion([serviceId], { account: consumer.account });

      await splitter.write.attachDatasets([serviceId, 1n, [dataset.id]], { account: consumer.account });
      await splitter.write.attachDatasets([serviceId, 2n, [dataset.id]], { account: consumer.account });

      assert.equal((await splitter.read.version([serviceId, 2n])).totalWeight, 10n);
    });

    it("rejects attaching to a sealed version, sealing twice and sealing an empty version", async () => {
      const { splitter, consumer, alice } = platform;
      const serviceId = await createService();
      const dataset = await registerDataset(platform, alice, 10n);
      await splitter.write.openVersion([serviceId], { account: consumer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.sealVersion([serviceId, 1n], { account: consumer.account }),
        splitter,
        "EmptyVersion",
        [serviceId, 1n],
      );

      await splitter.write.attachDatasets([serviceId, 1n, [dataset.id]], { account: consumer.account });
      await splitter.write.sealVersion([serviceId, 1n], { account: consumer.account });
      const other = await registerDataset(platform, alice, 10n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.attachDatasets([serviceId, 1n, [other.id]], { account: consumer.account }),
        splitter,
        "VersionAlreadySealed",
        [serviceId, 1n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.sealVersion([serviceId, 1n], { account: consumer.account }),
        splitter,
        "VersionAlreadySealed",
        [serviceId, 1n],
      );
      assert.equal((await splitter.read.version([serviceId, 1n])).totalWeight, 10n);
    });

    it("rejects an empty batch, an unknown version and an unknown service", async () => {
      const { splitter, consumer, alice } = platform;
      const serviceId = await createService();
      const dataset = await registerDataset(platform, alice, 10n);
      await splitter.write.openVersion([serviceId], { account: consumer.account });

      await viem.assertions.revertWithCustomError(
        splitter.write.attachDatasets([serviceId, 1n, []], { account: consumer.account }),
        splitter,
        "EmptyBatch",
      );
      for (const version of [0n, 2n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          splitter.write.attachDatasets([serviceId, version, [dataset.id]], { account: consumer.account }),
          splitter,
          "UnknownVersion",
          [serviceId, version],
        );
      }
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.openVersion([7n], { account: consumer.account }),
        splitter,
        "UnknownService",
        [7n],
      );
    });

    it("stops attaching while paused but not sealing", async () => {
      const { splitter, consumer, pauser, alice } = platform;
      const serviceId = await createService();
      const dataset = await registerDataset(platform, alice, 10n);
      await splitter.write.openVersion([serviceId], { account: consumer.account });
      await splitter.write.attachDatasets([serviceId, 1n, [dataset.id]], { account: consumer.account });
      await splitter.write.pause({ account: pauser.account });

      const other = await registerDataset(platform, alice, 10n);
      await viem.assertions.revertWithCustomError(
        splitter.write.attachDatasets([serviceId, 1n, [other.id]], { account: consumer.account }),
        splitter,
        "EnforcedPause",
      );
      await splitter.write.sealVersion([serviceId, 1n], { account: consumer.account });
    });
  });
});
