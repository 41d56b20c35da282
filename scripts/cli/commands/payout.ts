import { getAddress, isAddress, type Address } from "viem";

import { readPayoutAddress, readPayoutRedirect, setPayoutAddress, signPayoutRedirect, submitPayoutRedirect } from "../../lib/chain/payout.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const DEFAULT_VALID_DAYS = 7;
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

const help = `Usage: 1tt payout show CONTRIBUTOR [options]
       1tt payout set PAYOUT [options]
       1tt payout sign PAYOUT --out FILE [options]
       1tt payout submit FILE [options]

Where a contributor's claims are paid.
  show     prints the payout address of CONTRIBUTOR (its own address unless redirected)
  set      the contributor redirects its own claims to PAYOUT (0x0 pays itself again)
  sign     the contributor signs a redirect to PAYOUT without sending anything, and writes it
           to FILE; anyone can submit it, so the contributor's key needs no ETH and can stay
           offline
  submit   anyone sends a signed redirect from FILE

Options:
  --out FILE           where "sign" writes the redirect
  --valid-days N       days until a signed redirect expires (default: ${DEFAULT_VALID_DAYS})
  --keystore FILE      key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
"set" and "sign" read ONETT_CONTRIBUTOR_KEY; "submit" reads ONETT_RELAYER_KEY, then
ONETT_ATTESTER_KEY.

JSON fields: contributor, payout, and transactionHash (set, submit) or file and deadline (sign).

${EXIT_CODES_HELP}
`;

export const payoutCommand: Command = {
  name: "payout",
  summary: "contributor: show, set or sign by signature where claims are paid",
  help,
  async run(argv, io) {
    const { values, positionals } = parseOptions("payout", argv, {
      ...CHAIN_OPTIONS,
      ...SIGNER_OPTIONS,
      out: { type: "string" },
      "valid-days": { type: "string" },
    });
    if (values.help) {
      io.stdout.write(help);
      return EXIT.ok;
    }
    const [action, argument] = positionals;
    if (!["show", "set", "sign", "submit"].includes(action ?? "") || argument === undefined || positionals.length !== 2) {
      throw new CliError('expected "payout show CONTRIBUTOR", "payout set PAYOUT", "payout sign PAYOUT --out FILE" or "payout submit FILE".', EXIT.usage);
    }
    const validDays = parseInteger("valid-days", values["valid-days"], 1, 3650) ?? DEFAULT_VALID_DAYS;

    return await runChainCommand(values, async () => {
      if (action === "submit") {
        const connection = await connectFromOptions(values, { role: "relayer" });
        const redirect = readPayoutRedirect(connection, argument);
        const receipt = await submitPayoutRedirect(connection, redirect);
        io.stdout.write(`claims of ${redirect.contributor} now go to ${redirect.payout} (tx ${receipt.transactionHash})\n`);
        if (values.json) writeJsonLine(io, { contributor: redirect.contributor, payout: redirect.payout, transactionHash: receipt.transactionHash });
        return EXIT.ok;
      }
      const address = addressArgument(argument, action === "show" ? "CONTRIBUTOR" : "PAYOUT");
      if (action === "show") {
        const connection = await connectFromOptions(values);
        const payout = await readPayoutAddress(connection, address);
        io.stdout.write(`claims of ${address} are paid to ${payout}\n`);
        if (values.json) writeJsonLine(io, { contributor: address, payout });
        return EXIT.ok;
      }
      const connection = await connectFromOptions(values, { role: "contributor" });
      const contributor = connection.account!.address;
      if (action === "set") {
        const receipt = await setPayoutAddress(connection, address);
        io.stdout.write(`claims of ${contributor} now go to ${address === ZERO_ADDRESS ? contributor : address} (tx ${receipt.transactionHash})\n`);
        if (values.json) writeJsonLine(io, { contributor, payout: address, transactionHash: receipt.transactionHash });
        return EXIT.ok;
      }
      if (values.out === undefined) throw new CliError("missing --out FILE: where to write the signed redirect.", EXIT.usage);
      const redirect = await signPayoutRedirect(connection, connection.account!, address, validDays, values.out);
      io.stdout.write(`signed a redirect of ${contributor}'s claims to ${address}, valid until ${new Date(Number(redirect.deadline) * 1000).toISOString()}; wrote ${values.out}\n`);
      if (values.json) writeJsonLine(io, { contributor, payout: address, file: values.out, deadline: redirect.deadline });
      return EXIT.ok;
    });
  },
};

function addressArgument(value: string, name: string): Address {
  if (value === "0x0") return ZERO_ADDRESS;
  if (!isAddress(value)) throw new CliError(`invalid ${name} "${value}": expected a 0x-prefixed 20-byte address.`, EXIT.usage);
  return getAddress(value);
}
