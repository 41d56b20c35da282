/**
 * A contributor's account statement as CSV for accounting. It has one row per deposit that
 * credited the contributor and one per claim paid out, in chain order. Each row gives the amount
 * in base units and as a decimal, the token symbol, the transaction, the block and its time in
 * KST (UTC+9) and UTC.
 * The file is UTF-8 with a byte order mark and CRLF line ends, so that spreadsheet programs open
 * Korean service names correctly.
 */
import { parseEventLogs, type Address, type Hex } from "viem";

import { formatTokenAmount, periodLabel } from "./amounts.ts";
import { splitterAbi } from "./abis.ts";
import type { Connection } from "./connect.ts";
import { readEntitlements, readTokens } from "./entitlements.ts";
import { readLogs } from "./logs.ts";
import { REVENUE_SCALE, versionKey } from "./rebuild.ts";

export const STATEMENT_COLUMNS = [
  "time_kst",
  "time_utc",
  "type",
  "service_id",
  "service_name",
  "version",
  "period",
  "token",
  "amount_raw",
  "amount",
  "payout_address",
  "transaction_hash",
  "block",
] as const;

export interface StatementRow {
  timeKst: string;
  timeUtc: string;
  type: "credit" | "claim";
  serviceId: bigint;
  serviceName: string;
  version: bigint;
  period: string;
  token: string;
  amountRaw: bigint;
  amount: string;
  payoutAddress: string;
  transactionHash: Hex;
  blockNumber: bigint;
  logIndex: number;
}

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Builds the statement rows of `contributor` from the splitter's events. */
export async function buildStatement(connection: Connection, contributor: Address, logRange?: bigint): Promise<StatementRow[]> {
  const entitlements = await readEntitlements(connection, contributor);
  const weights = new Map(entitlements.map((entry) => [versionKey(entry.serviceId, entry.version), entry]));
  const { logs } = await readLogs(connection.publicClient, {
    addresses: [connection.deployment.splitter.address],
    fromBlock: BigInt(connection.deployment.splitter.blockNumber),
    toBlock: await connection.publicClient.getBlockNumber(),
    initialRange: logRange,
  });
  const events = parseEventLogs({ abi: splitterAbi, logs, strict: true });
  const serviceNames = new Map<bigint, string>();
  const serviceTokens = new Map<bigint, Address>();
  for (const event of events) {
    if (event.eventName !== "ServiceCreated") continue;
    serviceNames.set(event.args.serviceId, event.args.name);
    serviceTokens.set(event.args.serviceId, event.args.token);
  }
  const tokens = await readTokens(connection, [...new Set(serviceTokens.values())]);

  const rows: Array<Omit<StatementRow, "timeKst" | "timeUtc">> = [];
  const previousRevenuePerWeight = new Map<string, bigint>();
  const lowerContributor = contributor.toLowerCase();
  for (const event of events) {
    if (event.eventName === "Deposited") {
      const key = versionKey(event.args.serviceId, event.args.version);
      const before = previousRevenuePerWeight.get(key) ?? 0n;
      previousRevenuePerWeight.set(key, event.args.revenuePerWeight);
      const entry = weights.get(key);
      if (entry === undefined) continue;
      // The exact credit of this deposit: the entitlement after it minus the entitlement before.
      const credit = (entry.weight * event.args.revenuePerWeight) / REVENUE_SCALE - (entry.weight * before) / REVENUE_SCALE;
      rows.push(row(event, "credit", credit, event.args.period, ""));
    } else if (event.eventName === "Claimed" && event.args.contributor.toLowerCase() === lowerContributor) {
      rows.push(row(event, "claim", event.args.amount, undefined, event.args.payout));
    }
  }

  function row(
    event: { args: { serviceId: bigint; version: bigint }; transactionHash: Hex; blockNumber: bigint; logIndex: number },
    type: "credit" | "claim",
    amountRaw: bigint,
    period: Hex | undefined,
    payoutAddress: string,
  ) {
    const token = tokens.get(serviceTokens.get(event.args.serviceId)!)!;
    return {
      type,
      serviceId: event.args.serviceId,
      serviceName: serviceNames.get(event.args.serviceId) ?? "",
      version: event.args.version,
      period: period === undefined ? "" : periodLabel(period),
      token: token.symbol,
      amountRaw,
      amount: formatTokenAmount(amountRaw, token.decimals),
      payoutAddress,
      transactionHash: event.transactionHash,
      blockNumber: event.blockNumber,
      logIndex: event.logIndex,
    };
  }

  const times = await blockTimes(connection, [...new Set(rows.map((entry) => entry.blockNumber))]);
  return rows.map((entry) => {
    const seconds = times.get(entry.blockNumber)!;
    return { ...entry, ...formatTimes(seconds) };
  });
}

/** Returns a block time as "YYYY-MM-DD HH:MM:SS" in KST and in UTC. */
export function formatTimes(seconds: bigint): { timeKst: string; timeUtc: string } {
  const ms = Number(seconds) * 1000;
  const format = (date: Date) => date.toISOString().replace("T", " ").slice(0, 19);
  return { timeKst: `${format(new Date(ms + KST_OFFSET_MS))} +09:00`, timeUtc: `${format(new Date(ms))} +00:00` };
}

/** Renders rows as CSV: UTF-8 byte order mark, a header line, CRLF line ends, RFC 4180 quoting. */
export function statementCsv(rows: StatementRow[]): string {
  const lines = [STATEMENT_COLUMNS.join(",")];
  for (const entry of rows) {
    lines.push(
      [
        entry.timeKst,
        entry.timeUtc,
        entry.type,
        entry.serviceId.toString(),
        entry.serviceName,
        entry.version.toString(),
        entry.period,
        entry.token,
        entry.amountRaw.toString(),
        entry.amount,
        entry.payoutAddress,
        entry.transactionHash,
        entry.blockNumber.toString(),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function csvField(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const guarded = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

async function blockTimes(connection: Connection, blocks: bigint[]): Promise<Map<bigint, bigint>> {
  const times = new Map<bigint, bigint>();
  const concurrency = 8;
  for (let start = 0; start < blocks.length; start += concurrency) {
    await Promise.all(
      blocks.slice(start, start + concurrency).map(async (blockNumber) => {
        const block = await connection.publicClient.getBlock({ blockNumber });
        times.set(blockNumber, block.timestamp);
      }),
    );
  }
  return times;
}
