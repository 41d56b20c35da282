/**
 * Reads event logs in block ranges. Public JSON-RPC endpoints cap the block range and the number
 * of results of one `eth_getLogs`, and fail now and then. This reader halves the range when the
 * endpoint rejects it as too large and retries transient failures with exponential backoff.
 */
import { BaseError, ResponseBodyTooLargeError, type AbiEvent, type Address, type Log, type PublicClient } from "viem";

export interface ReadLogsParameters {
  addresses: Address[];
  /** Only logs of this event; all events when undefined. */
  event?: AbiEvent;
  /** Values of the event's indexed arguments to filter on; needs `event`. */
  args?: Record<string, unknown>;
  fromBlock: bigint;
  toBlock: bigint;
  /** First range tried, in blocks. */
  initialRange?: bigint;
  /** Smallest range; a "too large" error at this range counts as a failure. */
  minRange?: bigint;
  /** Retries of one range after transient failures. */
  retries?: number;
  /** Delay before the first retry, in milliseconds; it doubles per retry. */
  backoffMs?: number;
  /** Called once per `eth_getLogs` request, for request counting. */
  onRequest?: (fromBlock: bigint, toBlock: bigint) => void;
}

export interface ReadLogsReturnType {
  logs: Log[];
  requests: number;
}

/** Thrown when a block range cannot be read after every retry. */
export class LogReadError extends Error {
  override name = "LogReadError" as const;
  readonly fromBlock: bigint;
  readonly toBlock: bigint;

  // Plain fields instead of parameter properties: Node runs this file by stripping types only.
  constructor(fromBlock: bigint, toBlock: bigint, cause: unknown) {
    super(
      `Reading logs of blocks ${fromBlock}-${toBlock} failed: ${messageOf(cause)}. ` +
        "Check the RPC endpoint, or lower the range with --log-range.",
      { cause },
    );
    this.fromBlock = fromBlock;
    this.toBlock = toBlock;
  }
}

const RATE_LIMITED = /rate limit|too many requests|\b429\b/i;
const RANGE_TOO_LARGE =
  /block range|range (is )?too (large|big|wide)|more than \d+ (results|logs)|too many (results|logs)|response size|max(imum)? (block )?range|limit exceeded/i;

/** Returns the logs of `addresses` between two blocks, inclusive, in chain order. */
export async function readLogs(client: PublicClient, parameters: ReadLogsParameters): Promise<ReadLogsReturnType> {
  const minRange = parameters.minRange ?? 1n;
  const retries = parameters.retries ?? 4;
  const backoffMs = parameters.backoffMs ?? 250;
  // The range grows back after successes, but never above the last range the endpoint rejected.
  let maxRange = parameters.initialRange ?? 100_000n;
  let range = maxRange;
  let requests = 0;
  let attempt = 0;
  const logs: Log[] = [];

  let from = parameters.fromBlock;
  while (from <= parameters.toBlock) {
    const to = minBigInt(from + range - 1n, parameters.toBlock);
    requests += 1;
    parameters.onRequest?.(from, to);
    try {
      const filter = parameters.event === undefined ? {} : { event: parameters.event, args: parameters.args };
      logs.push(...(await client.getLogs({ address: parameters.addresses, ...filter, fromBlock: from, toBlock: to } as never)));
      from = to + 1n;
      attempt = 0;
      range = minBigInt(range * 2n, maxRange);
    } catch (error) {
      const span = to - from + 1n;
      if (!isRateLimited(error) && isRangeTooLarge(error) && span > minRange) {
        maxRange = maxBigInt(minRange, span / 2n);
        range = maxRange;
        continue;
      }
      attempt += 1;
      if (attempt > retries) throw new LogReadError(from, to, error);
      await sleep(backoffMs * 2 ** (attempt - 1));
    }
  }
  return { logs: sortLogs(logs), requests };
}

function isRateLimited(error: unknown): boolean {
  return RATE_LIMITED.test(messageOf(error));
}

function isRangeTooLarge(error: unknown): boolean {
  // viem refuses response bodies above its size limit (10 MiB by default); a smaller range fits.
  if (error instanceof BaseError && error.walk((cause) => cause instanceof ResponseBodyTooLargeError) !== null) return true;
  return RANGE_TOO_LARGE.test(messageOf(error));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const details = (error as { details?: unknown }).details;
    return typeof details === "string" && details !== "" ? `${error.message} (${details})` : error.message;
  }
  return String(error);
}

function sortLogs(logs: Log[]): Log[] {
  return logs.sort((a, b) => {
    const byBlock = (a.blockNumber ?? 0n) - (b.blockNumber ?? 0n);
    if (byBlock !== 0n) return byBlock < 0n ? -1 : 1;
    return (a.logIndex ?? 0) - (b.logIndex ?? 0);
  });
}

function minBigInt(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
