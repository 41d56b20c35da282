/**
 * The contributor's statement as CSV for accounting: one row per (service, version) with what was
 * deposited for the contributor, claimed and still claimable, then one row per claim paid. Amounts
 * appear twice, in base units (exact, for reconciliation) and as decimals of the token; times in
 * UTC and KST. The file starts with a UTF-8 BOM so that spreadsheet programs read Hangul correctly.
 */
import type { Address, Hash } from "viem";

import type { Messages } from "../i18n/messages.ts";
import type { Entitlement } from "./entitlements.ts";
import { formatDualTime, toDecimalString } from "./format.ts";
import type { TokenInfo } from "./load-platform.ts";

export const UTF8_BOM = "\uFEFF";

export interface StatementClaim {
  serviceId: bigint;
  version: bigint;
  amount: bigint;
  payout: Address;
  transactionHash: Hash;
  timestamp: bigint;
}

export interface StatementInput {
  t: Messages;
  entitlements: Entitlement[];
  claims: StatementClaim[];
  serviceName: (serviceId: bigint) => string;
  tokenOf: (serviceId: bigint) => TokenInfo;
  /** When the balances were read, in seconds. */
  asOf: bigint;
}

/** Builds the statement's text, BOM included, with CRLF line ends as RFC 4180 has them. */
export function buildStatementCsv(input: StatementInput): string {
  const { t } = input;
  const s = t.statement;
  const header = [
    s.kind, s.timeUtc, s.timeKst, s.service, s.version, s.token, s.tokenAddress, s.tokens,
    s.entitledRaw, s.entitled, s.claimedRaw, s.claimed, s.claimableRaw, s.claimable, s.payout, s.transaction,
  ];
  // Times in CSV use one format for both languages, so the statement sorts and parses the same.
  const time = (seconds: bigint) => formatDualTime(seconds, "en");
  const asOf = time(input.asOf);

  const rows: string[][] = input.entitlements.map((entitlement) => {
    const token = input.tokenOf(entitlement.serviceId);
    const entitled = entitlement.claimed + entitlement.claimable;
    return [
      s.entitlement, asOf.utc, asOf.kst, input.serviceName(entitlement.serviceId), `${entitlement.version}`,
      token.symbol, token.address, `${entitlement.weight}`,
      `${entitled}`, toDecimalString(entitled, token.decimals),
      `${entitlement.claimed}`, toDecimalString(entitlement.claimed, token.decimals),
      `${entitlement.claimable}`, toDecimalString(entitlement.claimable, token.decimals),
      "", "",
    ];
  });
  for (const claim of input.claims) {
    const token = input.tokenOf(claim.serviceId);
    const at = time(claim.timestamp);
    rows.push([
      s.claim, at.utc, at.kst, input.serviceName(claim.serviceId), `${claim.version}`,
      token.symbol, token.address, "",
      "", "", `${claim.amount}`, toDecimalString(claim.amount, token.decimals), "", "",
      claim.payout, claim.transactionHash,
    ]);
  }
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Quotes a field when it contains a comma, quote or line break, doubling inner quotes (RFC 4180). */
export function csvField(value: string): string {
  // A leading =, +, - or @ would run as a formula in spreadsheet programs; service names are
  // chosen by the consumer, so such fields are prefixed with an apostrophe.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
