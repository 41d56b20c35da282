/** Funding with the local chain's test token, whose `mint` is open to anyone. Local chains only. */
import { createWalletClient, http, type Address, type Hex, type TransactionReceipt } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { erc20Abi } from "./abis.ts";
import { createRpcClient, localChain } from "./connect.ts";
import { LOCAL_CHAIN_ID } from "./deploy.ts";

export interface MintTestTokenParameters {
  rpcUrl: string;
  senderKey: Hex;
  token: Address;
  to: Address;
  amount: bigint;
}

/** Mints `amount` base units of the test token to `to`; refuses on any chain but the local one. */
export async function mintTestToken(parameters: MintTestTokenParameters): Promise<TransactionReceipt> {
  const client = createRpcClient(parameters.rpcUrl);
  const chainId = await client.getChainId();
  if (chainId !== LOCAL_CHAIN_ID) throw new Error(`test tokens are minted on the local chain ${LOCAL_CHAIN_ID} only, not on chain ${chainId}`);
  const wallet = createWalletClient({
    account: privateKeyToAccount(parameters.senderKey),
    chain: localChain(chainId, parameters.rpcUrl),
    transport: http(parameters.rpcUrl),
  });
  const hash = await wallet.writeContract({ address: parameters.token, abi: erc20Abi, functionName: "mint", args: [parameters.to, parameters.amount] });
  return await client.waitForTransactionReceipt({ hash });
}
