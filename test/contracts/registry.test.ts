import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";

import { zeroAddress } from "viem";

import {
  datasetTerms,
  deployPlatform,
  networkHelpers,
  ONE_DAY,
  signedRegistration,
  viem,
  type Platform,
} from "./fixture.ts";

describe("ContributionRegistry", () => {
  let platform: Platform;

  beforeEach(async () => {
    platform = await networkHelpers.loadFixture(deployPlatform);
  });

  async function expectRegisterError(registration: Awaited<ReturnType<typeof signedRegistration>>, error: string, args: unknown[]) {
    const { registry, relayer } = platform;
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.register([registration], { account: relayer.account }),
      registry,
      error as never,
      args as never,
    );
    assert.equal(await registry.read.datasetCount(), 0n, "a failed registration must not store anything");
  }

  describe("register", () => {
    it("stores the record and emits every attested field", async () => {
      const { registry, alice, attester, relayer } = platform;
      const terms = datasetTerms(alice.account.address, 1_234_567n);
      const registration = await signedRegistration(platform, terms);

      await viem.assertions.emitWithArgs(
        registry.write.register([registration], { account: relayer.account }),
        registry,
        "DatasetRegistered",
        [
          terms.id,
          alice.account.address,
          attester.account.address,
          terms.tokenCount,
          0,
          terms.reportSha256,
          terms.reportCid,
          terms.pipelineId,
          terms.tokenizerId,
        ],
      );

      const record = await registry.read.datasetRecord([terms.id]);
      assert.equal(record.contributor.toLowerCase(), alice.account.address.toLowerCase());
      assert.equal(record.tokenCount, 1_234_567n);
      assert.equal(record.index, 0);
      assert.equal(record.isRevoked, false);
      assert.equal(await registry.read.datasetCount(), 1n);
    });

    it("accepts submission by the contributor and by the attester", async () => {
      const { registry, alice, attester } = platform;
      const first = await signedRegistration(platform, datasetTerms(alice.account.address, 10n));
      const second = await signedRegistration(platform, datasetTerms(alice.account.address, 20n));

      await registry.write.register([first], { account: alice.account });
      await registry.write.register([second], { account: attester.account });

      assert.equal(await registry.read.datasetCount(), 2n);
      assert.equal((await registry.read.datasetRecord([second.terms.id])).index, 1);
    });

    it("accepts consent from an ERC-1271 contract wallet", async () => {
      const { registry, alice, relayer } = platform;
      const wallet = await viem.deployContract("MockERC1271Wallet", [alice.account.address]);
      const terms = datasetTerms(wallet.address, 500n);
      const registration = await signedRegistration(platform, terms, { consentSigner: alice });

      await registry.write.register([registration], { account: relayer.account });

      const record = await registry.read.datasetRecord([terms.id]);
      assert.equal(record.contributor.toLowerCase(), wallet.address.toLowerCase());
    });

    it("rejects a contract wallet signature that its owner did not make", async () => {
      const { alice, bob } = platform;
      const wallet = await viem.deployContract("MockERC1271Wallet", [alice.account.address]);
      const terms = datasetTerms(wallet.address, 500n);
      const registration = await signedRegistration(platform, terms, { consentSigner: bob });

      await expectRegisterError(registration, "InvalidConsent", [terms.id, wallet.address, 0n]);
    });

    it("rejects a duplicate dataset id, so a signature cannot be replayed", async () => {
      const { registry, alice, relayer } = platform;
      const registration = await signedRegistration(platform, datasetTerms(alice.account.address, 10n));
      await registry.write.register([registration], { account: relayer.account });

      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.register([registration], { account: relayer.account }),
        registry,
        "DatasetAlreadyRegistered",
        [registration.terms.id],
      );
      assert.equal(await registry.read.datasetCount(), 1n);
    });

    it("rejects a zero token count", async () => {
      const terms = datasetTerms(platform.alice.account.address, 0n);
      await expectRegisterError(await signedRegistration(platform, terms), "ZeroTokenCount", [terms.id]);
    });

    it("rejects the zero address as contributor", async () => {
      const terms = { ...datasetTerms(platform.alice.account.address, 5n), contributor: zeroAddress };
      const registration = await signedRegistration(platform, terms, { consentSigner: platform.alice });
      await expectRegisterError(registration, "ZeroContributor", [terms.id]);
    });

    it("rejects an empty report CID", async () => {
      const terms = { ...datasetTerms(platform.alice.account.address, 5n), reportCid: "" };
      await expectRegisterError(await signedRegistration(platform, terms), "EmptyReportCid", [terms.id]);
    });

    it("rejects an expired consent and an expired attestation", async () => {
      const now = BigInt(await networkHelpers.time.latest());
      const terms = datasetTerms(platform.alice.account.address, 5n);
      const lateConsent = await signedRegistration(platform, terms, { consentDeadline: now });
      await networkHelpers.time.increase(1);
      await expectRegisterError(lateConsent, "ConsentExpired", [terms.id, now, (timestamp: bigint) => timestamp > now]);

      const lateAttestation = await signedRegistration(platform, terms, { attestationDeadline: now });
      await expectRegisterError(lateAttestation, "AttestationExpired", [terms.id, now, (timestamp: bigint) => timestamp > now]);
    });

    it("rejects consent signed by another address", async () => {
      const { alice, bob } = platform;
      const terms = datasetTerms(alice.account.address, 5n);
      const registration = await signedRegistration(platform, terms, { consentSigner: bob });
      await expectRegisterError(registration, "InvalidConsent", [terms.id, alice.account.address, 0n]);
    });

    it("rejects consent signed for another chain or another contract", async () => {
      const { alice, splitter } = platform;
      const terms = datasetTerms(alice.account.address, 5n);
      const otherChain = await signedRegistration(platform, terms, { chainId: 1 });
      await expectRegisterError(otherChain, "InvalidConsent", [terms.id, alice.account.address, 0n]);

      const otherContract = await signedRegistration(platform, terms, { verifyingContract: splitter.address });
      await expectRegisterError(otherContract, "InvalidConsent", [terms.id, alice.account.address, 0n]);
    });

    it("rejects consent under an invalidated nonce", async () => {
      const { registry, alice } = platform;
      const terms = datasetTerms(alice.account.address, 5n);
      const registration = await signedRegistration(platform, terms);

      await viem.assertions.emitWithArgs(
        registry.write.incrementConsentNonce({ account: alice.account }),
        registry,
        "ConsentNonceIncremented",
        [alice.account.address, 1n],
      );

      await expectRegisterError(registration, "InvalidConsent", [terms.id, alice.account.address, 1n]);
      assert.equal(await registry.read.consentNonce([alice.account.address]), 1n);
    });

    it("rejects an attestation by an address without the attester role", async () => {
      const { alice, outsider } = platform;
      const terms = datasetTerms(alice.account.address, 5n);
      const registration = await signedRegistration(platform, terms, { attestationSigner: outsider });
      await expectRegisterError(registration, "InvalidAttestation", [terms.id, outsider.account.address]);
    });

    it("rejects an attestation over other terms", async () => {
      const { alice } = platform;
      const terms = datasetTerms(alice.account.address, 5n);
      const registration = await signedRegistration(platform, terms);
      const tampered = { ...registration, terms: { ...terms, tokenCount: 6n } };
      // The consent no longer matches either, and it is checked first.
      await expectRegisterError(tampered, "InvalidConsent", [terms.id, alice.account.address, 0n]);
    });

    it("is stopped by pause and resumes after unpause", async () => {
      const { registry, pauser, relayer, alice } = platform;
      const registration = await signedRegistration(platform, datasetTerms(alice.account.address, 5n));
      await viem.assertions.emitWithArgs(registry.write.pause({ account: pauser.account }), registry, "Paused", [
        pauser.account.address,
      ]);

      await viem.assertions.revertWithCustomError(
        registry.write.register([registration], { account: relayer.account }),
        registry,
        "EnforcedPause",
      );
      await viem.assertions.revertWithCustomError(
        registry.write.registerBatch([[registration]], { account: relayer.account }),
        registry,
        "EnforcedPause",
      );

      await registry.write.unpause({ account: pauser.account });
      await registry.write.register([registration], { account: relayer.account });
      assert.equal(await registry.read.datasetCount(), 1n);
    });
  });

  describe("registerBatch", () => {
    it("registers every entry with consecutive indexes", async () => {
      const { registry, alice, bob, relayer } = platform;
      const registrations = [
        await signedRegistration(platform, datasetTerms(alice.account.address, 100n)),
        await signedRegistration(platform, datasetTerms(bob.account.address, 200n)),
        await signedRegistration(platform, datasetTerms(alice.account.address, 300n)),
      ];

      const hash = await registry.write.registerBatch([registrations], { account: relayer.account });
      const receipt = await (await viem.getPublicClient()).waitForTransactionReceipt({ hash });
      const events = await registry.getEvents.DatasetRegistered({}, { blockHash: receipt.blockHash });

      assert.deepEqual(
        events.map((event) => [event.args.datasetId, event.args.index, event.args.tokenCount]),
        registrations.map((registration, index) => [registration.terms.id, index, registration.terms.tokenCount]),
      );
      const records = await registry.read.datasetRecords([registrations.map((r) => r.terms.id)]);
      assert.deepEqual(
        records.map((record) => record.index),
        [0, 1, 2],
      );
      assert.equal(await registry.read.datasetCount(), 3n);
    });

    it("rejects the same dataset twice within one batch and stores none", async () => {
      const { registry, alice, relayer } = platform;
      const registration = await signedRegistration(platform, datasetTerms(alice.account.address, 100n));

      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.registerBatch([[registration, registration]], { account: relayer.account }),
        registry,
        "DatasetAlreadyRegistered",
        [registration.terms.id],
      );
      assert.equal(await registry.read.datasetCount(), 0n);
      assert.equal((await registry.read.datasetRecord([registration.terms.id])).contributor, zeroAddress);
    });

    it("rejects an empty batch", async () => {
      const { registry, relayer } = platform;
      await viem.assertions.revertWithCustomError(
        registry.write.registerBatch([[]], { account: relayer.account }),
        registry,
        "EmptyBatch",
      );
    });
  });

  describe("revoke", () => {
    it("lets the contributor and an attester revoke, also while paused", async () => {
      const { registry, alice, attester, pauser, relayer } = platform;
      const first = await signedRegistration(platform, datasetTerms(alice.account.address, 1n));
      const second = await signedRegistration(platform, datasetTerms(alice.account.address, 2n));
      await registry.write.registerBatch([[first, second]], { account: relayer.account });
      await registry.write.pause({ account: pauser.account });

      await viem.assertions.emitWithArgs(
        registry.write.revoke([first.terms.id], { account: alice.account }),
        registry,
        "DatasetRevoked",
        [first.terms.id, alice.account.address],
      );
      await viem.assertions.emitWithArgs(
        registry.write.revoke([second.terms.id], { account: attester.account }),
        registry,
        "DatasetRevoked",
        [second.terms.id, attester.account.address],
      );
      assert.equal((await registry.read.datasetRecord([first.terms.id])).isRevoked, true);
      assert.equal((await registry.read.datasetRecord([second.terms.id])).isRevoked, true);
    });

    it("rejects others, unknown datasets and a second revocation", async () => {
      const { registry, alice, outsider, relayer } = platform;
      const registration = await signedRegistration(platform, datasetTerms(alice.account.address, 1n));
      await registry.write.register([registration], { account: relayer.account });
      const id = registration.terms.id;

      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.revoke([id], { account: outsider.account }),
        registry,
        "NotContributorOrAttester",
        [id, outsider.account.address],
      );
      const unknown = datasetTerms(alice.account.address, 1n).id;
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.revoke([unknown], { account: alice.account }),
        registry,
        "UnknownDataset",
        [unknown],
      );
      await registry.write.revoke([id], { account: alice.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.revoke([id], { account: alice.account }),
        registry,
        "DatasetAlreadyRevoked",
        [id],
      );
    });
  });

  describe("roles", () => {
    it("limits pause to the pauser role", async () => {
      const { registry, outsider } = platform;
      const pauserRole = await registry.read.PAUSER_ROLE();
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.pause({ account: outsider.account }),
        registry,
        "AccessControlUnauthorizedAccount",
        [outsider.account.address, pauserRole],
      );
    });

    it("makes a new admin wait for the transfer delay", async () => {
      const { registry, admin, bob } = platform;
      await registry.write.beginDefaultAdminTransfer([bob.account.address], { account: admin.account });

      const [, schedule] = await registry.read.pendingDefaultAdmin();
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.acceptDefaultAdminTransfer({ account: bob.account }),
        registry,
        "AccessControlEnforcedDefaultAdminDelay",
        [schedule],
      );
      await networkHelpers.time.increase(3n * ONE_DAY + 1n);
      await registry.write.acceptDefaultAdminTransfer({ account: bob.account });
      assert.equal((await registry.read.defaultAdmin()).toLowerCase(), bob.account.address.toLowerCase());
    });
  });
});
