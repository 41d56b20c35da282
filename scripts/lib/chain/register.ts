/**
 * Registers signed datasets in batches and can be re-run safely. Before sending, it reads the
 * registry's `datasetRecords` and skips the datasets that are registered already. A run that
 * crashed after some batches therefore sends only what is still missing, and no dataset is ever
 * sent twice by the same run.
 */
import type { Address, Hex, TransactionReceipt } from "viem";

import type { DatasetTerms } from "../eip712.ts";
import { registryAbi } from "./abis.ts";
import { sendTransaction, type Connection } from "./connect.ts";
import { readMany } from "./multicall.ts";

/** A registration as `registerBatch` takes it. */
export interface SignedRegistration {
  terms: DatasetTerms;
  consentDeadline: bigint;
  attestationDeadline: bigint;
  consentSignature: Hex;
  attestationSignature: Hex;
}

export interface RegisterDatasetsParameters {
  connection: Connection;
  registrations: SignedRegistration[];
  /** Registrations per transaction. */
  batchSize: number;
  /** Called after each batch's receipt. */
  onBatch?: (batch: RegisteredBatch) => void;
}

export interface RegisteredBatch {
  index: number;
  count: number;
  datasetIds: Hex[];
  receipt: TransactionReceipt;
}

export interface SkippedDataset {
  datasetId: Hex;
  /** The contributor on record; it differs from the signed one when someone else registered this id. */
  contributor: Address;
  isSameContributor: boolean;
}

export interface RegisterDatasetsReturnType {
  batches: RegisteredBatch[];
  skipped: SkippedDataset[];
}

/** Datasets per `datasetRecords` view call. */
const RECORDS_PER_CALL = 500;

/** Registers every dataset that the registry does not hold yet, `batchSize` per transaction. */
export async function registerDatasets(parameters: RegisterDatasetsParameters): Promise<RegisterDatasetsReturnType> {
  const { connection, batchSize } = parameters;
  const unique = dropDuplicates(parameters.registrations);
  const records = await readDatasetRecords(connection, unique.map((registration) => registration.terms.id));

  const skipped: SkippedDataset[] = [];
  const pending: SignedRegistration[] = [];
  unique.forEach((registration, i) => {
    const contributor = records[i]!.contributor;
    if (contributor === ZERO_ADDRESS) {
      pending.push(registration);
      return;
    }
    skipped.push({
      datasetId: registration.terms.id,
      contributor,
      isSameContributor: contributor.toLowerCase() === registration.terms.contributor.toLowerCase(),
    });
  });

  const batches: RegisteredBatch[] = [];
  for (let start = 0; start < pending.length; start += batchSize) {
    const chunk = pending.slice(start, start + batchSize);
    const receipt = await sendTransaction(connection, {
      address: connection.deployment.registry.address,
      abi: registryAbi,
      functionName: "registerBatch",
      args: [chunk],
    });
    const batch = { index: batches.length, count: chunk.length, datasetIds: chunk.map((item) => item.terms.id), receipt };
    batches.push(batch);
    parameters.onBatch?.(batch);
  }
  return { batches, skipped };
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

export interface DatasetRecord {
  contributor: Address;
  tokenCount: bigint;
  index: number;
  isRevoked: boolean;
}

/** Returns the registry's record of each id, in order; `contributor` is zero for unknown ids. */
export async function readDatasetRecords(connection: Connection, ids: Hex[]): Promise<DatasetRecord[]> {
  const reads = [];
  for (let start = 0; start < ids.length; start += RECORDS_PER_CALL) {
    reads.push({
      address: connection.deployment.registry.address,
      abi: registryAbi,
      functionName: "datasetRecords",
      args: [ids.slice(start, start + RECORDS_PER_CALL)],
    });
  }
  const chunks = await readMany<readonly DatasetRecord[]>(
    { client: connection.publicClient, multicall3: connection.deployment.multicall3 },
    reads,
  );
  return chunks.flat();
}

/** Keeps the first registration of each dataset id; the registry would reject the whole batch otherwise. */
function dropDuplicates(registrations: SignedRegistration[]): SignedRegistration[] {
  const seen = new Set<string>();
  return registrations.filter((registration) => {
    const key = registration.terms.id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
