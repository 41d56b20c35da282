import { writeFileSync } from "node:fs";

import { buildStatement, statementCsv, STATEMENT_COLUMNS } from "../../lib/chain/statement.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";
import { addressArgument } from "./claim.ts";

const help = `Usage: 1tt statement ADDRESS [--out FILE] [options]

Writes contributor ADDRESS's account statement as CSV for accounting, in chain order: a
"credit" row for each deposit that credited it (its exact part of the deposit) and a "claim"
row for each payout. The file is UTF-8 with a byte order mark and CRLF line ends, so that
spreadsheet programs show Korean text correctly. Reads only; no key needed.

Columns: ${STATEMENT_COLUMNS.join(", ")}.
Times are the block times in KST (UTC+9) and UTC; amount_raw is in the token's base units.

Options:
  --out FILE           write the CSV to FILE (default: stdout)
  --log-range N        first block range per eth_getLogs request (default: 100000)
${CHAIN_HELP}

JSON fields (with --out FILE): contributor, file, rows, credits, claims.

${EXIT_CODES_HELP}
`;

export const statementCommand: Command = {
  name: "statement",
  summary: "write a contributor's credits and claims as CSV for accounting",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("statement", argv, { ...CHAIN_OPTIONS, out: { type: "string" }, "log-range": { type: "string" } });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    const contributor = addressArgument(positionals, "statement");
    const logRange = parseInteger("log-range", values["log-range"], 1, 10_000_000);
    if (values.json && values.out === undefined) throw new CliError("--json needs --out FILE, because without it stdout carries the CSV.", EXIT.usage);
    return await runChainCommand(values, async () => {
      const connection = await connectFromOptions(values);
      const rows = await buildStatement(connection, contributor, logRange === undefined ? undefined : BigInt(logRange));
      const csv = statementCsv(rows);
      if (values.out === undefined) {
        io.stdout.write(csv);
        return EXIT.ok;
      }
      writeFileSync(values.out, csv);
      const credits = rows.filter((row) => row.type === "credit").length;
      io.stderr.write(`wrote ${rows.length} rows (${credits} credits, ${rows.length - credits} claims) to ${values.out}\n`);
      if (values.json) writeJsonLine(io, { contributor, file: values.out, rows: rows.length, credits, claims: rows.length - credits });
      return EXIT.ok;
    });
  },
};
