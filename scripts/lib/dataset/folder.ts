/**
 * The files that travel with a preprocessed dataset folder after `1tt preprocess`: the report, the
 * record of where it was published, the contributor's consent and the attester's attestation.
 * Each step reads the earlier files and refuses to go on when they disagree, so that what is
 * signed is exactly what was published.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

import { getAddress, isAddress, isHex, type Address, type Hex } from "viem";

import type { DatasetTerms } from "../eip712.ts";

export const REPORT_FILE = "report.json";
export const PUBLISH_FILE = "publish.json";
export const CONSENT_FILE = "consent.json";
export const ATTESTATION_FILE = "attestation.json";

/** Thrown when a dataset folder lacks a file that an earlier step writes, or its files disagree. */
export class DatasetFolderError extends Error {
  override name = "DatasetFolderError" as const;
}

/** The fields of `report.json` that registration uses. */
export interface ReportSummary {
  datasetId: Hex;
  tokenCount: bigint;
  pipelineId: Hex;
  tokenizerId: Hex;
}

/** Publication record of the report, written by `1tt publish`. */
export interface PublishRecord {
  cid: string;
  sha256: Hex;
  size: number;
  file: string;
  backend: "embedded" | "kubo";
  publishedAt: string;
}

/** Dataset terms as JSON: bigints as decimal strings. */
export interface TermsJson {
  id: Hex;
  contributor: Address;
  tokenCount: string;
  reportSha256: Hex;
  reportCid: string;
  pipelineId: Hex;
  tokenizerId: Hex;
}

/** A signature over the terms, bound to one chain and registry; written by `1tt consent` and `1tt attest`. */
export interface SignatureRecord {
  kind: "consent" | "attestation";
  chainId: number;
  registry: Address;
  terms: TermsJson;
  signer: Address;
  /** Consent only: the contributor's consent nonce that the signature covers. */
  nonce?: string;
  deadline: string;
  signature: Hex;
  signedAt: string;
}

/** Reads the report's registered fields and checks their form. */
export function readReportSummary(folder: string): ReportSummary {
  const file = path.join(folder, REPORT_FILE);
  if (!existsSync(file)) {
    throw new DatasetFolderError(`${file} is missing; pass the --out folder of "1tt preprocess", or run it first.`);
  }
  const report = readJson(file) as Record<string, unknown>;
  for (const field of ["datasetId", "pipelineId", "tokenizerId"] as const) {
    const value = report[field];
    if (typeof value !== "string" || !isHex(value) || value.length !== 66) {
      throw new DatasetFolderError(`${file}: ${field} is ${JSON.stringify(value)}, expected 0x followed by 64 hex digits.`);
    }
  }
  if (typeof report.tokenCount !== "number" || !Number.isSafeInteger(report.tokenCount) || report.tokenCount < 0) {
    throw new DatasetFolderError(`${file}: tokenCount is ${JSON.stringify(report.tokenCount)}, expected a whole number.`);
  }
  return {
    datasetId: (report.datasetId as string).toLowerCase() as Hex,
    tokenCount: BigInt(report.tokenCount),
    pipelineId: (report.pipelineId as string).toLowerCase() as Hex,
    tokenizerId: (report.tokenizerId as string).toLowerCase() as Hex,
  };
}

/** Returns the report's bytes and their sha256. */
export function readReportBytes(folder: string): { bytes: Buffer; sha256: Hex } {
  const file = path.join(folder, REPORT_FILE);
  if (!existsSync(file)) throw new DatasetFolderError(`${file} is missing; pass the --out folder of "1tt preprocess".`);
  const bytes = readFileSync(file);
  return { bytes, sha256: `0x${createHash("sha256").update(bytes).digest("hex")}` };
}

/** Reads `publish.json` and checks that the report has not changed since it was published. */
export function readPublishRecord(folder: string): PublishRecord {
  const file = path.join(folder, PUBLISH_FILE);
  if (!existsSync(file)) throw new DatasetFolderError(`${file} is missing; publish the report first with "1tt publish ${folder}".`);
  const record = readJson(file) as PublishRecord;
  const { sha256 } = readReportBytes(folder);
  if (record.sha256?.toLowerCase() !== sha256) {
    throw new DatasetFolderError(
      `${path.join(folder, REPORT_FILE)} changed after it was published: its sha256 is ${sha256}, ${file} records ${String(record.sha256)}. ` +
        `Publish it again with "1tt publish ${folder}".`,
    );
  }
  return record;
}

/** Builds the terms that the contributor signs from the report and its publish record. */
export function datasetTermsOf(folder: string, contributor: Address): DatasetTerms {
  const report = readReportSummary(folder);
  const published = readPublishRecord(folder);
  return {
    id: report.datasetId,
    contributor: getAddress(contributor),
    tokenCount: report.tokenCount,
    reportSha256: published.sha256.toLowerCase() as Hex,
    reportCid: published.cid,
    pipelineId: report.pipelineId,
    tokenizerId: report.tokenizerId,
  };
}

export function termsToJson(terms: DatasetTerms): TermsJson {
  return { ...terms, tokenCount: terms.tokenCount.toString() };
}

export function termsFromJson(json: TermsJson): DatasetTerms {
  return { ...json, contributor: getAddress(json.contributor), tokenCount: BigInt(json.tokenCount) };
}

/** Returns whether two sets of terms are the same, comparing hex and addresses case-insensitively. */
export function sameTerms(a: DatasetTerms, b: DatasetTerms): boolean {
  return (
    a.id.toLowerCase() === b.id.toLowerCase() &&
    a.contributor.toLowerCase() === b.contributor.toLowerCase() &&
    a.tokenCount === b.tokenCount &&
    a.reportSha256.toLowerCase() === b.reportSha256.toLowerCase() &&
    a.reportCid === b.reportCid &&
    a.pipelineId.toLowerCase() === b.pipelineId.toLowerCase() &&
    a.tokenizerId.toLowerCase() === b.tokenizerId.toLowerCase()
  );
}

/** Reads a consent or attestation file and checks its form. */
export function readSignatureRecord(folder: string, kind: SignatureRecord["kind"]): SignatureRecord {
  const file = path.join(folder, kind === "consent" ? CONSENT_FILE : ATTESTATION_FILE);
  if (!existsSync(file)) {
    const step = kind === "consent" ? `the contributor signs it with "1tt consent ${folder}"` : `the attester signs it with "1tt attest ${folder}"`;
    throw new DatasetFolderError(`${file} is missing; ${step}.`);
  }
  const record = readJson(file) as SignatureRecord;
  if (record.kind !== kind || !isAddress(record.registry) || !isHex(record.signature) || typeof record.chainId !== "number") {
    throw new DatasetFolderError(`${file} is not a ${kind} file written by "1tt ${kind === "consent" ? "consent" : "attest"}".`);
  }
  return record;
}

/** Writes `value` as JSON through a temporary file, so that a crash never leaves half a file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DatasetFolderError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
}
