/**
 * Attestations awaiting the contributor's consent. The operator publishes one JSON file per
 * preprocessed dataset at `<attestationsUrl>/<reportCid>.json`, in the format of the
 * `attestation.json` that `1tt attest` writes, and sends the contributor the report CID. The contributor's page fetches it, checks it names this chain and
 * registry, shows the report (checked against `reportSha256`), and submits `register` with the
 * attester's signature and the contributor's fresh EIP-712 consent.
 */
import { getAddress, isAddress, isHex, type Address, type Hex } from "viem";

import type { DatasetTerms } from "../../../scripts/lib/eip712.ts";

/** An attester's signature over a dataset's terms, bound to one chain and registry. */
export interface PendingAttestation {
  chainId: number;
  registry: Address;
  terms: DatasetTerms;
  /** The attester's address, as the file states it; the registry checks the signature itself. */
  signer: Address;
  deadline: bigint;
  signature: Hex;
}

/**
 * The file's JSON form, the same as the `attestation.json` that `1tt attest` writes into a dataset
 * folder: bigints as decimal strings, because JSON numbers lose precision above 2^53.
 */
export interface AttestationFileJson {
  kind: "attestation";
  chainId: number;
  registry: string;
  terms: Record<keyof DatasetTerms, string>;
  signer: string;
  deadline: string;
  signature: string;
  signedAt?: string;
}

/** Thrown when an attestation file is not in the format above. */
export class InvalidAttestationFileError extends Error {
  override name = "InvalidAttestationFileError" as const;
}

/** Returns the URL of the attestation of `reportCid`. */
export function attestationUrl(attestationsUrl: string, reportCid: string): string {
  return `${attestationsUrl.replace(/\/+$/, "")}/${encodeURIComponent(reportCid)}.json`;
}

/** Serialises an attestation for publishing. */
export function toAttestationJson(attestation: PendingAttestation): AttestationFileJson {
  return {
    kind: "attestation",
    chainId: attestation.chainId,
    registry: attestation.registry,
    terms: { ...attestation.terms, tokenCount: attestation.terms.tokenCount.toString() },
    signer: attestation.signer,
    deadline: attestation.deadline.toString(),
    signature: attestation.signature,
  };
}

const BYTES32_HEX_LENGTH = 66;
const DECIMAL_INTEGER = /^\d+$/;

/** Parses and checks a published attestation file. */
export function parseAttestationJson(value: unknown): PendingAttestation {
  const raw = value as Partial<AttestationFileJson> | null;
  if (raw === null || typeof raw !== "object" || raw.kind !== "attestation") {
    throw new InvalidAttestationFileError('the file is not an attestation (its "kind" must be "attestation")');
  }
  const terms = raw.terms;
  if (terms === undefined) throw new InvalidAttestationFileError("terms are missing");
  for (const field of ["id", "reportSha256", "pipelineId", "tokenizerId"] as const) {
    if (!isHex(terms[field]) || terms[field].length !== BYTES32_HEX_LENGTH) {
      throw new InvalidAttestationFileError(`terms.${field} must be 32 bytes of hex`);
    }
  }
  for (const [field, address] of [["terms.contributor", terms.contributor], ["registry", raw.registry], ["signer", raw.signer]] as const) {
    if (!isAddress(address ?? "", { strict: false })) throw new InvalidAttestationFileError(`${field} must be an address`);
  }
  // A JSON number would have lost precision above 2^53 before this check could see it.
  if (!isDecimalString(terms.tokenCount) || !isDecimalString(raw.deadline)) {
    throw new InvalidAttestationFileError("terms.tokenCount and deadline must be decimal integers written as strings");
  }
  if (!isHex(raw.signature)) throw new InvalidAttestationFileError("signature must be hex");
  if (typeof terms.reportCid !== "string" || terms.reportCid === "") throw new InvalidAttestationFileError("terms.reportCid is missing");
  if (typeof raw.chainId !== "number") throw new InvalidAttestationFileError("chainId must be a number");

  return {
    chainId: raw.chainId,
    registry: getAddress(raw.registry!),
    terms: {
      id: terms.id as Hex,
      contributor: getAddress(terms.contributor),
      tokenCount: BigInt(terms.tokenCount),
      reportSha256: terms.reportSha256 as Hex,
      reportCid: terms.reportCid,
      pipelineId: terms.pipelineId as Hex,
      tokenizerId: terms.tokenizerId as Hex,
    },
    signer: getAddress(raw.signer!),
    deadline: BigInt(raw.deadline!),
    signature: raw.signature,
  };
}

function isDecimalString(value: unknown): value is string {
  return typeof value === "string" && DECIMAL_INTEGER.test(value);
}

/** Thrown when no attestation is published for a report CID. */
export class AttestationNotFoundError extends Error {
  override name = "AttestationNotFoundError" as const;
}

/** Fetches and parses the attestation of `reportCid`. */
export async function fetchPendingAttestation(attestationsUrl: string, reportCid: string): Promise<PendingAttestation> {
  const url = attestationUrl(attestationsUrl, reportCid);
  const response = await fetch(url, { cache: "no-store" });
  if (response.status === 404) throw new AttestationNotFoundError(`no attestation at ${url}`);
  if (!response.ok) throw new Error(`loading ${url} failed with HTTP ${response.status}`);
  return parseAttestationJson(await response.json());
}

/**
 * The optional list of published attestations, `<attestationsUrl>/index.json`:
 * `{ "reportCids": ["Qm…", …] }`. With it the contributor's page finds the datasets awaiting the
 * connected wallet's consent by itself; without it the contributor enters the report CID.
 */
export interface AttestationIndexJson {
  reportCids: string[];
}

/** Maximum number of attestations that the contributor's page reads from the index, newest last. */
export const MAX_INDEXED_ATTESTATIONS = 200;

/** Returns the report CIDs listed in the index, or an empty list when no index is published. */
export async function fetchAttestationIndex(attestationsUrl: string): Promise<string[]> {
  const url = `${attestationsUrl.replace(/\/+$/, "")}/index.json`;
  const response = await fetch(url, { cache: "no-store" });
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`loading ${url} failed with HTTP ${response.status}`);
  const index = (await response.json()) as Partial<AttestationIndexJson> | null;
  if (index === null || !Array.isArray(index.reportCids) || !index.reportCids.every((cid) => typeof cid === "string")) {
    throw new InvalidAttestationFileError(`${url} must hold { "reportCids": [ ... ] }`);
  }
  return index.reportCids.slice(-MAX_INDEXED_ATTESTATIONS);
}

/** Returns the attestations that name `contributor` and whose dataset is not registered yet. */
export function awaitingConsentOf(
  attestations: PendingAttestation[],
  contributor: Address,
  isRegistered: (datasetId: Hex) => boolean,
): PendingAttestation[] {
  const key = contributor.toLowerCase();
  return attestations.filter(
    (attestation) => attestation.terms.contributor.toLowerCase() === key && !isRegistered(attestation.terms.id),
  );
}
