/**
 * The consumer's deposit: reads the service's token, previews the amount the splitter will pull
 * for the gross revenue, approves exactly that amount, then deposits. Before sending it looks for
 * an earlier deposit with the same period label, so that re-running a month's deposit by mistake
 * does not pay it twice.
 */
import { parseEventLogs, type Address, type Hex, type TransactionReceipt } from "viem";

import { erc20Abi, splitterAbi } from "./abis.ts";
import { sendTransaction, type Connection } from "./connect.ts";
import { readLogs } from "./logs.ts";

export interface TokenInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

/** Thrown before sending when a deposit cannot be made: allowance or balance too low, or a repeated period. */
export class DepositRejectedError extends Error {
  override name = "DepositRejectedError" as const;
}

/** Reads a token's symbol and decimals. */
export async function readTokenInfo(connection: Connection, token: Address): Promise<TokenInfo> {
  const [symbol, decimals] = await Promise.all([
    connection.publicClient.readContract({ address: token, abi: erc20Abi, functionName: "symbol" }),
    connection.publicClient.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
  ]);
  return { address: token, symbol, decimals };
}

/** Reads the payout token of a service. */
export async function serviceToken(connection: Connection, serviceId: bigint): Promise<TokenInfo> {
  const service = await connection.publicClient.readContract({
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "service",
    args: [serviceId],
  });
  if (service.token === "0x0000000000000000000000000000000000000000") {
    throw new DepositRejectedError(`No service has id ${serviceId} on chain ${connection.chainId}; create it with "1tt service create".`);
  }
  return await readTokenInfo(connection, service.token);
}

export interface DepositParameters {
  connection: Connection;
  serviceId: bigint;
  version: bigint;
  grossRevenue: bigint;
  period: Hex;
  /** Approve the exact amount first when the allowance is short; default true. */
  approve?: boolean;
  /** Deposit even when a deposit with this period label exists for the version. */
  allowRepeatedPeriod?: boolean;
}

export interface DepositReturnType {
  token: TokenInfo;
  amount: bigint;
  shareBps: number;
  approveReceipt?: TransactionReceipt;
  depositReceipt: TransactionReceipt;
}

export async function depositRevenue(parameters: DepositParameters): Promise<DepositReturnType> {
  const { connection, serviceId, version, grossRevenue, period } = parameters;
  const splitter = connection.deployment.splitter.address;
  const payer = connection.account!.address;
  const token = await serviceToken(connection, serviceId);

  if (!parameters.allowRepeatedPeriod) {
    const earlier = await depositsOfPeriod(connection, serviceId, version, period);
    if (earlier.length > 0) {
      throw new DepositRejectedError(
        `Service ${serviceId} version ${version} already has a deposit for this period (transaction ${earlier[0]}). ` +
          "Pass --allow-repeat-period to deposit for the same period again.",
      );
    }
  }

  const amount = await connection.publicClient.readContract({
    address: splitter,
    abi: splitterAbi,
    functionName: "previewDeposit",
    args: [serviceId, grossRevenue],
  });
  const [balance, allowance] = await Promise.all([
    connection.publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: "balanceOf", args: [payer] }),
    connection.publicClient.readContract({ address: token.address, abi: erc20Abi, functionName: "allowance", args: [payer, splitter] }),
  ]);
  if (balance < amount) {
    throw new DepositRejectedError(`${payer} has ${balance} base units of ${token.symbol}, but the deposit needs ${amount}; fund the account first.`);
  }

  let approveReceipt: TransactionReceipt | undefined;
  if (allowance < amount) {
    if (parameters.approve === false) {
      throw new DepositRejectedError(
        `The allowance of splitter ${splitter} from ${payer} is ${allowance} base units of ${token.symbol}, but the deposit needs ${amount}. ` +
          `Approve ${amount} (for example from your multisig), or drop --no-approve to let 1tt approve it.`,
      );
    }
    approveReceipt = await sendTransaction(connection, {
      address: token.address,
      abi: erc20Abi,
      functionName: "approve",
      args: [splitter, amount],
    });
  }

  const depositReceipt = await sendTransaction(connection, {
    address: splitter,
    abi: splitterAbi,
    functionName: "deposit",
    args: [serviceId, version, grossRevenue, period],
  });
  const [event] = parseEventLogs({ abi: splitterAbi, logs: depositReceipt.logs, eventName: "Deposited" });
  return { token, amount: event!.args.amount, shareBps: event!.args.shareBps, approveReceipt, depositReceipt };
}

/** Returns the transaction hashes of the version's deposits that carry `period`. */
async function depositsOfPeriod(connection: Connection, serviceId: bigint, version: bigint, period: Hex): Promise<Hex[]> {
  const { logs } = await readLogs(connection.publicClient, {
    addresses: [connection.deployment.splitter.address],
    fromBlock: BigInt(connection.deployment.splitter.blockNumber),
    toBlock: await connection.publicClient.getBlockNumber(),
    event: splitterAbi.find((item) => item.type === "event" && item.name === "Deposited"),
    args: { serviceId, version },
  });
  return parseEventLogs({ abi: splitterAbi, logs, eventName: "Deposited" })
    .filter((event) => event.args.period.toLowerCase() === period.toLowerCase())
    .map((event) => event.transactionHash);
}
