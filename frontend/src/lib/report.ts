/**
 * Fetches a dataset's preprocessing report from an IPFS gateway and checks it in the browser: the
 * bytes are accepted only if their sha256 (WebCrypto) equals the `reportSha256` recorded on-chain.
 * A gateway is not trusted. The CID of a chunked file is not its sha256, so the CID alone proves
 * nothing to a browser that does not rebuild the DAG.
 */
import type { Hex } from "viem";


/** Time one report fetch may take, in ms. */
const REPORT_TIMEOUT_MS = 15_000;

export type ReportCheck =
  | { status: "verified"; bytes: Uint8Array<ArrayBuffer>; summary: ReportSummary | undefined }
  | { status: "mismatch"; actualSha256: Hex }
  | { status: "notFound" }
  | { status: "unavailable"; error: unknown };

/** The parts of a `1tt-preprocess-report/1` report that the dataset page shows. */
export interface ReportSummary {
  datasetId: string;
  tokenCount: number;
  documentsIn: number;
  documentsKept: number;
  pipelineVersion: string;
  tokenizer: string;
  stages: Array<{
    stage: string;
    documentsIn: number;
    documentsOut: number;
    tokensIn: number;
    tokensOut: number;
    removed: Record<string, { documents: number; tokens: number }>;
  }>;
  languages: Record<string, { documents: number; tokens: number }>;
}

export const REPORT_FORMAT = "1tt-preprocess-report/1";

/** Returns the gateway URL of `cid`. */
export function reportUrl(gatewayUrl: string, cid: string): string {
  return `${gatewayUrl.replace(/\/+$/, "")}/ipfs/${encodeURIComponent(cid)}`;
}

/** Fetches the report of `cid` and compares its sha256 with `expectedSha256`; failures are returned as statuses. */
export async function fetchAndCheckReport(
  gatewayUrl: string,
  cid: string,
  expectedSha256: Hex,
  signal?: AbortSignal,
): Promise<ReportCheck> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const timeout = AbortSignal.timeout(REPORT_TIMEOUT_MS);
    const response = await fetch(reportUrl(gatewayUrl, cid), {
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    });
    if (response.status === 404 || response.status === 410) return { status: "notFound" };
    if (!response.ok) return { status: "unavailable", error: new Error(`the gateway returned HTTP ${response.status}`) };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { status: "unavailable", error };
  }
  const actualSha256 = await sha256Hex(bytes);
  if (actualSha256 !== expectedSha256.toLowerCase()) return { status: "mismatch", actualSha256 };
  return { status: "verified", bytes, summary: parseReportSummary(bytes) };
}

/** Returns the SHA-256 of `bytes` as 0x-prefixed lowercase hex, the form of the on-chain bytes32. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<Hex> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `0x${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Parses verified report bytes; undefined when they are not a report this app can show. */
export function parseReportSummary(bytes: Uint8Array): ReportSummary | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  const report = value as Partial<ReportSummary> & { format?: unknown; languages?: { kept?: ReportSummary["languages"] } };
  if (report.format !== REPORT_FORMAT || !Array.isArray(report.stages)) return undefined;
  return {
    datasetId: String(report.datasetId),
    tokenCount: Number(report.tokenCount),
    documentsIn: Number(report.documentsIn),
    documentsKept: Number(report.documentsKept),
    pipelineVersion: String(report.pipelineVersion),
    tokenizer: String(report.tokenizer),
    stages: report.stages,
    languages: report.languages?.kept ?? {},
  };
}
