import { getAddress, isAddress, type Address } from "viem";

import { formatTokenAmount } from "../../lib/chain/amounts.ts";
import { claimAll } from "../../lib/chain/claim.ts";
import { readEntitlements, shareOfWeight } from "../../lib/chain/entitlements.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";

const claimHelp = `Usage: 1tt claim ADDRESS [options]

Claims everything that contributor ADDRESS can claim, across all services and versions, in one
transaction. Anyone may send it; the splitter pays the contributor's payout address, never
the sender.

Options:
  --keystore FILE      sender key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
The sender reads ONETT_CONTRIBUTOR_KEY, then ONETT_PRIVATE_KEY.

JSON fields: contributor, transactionHash, blockNumber, claims ([{serviceId, version, token,
amount, amountDecimal, payout}]).

${EXIT_CODES_HELP}
`;

export const claimCommand: Command = {
  name: "claim",
  summary: "claim a contributor's payouts from every version in one transaction",
  help: claimHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("claim", argv, { ...CHAIN_OPTIONS, ...SIGNER_OPTIONS });
    if (values.help) {
      io.stdout.write(claimHelp);
      return EXIT.ok;
    }
    const contributor = addressArgument(positionals, "claim");
    return await runChainCommand(values, async () => {
      const connection = await connectFromOptions(values, { role: "contributor" });
      const { claimed, receipt } = await claimAll(connection, contributor);
      for (const entry of claimed) {
        io.stdout.write(
          `service ${entry.serviceId} version ${entry.version}: ${formatTokenAmount(entry.paid, entry.token.decimals)} ${entry.token.symbol} to ${entry.payout}\n`,
        );
      }
      io.stdout.write(`claimed in tx ${receipt.transactionHash} (block ${receipt.blockNumber})\n`);
      if (values.json) {
        writeJsonLine(io, {
          contributor,
          transactionHash: receipt.transactionHash,
          blockNumber: receipt.blockNumber,
          claims: claimed.map((entry) => ({
            serviceId: entry.serviceId,
            version: entry.version,
            token: entry.token.symbol,
            amount: entry.paid,
            amountDecimal: formatTokenAmount(entry.paid, entry.token.decimals),
            payout: entry.payout,
          })),
        });
      }
      return EXIT.ok;
    });
  },
};

const entitlementsHelp = `Usage: 1tt entitlements ADDRESS [options]

Lists, per service and version where contributor ADDRESS has weight: its weight (tokens of its
attached datasets), its share of the version's total weight, what the version received in
deposits, the contributor's part of them, what it has claimed and what it can claim now.
Amounts are shown as decimals with the token symbol; --json gives base units too. Reads only;
no key needed.

Options:
${CHAIN_HELP}

JSON fields: contributor, entitlements ([{serviceId, version, token, decimals, isSealed,
weight, totalWeight, sharePercent, versionDeposited, entitled, claimed, claimable, and each
amount again as ...Decimal}]).

${EXIT_CODES_HELP}
`;

export const entitlementsCommand: Command = {
  name: "entitlements",
  summary: "show a contributor's weights, deposits, claimed and claimable amounts",
  help: entitlementsHelp,
  async run(argv, io) {
    const { values, positionals } = parseOptions("entitlements", argv, { ...CHAIN_OPTIONS });
    if (values.help) {
      io.stdout.write(entitlementsHelp);
      return EXIT.ok;
    }
    const contributor = addressArgument(positionals, "entitlements");
    return await runChainCommand(values, async () => {
      const connection = await connectFromOptions(values);
      const entitlements = await readEntitlements(connection, contributor);
      const rows = entitlements.map((entry) => {
        const decimal = (amount: bigint) => formatTokenAmount(amount, entry.token.decimals);
        return {
          serviceId: entry.serviceId,
          version: entry.version,
          token: entry.token.symbol,
          decimals: entry.token.decimals,
          isSealed: entry.isSealed,
          weight: entry.weight,
          totalWeight: entry.totalWeight,
          sharePercent: shareOfWeight(entry.weight, entry.totalWeight),
          versionDeposited: entry.versionDeposited,
          versionDepositedDecimal: decimal(entry.versionDeposited),
          entitled: entry.entitled,
          entitledDecimal: decimal(entry.entitled),
          claimed: entry.claimed,
          claimedDecimal: decimal(entry.claimed),
          claimable: entry.claimable,
          claimableDecimal: decimal(entry.claimable),
        };
      });
      if (rows.length === 0) io.stdout.write(`${contributor} has no weight in any service version on chain ${connection.chainId}.\n`);
      for (const row of rows) {
        io.stdout.write(
          `service ${row.serviceId} version ${row.version}${row.isSealed ? "" : " (open)"}: weight ${row.weight} of ${row.totalWeight} (${row.sharePercent}%), ` +
            `version deposits ${row.versionDepositedDecimal} ${row.token}, yours ${row.entitledDecimal}, claimed ${row.claimedDecimal}, claimable ${row.claimableDecimal}\n`,
        );
      }
      if (values.json) writeJsonLine(io, { contributor, entitlements: rows });
      return EXIT.ok;
    });
  },
};

/** Parses the one ADDRESS positional argument of a command. */
export function addressArgument(positionals: string[], command: string): Address {
  const [value] = positionals;
  if (positionals.length !== 1 || value === undefined || !isAddress(value)) {
    throw new CliError(`expected one contributor ADDRESS (0x + 40 hex digits), got "${positionals.join(" ")}". Run "1tt ${command} --help".`, EXIT.usage);
  }
  return getAddress(value);
}
