import { useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain } from "wagmi";

import { useConfig } from "./useConfig.ts";

/** Returns the connected wallet, whether it is on the platform's chain, and the wallet actions. */
export function useWallet() {
  const { config } = useConfig();
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  return {
    address: connection.address,
    isConnected: connection.status === "connected",
    walletChainId: connection.chainId,
    isOnPlatformChain: connection.chainId === config.chainId,
    connectors,
    connect: connect.mutate,
    connectError: connect.error,
    disconnect: () => disconnect.mutate(),
    switchToPlatformChain: () => switchChain.mutate({ chainId: config.chainId }),
    switchError: switchChain.error,
    isSwitching: switchChain.isPending,
  };
}
