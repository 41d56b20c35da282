import { formatTokenAmount, parseRawAmount, parseTokenAmount, periodToBytes32 } from "../../lib/chain/amounts.ts";
import { depositRevenue, serviceToken } from "../../lib/chain/deposit.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, parseId, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseOptions } from "../parse-options.ts";

const help = `Usage: 1tt deposit SERVICE_ID VERSION (--revenue AMOUNT | --revenue-raw UNITS) --period LABEL [options]

The consumer reports a period's gross revenue of a sealed service version and deposits the
share in force. The splitter computes the amount (gross revenue times the share, rounded up in
favour of contributors); 1tt previews it, approves exactly that amount when the allowance is
short, deposits, and prints both receipts. The token's decimals are read from the token.

It refuses to deposit twice for the same version and period label unless
--allow-repeat-period is given, so that a re-run does not pay a month twice.

Options:
  --revenue AMOUNT       gross revenue as a decimal in token units, such as 1234.56
  --revenue-raw UNITS    gross revenue in the token's base units, such as 1234560000
  --period LABEL         accounting period, such as 2026-11 (UTF-8, at most 32 bytes)
  --no-approve           do not approve; fail with the missing allowance instead
  --allow-repeat-period  deposit even if this version has a deposit with this label
  --keystore FILE        consumer key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
This command reads ONETT_CONSUMER_KEY.

JSON fields: serviceId, version, period, grossRevenue, amount, amountDecimal, token, shareBps,
approveTransactionHash (null when no approval was needed), transactionHash, blockNumber.

${EXIT_CODES_HELP}
`;

export const depositCommand: Command = {
  name: "deposit",
  summary: "consumer: report a period's revenue and deposit the contributors' share",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("deposit", argv, {
      ...CHAIN_OPTIONS,
      ...SIGNER_OPTIONS,
      revenue: { type: "string" },
      "revenue-raw": { type: "string" },
      period: { type: "string" },
      "no-approve": { type: "boolean", default: false },
      "allow-repeat-period": { type: "boolean", default: false },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    const serviceId = parseId("SERVICE_ID", positionals[0], "deposit");
    const version = parseId("VERSION", positionals[1], "deposit");
    if ((values.revenue === undefined) === (values["revenue-raw"] === undefined)) {
      throw new CliError("pass exactly one of --revenue AMOUNT or --revenue-raw UNITS.", EXIT.usage);
    }
    if (values.period === undefined) throw new CliError("missing --period LABEL, such as 2026-11.", EXIT.usage);

    return await runChainCommand(values, async () => {
      const period = periodToBytes32(values.period!);
      const connection = await connectFromOptions(values, { role: "consumer" });
      const token = await serviceToken(connection, serviceId);
      const grossRevenue = values.revenue === undefined ? parseRawAmount(values["revenue-raw"]!) : parseTokenAmount(values.revenue, token.decimals, token.symbol);
      const result = await depositRevenue({
        connection,
        serviceId,
        version,
        grossRevenue,
        period,
        approve: !values["no-approve"],
        allowRepeatedPeriod: values["allow-repeat-period"],
      });
      const decimal = formatTokenAmount(result.amount, token.decimals);
      if (result.approveReceipt !== undefined) {
        io.stdout.write(`approved ${decimal} ${token.symbol} (tx ${result.approveReceipt.transactionHash}, block ${result.approveReceipt.blockNumber})\n`);
      }
      io.stdout.write(
        `deposited ${decimal} ${token.symbol} (${result.amount} base units) = ${formatTokenAmount(grossRevenue, token.decimals)} x ${result.shareBps} bps ` +
          `to service ${serviceId} version ${version} for ${values.period} (tx ${result.depositReceipt.transactionHash}, block ${result.depositReceipt.blockNumber})\n`,
      );
      if (values.json) {
        writeJsonLine(io, {
          serviceId,
          version,
          period: values.period,
          grossRevenue,
          amount: result.amount,
          amountDecimal: decimal,
          token: token.symbol,
          shareBps: result.shareBps,
          approveTransactionHash: result.approveReceipt?.transactionHash ?? null,
          transactionHash: result.depositReceipt.transactionHash,
          blockNumber: result.depositReceipt.blockNumber,
        });
      }
      return EXIT.ok;
    });
  },
};
