import { getAddress, isAddress } from "viem";

import { signAttestationFile, signConsentFile } from "../../lib/dataset/sign.ts";
import { KEYS_HELP } from "../../lib/keys/load-account.ts";
import type { Command } from "../command.ts";
import { CHAIN_HELP, CHAIN_OPTIONS, connectFromOptions, runChainCommand, SIGNER_OPTIONS, writeJsonLine } from "../chain-options.ts";
import { CliError, EXIT, EXIT_CODES_HELP } from "../exit-codes.ts";
import { parseInteger, parseOptions } from "../parse-options.ts";

const DEFAULT_VALID_DAYS = 30;

function signHelp(kind: "consent" | "attest"): string {
  const isConsent = kind === "consent";
  return `Usage: 1tt ${kind} DIR [options]

${
    isConsent
      ? `The contributor signs its EIP-712 consent to register the dataset in DIR: dataset id, token
count, pipeline and tokenizer ids from report.json, and the report's CID and sha256 from
publish.json ("1tt publish DIR" first). The signer's address is the contributor and is paid
for the dataset, unless --contributor names a contract wallet (ERC-1271) that accepts the
signer's signatures, such as a 1-of-1 owner wallet; 1tt checks that the wallet accepts the
signature before writing it. Writes DIR/consent.json, bound to this chain, registry and
consent nonce.`
      : `The attester signs the EIP-712 attestation of the dataset in DIR, after checking that the
key holds ATTESTER_ROLE. With DIR/consent.json it attests the consented terms, after checking
that they still match DIR/report.json and DIR/publish.json. Without a consent, --contributor
names the contributor, so the attestation can be published for the contributor to review
before consenting. Writes DIR/attestation.json.`
  }

Options:
  --valid-days N       days until the signature expires, from the chain's latest block
                       (default: ${DEFAULT_VALID_DAYS})${
    isConsent
      ? `
  --contributor ADDRESS
                       contract wallet (ERC-1271) that is the contributor (default: the
                       signer's own address)`
      : `
  --contributor ADDRESS
                       the contributor, when DIR has no consent yet`
  }
  --keystore FILE      ${isConsent ? "contributor" : "attester"} key file (see Keys)
${CHAIN_HELP}

${KEYS_HELP}
This command reads ${isConsent ? "ONETT_CONTRIBUTOR_KEY" : "ONETT_ATTESTER_KEY"}.

JSON fields: datasetId, signer, deadline, file.

${EXIT_CODES_HELP}
`;
}

function signCommand(kind: "consent" | "attest"): Command {
  const help = signHelp(kind);
  return {
    name: kind,
    summary: kind === "consent" ? "contributor: sign the consent to register a published dataset" : "attester: sign the attestation of a consented dataset",
    help,
    async run(argv, io) {
      const { values, positionals } = parseOptions(kind, argv, {
        ...CHAIN_OPTIONS,
        ...SIGNER_OPTIONS,
        "valid-days": { type: "string" },
        contributor: { type: "string" },
      });
      if (values.help) {
        io.stdout.write(help);
        return EXIT.ok;
      }
      if (positionals.length === 0) throw new CliError(`missing DIR: name at least one preprocessed dataset folder. Run "1tt ${kind} --help".`, EXIT.usage);
      const validDays = parseInteger("valid-days", values["valid-days"], 1, 3650) ?? DEFAULT_VALID_DAYS;
      if (values.contributor !== undefined && !isAddress(values.contributor)) {
        throw new CliError(`invalid --contributor "${values.contributor}": expected a 0x-prefixed 20-byte address.`, EXIT.usage);
      }
      const contributor = values.contributor === undefined ? undefined : getAddress(values.contributor);
      return await runChainCommand(values, async () => {
        const connection = await connectFromOptions(values, { role: kind === "consent" ? "contributor" : "attester" });
        const results = [];
        for (const folder of positionals) {
          const parameters = { connection, account: connection.account!, folder, validDays, contributor };
          const { record, file } = kind === "consent" ? await signConsentFile(parameters) : await signAttestationFile(parameters);
          io.stdout.write(`${kind === "consent" ? "consented" : "attested"} ${record.terms.id} (${record.terms.tokenCount} tokens) as ${record.signer}; wrote ${file}\n`);
          results.push({ datasetId: record.terms.id, signer: record.signer, deadline: record.deadline, file });
        }
        if (values.json) writeJsonLine(io, results.length === 1 ? results[0] : { signed: results });
        return EXIT.ok;
      });
    },
  };
}

export const consentCommand = signCommand("consent");
export const attestCommand = signCommand("attest");
