/**
 * Fetches a report from an IPFS HTTP gateway by CID and accepts it only if its sha256 is the one
 * registered on-chain. A gateway is not trusted: it may be down, lack the CID, or serve other bytes.
 *
 * Runs in Node and in browsers (fetch, AbortSignal and WebCrypto only).
 */
import { concatBytes } from "./bytes.ts";
import {
  GatewayRequestError,
  IpfsError,
  ReportHashMismatchError,
  ReportNotFoundError,
  messageOf,
} from "./errors.ts";
import { parseCid } from "./parse-cid.ts";
import { normalizeSha256, sha256Hex } from "./sha256.ts";

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_RETRY_DELAY_MS = 500;
/** Largest response accepted, in bytes. A preprocessing report is expected to be far smaller. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Bytes of an error response's text kept for the error details. */
const ERROR_TEXT_BYTES = 1024;
/** HTTP statuses worth retrying: timeouts, rate limits and server errors. */
const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500;

export interface FetchVerifiedOptions {
  /** Time one attempt may take, response body included, in ms. Default 15000. */
  timeoutMs?: number;
  /** Attempts in total, the first included. Default 3. */
  attempts?: number;
  /** Wait before the second attempt, in ms. It doubles before each further attempt. Default 500. */
  retryDelayMs?: number;
  /** Largest accepted response body, in bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Cancels the fetch and any wait between attempts. */
  signal?: AbortSignal;
  /** Called before each retry, for logging. */
  onRetry?: (retry: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Wait before the next attempt, in ms. */
  delayMs: number;
  /** HTTP status of the failed attempt, or undefined when no response arrived. */
  status: number | undefined;
  /** Error of the failed attempt, or undefined when a response arrived. */
  error: unknown;
}

/** Outcome of one attempt that a retry may fix. */
interface RetryableFailure {
  status: number | undefined;
  error: unknown;
}

/**
 * Fetches `${gatewayUrl}/ipfs/${cid}` and returns its bytes if their sha256 is `expectedSha256`.
 *
 * @throws ReportNotFoundError when the gateway returns 404 or 410 (not retried).
 * @throws ReportHashMismatchError when the bytes have another sha256: the report changed.
 * @throws GatewayRequestError when every attempt timed out, failed to connect or got a 5xx/408/429,
 *   or when the gateway returned another 4xx.
 * @throws InvalidCidError, InvalidSha256Error when an argument is malformed (nothing is fetched).
 *
 * @example
 * const bytes = await fetchVerified("http://127.0.0.1:8080", dataset.reportCid, dataset.reportSha256);
 * const report = JSON.parse(new TextDecoder().decode(bytes));
 */
export async function fetchVerified(
  gatewayUrl: string,
  cid: string,
  expectedSha256: string,
  options: FetchVerifiedOptions = {},
): Promise<Uint8Array> {
  const cidText = parseCid(cid).toString();
  const expected = normalizeSha256(expectedSha256);
  const url = fileUrl(gatewayUrl, cidText);
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  let delayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;

  let failure: RetryableFailure = { status: undefined, error: undefined };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await attemptFetch(url, cidText, attempt, options);
    if (outcome instanceof Uint8Array) {
      const actual = await sha256Hex(outcome);
      if (actual !== expected) throw new ReportHashMismatchError(cidText, expected, actual);
      return outcome;
    }

    failure = outcome;
    if (attempt < attempts) {
      options.onRetry?.({ attempt, delayMs, status: failure.status, error: failure.error });
      await sleep(delayMs, options.signal);
      delayMs *= 2;
    }
  }
  throw new GatewayRequestError(cidText, url, attempts, failure.status, failure.error);
}

/** Returns the body, a failure worth retrying, or throws for a failure that a retry cannot fix. */
async function attemptFetch(
  url: string,
  cid: string,
  attempt: number,
  options: FetchVerifiedOptions,
): Promise<Uint8Array | RetryableFailure> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);

  try {
    const response = await fetch(url, { signal });
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new ReportNotFoundError(cid, url, response.status);
    }
    if (RETRYABLE_STATUS(response.status)) {
      return { status: response.status, error: await errorFromBody(response) };
    }
    if (!response.ok) {
      throw new GatewayRequestError(cid, url, attempt, response.status, await errorFromBody(response));
    }
    return await readBody(response, options.maxBytes ?? DEFAULT_MAX_BYTES, cid, url, attempt);
  } catch (error) {
    if (error instanceof IpfsError) throw error;
    if (options.signal?.aborted === true) throw options.signal.reason;
    if (timeout.aborted) return { status: undefined, error: new Error(`timed out: no complete response within ${timeoutMs} ms`) };
    return { status: undefined, error };
  }
}

async function readBody(response: Response, maxBytes: number, cid: string, url: string, attempt: number) {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new GatewayRequestError(cid, url, attempt, response.status, tooLarge(declared, maxBytes));
  }

  const chunks: Uint8Array[] = [];
  let length = 0;
  // A reader loop, because not every browser's ReadableStream supports `for await`.
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next !== undefined && !next.done; next = await reader?.read()) {
    length += next.value.length;
    if (length > maxBytes) {
      await reader?.cancel();
      throw new GatewayRequestError(cid, url, attempt, response.status, tooLarge(length, maxBytes));
    }
    chunks.push(next.value);
  }
  return concatBytes(chunks);
}

/** Returns the start of an error response's text as an Error, for the details of the final error. */
async function errorFromBody(response: Response): Promise<Error> {
  const head = new Uint8Array(ERROR_TEXT_BYTES);
  let length = 0;
  if (response.body !== null) {
    const reader = response.body.getReader();
    while (length < ERROR_TEXT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      const part = value.subarray(0, ERROR_TEXT_BYTES - length);
      head.set(part, length);
      length += part.length;
    }
    await reader.cancel();
  }
  const text = new TextDecoder().decode(head.subarray(0, length)).trim();
  return new Error(`the gateway returned HTTP ${response.status}${text === "" ? "" : `: ${text}`}`);
}

function tooLarge(bytes: number, maxBytes: number): Error {
  return new Error(`the response has more than ${maxBytes} bytes (${bytes} so far). Raise maxBytes if so large a report is expected`);
}

/** Returns the URL of `cid` under a gateway base URL, keeping any path prefix of the base. */
function fileUrl(gatewayUrl: string, cid: string): string {
  let base: URL;
  try {
    base = new URL(gatewayUrl.endsWith("/") ? gatewayUrl : `${gatewayUrl}/`);
  } catch (error) {
    throw new IpfsError(`Invalid gateway URL "${gatewayUrl}".`, {
      nextStep: "Pass the gateway's base URL, such as http://127.0.0.1:8080.",
      details: messageOf(error),
    });
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new IpfsError(`Invalid gateway URL "${gatewayUrl}": the scheme must be http or https.`);
  }
  return new URL(`ipfs/${cid}`, base).toString();
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
