import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { stringToHex, type Hex, type PublicClient } from "viem";

import type { Deployment } from "../../scripts/lib/chain/deployment.ts";
import { claimableOf, versionKey } from "../../scripts/lib/chain/rebuild.ts";
import { verifyDeployment } from "../../scripts/lib/chain/verify.ts";
import {
  deployPlatform,
  networkHelpers,
  registerDataset,
  sealedVersion,
  SHARE_NOTICE,
  viem,
  type Platform,
} from "../contracts/fixture.ts";

const PERIOD = stringToHex("2026-10", { size: 32 });

/** Builds an allocation with every kind of event: two services, shares, revocation, redirects, claims. */
async function populatedPlatform() {
  const platform = await deployPlatform();
  const { splitter, registry, consumer, alice, bob, carol, dai } = platform;
  const first = await sealedVersion(platform, [[alice, 700n], [bob, 200n], [carol, 100n]], { shareBps: 1_500 });
  const second = await sealedVersion(platform, [[alice, 1n], [bob, 2n]], { token: dai.address, shareBps: 300 });

  await splitter.write.openVersion([first.serviceId], { account: consumer.account });
  const late = await registerDataset(platform, carol, 5_000n);
  await splitter.write.attachDatasets([first.serviceId, 2n, [late.id, first.datasets[0]!.id]], { account: consumer.account });
  await splitter.write.sealVersion([first.serviceId, 2n], { account: consumer.account });
  await registry.write.revoke([first.datasets[1]!.id], { account: bob.account });

  await splitter.write.deposit([first.serviceId, 1n, 1_000_003n, PERIOD], { account: consumer.account });
  await splitter.write.setShare([first.serviceId, 1_000], { account: consumer.account });
  await networkHelpers.time.increase(SHARE_NOTICE);
  await splitter.write.deposit([first.serviceId, 1n, 999_999n, PERIOD], { account: consumer.account });
  await splitter.write.deposit([first.serviceId, 2n, 77_777n, PERIOD], { account: consumer.account });
  await splitter.write.deposit([second.serviceId, 1n, 10n ** 20n + 7n, PERIOD], { account: consumer.account });

  await splitter.write.setPayoutAddress([carol.account.address], { account: bob.account });
  await splitter.write.claim([
    alice.account.address,
    [
      { serviceId: first.serviceId, version: 1n },
      { serviceId: first.serviceId, version: 2n },
      { serviceId: second.serviceId, version: 1n },
    ],
  ]);
  await splitter.write.claim([bob.account.address, [{ serviceId: first.serviceId, version: 1n }]]);

  const multicall = await viem.deployContract("Multicall3");
  const deployment: Deployment = {
    chainId: platform.chainId,
    registry: { address: registry.address, transactionHash: "0x" as Hex, blockNumber: "0" },
    splitter: { address: splitter.address, transactionHash: "0x" as Hex, blockNumber: "0" },
    multicall3: multicall.address,
    shareDecreaseNoticeSeconds: Number(SHARE_NOTICE),
    deployedAt: new Date(0).toISOString(),
  };
  return { platform, deployment, first, second };
}

describe("verifyDeployment", () => {
  let platform: Platform;
  let deployment: Deployment;
  let client: PublicClient;
  let serviceIds: bigint[];

  before(async () => {
    const built = await networkHelpers.loadFixture(populatedPlatform);
    platform = built.platform;
    deployment = built.deployment;
    serviceIds = [built.first.serviceId, built.second.serviceId];
    client = (await viem.getPublicClient()) as PublicClient;
  });

  it("passes on an honest deployment and rebuilds every position", async () => {
    const result = await verifyDeployment({ client, deployment });

    const failed = result.findings.filter((finding) => !finding.ok);
    assert.deepEqual(failed, []);
    assert.equal(result.ok, true);
    assert.equal(result.state.datasets.size, 6);
    assert.equal(result.state.versions.size, 3);
    const version = result.state.versions.get(versionKey(serviceIds[0]!, 1n))!;
    const onChain = await platform.splitter.read.positions([
      platform.carol.account.address,
      [{ serviceId: serviceIds[0]!, version: 1n }],
    ]);
    assert.equal(claimableOf(version, platform.carol.account.address), onChain[1][0]);
    assert.equal(result.state.payouts.get(platform.bob.account.address.toLowerCase() as Hex), platform.carol.account.address.toLowerCase());
  });

  it("reads in many small ranges when the first range is one block", async () => {
    const wide = await verifyDeployment({ client, deployment });
    const narrow = await verifyDeployment({ client, deployment, logRange: 1n });

    assert.equal(narrow.ok, true);
    assert.ok(narrow.logRequests > wide.logRequests, `${narrow.logRequests} requests with range 1`);
    assert.deepEqual([...narrow.state.versions.keys()], [...wide.state.versions.keys()]);
  });

  it("ignores look-alike events from another contract", async () => {
    const forger = await viem.deployContract("EventForger");
    await forger.write.forgeDeposit([serviceIds[0]!, 1n, 10n ** 12n]);
    await forger.write.forgeClaim([platform.alice.account.address, serviceIds[0]!, 1n, 10n ** 12n]);

    const result = await verifyDeployment({ client, deployment });

    assert.equal(result.ok, true);
    assert.equal(result.state.deposits.length, 4);
  });

  it("fails when the record points at a look-alike contract", async () => {
    const forger = await viem.deployContract("EventForger");
    await forger.write.forgeDeposit([serviceIds[0]!, 1n, 10n ** 12n]);
    const forged = { ...deployment, splitter: { ...deployment.splitter, address: forger.address } };

    const result = await verifyDeployment({ client, deployment: forged });

    assert.equal(result.ok, false);
    const code = result.findings.find((finding) => finding.subject === "RevenueSplitter")!;
    assert.equal(code.ok, false);
    assert.match(code.detail, /is not this build of RevenueSplitter/);
  });

  it("fails when a report does not match its sha256", async () => {
    const tampered = [...(await verifyDeployment({ client, deployment })).state.datasets.values()][2]!.reportCid;
    const result = await verifyDeployment({
      client,
      deployment,
      checkReport: async (cid) => {
        if (cid === tampered) throw new Error(`report ${cid} changed: sha256 differs`);
      },
    });

    assert.equal(result.ok, false);
    const failed = result.findings.filter((finding) => !finding.ok).map((finding) => finding.subject);
    assert.deepEqual(failed, [`report ${tampered}`, "reports"]);
  });
});
