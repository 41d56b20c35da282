/**
 * Signs the consent (contributor) and the attestation (attester) for a dataset folder, and reads
 * both back as a registration. Signatures are bound to the chain and registry of the connection,
 * and every step checks that the terms still match the folder's report and publish record.
 */
import { existsSync } from "node:fs";
import path from "node:path";

import { hashTypedData, keccak256, parseAbi, stringToHex, type Address, type Hex, type LocalAccount } from "viem";

import { registryAbi } from "../chain/abis.ts";
import { requireChain, type Connection } from "../chain/connect.ts";
import type { SignedRegistration } from "../chain/register.ts";
import { attestationTypes, consentTypes, registryDomain, type DatasetTerms } from "../eip712.ts";
import {
  ATTESTATION_FILE,
  CONSENT_FILE,
  DatasetFolderError,
  datasetTermsOf,
  readSignatureRecord,
  sameTerms,
  termsFromJson,
  termsToJson,
  writeJsonAtomic,
  type SignatureRecord,
} from "./folder.ts";

const SECONDS_PER_DAY = 86_400n;
const ATTESTER_ROLE = keccak256(stringToHex("ATTESTER_ROLE"));
/** Value that ERC-1271's `isValidSignature` returns for a valid signature: its own selector. */
const ERC1271_MAGIC_VALUE = "0x1626ba7e";
const erc1271Abi = parseAbi(["function isValidSignature(bytes32 hash, bytes signature) view returns (bytes4)"]);

export interface SignFolderParameters {
  connection: Connection;
  account: LocalAccount;
  folder: string;
  /** Days from the chain's latest block until the signature expires. */
  validDays: number;
  /**
   * Consent only: a contract wallet (ERC-1271) that is the contributor, when `account` is a key
   * whose signatures the wallet accepts. Defaults to `account`'s own address.
   */
  contributor?: Address;
}

/** Signs the contributor's consent for `folder` and writes `consent.json`; returns the record. */
export async function signConsentFile(parameters: SignFolderParameters): Promise<{ record: SignatureRecord; file: string }> {
  const { connection, account, folder } = parameters;
  const contributor = parameters.contributor ?? account.address;
  const terms = datasetTermsOf(folder, contributor);
  const registry = connection.deployment.registry.address;
  const nonce = await connection.publicClient.readContract({
    address: registry,
    abi: registryAbi,
    functionName: "consentNonce",
    args: [contributor],
  });
  const deadline = await deadlineFromNow(connection, parameters.validDays);
  const typedData = {
    domain: registryDomain(connection.chainId, registry),
    types: consentTypes,
    primaryType: "Consent",
    message: { dataset: terms, nonce, deadline },
  } as const;
  const signature = await account.signTypedData(typedData);
  if (contributor.toLowerCase() !== account.address.toLowerCase()) {
    await checkWalletAccepts(connection, contributor, hashTypedData(typedData), signature, account.address);
  }
  const record: SignatureRecord = {
    kind: "consent",
    chainId: connection.chainId,
    registry,
    terms: termsToJson(terms),
    signer: account.address,
    nonce: nonce.toString(),
    deadline: deadline.toString(),
    signature,
    signedAt: new Date().toISOString(),
  };
  const file = path.join(folder, CONSENT_FILE);
  writeJsonAtomic(file, record);
  return { record, file };
}

/**
 * Signs the attester's attestation and writes `attestation.json`. With a consent in the folder it
 * attests the consented terms, after checking them against the folder. Without one it attests the
 * folder's terms for `parameters.contributor`, so the contributor can review the attestation (for
 * example in the web app) before consenting.
 */
export async function signAttestationFile(parameters: SignFolderParameters): Promise<{ record: SignatureRecord; file: string }> {
  const { connection, account, folder } = parameters;
  const terms = attestedTerms(connection, folder, parameters.contributor);

  const registry = connection.deployment.registry.address;
  const isAttester = await connection.publicClient.readContract({
    address: registry,
    abi: registryAbi,
    functionName: "hasRole",
    args: [ATTESTER_ROLE, account.address],
  });
  if (!isAttester) {
    throw new DatasetFolderError(
      `${account.address} does not hold ATTESTER_ROLE on registry ${registry}; sign with the attester's key (ONETT_ATTESTER_KEY or --keystore).`,
    );
  }
  const deadline = await deadlineFromNow(connection, parameters.validDays);
  const signature = await account.signTypedData({
    domain: registryDomain(connection.chainId, registry),
    types: attestationTypes,
    primaryType: "Attestation",
    message: { dataset: terms, deadline },
  });
  const record: SignatureRecord = {
    kind: "attestation",
    chainId: connection.chainId,
    registry,
    terms: termsToJson(terms),
    signer: account.address,
    deadline: deadline.toString(),
    signature,
    signedAt: new Date().toISOString(),
  };
  const file = path.join(folder, ATTESTATION_FILE);
  writeJsonAtomic(file, record);
  return { record, file };
}

function attestedTerms(connection: Connection, folder: string, contributor: Address | undefined): DatasetTerms {
  if (!existsSync(path.join(folder, CONSENT_FILE))) {
    if (contributor === undefined) {
      throw new DatasetFolderError(
        `${path.join(folder, CONSENT_FILE)} is missing, so the contributor is unknown; ` +
          `pass --contributor ADDRESS to attest before consent, or let the contributor run "1tt consent ${folder}" first.`,
      );
    }
    return datasetTermsOf(folder, contributor);
  }
  const consent = readSignatureRecord(folder, "consent");
  checkBinding(connection, consent, folder);
  const terms = checkedTerms(folder, consent);
  if (contributor !== undefined && contributor.toLowerCase() !== terms.contributor.toLowerCase()) {
    throw new DatasetFolderError(
      `--contributor ${contributor} differs from the contributor ${terms.contributor} in ${path.join(folder, CONSENT_FILE)}; leave out --contributor.`,
    );
  }
  return terms;
}

/** Reads the consent and attestation of `folder` as one registration, checking that they agree. */
export function readRegistration(connection: Connection, folder: string): SignedRegistration {
  const consent = readSignatureRecord(folder, "consent");
  const attestation = readSignatureRecord(folder, "attestation");
  checkBinding(connection, consent, folder);
  checkBinding(connection, attestation, folder);
  const terms = checkedTerms(folder, consent);
  if (!sameTerms(terms, termsFromJson(attestation.terms))) {
    throw new DatasetFolderError(
      `${path.join(folder, ATTESTATION_FILE)} attests other terms than ${path.join(folder, CONSENT_FILE)}; ` +
        `sign the attestation again with "1tt attest ${folder}".`,
    );
  }
  return {
    terms,
    consentDeadline: BigInt(consent.deadline),
    attestationDeadline: BigInt(attestation.deadline),
    consentSignature: consent.signature,
    attestationSignature: attestation.signature,
  };
}

/**
 * Checks, before anything is written, that the contract wallet `wallet` accepts `signature` of
 * `digest` through ERC-1271, as the registry will check it.
 */
async function checkWalletAccepts(connection: Connection, wallet: Address, digest: Hex, signature: Hex, signer: Address): Promise<void> {
  const code = await connection.publicClient.getCode({ address: wallet });
  if (code === undefined || code === "0x") {
    throw new DatasetFolderError(`--contributor ${wallet} has no contract code, so only its own key can consent; leave out --contributor and use that key.`);
  }
  let result: Hex | undefined;
  try {
    result = await connection.publicClient.readContract({ address: wallet, abi: erc1271Abi, functionName: "isValidSignature", args: [digest, signature] });
  } catch {
    result = undefined;
  }
  if (result?.toLowerCase() !== ERC1271_MAGIC_VALUE) {
    throw new DatasetFolderError(
      `The contract wallet ${wallet} does not accept a signature of ${signer} through ERC-1271 (isValidSignature returned ${result ?? "an error"}). ` +
        "Sign the Consent typed data with the wallet's own tooling, or use a key that the wallet accepts.",
    );
  }
}

/** Checks that a signature was made for the connected chain and its recorded registry. */
function checkBinding(connection: Connection, record: SignatureRecord, folder: string): void {
  const file = path.join(folder, record.kind === "consent" ? CONSENT_FILE : ATTESTATION_FILE);
  requireChain(connection, record.chainId, file);
  const registry = connection.deployment.registry.address;
  if (record.registry.toLowerCase() !== registry.toLowerCase()) {
    throw new DatasetFolderError(
      `${file} was signed for registry ${record.registry}, but chain ${connection.chainId}'s deployment record names ${registry}. ` +
        `Sign it again against this deployment ("1tt ${record.kind === "consent" ? "consent" : "attest"} ${folder}").`,
    );
  }
}

/** Returns the consented terms after checking that the report and publish record still give them. */
function checkedTerms(folder: string, consent: SignatureRecord): DatasetTerms {
  const consented = termsFromJson(consent.terms);
  const current = datasetTermsOf(folder, consented.contributor);
  if (!sameTerms(consented, current)) {
    throw new DatasetFolderError(
      `${path.join(folder, CONSENT_FILE)} covers other terms than the folder's report and publish record now give ` +
        `(consented: ${describeTerms(consented)}; folder: ${describeTerms(current)}). The contributor must consent again.`,
    );
  }
  return consented;
}

function describeTerms(terms: DatasetTerms): string {
  return `id ${terms.id}, ${terms.tokenCount} tokens, report ${terms.reportCid} sha256 ${terms.reportSha256}`;
}

async function deadlineFromNow(connection: Connection, validDays: number): Promise<bigint> {
  const block = await connection.publicClient.getBlock({ blockTag: "latest" });
  return block.timestamp + BigInt(validDays) * SECONDS_PER_DAY;
}

/** Returns the deadline problems of a registration at chain time `now`, as sentences. */
export function expiredSignatures(registration: SignedRegistration, now: bigint, folder: string): string[] {
  const problems: string[] = [];
  if (registration.consentDeadline < now) problems.push(`the consent in ${folder} expired; the contributor must run "1tt consent ${folder}" again`);
  if (registration.attestationDeadline < now) problems.push(`the attestation in ${folder} expired; run "1tt attest ${folder}" again`);
  return problems;
}

