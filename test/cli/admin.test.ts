/**
 * The admin commands against a real local Hardhat node: the payout-token allow-list, pause and
 * unpause, revoke, and consent-nonce. Each effect is checked by reading the contracts, and each
 * guard by its exit code and message.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import type { Address, Hex, PublicClient } from "viem";

import { registryAbi, splitterAbi } from "../../scripts/lib/chain/abis.ts";
import { generateDocuments, writeJsonl } from "../preprocess/corpus.ts";
import { ACTORS, startCliChain, type CliChain, type CliResult } from "./helpers.ts";

describe("1tt admin commands", () => {
  let chain: CliChain;
  let work: string;
  let client: PublicClient;
  let deployment: { registry: { address: Address }; splitter: { address: Address }; tokens: { tUSDC: Address } };
  const folders: Record<"a1" | "a2" | "b1", string> = { a1: "", a2: "", b1: "" };
  const datasetIds: Record<string, Hex> = {};
  const admin = { ONETT_ADMIN_KEY: ACTORS.operator.key };
  const pauser = { ONETT_PAUSER_KEY: ACTORS.operator.key };
  const attester = { ONETT_ATTESTER_KEY: ACTORS.operator.key };

  const run = (argv: string[], extra: Record<string, string> = {}, expectedCode = 0): Promise<CliResult> =>
    chain.run(argv, extra, expectedCode);

  async function read<T>(address: Address, abi: typeof registryAbi | typeof splitterAbi, functionName: string, args: unknown[] = []): Promise<T> {
    return (await client.readContract({ address, abi, functionName, args } as never)) as T;
  }

  before(async () => {
    chain = await startCliChain();
    work = chain.work;
    client = chain.client;
    await run(["deploy", "--consumer", ACTORS.consumer.address], { ONETT_DEPLOYER_KEY: ACTORS.operator.key });
    deployment = JSON.parse(readFileSync(path.join(work, "deployments", "31337.json"), "utf8"));

    for (const [name, seed] of [["a1", 21], ["a2", 22], ["b1", 23]] as const) {
      const input = path.join(work, `${name}.jsonl`);
      writeJsonl(input, generateDocuments(3, seed));
      folders[name] = path.join(work, name);
      const preprocessed = await run(["preprocess", input, "--out", folders[name], "--no-index", "--workers", "1", "--json"]);
      datasetIds[name] = preprocessed.json!.datasetId as Hex;
      await run(["publish", folders[name]]);
    }
    await run(["consent", folders.a1, folders.a2], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key });
    await run(["attest", folders.a1, folders.a2], attester);
    await run(["register", folders.a1, folders.a2], { ONETT_RELAYER_KEY: ACTORS.relayer.key });
  });

  after(async () => {
    await chain?.stop();
  });

  describe("token", () => {
    const other = "0x000000000000000000000000000000000000dEaD";

    it("disallows and allows by symbol", async () => {
      const disallowed = await run(["token", "disallow", "tUSDC", "--json"], admin);
      assert.deepEqual(Object.keys(disallowed.json!).sort(), ["changed", "isAllowed", "token", "transactionHash"]);
      assert.equal(disallowed.json?.token, deployment.tokens.tUSDC);
      assert.equal(disallowed.json?.changed, true);
      assert.equal(await read(deployment.splitter.address, splitterAbi, "isPayoutTokenAllowed", [deployment.tokens.tUSDC]), false);

      const allowed = await run(["token", "allow", "tUSDC", "--json"], admin);
      assert.equal(allowed.json?.isAllowed, true);
      assert.match(String(allowed.json?.transactionHash), /^0x[0-9a-f]{64}$/);
      assert.equal(await read(deployment.splitter.address, splitterAbi, "isPayoutTokenAllowed", [deployment.tokens.tUSDC]), true);
    });

    it("reports a token already allowed", async () => {
      const again = await run(["token", "allow", deployment.tokens.tUSDC, "--json"], admin);
      assert.equal(again.json?.changed, false);
      assert.equal(again.json?.transactionHash, null);
      assert.match(again.stdout, /is already allowed; nothing sent/);
    });

    it("falls back to the deployer key", async () => {
      const result = await run(["token", "allow", other], { ONETT_DEPLOYER_KEY: ACTORS.operator.key });
      assert.match(result.stdout, /allowed payout token 0x000000000000000000000000000000000000dEaD/);
      assert.equal(await read(deployment.splitter.address, splitterAbi, "isPayoutTokenAllowed", [other]), true);
    });

    it("lists tokens with state and metadata", async () => {
      await run(["token", "disallow", other], admin);
      const listed = await run(["token", "list", "--json"]);
      const tokens = listed.json?.tokens as Array<Record<string, unknown>>;
      const usdc = tokens.find((entry) => entry.token === deployment.tokens.tUSDC);
      assert.deepEqual(usdc, { token: deployment.tokens.tUSDC, isAllowed: true, symbol: "tUSDC", decimals: 6 });
      const dead = tokens.find((entry) => entry.token === other);
      assert.deepEqual(dead, { token: other, isAllowed: false, symbol: null, decimals: null });
      assert.match(listed.stdout, / allowed +tUSDC, 6 decimals/);
    });

    it("rejects a key without the admin role", async () => {
      const result = await run(["token", "allow", "tUSDC"], { ONETT_ADMIN_KEY: ACTORS.consumer.key }, 6);
      assert.match(result.stderr, new RegExp(`${ACTORS.consumer.address} does not hold DEFAULT_ADMIN_ROLE`));
    });

    // Exit 2 (usage), as for any invalid argument value, because the symbol names nothing in the
    // deployment record. The message lists the recorded symbols.
    it("rejects an unknown symbol with exit 2", async () => {
      const result = await run(["token", "allow", "tDAI"], admin, 2);
      assert.match(result.stderr, /Token "tDAI" is neither an address nor a symbol recorded for chain 31337 \(recorded: tUSDC\)/);
    });
  });

  describe("pause", () => {
    it("pauses and unpauses both contracts", async () => {
      const paused = await run(["pause", "--json"], pauser);
      const contracts = paused.json?.contracts as Array<Record<string, unknown>>;
      assert.deepEqual(contracts.map((entry) => [entry.contract, entry.changed]), [["registry", true], ["splitter", true]]);
      assert.equal(await read(deployment.registry.address, registryAbi, "paused"), true);
      assert.equal(await read(deployment.splitter.address, splitterAbi, "paused"), true);

      const unpaused = await run(["unpause"], pauser);
      assert.match(unpaused.stdout, /unpaused registry .*\nunpaused splitter/);
      assert.equal(await read(deployment.registry.address, registryAbi, "paused"), false);
      assert.equal(await read(deployment.splitter.address, splitterAbi, "paused"), false);
    });

    it("rejects pausing twice", async () => {
      await run(["pause", "--splitter"], pauser);
      try {
        const twice = await run(["pause", "--splitter"], pauser, 6);
        assert.match(twice.stdout, /splitter 0x[0-9a-fA-F]{40} is already paused; skipped/);
        assert.match(twice.stderr, /splitter already paused; nothing changed/);

        const both = await run(["pause", "--json"], pauser);
        const contracts = both.json?.contracts as Array<Record<string, unknown>>;
        assert.deepEqual(contracts.map((entry) => [entry.contract, entry.changed]), [["registry", true], ["splitter", false]]);
      } finally {
        await run(["unpause"], pauser);
      }
      const notPaused = await run(["unpause", "--registry"], pauser, 6);
      assert.match(notPaused.stderr, /registry not paused; nothing changed/);
    });

    it("rejects a key without the pauser role", async () => {
      const result = await run(["pause"], { ONETT_PAUSER_KEY: ACTORS.alice.key }, 6);
      assert.match(result.stderr, new RegExp(`${ACTORS.alice.address} does not hold PAUSER_ROLE on registry`));
      assert.equal(await read(deployment.registry.address, registryAbi, "paused"), false);
    });
  });

  describe("revoke", () => {
    it("revokes as contributor from a folder", async () => {
      const result = await run(["revoke", folders.a1, "--json"], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key });
      assert.deepEqual(Object.keys(result.json!).sort(), ["blockNumber", "contributor", "datasetId", "revokedBy", "transactionHash"]);
      assert.equal(result.json?.datasetId, datasetIds.a1);
      assert.equal(result.json?.revokedBy, ACTORS.alice.address);
      const record = await read<{ isRevoked: boolean }>(deployment.registry.address, registryAbi, "datasetRecord", [datasetIds.a1]);
      assert.equal(record.isRevoked, true);
    });

    it("rejects a dataset already revoked", async () => {
      const result = await run(["revoke", datasetIds.a1!], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key }, 6);
      assert.match(result.stderr, new RegExp(`Dataset ${datasetIds.a1} is already revoked`));
    });

    it("rejects an unknown dataset", async () => {
      const unknown = `0x${"ab".repeat(32)}`;
      const result = await run(["revoke", unknown], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key }, 6);
      assert.match(result.stderr, new RegExp(`Dataset ${unknown} is not registered`));
    });

    it("rejects a key that may not revoke", async () => {
      const notContributor = await run(["revoke", datasetIds.a2!], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key }, 6);
      assert.match(notContributor.stderr, new RegExp(`${ACTORS.bob.address} is not the contributor of dataset ${datasetIds.a2}`));
      const notAttester = await run(["revoke", datasetIds.a2!, "--as", "attester"], { ONETT_ATTESTER_KEY: ACTORS.bob.key }, 6);
      assert.match(notAttester.stderr, new RegExp(`${ACTORS.bob.address} does not hold ATTESTER_ROLE`));
      const record = await read<{ isRevoked: boolean }>(deployment.registry.address, registryAbi, "datasetRecord", [datasetIds.a2]);
      assert.equal(record.isRevoked, false);
    });

    it("revokes as attester", async () => {
      const result = await run(["revoke", datasetIds.a2!, "--as", "attester", "--json"], attester);
      assert.equal(result.json?.revokedBy, ACTORS.operator.address);
      assert.equal(result.json?.contributor, ACTORS.alice.address);
      const record = await read<{ isRevoked: boolean }>(deployment.registry.address, registryAbi, "datasetRecord", [datasetIds.a2]);
      assert.equal(record.isRevoked, true);
    });

    it("rejects an invalid --as", async () => {
      const result = await run(["revoke", datasetIds.a2!, "--as", "admin"], {}, 2);
      assert.match(result.stderr, /invalid --as "admin"/);
    });
  });

  describe("consent-nonce", () => {
    it("shows and increments the nonce", async () => {
      const before = await run(["consent-nonce", "show", ACTORS.bob.address, "--json"]);
      assert.deepEqual(before.json, { contributor: ACTORS.bob.address, nonce: "0" });

      const incremented = await run(["consent-nonce", "increment", "--json"], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key });
      assert.deepEqual(Object.keys(incremented.json!).sort(), ["blockNumber", "contributor", "newNonce", "transactionHash"]);
      assert.equal(incremented.json?.newNonce, "1");
      assert.equal(await read(deployment.registry.address, registryAbi, "consentNonce", [ACTORS.bob.address]), 1n);
    });

    it("invalidates a consent signed before", async () => {
      await run(["consent", folders.b1], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key });
      await run(["attest", folders.b1], attester);
      await run(["consent-nonce", "increment"], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key });

      // The registry reports the nonce in force, 2 after the two increments of this suite.
      const rejected = await run(["register", folders.b1], { ONETT_RELAYER_KEY: ACTORS.relayer.key }, 6);
      assert.match(rejected.stderr, new RegExp(`not a valid signature of contributor ${ACTORS.bob.address} with nonce 2`));
      const record = await read<{ contributor: Address }>(deployment.registry.address, registryAbi, "datasetRecord", [datasetIds.b1]);
      assert.equal(record.contributor, "0x0000000000000000000000000000000000000000");
    });

    it("rejects an invalid address", async () => {
      const result = await run(["consent-nonce", "show", "0x1234"], {}, 2);
      assert.match(result.stderr, /invalid ADDRESS "0x1234"/);
    });
  });
});
