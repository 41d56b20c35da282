/** The table that `npm start` prints: per contributor and service version, what was credited and claimed. */
import { runStep } from "./cli-session.ts";
import type { Progress } from "./flow.ts";

export interface SummaryRow {
  contributor: string;
  address: string;
  serviceId: string;
  serviceName: string;
  version: string;
  /** Contributor's tokens in the version (its frozen weight). */
  tokens: string;
  totalTokens: string;
  sharePercent: string;
  /** Everything deposited into the version, in tUSDC. */
  versionDeposited: string;
  /** The contributor's part of it, in tUSDC. */
  entitled: string;
  claimed: string;
}

/** Reads every contributor's entitlements through `1tt entitlements` and returns one row per version. */
export async function collectSummary(progress: Progress, env: Record<string, string>, log: NodeJS.WritableStream): Promise<SummaryRow[]> {
  const names = new Map(Object.entries(progress.services).map(([name, id]) => [id, name]));
  const rows: SummaryRow[] = [];
  for (const contributor of Object.values(progress.contributors)) {
    const result = await runStep(["entitlements", contributor.address, "--json"], env, {}, log);
    const entitlements = (result.json?.entitlements ?? []) as Array<Record<string, string>>;
    for (const row of entitlements) {
      rows.push({
        contributor: contributor.name,
        address: contributor.address,
        serviceId: row.serviceId!,
        serviceName: names.get(row.serviceId!) ?? `service ${row.serviceId}`,
        version: row.version!,
        tokens: row.weight!,
        totalTokens: row.totalWeight!,
        sharePercent: row.sharePercent!,
        versionDeposited: row.versionDepositedDecimal!,
        entitled: row.entitledDecimal!,
        claimed: row.claimedDecimal!,
      });
    }
  }
  return rows.sort((a, b) => Number(a.serviceId) - Number(b.serviceId) || a.contributor.localeCompare(b.contributor));
}

const COLUMNS: Array<{ title: string; value: (row: SummaryRow) => string; right?: boolean }> = [
  { title: "Contributor", value: (row) => row.contributor },
  { title: "Address", value: (row) => row.address },
  { title: "Service", value: (row) => `${row.serviceId} ${row.serviceName}` },
  { title: "Version", value: (row) => row.version, right: true },
  { title: "Tokens", value: (row) => row.tokens, right: true },
  { title: "Share %", value: (row) => row.sharePercent, right: true },
  { title: "Deposited tUSDC", value: (row) => row.versionDeposited, right: true },
  { title: "Entitled tUSDC", value: (row) => row.entitled, right: true },
  { title: "Claimed tUSDC", value: (row) => row.claimed, right: true },
];

/**
 * Formats the rows as a plain-text table with columns separated by two or more spaces. "Deposited"
 * is the version's total; "Entitled" is the contributor's part of it.
 */
export function formatSummary(rows: SummaryRow[]): string {
  const widths = COLUMNS.map((column) => Math.max(column.title.length, ...rows.map((row) => column.value(row).length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (COLUMNS[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  return [
    line(COLUMNS.map((column) => column.title)),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => column.value(row)))),
  ].join("\n");
}
