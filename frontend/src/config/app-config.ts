/**
 * Run-time configuration: which chain, RPC endpoint, deployment and IPFS gateway the app uses.
 * The server of the app writes `config.json` beside `index.html` (the e2e test and `1tt` do), so
 * one build serves any chain and no address is compiled in.
 */
import { getAddress, isAddress, type Address } from "viem";

import type { Deployment } from "../../../scripts/lib/chain/deployment.ts";

export interface AppConfig {
  chainId: number;
  /** Name shown to people, e.g. "Hardhat (local)". */
  chainName: string;
  rpcUrl: string;
  /** Native currency of the chain, for the wallet's add-network request. */
  nativeCurrency: { name: string; symbol: string; decimals: number };
  /** Base URL of an IPFS HTTP gateway; reports are fetched from `${gatewayUrl}/ipfs/<cid>`. */
  gatewayUrl: string;
  /**
   * Base URL where the operator publishes attestations awaiting consent, one JSON file per report:
   * `${attestationsUrl}/<reportCid>.json`. Default `attestations`, beside the app.
   */
  attestationsUrl: string;
  /** The `deployments/<chainId>.json` record of this chain. */
  deployment: Deployment;
  /** WalletConnect Cloud project id; WalletConnect is offered only when it is set. */
  walletConnectProjectId?: string;
}

/** Thrown when `config.json` is missing or does not describe a usable deployment. */
export class ConfigError extends Error {
  override name = "ConfigError" as const;
}

const DEFAULT_NATIVE_CURRENCY = { name: "Ether", symbol: "ETH", decimals: 18 };

/** Checks a parsed `config.json` and fills defaults; throws ConfigError naming the bad field. */
export function parseAppConfig(value: unknown): AppConfig {
  if (typeof value !== "object" || value === null) throw new ConfigError("config.json must hold a JSON object.");
  const raw = value as Record<string, unknown>;
  const chainId = raw.chainId;
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new ConfigError(`config.json: chainId must be a positive integer, got ${String(chainId)}.`);
  }
  const rpcUrl = requireUrl(raw.rpcUrl, "rpcUrl");
  const gatewayUrl = requireUrl(raw.gatewayUrl, "gatewayUrl");
  const deployment = raw.deployment as Partial<Deployment> | undefined;
  if (deployment === undefined || deployment.chainId !== chainId) {
    throw new ConfigError(`config.json: deployment must be the record of chain ${chainId}.`);
  }
  const registry = requireAddress(deployment.registry?.address, "deployment.registry.address");
  const splitter = requireAddress(deployment.splitter?.address, "deployment.splitter.address");
  const multicall3 = deployment.multicall3 === undefined ? undefined : requireAddress(deployment.multicall3, "deployment.multicall3");

  return {
    chainId,
    chainName: typeof raw.chainName === "string" && raw.chainName !== "" ? raw.chainName : `Chain ${chainId}`,
    rpcUrl,
    nativeCurrency: (raw.nativeCurrency as AppConfig["nativeCurrency"] | undefined) ?? DEFAULT_NATIVE_CURRENCY,
    gatewayUrl,
    attestationsUrl: typeof raw.attestationsUrl === "string" && raw.attestationsUrl !== "" ? raw.attestationsUrl : "attestations",
    deployment: {
      ...(deployment as Deployment),
      registry: { ...deployment.registry!, address: registry },
      splitter: { ...deployment.splitter!, address: splitter },
      ...(multicall3 === undefined ? {} : { multicall3 }),
    },
    ...optionalProjectId(raw.walletConnectProjectId),
  };
}

/** Fetches and checks `config.json` beside the page. */
export async function loadAppConfig(url = "config.json"): Promise<AppConfig> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new ConfigError(`${url} could not be loaded (HTTP ${response.status}).`);
  return parseAppConfig(await response.json());
}

function requireUrl(value: unknown, field: string): string {
  if (typeof value !== "string") throw new ConfigError(`config.json: ${field} is missing.`);
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
  } catch {
    throw new ConfigError(`config.json: ${field} must be an http(s) URL, got "${value}".`);
  }
  return value.replace(/\/+$/, "");
}

/** Reads `walletConnectProjectId`. An absent, null or blank value means WalletConnect is not offered. */
function optionalProjectId(value: unknown): { walletConnectProjectId?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value !== "string") {
    throw new ConfigError(`config.json: walletConnectProjectId must be a string (the project id, or "" for none), got ${JSON.stringify(value)}.`);
  }
  const projectId = value.trim();
  return projectId === "" ? {} : { walletConnectProjectId: projectId };
}

function requireAddress(value: unknown, field: string): Address {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new ConfigError(`config.json: ${field} must be a 0x address, got ${String(value)}.`);
  }
  return getAddress(value);
}
