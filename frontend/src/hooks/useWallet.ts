import { useMutation } from "@tanstack/react-query";
import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";

import { connectorOf, walletOptionsOf, type WalletOption } from "../lib/wallet-options.ts";
import { useConfig } from "./useConfig.ts";

/** Returns the connected wallet, whether it is on the platform's chain, and the wallet actions. */
export function useWallet() {
  const { config } = useConfig();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  // Loading the WalletConnect chunk and connecting form one action, so a failed download shows
  // as a connect error too.
  const choose = useMutation({
    mutationFn: async (option: WalletOption) => await connect.mutateAsync({ connector: await connectorOf(option) }),
  });
  return {
    address: connection.address,
    isConnected: connection.status === "connected",
    walletChainId: connection.chainId,
    isOnPlatformChain: connection.chainId === config.chainId,
    options: walletOptionsOf(connectors, config),
    connect: choose.mutate,
    connectingOption: choose.isPending ? choose.variables : undefined,
    connectError: choose.error,
    disconnect: () => disconnect.mutate(),
    switchToPlatformChain: () => switchChain.mutate({ chainId: config.chainId }),
    switchError: switchChain.error,
    isSwitching: switchChain.isPending,
  };
}
