/**
 * Payout addresses, where a contributor's claims are paid. A contributor sets its payout address
 * itself, or signs an EIP-712 redirect that anyone submits. When the payout token blocks the
 * contributor's address, claims revert until they are redirected. The signed form also works when
 * the contributor's key has no ETH for gas or stays offline.
 */
import { existsSync, readFileSync } from "node:fs";

import { getAddress, isAddress, isHex, type Address, type Hex, type LocalAccount, type TransactionReceipt } from "viem";

import { writeJsonAtomic } from "../dataset/folder.ts";
import { payoutAddressTypes, splitterDomain } from "../eip712.ts";
import { splitterAbi } from "./abis.ts";
import { requireChain, sendTransaction, type Connection } from "./connect.ts";

const SECONDS_PER_DAY = 86_400n;

/** A signed payout redirect as `1tt payout sign` writes it. */
export interface PayoutRedirect {
  kind: "payout-redirect";
  chainId: number;
  splitter: Address;
  contributor: Address;
  payout: Address;
  nonce: string;
  deadline: string;
  signature: Hex;
}

/** Thrown when a redirect file cannot be used. */
export class PayoutRedirectError extends Error {
  override name = "PayoutRedirectError" as const;
}

/** Sets the sender's own payout address; zero pays the sender itself. */
export async function setPayoutAddress(connection: Connection, payout: Address): Promise<TransactionReceipt> {
  return await sendTransaction(connection, {
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "setPayoutAddress",
    args: [payout],
  });
}

/** Signs a redirect of `account`'s claims to `payout`, valid for `validDays`, and writes it to `file`. */
export async function signPayoutRedirect(
  connection: Connection,
  account: LocalAccount,
  payout: Address,
  validDays: number,
  file: string,
): Promise<PayoutRedirect> {
  const splitter = connection.deployment.splitter.address;
  const nonce = await connection.publicClient.readContract({ address: splitter, abi: splitterAbi, functionName: "payoutNonce", args: [account.address] });
  const latest = await connection.publicClient.getBlock({ blockTag: "latest" });
  const deadline = latest.timestamp + BigInt(validDays) * SECONDS_PER_DAY;
  const signature = await account.signTypedData({
    domain: splitterDomain(connection.chainId, splitter),
    types: payoutAddressTypes,
    primaryType: "PayoutAddress",
    message: { contributor: account.address, payout, nonce, deadline },
  });
  const redirect: PayoutRedirect = {
    kind: "payout-redirect",
    chainId: connection.chainId,
    splitter,
    contributor: account.address,
    payout,
    nonce: nonce.toString(),
    deadline: deadline.toString(),
    signature,
  };
  writeJsonAtomic(file, redirect);
  return redirect;
}

/** Reads a redirect file and checks that it is for the connected chain and splitter. */
export function readPayoutRedirect(connection: Connection, file: string): PayoutRedirect {
  if (!existsSync(file)) throw new PayoutRedirectError(`${file} does not exist; the contributor writes it with "1tt payout sign".`);
  let redirect: PayoutRedirect;
  try {
    redirect = JSON.parse(readFileSync(file, "utf8")) as PayoutRedirect;
  } catch (error) {
    throw new PayoutRedirectError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
  if (redirect.kind !== "payout-redirect" || !isAddress(redirect.contributor) || !isAddress(redirect.payout) || !isHex(redirect.signature)) {
    throw new PayoutRedirectError(`${file} is not a payout redirect written by "1tt payout sign".`);
  }
  requireChain(connection, redirect.chainId, file);
  if (getAddress(redirect.splitter) !== connection.deployment.splitter.address) {
    throw new PayoutRedirectError(`${file} was signed for splitter ${redirect.splitter}, but the deployment record names ${connection.deployment.splitter.address}.`);
  }
  return redirect;
}

/** Submits a signed redirect; any account may send it. */
export async function submitPayoutRedirect(connection: Connection, redirect: PayoutRedirect): Promise<TransactionReceipt> {
  return await sendTransaction(connection, {
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "setPayoutAddressWithSig",
    args: [getAddress(redirect.contributor), getAddress(redirect.payout), BigInt(redirect.deadline), redirect.signature],
  });
}

/** Returns where `contributor`'s claims are paid now. */
export async function readPayoutAddress(connection: Connection, contributor: Address): Promise<Address> {
  return await connection.publicClient.readContract({
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "payoutAddress",
    args: [contributor],
  });
}
