/**
 * Deployment records: which addresses the platform's contracts have on a chain, and the
 * transactions and blocks that created them. The CLI writes one file per chain id, and the CLI, the
 * verifier and the web app read it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress, type Address, type Hex } from "viem";

export interface DeployedContract {
  address: Address;
  transactionHash: Hex;
  blockNumber: string;
}

export interface Deployment {
  chainId: number;
  registry: DeployedContract;
  splitter: DeployedContract;
  /** A contract with Multicall3's `aggregate3`, for batched reads; absent where none is known. */
  multicall3?: Address;
  /** Test tokens deployed on a local chain, by symbol. */
  tokens?: Record<string, Address>;
  shareDecreaseNoticeSeconds: number;
  deployedAt: string;
}

/** Thrown when no deployment is recorded for a chain, or the record is unreadable. */
export class DeploymentNotFoundError extends Error {
  override name = "DeploymentNotFoundError" as const;
}

/** Returns the path of the deployment record of `chainId` under `directory`. */
export function deploymentPath(directory: string, chainId: number): string {
  return path.join(directory, `${chainId}.json`);
}

/** Reads and checks the deployment record of `chainId`. */
export function readDeployment(directory: string, chainId: number): Deployment {
  const file = deploymentPath(directory, chainId);
  if (!existsSync(file)) {
    throw new DeploymentNotFoundError(
      `No deployment is recorded for chain ${chainId} in ${file}. Run \`1tt deploy\` on this chain first, ` +
        "or point --deployments at the folder that has its record.",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DeploymentNotFoundError(`The deployment record ${file} is not valid JSON (${(error as Error).message}).`);
  }
  return checkDeployment(parsed, file, chainId);
}

/** Writes the deployment record of its chain under `directory`. */
export function writeDeployment(directory: string, deployment: Deployment): string {
  mkdirSync(directory, { recursive: true });
  const file = deploymentPath(directory, deployment.chainId);
  writeFileSync(file, `${JSON.stringify(deployment, null, 2)}\n`);
  return file;
}

/** Checks that a parsed record is for `chainId` and has valid addresses; `file` names it in errors. */
export function checkDeployment(value: unknown, file: string, chainId: number): Deployment {
  const record = value as Partial<Deployment>;
  if (record.chainId !== chainId) {
    throw new DeploymentNotFoundError(`${file} records chain ${String(record.chainId)}, not chain ${chainId}.`);
  }
  for (const name of ["registry", "splitter"] as const) {
    const contract = record[name];
    if (contract === undefined || !isAddress(contract.address)) {
      throw new DeploymentNotFoundError(`${file} has no valid ${name} address.`);
    }
    contract.address = getAddress(contract.address);
  }
  return record as Deployment;
}
