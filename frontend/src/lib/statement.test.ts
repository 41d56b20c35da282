import { describe, expect, it } from "vitest";

import { messages } from "../i18n/messages.ts";
import { buildStatementCsv, csvField, UTF8_BOM } from "./statement.ts";

const TOKEN = { address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" as const, decimals: 6, symbol: "tUSDC" };
const PAYOUT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const HASH = `0x${"12".repeat(32)}` as const;
/** 2026-12-31 20:00:00 UTC, which is 2027-01-01 05:00:00 in KST. */
const NEW_YEAR_EVE = BigInt(Date.UTC(2026, 11, 31, 20, 0, 0) / 1_000);

function statement(locale: "en" | "ko") {
  return buildStatementCsv({
    t: messages[locale],
    entitlements: [{ serviceId: 1n, version: 2n, weight: 600_000n, claimed: 1_000_000n, claimable: 2_500_001n }],
    claims: [{ serviceId: 1n, version: 2n, amount: 1_000_000n, payout: PAYOUT, transactionHash: HASH, timestamp: NEW_YEAR_EVE }],
    serviceName: () => "Solar, \"Chat\"",
    tokenOf: () => TOKEN,
    asOf: NEW_YEAR_EVE,
  });
}

describe("buildStatementCsv", () => {
  it("starts with a BOM and ends lines with CRLF", () => {
    const csv = statement("en");
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4);
  });

  it("writes raw and decimal amounts, and times in UTC and KST", () => {
    const [header, entitlement, claim] = statement("en").slice(1).split("\r\n");
    expect(header).toBe(
      "Kind,Time (UTC),Time (KST),Service,Version,Token,Token address,Tokens,Entitled (base units),Entitled," +
        "Claimed (base units),Claimed,Claimable (base units),Claimable,Paid to,Transaction",
    );
    expect(entitlement).toBe(
      `entitlement,2026-12-31 20:00:00 UTC,2027-01-01 05:00:00 KST,"Solar, ""Chat""",2,tUSDC,${TOKEN.address},600000,` +
        "3500001,3.500001,1000000,1,2500001,2.500001,,",
    );
    expect(claim).toBe(
      `claim,2026-12-31 20:00:00 UTC,2027-01-01 05:00:00 KST,"Solar, ""Chat""",2,tUSDC,${TOKEN.address},,,,1000000,1,,,${PAYOUT},${HASH}`,
    );
  });

  it("labels columns in Korean for Korean readers", () => {
    const header = statement("ko").slice(1).split("\r\n")[0]!;
    expect(header.startsWith("구분,시각(UTC),시각(KST),서비스,버전,토큰")).toBe(true);
    expect(statement("ko")).toContain("\r\n정산,");
    expect(statement("ko")).toContain("\r\n수령,");
  });
});

describe("csvField", () => {
  it("quotes separators and neutralises spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });
});
