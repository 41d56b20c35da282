/**
 * The WalletConnect connector. Only `wallet-options.ts` imports this module, through a dynamic
 * `import()`. So the WalletConnect SDK (`@walletconnect/ethereum-provider`, which wagmi's connector
 * loads) stays in lazy chunks that only people who choose WalletConnect download.
 */
import type { CreateConnectorFn } from "wagmi";
import { walletConnect } from "wagmi/connectors";

/**
 * Returns wagmi's WalletConnect connector for `projectId`, showing WalletConnect's QR code modal.
 * The connector creates its provider, which connects to the WalletConnect relay, only when wagmi
 * sets it up, and wagmi does that inside `connect`.
 */
export function createWalletConnectConnector(projectId: string): CreateConnectorFn {
  return walletConnect({
    projectId,
    showQrModal: true,
    metadata: {
      name: "1TT Platform",
      description: "Revenue shares for the contributors of LLM training data",
      url: window.location.origin,
      icons: [],
    },
  });
}
