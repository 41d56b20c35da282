/** The consumer's service and version steps: create, change share, open, attach in batches, seal. */
import { getAddress, isAddress, parseEventLogs, type Address, type Hex, type TransactionReceipt } from "viem";

import { splitterAbi } from "./abis.ts";
import { sendTransaction, type Connection } from "./connect.ts";
import { readLogs } from "./logs.ts";

/** Thrown when an option names something that does not exist here, such as an unknown token symbol. */
export class UnknownReferenceError extends Error {
  override name = "UnknownReferenceError" as const;
}

/** Resolves a token given as an address or as a symbol recorded in the deployment (local chains). */
export function resolveToken(connection: Connection, token: string): Address {
  if (isAddress(token)) return getAddress(token);
  const recorded = connection.deployment.tokens?.[token];
  if (recorded === undefined) {
    const known = Object.keys(connection.deployment.tokens ?? {});
    throw new UnknownReferenceError(
      `Token "${token}" is neither an address nor a symbol recorded for chain ${connection.chainId}` +
        (known.length > 0 ? ` (recorded: ${known.join(", ")}).` : "; pass the token's address."),
    );
  }
  return recorded;
}

/** Sends one splitter call and returns its receipt and the arguments of the event it emitted. */
async function sendAndRead<E extends "ServiceCreated" | "ShareChanged" | "VersionOpened" | "VersionSealed">(
  connection: Connection,
  functionName: string,
  args: readonly unknown[],
  eventName: E,
) {
  const receipt = await sendTransaction(connection, { address: connection.deployment.splitter.address, abi: splitterAbi, functionName, args });
  const [event] = parseEventLogs({ abi: splitterAbi, logs: receipt.logs, eventName });
  if (event === undefined) throw new Error(`transaction ${receipt.transactionHash} emitted no ${eventName} event`);
  return { receipt, event: event.args };
}

/** Creates a service and returns its id. */
export async function createService(connection: Connection, name: string, token: Address, shareBps: number) {
  const { receipt, event } = await sendAndRead(connection, "createService", [name, token, shareBps], "ServiceCreated");
  return { serviceId: (event as { serviceId: bigint }).serviceId, receipt };
}

/** Changes a service's share; a decrease takes effect at `effectiveAt`. */
export async function setShare(connection: Connection, serviceId: bigint, shareBps: number) {
  const { receipt, event } = await sendAndRead(connection, "setShare", [serviceId, shareBps], "ShareChanged");
  const change = event as { previousShareBps: number; newShareBps: number; effectiveAt: number };
  return { previousShareBps: change.previousShareBps, newShareBps: change.newShareBps, effectiveAt: change.effectiveAt, receipt };
}

/** Opens the next version of a service and returns its number. */
export async function openVersion(connection: Connection, serviceId: bigint) {
  const { receipt, event } = await sendAndRead(connection, "openVersion", [serviceId], "VersionOpened");
  return { version: (event as { version: bigint }).version, receipt };
}

/** Seals a version and returns its frozen totals. */
export async function sealVersion(connection: Connection, serviceId: bigint, version: bigint) {
  const { receipt, event } = await sendAndRead(connection, "sealVersion", [serviceId, version], "VersionSealed");
  const totals = event as { totalWeight: bigint; datasetCount: number; contributorCount: number };
  return { totalWeight: totals.totalWeight, datasetCount: totals.datasetCount, contributorCount: totals.contributorCount, receipt };
}

export interface AttachDatasetsParameters {
  connection: Connection;
  serviceId: bigint;
  version: bigint;
  datasetIds: Hex[];
  batchSize: number;
  onBatch?: (batch: { index: number; datasetIds: Hex[]; receipt: TransactionReceipt }) => void;
}

/**
 * Attaches datasets in batches, skipping those that the version's `DatasetsAttached` events
 * already list, so that a re-run after a crash sends only the rest.
 */
export async function attachDatasets(parameters: AttachDatasetsParameters) {
  const { connection, serviceId, version } = parameters;
  const attached = await attachedDatasetIds(connection, serviceId, version);
  const seen = new Set(attached);
  const pending: Hex[] = [];
  const skipped: Hex[] = [];
  for (const id of parameters.datasetIds) {
    const key = id.toLowerCase() as Hex;
    if (seen.has(key)) skipped.push(id);
    else pending.push(id);
    seen.add(key);
  }

  const batches: Array<{ index: number; datasetIds: Hex[]; receipt: TransactionReceipt }> = [];
  for (let start = 0; start < pending.length; start += parameters.batchSize) {
    const chunk = pending.slice(start, start + parameters.batchSize);
    const receipt = await sendTransaction(connection, {
      address: connection.deployment.splitter.address,
      abi: splitterAbi,
      functionName: "attachDatasets",
      args: [serviceId, version, chunk],
    });
    const batch = { index: batches.length, datasetIds: chunk, receipt };
    batches.push(batch);
    parameters.onBatch?.(batch);
  }
  return { batches, skipped };
}

/** Returns the ids already attached to a version, from its `DatasetsAttached` events (lower-case). */
export async function attachedDatasetIds(connection: Connection, serviceId: bigint, version: bigint): Promise<Hex[]> {
  const { logs } = await readLogs(connection.publicClient, {
    addresses: [connection.deployment.splitter.address],
    fromBlock: BigInt(connection.deployment.splitter.blockNumber),
    toBlock: await connection.publicClient.getBlockNumber(),
    event: splitterAbi.find((item) => item.type === "event" && item.name === "DatasetsAttached"),
    args: { serviceId, version },
  });
  const events = parseEventLogs({ abi: splitterAbi, logs, eventName: "DatasetsAttached" });
  return events.flatMap((event) => event.args.datasetIds.map((id) => id.toLowerCase() as Hex));
}
