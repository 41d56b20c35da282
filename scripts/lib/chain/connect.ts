/**
 * Connects to a JSON-RPC endpoint, reads the deployment recorded for its chain and, for commands
 * that write, binds a signing account. Every request can be counted, for benchmarks.
 */
import { readFileSync } from "node:fs";

import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Abi,
  type Address,
  type Chain,
  type Hex,
  type LocalAccount,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from "viem";

import { describeUrl, registerSecretUrl } from "../keys/secrets.ts";
import { erc20Abi } from "./abis.ts";
import { checkDeployment, DeploymentNotFoundError, readDeployment, type Deployment } from "./deployment.ts";

/** Default endpoint: a local Hardhat node (`1tt node`). */
export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";
/** Default folder of deployment records, one `<chainId>.json` per chain. */
export const DEFAULT_DEPLOYMENTS_DIR = "deployments";

/** Thrown when the endpoint's chain is not the chain that a record, a signature or an option names. */
export class WrongChainError extends Error {
  override name = "WrongChainError" as const;
}

/** Thrown when a recorded contract has no code: the record belongs to a chain that was reset. */
export class MissingContractError extends Error {
  override name = "MissingContractError" as const;
}

/** Thrown when a transaction was mined but reverted. */
export class TransactionRevertedError extends Error {
  override name = "TransactionRevertedError" as const;
}

export interface ConnectParameters {
  rpcUrl: string;
  deploymentsDir: string;
  /** A deployment record file to use instead of `<deploymentsDir>/<chainId>.json`. */
  deploymentFile?: string;
  /** Signs transactions; omit for read-only commands. */
  account?: LocalAccount;
  /** Check that the recorded contracts have code; default true. */
  checkCode?: boolean;
  /** Called once per JSON-RPC request sent over HTTP. */
  onRequest?: () => void;
}

export interface Connection {
  rpcUrl: string;
  chainId: number;
  chain: Chain;
  deployment: Deployment;
  publicClient: PublicClient;
  /** Present when an account was given. */
  walletClient?: WalletClient;
  account?: LocalAccount;
}

/** Returns a public client for `rpcUrl` that calls `onRequest` per HTTP request. */
export function createRpcClient(rpcUrl: string, onRequest?: () => void, chain?: Chain): PublicClient {
  registerSecretUrl(rpcUrl);
  return createPublicClient({
    chain,
    transport: http(rpcUrl, { retryCount: 2, onFetchRequest: onRequest === undefined ? undefined : () => void onRequest() }),
  }) as PublicClient;
}

/** Connects to `rpcUrl` and reads the deployment of its chain. */
export async function connect(parameters: ConnectParameters): Promise<Connection> {
  const probe = createRpcClient(parameters.rpcUrl, parameters.onRequest);
  const chainId = await probe.getChainId();
  const deployment = parameters.deploymentFile === undefined
    ? readDeployment(parameters.deploymentsDir, chainId)
    : readDeploymentFile(parameters.deploymentFile, chainId);

  const chain = localChain(chainId, parameters.rpcUrl);
  const publicClient = createRpcClient(parameters.rpcUrl, parameters.onRequest, chain);
  if (parameters.checkCode ?? true) await checkContractsExist(publicClient, deployment);

  const connection: Connection = { rpcUrl: parameters.rpcUrl, chainId, chain, deployment, publicClient };
  if (parameters.account !== undefined) {
    connection.account = parameters.account;
    connection.walletClient = createWalletClient({
      account: parameters.account,
      chain,
      transport: http(parameters.rpcUrl, { retryCount: 0, onFetchRequest: parameters.onRequest === undefined ? undefined : () => void parameters.onRequest!() }),
    });
  }
  return connection;
}

/** Returns a viem chain for `chainId`; only the id matters for signing and sending. */
export function localChain(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Throws WrongChainError when `expected` is not the connected chain; `subject` names what carries it. */
export function requireChain(connection: Connection, expected: number, subject: string): void {
  if (expected !== connection.chainId) {
    throw new WrongChainError(
      `${subject} is for chain ${expected}, but ${describeUrl(connection.rpcUrl)} is chain ${connection.chainId}. ` +
        `Point --rpc-url (or ONETT_RPC_URL) at chain ${expected}, or sign again for chain ${connection.chainId}.`,
    );
  }
}

function readDeploymentFile(file: string, chainId: number): Deployment {
  let recorded: { chainId?: unknown };
  try {
    recorded = JSON.parse(readFileSync(file, "utf8")) as { chainId?: unknown };
  } catch (error) {
    throw new DeploymentNotFoundError(`Cannot read the deployment record ${file}: ${(error as Error).message}.`);
  }
  if (recorded.chainId !== chainId) {
    throw new WrongChainError(
      `The deployment record ${file} is for chain ${String(recorded.chainId)}, but the RPC endpoint is chain ${chainId}. ` +
        "Point --rpc-url (or ONETT_RPC_URL) at the chain of the record, or pass that chain's record.",
    );
  }
  return checkDeployment(recorded, file, chainId);
}

async function checkContractsExist(client: PublicClient, deployment: Deployment): Promise<void> {
  for (const [name, address] of [
    ["registry", deployment.registry.address],
    ["splitter", deployment.splitter.address],
  ] as const) {
    const code = await client.getCode({ address });
    if (code === undefined || code === "0x") {
      throw new MissingContractError(
        `The recorded ${name} ${address} has no code on chain ${deployment.chainId}: the chain was reset or the record is stale. ` +
          'Run "1tt deploy" again on this chain.',
      );
    }
  }
}

export interface WriteParameters {
  address: Address;
  abi: Abi | readonly unknown[];
  functionName: string;
  args?: readonly unknown[];
}

/**
 * Simulates a call, so that a revert is decoded before anything is sent, then sends it and waits
 * for the receipt. Throws TransactionRevertedError when the mined transaction reverted.
 */
export async function sendTransaction(connection: Connection, call: WriteParameters): Promise<TransactionReceipt> {
  const { walletClient, account, publicClient } = connection;
  if (walletClient === undefined || account === undefined) throw new Error("sendTransaction needs a connection with an account");
  // Token errors bubble up through SafeERC20, so their definitions are needed to decode them.
  const abi = [...(call.abi as Abi), ...(erc20Abi as Abi).filter((item) => item.type === "error")];
  const { request } = await publicClient.simulateContract({
    account,
    address: call.address,
    abi,
    functionName: call.functionName,
    args: call.args,
  } as never);
  const hash: Hex = await walletClient.writeContract(request as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") {
    throw new TransactionRevertedError(`Transaction ${hash} (${call.functionName}) was mined in block ${receipt.blockNumber} but reverted.`);
  }
  return receipt;
}
