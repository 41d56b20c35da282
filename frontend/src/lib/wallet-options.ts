/**
 * The ways to connect a wallet: each injected wallet that wagmi found, and WalletConnect when
 * `config.json` sets `walletConnectProjectId`. The WalletConnect connector is loaded on demand.
 */
import type { Connector, CreateConnectorFn } from "wagmi";

import type { AppConfig } from "../config/app-config.ts";

export type WalletOption =
  | { kind: "injected"; connector: Connector }
  | { kind: "walletConnect"; projectId: string };

/** Lists the injected connectors, then WalletConnect when a project id is configured. */
export function walletOptionsOf(connectors: readonly Connector[], config: Pick<AppConfig, "walletConnectProjectId">): WalletOption[] {
  const options: WalletOption[] = connectors.map((connector) => ({ kind: "injected", connector }));
  if (config.walletConnectProjectId !== undefined) {
    options.push({ kind: "walletConnect", projectId: config.walletConnectProjectId });
  }
  return options;
}

// NOTE: The WalletConnect connector is never added to wagmi's configuration, so wagmi does not
// reconnect it after a reload. Adding it there would set it up, and so reach the relay, at start.

/**
 * One connector function per project id. wagmi's connector function keeps the WalletConnect
 * provider it creates, so a second click reuses the provider and its session.
 */
const walletConnectConnectors = new Map<string, Promise<CreateConnectorFn>>();

/**
 * Returns what wagmi's `connect` takes for `option`. For WalletConnect this downloads the
 * connector's chunk on the first call; a failed download is not cached, so the next call retries.
 */
export async function connectorOf(option: WalletOption): Promise<Connector | CreateConnectorFn> {
  if (option.kind === "injected") return option.connector;

  let connector = walletConnectConnectors.get(option.projectId);
  if (connector === undefined) {
    connector = import("./wallet-connect-connector.ts").then((module) => module.createWalletConnectConnector(option.projectId));
    walletConnectConnectors.set(option.projectId, connector);
    connector.catch(() => walletConnectConnectors.delete(option.projectId));
  }
  return await connector;
}
