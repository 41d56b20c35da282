/**
 * Gas benchmark of the registry and the splitter: deploys both on a fresh in-process Hardhat
 * network per contributor count, registers and attaches that many contributors' datasets, and
 * reads `gasUsed` from the receipts of the measured transactions.
 *
 * Usage: npm run --silent bench:gas [-- --json --check]
 *   --json   print a JSON array of { operation, contributors, gas } rows instead of the table
 *   --check  exit with code 1 when a row with a target exceeds it
 * Without `--silent`, npm prints its own header line on stdout before the output.
 */
import { network } from "hardhat";
import { keccak256, maxUint256, toHex, type Address, type Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";

import type { DatasetTerms } from "../lib/eip712.ts";
import { signRegistration, type Registration, type TypedDataSigner } from "../lib/sign-typed-data.ts";

const CONTRIBUTOR_COUNTS = [1, 100, 2_000] as const;
/** Datasets per `registerBatch` and `attachDatasets` call, in setup and in the measured batches. */
const BATCH_SIZE = 50;
/** Versions in the multi-pair claim. */
const CLAIM_PAIRS = 10;
const SHARE_BPS = 2_000;
const SHARE_DECREASE_NOTICE_SECONDS = 30 * 24 * 60 * 60;
const ADMIN_TRANSFER_DELAY_SECONDS = 2 * 24 * 60 * 60;
/**
 * Signature deadline of 2100-01-01T00:00:00Z. It is fixed so that signatures, calldata and gas are
 * identical from run to run, because a deadline that follows the clock changes signature bytes.
 */
const SIGNATURE_DEADLINE = 4_102_444_800n;
/** One period's gross revenue: 1,000,000 tokens of 18 decimals. */
const GROSS_REVENUE = 1_000_000n * 10n ** 18n;
/** A CIDv1 of typical length; the registry stores only its hash in events, but calldata pays for it. */
const REPORT_CID = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

/** Upper bounds that the platform aims for, per operation. */
const TARGETS: Record<string, number> = {
  register: 110_000,
  registerBatchPerDataset: 60_000,
  attachPerDataset: 30_000,
  seal: 60_000,
  deposit: 80_000,
  claimOnePair: 85_000,
  claimPerExtraPair: 30_000,
};

/**
 * Description of each row, in table order. Rows without a target show first-time or alternative
 * costs next to the representative case that the target means.
 */
const DESCRIPTIONS: Record<string, string> = {
  register: "register one dataset; the registry already holds the N datasets",
  registerFirstOfRegistry: "register into an empty registry, which also writes the first dataset count",
  registerBatchPerDataset: `registerBatch of ${BATCH_SIZE} datasets, gasUsed / ${BATCH_SIZE}`,
  attachPerDataset: `attachDatasets of ${BATCH_SIZE} datasets of new contributors to a version that has N, gasUsed / ${BATCH_SIZE}`,
  attachPerDatasetKnownContributor: `attachDatasets of ${BATCH_SIZE} more datasets of contributors already in that version, gasUsed / ${BATCH_SIZE}`,
  seal: "sealVersion of the version with N contributors",
  deposit: "deposit into a version that has deposits, allowance approved exactly (it drops to zero)",
  depositUnlimitedAllowance: "deposit as above with an unlimited allowance, which the token leaves unwritten",
  depositFirstToVersion: "first deposit into a version, when the splitter already holds the token",
  depositFirstOfToken: "first deposit of a token into the splitter, also the version's first",
  claimOnePair: "claim of one (service, version) pair to a payout address that already holds the token",
  claimOnePairFirstPayout: "claim of one pair to a payout address with no balance of the token yet",
  claimTenPairs: `claim of ${CLAIM_PAIRS} pairs of one service in one transaction`,
  claimPerExtraPair: `(claimTenPairs - claimOnePair) / ${CLAIM_PAIRS - 1}`,
};

interface Row {
  operation: string;
  contributors: number;
  gas: number;
}

type Connection = Awaited<ReturnType<typeof network.create>>;
type Viem = Connection["viem"];

/** Deterministic contributor accounts, so runs are repeatable. */
function contributorAccount(index: number): PrivateKeyAccount {
  return privateKeyToAccount(keccak256(toHex(`1tt gas bench contributor ${index}`)));
}

function datasetTerms(index: number, contributor: Address): DatasetTerms {
  return {
    id: keccak256(toHex(`1tt gas bench dataset ${index}`)),
    contributor,
    tokenCount: 1_000_000n + BigInt(index),
    reportSha256: keccak256(toHex(`report ${index}`)),
    reportCid: REPORT_CID,
    pipelineId: keccak256(toHex("1tt-preprocess/1")),
    tokenizerId: keccak256(toHex("o200k_base")),
  };
}

async function deploy(viem: Viem) {
  const publicClient = await viem.getPublicClient();
  const [admin, attester, consumer, relayer] = await viem.getWalletClients();
  if (admin === undefined || attester === undefined || consumer === undefined || relayer === undefined) {
    throw new Error("missing accounts: the Hardhat network must provide 4 (admin, attester, consumer, relayer)");
  }

  const registry = await viem.deployContract("ContributionRegistry", [
    admin.account.address,
    ADMIN_TRANSFER_DELAY_SECONDS,
  ]);
  const splitter = await viem.deployContract("RevenueSplitter", [
    registry.address,
    admin.account.address,
    ADMIN_TRANSFER_DELAY_SECONDS,
    SHARE_DECREASE_NOTICE_SECONDS,
  ]);
  const token = await viem.deployContract("MockERC20", ["Won Stable", "KRWS", 18]);

  const attesterRole = await registry.read.ATTESTER_ROLE();
  const consumerRole = await splitter.read.CONSUMER_ROLE();
  await registry.write.grantRole([attesterRole, attester.account.address]);
  await splitter.write.grantRole([consumerRole, consumer.account.address]);
  await splitter.write.setPayoutTokenAllowed([token.address, true]);
  // Enough for every deposit of the run, so the consumer's balance never drops to zero.
  await token.write.mint([consumer.account.address, 10n ** 40n]);

  const chainId = await publicClient.getChainId();
  const attesterSigner: TypedDataSigner = {
    signTypedData: (typedData) => attester.signTypedData(typedData as Parameters<typeof attester.signTypedData>[0]),
  };
  return { publicClient, admin, attester, consumer, relayer, registry, splitter, token, chainId, attesterSigner };
}

type Deployment = Awaited<ReturnType<typeof deploy>>;

/** Returns the gas used by a mined transaction, failing on a revert. */
async function gasOf(deployment: Deployment, hash: Promise<Hex>): Promise<number> {
  const receipt = await deployment.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return Number(receipt.gasUsed);
}

/**
 * Signs registrations of the datasets `indexes`; dataset `i` belongs to contributor
 * `contributorOf(i)`, by default contributor `i`.
 */
async function signRegistrations(
  deployment: Deployment,
  indexes: number[],
  contributorOf: (index: number) => number = (index) => index,
): Promise<Registration[]> {
  return Promise.all(
    indexes.map((index) => {
      const contributor = contributorAccount(contributorOf(index));
      return signRegistration({
        chainId: deployment.chainId,
        registry: deployment.registry.address,
        terms: datasetTerms(index, contributor.address),
        consentSigner: contributor,
        attestationSigner: deployment.attesterSigner,
        // No bench contributor invalidates its consents, so every consent nonce is still zero.
        nonce: 0n,
        consentDeadline: SIGNATURE_DEADLINE,
        attestationDeadline: SIGNATURE_DEADLINE,
      });
    }),
  );
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

async function registerBatch(
  deployment: Deployment,
  indexes: number[],
  contributorOf?: (index: number) => number,
): Promise<number> {
  const registrations = await signRegistrations(deployment, indexes, contributorOf);
  return gasOf(deployment, deployment.registry.write.registerBatch([registrations]));
}

async function attach(deployment: Deployment, serviceId: bigint, version: bigint, indexes: number[]): Promise<number> {
  const ids = indexes.map((index) => datasetTerms(index, contributorAccount(index).address).id);
  return gasOf(
    deployment,
    deployment.splitter.write.attachDatasets([serviceId, version, ids], { account: deployment.consumer.account }),
  );
}

async function openVersion(deployment: Deployment, serviceId: bigint): Promise<bigint> {
  const { splitter, consumer } = deployment;
  await gasOf(deployment, splitter.write.openVersion([serviceId], { account: consumer.account }));
  return BigInt((await splitter.read.service([serviceId])).versionCount);
}

/** Approves exactly what the deposit pulls (or an unlimited allowance) and deposits. */
async function deposit(
  deployment: Deployment,
  serviceId: bigint,
  version: bigint,
  allowance: "exact" | "unlimited" = "exact",
): Promise<number> {
  const { splitter, token, consumer } = deployment;
  const amount = await splitter.read.previewDeposit([serviceId, GROSS_REVENUE]);
  await gasOf(
    deployment,
    token.write.approve([splitter.address, allowance === "exact" ? amount : maxUint256], { account: consumer.account }),
  );
  return gasOf(
    deployment,
    splitter.write.deposit([serviceId, version, GROSS_REVENUE, toHex("2026-11", { size: 32 })], {
      account: consumer.account,
    }),
  );
}

async function claim(deployment: Deployment, contributor: Address, serviceId: bigint, versions: bigint[]) {
  const refs = versions.map((version) => ({ serviceId, version }));
  return gasOf(deployment, deployment.splitter.write.claim([contributor, refs], { account: deployment.relayer.account }));
}

/** Runs every measurement with `contributorCount` contributors on a fresh chain. */
async function measure(contributorCount: number): Promise<Row[]> {
  const connection = await network.create();
  const deployment = await deploy(connection.viem);
  const { splitter, consumer } = deployment;
  const rows: Row[] = [];
  const record = (operation: string, gas: number, contributors = contributorCount) =>
    rows.push({ operation, contributors, gas: Math.round(gas) });

  // Setup: the N base contributors, one dataset each.
  const base = range(0, contributorCount);
  if (contributorCount === 1) {
    const [registration] = await signRegistrations(deployment, base);
    record("registerFirstOfRegistry", await gasOf(deployment, deployment.registry.write.register([registration!])), 0);
  } else {
    for (const batch of chunks(base, BATCH_SIZE)) await registerBatch(deployment, batch);
  }

  const [single] = await signRegistrations(deployment, [contributorCount]);
  record("register", await gasOf(deployment, deployment.registry.write.register([single!])));

  const measuredBatch = range(contributorCount + 1, BATCH_SIZE);
  record("registerBatchPerDataset", (await registerBatch(deployment, measuredBatch)) / BATCH_SIZE);

  // Second datasets of base contributors, for attaching datasets of contributors already present.
  const secondDatasets = range(contributorCount + 1 + BATCH_SIZE, BATCH_SIZE);
  await registerBatch(deployment, secondDatasets, (index) => index % contributorCount);

  await gasOf(
    deployment,
    splitter.write.createService(["Solar LLM", deployment.token.address, SHARE_BPS], { account: consumer.account }),
  );
  const serviceId = await splitter.read.serviceCount();

  // Version 1 is the one measured for seal, deposits and claims, and versions 2 to CLAIM_PAIRS join
  // the multi-pair claim. The attach batch goes to a separate version, so version 1 keeps exactly N
  // contributors. Every version has all N base datasets.
  const versions: bigint[] = [];
  for (let i = 0; i < CLAIM_PAIRS; i += 1) {
    const version = await openVersion(deployment, serviceId);
    for (const batch of chunks(base, BATCH_SIZE)) await attach(deployment, serviceId, version, batch);
    versions.push(version);
  }
  const attachVersion = await openVersion(deployment, serviceId);
  for (const batch of chunks(base, BATCH_SIZE)) await attach(deployment, serviceId, attachVersion, batch);
  record("attachPerDataset", (await attach(deployment, serviceId, attachVersion, measuredBatch)) / BATCH_SIZE);
  record(
    "attachPerDatasetKnownContributor",
    (await attach(deployment, serviceId, attachVersion, secondDatasets)) / BATCH_SIZE,
  );

  const [measured, ...others] = versions as [bigint, ...bigint[]];
  record(
    "seal",
    await gasOf(deployment, splitter.write.sealVersion([serviceId, measured], { account: consumer.account })),
  );
  for (const version of others) {
    await gasOf(deployment, splitter.write.sealVersion([serviceId, version], { account: consumer.account }));
  }

  record("depositFirstOfToken", await deposit(deployment, serviceId, measured));
  record("depositFirstToVersion", await deposit(deployment, serviceId, others[0]!));
  for (const version of others.slice(1)) await deposit(deployment, serviceId, version);
  record("deposit", await deposit(deployment, serviceId, measured));
  record("depositUnlimitedAllowance", await deposit(deployment, serviceId, measured, "unlimited"));

  // The claimer is a base contributor with weight in every version; a relayer sends its claims.
  const claimer = contributorAccount(0).address;
  record("claimOnePairFirstPayout", await claim(deployment, claimer, serviceId, [measured]));
  for (const version of versions) await deposit(deployment, serviceId, version);
  const onePair = await claim(deployment, claimer, serviceId, [measured]);
  record("claimOnePair", onePair);
  for (const version of versions) await deposit(deployment, serviceId, version);
  const tenPairs = await claim(deployment, claimer, serviceId, versions);
  record("claimTenPairs", tenPairs);
  record("claimPerExtraPair", (tenPairs - onePair) / (CLAIM_PAIRS - 1));

  await connection.close();
  return rows;
}

function formatGas(gas: number | undefined): string {
  return gas === undefined ? "-" : gas.toLocaleString("en-US");
}

function printTable(rows: Row[]): void {
  const isPerCount = (row: Row) => (CONTRIBUTOR_COUNTS as readonly number[]).includes(row.contributors);
  const measured = new Set(rows.filter(isPerCount).map((row) => row.operation));
  const operations = Object.keys(DESCRIPTIONS).filter((operation) => measured.has(operation));
  const header = ["operation", ...CONTRIBUTOR_COUNTS.map((count) => `N=${count.toLocaleString("en-US")}`), "target", "result"];
  const lines = operations.map((operation) => {
    const gases = CONTRIBUTOR_COUNTS.map(
      (count) => rows.find((row) => row.operation === operation && row.contributors === count)?.gas,
    );
    const target = TARGETS[operation];
    const worst = Math.max(...gases.filter((gas): gas is number => gas !== undefined));
    let result = "";
    if (target !== undefined) result = worst <= target ? "ok" : `MISSED by ${formatGas(worst - target)}`;
    return [operation, ...gases.map(formatGas), target === undefined ? "-" : `≤ ${formatGas(target)}`, result];
  });

  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  console.log(format(header));
  console.log(`|${widths.map((width, column) => (column === 0 ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`)).join("|")}|`);
  for (const line of lines) console.log(format(line));

  console.log("");
  for (const row of rows.filter((row) => !isPerCount(row))) {
    console.log(`${row.operation} with ${row.contributors} datasets registered before: ${formatGas(row.gas)} gas`);
  }
  for (const operation of Object.keys(DESCRIPTIONS)) console.log(`- ${operation}: ${DESCRIPTIONS[operation]}`);
}

function missedTargets(rows: Row[]): Row[] {
  return rows.filter((row) => TARGETS[row.operation] !== undefined && row.gas > TARGETS[row.operation]!);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const isJson = args.includes("--json");
  const isCheck = args.includes("--check");

  const hre = (await import("hardhat")).default;
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true });

  const rows: Row[] = [];
  for (const count of CONTRIBUTOR_COUNTS) {
    const startedAt = performance.now();
    rows.push(...(await measure(count)));
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.error(`measured with ${count} contributors in ${seconds} s`);
  }

  if (isJson) console.log(JSON.stringify(rows, null, 2));
  else printTable(rows);

  const missed = missedTargets(rows);
  if (isCheck && missed.length > 0) {
    for (const row of missed) {
      console.error(`error: ${row.operation} with ${row.contributors} contributors used ${row.gas} gas, above its target of ${TARGETS[row.operation]}`);
    }
    process.exitCode = 1;
  }
}

await main();
