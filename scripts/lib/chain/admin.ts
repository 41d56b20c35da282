/**
 * Admin operations of the contracts: the splitter's payout-token allow-list, pausing either
 * contract, revoking a dataset and invalidating a contributor's unsubmitted consents. Each write
 * first checks the cheap preconditions (role held, current state) so that a refusal names the
 * value and the next step before any gas is spent.
 */
import { erc20Abi as viemErc20Abi, parseEventLogs, zeroAddress, type Address, type Hex, type TransactionReceipt } from "viem";

import { registryAbi, splitterAbi } from "./abis.ts";
import { sendTransaction, type Connection } from "./connect.ts";
import { readLogs } from "./logs.ts";

/** Thrown when a check before sending shows that the contract would reject the call. */
export class PreconditionError extends Error {
  override name = "PreconditionError" as const;
}

const DEFAULT_ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;

export type PausableContract = "registry" | "splitter";

function signerOf(connection: Connection): Address {
  if (connection.account === undefined) throw new Error("this operation needs a connection with an account");
  return connection.account.address;
}

function contractOf(connection: Connection, contract: PausableContract) {
  return contract === "registry"
    ? { address: connection.deployment.registry.address, abi: registryAbi }
    : { address: connection.deployment.splitter.address, abi: splitterAbi };
}

async function hasRole(connection: Connection, contract: PausableContract, role: Hex, account: Address): Promise<boolean> {
  const { address, abi } = contractOf(connection, contract);
  return (await connection.publicClient.readContract({ address, abi, functionName: "hasRole", args: [role, account] } as never)) as boolean;
}

async function roleId(connection: Connection, contract: PausableContract, name: "PAUSER_ROLE" | "ATTESTER_ROLE"): Promise<Hex> {
  const { address, abi } = contractOf(connection, contract);
  return (await connection.publicClient.readContract({ address, abi, functionName: name } as never)) as Hex;
}

/** Returns whether the splitter accepts `token` as a payout token. */
export async function isPayoutTokenAllowed(connection: Connection, token: Address): Promise<boolean> {
  return await connection.publicClient.readContract({
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "isPayoutTokenAllowed",
    args: [token],
  });
}

/**
 * Adds `token` to the splitter's payout allow-list or removes it. Returns no receipt when the
 * token is already in the requested state, because the call would only repeat the event.
 */
export async function setPayoutTokenAllowed(connection: Connection, token: Address, isAllowed: boolean) {
  const signer = signerOf(connection);
  if (!(await hasRole(connection, "splitter", DEFAULT_ADMIN_ROLE, signer))) {
    throw new PreconditionError(
      `${signer} does not hold DEFAULT_ADMIN_ROLE on splitter ${connection.deployment.splitter.address}; ` +
        "use the admin's key (ONETT_ADMIN_KEY, ONETT_DEPLOYER_KEY or --keystore).",
    );
  }
  if ((await isPayoutTokenAllowed(connection, token)) === isAllowed) return { changed: false as const };
  const receipt = await sendTransaction(connection, {
    address: connection.deployment.splitter.address,
    abi: splitterAbi,
    functionName: "setPayoutTokenAllowed",
    args: [token, isAllowed],
  });
  return { changed: true as const, receipt };
}

export interface PayoutTokenState {
  token: Address;
  isAllowed: boolean;
  /** Undefined when the token contract does not implement `symbol()`. */
  symbol?: string;
  decimals?: number;
}

/** Lists every token that a `PayoutTokenAllowlistSet` event names, with its current state. */
export async function listPayoutTokens(connection: Connection): Promise<PayoutTokenState[]> {
  const { logs } = await readLogs(connection.publicClient, {
    addresses: [connection.deployment.splitter.address],
    fromBlock: BigInt(connection.deployment.splitter.blockNumber),
    toBlock: await connection.publicClient.getBlockNumber(),
    event: splitterAbi.find((item) => item.type === "event" && item.name === "PayoutTokenAllowlistSet"),
  });
  const events = parseEventLogs({ abi: splitterAbi, logs, eventName: "PayoutTokenAllowlistSet" });
  const tokens = [...new Set(events.map((event) => event.args.token))];

  const states: PayoutTokenState[] = [];
  for (const token of tokens) {
    const state: PayoutTokenState = { token, isAllowed: await isPayoutTokenAllowed(connection, token) };
    // A token without the optional ERC-20 metadata is still listed, without symbol and decimals.
    state.symbol = await readOptional(connection.publicClient.readContract({ address: token, abi: viemErc20Abi, functionName: "symbol" }));
    state.decimals = await readOptional(connection.publicClient.readContract({ address: token, abi: viemErc20Abi, functionName: "decimals" }));
    states.push(state);
  }
  return states;
}

async function readOptional<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch {
    return undefined;
  }
}

/** Returns whether `contract` is paused. */
export async function isPaused(connection: Connection, contract: PausableContract): Promise<boolean> {
  const { address, abi } = contractOf(connection, contract);
  return (await connection.publicClient.readContract({ address, abi, functionName: "paused" } as never)) as boolean;
}

export interface PauseResult {
  contract: PausableContract;
  address: Address;
  /** False when the contract was already in the requested state; nothing was sent for it. */
  changed: boolean;
  receipt?: TransactionReceipt;
}

/**
 * Pauses or unpauses each of `contracts`, skipping those already in the requested state. Checks
 * PAUSER_ROLE on every contract before sending anything, so that a missing role changes nothing.
 */
export async function setPaused(connection: Connection, contracts: PausableContract[], paused: boolean): Promise<PauseResult[]> {
  const signer = signerOf(connection);
  for (const contract of contracts) {
    if (!(await hasRole(connection, contract, await roleId(connection, contract, "PAUSER_ROLE"), signer))) {
      throw new PreconditionError(
        `${signer} does not hold PAUSER_ROLE on ${contract} ${contractOf(connection, contract).address}; ` +
          "use the pauser's key (ONETT_PAUSER_KEY or --keystore), or ask the admin to grant the role.",
      );
    }
  }
  const results: PauseResult[] = [];
  for (const contract of contracts) {
    const { address, abi } = contractOf(connection, contract);
    if ((await isPaused(connection, contract)) === paused) {
      results.push({ contract, address, changed: false });
      continue;
    }
    const receipt = await sendTransaction(connection, { address, abi, functionName: paused ? "pause" : "unpause" });
    results.push({ contract, address, changed: true, receipt });
  }
  return results;
}

/** Key that revokes: the dataset's contributor, or an account with ATTESTER_ROLE. */
export type RevokeRole = "contributor" | "attester";

/** Revokes a registered dataset after checking that it exists, is live and that the signer may revoke it. */
export async function revokeDataset(connection: Connection, datasetId: Hex, as: RevokeRole): Promise<{ contributor: Address; receipt: TransactionReceipt }> {
  const signer = signerOf(connection);
  const registry = connection.deployment.registry.address;
  const record = await connection.publicClient.readContract({ address: registry, abi: registryAbi, functionName: "datasetRecord", args: [datasetId] });
  if (record.contributor === zeroAddress) {
    throw new PreconditionError(`Dataset ${datasetId} is not registered on registry ${registry}; check the id, or the --deployment and --rpc-url.`);
  }
  if (record.isRevoked) throw new PreconditionError(`Dataset ${datasetId} is already revoked; nothing to do.`);
  if (as === "contributor" && record.contributor !== signer) {
    throw new PreconditionError(
      `${signer} is not the contributor of dataset ${datasetId} (${record.contributor}); ` +
        "use the contributor's key (ONETT_CONTRIBUTOR_KEY), or --as attester with an attester's key.",
    );
  }
  if (as === "attester" && !(await hasRole(connection, "registry", await roleId(connection, "registry", "ATTESTER_ROLE"), signer))) {
    throw new PreconditionError(
      `${signer} does not hold ATTESTER_ROLE on registry ${registry}; use the attester's key (ONETT_ATTESTER_KEY or --keystore).`,
    );
  }
  const receipt = await sendTransaction(connection, { address: registry, abi: registryAbi, functionName: "revoke", args: [datasetId] });
  return { contributor: record.contributor, receipt };
}

/** Returns the nonce that the next consent of `contributor` must carry. */
export async function consentNonce(connection: Connection, contributor: Address): Promise<bigint> {
  return await connection.publicClient.readContract({
    address: connection.deployment.registry.address,
    abi: registryAbi,
    functionName: "consentNonce",
    args: [contributor],
  });
}

/** Increments the signer's consent nonce, which invalidates every consent it signed that is not registered yet. */
export async function incrementConsentNonce(connection: Connection): Promise<{ newNonce: bigint; receipt: TransactionReceipt }> {
  const receipt = await sendTransaction(connection, {
    address: connection.deployment.registry.address,
    abi: registryAbi,
    functionName: "incrementConsentNonce",
  });
  const [event] = parseEventLogs({ abi: registryAbi, logs: receipt.logs, eventName: "ConsentNonceIncremented" });
  if (event === undefined) throw new Error(`transaction ${receipt.transactionHash} emitted no ConsentNonceIncremented event`);
  return { newNonce: event.args.newNonce, receipt };
}
