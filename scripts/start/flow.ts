/**
 * Builds the demo allocation of `npm start` on the local chain, one `1tt` command at a time. The
 * steps are deploy, preprocess three contributors with a shared dedup index, publish, consent,
 * attest, register, two services with sealed versions, three periods of deposits, one claim and
 * verify. Each finished step is recorded in STATE/progress.json, so a second run skips it instead
 * of registering or depositing again.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { bytesToHex, createPublicClient, http, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

import { splitterAbi } from "../lib/chain/abis.ts";
import { readDeployment } from "../lib/chain/deployment.ts";
import { runStep } from "./cli-session.ts";
import { contributorPlans, countLines, writeContributorInput, type ContributorPlan } from "./corpus-slices.ts";

/**
 * Mnemonic of Hardhat's default development accounts. Their keys are public, so they are used on
 * the local demo chain only and never on a real network.
 */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";

/** Service terms of the demo, each with the contributors whose datasets its version 1 uses. */
export const DEMO_SERVICES = [
  { name: "Korean Help Assistant", shareBps: 1_500, contributors: ["korean-help", "speeches", "mail-archive"] },
  { name: "Speech Writer", shareBps: 300, contributors: ["speeches", "mail-archive"] },
];

/** Gross revenue per period, in tUSDC, for each service in `DEMO_SERVICES` order. */
export const DEMO_REVENUE = [
  { period: "2026-09", revenue: ["120000", "45000"] },
  { period: "2026-10", revenue: ["135500.50", "52000"] },
  { period: "2026-11", revenue: ["150250.25", "61000.75"] },
];

/** Index of the contributor in `contributorPlans` that claims during the demo. */
const CLAIMING_CONTRIBUTOR = 0;

/** Signatures must survive restarts, because a restart replays them into a fresh node. */
const SIGNATURE_VALID_DAYS = "3650";

export interface FlowOptions {
  stateDir: string;
  corporaDir: string;
  rpcUrl: string;
  gatewayUrl: string;
  /** E-mails of the mail archive contributor (see contributorPlans); undefined takes all. */
  mailLimit?: number;
  /** Speeches that the mail archive repeats. */
  overlap: number;
  /** Preprocessing worker threads; undefined uses one per core. */
  workers?: number;
  /** Receives progress lines. */
  log: NodeJS.WritableStream;
}

export interface ContributorResult {
  name: string;
  address: Address;
  datasetId: Hex;
  tokenCount: string;
  documentsIn: number;
  documentsKept: number;
  folder: string;
}

/** Progress of the demo, kept in STATE/progress.json. */
export interface Progress {
  deployed?: boolean;
  contributors: Record<string, ContributorResult>;
  registered: string[];
  indexed: string[];
  /** Service id per service name. */
  services: Record<string, string>;
  /** Service ids whose version 1 is open. */
  opened: string[];
  sealed: string[];
  /** "<serviceId>/<period>" of each finished deposit. */
  deposits: string[];
  claimed?: boolean;
}

export interface Account {
  key: Hex;
  address: Address;
}

/** Returns development account `index` of Hardhat's public mnemonic. */
export function devAccount(index: number): Account {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  return { key: bytesToHex(account.getHdKey().privateKey!), address: account.address };
}

export const OPERATOR = devAccount(0);
export const CONSUMER = devAccount(1);

/** Returns readers of the splitter's service count, a service's version count and whether its version 1 is sealed. */
async function splitterReader(rpcUrl: string, deploymentsDir: string) {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const chainId = await client.getChainId();
  const address = readDeployment(deploymentsDir, chainId).splitter.address;
  return {
    serviceCount: async () => Number(await client.readContract({ address, abi: splitterAbi, functionName: "serviceCount" })),
    versionCount: async (serviceId: string) =>
      (await client.readContract({ address, abi: splitterAbi, functionName: "service", args: [BigInt(serviceId)] })).versionCount,
    isSealed: async (serviceId: string) =>
      (await client.readContract({ address, abi: splitterAbi, functionName: "version", args: [BigInt(serviceId), 1n] })).sealedAt !== 0,
  };
}

/** Returns an error handler that ignores errors whose message matches `pattern` and rethrows others. */
function acceptIf(pattern: RegExp): (error: Error) => undefined {
  return (error) => {
    if (!pattern.test(error.message)) throw error;
    return undefined;
  };
}

export function readProgress(stateDir: string): Progress {
  const file = path.join(stateDir, "progress.json");
  if (!existsSync(file)) return { contributors: {}, registered: [], indexed: [], services: {}, opened: [], sealed: [], deposits: [] };
  return JSON.parse(readFileSync(file, "utf8")) as Progress;
}

function saveProgress(stateDir: string, progress: Progress): void {
  writeFileSync(path.join(stateDir, "progress.json"), `${JSON.stringify(progress, null, 2)}\n`);
}

/** Runs every step of the demo that `progress.json` does not list as finished; returns the progress. */
export async function buildDemo(options: FlowOptions): Promise<{ progress: Progress; plans: ContributorPlan[]; verifyOutput: string; verified: boolean }> {
  const { stateDir, log } = options;
  const progress = readProgress(stateDir);
  const env = {
    ONETT_RPC_URL: options.rpcUrl,
    ONETT_DEPLOYMENTS: path.join(stateDir, "deployments"),
    ONETT_IPFS_REPO: path.join(stateDir, "ipfs"),
  };
  const step = (argv: string[], keys: Record<string, string> = {}) => runStep(argv, env, keys, log);
  const save = () => saveProgress(stateDir, progress);
  const index = path.join(stateDir, "dedup-index.sqlite");

  if (!progress.deployed) {
    log.write("Deploying the contracts and the test token tUSDC...\n");
    await step(["deploy", "--consumer", CONSUMER.address], { ONETT_DEPLOYER_KEY: OPERATOR.key });
    progress.deployed = true;
    save();
  }

  const speechCount = await countLines(path.join(options.corporaDir, "en", "sotu.jsonl"));
  const plans = contributorPlans({ mailLimit: options.mailLimit, overlap: options.overlap, speechCount });
  const [first, second, third] = plans as [ContributorPlan, ContributorPlan, ContributorPlan];

  // The first two contributors are registered and added to the shared index before the third is
  // preprocessed, so the third's report shows the speeches it repeats as removed by the index.
  for (const batch of [[first, second], [third]]) {
    for (const plan of batch) await preprocessAndSign(plan);
    const folders = batch.map((plan) => progress.contributors[plan.name]!.folder);
    if (!batch.every((plan) => progress.registered.includes(plan.name))) {
      log.write(`Registering ${batch.map((plan) => plan.name).join(" and ")}...\n`);
      await step(["register", ...folders], { ONETT_RELAYER_KEY: OPERATOR.key });
      progress.registered.push(...batch.map((plan) => plan.name).filter((name) => !progress.registered.includes(name)));
      save();
    }
    for (const plan of batch) {
      if (progress.indexed.includes(plan.name)) continue;
      await step(["index", "add", "--dataset", progress.contributors[plan.name]!.folder, "--index", index]);
      progress.indexed.push(plan.name);
      save();
    }
  }

  const consumer = { ONETT_CONSUMER_KEY: CONSUMER.key };
  const splitter = await splitterReader(options.rpcUrl, env.ONETT_DEPLOYMENTS);
  for (const service of DEMO_SERVICES) {
    // Only this flow creates services on the demo chain, so a service beyond the recorded ones was
    // created by a run that stopped before recording it.
    const onChain = await splitter.serviceCount();
    const recorded = Object.keys(progress.services).length;
    if (progress.services[service.name] === undefined && onChain > recorded) {
      progress.services[service.name] = String(recorded + 1);
      save();
    }
    if (progress.services[service.name] === undefined) {
      log.write(`Creating the service "${service.name}"...\n`);
      const created = await step(["service", "create", "--name", service.name, "--token", "tUSDC", "--share-bps", String(service.shareBps), "--json"], consumer);
      progress.services[service.name] = String(created.json!.serviceId);
      save();
    }
    const serviceId = progress.services[service.name]!;
    if (!progress.sealed.includes(serviceId)) {
      // Opening again would make a version 2, so an opened version is recorded at once.
      if (!progress.opened.includes(serviceId)) {
        if ((await splitter.versionCount(serviceId)) === 0) await step(["version", "open", serviceId], consumer);
        progress.opened.push(serviceId);
        save();
      }
      const folders = service.contributors.map((name) => progress.contributors[name]!.folder);
      await step(["version", "attach", serviceId, "1", ...folders], consumer);
      if (!(await splitter.isSealed(serviceId))) await step(["version", "seal", serviceId, "1"], consumer);
      progress.sealed.push(serviceId);
      save();
    }
  }

  for (const { period, revenue } of DEMO_REVENUE) {
    for (const [i, service] of DEMO_SERVICES.entries()) {
      const serviceId = progress.services[service.name]!;
      const key = `${serviceId}/${period}`;
      if (progress.deposits.includes(key)) continue;
      log.write(`Depositing the ${period} share of "${service.name}"...\n`);
      // A run stopped after the deposit but before saving progress finds the deposit on-chain.
      await step(["deposit", serviceId, "1", "--revenue", revenue[i]!, "--period", period], consumer).catch(acceptIf(/already has a deposit for this period/));
      progress.deposits.push(key);
      save();
    }
  }

  if (!progress.claimed) {
    const claimant = progress.contributors[plans[CLAIMING_CONTRIBUTOR]!.name]!;
    log.write(`Claiming for ${claimant.name}...\n`);
    await step(["claim", claimant.address], { ONETT_CONTRIBUTOR_KEY: devAccount(plans[CLAIMING_CONTRIBUTOR]!.accountIndex).key }).catch(
      acceptIf(/has nothing to claim/),
    );
    progress.claimed = true;
    save();
  }

  log.write("Verifying the allocation from chain events and the published reports...\n");
  // `1tt verify` exits non-zero when any check fails, which runStep turns into an error.
  const verify = await step(["verify", "--gateway", options.gatewayUrl]).then(
    (result) => ({ output: result.stdout, verified: true }),
    (error: Error) => ({ output: error.message, verified: false }),
  );
  return { progress, plans, verifyOutput: verify.output, verified: verify.verified };

  async function preprocessAndSign(plan: ContributorPlan) {
    const contributor = devAccount(plan.accountIndex);
    const folder = path.join(stateDir, "datasets", plan.name);
    if (progress.contributors[plan.name] === undefined) {
      const input = path.join(stateDir, "inputs", `${plan.name}.jsonl`);
      await writeContributorInput(plan, options.corporaDir, input);
      log.write(`Preprocessing ${plan.name} (${path.relative(process.cwd(), input)})...\n`);
      const workers = options.workers === undefined ? [] : ["--workers", String(options.workers)];
      const result = await step(["preprocess", input, "--out", folder, "--index", index, ...workers, "--json"]);
      const summary = result.json!;
      await step(["publish", folder]);
      await step(["consent", folder, "--valid-days", SIGNATURE_VALID_DAYS], { ONETT_CONTRIBUTOR_KEY: contributor.key });
      await step(["attest", folder, "--valid-days", SIGNATURE_VALID_DAYS], { ONETT_ATTESTER_KEY: OPERATOR.key });
      progress.contributors[plan.name] = {
        name: plan.name,
        address: contributor.address,
        datasetId: summary.datasetId as Hex,
        tokenCount: String(summary.tokenCount),
        documentsIn: Number(summary.documentsIn),
        documentsKept: Number(summary.documentsKept),
        folder,
      };
      save();
    }
  }
}
