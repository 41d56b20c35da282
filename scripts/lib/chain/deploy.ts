/**
 * Deploys the platform with Hardhat Ignition to any JSON-RPC endpoint and records the result per
 * chain id. Ignition keeps its journal in `ignition/deployments/chain-<id>` (one per endpoint on a
 * local chain), so an interrupted deployment resumes where it stopped.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { createPublicClient, http, type Address, type Hex } from "viem";

import { writeDeployment, type DeployedContract, type Deployment } from "./deployment.ts";

export interface DeployParameters {
  projectRoot: string;
  rpcUrl: string;
  /** Private key of the deployer, who becomes the default admin. */
  deployerKey: Hex;
  attester?: Address;
  consumer?: Address;
  pauser?: Address;
  adminTransferDelaySeconds?: number;
  shareDecreaseNoticeSeconds?: number;
  /** Also deploy Multicall3 and a test stablecoin; for local chains only. */
  localExtras?: boolean;
  deploymentsDir: string;
}

export interface DeployReturnType {
  deployment: Deployment;
  file: string;
}

/** Chain id of Hardhat's local network. */
export const LOCAL_CHAIN_ID = 31_337;

/** Deploys (or resumes deploying) the platform and writes its record; returns the record. */
export async function deployPlatform(parameters: DeployParameters): Promise<DeployReturnType> {
  const client = createPublicClient({ transport: http(parameters.rpcUrl) });
  const chainId = await client.getChainId();
  const deploymentId = journalId(chainId, parameters.rpcUrl);
  const journalDir = path.join(parameters.projectRoot, "ignition", "deployments", deploymentId);
  await discardStaleLocalJournal(client, chainId, journalDir);

  const { createHardhatRuntimeEnvironment } = await import("hardhat/hre");
  const { default: config } = await import(path.join(parameters.projectRoot, "hardhat.config.ts"));
  const hre = await createHardhatRuntimeEnvironment(config, {}, parameters.projectRoot);
  const connection = await hre.network.create({
    network: "localhost",
    override: { url: parameters.rpcUrl, accounts: [parameters.deployerKey] },
  });

  const { default: platformModule } = await import("../../../ignition/modules/Platform.ts");
  const platform = await connection.ignition.deploy(platformModule, {
    deploymentId,
    displayUi: false,
    parameters: {
      Platform: withoutUndefined({
        attester: parameters.attester,
        consumer: parameters.consumer,
        pauser: parameters.pauser,
        adminTransferDelaySeconds: parameters.adminTransferDelaySeconds,
        shareDecreaseNoticeSeconds: parameters.shareDecreaseNoticeSeconds,
      }),
    },
  });

  let multicall3: Address | undefined;
  let tokens: Record<string, Address> | undefined;
  if (parameters.localExtras) {
    const { default: extrasModule } = await import("../../../ignition/modules/LocalExtras.ts");
    const extras = await connection.ignition.deploy(extrasModule, {
      deploymentId,
      displayUi: false,
      parameters: { LocalExtras: { splitter: platform.splitter.address } },
    });
    multicall3 = extras.multicall3.address;
    tokens = { tUSDC: extras.usdc.address };
  }

  const deployment: Deployment = {
    chainId,
    registry: await locateDeployment(client, platform.registry.address),
    splitter: await locateDeployment(client, platform.splitter.address),
    ...(multicall3 === undefined ? {} : { multicall3 }),
    ...(tokens === undefined ? {} : { tokens }),
    shareDecreaseNoticeSeconds: Number(await platform.splitter.read.SHARE_DECREASE_NOTICE()),
    deployedAt: new Date().toISOString(),
  };
  const file = writeDeployment(parameters.deploymentsDir, deployment);
  await connection.close();
  return { deployment, file };
}

/**
 * Returns the name of Ignition's journal folder. Every local node has chain id 31337, so local
 * journals are kept per endpoint: two nodes on different ports (parallel test runs) would
 * otherwise share one journal and skip or corrupt each other's deployments. The endpoint is
 * hashed because its URL may carry credentials.
 */
export function journalId(chainId: number, rpcUrl: string): string {
  if (chainId !== LOCAL_CHAIN_ID) return `chain-${chainId}`;
  return `chain-${chainId}-${createHash("sha256").update(rpcUrl).digest("hex").slice(0, 12)}`;
}

/**
 * Removes Ignition's journal of a restarted local node. The node is empty, but the journal still
 * lists the old contracts and would make Ignition skip the deployment.
 */
async function discardStaleLocalJournal(client: ReturnType<typeof createPublicClient>, chainId: number, journalDir: string) {
  if (chainId !== LOCAL_CHAIN_ID) return;
  const addressesFile = path.join(journalDir, "deployed_addresses.json");
  if (!existsSync(addressesFile)) return;
  const addresses = Object.values(JSON.parse(readFileSync(addressesFile, "utf8")) as Record<string, Address>);
  for (const address of addresses) {
    const code = await client.getCode({ address });
    if (code === undefined || code === "0x") {
      rmSync(journalDir, { recursive: true, force: true });
      return;
    }
  }
}

/** Finds the block and transaction that created `address`, by bisecting on the code's presence. */
async function locateDeployment(client: ReturnType<typeof createPublicClient>, address: Address): Promise<DeployedContract> {
  let low = 0n;
  let high = await client.getBlockNumber();
  while (low < high) {
    const middle = (low + high) / 2n;
    const code = await client.getCode({ address, blockNumber: middle });
    if (code !== undefined && code !== "0x") high = middle;
    else low = middle + 1n;
  }
  const block = await client.getBlock({ blockNumber: low, includeTransactions: true });
  for (const transaction of block.transactions) {
    if (transaction.to !== null) continue;
    const receipt = await client.getTransactionReceipt({ hash: transaction.hash });
    if (receipt.contractAddress?.toLowerCase() === address.toLowerCase()) {
      return { address, transactionHash: transaction.hash, blockNumber: low.toString() };
    }
  }
  throw new Error(`no transaction in block ${low} created ${address}`);
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as never;
}
