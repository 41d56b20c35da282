import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import { encodeFunctionData, stringToHex, zeroAddress, type Hex } from "viem";

import { signPayoutAddress } from "../../scripts/lib/sign-typed-data.ts";
import {
  deployPlatform,
  networkHelpers,
  ONE_DAY,
  registerDataset,
  sealedVersion,
  SHARE_NOTICE,
  tokenBalanceChanges,
  typedDataSigner,
  viem,
  type Platform,
} from "./fixture.ts";

const PERIOD = stringToHex("2026-11", { size: 32 });
const SCALE = 10n ** 18n;

describe("RevenueSplitter deposits and claims", () => {
  let platform: Platform;

  beforeEach(async () => {
    platform = await networkHelpers.loadFixture(deployPlatform);
  });

  describe("deposit", () => {
    it("pulls gross revenue times the share, rounded up, and emits the accumulator", async () => {
      const { splitter, usdc, consumer, alice, bob } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 2n], [bob, 1n]], { shareBps: 1_234 });
      // 1,000,001 * 12.34% = 123,400.1234, rounded up to 123,401.
      const gross = 1_000_001n;
      const amount = 123_401n;
      assert.equal(await splitter.read.previewDeposit([serviceId, gross]), amount);

      const changes = await tokenBalanceChanges(usdc, [consumer.account.address, splitter.address], async () => {
        await viem.assertions.emitWithArgs(
          splitter.write.deposit([serviceId, 1n, gross, PERIOD], { account: consumer.account }),
          splitter,
          "Deposited",
          [serviceId, 1n, consumer.account.address, PERIOD, gross, 1_234, amount, (amount * SCALE) / 3n, (amount * SCALE) % 3n],
        );
      });

      assert.deepEqual(changes, [-amount, amount]);
      assert.equal(await splitter.read.liabilities([usdc.address]), amount);
      const version = await splitter.read.version([serviceId, 1n]);
      assert.equal(version.totalDeposited, amount);
      assert.equal(version.revenuePerWeight * version.totalWeight + version.remainder, amount * SCALE);
    });

    it("carries the division remainder so that no unit is lost", async () => {
      const { splitter, consumer, alice, bob, carol } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n], [bob, 1n], [carol, 1n]]);
      for (let i = 0; i < 5; i += 1) {
        await splitter.write.deposit([serviceId, 1n, 10n, PERIOD], { account: consumer.account });
      }

      const version = await splitter.read.version([serviceId, 1n]);
      assert.equal(version.totalDeposited, 5n);
      assert.equal(version.revenuePerWeight * 3n + version.remainder, 5n * SCALE);
      const refs = [{ serviceId, version: 1n }];
      const owed = [];
      for (const wallet of [alice, bob, carol]) {
        owed.push((await splitter.read.positions([wallet.account.address, refs]))[1][0]!);
      }
      // 5 units over three equal weights: each is owed 1, and 2 units wait in the accumulator.
      assert.deepEqual(owed, [1n, 1n, 1n]);
    });

    it("keeps the share of earlier deposits when a decrease takes effect", async () => {
      const { splitter, consumer, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]], { shareBps: 1_000 });
      await splitter.write.setShare([serviceId, 500], { account: consumer.account });
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });
      await networkHelpers.time.increase(SHARE_NOTICE);
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });

      const events = await splitter.getEvents.Deposited({}, { fromBlock: 0n });
      assert.deepEqual(
        events.map((event) => [event.args.shareBps, event.args.amount]),
        [
          [1_000, 100n],
          [500, 50n],
        ],
      );
      assert.equal((await splitter.read.version([serviceId, 1n])).totalDeposited, 150n);
    });

    it("works with 2-decimal and 18-decimal tokens", async () => {
      const { splitter, consumer, alice, krw, dai } = platform;
      for (const [token, gross, amount] of [
        [krw, 1_234_567n, 123_457n],
        [dai, 10n ** 21n + 1n, 10n ** 20n + 1n],
      ] as const) {
        const { serviceId } = await sealedVersion(platform, [[alice, 7n]], { token: token.address, shareBps: 1_000 });
        const changes = await tokenBalanceChanges(token, [splitter.address], () =>
          splitter.write.deposit([serviceId, 1n, gross, PERIOD], { account: consumer.account }),
        );
        assert.deepEqual(changes, [amount]);
      }
    });

    it("rejects an unsealed version, unknown versions and a deposit that rounds to zero", async () => {
      const { splitter, consumer, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      await splitter.write.openVersion([serviceId], { account: consumer.account });

      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 2n, 100n, PERIOD], { account: consumer.account }),
        splitter,
        "VersionNotSealed",
        [serviceId, 2n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 3n, 100n, PERIOD], { account: consumer.account }),
        splitter,
        "UnknownVersion",
        [serviceId, 3n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId + 1n, 1n, 100n, PERIOD], { account: consumer.account }),
        splitter,
        "UnknownService",
        [serviceId + 1n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 1n, 0n, PERIOD], { account: consumer.account }),
        splitter,
        "DepositRoundsToZero",
        [0n, 1_000n],
      );
      await splitter.write.setShare([serviceId, 0], { account: consumer.account });
      await networkHelpers.time.increase(SHARE_NOTICE);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 1n, 10n ** 9n, PERIOD], { account: consumer.account }),
        splitter,
        "DepositRoundsToZero",
        [10n ** 9n, 0n],
      );
      assert.equal((await splitter.read.version([serviceId, 1n])).totalDeposited, 0n);
    });

    it("rejects a fee-on-transfer token and changes nothing", async () => {
      const { splitter, consumer, admin, alice } = platform;
      const fee = await viem.deployContract("FeeOnTransferToken");
      await splitter.write.setPayoutTokenAllowed([fee.address, true], { account: admin.account });
      await fee.write.mint([consumer.account.address, 10n ** 24n]);
      await fee.write.approve([splitter.address, 10n ** 24n], { account: consumer.account });
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]], { token: fee.address });

      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 1n, 10_000n, PERIOD], { account: consumer.account }),
        splitter,
        "TransferAmountMismatch",
        [fee.address, 1_000n, 990n],
      );
      assert.equal(await fee.read.balanceOf([splitter.address]), 0n);
      assert.equal(await splitter.read.liabilities([fee.address]), 0n);
    });

    it("rejects a token removed from the allow-list, a paused contract and other callers", async () => {
      const { splitter, consumer, admin, pauser, outsider, usdc, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);

      await splitter.write.pause({ account: pauser.account });
      await viem.assertions.revertWithCustomError(
        splitter.write.deposit([serviceId, 1n, 100n, PERIOD], { account: consumer.account }),
        splitter,
        "EnforcedPause",
      );
      await splitter.write.unpause({ account: pauser.account });

      await viem.assertions.revertWithCustomError(
        splitter.write.deposit([serviceId, 1n, 100n, PERIOD], { account: outsider.account }),
        splitter,
        "AccessControlUnauthorizedAccount",
      );
      await splitter.write.setPayoutTokenAllowed([usdc.address, false], { account: admin.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.deposit([serviceId, 1n, 100n, PERIOD], { account: consumer.account }),
        splitter,
        "PayoutTokenNotAllowed",
        [usdc.address],
      );
    });
  });

  describe("claim", () => {
    it("pays every owed version across services and tokens in one call", async () => {
      const { splitter, consumer, usdc, dai, alice, bob, relayer } = platform;
      const first = await sealedVersion(platform, [[alice, 3n], [bob, 1n]]);
      const second = await sealedVersion(platform, [[alice, 1n], [bob, 1n]], { token: dai.address });
      await splitter.write.deposit([first.serviceId, 1n, 4_000n, PERIOD], { account: consumer.account });
      await splitter.write.deposit([second.serviceId, 1n, 10n ** 19n, PERIOD], { account: consumer.account });
      const refs = [
        { serviceId: first.serviceId, version: 1n },
        { serviceId: second.serviceId, version: 1n },
      ];

      const usdcChanges = await tokenBalanceChanges(usdc, [alice.account.address, splitter.address], async () => {
        const daiChanges = await tokenBalanceChanges(dai, [alice.account.address], async () => {
          const hash = await splitter.write.claim([alice.account.address, refs], { account: relayer.account });
          await viem.assertions.emitWithArgs(hash, splitter, "Claimed", [
            alice.account.address,
            first.serviceId,
            1n,
            alice.account.address,
            300n,
          ]);
          await viem.assertions.emitWithArgs(hash, splitter, "Claimed", [
            alice.account.address,
            second.serviceId,
            1n,
            alice.account.address,
            5n * 10n ** 17n,
          ]);
        });
        assert.deepEqual(daiChanges, [5n * 10n ** 17n]);
      });

      assert.deepEqual(usdcChanges, [300n, -300n]);
      assert.equal(await splitter.read.liabilities([usdc.address]), 100n);
      const [positions, claimable] = await splitter.read.positions([alice.account.address, refs]);
      assert.deepEqual(
        positions.map((position) => position.claimed),
        [300n, 5n * 10n ** 17n],
      );
      assert.deepEqual(claimable, [0n, 0n]);
    });

    it("pays later deposits on a second claim and reverts when nothing is owed", async () => {
      const { splitter, consumer, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      const refs = [{ serviceId, version: 1n }];
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });
      await splitter.write.claim([alice.account.address, refs]);

      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.claim([alice.account.address, refs]),
        splitter,
        "NothingToClaim",
        [alice.account.address],
      );
      await splitter.write.deposit([serviceId, 1n, 2_000n, PERIOD], { account: consumer.account });
      const [, claimable] = await splitter.read.positions([alice.account.address, refs]);
      assert.deepEqual(claimable, [200n]);
    });

    it("rejects unknown services and versions in the list", async () => {
      const { splitter, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.claim([alice.account.address, [{ serviceId, version: 2n }]]),
        splitter,
        "UnknownVersion",
        [serviceId, 2n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.claim([alice.account.address, [{ serviceId: 9n, version: 1n }]]),
        splitter,
        "UnknownService",
        [9n],
      );
    });

    it("is never paused", async () => {
      const { splitter, consumer, pauser, usdc, alice } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });
      await splitter.write.pause({ account: pauser.account });

      const changes = await tokenBalanceChanges(usdc, [alice.account.address], () =>
        splitter.write.claim([alice.account.address, [{ serviceId, version: 1n }]]),
      );
      assert.deepEqual(changes, [100n]);
    });

    it("rejects a token callback that re-enters claim", async () => {
      const { splitter, consumer, admin, alice } = platform;
      const hooked = await viem.deployContract("ReentrantToken");
      await splitter.write.setPayoutTokenAllowed([hooked.address, true], { account: admin.account });
      await hooked.write.mint([consumer.account.address, 10n ** 24n]);
      await hooked.write.approve([splitter.address, 10n ** 24n], { account: consumer.account });
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]], { token: hooked.address });
      await splitter.write.deposit([serviceId, 1n, 10_000n, PERIOD], { account: consumer.account });
      const refs = [{ serviceId, version: 1n }];
      const reentry = encodeFunctionData({ abi: splitter.abi, functionName: "claim", args: [alice.account.address, refs] });
      await hooked.write.setReentry([splitter.address, reentry]);

      await splitter.write.claim([alice.account.address, refs]);

      assert.equal(await hooked.read.reentryFailed(), true);
      const guardSelector = "0x3ee5aeb5"; // ReentrancyGuardReentrantCall()
      assert.equal((await hooked.read.reentryError()).slice(0, 10), guardSelector);
      assert.equal(await hooked.read.balanceOf([alice.account.address]), 1_000n);
      assert.equal(await splitter.read.liabilities([hooked.address]), 0n);
    });
  });

  describe("payout address", () => {
    it("redirects claims to the address the contributor sets", async () => {
      const { splitter, consumer, usdc, alice, carol } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });

      await viem.assertions.emitWithArgs(
        splitter.write.setPayoutAddress([carol.account.address], { account: alice.account }),
        splitter,
        "PayoutAddressSet",
        [alice.account.address, carol.account.address],
      );
      const changes = await tokenBalanceChanges(usdc, [alice.account.address, carol.account.address], () =>
        splitter.write.claim([alice.account.address, [{ serviceId, version: 1n }]]),
      );
      assert.deepEqual(changes, [0n, 100n]);

      await splitter.write.setPayoutAddress([zeroAddress], { account: alice.account });
      assert.equal((await splitter.read.payoutAddress([alice.account.address])).toLowerCase(), alice.account.address.toLowerCase());
    });

    it("lets a contributor blocked by the token redirect by signature", async () => {
      const { splitter, consumer, admin, alice, carol, relayer } = platform;
      const blocking = await viem.deployContract("BlocklistToken");
      await splitter.write.setPayoutTokenAllowed([blocking.address, true], { account: admin.account });
      await blocking.write.mint([consumer.account.address, 10n ** 12n]);
      await blocking.write.approve([splitter.address, 10n ** 12n], { account: consumer.account });
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]], { token: blocking.address });
      await splitter.write.deposit([serviceId, 1n, 1_000_000n, PERIOD], { account: consumer.account });
      await blocking.write.setBlocked([alice.account.address, true]);
      const refs = [{ serviceId, version: 1n }];

      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.claim([alice.account.address, refs]),
        blocking,
        "AddressBlocked",
        [alice.account.address],
      );

      const deadline = BigInt(await networkHelpers.time.latest()) + ONE_DAY;
      const signature = await signPayout(alice, carol.account.address, 0n, deadline);
      await splitter.write.setPayoutAddressWithSig([alice.account.address, carol.account.address, deadline, signature], {
        account: relayer.account,
      });
      await splitter.write.claim([alice.account.address, refs], { account: relayer.account });

      assert.equal(await blocking.read.balanceOf([carol.account.address]), 100_000n);
      assert.equal(await splitter.read.payoutNonce([alice.account.address]), 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setPayoutAddressWithSig([alice.account.address, carol.account.address, deadline, signature]),
        splitter,
        "InvalidPayoutSignature",
        [alice.account.address, 1n],
      );
    });

    it("rejects an expired signature, another signer and this contract as payout", async () => {
      const { splitter, alice, bob, carol } = platform;
      const now = BigInt(await networkHelpers.time.latest());
      const expired = await signPayout(alice, carol.account.address, 0n, now);
      await networkHelpers.time.increase(1);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setPayoutAddressWithSig([alice.account.address, carol.account.address, now, expired]),
        splitter,
        "PayoutSignatureExpired",
        [now, (timestamp: bigint) => timestamp > now],
      );
      const deadline = now + ONE_DAY;
      const byBob = await signPayout(bob, carol.account.address, 0n, deadline, alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setPayoutAddressWithSig([alice.account.address, carol.account.address, deadline, byBob]),
        splitter,
        "InvalidPayoutSignature",
        [alice.account.address, 0n],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.setPayoutAddress([splitter.address], { account: alice.account }),
        splitter,
        "InvalidPayoutAddress",
        [splitter.address],
      );
    });

    async function signPayout(
      signer: Platform["alice"],
      payout: `0x${string}`,
      nonce: bigint,
      deadline: bigint,
      contributor = signer.account.address,
    ): Promise<Hex> {
      return await signPayoutAddress(typedDataSigner(signer), {
        chainId: platform.chainId,
        splitter: platform.splitter.address,
        contributor,
        payout,
        nonce,
        deadline,
      });
    }
  });

  describe("rescue", () => {
    it("sends only tokens above liabilities", async () => {
      const { splitter, consumer, admin, usdc, alice, bob } = platform;
      const { serviceId } = await sealedVersion(platform, [[alice, 1n]]);
      await splitter.write.deposit([serviceId, 1n, 1_000n, PERIOD], { account: consumer.account });
      await usdc.write.mint([splitter.address, 50n]);

      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.rescue([usdc.address, bob.account.address, 51n], { account: admin.account }),
        splitter,
        "RescueExceedsSurplus",
        [usdc.address, 51n, 50n],
      );
      const changes = await tokenBalanceChanges(usdc, [bob.account.address, splitter.address], async () => {
        await viem.assertions.emitWithArgs(
          splitter.write.rescue([usdc.address, bob.account.address, 50n], { account: admin.account }),
          splitter,
          "TokensRescued",
          [usdc.address, bob.account.address, 50n],
        );
      });
      assert.deepEqual(changes, [50n, -50n]);
      assert.equal(await splitter.read.liabilities([usdc.address]), 100n);
    });

    it("is limited to the admin and rejects the zero recipient", async () => {
      const { splitter, admin, consumer, usdc } = platform;
      await viem.assertions.revertWithCustomError(
        splitter.write.rescue([usdc.address, consumer.account.address, 1n], { account: consumer.account }),
        splitter,
        "AccessControlUnauthorizedAccount",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        splitter.write.rescue([usdc.address, zeroAddress, 1n], { account: admin.account }),
        splitter,
        "InvalidRescueRecipient",
        [zeroAddress],
      );
    });
  });

  describe("allocation", () => {
    it("splits each deposit by frozen token counts", async () => {
      const { splitter, consumer, registry, alice, bob, carol } = platform;
      const { serviceId, datasets } = await sealedVersion(platform, [
        [alice, 600n],
        [bob, 300n],
        [carol, 100n],
      ]);
      // Revoking after the seal does not change the frozen weights.
      await registry.write.revoke([datasets[0]!.id], { account: alice.account });
      await registerDataset(platform, alice, 10_000n);
      await splitter.write.deposit([serviceId, 1n, 100_000n, PERIOD], { account: consumer.account });

      const refs = [{ serviceId, version: 1n }];
      const owed = [];
      for (const wallet of [alice, bob, carol]) {
        owed.push((await splitter.read.positions([wallet.account.address, refs]))[1][0]!);
      }
      assert.deepEqual(owed, [6_000n, 3_000n, 1_000n]);
    });
  });
});
