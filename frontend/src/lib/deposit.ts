/**
 * What the consumer needs before a deposit: the amount the splitter will pull for a gross revenue
 * (`previewDeposit`, rounded up in favour of contributors), the wallet's balance and allowance, and
 * whether it has the consumer role. One multicall.
 */
import { erc20Abi, keccak256, stringToHex, type Address, type PublicClient } from "viem";

import { splitterAbi } from "../../../scripts/lib/chain/abis.ts";
import type { Deployment } from "../../../scripts/lib/chain/deployment.ts";
import { readMany } from "../../../scripts/lib/chain/multicall.ts";

/** The splitter's `CONSUMER_ROLE`, defined there as keccak256("CONSUMER_ROLE"). */
export const CONSUMER_ROLE = keccak256(stringToHex("CONSUMER_ROLE"));

export interface DepositContext {
  amount: bigint;
  balance: bigint;
  allowance: bigint;
  isConsumer: boolean;
}

export interface ReadDepositContextParameters {
  client: PublicClient;
  deployment: Deployment;
  serviceId: bigint;
  grossRevenue: bigint;
  token: Address;
  account: Address;
}

export async function readDepositContext(parameters: ReadDepositContextParameters): Promise<DepositContext> {
  const { client, deployment, account, token } = parameters;
  const splitter = deployment.splitter.address;
  const reader = { client, multicall3: deployment.multicall3 };
  const [amount, balance, allowance, isConsumer] = await readMany<unknown>(reader, [
    { address: splitter, abi: splitterAbi, functionName: "previewDeposit", args: [parameters.serviceId, parameters.grossRevenue] },
    { address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] },
    { address: token, abi: erc20Abi, functionName: "allowance", args: [account, splitter] },
    { address: splitter, abi: splitterAbi, functionName: "hasRole", args: [CONSUMER_ROLE, account] },
  ]);
  return { amount: amount as bigint, balance: balance as bigint, allowance: allowance as bigint, isConsumer: isConsumer as boolean };
}

export type DepositStep = "approve" | "deposit";

/** Returns the next step: approve exactly the amount when the allowance is short, else deposit. */
export function nextDepositStep(context: DepositContext): DepositStep {
  return context.allowance < context.amount ? "approve" : "deposit";
}
