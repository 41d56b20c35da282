/**
 * The whole settlement flow driven through `1tt` against a real local Hardhat node and the
 * embedded IPFS node, from preprocessing to claim, statement and verify. Later tests point
 * verify at a tampered report, a look-alike contract and an RPC endpoint that caps log ranges,
 * and check that no key or RPC credential reaches the output.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { createWalletClient, getAddress, http as httpTransport, type Address, type Hex, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import forgerArtifact from "../../artifacts/contracts/mocks/EventForger.sol/EventForger.json" with { type: "json" };
import walletArtifact from "../../artifacts/contracts/mocks/MockERC1271Wallet.sol/MockERC1271Wallet.json" with { type: "json" };
import { erc20Abi, registryAbi } from "../../scripts/lib/chain/abis.ts";
import { localChain } from "../../scripts/lib/chain/connect.ts";
import type { LocalNode } from "../../scripts/lib/chain/local-node.ts";
import { REVENUE_SCALE } from "../../scripts/lib/chain/rebuild.ts";
import { generateDocuments, writeJsonl } from "../preprocess/corpus.ts";
import { ACTORS, devAccount, startCliChain, type CliChain, type CliResult } from "./helpers.ts";
import { startRpcProxy, type RpcProxy } from "./rpc-proxy.ts";

const BPS = 10_000n;

describe("1tt settlement flow", () => {
  let chain: CliChain;
  let node: LocalNode;
  let proxy: RpcProxy;
  let work: string;
  let client: PublicClient;
  let deployment: { registry: { address: Address }; splitter: { address: Address }; tokens: { tUSDC: Address } };
  const folders: Record<"a1" | "a2" | "b1", string> = { a1: "", a2: "", b1: "" };
  const tokenCounts: Record<string, bigint> = {};
  const datasetIds: Record<string, Hex> = {};

  const run = (argv: string[], extra: Record<string, string> = {}, expectedCode = 0): Promise<CliResult> =>
    chain.run(argv, extra, expectedCode);

  before(async () => {
    chain = await startCliChain();
    ({ node, work, client } = chain);
    proxy = await startRpcProxy(node.url, 5);
  });

  after(async () => {
    await proxy?.close();
    await chain?.stop();
  });

  it("deploys and records the deployment", async () => {
    const roles = { ONETT_DEPLOYER_KEY: ACTORS.operator.key };
    const result = await run(["deploy", "--json", "--consumer", ACTORS.consumer.address], roles);
    assert.equal(result.json?.chainId, 31_337);
    deployment = JSON.parse(readFileSync(path.join(work, "deployments", "31337.json"), "utf8"));
    assert.equal(deployment.registry.address, result.json?.registry);
    assert.match(deployment.tokens.tUSDC, /^0x[0-9a-fA-F]{40}$/);
    assert.equal(await balanceOf(ACTORS.consumer.address), 1_000_000n * 10n ** 6n);
  });

  it("preprocesses and publishes three datasets", async () => {
    for (const [name, seed] of [["a1", 11], ["a2", 12], ["b1", 13]] as const) {
      const input = path.join(work, `${name}.jsonl`);
      writeJsonl(input, generateDocuments(6, seed));
      folders[name] = path.join(work, name);
      const preprocessed = await run(["preprocess", input, "--out", folders[name], "--no-index", "--workers", "1", "--json"]);
      tokenCounts[name] = BigInt(preprocessed.json!.tokenCount as number);
      datasetIds[name] = preprocessed.json!.datasetId as Hex;

      const published = await run(["publish", folders[name], "--json"]);
      const record = JSON.parse(readFileSync(path.join(folders[name], "publish.json"), "utf8"));
      assert.equal(record.cid, published.json?.cid);
      assert.match(String(published.json?.cid), /^Qm/);
      assert.equal(record.sha256, published.json?.sha256);
    }
    assert.ok(tokenCounts.a1! > 0n);
    assert.ok(tokenCounts.b1! > 0n);
  });

  it("signs consents and attestations and registers in batches", async () => {
    await run(["consent", folders.a1, folders.a2], { ONETT_CONTRIBUTOR_KEY: ACTORS.alice.key });
    await run(["consent", folders.b1], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key });
    const consent = JSON.parse(readFileSync(path.join(folders.b1, "consent.json"), "utf8"));
    assert.equal(consent.terms.contributor, ACTORS.bob.address);

    const notAttester = await run(["attest", folders.a1], { ONETT_ATTESTER_KEY: ACTORS.relayer.key }, 3);
    assert.match(notAttester.stderr, /does not hold ATTESTER_ROLE/);
    await run(["attest", folders.a1, folders.a2, folders.b1], { ONETT_ATTESTER_KEY: ACTORS.operator.key });

    const registered = await run(["register", folders.a1, folders.a2, folders.b1, "--batch-size", "2", "--json"], { ONETT_RELAYER_KEY: ACTORS.relayer.key });
    assert.equal((registered.json?.registered as string[]).length, 3);
    assert.equal((registered.json?.batches as unknown[]).length, 2);

    const again = await run(["register", folders.a1, folders.a2, folders.b1, "--json"], { ONETT_RELAYER_KEY: ACTORS.relayer.key });
    assert.deepEqual(again.json?.registered, []);
    assert.equal((again.json?.skipped as unknown[]).length, 3);
    const count = await client.readContract({ address: deployment.registry.address, abi: registryAbi, functionName: "datasetCount" });
    assert.equal(count, 3n);
    const record = await client.readContract({ address: deployment.registry.address, abi: registryAbi, functionName: "datasetRecord", args: [datasetIds.b1!] });
    assert.equal(record.contributor, ACTORS.bob.address);
    assert.equal(record.tokenCount, tokenCounts.b1);
  });

  it("rejects a consent whose report changed after publishing", async () => {
    const report = path.join(folders.a1, "report.json");
    const original = readFileSync(report);
    writeFileSync(report, Buffer.concat([original, Buffer.from(" ")]));
    try {
      const result = await run(["attest", folders.a1], { ONETT_ATTESTER_KEY: ACTORS.operator.key }, 3);
      assert.match(result.stderr, /changed after it was published/);
    } finally {
      writeFileSync(report, original);
    }
  });

  it("creates two services, attaches and seals their versions", async () => {
    const consumer = { ONETT_CONSUMER_KEY: ACTORS.consumer.key };
    const first = await run(["service", "create", "--name", "뉴스 요약", "--token", "tUSDC", "--share-bps", "1500", "--json"], consumer);
    const second = await run(["service", "create", "--name", "Legal QA", "--token", deployment.tokens.tUSDC, "--share-bps", "300", "--json"], consumer);
    assert.equal(first.json?.serviceId, "1");
    assert.equal(second.json?.serviceId, "2");

    await run(["version", "open", "1"], consumer);
    await run(["version", "open", "2"], consumer);
    const attached = await run(["version", "attach", "1", "1", folders.a1, datasetIds.a2!, folders.b1, "--batch-size", "2", "--json"], consumer);
    assert.equal((attached.json?.transactions as unknown[]).length, 2);
    const repeated = await run(["version", "attach", "1", "1", folders.a1, "--json"], consumer);
    assert.deepEqual(repeated.json?.attached, []);
    await run(["version", "attach", "2", "1", folders.a1, folders.b1], consumer);

    const sealed = await run(["version", "seal", "1", "1", "--json"], consumer);
    assert.equal(sealed.json?.totalWeight, String(tokenCounts.a1! + tokenCounts.a2! + tokenCounts.b1!));
    assert.equal(sealed.json?.contributorCount, 2);
    await run(["version", "seal", "2", "1"], consumer);

    const late = await run(["version", "attach", "1", "1", datasetIds.a1!], consumer, 0);
    assert.match(late.stdout, /skipped 1 already attached/);
  });

  it("decodes a revert into a sentence", async () => {
    const result = await run(["version", "seal", "1", "1"], { ONETT_CONSUMER_KEY: ACTORS.consumer.key }, 6);
    assert.match(result.stderr, /Service 1 version 1 is sealed; its datasets are frozen/);
    const unauthorized = await run(["version", "open", "1"], { ONETT_CONSUMER_KEY: ACTORS.bob.key }, 6);
    assert.match(unauthorized.stderr, new RegExp(`${ACTORS.bob.address} does not hold CONSUMER_ROLE`));
  });

  it("deposits revenue with an exact approval and refuses a repeated period", async () => {
    const consumer = { ONETT_CONSUMER_KEY: ACTORS.consumer.key };
    const short = await run(["deposit", "1", "1", "--revenue", "1234.56", "--period", "2026-11", "--no-approve"], consumer, 6);
    assert.match(short.stderr, /allowance of splitter .* is 0 base units of tUSDC, but the deposit needs 185184000/);

    const first = await run(["deposit", "1", "1", "--revenue", "1234.56", "--period", "2026-11", "--json"], consumer);
    assert.equal(first.json?.amount, "185184000");
    assert.equal(first.json?.amountDecimal, "185.184000");
    assert.match(String(first.json?.approveTransactionHash), /^0x[0-9a-f]{64}$/);
    const allowance = await client.readContract({ address: deployment.tokens.tUSDC, abi: erc20Abi, functionName: "allowance", args: [ACTORS.consumer.address, deployment.splitter.address] });
    assert.equal(allowance, 0n);

    const repeated = await run(["deposit", "1", "1", "--revenue", "1", "--period", "2026-11"], consumer, 6);
    assert.match(repeated.stderr, /already has a deposit for this period/);
    const tooPrecise = await run(["deposit", "1", "1", "--revenue", "1.0000001", "--period", "2026-12"], consumer, 2);
    assert.match(tooPrecise.stderr, /7 decimal places, but tUSDC has only 6/);

    const second = await run(["deposit", "2", "1", "--revenue-raw", "77777777", "--period", "2026-11", "--json"], consumer);
    assert.equal(second.json?.amount, String(ceilDiv(77_777_777n * 300n, BPS)));
  });

  it("shows entitlements that match the weights and deposits", async () => {
    const result = await run(["entitlements", ACTORS.alice.address, "--json"]);
    const rows = result.json?.entitlements as Array<Record<string, string>>;
    assert.equal(rows.length, 2);
    const total = tokenCounts.a1! + tokenCounts.a2! + tokenCounts.b1!;
    const aliceWeight = tokenCounts.a1! + tokenCounts.a2!;
    const first = rows.find((row) => row.serviceId === "1")!;
    assert.equal(first.weight, String(aliceWeight));
    assert.equal(first.totalWeight, String(total));
    assert.equal(first.versionDeposited, "185184000");
    const expected = (aliceWeight * ((185_184_000n * REVENUE_SCALE) / total)) / REVENUE_SCALE;
    assert.equal(first.claimable, String(expected));
    assert.equal(first.claimed, "0");
    assert.equal(first.sharePercent, percent(aliceWeight, total));
  });

  it("claims every version in one transaction, sent by a relayer", async () => {
    const before = await balanceOf(ACTORS.alice.address);
    const entitlements = (await run(["entitlements", ACTORS.alice.address, "--json"])).json?.entitlements as Array<Record<string, string>>;
    const owed = entitlements.reduce((sum, row) => sum + BigInt(row.claimable!), 0n);

    const result = await run(["claim", ACTORS.alice.address, "--json"], { ONETT_CONTRIBUTOR_KEY: ACTORS.relayer.key });
    assert.equal((result.json?.claims as unknown[]).length, 2);
    assert.equal((await balanceOf(ACTORS.alice.address)) - before, owed);

    const nothing = await run(["claim", ACTORS.alice.address], { ONETT_CONTRIBUTOR_KEY: ACTORS.relayer.key }, 6);
    assert.match(nothing.stderr, /has nothing to claim/);
    const after = (await run(["entitlements", ACTORS.alice.address, "--json"])).json?.entitlements as Array<Record<string, string>>;
    assert.ok(after.every((row) => row.claimable === "0" && row.claimed === row.entitled));
  });

  it("writes a statement CSV with BOM, KST and UTC times and exact amounts", async () => {
    const file = path.join(work, "alice.csv");
    await run(["statement", ACTORS.alice.address, "--out", file]);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter(Boolean);
    assert.equal(lines[0], "time_kst,time_utc,type,service_id,service_name,version,period,token,amount_raw,amount,payout_address,transaction_hash,block");
    const rows = lines.slice(1).map((line) => line.split(","));
    assert.deepEqual(rows.map((row) => row[2]), ["credit", "credit", "claim", "claim"]);
    assert.equal(rows[0]![4], "뉴스 요약");
    assert.equal(rows[0]![6], "2026-11");
    const credits = rows.filter((row) => row[2] === "credit").reduce((sum, row) => sum + BigInt(row[8]!), 0n);
    const claims = rows.filter((row) => row[2] === "claim").reduce((sum, row) => sum + BigInt(row[8]!), 0n);
    assert.equal(credits, claims);
    for (const row of rows) {
      const kst = Date.parse(row[0]!.replace(" +09:00", "+09:00").replace(" ", "T"));
      const utc = Date.parse(row[1]!.replace(" +00:00", "Z").replace(" ", "T"));
      assert.equal(kst, utc);
      assert.equal(row[9], formatSix(BigInt(row[8]!)));
      const block = await client.getBlock({ blockNumber: BigInt(row[12]!) });
      assert.equal(utc / 1000, Number(block.timestamp));
    }
  });

  it("verifies the deployment, its reports and its invariants", async () => {
    const result = await run(["verify", "--json"]);
    assert.equal(result.json?.ok, true);
    assert.equal(result.json?.failed, 0);
    assert.match(result.stdout, /ok {4}reports: 3 of 3 reports match their sha256/);
    assert.match(result.stdout, /^PASSED/m);
  });

  it("completes through an endpoint that caps log ranges", async () => {
    const before = proxy.rejectedLogRequests;
    const result = await run(["verify", "--json", "--rpc-url", proxy.url]);
    assert.equal(result.json?.ok, true);
    assert.ok(proxy.rejectedLogRequests > before, "the proxy rejected at least one wide range");
    assert.ok((proxy.methods.get("eth_getLogs") ?? 0) > 2);
  });

  it("fails when a gateway serves a changed report", async () => {
    const cid = JSON.parse(readFileSync(path.join(folders.b1, "publish.json"), "utf8")).cid as string;
    const gateway = await startTamperingGateway(folders, cid);
    try {
      const result = await run(["verify", "--gateway", gateway.url], {}, 7);
      assert.match(result.stdout, new RegExp(`FAIL {2}report ${cid}: Report changed`));
      assert.match(result.stdout, /^FAIL {2}reports: 2 of 3 reports match/m);
      assert.match(result.stdout, /^FAILED/m);
    } finally {
      await gateway.close();
    }
  });

  it("names a report that the gateway lacks", async () => {
    const cid = JSON.parse(readFileSync(path.join(folders.a2, "publish.json"), "utf8")).cid as string;
    const gateway = await startTamperingGateway({ a1: folders.a1, b1: folders.b1 }, "");
    try {
      const result = await run(["verify", "--gateway", gateway.url], {}, 7);
      assert.match(result.stdout, new RegExp(`FAIL {2}report ${cid}: Report not found under that CID: .* returned HTTP 404`));
    } finally {
      await gateway.close();
    }
  });

  it("names the chain when records and signatures are for another", async () => {
    const record = JSON.parse(readFileSync(path.join(work, "deployments", "31337.json"), "utf8"));
    const otherChain = path.join(work, "chain-1.json");
    writeFileSync(otherChain, JSON.stringify({ ...record, chainId: 1 }));
    const wrongRecord = await run(["verify", "--deployment", otherChain, "--no-reports"], {}, 5);
    assert.match(wrongRecord.stderr, /is for chain 1, but the RPC endpoint is chain 31337/);

    const missing = await run(["entitlements", ACTORS.bob.address], { ONETT_DEPLOYMENTS: path.join(work, "empty") }, 5);
    assert.match(missing.stderr, /No deployment is recorded for chain 31337/);

    const consentFile = path.join(folders.b1, "consent.json");
    const original = readFileSync(consentFile);
    writeFileSync(consentFile, JSON.stringify({ ...JSON.parse(original.toString()), chainId: 10 }));
    try {
      const wrongSignature = await run(["register", folders.b1], { ONETT_RELAYER_KEY: ACTORS.relayer.key }, 5);
      assert.match(wrongSignature.stderr, /consent\.json is for chain 10, but http:\/\/127\.0\.0\.1:\d+ is chain 31337/);
    } finally {
      writeFileSync(consentFile, original);
    }
  });

  it("fails when the record points at a look-alike splitter", async () => {
    const wallet = createWalletClient({ account: privateKeyToAccount(ACTORS.relayer.key), chain: localChain(31_337, node.url), transport: httpTransport(node.url) });
    const hash = await wallet.deployContract({ abi: forgerArtifact.abi, bytecode: forgerArtifact.bytecode as Hex });
    const forger = (await client.waitForTransactionReceipt({ hash })).contractAddress!;
    await client.waitForTransactionReceipt({
      hash: await wallet.writeContract({ address: forger, abi: forgerArtifact.abi, functionName: "forgeDeposit", args: [1n, 1n, 10n ** 12n] }),
    });
    const record = JSON.parse(readFileSync(path.join(work, "deployments", "31337.json"), "utf8"));
    record.splitter.address = forger;
    const file = path.join(work, "forged.json");
    writeFileSync(file, JSON.stringify(record));

    const result = await run(["verify", "--deployment", file, "--no-reports"], {}, 7);
    assert.match(result.stdout, /FAIL {2}RevenueSplitter: code at .* is not this build of RevenueSplitter/);
  });

  it("never prints keys or RPC credentials", async () => {
    const secretUrl = `http://auditor:pa55word-xyz@127.0.0.1:${proxy.port}/v3/apikey0123456789`;
    const downUrl = `http://auditor:pa55word-xyz@127.0.0.1:${proxy.port}/down/apikey0123456789`;
    const secrets = ["pa55word-xyz", "apikey0123456789", ACTORS.consumer.key, ACTORS.consumer.key.slice(2)];
    const outputs: CliResult[] = [
      await run(["entitlements", ACTORS.bob.address], { ONETT_RPC_URL: secretUrl }),
      await run(["verify", "--no-reports"], { ONETT_RPC_URL: secretUrl }),
      await run(["entitlements", ACTORS.bob.address], { ONETT_RPC_URL: downUrl }, 5),
      await run(["deposit", "9", "1", "--revenue", "1", "--period", "x"], { ONETT_RPC_URL: secretUrl, ONETT_CONSUMER_KEY: ACTORS.consumer.key }, 6),
      await run(["service", "create", "--name", "x", "--token", "tUSDC", "--share-bps", "1"], { ONETT_RPC_URL: downUrl, ONETT_CONSUMER_KEY: ACTORS.consumer.key }, 5),
      await run(["claim", ACTORS.bob.address], { ONETT_CONTRIBUTOR_KEY: `${ACTORS.consumer.key.slice(0, 60)}zz` }, 8),
    ];
    assert.match(outputs[2]!.stderr, /RPC endpoint http:\/\/127\.0\.0\.1:\d+\/\[redacted\] failed \(HTTP 503\)/);
    for (const output of outputs) {
      for (const secret of secrets) {
        assert.ok(!output.stdout.includes(secret), `stdout contains a secret:\n${output.stdout}`);
        assert.ok(!output.stderr.includes(secret), `stderr contains a secret:\n${output.stderr}`);
      }
    }
    assert.ok(!outputs[5]!.stderr.includes(ACTORS.consumer.key.slice(2, 60)));
  });

  it("registers a contract wallet's consent", async () => {
    const owner = devAccount(5);
    const deployer = createWalletClient({ account: privateKeyToAccount(owner.key), chain: localChain(31_337, node.url), transport: httpTransport(node.url) });
    const hash = await deployer.deployContract({ abi: walletArtifact.abi, bytecode: walletArtifact.bytecode as Hex, args: [owner.address] });
    const wallet = getAddress((await client.waitForTransactionReceipt({ hash })).contractAddress!);
    const input = path.join(work, "c1.jsonl");
    writeJsonl(input, generateDocuments(4, 14));
    const folder = path.join(work, "c1");
    const preprocessed = await run(["preprocess", input, "--out", folder, "--no-index", "--workers", "1", "--json"]);
    await run(["publish", folder]);

    // The operator attests first, so the contributor can review the attestation before consenting.
    const attester = { ONETT_ATTESTER_KEY: ACTORS.operator.key };
    const unknownContributor = await run(["attest", folder], attester, 3);
    assert.match(unknownContributor.stderr, /pass --contributor ADDRESS to attest before consent/);
    await run(["attest", folder, "--contributor", wallet], attester);

    const stranger = await run(["consent", folder, "--contributor", wallet], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key }, 3);
    assert.match(stranger.stderr, new RegExp(`contract wallet ${wallet} does not accept a signature of ${ACTORS.bob.address}`));
    const noCode = await run(["consent", folder, "--contributor", ACTORS.relayer.address], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key }, 3);
    assert.match(noCode.stderr, /has no contract code/);

    // The owner signs from an encrypted key file, as an organisation would keep its key.
    const keystore = path.join(work, "owner-keystore.json");
    const password = { ONETT_KEYSTORE_PASSWORD: "owner pass phrase" };
    await run(["keystore", "create", "--out", keystore, "--from-env", "contributor", "--scrypt-n", "1024"], { ...password, ONETT_CONTRIBUTOR_KEY: owner.key }, 0);
    const wrongPassword = await run(["consent", folder, "--contributor", wallet, "--keystore", keystore], { ONETT_KEYSTORE_PASSWORD: "wrong" }, 8);
    assert.match(wrongPassword.stderr, /password is wrong/);
    await run(["consent", folder, "--contributor", wallet, "--keystore", keystore], password);
    await run(["register", folder], { ONETT_RELAYER_KEY: ACTORS.relayer.key });
    const record = await client.readContract({
      address: deployment.registry.address,
      abi: registryAbi,
      functionName: "datasetRecord",
      args: [preprocessed.json!.datasetId as Hex],
    });
    assert.equal(record.contributor, wallet);
  });

  it("redirects claims by a relayed signature", async () => {
    const payout = devAccount(6).address;
    const file = path.join(work, "bob-redirect.json");
    await run(["payout", "sign", payout, "--out", file], { ONETT_CONTRIBUTOR_KEY: ACTORS.bob.key });
    const submitted = await run(["payout", "submit", file, "--json"], { ONETT_RELAYER_KEY: ACTORS.relayer.key });
    assert.equal(submitted.json?.payout, payout);
    const shown = await run(["payout", "show", ACTORS.bob.address, "--json"]);
    assert.equal(shown.json?.payout, payout);

    const replayed = await run(["payout", "submit", file], { ONETT_RELAYER_KEY: ACTORS.relayer.key }, 6);
    assert.match(replayed.stderr, new RegExp(`The payout-address signature is not ${ACTORS.bob.address}'s for nonce 1`));

    const owed = ((await run(["entitlements", ACTORS.bob.address, "--json"])).json?.entitlements as Array<Record<string, string>>)
      .reduce((sum, row) => sum + BigInt(row.claimable!), 0n);
    assert.ok(owed > 0n);
    const bobBefore = await balanceOf(ACTORS.bob.address);
    await run(["claim", ACTORS.bob.address], { ONETT_CONTRIBUTOR_KEY: ACTORS.relayer.key });
    assert.equal(await balanceOf(payout), owed);
    assert.equal(await balanceOf(ACTORS.bob.address), bobBefore);
  });

  async function balanceOf(address: Address) {
    return await client.readContract({ address: deployment.tokens.tUSDC, abi: erc20Abi, functionName: "balanceOf", args: [address] });
  }
});

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

function percent(weight: bigint, total: bigint): string {
  const scaled = (weight * 100n * 10_000n) / total;
  return `${scaled / 10_000n}.${(scaled % 10_000n).toString().padStart(4, "0")}`;
}

function formatSix(amount: bigint): string {
  return `${amount / 1_000_000n}.${(amount % 1_000_000n).toString().padStart(6, "0")}`;
}

/**
 * Starts a gateway on 127.0.0.1 that serves each dataset folder's report by its CID, with one
 * byte of the report under `tamperedCid` changed.
 */
async function startTamperingGateway(folders: Record<string, string>, tamperedCid: string) {
  const reports = new Map<string, Buffer>();
  for (const folder of Object.values(folders)) {
    const { cid } = JSON.parse(readFileSync(path.join(folder, "publish.json"), "utf8")) as { cid: string };
    const bytes = Buffer.from(readFileSync(path.join(folder, "report.json")));
    if (cid === tamperedCid) bytes[10] = bytes[10]! ^ 0x01;
    reports.set(cid, bytes);
  }
  const server = http.createServer((request, response) => {
    const cid = request.url?.replace(/^\/ipfs\//, "") ?? "";
    const body = reports.get(cid);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
