/**
 * The chain, the read client and the wagmi configuration, all built from `config.json`. The
 * configuration holds only the injected (EIP-1193) connector. WalletConnect, offered when
 * `walletConnectProjectId` is set, is loaded and set up on demand by `wallet-options.ts`.
 */
import { createPublicClient, defineChain, http, type Chain, type PublicClient } from "viem";
import { createConfig, injected, type Config } from "wagmi";

import type { AppConfig } from "../config/app-config.ts";

/** How often a pending transaction's receipt is polled, in ms; viem's default is 4 s. */
const RECEIPT_POLLING_MS = 1_000;

/** Returns the viem chain described by the configuration, with its Multicall3 when deployed. */
export function chainOf(config: AppConfig): Chain {
  return defineChain({
    id: config.chainId,
    name: config.chainName,
    nativeCurrency: config.nativeCurrency,
    rpcUrls: { default: { http: [config.rpcUrl] } },
    ...(config.deployment.multicall3 === undefined
      ? {}
      : { contracts: { multicall3: { address: config.deployment.multicall3 } } }),
  });
}

/** Returns a client for reads, independent of any wallet: the public pages need none. */
export function createReadClient(config: AppConfig): PublicClient {
  // Batching joins the requests of one tick (block timestamps, for instance) into one HTTP request.
  return createPublicClient({
    chain: chainOf(config),
    transport: http(config.rpcUrl, { batch: true }),
    pollingInterval: RECEIPT_POLLING_MS,
  }) as PublicClient;
}

/** Returns the wagmi configuration for wallets on this chain. */
export function createWagmiConfig(config: AppConfig): Config {
  const chain = chainOf(config);
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    transports: { [chain.id]: http(config.rpcUrl) },
  });
}
