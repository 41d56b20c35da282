/**
 * Names of well-known chains, so that the warning for a wallet on the wrong network can name it.
 * Keys are EIP-155 chain ids; the page shows any other id as a number.
 */
const KNOWN_CHAIN_NAMES: Record<number, string> = {
  1: "Ethereum",
  10: "OP Mainnet",
  56: "BNB Smart Chain",
  137: "Polygon",
  8453: "Base",
  42161: "Arbitrum One",
  11155111: "Sepolia",
};

/** Returns the name of `chainId`: the platform's own name for its chain, a known name, or undefined. */
export function chainNameOf(chainId: number, platform: { chainId: number; chainName: string }): string | undefined {
  if (chainId === platform.chainId) return platform.chainName;
  return KNOWN_CHAIN_NAMES[chainId];
}
