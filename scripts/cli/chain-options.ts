/**
 * Options, error mapping and output shared by the commands that talk to the chain. Every error
 * leaves through `toChainCliError`, which picks the exit code and removes keys, passwords and RPC
 * URL credentials from the message.
 */
import type { LocalAccount } from "viem";

import { PreconditionError } from "../lib/chain/admin.ts";
import { connect, DEFAULT_DEPLOYMENTS_DIR, DEFAULT_RPC_URL, MissingContractError, TransactionRevertedError, WrongChainError, type Connection } from "../lib/chain/connect.ts";
import { DeploymentNotFoundError } from "../lib/chain/deployment.ts";
import { InvalidAmountError } from "../lib/chain/amounts.ts";
import { NothingToClaimError } from "../lib/chain/claim.ts";
import { DepositRejectedError } from "../lib/chain/deposit.ts";
import { PayoutRedirectError } from "../lib/chain/payout.ts";
import { LogReadError } from "../lib/chain/logs.ts";
import { describeChainError } from "../lib/chain/revert.ts";
import { UnknownReferenceError } from "../lib/chain/services.ts";
import { DatasetFolderError } from "../lib/dataset/folder.ts";
import { loadAccount, MissingKeyError, type KeyRole } from "../lib/keys/load-account.ts";
import { terminalPrompt } from "../lib/keys/prompt.ts";
import { redact } from "../lib/keys/secrets.ts";
import { IpfsError } from "../lib/ipfs/errors.ts";
import { CliError, EXIT } from "./exit-codes.ts";

export const CHAIN_OPTIONS = {
  "rpc-url": { type: "string" },
  deployments: { type: "string" },
  deployment: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export const SIGNER_OPTIONS = { keystore: { type: "string" } } as const;

export const CHAIN_HELP = `Chain:
  --rpc-url URL        JSON-RPC endpoint (default: ONETT_RPC_URL, else ${DEFAULT_RPC_URL});
                       prefer the variable for URLs that carry an API key
  --deployments DIR    folder of deployment records, one <chainId>.json per chain
                       (default: ONETT_DEPLOYMENTS, else ${DEFAULT_DEPLOYMENTS_DIR})
  --deployment FILE    use this deployment record; its chain id must be the endpoint's
  --json               print one JSON object as the last line of stdout
  -h, --help           show this help`;

export interface ChainOptionValues {
  "rpc-url"?: string;
  deployments?: string;
  deployment?: string;
  keystore?: string;
}

/** Returns the RPC URL from the option, then ONETT_RPC_URL, then the local default. */
export function rpcUrlOf(values: ChainOptionValues, env: NodeJS.ProcessEnv): string {
  return values["rpc-url"] ?? (env.ONETT_RPC_URL || DEFAULT_RPC_URL);
}

/** Returns the deployments folder from the option, then ONETT_DEPLOYMENTS, then the default. */
export function deploymentsDirOf(values: ChainOptionValues, env: NodeJS.ProcessEnv): string {
  return values.deployments ?? (env.ONETT_DEPLOYMENTS || DEFAULT_DEPLOYMENTS_DIR);
}

/** Loads the key of `role`, then connects; read-only commands pass no role. */
export async function connectFromOptions(
  values: ChainOptionValues,
  options: { role?: KeyRole; checkCode?: boolean; onRequest?: () => void } = {},
): Promise<Connection> {
  const account = options.role === undefined ? undefined : await loadSigner(values, options.role);
  return await connect({
    rpcUrl: rpcUrlOf(values, process.env),
    deploymentsDir: deploymentsDirOf(values, process.env),
    deploymentFile: values.deployment,
    account,
    checkCode: options.checkCode,
    onRequest: options.onRequest,
  });
}

export async function loadSigner(values: ChainOptionValues, role: KeyRole): Promise<LocalAccount> {
  return await loadAccount({ role, env: process.env, keystorePath: values.keystore, promptPassword: terminalPrompt() });
}

/** Maps an error of a chain command to a CliError with the matching exit code and no secrets. */
export function toChainCliError(error: unknown, rpcUrl?: string): CliError {
  if (error instanceof CliError) return new CliError(redact(error.message), error.exitCode);
  const clean = (message: string) => redact(message);
  if (error instanceof MissingKeyError) return new CliError(clean(error.message), EXIT.key);
  if (error instanceof DeploymentNotFoundError || error instanceof WrongChainError || error instanceof MissingContractError) {
    return new CliError(clean(error.message), EXIT.chain);
  }
  if (error instanceof LogReadError) return new CliError(clean(error.message), EXIT.chain);
  if (error instanceof DatasetFolderError || error instanceof IpfsError || error instanceof PayoutRedirectError) return new CliError(clean(error.message), EXIT.input);
  if (error instanceof InvalidAmountError || error instanceof UnknownReferenceError) return new CliError(clean(error.message), EXIT.usage);
  if (error instanceof DepositRejectedError || error instanceof NothingToClaimError || error instanceof TransactionRevertedError || error instanceof PreconditionError) {
    return new CliError(clean(error.message), EXIT.rejected);
  }
  const described = describeChainError(error, rpcUrl);
  if (described.kind === "revert" || described.kind === "funds") return new CliError(clean(described.message), EXIT.rejected);
  if (described.kind === "rpc") return new CliError(clean(described.message), EXIT.chain);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new CliError(clean(`unexpected failure:\n${stack}`), EXIT.failure);
}

/** Runs a command body and turns any error into a redacted CliError. */
export async function runChainCommand(values: ChainOptionValues, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    throw toChainCliError(error, rpcUrlOf(values, process.env));
  }
}

/** Writes `value` as one JSON line, with bigints as decimal strings. */
export function writeJsonLine(io: { stdout: NodeJS.WritableStream }, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, (_key, item) => (typeof item === "bigint" ? item.toString() : item))}\n`);
}

/** Parses a whole number argument such as a service id or version; raises a usage error naming it. */
export function parseId(name: string, value: string | undefined, command: string): bigint {
  if (value === undefined || !/^\d+$/.test(value) || BigInt(value) === 0n) {
    throw new CliError(`missing or invalid ${name} "${value ?? ""}": expected a whole number from 1. Run "1tt ${command} --help".`, EXIT.usage);
  }
  return BigInt(value);
}
